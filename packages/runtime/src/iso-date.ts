// ISO calendar dates (YYYY-MM-DD), checked by character codes: every case carries at least one, and
// a regular expression per check was a measurable share of evaluating a case. Each position is
// read once, without a loop: a date is checked on every case, so this is on the batch path.

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A digit's value, or a large number when the character is not a digit (so any sum of it fails a range check). */
const digit = (s: string, at: number): number => {
  const d = s.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : 1e6;
};

/** Four digits, a dash, two digits, a dash, two digits: the form of a date, not its validity. */
export function isDateShaped(v: unknown): v is string {
  return typeof v === 'string' && v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && digit(v, 0) + digit(v, 1) + digit(v, 2) + digit(v, 3) + digit(v, 5) + digit(v, 6) + digit(v, 8) + digit(v, 9) < 1e6;
}

/** A date that exists on the calendar: the right form, a month 1–12, a day within that month (leap years counted). */
export function isCalendarDate(v: unknown): v is string {
  if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  const y = digit(v, 0) * 1000 + digit(v, 1) * 100 + digit(v, 2) * 10 + digit(v, 3);
  const m = digit(v, 5) * 10 + digit(v, 6);
  const d = digit(v, 8) * 10 + digit(v, 9);
  if (y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS[m]!);
}
