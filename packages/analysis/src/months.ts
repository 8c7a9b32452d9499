// Time since a date in months or years, by the runtime's calendar: not a difference of day numbers
// (a month is 28 to 31 days, and the runtime's fraction of a month is not even monotone across a
// month's end), so such a comparison is kept whole, relaxed to day bounds for pruning, and decided
// for each end date (the review date, or the date a `to` names) in turn, where it becomes a set of
// day ranges of the date.
import type { TimeUnit } from '@guideline/language';
import { referenceDay, since } from './calendar.ts';
import { NotAnalyzed, type Atom } from './linear.ts';
import { octagonBounds, satisfiable, solveOctagon, type OctConstraint } from './octagon.ts';
import { analysisLimits } from './limits.ts';

/**
 * `time from date to end ≥ c` etc. in months or years; the date is a variable, or a day when `date`
 * is undefined; the end is a variable (the review date, unless a `to` names another).
 */
export interface MonthAtom {
  date: number | undefined;
  day: number;
  to: number;
  unit: Extract<TimeUnit, 'months' | 'years'>;
  op: '<=' | '<' | '>=' | '>';
  c: number;
}

/** Days from the date to the review outside of which the comparison's answer no longer depends on the calendar. */
function window(k: MonthAtom): { low: number; high: number } {
  // Years are months over 12: c years is 12c months, each of 28 to 31 days.
  const c = k.unit === 'years' ? k.c * 12 : k.c;
  return { low: Math.min(c * 28, c * 31) - 62, high: Math.max(c * 28, c * 31) + 62 };
}

const below = (op: MonthAtom['op']): boolean => op === '<=' || op === '<';

/**
 * What the comparison implies of the days between the date and the review (d = review - date):
 * at most `high` when it bounds the time from above, at least `low` when from below.
 */
export function relaxation(k: MonthAtom): Atom {
  const w = window(k);
  const asOf = k.to;
  if (k.date === undefined) return below(k.op) ? { x: asOf, a: 1, c: k.day + w.high, strict: false } : { x: asOf, a: -1, c: -(k.day + w.low), strict: false };
  return below(k.op) ? { x: asOf, a: 1, y: k.date, b: -1, c: w.high, strict: false } : { x: asOf, a: -1, y: k.date, b: 1, c: -w.low, strict: false };
}

export function monthHolds(k: MonthAtom, date: number, review: number): boolean {
  const e = since(date, review, k.unit);
  switch (k.op) {
    case '<=': return e <= k.c;
    case '<': return e < k.c;
    case '>=': return e >= k.c;
    case '>': return e > k.c;
  }
}

/**
 * For a review date, the dates (as inclusive day ranges) that meet the comparison; for a
 * comparison of a fixed date, one unbounded range or none.
 */
export function dateRanges(k: MonthAtom, review: number): [number, number][] {
  if (k.date === undefined) return monthHolds(k, k.day, review) ? [[-Infinity, Infinity]] : [];
  const key = `${k.unit}${k.op}${k.c}@${review}`;
  let out = ranges.get(key);
  if (!out) {
    if (ranges.size > 100_000) ranges.clear();
    ranges.set(key, (out = scan(k, review)));
  }
  return out;
}

/** The ranges found, by comparison and review date: the same few recur in every cell of a guideline. */
const ranges = new Map<string, [number, number][]>();

function scan(k: MonthAtom, review: number): [number, number][] {
  const w = window(k);
  const first = review - w.high;
  const last = review - w.low;
  const out: [number, number][] = [];
  const push = (a: number, b: number): void => {
    const prev = out[out.length - 1];
    if (prev && prev[1] === a - 1) prev[1] = b;
    else out.push([a, b]);
  };
  // Before the window the time is longer than the bound; after it, shorter.
  if (!below(k.op)) push(-Infinity, first - 1);
  for (let d = first; d <= last; d++) if (monthHolds(k, d, review)) push(d, d);
  if (below(k.op)) push(last + 1, Infinity);
  return out;
}

/** What deciding a cell's month comparisons needs of the cell's octagon. */
export interface MonthProblem {
  months: readonly MonthAtom[];
  /** Each space variable's index in the octagon. */
  local: ReadonlyMap<number, number>;
  /** The range of values an end variable may take. */
  endRange: (index: number) => { min: number; max: number };
  /** Space variables that atoms other than the month comparisons constrain. */
  bound: ReadonlySet<number>;
  /** The octagon: domains, atoms and the month comparisons' day relaxations. */
  ks: readonly OctConstraint[];
  integer: readonly boolean[];
  prefer: (local: number) => number;
  /** The cell's answer with extra constraints: values by space variable (empty when only feasibility was asked). */
  finish: (extra: OctConstraint[]) => Map<number, number> | undefined;
}

const pin = (x: number, v: number): OctConstraint[] => [{ x, a: 1, c: v, strict: false }, { x, a: -1, c: -v, strict: false }];

/**
 * Decides the month comparisons of a cell with its other constraints. When every date compared by
 * months is otherwise free, the comparisons on each bound one time value: an empty interval decides
 * at once, and a wide one (three days' worth of a month at least) holds for any review date. Otherwise
 * review dates are tried in turn (see `scanReviews`).
 */
