// How `guideline test` reads a test case's expectation: each mistake in it says what to write instead.
import { describe, expect, it } from 'vitest';
import { readTestCase } from '../packages/cli/src/test-case.ts';
import { compileProgram } from '../packages/language/src/index.ts';

const source = `guideline acme.epidural
  title  "Acme Epidural Steroid Injections"
  source "Acme Spine Guideline"
  covers epidural-injection
  uses   physical-medicine

criterion fluoroscopy "Under fluoroscopy"
  require completed visits > 0
  otherwise "no"

criterion fluoroscopy-dose "Dose"
  require completed visits > 0
  otherwise "no"

criterion levels "Levels"
  require completed visits > 0
  otherwise "no"

criterion relief "Relief"
  require completed visits > 0
  otherwise "no"
`;
const rules = compileProgram([{ file: 'g.guideline', text: source }]).rules!;

/** The problems of a test case that expects `expectation`. */
const problems = (expectation: Record<string, unknown>): string[] =>
  readTestCase(JSON.stringify({ case: {}, expect: expectation }), rules).problems?.map((p) => p.message) ?? [];

const statuses = 'met, not-met, not-applicable, unknown, needs-review';

describe('an expected criterion the rule set does not have', () => {
  it.each([
    // The start of a criterion's name, when one criterion begins so.
    ['fluoroscopy-d', "; did you mean 'fluoroscopy-dose'?"],
    ['lev', "; did you mean 'levels'?"],
    // Several criteria begin so: each is named.
    ['fluoro', "; did you mean one of 'fluoroscopy', 'fluoroscopy-dose'?"],
    // A misspelling: the closest.
    ['releif', "; did you mean 'relief'?"],
    // Nothing near: the criteria, when they are few.
    ['indication', ' (fluoroscopy, fluoroscopy-dose, levels, relief)'],
  ])('%j', (id, ending) => {
    expect(problems({ guideline: 'acme.epidural', criteria: { [id]: 'met' } })).toEqual([`expect.criteria: '${id}' is no criterion of guideline acme.epidural${ending}`]);
  });
});

describe('an expected status that is none', () => {
  it.each([
    ['passed', `"passed" is not a status (${statuses})`],
    ['not_met', `"not_met" is not a status (${statuses}); did you mean 'not-met'?`],
    [true, `true is not a status (${statuses})`],
  ])('%j', (status, message) => {
    expect(problems({ criteria: { levels: status } })).toEqual([`expect.criteria.levels: ${message}`]);
  });
});

describe('an expected decision that is none', () => {
  it.each([
    ['not-medicaly-necessary', `"not-medicaly-necessary" is not a decision; did you mean 'not-medically-necessary'?`],
    ['approved', `"approved" is not a decision (medically-necessary, not-medically-necessary, partially-medically-necessary, insufficient-information, needs-clinical-review, no-applicable-guideline)`],
  ])('%j', (decision, message) => {
    expect(problems({ decision })).toEqual([`expect.decision: ${message}`]);
  });
});
