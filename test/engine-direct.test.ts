// The compiled rules run in an unmodified json-rules-engine Engine, as docs/embedding.md tells an
// engineer to do it: `new Engine(rules, { allowUndefinedFacts: true })`, `installRuntime(engine)`,
// facts from `caseFacts`. No `evaluate`, no runtime internals beyond those two exports.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, type RuleResult } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileGuideline, type CompiledGuideline } from '../packages/language/src/index.ts';
import { caseFacts } from '../packages/runtime/src/case-facts.ts';
import { runGuideline } from '../packages/runtime/src/evaluate.ts';
import { installRuntime } from '../packages/runtime/src/operators.ts';
import type { Case } from '../packages/runtime/src/types.ts';

const root = join(import.meta.dirname, '..');
const mtusDir = join(root, 'guidelines/mtus/chronic-pain-physical-medicine');
const mtusFile = join(mtusDir, 'chronic-pain-physical-medicine.guideline');

function compileOne(text: string): CompiledGuideline {
  const { rules, diagnostics } = compileGuideline(text, { file: 'test.guideline' });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return rules!.guidelines[0]!;
}

/** The engine of one guideline, built the documented way. */
function engineOf(g: CompiledGuideline): Engine {
  const engine = new Engine(g.rules, { allowUndefinedFacts: true });
  installRuntime(engine);
  return engine;
}

/** A criterion's two-valued status read from its rule result: `only when` false means not applicable. */
function statusOf(r: RuleResult): 'met' | 'not-met' | 'not-applicable' {
  const [onlyWhen, require] = (r.conditions as unknown as { all: { result?: boolean }[] }).all;
  if (onlyWhen?.result === false) return 'not-applicable';
  return r.result ? 'met' : 'not-met';
}

const sortEvents = (events: { type: string; params?: Record<string, unknown> }[]): string[] => events.map((e) => JSON.stringify(e)).sort();

const mini = `guideline demo.pt
  title  "Demo"
  source "Demo Guidelines", pages 1-2
  covers physical-therapy
  uses physical-medicine
  unless surgery date is within 6 months
class myalgia "Myalgia" terms "myalgia" codes M79.1*
recommend
  myalgia: 9-10 visits over 8 weeks
criterion visit-count "Visits within the course"
  require completed visits + requested visits <= recommended visits
  otherwise "{completed visits} + {requested visits} exceed {recommended visits}."
criterion improvement "Functional improvement"
  only when completed visits > 0
  require functional improvement is documented
  otherwise "No improvement."
criterion chronic "A chronic injury"
  require injury date is more than 3 months ago and diagnosis is myalgia
  otherwise "Not chronic."
`;

const baseCase: Case = {
  jurisdiction: 'CA',
  asOf: '2014-01-24',
  diagnoses: [{ text: 'myalgia of the neck', icd10: 'M79.18' }],
  request: { treatment: 'physical-therapy', visits: 4 },
  history: { visitsCompleted: 6, functionalImprovement: 'documented', homeExerciseProgram: 'none' },
  injury: { date: '2013-05-06' },
};

