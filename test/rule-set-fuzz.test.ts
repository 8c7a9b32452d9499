// A rule set from outside either fails validation (RuleSetError, with where) or evaluates the same
// on every evaluator: json-rules-engine (`evaluate`), the fast path, and its decision-only form,
// throwing nothing but the documented errors. Tried on random mutations of a compiled artifact and on
// random artifacts of the artifact's shape, with random cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../packages/language/src/index.ts';
import { CaseValidationError, loadRuleSet, RuleSetError } from '../packages/runtime/src/index.ts';
import { bundledRules, compiledBase } from './support/bundled.ts';
import { caseArbitrary } from './support/case-arbitrary.ts';
import { agree, onEveryEngine } from './support/engines.ts';
import { runs, seed } from './support/fuzz.ts';
import { mutation, randomRuleSet, restamp } from './support/rule-set-arbitrary.ts';

/** Loads a rule set, or undefined when it is refused as it should be (RuleSetError, every issue located). */
function load(doc: unknown): RuleSet | undefined {
  try {
    return loadRuleSet(doc);
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    return undefined;
  }
}

/** The evaluators agree on each case, and throw nothing but a CaseValidationError. */
async function sameOnEveryEngine(rules: RuleSet, cases: unknown[]): Promise<void> {
  for (const c of cases) {
    let r;
    try {
      r = await onEveryEngine(rules, c);
    } catch (e) {
      if (e instanceof CaseValidationError) continue;
      throw e;
    }
    expect(agree(r), JSON.stringify(c)).toBe(true);
  }
}

const cases = fc.array(caseArbitrary(bundledRules()), { minLength: 1, maxLength: 3 });

describe('rule sets from outside', () => {
  it('a mutated compiled artifact is refused or evaluates the same everywhere', async () => {
    const base = compiledBase();
    let loaded = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation(base), { minLength: 1, maxLength: 3 }), cases, async (changes, cs) => {
        const doc = structuredClone(base);
        for (const change of changes) change(doc);
        restamp(doc, base['revision']);
        const rules = load(doc);
        if (!rules) return void refused++;
        loaded++;
        await sameOnEveryEngine(rules, cs);
      }),
      { ...seed(606), numRuns: runs(300) },
    );
    // Both outcomes were seen: the property was tested on rule sets that load, not only on refusals.
    expect(loaded).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(100);
  });

  it('a random artifact is refused or evaluates the same everywhere', async () => {
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(randomRuleSet, cases, async (doc, cs) => {
        const rules = load(doc);
        if (!rules) return;
        loaded++;
        await sameOnEveryEngine(rules, cs);
      }),
      { ...seed(607), numRuns: runs(300) },
    );
    expect(loaded).toBeGreaterThan(150);
  });
});
