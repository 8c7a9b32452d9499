import { describe, expect, it } from 'vitest';
import { elapsed, evaluateCalc } from '../src/calc.ts';

describe('elapsed', () => {
  it.each([
    ['2014-01-24', '2014-01-24', 'days', 0],
    ['2014-01-01', '2014-01-15', 'weeks', 2],
    ['2013-07-24', '2014-01-24', 'months', 6],
    ['2013-07-25', '2014-01-24', 'months', 5 + 30 / 31],
    ['2013-01-24', '2014-01-24', 'years', 1],
    ['2014-03-24', '2014-01-24', 'months', -2],
  ] as const)('%s to %s in %s', (from, to, unit, want) => {
    expect(elapsed(from, to, unit)).toBeCloseTo(want, 6);
  });
  it('is null for a malformed date', () => {
    expect(elapsed('2014-13-x', '2014-01-01', 'days')).toBeNull();
  });
});

describe('evaluateCalc', () => {
  const facts: Record<string, unknown> = { a: 24, b: 8, d: '2013-07-24', asOf: '2014-01-24' };
  const get = (id: string): unknown => facts[id];
  it('adds facts', () => expect(evaluateCalc({ op: '+', args: [{ fact: 'a' }, { fact: 'b' }] }, get)).toBe(32));
  it('halves', () => expect(evaluateCalc({ op: '/', args: [{ fact: 'a' }, { const: 2 }] }, get)).toBe(12));
  it('is null when a fact is unknown', () => expect(evaluateCalc({ op: '+', args: [{ fact: 'a' }, { fact: 'missing' }] }, get)).toBeNull());
  it('is null on division by zero', () => expect(evaluateCalc({ op: '/', args: [{ fact: 'a' }, { const: 0 }] }, get)).toBeNull());
  it('measures elapsed time to asOf', () => expect(evaluateCalc({ elapsed: 'd', unit: 'months' }, get)).toBe(6));
});
