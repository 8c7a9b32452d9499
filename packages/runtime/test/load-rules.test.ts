import { describe, expect, it } from 'vitest';
import { compileGuideline } from '../../language/src/index.ts';
import { evaluate, evaluateFast, loadRuleSet, RuleSetError } from '../src/index.ts';
import { makeCase } from '../../../test/support/case-factory.ts';

const text = `guideline t.g title "T" source "S", pages 1 covers physical-therapy uses physical-medicine
criterion c "C" only when completed visits > 0 require completed visits + requested visits <= 30 otherwise "x"
policy p "P" jurisdiction CA first t.*`;
const good = (): Record<string, any> => JSON.parse(JSON.stringify(compileGuideline(text).rules));

function issues(doc: unknown): string[] {
  try {
    loadRuleSet(doc);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetError);
    return (e as RuleSetError).issues.map((i) => `${i.at}: ${i.message}`);
  }
}

describe('loadRuleSet', () => {
  it('accepts a compiled rule set, as a value or as JSON text, and it evaluates', async () => {
    expect(issues(good())).toEqual([]);
    const rs = loadRuleSet(JSON.stringify(good()));
    expect((await evaluate(rs, makeCase())).decision).toBe('not-medically-necessary');
  });

  it.each([
    ['an unknown operator', (d: any) => { d.guidelines[0].rules[1].conditions.all[1].all[0].operator = 'regexMatch'; }, /operator: unknown operator 'regexMatch'/],
    ['a jsonpath', (d: any) => { d.guidelines[0].rules[1].conditions.all[0].all[0].path = '$..x'; }, /\.path: jsonpath expressions are not allowed/],
    ['a __proto__ key', (d: any) => { Object.defineProperty(d.guidelines[0], '__proto__', { value: { polluted: true }, enumerable: true }); }, /__proto__: the key '__proto__' is not allowed/],
    ['a constructor key', (d: any) => { d.guidelines[0].rules[0].constructor = {}; }, /constructor: the key 'constructor' is not allowed/],
    ['a bad calc', (d: any) => { d.guidelines[0].rules[1].conditions.all[1].all[0].params.expr = { op: '**', args: [] }; }, /unknown arithmetic '\*\*'/],
    ['another format', (d: any) => { d.format = 'x'; }, /^format: expected 'guideline-rules'/],
    ['a future version', (d: any) => { d.version = 2; }, /^version: this runtime reads version 1, not 2/],
    ['leaves out of step with the rule', (d: any) => { d.guidelines[0].criteria[0].leaves.pop(); }, /lists 1 leaves for a rule with 2/],
  ])('rejects %s', (_, mutate, pattern) => {
    const d = good();
    mutate(d);
    expect(issues(d).join('\n')).toMatch(pattern);
  });

  it('rejects nesting past the limit', () => {
    let c: any = { fact: 'a', operator: 'equal', value: 1 };
    for (let i = 0; i < 100; i++) c = { not: c };
    const d = good();
    d.guidelines[0].rules[0].conditions = c;
    expect(issues(d).join()).toMatch(/nested more than 64 deep/);
  });

  it('rejects text that is not JSON', () => {
    expect(issues('{ nope')[0]).toMatch(/^: not JSON/);
  });
});

describe('an unchecked rule set with an unknown operator', () => {
  it('is refused by the fast path as a rule-set error, not blamed on the case', () => {
    const d = good();
    d.guidelines[0].rules[1].conditions.all[1].all[0].operator = 'regexMatch';
    expect(() => evaluateFast(d as never, makeCase())).toThrow(RuleSetError);
  });
});