export function decideMonths(p: MonthProblem): Map<number, number> | undefined {
  const groups = new Map<number, MonthAtom[]>();
  for (const k of p.months) {
    if (k.date === undefined || p.bound.has(k.date)) return scanReviews(p);
    const g = groups.get(k.date) ?? [];
    // One date measured up to two different ends: decided end date by end date.
    if (g.length && g[0]!.to !== k.to) return scanReviews(p);
    groups.set(k.date, [...g, k]);
  }
  let wide = true;
  for (const ks of groups.values()) {
    const span = interval(ks);
    if (span === undefined) return undefined;
    if (span < 3 / 28) wide = false;
  }
  const probe = p.finish([]);
  if (!probe) return undefined;
  // Feasibility alone was asked (the map is empty), and any end date will do.
  if (wide && !probe.size) return probe;
  // A witness: the end dates the rest gives, and for each date one that meets its comparisons then.
  const values = solveOctagon(p.local.size, p.integer, p.ks, p.prefer);
  if (values) {
    const extra: OctConstraint[] = [];
    for (const to of new Set(p.months.map((k) => k.to))) extra.push(...pin(p.local.get(to)!, values[p.local.get(to)!]!));
    for (const [date, ks] of groups) {
      const d = dayMeeting(ks, values[p.local.get(ks[0]!.to)!]!, values[p.local.get(date)!]!);
      if (d === undefined) return scanReviews(p);
      extra.push(...pin(p.local.get(date)!, d));
    }
    const found = p.finish(extra);
    if (found) return found;
  }
  return scanReviews(p);
}

/** The width of the interval the comparisons leave for the time (in months), or undefined when it is empty. */
function interval(ks: readonly MonthAtom[]): number | undefined {
  let lo = -Infinity;
  let loStrict = false;
  let hi = Infinity;
  let hiStrict = false;
  for (const k of ks) {
    const c = k.unit === 'years' ? k.c * 12 : k.c;
    if (below(k.op)) {
      if (c < hi || (c === hi && k.op === '<')) [hi, hiStrict] = [c, k.op === '<'];
    } else if (c > lo || (c === lo && k.op === '>')) [lo, loStrict] = [c, k.op === '>'];
  }
  if (lo > hi || (lo === hi && (loStrict || hiStrict))) return undefined;
  return hi - lo;
}

/** A date meeting every comparison for the review date, nearest `near`; undefined when there is none. */
function dayMeeting(ks: readonly MonthAtom[], review: number, near: number): number | undefined {
  let best: number | undefined;
  for (const [a, b] of dateRanges(ks[0]!, review)) {
    const d = Math.min(Math.max(near, a), b);
    if (Number.isFinite(d) && ks.every((k) => monthHolds(k, d, review)) && (best === undefined || Math.abs(d - near) < Math.abs(best - near))) best = d;
    // Within a range that holds for the first comparison, the others may hold only in part of it.
    if (best === undefined && Number.isFinite(a) && Number.isFinite(b)) for (let x = a; x <= b; x++) if (ks.every((k) => monthHolds(k, x, review))) { best = x; break; }
  }
  if (best === undefined) {
    const w = window(ks[0]!);
    for (let x = review - w.high - 1; x <= review - w.low + 1; x++) if (ks.every((k) => monthHolds(k, x, review))) return x;
  }
  return best;
}

/**
 * Month comparisons decided end date by end date: every date the rest allows when that is at most
 * about twelve years of them, else four years at each end and around the reference date (the
 * patterns of month lengths and leap days recur within any four years). Two different end dates
 * (the review date and a date of service) are tried in pairs, up to a budget.
 */
function scanReviews(p: MonthProblem): Map<number, number> | undefined {
  if (!satisfiable(p.local.size, p.integer, p.ks)) return undefined;
  const ends = [...new Set(p.months.map((k) => k.to))];
  return scanEnds(p, ends, 0, [], new Map(), { left: ends.length > 1 ? analysisLimits.monthEndDays : Infinity });
}

function scanEnds(p: MonthProblem, ends: readonly number[], i: number, acc: OctConstraint[], pinned: Map<number, number>, budget: { left: number }): Map<number, number> | undefined {
  if (i === ends.length) {
    const options = p.months.map((k) => dateRanges(k, pinned.get(k.to)!).map((r): OctConstraint[] => {
      if (k.date === undefined) return [];
      const x = p.local.get(k.date)!;
      const out: OctConstraint[] = [];
      if (r[0] !== -Infinity) out.push({ x, a: -1, c: -r[0], strict: false });
      if (r[1] !== Infinity) out.push({ x, a: 1, c: r[1], strict: false });
      return out;
    }));
    if (options.some((o) => !o.length)) return undefined;
    return product(options, 0, acc, p.finish);
  }
  const end = ends[i]!;
  const a = p.local.get(end)!;
  const bounds = octagonBounds(p.local.size, i ? [...p.ks, ...acc] : p.ks);
  if (!bounds) return undefined;
  const range = p.endRange(end);
  const lo = Math.ceil(Math.max(bounds[a]!.lo, range.min));
  const hi = Math.floor(Math.min(bounds[a]!.hi, range.max));
  const span = 1461;
  const days: number[] = [];
  if (hi - lo <= 3 * span) for (let d = lo; d <= hi; d++) days.push(d);
  else {
    const mid = Math.min(Math.max(referenceDay, lo + span), hi - 2 * span);
    for (let d = 0; d < span; d++) days.push(mid + d, lo + d, hi - d);
  }
  for (const day of days) {
    if (--budget.left < 0) throw new NotAnalyzed('it measures months up to two different dates in ways too many to try');
    pinned.set(end, day);
    const found = scanEnds(p, ends, i + 1, [...acc, ...pin(a, day)], pinned, budget);
    if (found) return found;
  }
  pinned.delete(end);
  return undefined;
}

function product(options: OctConstraint[][][], i: number, acc: OctConstraint[], finish: MonthProblem['finish']): Map<number, number> | undefined {
  if (i === options.length) return finish(acc);
  for (const o of options[i]!) {
    const r = product(options, i + 1, [...acc, ...o], finish);
    if (r) return r;
  }
  return undefined;
}
