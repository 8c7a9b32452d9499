// Random and malformed cases get a clear validation error or a determination, nothing else, from
// both evaluators; a determination always has a decision of the contract.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseValidationError, evaluate, evaluateFast, type Determination } from '../packages/runtime/src/index.ts';
import { bundledRules } from './support/bundled.ts';
import { mutatedSeed } from './support/case-arbitrary.ts';
import { sameId } from './support/engines.ts';
import { runs, seed } from './support/fuzz.ts';

const decisions = ['medically-necessary', 'not-medically-necessary', 'partially-medically-necessary', 'insufficient-information', 'no-applicable-guideline'];

function outcome(run: () => Determination): 'determination' | 'invalid' {
  try {
    const d = run();
    expect(decisions).toContain(d.decision);
    return 'determination';
  } catch (e) {
    expect(e).toBeInstanceOf(CaseValidationError);
    const issues = (e as CaseValidationError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(typeof i.field === 'string' && i.message.length > 0).toBe(true);
    return 'invalid';
  }
}

describe('malformed cases', () => {
  const rules = bundledRules();

  it('anything at all: a validation error or a determination', () => {
    fc.assert(fc.property(fc.anything(), (x) => void outcome(() => evaluateFast(rules, x))), { ...seed(11), numRuns: runs(500) });
  });

  it('the seed with one field changed or removed: both kinds of answer occur, nothing else', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(mutatedSeed, (c) => void seen.add(outcome(() => evaluateFast(rules, c)))), { ...seed(12), numRuns: runs(500) });
    expect([...seen].sort()).toEqual(['determination', 'invalid']);
  });

  it('json-rules-engine answers the same way', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSeed, async (c) => {
        let slow: Determination | CaseValidationError;
        try {
          slow = await evaluate(rules, c, sameId);
        } catch (e) {
          slow = e as CaseValidationError;
        }
        let fast: Determination | CaseValidationError;
        try {
          fast = evaluateFast(rules, c, sameId);
        } catch (e) {
          fast = e as CaseValidationError;
        }
        if (slow instanceof CaseValidationError) expect(fast).toEqual(slow);
        else expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      }),
      { ...seed(13), numRuns: runs(150) },
    );
  });
});
