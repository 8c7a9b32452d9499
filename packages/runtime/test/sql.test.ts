// The SQL compiler refuses, by name, with its reason and at the condition, what it cannot express:
// the guideline that uses it (and a policy that consults that guideline) is left out, never decided
// wrongly. What reads a list's items and a table's rows is the prep step's, as columns it names.
import { describe, expect, it } from 'vitest';
import type { Cond, RuleSet } from '../../language/src/index.ts';
import { compileSql } from '../src/index.ts';
import { bundledRules } from '../../../test/support/bundled.ts';

const GUIDELINE = 'mtus.acupuncture';

/** The bundled library with one guideline's first criterion requiring `cond` (numbered as its first leaf, for its place). */
function withRequire(cond: (leaf: number) => Cond): { rules: RuleSet; leaf: number } {
  const rules: RuleSet = structuredClone(bundledRules());
  const g = rules.guidelines.find((x) => x.id === GUIDELINE)!;
  const leaf = g.leaves.length - 1;
  g.criteria[0]!.require = cond(leaf);
  return { rules, leaf };
}

/** The bundled library with California's policy criteria requiring `cond`. */
function withPolicyRequire(cond: Cond): RuleSet {
  const rules: RuleSet = structuredClone(bundledRules());
  const p = rules.policies.find((x) => x.jurisdiction === 'CA')!;
  p.leaves.push({ text: 'the test', source: { file: 'policy.guideline', line: 7, column: 3, endLine: 7, endColumn: 11, start: 80, end: 88 } });
  p.criteria.push({ id: 'x', title: 'X', require: { ...cond, leaf: p.leaves.length - 1 } as Cond, texts: {}, source: p.leaves.at(-1)!.source });
  return rules;
}

describe('what SQL cannot express', () => {
  it.each<[string, (leaf: number) => Cond, RegExp]>([
    ['a value of a form it does not know', (leaf) => ({ leaf, cmp: '=', left: { median: 'x' } as never, right: { const: 1 } }), /a value of a form the SQL compiler does not know \(median\)/],
    ['a condition of a form it does not know', (leaf) => ({ leaf, matches: 'x' }) as unknown as Cond, /a condition of a form the SQL compiler does not know/],
  ])('%s: refused at the condition, and the policy that consults it with it', (_, cond, reason) => {
    const { rules, leaf } = withRequire(cond);
    const out = compileSql(rules);
    const refusal = out.refused.find((r) => r.guideline.startsWith(GUIDELINE));
    expect(refusal?.reason).toMatch(reason);
    const g = rules.guidelines.find((x) => x.id === GUIDELINE)!;
    expect(refusal?.source).toEqual(g.leaves[leaf]!.source);
    // California's policy consults it: it does not decide in SQL, and says why; Texas's does not.
    expect(out.refused.filter((r) => r.guideline.startsWith('policy ')).map((r) => r.guideline).sort()).toEqual(['policy california']);
  });

  it('a policy criterion reading the governing guideline\'s classes through a count the prep step would work out', () => {
    const out = compileSql(withPolicyRequire({ leaf: 0, cmp: '>', left: { count: 'diagnoses.classes' }, right: { const: 0 } }));
    const refusal = out.refused.find((r) => r.guideline === 'policy california');
    expect(refusal?.reason).toMatch(/in a policy's criterion is the governing guideline's/);
    expect(refusal?.source).toMatchObject({ file: 'policy.guideline', line: 7, column: 3 });
  });

  // What is the governing guideline's own is a constant once it is known which governs: the
  // policy's criteria are compiled once for each guideline of its order (the bundled California
  // policy's reads the governing id, and the differential test holds it to the runtime).
  it.each<[string, Cond]>([
    ['the governing guideline\'s classes', { leaf: 0, includes: { fact: 'diagnoses.classes' }, values: ['x'] }],
    ['the recommend block\'s frequency', { leaf: 0, cmp: '<=', left: { fact: 'request.frequencyPerWeek' }, right: { fact: 'recommended.frequency' } }],
    ['the governing id', { leaf: 0, is: { fact: 'governingId' }, values: ['mtus.acupuncture'] }],
  ])('a policy criterion reading %s is compiled for each guideline that may govern', (_, cond) => {
    const out = compileSql(withPolicyRequire(cond));
    expect(out.refused).toEqual([]);
    expect(out.sql).toMatch(/"p0_g\d+_c\d+_status"/);
  });
});

describe('what the prep step computes', () => {
  it.each<[string, (leaf: number) => Cond, RegExp]>([
    ['a lookup in a table', (leaf) => ({ leaf, cmp: '<=', left: { fact: 'history.visitsCompleted' }, right: { lookup: 'recommend', column: 'visits' } }), /column 'visits' of table 'recommend'/],
    ['a count over a list', (leaf) => ({ leaf, cmp: '>', left: { count: 'diagnoses' }, right: { const: 1 } }), /the count of diagnoses/],
    ['a sum over a list', (leaf) => ({ leaf, cmp: '>', left: { sum: { fact: 'medications[].morphineEquivalents' }, over: 'medications' }, right: { const: 90 } }), /a sum over medications/],
    ['a condition on each item', (leaf) => ({ leaf, quantifier: 'some', over: 'diagnoses', where: { leaf: leaf + 1, is: { fact: 'diagnoses[].text' }, values: ['x'] } }), /whether some item of diagnoses meets its condition/],
  ])('%s: a column of the prep step, with the fields it leaves missing', (_, cond, meaning) => {
    const { rules } = withRequire(cond);
    const out = compileSql(rules);
    expect(out.refused).toEqual([]);
    const g = rules.guidelines.findIndex((x) => x.id === GUIDELINE);
    const columns = out.prep.filter((c) => c.name.startsWith(`prep_g${g}_v`));
    expect(columns.map((c) => c.meaning).join('\n')).toMatch(meaning);
    expect(columns.some((c) => c.name.endsWith('_gaps') && c.type === 'VARCHAR[]')).toBe(true);
    for (const c of columns) expect(out.sql).toContain(`"${c.name}"`);
  });

  it('refuses nothing of the bundled library', () => {
    expect(compileSql(bundledRules()).refused).toEqual([]);
  });

  it('names the prep columns the query reads', () => {
    const out = compileSql(bundledRules());
    expect(out.prep.map((c) => c.name)).toContain('prep_text_visits');
    for (const c of out.prep) expect(out.sql.includes(`"${c.name}"`) || c.name.endsWith('_px') || c.name.endsWith('_dx')).toBe(true);
  });
});

describe('what compileSql is given', () => {
  // As evaluate refuses them: never a TypeError from deep inside the query builder.
  it.each([
    [{ dialect: 'duckdb' }, 'an object'],
    ['postgres', '"postgres"'],
    [null, 'null'],
  ])('names a dialect it does not know: %j', (dialect, shown) => {
    expect(() => compileSql(bundledRules(), dialect as never)).toThrow(new TypeError(`the dialect is 'duckdb', 'spark' or 'trino', not ${shown}`));
  });
});
