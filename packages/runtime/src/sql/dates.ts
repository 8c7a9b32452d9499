// Calendar arithmetic in plain SQL, as values.ts `elapsed` does it: dates are ISO texts; days are
// counted through days-from-civil (integer arithmetic any engine has), months by the calendar with
// the fraction of the month in between, as JavaScript's Date.UTC normalises an overflowing month.
// Each step is kept in columns of its own (see scope.ts), so no expression is written twice.
import type { TimeUnit } from '@guideline/language/rules';
import type { Dialect } from './dialect.ts';

/** Keeps expressions in columns at a layer; answers the columns, by the same names. */
export type Columns = (depth: number, exprs: Record<string, string>) => Record<string, string>;

const floor = (x: string): string => `FLOOR(${x})`;

/** Days since 1970-01-01 of year y, month m (1-12), day d (may overflow the month). Arguments are used more than once: give columns. */
export function daysFromCivil(y: string, m: string, d: string): string {
  const y2 = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  const era = floor(`${y2} / 400`);
  const yoe = `(${y2} - ${era} * 400)`;
  const mp = `(CASE WHEN ${m} > 2 THEN ${m} - 3 ELSE ${m} + 9 END)`;
  const doy = `(${floor(`(153 * ${mp} + 2) / 5`)} + ${d} - 1)`;
  const doe = `(${yoe} * 365 + ${floor(`${yoe} / 4`)} - ${floor(`${yoe} / 100`)} + ${doy})`;
  return `(${era} * 146097 + ${doe} - 719468)`;
}

/** A date text's year, month, day and day number, as columns. */
export interface DateParts {
  y: string;
  m: string;
  d: string;
  days: string;
}

/** The parts of a date text (a column), two layers from `depth`: the fields first, then the day number. */
export function dateParts(s: string, depth: number, columns: Columns, dialect: Dialect): { parts: DateParts; depth: number } {
  const part = (from: number, n: number): string => dialect.double(`substr(${s}, ${from}, ${n})`);
  const ymd = columns(depth, { y: part(1, 4), m: part(6, 2), d: part(9, 2) });
  const { days } = columns(depth + 1, { days: daysFromCivil(ymd.y!, ymd.m!, ymd.d!) });
  return { parts: { y: ymd.y!, m: ymd.m!, d: ymd.d!, days: days! }, depth: depth + 2 };
}

/** Date.UTC(y, monthIndex, d) in days, for a month index (a column) that may pass 11. */
function utcDays(y: string, monthIndex: string, d: string): string {
  const years = floor(`${monthIndex} / 12`);
  return `(${daysFromCivil(`(${y} + ${years})`, `(${monthIndex} - 12 * ${years} + 1)`, '1')} + ${d} - 1)`;
}

/**
 * Time from one date to another in a unit (negative when `to` is earlier), as `elapsed`, from their
 * parts (columns at layers before `depth`); the answer is a column at the layer it returns.
 */
export function elapsedSql(from: DateParts, to: DateParts, unit: TimeUnit, depth: number, columns: Columns): { value: string; depth: number } {
  const days = `(${to.days} - ${from.days})`;
  if (unit === 'days') return { value: columns(depth, { e: days }).e!, depth: depth + 1 };
  if (unit === 'weeks') return { value: columns(depth, { e: `(${days} / 7.0)` }).e!, depth: depth + 1 };
  // Forward from `from` to `to`, and backward (for a `to` earlier than `from`, elapsed is the negative of the reverse).
  const count = (a: DateParts, b: DateParts): string => `((${b.y} - ${a.y}) * 12 + (${b.m} - ${a.m}) - CASE WHEN ${b.d} < ${a.d} THEN 1 ELSE 0 END)`;
  const m = columns(depth, { f: count(from, to), b: count(to, from), days });
  const edges = columns(depth + 1, { f: `(${from.m} - 1 + ${m.f})`, fn: `(${from.m} + ${m.f})`, b: `(${to.m} - 1 + ${m.b})`, bn: `(${to.m} + ${m.b})` });
  const at = columns(depth + 2, { fa: utcDays(from.y, edges.f!, from.d), fn: utcDays(from.y, edges.fn!, from.d), ba: utcDays(to.y, edges.b!, to.d), bn: utcDays(to.y, edges.bn!, to.d) });
  const forward = `(${m.f} + (${to.days} - ${at.fa}) / (${at.fn} - ${at.fa}))`;
  const backward = `(${m.b} + (${from.days} - ${at.ba}) / (${at.bn} - ${at.ba}))`;
  const months = `(CASE WHEN ${m.days} < 0 THEN -${backward} ELSE ${forward} END)`;
  return { value: columns(depth + 3, { e: unit === 'months' ? months : `(${months} / 12.0)` }).e!, depth: depth + 4 };
}
