// Criterion coverage of a guideline's test cases (`guideline test --coverage`): which statuses each
// criterion reached and which outcomes each of its conditions took, over the cases it governed.
import { criterionLeaves, type RuleSet } from '@guideline/language/rules';
import type { CriterionStatus, Determination } from '@guideline/runtime';
import { dim, green, printable, red } from './render.ts';
import { statuses } from './test-case.ts';

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
