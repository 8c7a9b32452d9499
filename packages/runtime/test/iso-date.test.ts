import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isDateShaped } from '../src/iso-date.ts';
import { dayNumber, elapsed } from '../src/values.ts';
import { validateCase } from '../src/validate.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

/** The oracle: a date exists when the calendar gives the same year, month and day back. */
function exists(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(2000, mo - 1, d));
  t.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const dateLike = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

describe('ISO dates', () => {
  it.each([
    ['2014-01-24', true],
    ['2016-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2015-02-29', false],
    ['2014-04-31', false],
    ['2014-13-01', false],
    ['2014-00-10', false],
    ['2014-1-24', false],
    ['2014-01-24T00:00', false],
    ['２０１４-01-24', false],
  ])('%s is a calendar date: %s', (s, want) => {
    expect(isCalendarDate(s)).toBe(want);
  });

  it('agrees with the calendar on every date-like string', () => {
    fc.assert(fc.property(dateLike, (s) => isCalendarDate(s) === exists(s)), { ...seed(31), numRuns: runs(3000) });
  });

  it('the shape alone is checked for comparisons, and never passes a non-string', () => {
    expect(isDateShaped('2014-02-31')).toBe(true);
    expect(isDateShaped('2014/02/01')).toBe(false);
    fc.assert(fc.property(fc.anything(), (v) => !isDateShaped(v) || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))), { ...seed(32), numRuns: runs(500) });
  });

  it('reads each position as a digit or a dash, and nothing next to them', () => {
    // Characters just below and above the digits and the dash, and look-alikes, in date-length strings.
    const near = fc.constantFrom(...'0123456789-/:,.+ a٣０'.split(''));
    const almost = fc.tuple(dateLike, fc.array(fc.tuple(fc.nat(9), near), { maxLength: 2 })).map(([s, edits]) => {
      const cs = s.split('');
      for (const [at, c] of edits) cs[at] = c;
      return cs.join('');
    });
    fc.assert(fc.property(almost, (s) => isDateShaped(s) === /^\d{4}-\d{2}-\d{2}$/.test(s) && isCalendarDate(s) === exists(s)), { ...seed(33), numRuns: runs(3000) });
  });

  it('a case with a date that does not exist is refused at the field', () => {
    const issues = validateCase({ jurisdiction: 'CA', asOf: '2014-02-30', request: { treatment: 'physical-therapy' } });
    expect(issues).toEqual([{ field: 'asOf', message: 'must be a date (YYYY-MM-DD), got "2014-02-30"' }]);
  });

  it.each([
    ['0014-01-24', 'a year the calendar would read as 1914'],
    ['1899-12-31', 'the day before the earliest'],
  ])('refuses a date before 1900 (%s: %s), which would be decided as another', (date) => {
    const issues = validateCase({ jurisdiction: 'CA', asOf: date, request: { treatment: 'physical-therapy' } });
    expect(issues).toEqual([{ field: 'asOf', message: `must be a date from 1900-01-01 on, got "${date}"` }]);
    expect(validateCase({ jurisdiction: 'CA', asOf: '1900-01-01', request: { treatment: 'physical-therapy' } })).toEqual([]);
  });

  it('counts days as Date.UTC does, past the end of a month and in the 1900s of two-digit years', () => {
    const shaped = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(fc.property(fc.oneof(shaped, dateLike), (s) => {
      expect(dayNumber(s)).toBe(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000);
    }), { ...seed(1970), numRuns: runs(5000) });
    expect(['1970-01-01', '2016-02-29', '0099-12-31', '2015-13-01'].map(dayNumber)).toEqual([0, 16860, 10956, 16801]);
  });

  it('measures time between dates by the calendar as Date.UTC does, months rolling over', () => {
    // The reference: elapsed time worked out with Date.UTC alone.
    const byDateUtc = (from: string, to: string, unit: 'days' | 'weeks' | 'months' | 'years'): number => {
      const ymd = (s: string): [number, number, number, number] => {
        const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
        return [y, m, d, Date.UTC(y, m - 1, d)];
      };
      const [fy, fm, fd, ft] = ymd(from);
      const [ty, tm, td, tt] = ymd(to);
      const days = Math.round((tt - ft) / 86_400_000);
      if (unit === 'days') return days;
      if (unit === 'weeks') return days / 7;
      if (days < 0) return -byDateUtc(to, from, unit);
      let months = (ty - fy) * 12 + (tm - fm);
      if (td < fd) months -= 1;
      const anchor = Date.UTC(fy, fm - 1 + months, fd);
      const total = months + (tt - anchor) / (Date.UTC(fy, fm + months, fd) - anchor);
      return unit === 'months' ? total : total / 12;
    };
    const unit = fc.constantFrom('days' as const, 'weeks' as const, 'months' as const, 'years' as const);
    fc.assert(fc.property(dateLike, dateLike, unit, (a, b, u) => {
      expect(elapsed(a, b, u)).toBe(byDateUtc(a, b, u));
    }), { ...seed(1971), numRuns: runs(5000) });
    expect(elapsed('2014-01-31', '2014-03-03', 'months')).toBe(1);
  });
});
