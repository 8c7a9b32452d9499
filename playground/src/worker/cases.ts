// Cases, in the worker: the case JSON checked against the schema with each problem at its field, the case
// run against the rule set of the last analysis, the bundled tests, and the compiled rules as JSON.
// Everything here grows with the input, so it stays off the page's thread; what leaves is bounded.
import type { RuleSet } from '@guideline/language';
import { CaseValidationError, duplicateKeyMessage, duplicateKeys, evaluateFast, jsonFieldSpans, validateCase, type CaseIssue, type Determination } from '@guideline/runtime';
import { compareExpectation } from '../expect.ts';
import { caseProblemsShown, compiledShownChars, criteriaShown, traceShown } from '../limits.ts';
import type { CaseCheck, CaseProblem, ConditionCoverage, RunResult, SourceSpan, TestOutcome } from '../protocol.ts';
import { CoverageCounter } from './coverage.ts';
import type { TestCase } from '../test-cases.ts';

/** The issues reported, and how many there are in all (the last may count those not reported). */
function counted(issues: readonly CaseIssue[]): { reported: CaseIssue[]; total: number } {
  const more = issues[issues.length - 1]?.more;
  return more === undefined ? { reported: [...issues], total: issues.length } : { reported: issues.slice(0, -1), total: issues.length - 1 + more };
}

/**
 * Problems (the first `caseProblemsShown`) of a case's JSON text: syntax first, then the contract and
 * the fields the rule set's own vocabularies define.
 */
export function checkCase(text: string, rules?: RuleSet): CaseCheck & { value?: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = Number(/position (\d+)/.exec(msg)?.[1] ?? text.length);
    const message = `Invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}`;
    const start = Math.max(0, Math.min(at, text.length - 1));
    return { problems: [{ field: '', message }], total: 1, marks: [{ start, end: Math.min(at + 1, text.length), message }] };
  }
  // A key given twice: JSON.parse kept the last, and which was meant cannot be told; nothing else is checked.
  const duplicates = duplicateKeys(text);
  if (duplicates.length) {
    const shown = duplicates.slice(0, caseProblemsShown).map((d) => ({ field: d.path, message: duplicateKeyMessage(text, d), span: d.second }));
    return { problems: shown.map(({ field, message }) => ({ field, message })), total: duplicates.length, marks: shown.map((p) => ({ ...p.span, message: `${p.field}: ${p.message}` })) };
  }
  const { reported, total } = counted(validateCase(value, rules));
  if (!total) return { problems: [], total: 0, marks: [], value };
  const problems: CaseProblem[] = reported.slice(0, caseProblemsShown).map((i) => ({ field: i.field, message: i.message }));
  const spans = jsonFieldSpans(text, problems.map((p) => p.field));
  const marks = problems.map((p, i) => ({ ...spans[i]!, message: `${p.field || 'case'}: ${p.message}` }));
  return { problems, total, marks };
}

/** The last line a source location covers (a range that ends at a line's start ends on the line before). */
const lastLine = (src: { line: number; endLine: number; endColumn: number }): number => Math.max(src.line, src.endColumn === 1 ? src.endLine - 1 : src.endLine);

/** Where each shown criterion of the governing guideline (and of its policy) is in the source. */
function sourcesOf(rules: RuleSet, guidelineId: string | undefined): Record<string, SourceSpan> {
  const g = rules.guidelines.find((x) => x.id === guidelineId);
  const out: Record<string, SourceSpan> = Object.create(null) as Record<string, SourceSpan>;
  const criteria = [...(g?.criteria ?? []), ...rules.policies.flatMap((p) => p.criteria)];
  for (const c of criteria.slice(0, criteriaShown)) out[c.id] ??= { file: c.source.file, line: c.source.line, endLine: lastLine(c.source) };
  return out;
}

/** The words of the fact that reads each missing case field (`history.activeTreatment` → active treatment). */
function wordsOf(rules: RuleSet, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const field of fields) {
    const fact = rules.facts.find((f) => f.field === field) ?? rules.facts.find((f) => f.inputs.includes(field));
    if (fact) out[field] = fact.words;
  }
  return out;
}

/** The case text against a rule set (undefined when the workspace has errors), bounded for the page. */
export async function runCase(rules: RuleSet | undefined, caseText: string, otherErrors: () => { file: string; errors: number }[] = () => []): Promise<RunResult> {
  if (!rules) return { kind: 'no-rules', otherErrors: otherErrors() };
  const check = checkCase(caseText, rules);
  if (check.total) return { kind: 'invalid-case', check };
  try {
    const d = evaluateFast(rules, check.value);
    const shown = d.criteria.slice(0, criteriaShown);
    const determination = { ...d, criteria: shown.map((c) => ({ ...c, trace: c.trace.slice(0, traceShown) })) };
    const hidden = { criteria: d.criteria.length - shown.length, traces: shown.map((c) => Math.max(0, c.trace.length - traceShown)) };
    const governing = rules.guidelines.find((g) => g.id === d.guideline?.id && (g.edition ?? undefined) === (d.guideline?.edition ?? undefined)) ?? rules.guidelines.find((g) => g.id === d.guideline?.id);
    return { kind: 'determination', determination, hidden, sources: sourcesOf(rules, d.guideline?.id), words: wordsOf(rules, d.missing), ...(governing ? { guidelineFile: governing.location.file } : {}) };
  } catch (e) {
    if (e instanceof CaseValidationError) {
      const { reported, total } = counted(e.issues);
      const problems = reported.slice(0, caseProblemsShown).map((i) => ({ field: i.field, message: i.message }));
      return { kind: 'invalid-case', check: { problems, total, marks: [] } };
    }
    return { kind: 'failed', error: String(e) };
  }
}

/** A test case's determination, or the reason it has none (an invalid case). */
export async function decide(rules: RuleSet, test: TestCase): Promise<Determination | string> {
  try {
    return evaluateFast(rules, test.case);
  } catch (e) {
    return e instanceof CaseValidationError ? e.issues.slice(0, caseProblemsShown).map((i) => `${i.field || 'case'}: ${i.message}`).join('; ') : String(e);
  }
}

/** Every test case with an expectation, against the rule set, and the conditions they exercised. */
export async function runTests(rules: RuleSet, tests: readonly TestCase[]): Promise<{ outcomes: TestOutcome[]; coverage: ConditionCoverage[] }> {
  const outcomes: TestOutcome[] = [];
  const coverage = new CoverageCounter(rules);
  for (const test of tests) {
    if (!test.expect) continue;
    const d = await decide(rules, test);
    if (typeof d !== 'string') coverage.count(d);
    outcomes.push(typeof d === 'string' ? { file: test.file, diffs: [], error: d } : { file: test.file, diffs: compareExpectation(test.expect, d) });
  }
  return { outcomes, coverage: coverage.result() };
}

/** The rules compiled from one file, as the Compiled JSON tab shows them (or why it shows none). */
export function compiledJson(rules: RuleSet | undefined, file: string): string {
  if (!rules) return '// The guideline has errors: fix them to see the compiled rules.';
  const mine: RuleSet = { ...rules, guidelines: rules.guidelines.filter((g) => g.location.file === file), policies: rules.policies.filter((p) => p.source.file === file) };
  const json = JSON.stringify(mine, null, 2);
  if (json.length <= compiledShownChars) return json;
  return `// The compiled rules of this file are ${json.length} characters, more than the ${compiledShownChars} this view shows.\n// \`pnpm guideline compile -o rules.json\` writes them all.`;
}
