// A rule set may name any fact, among them the names of Object.prototype's members. Each reads as
// an unknown fact (the case has no such field) on every evaluator, never as the inherited member.
import { describe, expect, it } from 'vitest';
import { compileGuideline, type RuleSet } from '../../language/src/index.ts';
import { caseFacts, evaluateFast, RuleSetError } from '../src/index.ts';
import { makeCase } from '../../../test/support/case-factory.ts';
import { agree, onEveryEngine } from '../../../test/support/engines.ts';

const text = `guideline t.g title "T" source "S", pages 1 covers physical-therapy
criterion present "K" require completed visits is known otherwise "x"
criterion compared "C" require completed visits > 0 otherwise "x"
criterion summed "S" require completed visits + requested visits <= 30 otherwise "x"
criterion against "A" require requested visits <= completed visits otherwise "x"
policy p "P" jurisdiction CA first t.*`;

/** The rule set with every fact the criteria read renamed to `name`. */
function reading(name: string): RuleSet {
  const rules = compileGuideline(text).rules!;
  const rename = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(rename);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['fact'] === 'string' && o['fact'] !== 'calc' && o['fact'] !== 'request.treatment') o['fact'] = name;
      Object.values(o).forEach(rename);
    }
  };
  for (const r of rules.guidelines[0]!.rules.slice(1)) rename(r.conditions);
  return rules;
}

const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable'];

describe('facts named like Object.prototype members', () => {
  it.each(names)('%s reads as unknown on every evaluator', async (name) => {
    const r = await onEveryEngine(reading(name), makeCase({ request: { visits: 8 } }));
    expect(agree(r)).toBe(true);
    // `is known` is known to be false; every other criterion is unknown.
    expect(r.determination.criteria.map((c) => c.status)).toEqual(['not-met', 'unknown', 'unknown', 'unknown']);
  });

  it.each(names)('%s is no key of a case\'s facts', (name) => {
    const facts = caseFacts(reading(name).guidelines[0]!, makeCase());
    expect(facts[name]).toBeUndefined();
    expect(name in facts).toBe(false);
  });
});

describe('operators named like Object.prototype members', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty'])('%s is refused by the fast path as an unknown operator', (name) => {
    const rules = reading('history.visitsCompleted');
    (rules.guidelines[0]!.rules[2]!.conditions as unknown as { all: { all: Record<string, unknown>[] }[] }).all[1]!.all[0]!['operator'] = name;
    expect(() => evaluateFast(rules, makeCase())).toThrow(RuleSetError);
  });
});
