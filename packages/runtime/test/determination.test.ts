// What names a determination: the revision of the rule set that decided (the artifact's, or the one
// worked out for a rule set without one) and a decision id (a random UUID, or the caller's own).
import { describe, expect, it } from 'vitest';
import { compileGuideline, ruleSetRevision, type RuleSet } from '../../language/src/index.ts';
import { evaluate, evaluateFast, evaluateMany, type Determination } from '../src/index.ts';
import { makeCase } from '../../../test/support/case-factory.ts';

const text = `guideline t.g title "T" source "S", pages 1 covers physical-therapy uses physical-medicine
criterion c "C" require completed visits <= 30 otherwise "{completed visits} x"
policy p "P" jurisdiction CA first t.*`;
const rules = (): RuleSet => compileGuideline(text).rules!;
const uuid4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const evaluators: [string, (r: RuleSet) => Promise<Determination>][] = [
  ['the fast path', async (r) => evaluateFast(r, makeCase())],
  ['the fast path, decision only', async (r) => evaluateFast(r, makeCase(), { detail: 'decision' })],
  ['json-rules-engine', (r) => evaluate(r, makeCase(), { engine: 'json-rules-engine' })],
  ['a batch', async (r) => { const [x] = [...evaluateMany(r, [makeCase()])]; return (x as { determination: Determination }).determination; }],
];

describe.each(evaluators)('a determination of %s', (_, decide) => {
  it('names the revision of the rule set that decided', async () => {
    const r = rules();
    expect((await decide(r)).revision).toBe(r.revision);
  });

  it('names the revision worked out for a rule set that carries none', async () => {
    const { revision, compiler, ...bare } = rules();
    void compiler;
    const d = await decide(bare as RuleSet);
    expect(d.revision).toBe(revision);
    expect(d.revision).toBe(ruleSetRevision(bare as RuleSet));
  });

  it('has a decision id of its own, a random UUID', async () => {
    const r = rules();
    const [a, b] = [await decide(r), await decide(r)];
    expect(a.decisionId).toMatch(uuid4);
    expect(b.decisionId).toMatch(uuid4);
    expect(a.decisionId).not.toBe(b.decisionId);
  });
});

describe('decision ids', () => {
  it('are the caller\'s own when it makes them, one for each case of a batch', () => {
    let n = 0;
    const ids = [...evaluateMany(rules(), [makeCase(), makeCase(), { nonsense: true }, makeCase()], { decisionId: () => `UR-${++n}` })].map((x) => ('determination' in x ? x.determination.decisionId : 'refused'));
    expect(ids).toEqual(['UR-1', 'UR-2', 'refused', 'UR-3']);
  });
});
