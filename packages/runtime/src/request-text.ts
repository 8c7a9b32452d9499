// Reads the numbers of a request from its text when the case does not give them: "2 times 4",
// "2x4", "3x/week x 4 weeks", "3 x wk x 4", "3 days/week x 4", "MWF x 4", "PT twice weekly for 6
// weeks", "3x/wk for 60 days", "12 sessions", "8 more physical therapy visits", "6 additional
// acupuncture sessions (cupping)", "PT x6". A number after "x" that follows how often ("a week",
// "weekly", "MWF") is the span in weeks, never a count of visits: "PT daily x 4" is not read.
// The text is cut into words, numbers and signs once, and each phrasing is tried from each word
// looking a bounded number of words ahead, so a text costs time in proportion to its length.
// What the text does not say plainly is not read: a range ("2-3 times a week", "8–12 visits",
// "between 8 and 12 visits", "8 through 12", "2 or 3 times a week", "6 of 12 visits"), a bound below
// or an estimate ("at least 6", "more than 12", "about 12"), months, a decimal, or two statements
// that disagree ("2x6 (8 visits)", "2x4 = 12") leave the numbers unknown, never guessed. A bound
// above is what is asked, and is read: "up to 12 visits", "no more than 12", "a maximum of 12".
// Which statements make one request, and when the words around them say the numbers are not the
// whole request (visits already had, two body parts, a second phase), is request-statements.ts.

import { numbersOf, type Frequency, type RequestNumbers, type Statement } from './request-statements.ts';
import { countAt, DAY, dayWords, is, NUM, OTHER_TIME, otherTimeWords, RATE, SIGN, TIMES, timesWords, tokens, VISIT, visitWords, WEEK, weekWords, word, wordClass, WORD, type Tok } from './request-tokens.ts';

export { visitsFor, type RequestNumbers } from './request-statements.ts';

/** The most characters of a request text read. */
export const maxRequestText = 500;

const PER = wordClass(['a', 'per', 'each', 'every', '/']);
/** What joins the days of a schedule: "M/W/F", "Mon, Wed, Fri", "M & W", "Mon, Wed and Fri", "M-W-F". */
const DAY_SEPARATOR = wordClass(['/', ',', '&', 'and', '-']);
const DURATION = wordClass(['x', 'times', 'for', 'over']);
/** Words that may stand between a count and its unit ("8 more physical therapy visits"), up to four. */
const maxFillers = 4;
const NOT_FILLER = wordClass([...timesWords, ...weekWords, ...dayWords, ...otherTimeWords, ...visitWords, 'per', 'a', 'each', 'every', 'weekly', 'for', 'over', 'to', 'or', 'and', 'of', 'once', 'twice']);
/** A unit of time or of visits. */
const UNIT = WEEK | DAY | OTHER_TIME | VISIT;

/** "a week", "per wk", "/week", "each week", "weekly" at k: the index after it, or -1. */
function perWeekAt(ts: readonly Tok[], k: number): number {
  if (word(ts, k) === 'weekly') return k + 1;
  if (is(ts, k, PER) && is(ts, k + 1, WEEK)) return k + 2;
  return -1;
}

/** "a day", "per month", "/yr", "daily" at k: how often in a span other than a week. */
function perOtherAt(ts: readonly Tok[], k: number): boolean {
  if (is(ts, k, RATE) && word(ts, k) !== 'weekly') return true;
  return is(ts, k, PER) && is(ts, k + 1, DAY | OTHER_TIME);
}

/**
 * A schedule of days at k, "MWF", "M/W/F", "Mon, Wed and Fri", "T/Th", "M-W-F": its days a week and
 * the index after it. Not read: a day again, two days joined by a dash ("M-F", "Mon-Wed": from one to
 * the other, or the two?), or a list begun before k (its tail is no schedule of its own).
 */
function scheduleAt(ts: readonly Tok[], k: number): { days: number; end: number } | undefined {
  const t = ts[k]!;
  if (t.days) return { days: t.days, end: k + 1 };
  const first = t.day;
  if (!first) return undefined;
  if (is(ts, k - 1, DAY_SEPARATOR) && k >= 2 && ts[k - 2]!.day) return undefined;
  const seen = new Set([first]);
  let dashed = false;
  let j = k + 1;
  while (j < k + 12) {
    let sep = j;
    if (!is(ts, sep, DAY_SEPARATOR)) break;
    if (word(ts, sep) === ',' && word(ts, sep + 1) === 'and') sep++;
    const d = ts[sep + 1]?.day;
    if (!d) break;
    if (seen.has(d)) return undefined;
    if (word(ts, sep) === '-') dashed = true;
    seen.add(d);
    j = sep + 2;
  }
  if (seen.size < 2 || (dashed && seen.size < 3)) return undefined;
  return { days: seen.size, end: j };
}

