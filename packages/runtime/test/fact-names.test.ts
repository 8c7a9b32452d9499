// A rule set may name any fact and any case field, among them the names of Object.prototype's
// members. Each reads as an unknown fact (the case has no such field) on every evaluator, never as
// the inherited member; a field the case path cannot spell is refused when the rule set is loaded.
import { describe, expect, it } from 'vitest';
import { compileGuideline, type RuleSet } from '../../language/src/index.ts';
import { loadRuleSet, RuleSetError } from '../src/index.ts';
import { makeCase } from '../../../test/support/case-factory.ts';
import { agree, onEveryEngine } from '../../../test/support/engines.ts';

const text = `guideline t.g title "T" source "S", pages 1 covers physical-therapy uses physical-medicine
criterion present "K" require completed visits is known otherwise "x"
criterion compared "C" require completed visits > 0 otherwise "x"
criterion summed "S" require completed visits + requested visits <= 30 otherwise "x"
criterion against "A" require requested visits <= completed visits otherwise "x"
policy p "P" jurisdiction CA first t.*`;

/** The rule set with the fact of completed visits renamed to `name`, read from the case field `name`. */
function reading(name: string): RuleSet {
  const rules = compileGuideline(text).rules!;
  const id = 'history.visitsCompleted';
  const rename = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(rename);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['fact'] === id) o['fact'] = name;
      Object.values(o).forEach(rename);
    }
  };
  rename(rules.guidelines);
  const def = rules.facts.find((f) => f.id === id)!;
  Object.assign(def, { id: name, field: name, inputs: [name] });
  delete rules.revision; // changed since compiling: the loader works out the new content's
  return rules;
}

const names = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable'];

describe('facts named like Object.prototype members', () => {
  it.each(names)('%s reads as unknown on every evaluator', async (name) => {
    const rules = loadRuleSet(JSON.stringify(reading(name)));
    const r = await onEveryEngine(rules, makeCase({ request: { visits: 8 } }));
    expect(agree(r)).toBe(true);
    // `is known` is known to be false; every other criterion is unknown.
    expect(r.determination.criteria.map((c) => c.status)).toEqual(['not-met', 'unknown', 'unknown', 'unknown']);
  });

  it.each(['__proto__', '__defineGetter__'])('%s is refused as a case field when the rule set is loaded', (name) => {
    expect(() => loadRuleSet(JSON.stringify(reading(name)))).toThrow(RuleSetError);
  });
});
