// The bundled guideline library against its own test cases: every case in guidelines/**/cases is
// evaluated with the runtime's `evaluate`, must give what it expects, must expect the status of every
// criterion of the guideline that governs it, and together the cases must reach every criterion of
// every guideline (the coverage `guideline test --coverage` reports).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../packages/language/src/index.ts';
import { evaluate, type Determination } from '../packages/runtime/src/index.ts';
import { compare, emptyCoverage, exercised, recordCoverage, renderCoverage, uncoveredCriteria, type Expectation } from '../packages/cli/src/commands/test.ts';
import { bundledRules, bundledSources, files, root } from './support/bundled.ts';

interface TestCase {
  description: string;
  case: unknown;
  expect: Expectation;
}

const caseFiles = files(join(root, 'guidelines'), '.json').filter((f) => f.split('/').includes('cases'));
const cases = caseFiles.map((f) => ({ name: relative(root, f), test: JSON.parse(readFileSync(f, 'utf8')) as TestCase }));

describe('the bundled guideline cases', () => {
  let rules: RuleSet;
  const determinations = new Map<string, Determination>();
  beforeAll(async () => {
    rules = bundledRules();
    for (const c of cases) determinations.set(c.name, await evaluate(rules, c.test.case));
  });

  it('are many, and each says what it tests', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const c of cases) expect(c.test.description, c.name).toMatch(/\w{3,}/);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s gives what it expects', (_, c) => {
    expect(compare(c.test.expect, determinations.get(c.name)!), c.test.description).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s expects the decision, the guideline and every criterion of it', (_, c) => {
    const d = determinations.get(c.name)!;
    expect(c.test.expect.decision).toBeDefined();
    expect(c.test.expect.guideline).toBeDefined();
    expect(Object.keys(c.test.expect.criteria ?? {}).sort()).toEqual(d.criteria.map((x) => x.id).sort());
    if (d.decision === 'partially-medically-necessary') expect(c.test.expect.certifiedVisits).toBeDefined();
    if (d.decision === 'insufficient-information') expect(c.test.expect.missing).toBeDefined();
  });

  it('say, when they deny in California, that a physician reviewer must sign (Labor Code 4610)', () => {
    const denied = cases.filter((c) => (c.test.case as { jurisdiction?: string }).jurisdiction === 'CA'
      && ['not-medically-necessary', 'partially-medically-necessary'].includes(determinations.get(c.name)!.decision));
    expect(denied.length).toBeGreaterThan(0);
    for (const c of denied) expect(determinations.get(c.name)!.notes?.join(' '), c.name).toMatch(/physician reviewer/);
  });

  it('have rationales that put criterion titles mid-sentence in lower case', () => {
    const capitalised = /(?:do not establish|must judge|meets the guideline:|; |, | and )(?!ODG|MRI|FCE|MTUS)[A-Z][a-z]/;
    const titled = [...determinations.values()].filter((d) => d.guideline && ['insufficient-information', 'needs-clinical-review', 'medically-necessary'].includes(d.decision));
    expect(titled.length).toBeGreaterThan(0);
    for (const d of titled) expect(d.rationale.slice(`Decision based on ${d.guideline?.citation}.`.length).match(capitalised)?.[0], d.rationale).toBeUndefined();
  });

  it('reach every criterion of every guideline (full criterion coverage)', () => {
    const coverage = emptyCoverage(rules);
    for (const d of determinations.values()) recordCoverage(coverage, d);
    const unreached = uncoveredCriteria(coverage);
    expect(unreached, renderCoverage(coverage)).toEqual([]);
    for (const g of coverage) expect(g.cases, `${g.id} governs no case`).toBeGreaterThan(0);
  });

  it('include at least 20 real-world patterns across treatments and both jurisdictions', () => {
    const rw = cases.filter((c) => /(^|\/)rw-/.test(c.name));
    expect(rw.length).toBeGreaterThanOrEqual(20);
    const seen = (pred: (c: (typeof rw)[number]) => boolean): number => rw.filter(pred).length;
    const kase = (c: (typeof rw)[number]) => c.test.case as { jurisdiction: string; request: { treatment: string }; surgery?: unknown };
    for (const j of ['CA', 'TX']) expect(seen((c) => kase(c).jurisdiction === j), j).toBeGreaterThan(0);
    for (const t of ['physical-therapy', 'chiropractic', 'acupuncture', 'massage', 'aquatic-therapy']) {
      expect(seen((c) => kase(c).request.treatment === t), t).toBeGreaterThan(0);
    }
    expect(seen((c) => !!kase(c).surgery), 'postsurgical').toBeGreaterThan(0);
  });
});

