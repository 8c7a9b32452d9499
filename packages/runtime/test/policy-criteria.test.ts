// A policy's criteria, decided alike by the fast path and by json-rules-engine: their reach can depend
// on which guideline governs (a statute's limit that one guideline's schedule is excepted from), and
// they count in their own jurisdiction only, though another policy consults the same guidelines.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../language/src/index.ts';
import { evaluate, type Determination } from '../src/index.ts';

const program = `
guideline t.postsurgical
  title "Postsurgical"
  source "Test", page 1
  covers physical-therapy
  uses physical-medicine
  applies when surgery performed is known

criterion course "Within the course"
  require completed visits + requested visits <= 40 visits
  otherwise "Over the course."

guideline t.chronic
  title "Chronic"
  source "Test", page 2
  covers physical-therapy
  uses physical-medicine

criterion course "Within the course"
  require completed visits + requested visits <= 40 visits
  otherwise "Over the course."

policy ca "California"
  jurisdiction CA
  first t.postsurgical
  then  t.chronic
  uses  physical-medicine


criterion cap "At most 24 visits, except under the postsurgical schedule"
  only when governing id is not "t.postsurgical"
  require completed visits + requested visits <= 24 visits
  otherwise "Over the statutory cap."

criterion injured-since "Injured on or after 2004"
  only when governing id is "t.postsurgical"
  require injury date >= 2004-01-01
  otherwise "Injured before 2004."

policy tx "Texas"
  jurisdiction TX
  first t.postsurgical
  then  t.chronic
`;

const compiled = compileProgram([{ text: program, file: 'p.guideline' }]);
const at = (surgery: boolean, engine: 'fast' | 'json-rules-engine', jurisdiction = 'CA', injury: unknown = { date: '2014-01-01' }): Promise<Determination> =>
  evaluate(compiled.rules!, {
    jurisdiction, asOf: '2015-06-01', injury,
    surgery: surgery ? { procedure: 'knee arthroplasty', date: '2015-03-01' } : null,
    request: { treatment: 'physical-therapy', visits: 8 }, history: { visitsCompleted: 24 },
  }, { engine });

describe('the governing id, in a policy criterion', () => {
  it('compiles', () => expect(compiled.diagnostics).toEqual([]));

  it.each(['fast', 'json-rules-engine'] as const)('excepts the guideline it names, and only it (%s)', async (engine) => {
    const post = await at(true, engine);
    const chronic = await at(false, engine);
    expect([post.guideline?.id, post.criteria.find((c) => c.id === 'cap')!.status, post.decision]).toEqual(['t.postsurgical', 'not-applicable', 'medically-necessary']);
    expect([chronic.guideline?.id, chronic.criteria.find((c) => c.id === 'cap')!.status, chronic.decision]).toEqual(['t.chronic', 'not-met', 'not-medically-necessary']);
  });

  it.each(['fast', 'json-rules-engine'] as const)('an unknown policy criterion leaves the information insufficient; another policy on the same guideline does not decide for it (%s)', async (engine) => {
    const ca = await at(true, engine, 'CA', null);
    const tx = await at(true, engine, 'TX', null);
    expect([ca.decision, ca.missing]).toEqual(['insufficient-information', ['injury.date']]);
    expect([tx.decision, tx.criteria.map((c) => c.id)]).toEqual(['medically-necessary', ['course']]);
  });
});
