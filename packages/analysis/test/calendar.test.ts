// The analysis measures time in months on day numbers: the same answers as the runtime's `elapsed`
// on ISO dates, for any two dates (month ends, leap days, either order), in every unit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, runtimeSince, since } from '../src/calendar.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

const [first, last] = [dayNumber('1000-01-01'), dayNumber('9999-12-31')];
const day = fc.integer({ min: first, max: last });
const near = fc.tuple(day, fc.integer({ min: -800, max: 800 })).map(([a, d]) => [a, Math.min(last, Math.max(first, a + d))] as [number, number]);

describe('time between two dates', () => {
  it.each<[string, string]>([
    ['2014-01-31', '2014-03-01'],
    ['2012-02-29', '2013-02-28'],
    ['2013-12-31', '2014-01-24'],
    ['2014-01-24', '2013-07-24'],
    ['1999-12-31', '2000-02-29'],
  ])('%s to %s is what the runtime says', (a, b) => {
    for (const unit of ['days', 'weeks', 'months', 'years'] as const) expect(since(dayNumber(a), dayNumber(b), unit)).toBe(runtimeSince(dayNumber(a), dayNumber(b), unit));
  });

  it('agrees with the runtime on random dates, near and far apart', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(day, day), near), fc.constantFrom('months', 'years' as const), ([a, b], unit) => {
        expect(since(a, b, unit)).toBe(runtimeSince(a, b, unit));
      }),
      { numRuns: runs(2000), ...seed(31) },
    );
  });
});
