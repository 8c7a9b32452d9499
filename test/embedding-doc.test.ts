// docs/embedding.md's code, taken out of the doc and run as written (its package names pointed at
// this repository's sources), decides every bundled test case and generated cases as `evaluate`
// does: the same decision, governing guideline and status of every criterion, unknown included.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../packages/language/src/index.ts';
import { CaseValidationError, evaluate } from '../packages/runtime/src/index.ts';
import { bundledRules, files, root } from './support/bundled.ts';
import { caseArbitrary } from './support/case-arbitrary.ts';
import { seedCase } from './support/case-factory.ts';
import { runs, seed } from './support/fuzz.ts';

type Decider = (rules: RuleSet) => (input: unknown) => Promise<{ decision: string; guideline: string | undefined; criteria: { id: string; status: string }[] }>;

const doc = readFileSync(join(root, 'docs/embedding.md'), 'utf8');
/** The doc's code: its first TypeScript block. */
const code = /```ts\n([\s\S]*?)```/.exec(doc)![1]!;

/** The doc's code as a module, its imports resolved to this repository's packages. */
async function documented(): Promise<Decider> {
  const where: Record<string, string> = {
    '@guideline/language': join(root, 'packages/language/src/index.ts'),
    '@guideline/runtime': join(root, 'packages/runtime/src/index.ts'),
    'json-rules-engine': createRequire(join(root, 'package.json')).resolve('json-rules-engine'),
  };
  const module = code.replace(/from '([^']+)'/g, (_, name: string) => `from ${JSON.stringify(where[name] ?? name)}`);
  const path = join(mkdtempSync(join(tmpdir(), 'guideline-embedding-')), 'engine-decider.ts');
  writeFileSync(path, module);
  const exported = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const decider = Object.values(exported).find((v) => typeof v === 'function');
  if (!decider) throw new Error('the doc code exports no function');
  return decider as Decider;
}

/** What `evaluate` says, in the doc code's terms; a case evaluate refuses is 'invalid'. */
async function expected(rules: RuleSet, input: unknown): Promise<unknown> {
  try {
    const d = await evaluate(rules, input);
    return { decision: d.decision, guideline: d.guideline?.id, criteria: d.criteria.map((c) => ({ id: c.id, status: c.status })) };
  } catch (e) {
    if (e instanceof CaseValidationError) return 'invalid';
    throw e;
  }
}

async function actual(decide: (input: unknown) => Promise<unknown>, input: unknown): Promise<unknown> {
  try {
    return await decide(input);
  } catch (e) {
    if (e instanceof CaseValidationError) return 'invalid';
    throw e;
  }
}

describe('docs/embedding.md', () => {
  let decider: Decider;
  beforeAll(async () => {
    decider = await documented();
  });

  it('shows code under 20 lines, on json-rules-engine alone', () => {
    expect(code.trim().split('\n').length).toBeLessThan(20);
    expect([...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]).sort()).toEqual(['@guideline/language', '@guideline/runtime', 'json-rules-engine']);
    expect(code).not.toMatch(/addOperator|addFact\(/);
  });

  it('decides every bundled test case as evaluate does', async () => {
    const rules = bundledRules();
    const decide = decider(rules);
    const cases = files(join(root, 'guidelines'), '.json').map((f) => ({ f, c: (JSON.parse(readFileSync(f, 'utf8')) as { case: unknown }).case }));
    expect(cases.length).toBeGreaterThan(150);
    const differences: unknown[] = [];
    for (const { f, c } of cases) {
      const [want, got] = [await expected(rules, c), await actual(decide, c)];
      if (JSON.stringify(want) !== JSON.stringify(got)) differences.push({ f, want, got });
    }
    expect(differences).toEqual([]);
  }, 120_000); // a plain engine runs every guideline's rules for each case: about 11 s on an idle machine

  it('decides generated cases as evaluate does', async () => {
    const rules = bundledRules();
    const decide = decider(rules);
    const cases = fc.sample(caseArbitrary(rules), { numRuns: runs(300), ...seed(11) });
    const differences: unknown[] = [];
    const decisions = new Set<unknown>();
    for (const c of cases) {
      const [want, got] = [await expected(rules, c), await actual(decide, c)];
      decisions.add((want as { decision?: string }).decision ?? want);
      if (JSON.stringify(want) !== JSON.stringify(got)) differences.push({ c, want, got });
    }
    expect(differences).toEqual([]);
    expect(decisions.size).toBeGreaterThan(3);
  }, 120_000);

  // Policy criteria in two jurisdictions, and a criterion for clinical review.
  const program = `guideline acme.pt
  title "Demo"
  source "Demo", pages 1-2
  covers physical-therapy
  uses physical-medicine

criterion few "Few visits"
  require requested visits <= 8 visits
  otherwise "Too many."

criterion benefit "Likely to benefit"
  require functional improvement is documented
  needs clinical review
  otherwise "No gain."

policy ca "CA"
  jurisdiction CA
  uses physical-medicine
  first acme.*

criterion home "Home program"
  require home exercise program is compliant
  otherwise "No home program."

policy tx "TX"
  jurisdiction TX
  uses physical-medicine
  first acme.*

criterion cap "Cap"
  require completed visits < 20
  otherwise "Over the cap."
`;

  it.each([
    ['CA', { functionalImprovement: 'documented', homeExerciseProgram: 'compliant', visitsCompleted: 4 }],
    ['CA', { visitsCompleted: 4 }],
    ['TX', { functionalImprovement: 'not-documented', visitsCompleted: 30 }],
    ['TX', {}],
    ['NV', {}],
  ])('decides a policy with criteria of its own, in %s, history %j, as evaluate does', async (jurisdiction, history) => {
    const rules = compileProgram([{ text: program, file: 'p.guideline' }]).rules!;
    const c = { ...seedCase(), jurisdiction, history };
    expect(await actual(decider(rules), c)).toEqual(await expected(rules, c));
    // The runtime's own json-rules-engine path reads the same events.
    const decisionId = (): string => 'one';
    expect(await evaluate(rules, c, { engine: 'json-rules-engine', decisionId })).toEqual(await evaluate(rules, c, { decisionId }));
  });
});
