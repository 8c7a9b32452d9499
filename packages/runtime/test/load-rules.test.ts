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
  rows: [{ when: [[{ cmp: '<=', value: 10 }]], cells: [3], source: { file: 'x', line: 1, column: 1, endLine: 1, endColumn: 2, start: 0, end: 1 } }],
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
    ['the latest item without the date it is chosen by', (d) => { d.guidelines[0].criteria[0].require = { leaf: 0, quantifier: 'latest', over: 'x', where: { leaf: 1, known: { fact: 'x[].a' }, yes: true } }; }, /require\.by: is missing/],
    ['some item chosen by a date', (d) => { d.guidelines[0].criteria[0].require = { leaf: 0, quantifier: 'some', over: 'x', by: { fact: 'x[].d' }, where: { leaf: 1, known: { fact: 'x[].a' }, yes: true } }; }, /require\.by: is not part of a 'some'/],
    ['a bad arithmetic', (d) => { d.guidelines[0].criteria[0].require.left = { op: '**', args: [] }; }, /unknown arithmetic '\*\*'/],
    ['a placeholder the text lacks', (d) => { d.guidelines[0].criteria[0].texts.notMet.text = '{0} {3}'; }, /refers to placeholder \{3\} of 1/],
    ['a criterion without texts', (d) => { delete d.guidelines[0].criteria[0].texts; }, /criteria\[0\]\.texts: is missing/],
    ['classes that are not a list', (d) => { d.guidelines[0].classes = null; }, /classes: must be a list/],
    ['a fact without words', (d) => { delete d.facts[0].words; }, /facts\[0\]\.words: is missing/],
    ['steps that are not lists of patterns', (d) => { d.policies[0].steps = [[1]]; }, /steps\[0\]\[0\]: must be a text/],
    ['a member no rule set has', (d) => { d.signature = 'x'; }, /^signature: is not part of this node/],
    ['a member no criterion has', (d) => { d.guidelines[0].criteria[0].weight = 2; }, /criteria\[0\]\.weight: is not part of this node/],
    ['review that is not true', (d) => { d.guidelines[0].criteria[0].review = false; }, /criteria\[0\]\.review: is true when present/],
    ['a source location without its column', (d) => { delete d.guidelines[0].location.column; }, /location\.column: is missing/],
    ['a fact type of no known kind', (d) => { d.facts[0].type = { kind: 'money' }; }, /facts\[0\]\.type\.kind: is one of/],
    // A name every object answers to is no kind: found by pnpm fuzz, where the schema refused it and the loader took it.
    ['a fact type of kind "constructor"', (d) => { d.facts[0].type = { kind: 'constructor' }; }, /facts\[0\]\.type\.kind: is one of/],
    ['a fact type of kind "__proto__"', (d) => { d.facts[0].type = { kind: '__proto__' }; }, /facts\[0\]\.type\.kind: is one of/],
    ['a compiler without its version', (d) => { d.compiler = { name: 'x' }; }, /^compiler\.version: is missing/],
    ['a revision that is not a digest', (d) => { d.revision = 'v1'; }, /^revision: must be sha256: and 64 hex digits/],
    ['a revision that is not the content\'s', (d) => { d.guidelines[0].criteria[0].title = 'Changed'; }, /^revision: is not the content's/],
    ['another format', (d) => { d.format = 'x'; }, /^format: expected 'guideline-rules'/],
    ['another version', (d) => { d.version = 2; }, /^version: this runtime reads versions 3 and 4, not 2/],
    ['a version written as text', (d) => { d.version = '3'; }, /^version: this runtime reads versions 3 and 4, not "3"/],
    ['a lookup of no table', (d) => { d.guidelines[0].criteria[0].require.right = { lookup: 'nope', column: 'x' }; }, /require\.right: lookup names no table of this guideline or of the rule set: "nope"/],
    ['a lookup of no column', (d) => { d.guidelines[0].tables.push(table()); d.guidelines[0].criteria[0].require.right = { lookup: 't', column: 'z' }; }, /require\.right: table 't' has no column "z"/],
    ['a table whose row lacks a cell', (d) => { const t = table(); t.rows[0].cells = []; d.guidelines[0].tables.push(t); }, /tables\[0\]\.rows\[0\]\.cells: has 0 cells; the table has 1 columns/],
    ['a cell match of no known kind', (d) => { const t = table(); t.rows[0].when = [[{ like: 'x' }]]; d.guidelines[0].tables.push(t); }, /rows\[0\]\.when\[0\]\[0\]: a match is/],
    ['a choice of no column', (d) => { const t = table(); t.choose = { most: 'z' }; d.guidelines[0].tables.push(t); }, /tables\[0\]\.choose\.most: names no column of the table: "z"/],
    ['a choice of no known kind', (d) => { const t = table(); t.choose = { last: 'a' }; d.guidelines[0].tables.push(t); }, /tables\[0\]\.choose: is 'first'/],
    ['a choice of a key the table lacks', (d) => { const t = table(); t.choose = { listed: 1 }; d.guidelines[0].tables.push(t); }, /tables\[0\]\.choose\.listed: names key 1; the table has 1 keys/],
    ['a row without a match list for each key', (d) => { const t = table(); t.rows[0].when = []; d.guidelines[0].tables.push(t); }, /tables\[0\]\.rows\[0\]\.when: has 0 key cells; the table has 1 keys/],
    ['a table without its rule set list', (d) => { delete d.tables; }, /^tables: is missing/],
    ['a recommendation list (version 2)', (d) => { d.guidelines[0].recommendations = []; }, /guidelines\[0\]\.recommendations: is not part of this node/],
    ['a recorded leaf over no value', (d) => { d.guidelines[0].criteria[0].require = { leaf: 0, recorded: 5 }; }, /require\.recorded: a value must be an object/],
    ['a time between dates up to no value', (d) => { d.guidelines[0].criteria[0].require.left = { since: { fact: 'injury.date' }, unit: 'days', to: 3 }; }, /require\.left\.to: a value must be an object/],
    ['review unless met without review', (d) => { d.guidelines[0].criteria[0].reviewNotMet = true; }, /criteria\[0\]\.reviewNotMet: is there only with review/],
    ['a condition in a table key', (d) => { const t = table(); t.keys[0].value = { count: 'x', where: { leaf: 0, known: { fact: 'x' }, yes: true } }; d.guidelines[0].tables.push(t); }, /keys\[0\]\.value\.where\.leaf: must number one of the 0 leaves/],
    ['a table read by its own keys', (d) => { const t = table(); t.keys[0].value = { lookup: 't', column: 'a' }; d.guidelines[0].tables.push(t); }, /tables: table 't' is read, through its keys, by its own keys/],
  ])('rejects %s', (_, mutate, pattern) => {
    const d = good();
    mutate(d);
    expect(issues(d).join('\n')).toMatch(pattern);
  });

  // Checked once per object: a change after it would go unchecked, under the revision of the rule set
  // that was checked. So a loaded rule set is frozen, and so is one an evaluator checked on first use.
  it('freezes what it has checked: a change afterwards is a TypeError where it is made', async () => {
    const loaded = loadRuleSet(good()) as unknown as Doc;
    expect(() => { loaded.guidelines[0].criteria[0].require.cmp = '>'; }).toThrow(TypeError);
    expect(() => { loaded.guidelines.push({}); }).toThrow(TypeError);
    const compiled = good();
    await evaluate(compiled as never, makeCase());
    expect(() => { compiled.policies[0].jurisdiction = 'TX'; }).toThrow(TypeError);
    // What was checked is what is evaluated.
    expect((await evaluate(compiled as never, makeCase())).decision).toBe('not-medically-necessary');
    // A part the caller had frozen only at its top is frozen below it too.
    const shallow = good();
    Object.freeze(shallow.guidelines[0]);
    loadRuleSet(shallow);
    expect(() => { shallow.guidelines[0].criteria[0].require.cmp = '>'; }).toThrow(TypeError);
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
      delete d.revision; // changed after compiling: its revision is worked out again
      return issues(d);
    };
    expect(at(ruleSetLimits.maxListNesting)).toEqual([]);
    expect(at(ruleSetLimits.maxListNesting + 1).join()).toMatch(new RegExp(`lists walked ${ruleSetLimits.maxListNesting + 1} deep inside one another`));
  });

  it('takes a rule set without a revision, and works it out', async () => {
    const d = good();
    const revision = d.revision;
    delete d.revision;
    delete d.compiler;
    expect((await evaluate(loadRuleSet(d), makeCase())).revision).toBe(revision);
  });

  it('refuses more criteria in all than the limit', () => {
    const d = good();
    const c = d.guidelines[0].criteria[0];
    d.guidelines = Array.from({ length: 101 }, (_, i) => ({ ...d.guidelines[0], id: `g${i}`, criteria: Array.from({ length: 200 }, () => c) }));
    delete d.revision;
    expect(issues(d)).toEqual([`: 20200 criteria in all; the limit is ${ruleSetLimits.maxCriteria}`]);
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

describe('the versions a runtime reads', () => {
  it('reads a rule set of version 3, an earlier compiler\'s, and decides it as version 4', async () => {
    const { ruleSetRevision } = await import('../../language/src/rules.ts');
    const v4 = good();
    expect(v4['version']).toBe(4);
    const v3: Doc = { ...good(), version: 3 };
    delete v3['revision'];
    v3['revision'] = ruleSetRevision(v3 as never);
    const c = makeCase();
    const strip = (d: Record<string, unknown>): unknown => ({ ...d, decisionId: undefined, revision: undefined });
    expect(strip(evaluateFast(loadRuleSet(v3), c) as never)).toEqual(strip(evaluateFast(loadRuleSet(v4), c) as never));
    expect(() => loadRuleSet({ ...good(), version: 5 })).toThrow(/this runtime reads versions 3 and 4, not 5/);
  });
});
