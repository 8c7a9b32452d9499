// loadRuleSet: a compiled rule set is checked whole before anything evaluates it; each problem is
// named by its place in the document.
import { describe, expect, it } from 'vitest';
import { compileGuideline } from '../../language/src/index.ts';
import { evaluate, evaluateFast, loadRuleSet, RuleSetError, ruleSetLimits } from '../src/index.ts';
import { makeCase } from '../../../test/support/case-factory.ts';

const text = `guideline t.g title "T" source "S", pages 1 covers physical-therapy uses physical-medicine
criterion c "C" only when completed visits > 0 require completed visits + requested visits <= 30 otherwise "{completed visits} x"
policy p "P" jurisdiction CA first t.*`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
const good = (): Doc => JSON.parse(JSON.stringify(compileGuideline(text).rules));
/** A small table `t` keyed by the completed visits, with a number column `a`. */
const table = (): Doc => ({
  id: 't',
  keys: [{ words: 'completed visits', value: { fact: 'history.visitsCompleted' } }],
  columns: [{ id: 'a', words: 'a', type: { kind: 'number' } }],
  choose: 'first',
  rows: [{ when: [[{ cmp: '<=', value: 10 }]], cells: [3], source: { file: 'x', line: 1 } }],
});

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

  it.each<[string, (d: Doc) => void, RegExp]>([
    ['a condition of two shapes (all beside any)', (d) => { d.guidelines[0].applies.any = [{ leaf: 0, known: { fact: 'x' }, yes: true }]; }, /guidelines\[0\]\.applies\.any: is not part of this node/],
    ['an unknown comparison', (d) => { d.guidelines[0].criteria[0].require.cmp = '=~'; }, /require\.cmp: unknown comparison '=~'/],
    ['a leaf of no known kind', (d) => { d.guidelines[0].criteria[0].require = { leaf: 0, regexMatch: 'x' }; }, /require: not a condition/],
    ['a leaf number out of range', (d) => { d.guidelines[0].criteria[0].require.leaf = 99; }, /require\.leaf: must number one of the/],
    ['a jsonpath', (d) => { d.guidelines[0].criteria[0].require.left = { fact: 'x', path: '$..x' }; }, /require\.left\.path: jsonpath expressions are not allowed/],
    ['a __proto__ key', (d) => { Object.defineProperty(d.guidelines[0], '__proto__', { value: { polluted: true }, enumerable: true }); }, /__proto__: the key '__proto__' is not allowed/],
    ['a constructor key', (d) => { d.guidelines[0].criteria[0].constructor = {}; }, /constructor: the key 'constructor' is not allowed/],
    ['a bad arithmetic', (d) => { d.guidelines[0].criteria[0].require.left = { op: '**', args: [] }; }, /unknown arithmetic '\*\*'/],
    ['a placeholder the text lacks', (d) => { d.guidelines[0].criteria[0].texts.notMet.text = '{0} {3}'; }, /refers to placeholder \{3\} of 1/],
    ['a criterion without texts', (d) => { delete d.guidelines[0].criteria[0].texts; }, /criteria\[0\]\.texts: texts must be an object/],
    ['classes that are not a list', (d) => { d.guidelines[0].classes = null; }, /classes: must be a list/],
    ['a fact without words', (d) => { delete d.facts[0].words; }, /facts\[0\]: a fact needs an id, words, a type and inputs/],
    ['steps that are not lists of patterns', (d) => { d.policies[0].steps = [[1]]; }, /steps: must be a list of lists/],
    ['another format', (d) => { d.format = 'x'; }, /^format: expected 'guideline-rules'/],
    ['another version', (d) => { d.version = 2; }, /^version: this runtime reads version 3, not 2/],
    ['a version written as text', (d) => { d.version = '3'; }, /^version: this runtime reads version 3, not "3"/],
    ['a lookup of no table', (d) => { d.guidelines[0].criteria[0].require.right = { lookup: 'nope', column: 'x' }; }, /require\.right: lookup names no table of this guideline or of the rule set: "nope"/],
    ['a lookup of no column', (d) => { d.guidelines[0].tables.push(table()); d.guidelines[0].criteria[0].require.right = { lookup: 't', column: 'z' }; }, /require\.right: table 't' has no column "z"/],
    ['a table whose row lacks a cell', (d) => { const t = table(); t.rows[0].cells = []; d.guidelines[0].tables.push(t); }, /tables\[0\]\.rows\[0\]\.cells: has 0 cells; the table has 1 columns/],
    ['a cell match of no known kind', (d) => { const t = table(); t.rows[0].when = [[{ like: 'x' }]]; d.guidelines[0].tables.push(t); }, /rows\[0\]\.when\[0\]\[0\]: a match is/],
    ['a choice of no column', (d) => { const t = table(); t.choose = { most: 'z' }; d.guidelines[0].tables.push(t); }, /tables\[0\]\.choose: is 'first'/],
    ['a condition in a table key', (d) => { const t = table(); t.keys[0].value = { count: 'x', where: { leaf: 0, known: { fact: 'x' }, yes: true } }; d.guidelines[0].tables.push(t); }, /keys\[0\]\.value\.where\.leaf: must number one of the 0 leaves/],
    ['a table read by its own keys', (d) => { const t = table(); t.keys[0].value = { lookup: 't', column: 'a' }; d.guidelines[0].tables.push(t); }, /tables: table 't' is read, through its keys, by its own keys/],
  ])('rejects %s', (_, mutate, pattern) => {
    const d = good();
    mutate(d);
    expect(issues(d).join('\n')).toMatch(pattern);
  });

  it('refuses a document past the size limit before reading it', () => {
    expect(issues(' '.repeat(ruleSetLimits.maxBytes + 1))).toEqual([`: the document is ${ruleSetLimits.maxBytes + 1} characters; the limit is ${ruleSetLimits.maxBytes}`]);
  });

  it('rejects nesting past the limit', () => {
    let c: Doc = { leaf: 0, known: { fact: 'a' }, yes: true };
    for (let i = 0; i < ruleSetLimits.maxDepth; i++) c = { not: c };
    const d = good();
    d.guidelines[0].applies = c;
    expect(issues(d).join()).toMatch(new RegExp(`nested more than ${ruleSetLimits.maxDepth} deep`));
  });

  it('refuses lists walked inside one another past the limit, and takes them at it', () => {
    const nested = (n: number): Doc => {
      let c: Doc = { leaf: 0, known: { fact: 'medications[].name' }, yes: true };
      for (let i = 0; i < n; i++) c = { leaf: 0, quantifier: 'some', over: 'medications', where: c };
      return c;
    };
    const at = (n: number): string[] => {
      const d = good();
      d.guidelines[0].applies = nested(n);
      return issues(d);
    };
    expect(at(ruleSetLimits.maxListNesting)).toEqual([]);
    expect(at(ruleSetLimits.maxListNesting + 1).join()).toMatch(new RegExp(`lists walked ${ruleSetLimits.maxListNesting + 1} deep inside one another`));
  });

  it('rejects text that is not JSON', () => {
    expect(issues('{ nope')[0]).toMatch(/^: not JSON/);
  });

  it('holds every compiled bundled guideline program to its checks', async () => {
    const { bundledRules } = await import('../../../test/support/bundled.ts');
    expect(issues(JSON.parse(JSON.stringify(bundledRules())))).toEqual([]);
  });
});

describe('an unchecked rule set with a condition of two shapes', () => {
  const twoShapes = (): Doc => {
    const d = good();
    d.guidelines[0].applies.any = [{ leaf: 0, is: { fact: 'request.treatment' }, values: ['nothing'] }];
    return d;
  };
  it.each([
    ['the fast path', (d: Doc) => evaluateFast(d as never, makeCase())],
    ['the fast path, decision only', (d: Doc) => evaluateFast(d as never, makeCase(), { detail: 'decision' })],
    ['json-rules-engine', (d: Doc) => evaluate(d as never, makeCase(), { engine: 'json-rules-engine' })],
  ])('is refused by %s as loadRuleSet refuses it, not read by one branch', async (_, run) => {
    await expect(Promise.resolve().then(() => run(twoShapes()))).rejects.toThrow(RuleSetError);
  });
});
