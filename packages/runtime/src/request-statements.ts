// Whether the statements read from a request text (request-text.ts finds them: a frequency, a count)
// make one request, and its numbers when they do.
//
// Visits already had ("has attended 4 visits so far", "6 prior visits", "completed 2x4") are no
// request: a text that counts them states no visits, nor weeks, even beside a request's numbers
// ("12 visits completed, 8 more"). Two statements of the same kind ("PT 2x4 neck, 2x4 low back",
// "6 visits for the neck and 6 visits for the low back"), or any two joined by "and" or "then", are
// two requests, not one, even when their numbers are equal: a restatement is read only in brackets
// ("2x4 (2 times a week for 4 weeks)") or in another kind ("12 visits, 3x4").

import { SIGN, word, WORD, type Tok } from './request-tokens.ts';

export interface RequestNumbers {
  visits?: number;
  frequencyPerWeek?: number;
  /** Weeks the request spans; a span written in days is days / 7 (60 days: 8.57 weeks). */
  weeks?: number;
}

export interface Frequency {
  perWeek: number;
  /** Weeks, when the text gives the span; undefined when it gives none it can read. */
  weeks?: number;
  /** The token after the last one read. */
  end: number;
}

/** A phrasing the text states its numbers in, from token `start` to `end`: a frequency or a count. */
export interface Statement {
  start: number;
  end: number;
  freq?: Frequency;
  count?: number;
}

/** Words that say visits were had, before a count, among its words or after it: "completed 6 visits", "6 prior visits", "6 visits attended". */
const doneWords = new Set(['attended', 'attending', 'completed', 'completing', 'had', 'received', 'done', 'finished', 'underwent', 'undergone', 'prior', 'previous', 'previously', 'past', 'already']);
/** Pairs of words after a count that say it is done: "6 visits so far", "to date". */
const sinceWords = new Map<string, string>([['so', 'far'], ['thus', 'far'], ['to', 'date'], ['until', 'now'], ['till', 'now'], ['till', 'date']]);
/** Words that join two requests, not one request said twice: "2x3 right knee and 2x3 left knee", "6 visits, then 2x3". */
const joinWords = new Set(['and', '&', 'plus', 'also', 'then', 'followed']);
/** Words after "prior" that make it no word of the past: "prior to surgery", "prior authorization". */
const notPriorVisits = new Set(['to', 'authorization', 'auth', 'approval', 'authorisation']);
/** Words that begin another statement: looking back from a count for `doneWords` stops at them ("completed the evaluation, request 6 visits"). */
const newStatement = new Set(['request', 'requests', 'requested', 'requesting', 'continue', 'now', 'then', 'but']);
/** Words after a count that begin what is still to come ("6 visits to be completed", "6 visits remaining"): looking on stops at them. */
const stillToCome = new Set(['to', 'will', 'be', 'remaining', 'left', 'requested', 'request', 'more', 'additional']);

/**
 * Whether the statement from token `start` to `end` counts visits already had: a word of the past
 * among the four words before it (back to a sign or a word that begins another statement), among
 * its own words ("6 prior visits"), or among the three after it ("6 visits so far", "to date",
 * "completed"; not "6 visits to be completed").
 */
function isDone(ts: readonly Tok[], start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 4; i--) {
    const t = ts[i]!;
    if ((t.kind === SIGN && t.text !== '/' && t.text !== '-') || newStatement.has(t.text)) break;
    if (isDoneWord(ts, i)) return true;
  }
  for (let i = start; i < end; i++) if (isDoneWord(ts, i)) return true;
  for (let i = end; i < ts.length && i < end + 3; i++) {
    const t = ts[i]!;
    if (t.kind === SIGN) break;
    if (t.kind === WORD && sinceWords.get(t.text) === word(ts, i + 1)) return true;
    if (t.kind === WORD && stillToCome.has(t.text)) break;
    if (isDoneWord(ts, i)) return true;
  }
  return false;
}