describe('an unmodified json-rules-engine Engine', () => {
  it('runs the rules once our operators and the calc fact are installed', async () => {
    const g = compileOne(mini);
    const { events } = await engineOf(g).run(caseFacts(g, baseCase));
    // 6 + 4 <= 10 through calc; 6 > 0 and documented; injury 8.6 months before asOf, M79.18 is myalgia.
    // Rules run concurrently, so events come in the order they finish: compare them sorted.
    expect(sortEvents(events)).toEqual(sortEvents([
      { type: 'applies', params: { guideline: 'demo.pt' } },
      { type: 'criterion', params: { guideline: 'demo.pt', criterion: 'visit-count' } },
      { type: 'criterion', params: { guideline: 'demo.pt', criterion: 'improvement' } },
      { type: 'criterion', params: { guideline: 'demo.pt', criterion: 'chronic' } },
    ]));
  });

  it('fires only the rules that hold', async () => {
    const g = compileOne(mini);
    const c: Case = { ...baseCase, asOf: '2013-06-01', request: { treatment: 'physical-therapy', visits: 8 }, history: { ...baseCase.history, functionalImprovement: 'not-documented' } };
    const { events, failureResults } = await engineOf(g).run(caseFacts(g, c));
    expect(events.map((e) => e.params?.['criterion'] ?? e.type)).toEqual(['applies']);
    expect(failureResults.map((r) => [r.name, statusOf(r)]).sort()).toEqual([
      ['demo.pt/chronic', 'not-met'],
      ['demo.pt/improvement', 'not-met'],
      ['demo.pt/visit-count', 'not-met'],
    ]);
  });

  it('tells not applicable from not met by the "only when" result', async () => {
    const g = compileOne(mini);
    const c: Case = { ...baseCase, history: { ...baseCase.history, visitsCompleted: 0, functionalImprovement: 'not-documented' } };
    const { results, failureResults } = await engineOf(g).run(caseFacts(g, c));
    const byName = new Map([...results, ...failureResults].map((r) => [r.name, statusOf(r)]));
    expect(byName.get('demo.pt/improvement')).toBe('not-applicable');
  });

  it('decides applicability with the date window of the header', async () => {
    const g = compileOne(mini);
    const c: Case = { ...baseCase, surgery: { procedure: 'knee arthroplasty', date: '2013-12-01' } };
    const { events } = await engineOf(g).run(caseFacts(g, c));
    expect(events.some((e) => e.type === 'applies')).toBe(false);
  });

  it('says "not met" where a fact is unknown; the runtime says "unknown" (as docs/embedding.md warns)', async () => {
    const g = compileOne(mini);
    const c: Case = { ...baseCase, history: { visitsCompleted: 6 } };
    const { failureResults } = await engineOf(g).run(caseFacts(g, c));
    expect(failureResults.filter((r) => r.name === 'demo.pt/improvement').map(statusOf)).toEqual(['not-met']);
    const run = await runGuideline(g, c);
    expect(run.criteria.find((x) => x.id === 'improvement')?.status).toBe('unknown');
  });

  it('cannot run them without installRuntime', async () => {
    const g = compileOne(mini);
    const engine = new Engine(g.rules, { allowUndefinedFacts: true });
    await expect(engine.run(caseFacts(g, baseCase))).rejects.toThrow(/Unknown operator|calc/);
  });
});

describe('the bundled MTUS guideline in an unmodified Engine', () => {
  const g = compileOne(readFileSync(mtusFile, 'utf8'));
  const cases = readdirSync(join(mtusDir, 'cases'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(mtusDir, 'cases', f), 'utf8')) as { case: Case; expect: { guideline?: string; criteria?: Record<string, string> } }) }))
    // Two-valued engine results say nothing about unknowns: those cases need the runtime's explainer.
    .filter((c) => c.expect.guideline === g.id && c.expect.criteria && !Object.values(c.expect.criteria).includes('unknown'));

  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases.map((c) => [c.file, c]))('%s: criterion statuses as the case expects', async (_, c) => {
    const { events, results, failureResults } = await engineOf(g).run(caseFacts(g, c.case));
    expect(events).toContainEqual({ type: 'applies', params: { guideline: g.id } });
    const statuses = Object.fromEntries([...results, ...failureResults].filter((r) => r.name !== g.applicabilityRule).map((r) => [String(r.name).split('/')[1], statusOf(r)]));
    for (const [criterion, expected] of Object.entries(c.expect.criteria!)) expect([criterion, statuses[criterion]]).toEqual([criterion, expected]);
  });

  it('the seed: only the frequency criterion fires among the four the IMR decision discusses', async () => {
    const seed = JSON.parse(readFileSync(join(mtusDir, 'cases/imr-seed.json'), 'utf8')).case as Case;
    const { events } = await engineOf(g).run(caseFacts(g, seed));
    const fired = events.filter((e) => e.type === 'criterion').map((e) => e.params!['criterion']);
    expect(fired).toContain('frequency');
    for (const c of ['visit-count', 'functional-improvement', 'home-program']) expect(fired).not.toContain(c);
  });
});

describe('docs/embedding.md', () => {
  const doc = readFileSync(join(root, 'docs/embedding.md'), 'utf8');
  const example = doc.slice(doc.indexOf('## A runnable example'));
  const snippet = /```ts\n([\s\S]*?)```/.exec(example)?.[1];
  const output = /```text\n([\s\S]*?)```/.exec(example)?.[1];

  it('has a snippet and its output', () => {
    expect(snippet).toContain("from 'json-rules-engine'");
    expect(output).toBeTruthy();
  });

  it('the snippet runs and prints what the document says', () => {
    // Run where @guideline/runtime, @guideline/language and json-rules-engine resolve by name, as in
    // a project that depends on them.
    const stdout = execFileSync(join(root, 'node_modules/.bin/tsx'), ['--input-type=module', '--eval', snippet!], {
      cwd: join(root, 'packages/runtime'),
      encoding: 'utf8',
    });
    expect(stdout).toBe(output);
  });
});
