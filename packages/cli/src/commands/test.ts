// `guideline test [paths] [--coverage]`: run every guideline's test cases (cases/*.json beside it),
// print each failure with a diff, and end with `N passed, N failed`. With --coverage, also report
// which criteria (and which of their statuses and condition outcomes) the cases reached, and fail
// when a guideline has a criterion no case reaches.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { criterionLeaves, hasErrors, type RuleSet } from '@guideline/language';
import { CaseValidationError, evaluate, type CriterionStatus, type Determination } from '@guideline/runtime';
import { compileFiles, display, jsonFiles } from '../load.ts';
import { parseJson } from '../json.ts';
import { ReadError, readLimits, readText } from '../read.ts';
import { dim, green, printable, red, renderDiagnostics } from '../render.ts';

export interface Expectation {
  decision?: Determination['decision'];
  guideline?: string | null;
  criteria?: Record<string, string>;
  certifiedVisits?: number;
  missing?: string[];
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

function hasChecks(e: Expectation | undefined): e is Expectation {
  return !!e && (e.decision !== undefined || e.guideline !== undefined || e.criteria !== undefined || e.certifiedVisits !== undefined || e.missing !== undefined);
}

/** The cases/ folders next to the given guideline files. */
export function caseFolders(guidelineFiles: string[]): string[] {
  return [...new Set(guidelineFiles.map((f) => join(dirname(f), 'cases')))].filter((d) => existsSync(d));
}

// ---- Coverage ----------------------------------------------------------------------------------

const statuses: readonly CriterionStatus[] = ['met', 'not-met', 'not-applicable', 'unknown', 'needs-review'];

export interface ConditionCoverage {
  /** The condition as written, and its line. */
  condition: string;
  line: number;
  outcomes: { true: number; false: number; unknown: number };
}

export interface CriterionCoverage {
  id: string;
  line: number;
  /** How many cases ended with each status. */
  statuses: Record<CriterionStatus, number>;
  conditions: ConditionCoverage[];
}

export interface GuidelineCoverage {
  id: string;
  file: string;
  /** Cases this guideline governed. */
  cases: number;
  criteria: CriterionCoverage[];
}

/** An empty coverage table: every guideline of the rule set, every criterion and leaf condition. */
export function emptyCoverage(rules: RuleSet): GuidelineCoverage[] {
  return rules.guidelines.map((g) => ({
    id: g.edition ? `${g.id} ${g.edition}` : g.id,
    file: g.location.file,
    cases: 0,
    criteria: g.criteria.map((c) => {
      const conditions = new Map<string, ConditionCoverage>();
      for (const n of criterionLeaves(c)) {
        const l = g.leaves[n]!;
        const key = `${l.source.line}:${l.text}`;
        if (!conditions.has(key)) conditions.set(key, { condition: l.text, line: l.source.line, outcomes: { true: 0, false: 0, unknown: 0 } });
      }
      return { id: c.id, line: c.source.line, statuses: { met: 0, 'not-met': 0, 'not-applicable': 0, unknown: 0, 'needs-review': 0 }, conditions: [...conditions.values()] };
    }),
  }));
}

/** Counts a determination against the guideline that governed it. */
export function recordCoverage(coverage: GuidelineCoverage[], d: Determination): void {
  const id = d.guideline && (d.guideline.edition ? `${d.guideline.id} ${d.guideline.edition}` : d.guideline.id);
  const g = id && coverage.find((x) => x.id === id);
  if (!g) return;
  g.cases++;
  for (const r of d.criteria) {
    const c = g.criteria.find((x) => x.id === r.id);
    if (!c) continue;
    c.statuses[r.status]++;
    for (const t of r.trace) {
      const cond = c.conditions.find((x) => x.line === t.line && x.condition === t.condition);
      if (cond) cond.outcomes[t.result === null ? 'unknown' : t.result ? 'true' : 'false']++;
    }
  }
}

/** A criterion is exercised when some case reached it: it was met, not met or unknown, not only not applicable. */
export function exercised(c: CriterionCoverage): boolean {
  return c.statuses.met + c.statuses['not-met'] + c.statuses.unknown + c.statuses['needs-review'] > 0;
}

/** The criteria no case exercises, by guideline. */
export function uncoveredCriteria(coverage: readonly GuidelineCoverage[]): { guideline: string; criterion: string }[] {
  return coverage.flatMap((g) => g.criteria.filter((c) => !exercised(c)).map((c) => ({ guideline: g.id, criterion: c.id })));
}

/** The coverage report: per guideline, each criterion's statuses and each condition's outcomes. */
export function renderCoverage(coverage: readonly GuidelineCoverage[]): string {
  const out: string[] = ['Coverage: the statuses each criterion reached and the outcomes each condition took, over the cases each guideline governed.'];
  const count = (label: string, n: number): string => (n ? `${label} ${n}` : dim(`${label} -`));
  for (const g of coverage) {
    const missing = g.criteria.filter((c) => !exercised(c)).length;
    const head = `${printable(g.id)}  ${g.cases} case${g.cases === 1 ? '' : 's'}, ${g.criteria.length - missing}/${g.criteria.length} criteria exercised  ${dim(printable(g.file))}`;
    out.push('', missing ? red(head) : head);
    const width = Math.max(0, ...g.criteria.map((c) => c.id.length));
    for (const c of g.criteria) {
      const mark = exercised(c) ? green('ok  ') : red('MISS');
      out.push(`  ${mark} ${printable(c.id.padEnd(width))}  ${statuses.map((s) => count(s, c.statuses[s])).join('  ')}`);
      for (const k of c.conditions) {
        out.push(dim(`         line ${k.line}: ${printable(k.condition)}`) + `  ${count('true', k.outcomes.true)}  ${count('false', k.outcomes.false)}  ${count('unknown', k.outcomes.unknown)}`);
      }
    }
  }
  const missing = uncoveredCriteria(coverage);
  const total = coverage.reduce((n, g) => n + g.criteria.length, 0);
  const short = coverage.filter((g) => g.criteria.some((c) => !exercised(c))).map((g) => g.id);
  out.push('', `${total - missing.length}/${total} criteria exercised` + (missing.length ? red(`; ${missing.length} reached by no case (MISS above), in ${printable(short.join(', '))}`) : ''));
  return out.join('\n');
}

export async function testCommand(paths: string[], options: { coverage?: boolean } = {}): Promise<number> {
  const compiled = compileFiles(paths);
  if (compiled.diagnostics.length) process.stderr.write(renderDiagnostics(compiled.diagnostics, compiled.sources) + '\n');
  if (hasErrors(compiled.diagnostics) || !compiled.rules) {
    process.stdout.write('0 passed, 1 failed\n');
    return 2;
  }
  const files = jsonFiles(caseFolders(compiled.sources.map((s) => s.path)));
  const coverage = emptyCoverage(compiled.rules);
  let passed = 0;
  let failed = 0;
  const fail = (name: string, why: string): void => {
    failed++;
    // `why` is built of escaped parts; the name is escaped here.
    process.stdout.write(`${red('FAIL')} ${printable(name)}\n  ${why.replace(/\n/g, '\n  ')}\n`);
  };
  for (const f of files) {
    const name = display(f.path);
    let text: string;
    try {
      text = readText(f.path, readLimits.caseBytes);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      fail(name, printable(e.reason));
      continue;
    }
    const parsed = parseJson(text);
    if (parsed.error) {
      const e = parsed.error;
      fail(name, printable(`${e.line ? `${e.line}:${e.column}: ` : ''}${e.message}`));
      continue;
    }
    const t = parsed.value as { description?: string; case?: unknown; expect?: Expectation };
    if (!t || typeof t !== 'object' || !('case' in t)) {
      fail(name, 'a test case is { "description", "case", "expect" }: "case" is missing');
      continue;
    }
    if (!hasChecks(t.expect)) {
      fail(name, 'nothing to check: "expect" names no decision, guideline, criteria, certifiedVisits or missing');
      continue;
    }
    try {
      const d = await evaluate(compiled.rules, t.case);
      recordCoverage(coverage, d);
      const diffs = compare(t.expect, d);
      if (diffs.length) fail(`${name}${t.description ? ` — ${t.description}` : ''}`, diffs.join('\n'));
      else passed++;
    } catch (e) {
      if (!(e instanceof CaseValidationError)) throw e;
      fail(name, e.issues.map((i) => printable(`${i.field || 'case'}: ${i.message}`)).join('\n'));
    }
  }
  let uncovered = 0;
  if (options.coverage) {
    process.stdout.write(renderCoverage(coverage) + '\n\n');
    uncovered = uncoveredCriteria(coverage).length;
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed || uncovered ? 1 : 0;
}
