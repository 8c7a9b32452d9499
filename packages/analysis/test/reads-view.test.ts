// A policy's criterion is read once for every guideline it applies with when it reads nothing of
// the guideline (its classes, tables, the governing guideline, its recommendation): those conditions
// are told apart, and a criterion read once has the regions it has read under each guideline.
import { describe, expect, it } from 'vitest';
import type { Cond, FactDef } from '../../language/src/index.ts';
import { bundledRules } from '../../../test/support/bundled.ts';
import { readsView } from '../src/conditions.ts';
import type { Region } from '../src/cell.ts';
import { cellKey } from '../src/keys.ts';
import { Model } from '../src/model.ts';

const defs = new Map<string, FactDef>([
  ['diagnosis.classes', { id: 'diagnosis.classes', words: 'the diagnoses', type: { kind: 'list', of: { kind: 'text' } }, builtin: 'diagnosis-classes' } as FactDef],
  ['governing', { id: 'governing', words: 'the governing guideline', type: { kind: 'text' }, builtin: 'governing-id' } as FactDef],
  ['history.completedVisits', { id: 'history.completedVisits', words: 'completed visits', type: { kind: 'number' }, field: 'history.completedVisits' } as FactDef],
]);
const visits = { fact: 'history.completedVisits' };

describe('what a condition reads of the guideline it is read under', () => {
  it.each<[string, Cond, boolean]>([
    ['a number against a constant', { leaf: 0, cmp: '<=', left: visits, right: { const: 24 } }, false],
    ['a sum of numbers, negated', { not: { leaf: 0, cmp: '<=', left: { op: '+', args: [visits, visits] }, right: { const: 24 } } }, false],
    ['the classes of the diagnoses', { leaf: 0, includes: { fact: 'diagnosis.classes' }, values: ['x'] }, true],
    ['the governing guideline', { any: [{ leaf: 0, is: { fact: 'governing' }, values: ['g'] }] }, true],
    ['its recommendation', { leaf: 0, cmp: '<=', left: visits, right: { fact: 'recommended.frequency' } }, true],
    ['a table', { all: [{ leaf: 0, cmp: '<=', left: visits, right: { lookup: 't', column: 'c' } }] }, true],
    ['how many classes the diagnoses match', { leaf: 0, cmp: '>=', left: { count: 'diagnosis.classes' }, right: { const: 1 } }, true],
    ['some of the classes, over the list itself', { leaf: 0, quantifier: 'some', over: 'diagnosis.classes', where: { leaf: 1, cmp: '<=', left: visits, right: { const: 2 } } }, true],
    ['rounded time since a date', { leaf: 0, cmp: '<=', left: { round: 'down', arg: { since: { fact: 'history.completedVisits' }, unit: 'days' } }, right: { const: 1 } }, false],
  ])('%s', (_, c, reads) => {
    expect(readsView(c, defs)).toBe(reads);
  });

  it("a policy's criterion read once has the regions it has under each guideline", () => {
    const rules = bundledRules();
    const model = new Model([rules]);
    const fresh = new Model([rules]);
    const keys = (r: Region): string[] => r.map(cellKey).sort();
    let compared = 0;
    for (const policy of model.policies(0)) {
      for (const c of policy.criteria) {
        for (const { placed } of model.order(0, policy)) {
          const once = model.statuses(c, `policy:${policy.id}`, placed);
          // Read under this guideline alone: a scope of its own, as a criterion that reads the view is.
          const conds = fresh.conditionsOf(`policy:${policy.id}`, placed);
          const when = c.when ? conds.cond(c.when) : undefined;
          const met = c.require ? conds.cond(c.require) : undefined;
          if (!when || !met) continue;
          expect(keys(once.notApplicable)).toEqual(keys(when.f));
          expect(keys(once.fails)).toEqual(keys(fresh.logic.meet(when.t, met.f)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