// The coverage functions on a small rule set, so a gap is known to be caught.
describe('criterion coverage', () => {
  const policy = bundledSources().find((s) => s.file.endsWith('california.guideline'))!;
  const demo = `guideline mtus.demo
  title "Demo"
  source "Demo", pages 1-2
  covers demo-therapy
  uses physical-medicine

criterion reached "Reached"
  require requested visits <= 6 visits
  otherwise "Too many."

criterion unreached "Never reached"
  only when completed visits > 100
  require functional improvement is documented
  otherwise "No gain."
`;
  const compiled = compileProgram([{ text: demo, file: 'demo.guideline' }, policy]);
  const run = (visits: number, completed: number): Promise<Determination> =>
    evaluate(compiled.rules!, { jurisdiction: 'CA', asOf: '2015-01-01', request: { treatment: 'demo-therapy', visits }, history: { visitsCompleted: completed } });

  it('compiles', () => {
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports a criterion that every case finds not applicable', async () => {
    const coverage = emptyCoverage(compiled.rules!);
    recordCoverage(coverage, await run(4, 0));
    recordCoverage(coverage, await run(8, 0));
    expect(uncoveredCriteria(coverage)).toEqual([{ guideline: 'mtus.demo', criterion: 'unreached' }]);
    const g = coverage.find((x) => x.id === 'mtus.demo')!;
    expect(g.cases).toBe(2);
    expect(g.criteria.map((c) => [c.id, c.statuses])).toEqual([
      ['reached', { met: 1, 'not-met': 1, 'not-applicable': 0, unknown: 0, 'needs-review': 0 }],
      ['unreached', { met: 0, 'not-met': 0, 'not-applicable': 2, unknown: 0, 'needs-review': 0 }],
    ]);
    expect(renderCoverage(coverage)).toMatch(/MISS unreached/);
    expect(renderCoverage(coverage)).toMatch(/1\/2 criteria exercised/);
  });

  it('counts the outcomes of each condition, unknown included', async () => {
    const coverage = emptyCoverage(compiled.rules!);
    recordCoverage(coverage, await run(4, 0));
    recordCoverage(coverage, await evaluate(compiled.rules!, { jurisdiction: 'CA', asOf: '2015-01-01', request: { treatment: 'demo-therapy', visits: 2 } }));
    const unreached = coverage.find((x) => x.id === 'mtus.demo')!.criteria[1]!;
    expect(unreached.conditions.find((c) => c.condition === 'completed visits > 100')!.outcomes).toEqual({ true: 0, false: 1, unknown: 1 });
    // With completed visits unknown the criterion's status is unknown: it was reached, not skipped.
    expect(unreached.statuses).toEqual({ met: 0, 'not-met': 0, 'not-applicable': 1, unknown: 1, 'needs-review': 0 });
    expect(exercised(unreached)).toBe(true);
  });

  it('is complete once a case reaches the criterion', async () => {
    const coverage = emptyCoverage(compiled.rules!);
    recordCoverage(coverage, await run(4, 101));
    expect(uncoveredCriteria(coverage).filter((u) => u.guideline === 'mtus.demo')).toEqual([]);
  });
});
