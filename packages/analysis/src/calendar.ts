// Dates as the analysis reads them: day numbers for ISO dates (ordered as the texts are), the
// runtime's own month arithmetic for time since a date, and the body regions a body part can name.
import { bodyRegion, elapsed } from '@guideline/runtime';
import type { TimeUnit } from '@guideline/language';

const DAY = 86_400_000;

/** The day number of an ISO date (days since 1970-01-01); years from 1000 on. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
}

/** The ISO date of a day number. */
export function isoDate(day: number): string {
  let s = isoMemo.get(day);
  if (s === undefined) {
    if (isoMemo.size > 100_000) isoMemo.clear();
    isoMemo.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
  }
  return s;
}

/** Day numbers recur (the same review dates, the same windows): each is written out once. */
const isoMemo = new Map<number, string>();

export const isDateText = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The year, month (1-12) and day of a day number (the proleptic Gregorian calendar, as Date has it). */
function civil(day: number): { y: number; m: number; d: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** `Date.UTC(y, month0, d)` in days: a month past December (or a day past the month's end) runs on. */
function utcDay(y: number, month0: number, d: number): number {
  const yy = y + Math.floor(month0 / 12) - (((month0 % 12) + 12) % 12 < 2 ? 1 : 0);
  const m = (((month0 % 12) + 12) % 12) + 1;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468 + d - 1;
}

/**
 * Time from day `from` to day `to` in a unit: the runtime's `elapsed` (values.ts there) step for
 * step, on day numbers instead of texts (a test holds the two equal), since month comparisons are
 * decided by trying many dates.
 */
export function since(from: number, to: number, unit: TimeUnit): number {
  const days = to - from;
  if (unit === 'days') return days;
  if (unit === 'weeks') return days / 7;
  if (days < 0) return -since(to, from, unit);
  const a = civil(from);
  const b = civil(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  const anchor = utcDay(a.y, a.m - 1 + months, a.d);
  const next = utcDay(a.y, a.m - 1 + months + 1, a.d);
  const total = months + (to - anchor) / (next - anchor);
  return unit === 'months' ? total : total / 12;
}

/** The runtime's own `elapsed` on day numbers (what `since` is held to). */
export const runtimeSince = (from: number, to: number, unit: TimeUnit): number => elapsed(isoDate(from), isoDate(to), unit);

/** The date a preferred witness starts from when nothing else places it: a working day of 2014. */
export const referenceDay = dayNumber('2014-01-24');

/** The body regions the runtime's `body-region` computation names, each with a body part that names it. */
const regionWords: [string, string][] = [
  ['neck', 'neck'],
  ['upper back', 'thoracic spine'],
  ['low back', 'lumbar spine'],
  ['shoulder', 'shoulder'],
  ['elbow', 'elbow'],
  ['forearm, wrist and hand', 'wrist'],
  ['hip', 'hip'],
  ['knee', 'knee'],
  ['ankle and foot', 'ankle'],
  ['other', 'abdomen'],
];

export const bodyRegions = regionWords.slice(0, -1).map(([r]) => r);

/** A body part the runtime reads as the given region. */
export function bodyPartFor(region: string): string | undefined {
  const words = regionWords.find(([r]) => r === region)?.[1];
  return words !== undefined && bodyRegion(words) === region ? words : undefined;
}
