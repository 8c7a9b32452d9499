// `guideline test [paths] [--coverage]`: run the test cases (cases/*.json beside each guideline
// given, and only those), print each failure with a diff and each malformed test case at its place,
// and end with `N passed, N failed`. With --coverage, also report which criteria (and which of their
// statuses and condition outcomes) the cases reached, and fail when a criterion is reached by none.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasErrors } from '@guideline/language/rules';
import { CaseValidationError, evaluate } from '@guideline/runtime';
import { booleanOption, type Command } from '../command.ts';
import { emptyCoverage, recordCoverage, renderCoverage, uncoveredCriteria } from '../coverage.ts';
import { display, guidelineFiles, jsonFiles } from '../load.ts';
import { ReadError, readLimits, readText } from '../read.ts';
import { printable, red, renderAt, renderCaseIssues, renderDiagnostics } from '../render.ts';
import { compare, readTestCase } from '../test-case.ts';

export { compare, type Expectation } from '../test-case.ts';
export { emptyCoverage, exercised, recordCoverage, renderCoverage, uncoveredCriteria, type ConditionCoverage, type CriterionCoverage, type GuidelineCoverage } from '../coverage.ts';

/** The cases/ folders next to the given guideline files. */
export function caseFolders(guidelineFiles: string[]): string[] {
  return [...new Set(guidelineFiles.map((f) => join(dirname(f), 'cases')))].filter((d) => existsSync(d));
}

interface CaseDocument {
  name: string;
  text?: string;
  unreadable?: string;
}

/** The jurisdictions the test cases name (read loosely: a malformed file is reported later, in its turn). */
function jurisdictionsOf(docs: readonly CaseDocument[]): string[] {
  const out = new Set<string>();
  for (const d of docs) {
    try {
      const j = (JSON.parse(d.text ?? '') as { case?: { jurisdiction?: unknown } })?.case?.jurisdiction;
      if (typeof j === 'string') out.add(j.toUpperCase());
    } catch {
      // not JSON: its own error says so
    }
  }
  return [...out];
}

const INVALID = 2;

export async function testCommand(paths: string[], options: { coverage?: boolean } = {}): Promise<number> {
  // The cases are read first: a guideline without a policy of its own is tested by the policies they name.
  const docs: CaseDocument[] = jsonFiles(caseFolders(guidelineFiles(paths).map((f) => f.given))).map((f) => {
    try {
      return { name: display(f.given), text: readText(f.given, readLimits.caseBytes) };
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      return { name: display(f.given), unreadable: e.reason };
    }
  });
  const { compileFiles } = await import('../compile-files.ts');
  const compiled = compileFiles(paths, { jurisdictions: jurisdictionsOf(docs) });
  if (compiled.diagnostics.length) process.stderr.write(renderDiagnostics(compiled.diagnostics, compiled.sources) + '\n');
  if (hasErrors(compiled.diagnostics) || !compiled.rules) {
    process.stdout.write('0 passed, 1 failed\n');
    return INVALID;
  }
  const rules = compiled.rules;
  const coverage = emptyCoverage(rules);
  let passed = 0;
  let failed = 0;
  let invalid = false;
  const fail = (name: string, why: string): void => {
    failed++;
    // `why` is built of escaped parts; the name is escaped here.
    process.stdout.write(`${red('FAIL')} ${printable(name)}\n  ${why.replace(/\n/g, '\n  ')}\n`);
  };
  for (const { name, text, unreadable } of docs) {
    if (text === undefined) {
      fail(name, printable(unreadable ?? ''));
      continue;
    }
    const read = readTestCase(text, rules);
    if (read.problems) {
      invalid = true;
      fail(name, read.problems.map((p) => renderAt(name, { text }, p.span, p.code, p.message)).join('\n'));
      continue;
    }
    const t = read.test;
    try {
      const d = await evaluate(rules, t.case);
      recordCoverage(coverage, d);
      const diffs = compare(t.expect, d);
      if (diffs.length) fail(`${name}${t.description ? ` — ${t.description}` : ''}`, diffs.join('\n'));
      else passed++;
    } catch (e) {
      if (!(e instanceof CaseValidationError)) throw e;
      invalid = true;
      fail(name, renderCaseIssues(name, e.issues, { text, under: 'case' }));
    }
  }
  let uncovered = 0;
  if (options.coverage) {
    process.stdout.write(renderCoverage(coverage) + '\n\n');
    uncovered = uncoveredCriteria(coverage).length;
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return invalid ? INVALID : failed || uncovered ? 1 : 0;
}

export const test: Command = {
  name: 'test',
  synopsis: '[paths] [--coverage]',
  summary: "run the test cases of the guidelines given (cases/*.json beside each; default: the bundled guidelines/)",
  description: [
    'A folder tests the guidelines in it with their own cases, and no others. A guideline given without',
    'a policy is tested by the bundled policy of the jurisdiction its cases name, or, when that policy',
    'does not consult it (or there is none), by itself alone; the bundled rules it shares with others',
    '(the vocabularies it uses, guidelines/shared) are compiled with it. The test-case format is in docs/test-cases.md;',
    'a malformed test case is an error at its place (exit 2), a failed one a diff (exit 1).',
  ].join('\n'),
  options: { coverage: { type: 'boolean', description: 'report the criteria and condition outcomes the cases reach, and fail when a criterion is reached by no case' } },
  run: (paths, values) => testCommand(paths, { coverage: booleanOption(values, 'coverage') }),
};