/** A word at i that says how often (a unit of time, "weekly", a day of a schedule): a number after "x" after it is a span. */
function isRateWord(ts: readonly Tok[], i: number): boolean {
  const t = ts[i];
  if (!t || t.kind !== WORD) return false;
  return t.day > 0 || t.days > 0 || is(ts, i, WEEK | DAY | OTHER_TIME | RATE);
}

/**
 * A frequency at k, with its span when one follows: "2 times 4", "2x4", "3x/week x 4 weeks",
 * "3 x wk x 4", "3 times per week for 2 weeks", "twice a week for 3 weeks", "3 visits per week",
 * "3 days/week", "3/week", "3 per week", "3x/wk for 60 days", "MWF x 4". A frequency with no span
 * is read only when it says "a week" ("3x/week"); a schedule of days only with its span ("MWF x 4").
 */
function frequencyAt(ts: readonly Tok[], k: number): Frequency | undefined {
  let f: number | undefined;
  let at = -1;
  let perWeek = -1;
  const w0 = word(ts, k);
  const schedule = scheduleAt(ts, k);
  if (schedule) {
    f = schedule.days;
    at = schedule.end;
    const p = perWeekAt(ts, at);
    if (p >= 0) at = p;
  } else if (w0 === 'once' || w0 === 'twice') {
    f = w0 === 'once' ? 1 : 2;
    perWeek = perWeekAt(ts, k + 1);
    if (perWeek < 0) return undefined;
    at = perWeek;
  } else {
    f = countAt(ts, k);
    if (f === undefined) return undefined;
    if (is(ts, k + 1, TIMES)) {
      at = k + 2;
      // "3x/week", "3 times a week", and "3 x wk": the "a" left out.
      perWeek = is(ts, at, WEEK) ? at + 1 : perWeekAt(ts, at);
      if (perWeek >= 0) at = perWeek;
    } else if (is(ts, k + 1, VISIT | DAY)) {
      // "3 visits per week", "3 days/week", "2 days a week".
      perWeek = perWeekAt(ts, k + 2);
      if (perWeek < 0) return undefined;
      at = perWeek;
    } else {
      // "3/week", "3 per week", "3 a week".
      perWeek = perWeekAt(ts, k + 1);
      if (perWeek < 0 || word(ts, k + 1) === 'weekly') return undefined;
      at = perWeek;
    }
  }
  if (f > 7) return undefined; // more than a visit a day is no frequency per week
  // The span: "x 4", "for 6 weeks", "over 4 wks", "4", "for 60 days".
  let d = at;
  if (is(ts, d, DURATION)) d++;
  if (word(ts, d) === 'the' && word(ts, d + 1) === 'next') d += 2;
  const span = countAt(ts, d);
  if (span !== undefined) {
    if (is(ts, d + 1, WEEK)) return { perWeek: f, weeks: span, end: d + 2 };
    if (is(ts, d + 1, DAY)) return { perWeek: f, weeks: span / 7, end: d + 2 };
    // "3x/week for 12 visits": how often, then the visits in all, a count of its own.
    const counted = is(ts, d + 1, VISIT) && (word(ts, d - 1) === 'for' || word(ts, d - 1) === 'over');
    // A bare number after a frequency is weeks ("2x4", "3 times a week for 4"); "x 4 sessions" is
    // read as weeks too, and the count after it then disagrees unless it is the same. After a
    // schedule only with "x", "for" or "over" before it ("MWF x 4", not "MWF 4").
    if (!is(ts, d + 1, OTHER_TIME) && !counted && (!schedule || d > at)) return { perWeek: f, weeks: span, end: d + 1 };
  }
  // A span in months or hours, or none: the frequency alone, when it said "a week".
  return perWeek >= 0 && !schedule ? { perWeek: f, end: at } : undefined;
}

/** A count of visits at k, and the token after it. */
interface Count {
  value: number;
  end: number;
}

/** Words before a count that make it a bound below: "over 12 visits", "above 12 visits". */
const ABOVE = wordClass(['over', 'above', 'beyond', 'exceeding']);

/**
 * A count at k: "12 sessions", "8 more physical therapy visits", "6 additional acupuncture sessions",
 * "six (6) visits". Not "over 12 visits" (more than 12), nor "2 visits x 4 weeks" (2 a week, or 2
 * over the 4 weeks?).
 */
