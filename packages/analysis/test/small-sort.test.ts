// The insertion sort of keys: the order of Array.prototype.sort (texts by UTF-16 code units,
// numbers ascending), in place, for any texts, including ones outside the basic plane.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs, seed } from '../../../test/support/fuzz.ts';
import { sortSmall } from '../src/small-sort.ts';

describe('sortSmall', () => {
  it('orders texts as sort() does, in place', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('a', 'A', 'é', '😀', 'a+b', 'a;b', '')), { maxLength: 40 }), (xs) => {
        const copy = [...xs];
        expect(sortSmall(copy)).toBe(copy);
        expect(copy).toEqual([...xs].sort());
      }),
      { numRuns: runs(300), ...seed(1) },
    );
  });

  it('orders numbers ascending, not as texts', () => {
    expect(sortSmall([10, 9, 2, 100, 0])).toEqual([0, 2, 9, 10, 100]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 40 }), (xs) => {
        expect(sortSmall([...xs])).toEqual([...xs].sort((a, b) => a - b));
      }),
      { numRuns: runs(300), ...seed(2) },
    );
  });
});
