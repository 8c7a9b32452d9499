// A rule set's revision: the SHA-256 of its content in canonical JSON (keys in code-unit order, no
// spaces: RFC 8785's form for the values an artifact holds), leaving out only the compiler that wrote
// it and the revision itself. The same rules have the same revision whatever compiled them and
// however the file was laid out; any change to what decides changes it.
import type { RuleSet } from './artifact.ts';
import { sha256Hex } from './sha256.ts';

/**
 * JSON with every object's keys in code-unit order and no whitespace; undefined members left out, as
 * JSON.stringify does. Objects whose keys are already in order are written as they are.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortedKeys) ?? 'null';
}

function sortedKeys(_key: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  if (sorted) return v;
  keys.sort();
  // No prototype: a member named __proto__ stays a member.
  const o = Object.create(null) as Record<string, unknown>;
  for (const k of keys) o[k] = (v as Record<string, unknown>)[k];
  return o;
}

/** Members of an artifact its revision does not cover: who compiled it, and the revision itself. */
const outsideRevision = new Set(['compiler', 'revision']);

/** The revision of a rule set: `sha256:` and 64 hex digits. */
export function ruleSetRevision(rules: RuleSet): string {
  const content: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rules)) if (!outsideRevision.has(k)) content[k] = v;
  return `sha256:${sha256Hex(canonicalJson(content))}`;
}
