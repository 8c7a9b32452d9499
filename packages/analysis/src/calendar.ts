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

/** Time from day `from` to day `to` in a unit, by the runtime's calendar (months and years fractional). */
export function since(from: number, to: number, unit: TimeUnit): number {
  return elapsed(isoDate(from), isoDate(to), unit);
}

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
