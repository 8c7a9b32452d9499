// The analysis's budget of steps: a condition of any length gets a bounded amount of work, and what
// would take more is reported as not analyzed (A612) at the criterion or guideline it is in, never a
// hang. Counted in steps (docs/limits.md), so these tests assert steps and findings, not times.
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { analysisLimits, analyzeRules, diffRules, type Finding } from '../src/index.ts';
import type { Tri3 } from '../src/logic.ts';
import { Model } from '../src/model.ts';

const head = (applies = ''): string => `guideline h.x
  title "X"
  source "S", 2009, pages 1-2
  covers physical-therapy
  uses physical-medicine
${applies ? `  applies when ${applies}\n` : ''}`;

const policy = `policy p "P"
  jurisdiction ZZ
  first h.x
`;

/** `n` alternatives of two comparisons each, the outside tester's chain: its false side bounds a sum and a fact once per alternative. */
const chain = (n: number): string => Array.from({ length: n }, (_, i) => `completed visits + requested visits > ${i} and requested visits < ${i + 3}`).join(' or ');

/** A guideline whose one criterion requires `require`. */
const program = (require: string, applies = ''): string => `${head(applies)}criterion c "C"
  require ${require}
  otherwise "no"
${policy}`;

function compiled(text: string): RuleSet {
  const r = compileProgram([{ text, file: 'h.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
}

const overBudget = (f: Finding): boolean => f.code === 'A612' && f.message.includes('the analysis budget');
const budget = analysisLimits.workPerPart;

describe('the analysis budget', () => {
  it('analyses a chain of 100 alternatives in full, its cells as small as the bounds they set', async () => {
    const rules = compiled(program(chain(100)));
    const report = await analyzeRules(rules);
    expect(report.findings.filter((f) => f.code === 'A612')).toEqual([]);
    expect(report.work).toBeLessThan(budget);
    // Each cell bounds at most the sum and the fact, from below and above: two bounds of one form keep the tighter.
    const model = new Model([rules]);
    const p = model.space.guidelines[0]!;
    const met = model.conditionsOf(p.key, p).cond(p.g.criteria[0]!.require!) as Tri3;
    const cells = [...met.t, ...met.f, ...met.u];
    expect(cells.length).toBeGreaterThan(100);
    expect(Math.max(...cells.map((c) => c.atoms.length))).toBeLessThanOrEqual(4);
  });

  it.each([300, 2000])('skips a criterion of %i alternatives, said at the criterion, within its budget', async (n) => {
    const report = await analyzeRules(compiled(program(chain(n))));
    expect(report.findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`)).toEqual([
      `6:1 A612 Not analyzed: criterion 'c' of guideline 'h.x', because its analysis would take more than ${budget.toLocaleString('en-US')} steps (the analysis budget)`,
    ]);
    // Underlined at its head (`criterion c`), not over the whole chain.
    const [f] = report.findings;
    expect([f!.endLine, f!.endColumn - f!.column]).toEqual([6, 'criterion c'.length]);
    // The criterion's part stops at its budget (a step may take it past by one meet's row); the rest is a few hundred steps.
    expect(report.work).toBeGreaterThan(budget);
    expect(report.work).toBeLessThan(budget + 20_000);
  });

  it('skips a plain chain of 20,000 comparisons of one fact', async () => {
    const report = await analyzeRules(compiled(program(Array.from({ length: 20_000 }, (_, i) => `completed visits > ${i}`).join(' or '))), { examples: false });
    expect(report.findings.filter(overBudget).map((f) => f.line)).toEqual([6]);
    expect(report.work).toBeLessThan(budget + 20_000);
  });

  it('skips a guideline whose applicability is past it, said at the guideline, and with it its criteria', async () => {
    const report = await analyzeRules(compiled(program('completed visits <= 6', chain(2000))));
    expect(report.findings.map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`)).toEqual([
      `1:1 A612 Not analyzed: the applicability of guideline 'h.x', because its analysis would take more than ${budget.toLocaleString('en-US')} steps (the analysis budget)`,
    ]);
    expect(report.work).toBeLessThan(budget + 20_000);
  });

  it('gives the other criteria of the guideline their own budgets', async () => {
    const text = program(chain(2000)).replace(policy, `criterion d "D"\n  require completed visits < 0\n  otherwise "never"\n${policy}`);
    const report = await analyzeRules(compiled(text));
    expect(report.findings.map((f) => `${f.code} ${f.line}`)).toEqual(['A604 9', 'A612 6']);
  });

  it('counts the same steps in every run', async () => {
    const rules = compiled(program(chain(300)));
    const [a, b] = [await analyzeRules(rules, { examples: false }), await analyzeRules(rules, { examples: false })];
    expect(a.work).toBe(b.work);
    expect(a.findings).toEqual(b.findings);
  });

  it('skips what changed where a guideline of a long chain governs, in a diff', async () => {
    const before = compiled(program('completed visits <= 6'));
    const after = compiled(program(chain(2000)));
    const report = await diffRules(before, after);
    expect(report.findings.filter(overBudget).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      `1:1 Not analyzed: what changed where guideline 'h.x' governs, because its analysis would take more than ${(budget * 3).toLocaleString('en-US')} steps (the analysis budget)`,
    ]);
    expect(report.work).toBeLessThan(3 * budget + 20_000);
  });
});
