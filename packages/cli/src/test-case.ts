// A test case of a guideline (`cases/*.json`, documented in docs/test-cases.md): read, checked
// against its format and the rule set (an unknown key, criterion, guideline, decision or status is
// an error at its place, with the closest name), and compared with a determination.
import { closest, type RuleSet } from '@guideline/language/rules';
import { criterionStatuses as statuses, decisions, jsonFieldSpan, type Determination, type JsonSpan } from '@guideline/runtime';
import { parseJson } from './json.ts';
import { green, printable, red } from './render.ts';

export interface Expectation {
  decision?: Determination['decision'];
  guideline?: string | null;
  criteria?: Record<string, string>;
  certifiedVisits?: number;
  missing?: string[];
}

export interface TestCase {
  description?: string;
  case: unknown;
  expect: Expectation;
}

/** A problem of a test-case document, at its place in the text. */
export interface TestCaseProblem {
  code: 'R501' | 'R506';
  message: string;
  span: JsonSpan;
}

export { decisions, statuses };

const documentKeys = ['description', 'case', 'expect'];
const expectKeys = ['decision', 'guideline', 'criteria', 'certifiedVisits', 'missing'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const didYouMean = (word: string, known: readonly string[]): string => {
  const near = closest(word, known);
  return near ? `; did you mean '${near}'?` : '';
};
/** A value of a short closed list that is none of it: the list, and the closest member when one is near. */
const oneOf = (value: unknown, known: readonly string[]): string => ` (${known.join(', ')})${typeof value === 'string' ? didYouMean(value, known) : ''}`;
/**
 * The criteria an unknown id most likely means: the one it begins (`fluoro` for `fluoroscopy`), or
 * those it begins when there are a few, else the closest; and the criteria themselves when there are
 * few and none is near.
 */
function nearCriterion(id: string, known: readonly string[]): string {
  const begun = id.length >= 3 ? known.filter((k) => k.startsWith(id)) : [];
  if (begun.length === 1) return `; did you mean '${begun[0]}'?`;
  if (begun.length > 1 && begun.length <= 5) return `; did you mean one of ${begun.map((k) => `'${k}'`).join(', ')}?`;
  const near = didYouMean(id, known);
  if (near || begun.length > 1) return near;
  return known.length > 0 && known.length <= 12 ? ` (${known.join(', ')})` : '';
}

/** Reads a test-case document: the test case, or every problem of it at its place. */
export function readTestCase(text: string, rules: RuleSet): { test: TestCase; problems?: undefined } | { test?: undefined; problems: TestCaseProblem[] } {
  const parsed = parseJson(text);
  if (parsed.error) {
    const at = parsed.error.offset ?? 0;
    return { problems: [{ code: 'R501', message: parsed.error.message, span: { start: at, end: at + 1 } }] };
  }
  const problems: TestCaseProblem[] = [];
  const add = (steps: (string | number)[], message: string): void => void problems.push({ code: 'R506', message, span: jsonFieldSpan(text, steps) });
  const doc = parsed.value;
  if (!isObject(doc)) {
    add([], 'a test case is an object: { "description", "case", "expect" }');
    return { problems };
  }
  for (const k of Object.keys(doc)) if (!documentKeys.includes(k)) add([k], `'${k}' is not a key of a test case (${documentKeys.join(', ')})${didYouMean(k, documentKeys)}`);
  if (!('case' in doc)) add([], 'a test case is { "description", "case", "expect" }: "case" is missing');
  if (doc['description'] !== undefined && typeof doc['description'] !== 'string') add(['description'], 'description: must be a text');
  const expect = doc['expect'];
  if (!isObject(expect)) add(isObject(doc) && 'expect' in doc ? ['expect'] : [], 'expect: must be an object naming at least one of decision, guideline, criteria, certifiedVisits, missing');
  else checkExpect(expect, rules, add);
  return problems.length ? { problems } : { test: doc as unknown as TestCase };
}

function checkExpect(e: Record<string, unknown>, rules: RuleSet, add: (steps: (string | number)[], message: string) => void): void {
  const keys = Object.keys(e);
  for (const k of keys) if (!expectKeys.includes(k)) add(['expect', k], `expect.${k}: not something a test case expects (${expectKeys.join(', ')})${didYouMean(k, expectKeys)}`);
  if (!keys.some((k) => expectKeys.includes(k))) add(['expect'], `nothing to check: "expect" names no ${expectKeys.join(', ')}`);
  const { decision, guideline, criteria, certifiedVisits, missing } = e;
  if (decision !== undefined && !(typeof decision === 'string' && (decisions as readonly string[]).includes(decision))) {
    const near = typeof decision === 'string' ? didYouMean(decision, decisions) : '';
    add(['expect', 'decision'], `expect.decision: ${JSON.stringify(decision)} is not a decision${near || ` (${decisions.join(', ')})`}`);
  }
  const ids = [...new Set(rules.guidelines.map((g) => g.id))];
  if (guideline !== undefined && guideline !== null && !(typeof guideline === 'string' && ids.includes(guideline))) {
    add(['expect', 'guideline'], `expect.guideline: ${JSON.stringify(guideline)} is no guideline of the rule set${typeof guideline === 'string' ? didYouMean(guideline, ids) : ''}`);
  }
  if (certifiedVisits !== undefined && !(typeof certifiedVisits === 'number' && Number.isInteger(certifiedVisits) && certifiedVisits >= 0)) {
    add(['expect', 'certifiedVisits'], 'expect.certifiedVisits: must be a whole number of visits, 0 or more');
  }
  if (missing !== undefined && !(Array.isArray(missing) && missing.every((m) => typeof m === 'string'))) add(['expect', 'missing'], 'expect.missing: must be a list of case fields');
  if (criteria === undefined) return;
  if (!isObject(criteria)) return add(['expect', 'criteria'], 'expect.criteria: must be an object: { "<criterion>": "<status>" }');
  // The criteria a determination can list: the expected guideline's (every edition) and the policies', else any.
  const of = typeof guideline === 'string' && ids.includes(guideline) ? rules.guidelines.filter((g) => g.id === guideline) : rules.guidelines;
  const known = [...new Set([...of.flatMap((g) => g.criteria.map((c) => c.id)), ...rules.policies.flatMap((p) => p.criteria.map((c) => c.id))])];
  for (const [id, status] of Object.entries(criteria)) {
    if (!known.includes(id)) add(['expect', 'criteria', id], `expect.criteria: '${id}' is no criterion of ${of === rules.guidelines ? 'the rule set' : `guideline ${String(guideline)}`}${nearCriterion(id, known)}`);
    if (!(typeof status === 'string' && (statuses as readonly string[]).includes(status))) {
      add(['expect', 'criteria', id], `expect.criteria.${id}: ${JSON.stringify(status)} is not a status${oneOf(status, statuses)}`);
    }
  }
}

/** Differences between what a test case expects and the determination, one line each. */
export function compare(expect: Expectation, d: Determination): string[] {
  const diffs: string[] = [];
  const line = (what: string, want: unknown, got: unknown): void => {
    diffs.push(`${printable(what)}\n    ${red('- expected')} ${printable(JSON.stringify(want) ?? String(want))}\n    ${green('+ actual  ')} ${printable(JSON.stringify(got) ?? String(got))}`);
  };
  if (expect.decision !== undefined && expect.decision !== d.decision) line('decision', expect.decision, d.decision);
  if (expect.guideline !== undefined && expect.guideline !== (d.guideline?.id ?? null)) line('guideline', expect.guideline, d.guideline?.id ?? null);
  if (expect.certifiedVisits !== undefined && expect.certifiedVisits !== d.certifiedVisits) line('certifiedVisits', expect.certifiedVisits, d.certifiedVisits);
  if (expect.missing !== undefined && JSON.stringify([...expect.missing].sort()) !== JSON.stringify([...d.missing].sort())) line('missing', expect.missing, d.missing);
  for (const [id, want] of Object.entries(expect.criteria ?? {})) {
    const got = d.criteria.find((c) => c.id === id);
    if (!got) line(`criterion ${id}`, want, 'absent');
    else if (got.status !== want) line(`criterion ${id}`, want, got.status);
  }
  return diffs;
}
