// Finite masks: numbers for variables of at most 30 values, BigInts beyond, with the same answers
// as sets of value positions whatever the width.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs, seed } from '../../../test/support/fuzz.ts';
import { andMask, bitMask, fullMask, hasBit, isEmptyMask, maskValues, noMask, orMask, type Mask } from '../src/masks.ts';

const maskOfSet = (width: number, s: ReadonlySet<number>): Mask => [...s].reduce((m, k) => orMask(m, bitMask(width, k)), noMask(width));

describe('masks', () => {
  it.each([
    [1, 'number'],
    [2, 'number'],
    [30, 'number'],
    [31, 'bigint'],
    [64, 'bigint'],
  ])('a variable of %i values keeps its masks as a %s', (width, kind) => {
    expect(typeof fullMask(width)).toBe(kind);
    expect(typeof bitMask(width, width - 1)).toBe(kind);
    expect(maskValues([...Array(width).keys()], fullMask(width))).toHaveLength(width);
  });

  it.each([1, 2, 29, 30, 31, 40, 64])('agree with sets of positions, %i values', (width) => {
    const positions = fc.uniqueArray(fc.nat(width - 1), { maxLength: width }).map((xs) => new Set(xs));
    fc.assert(
      fc.property(positions, positions, (a, b) => {
        const [ma, mb] = [maskOfSet(width, a), maskOfSet(width, b)];
        const both = andMask(ma, mb);
        const either = orMask(ma, mb);
        for (let k = 0; k < width; k++) {
          expect(hasBit(both, k)).toBe(a.has(k) && b.has(k));
          expect(hasBit(either, k)).toBe(a.has(k) || b.has(k));
        }
        expect(isEmptyMask(both)).toBe(![...a].some((k) => b.has(k)));
        expect(andMask(either, fullMask(width))).toBe(either);
      }),
      { numRuns: runs(50), ...seed(width) },
    );
  });
});
