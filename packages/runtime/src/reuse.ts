// A full criterion result, made once and reused by every case that reads the same of it. A result's
// text (its rationale, its parts' and its trace's words) is a function of the criterion, its status,
// the leaves its traced run recorded (each one's values and answer), the facts inside those leaves'
// operands, its texts' placeholders and, when a text falls back on them, the facts it (or a part of
// it) leaves unknown, in words. That read is listed for each case, and a result kept for a read is reused only when
// the case's read is the same, value for value (its hash only finds the candidate). A case whose read
// holds an object (neither a list nor an unknown value) is explained afresh.
import type { CompiledCriterion, Cond, Template, Value } from '@guideline/language/rules';
import { statusCodes, type CriterionPlan, type Evaluated } from './criteria.ts';
import { recordedLeaves, type Calc, type Plan, type Run } from './plan.ts';
import type { CriterionResult } from './types.ts';
import { Unknown } from './values.ts';

/**
 * How many full results a rule set keeps, over all its criteria (`results`) and for one criterion
 * (`perCriterion`), and how many reads a criterion remembers having seen once (`seenOnce`). A result
 * with its text is a few kilobytes: together some tens of megabytes, whatever the number of cases.
 */
export const keptLimits = { results: 8_192, perCriterion: 2_048, seenOnce: 8_192 } as const;

/** What a rule set's kept results share: their number. */
export interface Kept {
  size: number;
}

/** What a criterion's text reads beyond its records, worked out once a criterion. */
interface Reads {
  /** The facts and lookups inside its leaves' operands, and its texts' placeholders, in order. */
  values: Calc[];
  /** Whether a text of its (its own or a part's) for an unknown status lists the missing facts. */
  wordsWhenUnknown: boolean;
}

const readsOf = new WeakMap<CriterionPlan, Reads>();

function reads(k: CriterionPlan, plan: Plan): Reads {
  let r = readsOf.get(k);
  if (r) return r;
  const meta = k.meta;
  const values: Calc[] = [];
  const seen = new Set<Value>();
  const reads = (v: Value): void => {
    if (seen.has(v)) return;
    seen.add(v);
    values.push(plan.value(v));
  };
  const conds: Cond[] = [];
  if (meta.when) conds.push(meta.when);
  if (meta.group) for (const p of meta.group.parts) conds.push(p.require);
  else if (meta.require) conds.push(meta.require);
  for (const c of conds) for (const leaf of recordedLeaves(c)) for (const v of operands(leaf)) shownInside(v, reads);
  const templates = (texts: CompiledCriterion['texts']): (Template | undefined)[] => [texts.met, texts.notMet, texts.unknown];
  for (const t of [...templates(meta.texts), ...(meta.group?.parts.flatMap((p) => templates(p.texts)) ?? [])]) {
    for (const p of t?.placeholders ?? []) reads(p.value);
  }
  const wordsWhenUnknown = !meta.texts.unknown || (meta.group?.parts.some((p) => !p.texts.unknown) ?? false);
  readsOf.set(k, (r = { values, wordsWhenUnknown }));
  return r;
}

/** A leaf's operands: the values a trace entry describes. */
function operands(leaf: ReturnType<typeof recordedLeaves>[number]): Value[] {
  if ('cmp' in leaf) return [leaf.left, leaf.right];
  if ('is' in leaf) return [leaf.is];
  if ('within' in leaf) return [leaf.within, leaf.window];
  if ('known' in leaf) return [leaf.known];
  if ('recorded' in leaf) return [leaf.recorded];
  if ('includes' in leaf) return [leaf.includes];
  if ('empty' in leaf) return [leaf.empty];
  if ('code' in leaf) return [leaf.code];
  return [];
}

/** The values a description of `v` shows (explain.ts Describer): its facts and lookups, not an aggregate's items. */
function shownInside(v: Value, add: (v: Value) => void): void {
  if ('fact' in v || 'lookup' in v) add(v);
  else if ('op' in v) {
    shownInside(v.args[0], add);
    shownInside(v.args[1], add);
  } else if ('round' in v) shownInside(v.arg, add);
  else if ('since' in v) {
    shownInside(v.since, add);
    if (v.to) shownInside(v.to, add);
  }
}

/** A criterion's kept result, with what its case read (readOf). */
interface KeptResult {
  read: unknown[];
  result: CriterionResult;
}

/**
 * A criterion's kept results, by their read's hash, and the hashes of reads seen once: a result is
 * kept the second time its read is seen, so that reads no other case repeats (a date, a count of
 * days) do not push out the ones that recur.
 */
export interface Results {
  readonly byHash: Map<number, KeptResult>;
  readonly seenOnce: Set<number>;
  /** Reads that found their result kept, and reads that did not, since the criterion was last weighed. */
  found: number;
  missed: number;
  /** Cases left to explain afresh without a read, for a criterion whose reads seldom repeat. */
  skip: number;
}

/**
 * Whether to read what a case read of this criterion: not while it is skipped. Every 1,024 reads, a
 * criterion that found under one in eight of its results kept is skipped for the next 8,192 cases
 * (a read that never repeats costs more than it saves), then weighed again.
 */
export function worthReading(results: Results): boolean {
  if (results.skip > 0) {
    results.skip--;
    return false;
  }
  if (results.found + results.missed >= 1_024) {
    if (results.found * 8 < results.missed) results.skip = 8_192;
    results.found = results.missed = 0;
  }
  return true;
}

/**
 * What the case being explained read of its criterion, in order, and how many (`readLength`):
 * one list a process, filled by readOf and read at once by keptResult and keep.
 */
