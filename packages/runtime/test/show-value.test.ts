// How messages quote a value: short, whatever its size or depth, and never mistaking one type for another.
import { describe, expect, it } from 'vitest';
import { compileGuideline } from '../../language/src/index.ts';
import { loadRuleSet, RuleSetError, validateCase } from '../src/index.ts';
import { showValue } from '../src/schema-errors.ts';
import { makeCase } from '../../../test/support/case-factory.ts';

const deep = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

describe('showValue', () => {
  it.each([
    [7, '7'],
    ['7', 'the string "7"'],
    ['-1.5', 'the string "-1.5"'],
    ['true', 'the string "true"'],
    ['null', 'the string "null"'],
    ['seven', '"seven"'],
    ['2014-02-30', '"2014-02-30"'],
    ['1e5', 'the string "1e5"'],
    ['nullable', '"nullable"'],
    [null, 'null'],
    [undefined, 'undefined'],
    [true, 'true'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [{ a: [1, 'x'] }, '{"a":[1,"x"]}'],
    ['x'.repeat(100), `"${'x'.repeat(39)}…`],
  ])('%j', (value, shown) => {
    expect(showValue(value)).toBe(shown);
  });

  // (Not in the table: the test's own name would print them with JSON.stringify, and overflow.)
  it('an array 100,000 deep, and one deep inside an object', () => {
    expect(showValue(deep(100_000))).toBe(`${'['.repeat(40)}…`);
    expect(showValue({ a: { b: deep(50) } })).toBe(`{"a":{"b":${'['.repeat(30)}…`);
  });
});

describe('where values are quoted', () => {
  it('a case nested 100,000 deep is named invalid, not a stack overflow', () => {
    const issues = validateCase({ ...makeCase(), request: deep(100_000) });
    expect(issues.map((i) => i.field)).toEqual(['request']);
  });

  it('a rule set of version "1" (a string) is not reported as being of version 1', () => {
    const doc = JSON.parse(JSON.stringify(compileGuideline('guideline t.g title "T" source "S", pages 1 covers physical-therapy\npolicy p "P" jurisdiction CA first t.*').rules));
    doc.version = '1';
    try {
      loadRuleSet(doc);
      expect.unreachable();
    } catch (e) {
      expect((e as RuleSetError).issues.map((i) => `${i.at}: ${i.message}`)).toEqual(['version: this runtime reads version 1, not the string "1"']);
    }
  });
});
