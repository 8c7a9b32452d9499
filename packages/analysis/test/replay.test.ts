// Examples are replayed through both evaluators: cases where the two must agree, found by the
// property test (a guideline two policies consult, one of them with criteria of its own).
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../language/src/index.ts';
import { decideBoth } from '../src/replay.ts';

const shared = `guideline gen.delta
  title "gen.delta"
  source "Doc", 2009, pages 1-2
  covers acupuncture
  uses physical-medicine

policy california "california"
  jurisdiction CA
  uses physical-medicine
  first gen.delta

criterion c9 "C9"
  require state is CA

policy texas "texas"
  jurisdiction TX
  uses physical-medicine
  first gen.delta
`;

const rulesOf = (text: string) => {
  const r = compileProgram([{ text, file: 'program.guideline' }]);
  expect(r.rules).toBeDefined();
  return r.rules!;
};

describe('replaying examples', () => {
  it('a guideline two policies consult is decided alike by both evaluators under the policy without criteria', async () => {
    const c = { jurisdiction: 'TX', asOf: '2014-01-24', request: { treatment: 'acupuncture', visits: 0 }, history: { visitsCompleted: 0 } };
    const [fast, engine] = await decideBoth(rulesOf(shared), c);
    expect(fast.decision).toBe('medically-necessary');
    expect(engine.decision).toBe(fast.decision);
  });

});
