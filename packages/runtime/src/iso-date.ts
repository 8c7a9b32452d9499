// ISO calendar dates (YYYY-MM-DD), checked by character codes: every case carries at least one, and
// a regular expression per check was a measurable share of evaluating a case.

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Four digits, a dash, two digits, a dash, two digits: the form of a date, not its validity. */
export function isDateShaped(v: unknown): v is string {
  if (typeof v !== 'string' || v.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = v.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

const digits = (s: string, at: number, n: number): number => {
  let x = 0;
  for (let i = at; i < at + n; i++) x = x * 10 + (s.charCodeAt(i) - 48);
  return x;
};

/** A date that exists on the calendar: the right form, a month 1–12, a day within that month (leap years counted). */
export function isCalendarDate(v: unknown): v is string {
  if (!isDateShaped(v)) return false;
  const y = digits(v, 0, 4);
  const m = digits(v, 5, 2);
  const d = digits(v, 8, 2);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap ? 29 : DAYS[m]!);
}