const values: unknown[] = [];
let readLength = 0;
let hash = 0;

/** Marks in a read, before an unknown value's bounds, a list's items and the missing facts' words. */
const unknownMark = {};
const listMark = {};
const wordsMark = {};

function add(v: unknown, h: number): void {
  values[readLength++] = v;
  hash = Math.imul(hash ^ h, 0x01000193);
}

/** Adds a text, hashed by its length, its first character and its last eight (where dates, counts and words differ). */
function addString(s: string): void {
  const n = s.length;
  let h = n;
  if (n) h = Math.imul(h ^ s.charCodeAt(0), 0x5bd1e995);
  for (let i = n > 9 ? n - 8 : 1; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
  add(s, h);
}

/** Adds a value: false when it has no exact entry (an object that is neither a list nor unknown). */
function addValue(v: unknown): boolean {
  switch (typeof v) {
    case 'number':
      add(v, Number.isInteger(v) ? v | 0 : Math.imul(v * 65_599, 1) ^ 0x2f);
      return true;
    case 'string':
      addString(v);
      return true;
    case 'boolean':
      add(v, v ? 1 : 2);
      return true;
    case 'undefined':
      add(v, 3);
      return true;
  }
  if (v === null) {
    add(v, 4);
    return true;
  }
  if (v instanceof Unknown) {
    add(unknownMark, 5);
    return addValue(v.lo) && addValue(v.hi) && addValue(v.why);
  }
  if (Array.isArray(v)) {
    add(listMark, 6);
    add(v.length, v.length);
    for (let i = 0; i < v.length; i++) if (!addValue(v[i])) return false;
    return true;
  }
  return false;
}

/**
 * What this case's criterion read: its status and parts, each recorded leaf's number, answer and
 * values, the values its text reads, and the missing facts' words when a text lists them. Returns the
 * read's hash, or undefined when a value has no exact entry (the result is then made afresh).
 */
export function readOf(k: CriterionPlan, e: Evaluated, run: Run, from: number, to: number, missingWords: () => readonly string[]): number | undefined {
  const r = reads(k, run.plan);
  readLength = 0;
  hash = 0x811c9dc5;
  add(e.status, statusCodes[e.status]);
  add(e.basis, e.basis === undefined ? 0 : e.basis === 'unknown' ? 1 : 2);
  let partUnknown = false;
  if (e.parts) {
    add(e.parts.length, e.parts.length);
    for (let i = 0; i < e.parts.length; i++) {
      const p = e.parts[i];
      addValue(p);
      if (p !== true && p !== false) partUnknown = true;
    }
  }
  const records = run.records ?? [];
  add(to - from, to - from);
  for (let i = from; i < to; i++) {
    const rec = records[i]!;
    add(rec.leaf, rec.leaf);
    addValue(rec.result);
    for (let j = 0; j < rec.values.length; j++) if (!addValue(rec.values[j])) return undefined;
  }
  for (let i = 0; i < r.values.length; i++) if (!addValue(r.values[i]!(run))) return undefined;
  if (r.wordsWhenUnknown && (e.status === 'unknown' || partUnknown)) {
    const words = missingWords();
    add(wordsMark, 7);
    add(words.length, words.length);
    for (let i = 0; i < words.length; i++) addString(words[i]!);
  }
  return hash >>> 0;
}

/** The result kept for the read just made (readOf), if one is. */
export function keptResult(results: Results, h: number): CriterionResult | undefined {
  const kept = results.byHash.get(h);
  if (kept && kept.read.length === readLength && same(kept.read)) {
    results.found++;
    return kept.result;
  }
  results.missed++;
  return undefined;
}

function same(read: unknown[]): boolean {
  for (let i = 0; i < readLength; i++) if (read[i] !== values[i]) return false;
  return true;
}

/**
 * Keeps a criterion's result for the read just made (readOf), the second time that read is seen,
 * made safe to share: frozen, and what it holds of the case (a list a trace shows) copied. When the
 * rule set keeps as many as it may, or the criterion does, the criterion's oldest result makes room;
 * a result of the same hash is replaced.
 */
export function keep(results: Results, kept: Kept, h: number, r: CriterionResult): CriterionResult {
  const { byHash, seenOnce } = results;
  if (byHash.delete(h)) kept.size--;
  else if (!seenOnce.delete(h)) {
    if (seenOnce.size >= keptLimits.seenOnce) seenOnce.clear();
    seenOnce.add(h);
    return r;
  } else if (byHash.size >= keptLimits.perCriterion || kept.size >= keptLimits.results) {
    const oldest = byHash.keys().next();
    if (oldest.done) return r;
    byHash.delete(oldest.value);
    kept.size--;
  }
  byHash.set(h, { read: values.slice(0, readLength), result: shared(r) });
  kept.size++;
  return r;
}

/**
 * A criterion's result made safe to share between determinations (a kept full one here, a
 * decision-only one in evaluate.ts): frozen through, and the lists its trace takes from the case copied.
 */
export function shared(r: CriterionResult): CriterionResult {
  for (const t of r.trace) {
    t.value = frozenCopy(t.value);
    t.expected = frozenCopy(t.expected);
    Object.freeze(t);
  }
  Object.freeze(r.trace);
  Object.freeze(r.source);
  if (r.parts) {
    for (const p of r.parts) Object.freeze(p);
    Object.freeze(r.parts);
  }
  return Object.freeze(r);
}

/** A list copied, with the lists in it, and frozen; any other value as it is. */
function frozenCopy(v: unknown): unknown {
  return Array.isArray(v) ? Object.freeze(v.map(frozenCopy)) : v;
}