/** A word of the past at i; "prior" is one before visits ("6 prior visits"), not in "prior to surgery" or "prior authorization". */
function isDoneWord(ts: readonly Tok[], i: number): boolean {
  const t = ts[i]!;
  return t.kind === WORD && doneWords.has(t.text) && !(t.text === 'prior' && notPriorVisits.has(word(ts, i + 1)));
}

/**
 * Whether the statements are of two requests, not one said twice: two of the same kind (two
 * frequencies, two counts) outside brackets, or two inside brackets with none outside ("(2x4 neck)
 * (2x4 low back)"), or two outside brackets joined by "and", "plus" or "then". Equal numbers are no
 * agreement then: "Right knee PT 2x3 and left knee PT 2x3" asks for two courses.
 */
function twoRequests(ts: readonly Tok[], statements: readonly Statement[]): boolean {
  if (statements.length < 2) return false;
  const bracketed: boolean[] = [];
  let depth = 0;
  for (const t of ts) {
    if (t.kind === SIGN && (t.text === ')' || t.text === ']')) depth = Math.max(0, depth - 1);
    bracketed.push(depth > 0);
    if (t.kind === SIGN && (t.text === '(' || t.text === '[')) depth++;
  }
  // Of each kind: statements outside brackets, and all. Readings that overlap are of one statement
  // ("x 6 sessions" is read as "x 6" and as "6 sessions").
  const outside = [0, 0];
  const all = [0, 0];
  let end = 0;
  let last: Statement | undefined; // the last statement outside brackets
  for (const s of statements) {
    if (s.start < end) continue;
    end = Math.max(end, s.end);
    const kind = s.freq ? 0 : 1;
    all[kind]!++;
    if (bracketed[s.start]) continue;
    outside[kind]!++;
    if (last) for (let j = last.end; j < s.start; j++) if (joinWords.has(word(ts, j))) return true;
    last = s;
  }
  for (const kind of [0, 1]) if (outside[kind]! > 1 || (outside[kind] === 0 && all[kind]! > 1)) return true;
  return false;
}

/** The numbers the statements of a text make, or {} when they do not make one request. */
export function numbersOf(ts: readonly Tok[], statements: readonly Statement[]): RequestNumbers {
  // Visits already had are no request, and beside them the text's counts and spans are not read as
  // one either ("12 visits completed, 8 more visits requested"): a frequency alone still is.
  const asked: Statement[] = [];
  let done = false;
  let spans = false;
  for (const s of statements) {
    if (isDone(ts, s.start, s.end)) done = true;
    else {
      asked.push(s);
      if (s.count !== undefined || s.freq?.weeks !== undefined) spans = true;
    }
  }
  if ((done && spans) || twoRequests(ts, asked)) return {};
  let freq: Frequency | undefined;
  let count: number | undefined;
  for (const s of asked) {
    if (s.freq) {
      if (freq && (freq.perWeek !== s.freq.perWeek || freq.weeks !== s.freq.weeks)) return {};
      freq ??= s.freq;
    } else {
      if (count !== undefined && count !== s.count) return {};
      count = s.count;
    }
  }
  if (!freq) return count === undefined ? {} : { visits: count };
  if (freq.weeks === undefined) return count === undefined ? { frequencyPerWeek: freq.perWeek } : { frequencyPerWeek: freq.perWeek, visits: count };
  const visits = visitsFor(freq.perWeek, freq.weeks);
  // "12 visits, 3x4" agrees; "10 visits, 3x4" does not, and is not read.
  if (count !== undefined && count !== visits) return {};
  return { frequencyPerWeek: freq.perWeek, weeks: freq.weeks, visits };
}

/** Visits for a frequency over a span of weeks: rounded up to a whole visit (a partial week still holds visits). */
export function visitsFor(perWeek: number, weeks: number): number {
  return Math.ceil(perWeek * weeks - 1e-9);
}
