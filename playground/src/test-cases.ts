// Test cases as the CLI's `guideline test` reads them (cases/*.json beside a guideline: a description,
// the case, what is expected): the bundled ones, and those written in the playground from a
// determination. Pure data and functions, shared by the page and the worker.
import { criterionStatuses, decisions, type Determination } from '@guideline/runtime';

/** What a test case expects (`guideline test` compares each field given). */
export interface Expectation {
  decision?: Determination['decision'];
  guideline?: string | null;
  certifiedVisits?: number;
  missing?: string[];
  criteria?: Record<string, string>;
}

export interface TestCase {
  /** guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json */
  file: string;
  /** The folder of the guideline the case belongs to (its cases/ folder's parent). */
  folder: string;
  name: string;
  description: string;
  case: unknown;
  expect: Expectation | undefined;
}

/** The test case file's path for a name in a guideline's folder. */
export const testCaseFile = (folder: string, name: string): string => `${folder}/cases/${name}.json`;

/** A test case read from its file's text (a bundled case, or one kept in storage). */
export function testCaseOf(file: string, text: string): TestCase {
  const t = JSON.parse(text) as { description?: string; case?: unknown; expect?: Expectation };
  return fromJson(file, t);
}

function fromJson(file: string, t: { description?: string; case?: unknown; expect?: Expectation }): TestCase {
  const folder = file.replace(/\/cases\/[^/]+$/, '');
  return { file, folder, name: file.split('/').pop()!.replace(/\.json$/, ''), description: t.description ?? '', case: t.case ?? t, expect: t.expect };
}

/** A test case as its file holds it (what `guideline test` reads), pretty-printed. */
export function testCaseText(t: TestCase): string {
  return `${JSON.stringify({ description: t.description, case: t.case, ...(t.expect ? { expect: t.expect } : {}) }, null, 2)}\n`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An expectation read back, field by field as `guideline test` accepts them (a decision, a guideline
 * id or null, a whole number of visits, a list of fields, criteria with their statuses, nothing else);
 * undefined when any field is something else, which the page would show or compare as nonsense.
 */
function readExpectation(value: unknown): Expectation | undefined {
  if (!isRecord(value)) return undefined;
  const { decision, guideline, certifiedVisits, missing, criteria, ...other } = value;
  if (Object.keys(other).length) return undefined;
  if (decision !== undefined && !(typeof decision === 'string' && (decisions as readonly string[]).includes(decision))) return undefined;
  if (guideline !== undefined && guideline !== null && typeof guideline !== 'string') return undefined;
  if (certifiedVisits !== undefined && !(typeof certifiedVisits === 'number' && Number.isInteger(certifiedVisits) && certifiedVisits >= 0)) return undefined;
  if (missing !== undefined && !(Array.isArray(missing) && missing.every((m) => typeof m === 'string'))) return undefined;
  if (criteria !== undefined && !(isRecord(criteria) && Object.values(criteria).every((s) => typeof s === 'string' && (criterionStatuses as readonly string[]).includes(s)))) return undefined;
  return value as Expectation;
}

/** Reads back a test case kept in storage or a link; undefined for anything but the fields' types. */
export function readTestCase(file: string, value: unknown): TestCase | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value['description'] !== 'string' || !('case' in value)) return undefined;
  const expect = value['expect'] === undefined ? undefined : readExpectation(value['expect']);
  if (value['expect'] !== undefined && !expect) return undefined;
  return fromJson(file, { description: value['description'], case: value['case'], ...(expect ? { expect } : {}) });
}

/** What a determination would make a test expect: its decision, guideline, visits, missing fields and every criterion's status. */
export function expectationOf(d: Determination): Expectation {
  const e: Expectation = { decision: d.decision, guideline: d.guideline?.id ?? null, certifiedVisits: d.certifiedVisits };
  if (d.missing.length) e.missing = [...d.missing];
  if (d.criteria.length) e.criteria = Object.fromEntries(d.criteria.map((c) => [c.id, c.status]));
  return e;
}
