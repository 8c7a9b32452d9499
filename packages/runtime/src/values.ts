// Values as the evaluator sees them: known (a number, a text, a date, yes/no, a list) or unknown.
// An unknown number or date still lies within its type's range (visits are never negative, an
// injury date is never after the review): `Unknown` carries those bounds, and arithmetic and
// comparisons work on them, so `completed visits + 30 <= 10` is false whatever was completed.
import type { CompareOp, FactDef, TimeUnit } from '@guideline/language/rules';
import { isDateShaped } from './iso-date.ts';

export type Known = number | string | boolean | readonly unknown[] | Readonly<Record<string, unknown>>;

/** An unknown value: a number or date somewhere in [lo, hi] (each end undefined when unbounded). */
export class Unknown {
  constructor(
    readonly lo: number | string | undefined = undefined,
    readonly hi: number | string | undefined = undefined,
    /** What bounds it, in words, for the trace ("completed visits is at least 0"). */
    readonly why: string | undefined = undefined,
  ) {}
}

/** Unknown, with nothing known of it. */
export const UNKNOWN = new Unknown();

export type Val = Known | Unknown;

export const isUnknown = (v: unknown): v is Unknown => v instanceof Unknown;

const low = (v: Val): number | string | undefined => (v instanceof Unknown ? v.lo : (v as number | string));
const high = (v: Val): number | string | undefined => (v instanceof Unknown ? v.hi : (v as number | string));

export type Tri = true | false | null;

/**
 * A date (YYYY-MM-DD) as a number of days since 1970-01-01, as `Date.UTC(y, m - 1, d) / 86400000`
 * gives it (a month or day past its end rolls over, years 0-99 are 1900-1999), by integer
 * arithmetic: comparisons of dates are on every case's path.
 */
export function dayNumber(iso: string): number {
  return daysOf(yearOf(iso), monthOf(iso) - 1, dayOf(iso));
}

