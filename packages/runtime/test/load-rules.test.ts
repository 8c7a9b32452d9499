import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGuideline } from '../../language/src/index.ts';
import { evaluate, evaluateFast, loadRuleSet, RuleSetError, ruleSetLimits } from '../src/index.ts';
import { makeCase } from '../../../test/support/case-factory.ts';

const text = `guideline t.g title "T" source "S", pages 1 covers physical-therapy
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
    ['an unknown operator', (d: any) => { d.guidelines[0].rules[1].conditions.all[1].all[0].operator = 'regexMatch'; }, /operator: unknown operator "regexMatch"/],
    ['a jsonpath', (d: any) => { d.guidelines[0].rules[1].conditions.all[0].all[0].path = '$..x'; }, /\.path: jsonpath expressions are not allowed/],
    ['a __proto__ key', (d: any) => { Object.defineProperty(d.guidelines[0], '__proto__', { value: { polluted: true }, enumerable: true }); }, /__proto__: the key '__proto__' is not allowed/],
    ['a constructor key', (d: any) => { d.guidelines[0].rules[0].constructor = {}; }, /constructor: the key 'constructor' is not allowed/],
    ['a bad calc', (d: any) => { d.guidelines[0].rules[1].conditions.all[1].all[0].params.expr = { op: '**', args: [] }; }, /op: unknown arithmetic "\*\*"/],
    ['another format', (d: any) => { d.format = 'x'; }, /^format: expected 'guideline-rules'/],
    ['a future version', (d: any) => { d.version = 2; }, /^version: this runtime reads version 1, not 2/],
    ['leaves out of step with the rule', (d: any) => { d.guidelines[0].criteria[0].leaves.pop(); }, /lists 1 leaves for a rule with 2/],
  ])('rejects %s', (_, mutate, pattern) => {
    const d = good();
    mutate(d);
    expect(issues(d).join('\n')).toMatch(pattern);
  });

  // Each row: a change to a compiled rule set that a check before the schema let through, and the
  // evaluators then crashed on (exit 70) or answered from; now each is refused at its place.
  it.each([
    ['a condition with both all and any (json-rules-engine runs the any)', (d: any) => { d.guidelines[0].rules[0].conditions.any = [{ fact: 'request.treatment', path: '$.length', operator: 'equal', value: 16 }]; }, /^guidelines\[0\]\.rules\[0\]\.conditions\.any: is not allowed here/],
    ['a leaf\'s fields beside an all', (d: any) => { Object.assign(d.guidelines[0].rules[1].conditions.all[0], { fact: 'history.visitsCompleted', operator: 'equal', value: 1 }); }, /conditions\.all\[0\]\.fact: is not allowed here/],
    ['a condition reference', (d: any) => { d.guidelines[0].rules[1].conditions.all[1].all[0] = { condition: 'shared' }; }, /all\[0\]\.fact: is required/],
    ['a leaf as a rule\'s conditions', (d: any) => { d.guidelines[0].rules[0].conditions = { fact: 'request.treatment', operator: 'equal', value: 'x' }; }, /rules\[0\]\.conditions: a rule's conditions are all, any or not/],
    ['classes: null', (d: any) => { d.guidelines[0].classes = null; }, /^guidelines\[0\]\.classes: must be array, got null/],
    ['terms: 5', (d: any) => { d.guidelines[0].classes = [{ id: 'm', of: 'diagnosis', title: 'M', terms: 5, codes: [] }]; }, /classes\[0\]\.terms: must be array, got 5/],
    ['no rationale', (d: any) => { delete d.guidelines[0].criteria[0].rationale; }, /criteria\[0\]\.rationale: is required/],
    ['no source', (d: any) => { delete d.guidelines[0].criteria[0].source; }, /criteria\[0\]\.source: is required/],
    ['leaves: [0]', (d: any) => { d.guidelines[0].criteria[0].leaves = [0, 0]; }, /criteria\[0\]\.leaves\[0\]: must be object, got 0/],
    ['steps: [[1]]', (d: any) => { d.policies[0].steps = [[1]]; }, /^policies\[0\]\.steps\[0\]\[0\]: must be string, got 1/],
    ['recommendations: 5', (d: any) => { d.guidelines[0].recommendations = 5; }, /recommendations: must be array, got 5/],
    ['a list compared with in as a text', (d: any) => { d.guidelines[0].rules[0].conditions.all[0].value = 'physical-therapy'; }, /all\[0\]\.value: must be array/],
    ['a calc that reads calc', (d: any) => { d.guidelines[0].rules[1].conditions.all[1].all[0].params.expr.args[0] = { fact: 'calc' }; }, /args\[0\]\.fact: a calc expression reads facts other than 'calc'/],
    ['params on a fact other than calc', (d: any) => { d.guidelines[0].rules[1].conditions.all[0].all[0].params = { expr: { const: 1 } }; }, /all\[0\]\.params: only the fact 'calc' takes params/],
    ['an empty class term', (d: any) => { d.guidelines[0].classes = [{ id: 'm', of: 'diagnosis', title: 'M', terms: [' . '], codes: [] }]; }, /terms\[0\]: is not in the expected form/],
    ['two rules of one name', (d: any) => { d.guidelines[0].rules[1].name = d.guidelines[0].rules[0].name; }, /rules\[1\]\.name: a second rule named/],
    ['a rule no criterion names', (d: any) => { d.guidelines[0].rules.push({ ...d.guidelines[0].rules[1], name: 'extra' }); }, /rules\[2\]: no criterion names the rule 'extra'/],
    ['a criterion\'s rule of three parts', (d: any) => { d.guidelines[0].rules[1].conditions.all.push({ all: [] }); }, /rules\[1\]\.conditions: a criterion's rule is all of two parts/],
    ['a recommendation of a class the guideline lacks', (d: any) => { d.guidelines[0].recommendations = [{ class: 'nope', minVisits: 1, maxVisits: 2, minWeeks: 1, maxWeeks: 2, source: d.guidelines[0].location }]; }, /recommendations\[0\]\.class: names the class 'nope'/],
    ['an unknown field', (d: any) => { d.guidelines[0].extra = 1; }, /^guidelines\[0\]\.extra: is not a field of this object/],
  ])('refuses %s', (_, mutate, pattern) => {
    const d = good();
    mutate(d);
    expect(issues(d).join('\n')).toMatch(pattern);
  });

  it.each([
    ['maxConditionsPerRule', 3, /rules\[1\]\.conditions: \d+ conditions; the limit is 3 in a rule/],
    ['maxConditionsPerGuideline', 3, /rules: \d+ conditions; the limit is 3 in a guideline/],
    ['maxConditions', 3, /^guidelines: \d+ conditions; the limit is 3$/m],
    ['maxRules', 1, /^guidelines: 2 rules; the limit is 1$/m],
  ] as const)('refuses a rule set past %s', (limit, value, pattern) => {
    const saved = ruleSetLimits[limit];
    ruleSetLimits[limit] = value;
    try {
      expect(issues(good()).join('\n')).toMatch(pattern);
    } finally {
      ruleSetLimits[limit] = saved;
    }
  });

  it('refuses a document past the size limit before reading it', () => {
    expect(issues(' '.repeat(ruleSetLimits.maxBytes + 1))).toEqual([`: the document is ${ruleSetLimits.maxBytes + 1} characters; the limit is ${ruleSetLimits.maxBytes}`]);
  });

  it('rejects nesting past the limit', () => {
    let c: any = { fact: 'a', operator: 'equal', value: 1 };
    for (let i = 0; i < ruleSetLimits.maxDepth; i++) c = { not: c };
    const d = good();
    d.guidelines[0].rules[0].conditions = c;
    expect(issues(d).join()).toMatch(/nested more than 256 deep/);
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

describe('docs/limits.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../../docs/limits.md'), 'utf8');
  it.each(Object.entries(ruleSetLimits))('states %s as the loader has it', (name, value) => {
    const row = doc.split('\n').find((l) => l.includes(`\`${name}\``) || l.includes(`.${name}\``));
    expect(row, `no row names ${name}`).toBeDefined();
    expect(row).toContain(value.toLocaleString('en-US'));
  });
});

describe('an unchecked rule set with a condition of two shapes', () => {
  const twoShapes = (): any => {
    const d = good();
    d.guidelines[0].rules[0].conditions.any = [{ fact: 'request.treatment', operator: 'equal', value: 'nothing' }];
    return d;
  };
  it.each([
    ['the fast path', (d: any) => evaluateFast(d, makeCase())],
    ['the fast path, decision only', (d: any) => evaluateFast(d, makeCase(), { detail: 'decision' })],
    ['json-rules-engine', (d: any) => evaluate(d, makeCase())],
  ])('is refused by %s as loadRuleSet refuses it, not read by one branch', async (_, run) => {
    await expect(Promise.resolve().then(() => run(twoShapes()))).rejects.toThrow(RuleSetError);
  });
});
