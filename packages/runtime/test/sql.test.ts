// The SQL compiler refuses, by name and with its reason, what it cannot express: the guideline that
// uses it (and a policy that consults that guideline) is left out, never decided wrongly.
import { describe, expect, it } from 'vitest';
import type { Cond, RuleSet } from '../../language/src/index.ts';
import { compileSql } from '../src/index.ts';
import { bundledRules } from '../../../test/support/bundled.ts';

/** The bundled library with one guideline's first criterion requiring `cond`. */
function withRequire(cond: Cond): RuleSet {
  const rules: RuleSet = structuredClone(bundledRules());
  const g = rules.guidelines.find((x) => x.id === 'mtus.acupuncture')!;
  g.criteria[0]!.require = cond;
  return rules;
}

const leaf = 999;

describe('what SQL cannot express', () => {
  it.each<[string, Cond, RegExp]>([
    ['a lookup in a table', { leaf, cmp: '<=', left: { fact: 'history.visitsCompleted' }, right: { lookup: 'caps', column: 'visits' } } as unknown as Cond, /lookup in table 'caps'/],
    ['a count over a list', { leaf, cmp: '>', left: { count: 'diagnoses' }, right: { const: 1 } }, /count over 'diagnoses': aggregates/],
    ['a sum over a list', { leaf, cmp: '>', left: { sum: { fact: 'x[].y' }, over: 'x' }, right: { const: 1 } }, /sum over 'x'/],
    ['a condition on each item', { leaf, quantifier: 'some', over: 'diagnoses', where: { leaf: 1000, is: { fact: 'diagnoses[].text' }, values: ['x'] } }, /'some' over 'diagnoses'/],
    ['a form it does not know', { leaf, cmp: '=', left: { median: 'x' } as never, right: { const: 1 } }, /a value of a form the SQL compiler does not know \(median\)/],
    ['a condition it does not know', { leaf, matches: 'x' } as unknown as Cond, /a condition of a form the SQL compiler does not know/],
  ])('%s', (_, cond, reason) => {
    const out = compileSql(withRequire(cond));
    expect(out.refused.find((r) => r.guideline === 'mtus.acupuncture')?.reason).toMatch(reason);
    // California's policy consults it: it does not decide in SQL, and says why; Texas's does not.
    expect(out.refused.filter((r) => r.guideline.startsWith('policy ')).map((r) => r.guideline).sort()).toEqual(['policy california']);
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