/** A date-shaped text's year, month and day, by character codes. */
const yearOf = (iso: string): number => (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
const monthOf = (iso: string): number => (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
const dayOf = (iso: string): number => (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);

/** `Date.UTC(y, monthIndex, d) / 86400000` for whole numbers, by integer arithmetic. */
function daysOf(y0: number, m0: number, d: number): number {
  // Date.UTC's rules: two-digit years are the 1900s; a month index past 11 (or below 0) moves the year.
  const carry = Math.floor(m0 / 12);
  const y = (y0 >= 0 && y0 <= 99 ? 1900 + y0 : y0) + carry;
  const m = m0 - 12 * carry + 1;
  // Days from the civil date (H. Hinnant's algorithm), the first of the month, then the day on from it.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + d - 1;
}

/**
 * Where a value stands for an ordering comparison: a number as itself, a date as its day number.
 * Anything else (a text, yes or no) has no order: comparing it is never true or false.
 */
function ordinal(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  return isDateShaped(x) ? dayNumber(x) : undefined;
}

/**
 * A comparison, three-valued: decided when the values are known, or when their bounds alone
 * decide it (an unknown at least 0 is never below 0); unknown otherwise, and for an order between
 * values that have none (texts).
 */
export function compare(op: CompareOp, a: Val, b: Val): Tri {
  if (!(a instanceof Unknown) && !(b instanceof Unknown)) return compareKnown(op, a, b);
  const aLo = ordinal(low(a)), aHi = ordinal(high(a)), bLo = ordinal(low(b)), bHi = ordinal(high(b));
  switch (op) {
    case '<=': return le(aHi, bLo) ? true : lt(bHi, aLo) ? false : null;
    case '<': return lt(aHi, bLo) ? true : le(bHi, aLo) ? false : null;
    case '>=': return le(bHi, aLo) ? true : lt(aHi, bLo) ? false : null;
    case '>': return lt(bHi, aLo) ? true : le(aHi, bLo) ? false : null;
    // Equal only when both are known; unequal for certain when the ranges do not meet.
    case '=': return lt(aHi, bLo) || lt(bHi, aLo) ? false : null;
    case '!=': return lt(aHi, bLo) || lt(bHi, aLo) ? true : null;
  }
}

/** Bounds in order, each known: `x <= y`, `x < y`. */
const le = (x: number | undefined, y: number | undefined): boolean => x !== undefined && y !== undefined && x <= y;
const lt = (x: number | undefined, y: number | undefined): boolean => x !== undefined && y !== undefined && x < y;

function compareKnown(op: CompareOp, a: Known, b: Known): Tri {
  // A list or a record is compared with nothing.
  if (typeof a === 'object' || typeof b === 'object') return null;
  const x = ordinal(a);
  const y = ordinal(b);
  switch (op) {
    // Two dates are the same day when their day numbers are.
    case '=': return typeof a === 'string' && typeof b === 'string' && x !== undefined && y !== undefined ? x === y : a === b;
    case '!=': return typeof a === 'string' && typeof b === 'string' && x !== undefined && y !== undefined ? x !== y : a !== b;
  }
  if (x === undefined || y === undefined) return null;
  switch (op) {
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
  }
}

/** Whether a comparison was decided by bounds rather than values (for the trace). */
export function decidedByBounds(a: Val, b: Val, result: Tri): boolean {
  return result !== null && (a instanceof Unknown || b instanceof Unknown);
}

const num = (x: number | string | undefined, inf: number): number => (typeof x === 'number' ? x : inf);
const bound = (x: number): number | undefined => (Number.isFinite(x) ? x : undefined);

/** Arithmetic; with an unknown operand the result is unknown, bounded by interval arithmetic. */
export function arithmetic(op: '+' | '-' | '*' | '/', a: Val, b: Val): Val {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0 ? UNKNOWN : a / b;
    }
  }
  if (!isNumeric(a) || !isNumeric(b)) return UNKNOWN;
  const why = reasons(a, b);
  const aLo = num(low(a), -Infinity), aHi = num(high(a), Infinity), bLo = num(low(b), -Infinity), bHi = num(high(b), Infinity);
  switch (op) {
    case '+': return new Unknown(bound(aLo + bLo), bound(aHi + bHi), why);
    case '-': return new Unknown(bound(aLo - bHi), bound(aHi - bLo), why);
    case '*': return span([mul(aLo, bLo), mul(aLo, bHi), mul(aHi, bLo), mul(aHi, bHi)], why);
    case '/': {
      if (bLo <= 0 && bHi >= 0) return UNKNOWN; // a divisor that may be 0 bounds nothing
      return span([aLo / bLo, aLo / bHi, aHi / bLo, aHi / bHi].map((x) => (Number.isNaN(x) ? 0 : x)), why);
    }
  }
}

/** What bounds the unknown operands, carried to the result. */
function reasons(a: Val, b: Val): string | undefined {
  const x = a instanceof Unknown ? a.why : undefined;
  const y = b instanceof Unknown ? b.why : undefined;
  return x === undefined ? y : y === undefined ? x : `${x}; ${y}`;
}

/** 0 times an unbounded end is 0: the product's range is what finite values give. */
const mul = (x: number, y: number): number => (x === 0 || y === 0 ? 0 : x * y);

function span(xs: number[], why: string | undefined): Unknown {
  return new Unknown(bound(Math.min(...xs)), bound(Math.max(...xs)), why);
}

/** A number or an unknown number (an Unknown whose bounds, if any, are numbers). */
function isNumeric(v: Val): boolean {
  return typeof v === 'number' || (v instanceof Unknown && typeof v.lo !== 'string' && typeof v.hi !== 'string');
}

/** Rounding, stated in the guideline's text ("rounded down"); an unknown's bounds are rounded too. */
export function round(how: 'down' | 'up' | 'nearest', v: Val): Val {
  const f = how === 'down' ? Math.floor : how === 'up' ? Math.ceil : Math.round;
  if (typeof v === 'number') return f(v);
  if (v instanceof Unknown && isNumeric(v)) return new Unknown(v.lo === undefined ? undefined : f(v.lo as number), v.hi === undefined ? undefined : f(v.hi as number), v.why);
  return UNKNOWN;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
  t: number;
}