function countPhraseAt(ts: readonly Tok[], k: number): Count | undefined {
  const n = countAt(ts, k);
  if (n === undefined || is(ts, k - 1, ABOVE)) return undefined;
  // The number restated in brackets: "six (6) visits".
  const from = word(ts, k + 1) === '(' && countAt(ts, k + 2) === n && word(ts, k + 3) === ')' ? k + 4 : k + 1;
  for (let j = from; j <= from + maxFillers && j < ts.length; j++) {
    const t = ts[j]!;
    // "3 visits a week" is a frequency, "1 visit per month" or "2 visits a day" one not read: no count.
    if (t.kind === WORD && is(ts, j, VISIT)) {
      if (perWeekAt(ts, j + 1) >= 0 || perOtherAt(ts, j + 1)) return undefined;
      if (is(ts, j + 1, TIMES) && ts[j + 2]?.kind === NUM) return undefined;
      return { value: n, end: j + 1 };
    }
    const filler = (t.kind === WORD && !is(ts, j, NOT_FILLER)) || (t.kind === SIGN && (t.text === '/' || t.text === '-'));
    if (!filler) return undefined;
  }
  return undefined;
}

/** Words before a count said with no unit that restate the visits: "= 8", "total 10", "total of 10". */
const TOTAL = wordClass(['=', 'total', 'totaling', 'totalling', 'equals']);
/** Words after a count said with no unit: "8 total", "6 more", "4 additional". */
const BARE_AFTER = wordClass(['total', 'more', 'additional']);

/**
 * A count of visits at k with its unit left out: "2x4 = 8", "(total 10)", "(8 total)", "6 more",
 * "4 additional if improving"; its start is the word before it, if that is "total" or "=". Not
 * when a unit of time follows ("total 8 weeks", "4 more weeks"). It only agrees or disagrees with
 * another statement: alone ("age 45 more") it states nothing.
 */
function bareCountAt(ts: readonly Tok[], k: number): Statement | undefined {
  const n = countAt(ts, k);
  if (n === undefined) return undefined;
  let start = k;
  let end = k + 1;
  if (is(ts, k + 1, BARE_AFTER)) end = k + 2;
  else if (is(ts, k - 1, TOTAL)) start = k - 1;
  else if (word(ts, k - 1) === 'of' && is(ts, k - 2, TOTAL)) start = k - 2;
  else return undefined;
  if (is(ts, end, VISIT)) return { start, end: end + 1, count: n, bare: true };
  return is(ts, end, UNIT | TIMES) || perWeekAt(ts, end) >= 0 ? undefined : { start, end, count: n, bare: true };
}

/**
 * "PT x6", "acupuncture x 4": a count written as a multiplier with no number before it. Not "x 4
 * weeks", nor an "x 4" after how often ("3x/week x 4", "3 x wk x 4", "MWF x 4", "(3/wk) x 4",
 * "daily x 4"): there it is the span in weeks, read with its frequency or not at all.
 */
function timesAt(ts: readonly Tok[], k: number): Count | undefined {
  if (word(ts, k) !== 'x' || !ts[k]!.spaced || (k > 0 && ts[k - 1]!.kind === NUM)) return undefined;
  const before = word(ts, k - 1) === ')' || word(ts, k - 1) === ']' ? k - 2 : k - 1;
  if (isRateWord(ts, before)) return undefined;
  // "6 visits x 2": the count is the 6, or 6 times 2.
  if (is(ts, before, VISIT) && before > 0 && ts[before - 1]!.kind === NUM) return undefined;
  const n = countAt(ts, k + 1);
  if (n === undefined) return undefined;
  if (is(ts, k + 2, UNIT) && !is(ts, k + 2, VISIT)) return undefined;
  return { value: n, end: is(ts, k + 2, VISIT) ? k + 3 : k + 2 };
}

/** The numbers a request text states, or {} when it states none this reader knows; `steps` counts the reader's work. */
export function readRequestTextCounted(text: string): { numbers: RequestNumbers; steps: number } {
  const counter = { steps: 0 };
  const ts = tokens(text.slice(0, maxRequestText), counter);
  const statements: Statement[] = [];
  for (let k = 0; k < ts.length; k++) {
    counter.steps += 12; // each phrasing looks at most a dozen tokens ahead, and a few back and on for words of the past
    const f = frequencyAt(ts, k);
    if (f) {
      // The frequency's number is not a count of its own ("3 visits per week"); its span may be one ("2x4 sessions").
      statements.push({ start: k, end: f.end, freq: f });
      continue;
    }
    const c = countPhraseAt(ts, k) ?? timesAt(ts, k);
    if (c) statements.push({ start: k, end: c.end, count: c.value });
    else {
      const b = bareCountAt(ts, k);
      if (b) statements.push(b);
    }
  }
  counter.steps += 4 * ts.length; // what the statements make together: a few passes over the tokens
  return { numbers: numbersOf(ts, statements), steps: counter.steps };
}

/** The numbers a request text states, or {} when it states none this reader knows. Reads at most its first 500 characters. */
export function readRequestText(text: string): RequestNumbers {
  return readRequestTextCounted(text).numbers;
}