function ymd(s: string): Ymd {
  // A date's parts by character codes (a text of another shape, as numbers of its slices), its time as Date.UTC gives it.
  const shaped = isDateShaped(s as unknown);
  const y = shaped ? yearOf(s) : Number(s.slice(0, 4));
  const m = shaped ? monthOf(s) : Number(s.slice(5, 7));
  const d = shaped ? dayOf(s) : Number(s.slice(8, 10));
  return { y, m, d, t: utc(y, m - 1, d) };
}

/** Date.UTC, by integer arithmetic for the whole numbers of a date read (daysOf), else Date.UTC's own. */
const utc = (y: number, m0: number, d: number): number => (Number.isInteger(y) && Number.isInteger(m0) && Number.isInteger(d) ? daysOf(y, m0, d) * 86_400_000 : Date.UTC(y, m0, d));

/**
 * Time from one date (YYYY-MM-DD) to another in a unit: days and weeks exactly, months and years
 * by the calendar (fractional in between). Negative when `to` is earlier.
 */
export function elapsed(fromIso: string, toIso: string, unit: TimeUnit): number {
  const from = ymd(fromIso);
  const to = ymd(toIso);
  const days = Math.round((to.t - from.t) / 86_400_000);
  if (unit === 'days') return days;
  if (unit === 'weeks') return days / 7;
  if (days < 0) return -elapsed(toIso, fromIso, unit);
  let months = (to.y - from.y) * 12 + (to.m - from.m);
  if (to.d < from.d) months -= 1;
  const anchor = utc(from.y, from.m - 1 + months, from.d);
  const next = utc(from.y, from.m - 1 + months + 1, from.d);
  const total = months + (to.t - anchor) / (next - anchor);
  return unit === 'months' ? total : total / 12;
}

/**
 * Time since a date up to the review date (or another known date). An unknown date no later than
 * the review (its upper bound) has at least the time from the review to the end elapsed; one known
 * to be on or after a date has at most that long elapsed.
 */
export function since(date: Val, review: string, unit: TimeUnit): Val {
  if (typeof date === 'string') return elapsed(date, review, unit);
  if (!(date instanceof Unknown)) return UNKNOWN;
  const lo = typeof date.hi === 'string' ? elapsed(date.hi, review, unit) : undefined;
  const hi = typeof date.lo === 'string' ? elapsed(date.lo, review, unit) : undefined;
  return lo === undefined && hi === undefined ? UNKNOWN : new Unknown(lo, hi, date.why);
}

/** Whether a value is known (`is known`): never unknown itself. */
export function known(v: Val): boolean {
  return !(v instanceof Unknown);
}

const numberUnknowns = new WeakMap<FactDef, Unknown>();
const dateUnknowns = new WeakMap<FactDef, Unknown>();

/** An unknown within its type's bounds: a number within its range, a date no later than the review. */
export function unknownOf(def: FactDef | undefined, asOf: string): Unknown {
  const t = def?.type;
  // Unknowns are immutable: one per fact (and, for a date, per review date) serves every case.
  if (t?.kind === 'number' && (t.min !== undefined || t.max !== undefined)) {
    let u = numberUnknowns.get(def!);
    if (!u) numberUnknowns.set(def!, (u = new Unknown(t.min, t.max, boundWords(def!))));
    return u;
  }
  if (t?.kind === 'date' && !t.anyDate) {
    let u = dateUnknowns.get(def!);
    if (u?.hi !== asOf) dateUnknowns.set(def!, (u = new Unknown(undefined, asOf, `${def!.words} is no later than the review date`)));
    return u;
  }
  return UNKNOWN;
}

function boundWords(def: FactDef): string {
  const t = def.type as { min?: number; max?: number; unit?: string };
  const unit = t.unit ? ` ${t.unit}` : '';
  if (t.min !== undefined && t.max !== undefined) return `${def.words} is between ${t.min} and ${t.max}${unit}`;
  return t.min !== undefined ? `${def.words} is at least ${t.min}${unit}` : `${def.words} is at most ${t.max}${unit}`;
}
