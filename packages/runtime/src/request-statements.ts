// Whether the statements read from a request text (request-text.ts finds them: a frequency, a count)
// make one request, and its numbers when they do. The rule is the reader's: read right, or leave
// unknown.
//
// Visits already had ("has attended 4 visits so far", "6 prior visits", "completed 2x4", "8 visits
// (2 already completed)") are no request: a text that counts them states no visits, nor weeks, even
// beside a request's numbers ("12 visits completed, 8 more").
//
// Two statements make one request only when one restates the other: in brackets ("2x4 (2 times a
// week for 4 weeks)", "2x6 (12 visits)"), or in another kind with nothing between them but a sign or
// a word that joins a restatement ("12 visits, 3x4", "2x4 = 8", "3x/week for 12 visits"), the
// treatment's words and "the" ("12 visits of physical therapy, 3 times a week for 4 weeks"), and a
// body part named on one side of them at most: before, between or after them ("8 visits PT for the
// left knee at 2x/wk x 4 wks"). Two of the same kind ("PT 2x4 neck, 2x4 low back"), two of any kinds
// with other words between, or a body part on two sides ("6 visits neck, 2x3 low back", "neck 6
// visits, 2x3 low back"), and any two joined by "and", "+" or "then", are two requests, not one,
// even when their numbers are equal.
//
// A request in phases ("2x/wk x 4 wks then 1x/wk x 4 wks", "3x4 followed by 2x4", "2x3, then 1x3")
// leaves all its numbers unknown, the visits too, though their sum would be the visits in all: the
// criteria that compare the frequency and the weeks apply only when those are known, so reading the
// sum alone would let a phase of 4 a week pass a limit of 3 unseen. Any words that say the numbers
// are not the whole request leave them unknown as well: a statement for each of several body parts
// ("2x4 each knee", "6 visits per side", "6 visits for 2 body parts"), a phase after a statement that
// no statement reads ("then every other week x 4", "2x/wk x 4 wks, weekly x 4 wks", "taper to 1x"),
// an evaluation joined to the visits ("eval + 6 visits": one of them, or one more?), or "or more".

import { DAY, is, NUM, OTHER_TIME, rateWords, SIGN, VISIT, WEEK, word, wordClass, WORD, type Tok } from './request-tokens.ts';

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
  /** A count with its unit left out ("= 8", "total 10", "4 more"): it agrees with another statement or not, but says nothing alone. */
  bare?: boolean;
}

/** Words that say visits were had, before a count, among its words or after it: "completed 6 visits", "6 prior visits", "6 visits attended". */
const DONE = wordClass(['attended', 'attending', 'completed', 'completing', 'had', 'received', 'done', 'finished', 'underwent', 'undergone', 'prior', 'previous', 'previously', 'past', 'already']);
/** Pairs of words after a count that say it is done: "6 visits so far", "to date". */
const sinceWords = new Map<string, string>([['so', 'far'], ['thus', 'far'], ['to', 'date'], ['until', 'now'], ['till', 'now'], ['till', 'date']]);
/** Words that join two requests, not one request said twice: "2x3 right knee and 2x3 left knee", "6 visits, then 2x3", "6 visits + 6 more". */
const JOIN = wordClass(['and', '&', '+', 'plus', 'also', 'then', 'followed']);
/** What may stand between a statement and its restatement in another kind: "12 visits, 3x4", "2x4 = 8", "2x4 for a total of 8 visits", "3x/week up to 12 visits". */
const RESTATING = wordClass([',', ':', '=', '-', 'at', 'for', 'over', 'in', 'a', 'of', 'total', 'is', 'equals', 'up', 'to', 'max', 'maximum']);
/** Words after "prior" that make it no word of the past: "prior to surgery", "prior authorization". */
const notPriorVisits = new Set(['to', 'authorization', 'auth', 'approval', 'authorisation']);
/** Words that begin another statement: looking back from a count for a word of the past (`DONE`) stops at them ("completed the evaluation, request 6 visits"). */
const NEW_STATEMENT = wordClass(['request', 'requests', 'requested', 'requesting', 'continue', 'now', 'then', 'but']);
/** Words after a count that begin what is still to come ("6 visits to be completed", "6 visits remaining"): looking on stops at them. */
const STILL_TO_COME = wordClass(['to', 'will', 'be', 'remaining', 'left', 'requested', 'request', 'more', 'additional']);
/** Words that name a body part or a side: statements with them on both sides are for two ("neck 6 visits, 2x3 low back"). */
const bodyWords = new Set([
  'neck', 'cervical', 'back', 'lumbar', 'lumbosacral', 'thoracic', 'spine', 'sacroiliac', 'shoulder', 'shoulders', 'elbow', 'elbows',
  'wrist', 'wrists', 'hand', 'hands', 'finger', 'fingers', 'thumb', 'thumbs', 'forearm', 'forearms', 'arm', 'arms', 'hip', 'hips',
  'pelvis', 'knee', 'knees', 'leg', 'legs', 'ankle', 'ankles', 'foot', 'feet', 'heel', 'heels', 'toe', 'toes', 'jaw', 'tmj',
  'left', 'right', 'lt', 'rt', 'bilateral',
]);
const BODY = wordClass(bodyWords);
/**
 * Words of the one request that may also stand between a statement and its restatement in another
 * kind, besides `RESTATING`: the treatment, "the", and where a body part is named ("12 visits of
 * physical therapy, 3 times a week for 4 weeks", "8 visits PT for the left knee at 2x/wk x 4 wks",
 * "6 sessions lumbar 2x3"; the body part's own words are `BODY`).
 */
const SAME_REQUEST = wordClass([
  'pt', 'ot', 'physical', 'occupational', 'therapy', 'therapies', 'therapeutic', 'chiro', 'chiropractic', 'chiropractor', 'manipulation',
  'aquatic', 'pool', 'acupuncture', 'massage', 'outpatient', 'the', 'low', 'lower', 'upper', 'mid', 'spine', 'r', 'l', 'both', 'bilat',
]);
/** What "each" or "per" may count besides a body part: "2x4 per side", "6 visits per body part". */
const partWords = new Set(['side', 'sides', 'part', 'parts', 'body', 'area', 'areas', 'region', 'regions', 'extremity', 'extremities', 'limb', 'limbs', 'joint', 'joints', 'level', 'levels', 'site', 'sites']);
/** Words between a statement and the "each" that multiplies it: "2x4 to each shoulder", "6 visits for each knee". */
const BEFORE_EACH = wordClass(['for', 'to', 'on', 'in', 'of']);
/** Words that begin a second phase after a statement: "then 1x/wk x 4", "tapering to 1x/week", "followed by weekly x 4". */
const phaseWords = new Set(['then', 'followed', 'thereafter', 'taper', 'tapering', 'fading', 'decreasing', 'reducing']);
/** An evaluation, which joined to the visits ("eval + 6 visits", "evaluation and 2x4") may or may not be one of them. */
const evalWords = new Set(['eval', 'evals', 'evaluation', 'evaluations', 'reeval', 'reevaluation', 'assessment']);
/** Words after a statement's "or" or "and" that make it a bound below: "12 visits or more", "2x4 or longer". */
const OR_MORE = wordClass(['more', 'greater', 'longer', 'over', 'above', 'up']);

// What a word outside the statements may say of them: a class a role.
const EACH = wordClass(['each', 'per', 'every']);
const HOW_OFTEN = wordClass([...rateWords, 'every', 'once', 'twice']);
const PHASE = wordClass([...phaseWords, '\u2192']);
const EVAL = wordClass(evalWords);
const OR = wordClass(['or', 'and']);
const PART = wordClass([...bodyWords, ...partWords]);
const ROLE = EACH | HOW_OFTEN | PHASE | EVAL | OR | PART;

/**
 * Whether the statement from token `start` to `end` counts visits already had: a word of the past
 * among the four words before it (back to a sign or a word that begins another statement), among
 * its own words ("6 prior visits"), or among the three after it ("6 visits so far", "to date",
 * "completed"; not "6 visits to be completed").
 */
function isDone(ts: readonly Tok[], start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 4; i--) {
    const t = ts[i]!;
    if ((t.kind === SIGN && t.text !== '/' && t.text !== '-') || is(ts, i, NEW_STATEMENT)) break;
    if (isDoneWord(ts, i)) return true;
  }
  for (let i = start; i < end; i++) if (isDoneWord(ts, i)) return true;
  for (let i = end; i < ts.length && i < end + 3; i++) {
    const t = ts[i]!;
    if (t.kind === SIGN) break;
    if (t.kind === WORD && sinceWords.get(t.text) === word(ts, i + 1)) return true;
    if (t.kind === WORD && is(ts, i, STILL_TO_COME)) break;
    if (isDoneWord(ts, i)) return true;
  }
  return false;
}

/** A word of the past at i; "prior" is one before visits ("6 prior visits"), not in "prior to surgery" or "prior authorization". */
function isDoneWord(ts: readonly Tok[], i: number): boolean {
  const t = ts[i];
  return t !== undefined && t.kind === WORD && is(ts, i, DONE) && !(t.text === 'prior' && notPriorVisits.has(word(ts, i + 1)));
}


/**
 * What the words outside the statements say of them: `done`, a number of visits had with no unit
 * ("8 visits (2 already completed)"); `unsure`, that the statements' numbers are not the whole
 * request: "2x4 each knee", "6 visits per side", "each knee 2x4"; a phase after a statement that
 * holds a number or says how often ("2x4, then every other week x 4", "3x/wk x 4, taper to 1x");
 * how often with a number that no statement reads ("2x/wk x 4 wks, weekly x 4 wks"); an evaluation
 * joined to them ("eval + 6 visits"); "or more" after a statement.
 */
function around(ts: readonly Tok[], statements: readonly Statement[]): { done: boolean; unsure: boolean } {
  const covered = new Uint8Array(ts.length + 1); // 1: in a statement; 2: the token after one
  let firstEnd = ts.length;
  for (const s of statements) {
    covered.fill(1, s.start, s.end);
    if (covered[s.end] === 0) covered[s.end] = 2;
    if (s.end < firstEnd) firstEnd = s.end;
  }
  const unsure = { done: false, unsure: true };
  let done = false;
  let phase = false;
  for (let i = 0; i < ts.length; i++) {
    if (covered[i] === 1) continue;
    const t = ts[i]!;
    if (t.kind === NUM) {
      if (phase) return unsure;
      if (isDoneWord(ts, i + 1)) done = unsure.done = true;
      // A number of body parts: "6 visits for 2 body parts", "2x4 to 2 areas" (each, or in all?).
      if (is(ts, i + 1, PART)) return unsure;
      continue;
    }
    const r = t.classes & ROLE;
    if (r === 0) continue;
    // A statement for each of several: "2x4 each knee", "6 visits for each knee", "per side", "each knee 2x4".
    if ((r & EACH) !== 0 && is(ts, i + 1, PART)) return unsure;
    if (t.text === 'each' && !is(ts, i + 1, WEEK | DAY | OTHER_TIME | VISIT) && (covered[i] === 2 || (covered[i - 1] === 2 && is(ts, i - 1, BEFORE_EACH)))) return unsure;
    // "12 visits or more".
    if ((r & OR) !== 0 && covered[i] === 2 && is(ts, i + 1, OR_MORE)) return unsure;
    // How often, in a phase after a statement or with a number of its own that no statement read.
    if ((r & HOW_OFTEN) !== 0) {
      if (phase) return unsure;
      for (let j = i + 1; j < i + 5 && j < ts.length && covered[j] !== 1; j++) if (ts[j]!.kind === NUM) return unsure;
    }
    if ((r & PHASE) !== 0 && i >= firstEnd) phase = true;
    // An evaluation joined to the visits: "eval + 6 visits", "PT evaluation and 2x4", "6 visits and re-eval".
    if ((r & EVAL) !== 0) {
      let b = i - 1;
      if (word(ts, b) === '-' && word(ts, b - 1) === 're') b -= 2;
      else if (word(ts, b) === 're') b--;
      if (is(ts, i + 1, JOIN) || is(ts, b, JOIN)) return unsure;
    }
  }
  return { done, unsure: false };
}

/**
 * Whether the statements are of two requests, not one said twice: two of the same kind (two
 * frequencies, two counts) outside brackets, or two inside brackets with none outside ("(2x4 neck)
 * (2x4 low back)"), or two outside brackets joined by "and", "plus" or "then", or of two kinds with
 * words between them that restate nothing and name nothing of the one request ("6 visits, 2 of them
 * at home, 2x3"), or a body part named on two of the three sides of them ("6 visits neck, 2x3 low
 * back", "neck 6 visits, 2x3 low back"). Equal numbers are no agreement then: "Right knee PT
 * 2x3 and left knee PT 2x3" asks for two courses.
 */
function twoRequests(ts: readonly Tok[], statements: readonly Statement[]): boolean {
  if (statements.length < 2) return false;
  const bracketed: boolean[] = [];
  let depth = 0;
  let firstBody = ts.length;
  let lastBody = -1;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    if (t.kind === SIGN && (t.text === ')' || t.text === ']')) depth = Math.max(0, depth - 1);
    bracketed.push(depth > 0);
    if (t.kind === SIGN && (t.text === '(' || t.text === '[')) depth++;
    if (t.kind === WORD && is(ts, i, BODY)) {
      firstBody = Math.min(firstBody, i);
      lastBody = i;
    }
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
    if (last) {
      const otherKind = !last.freq !== !s.freq;
      let bodyBetween = false;
      for (let j = last.end; j < s.start; j++) {
        if (is(ts, j, JOIN)) return true;
        if (!otherKind || is(ts, j, RESTATING)) continue;
        if (!is(ts, j, SAME_REQUEST | BODY)) return true;
        if (is(ts, j, BODY)) bodyBetween = true;
      }
      // A body part on two of the three sides of the statements: before, between, after.
      const before = firstBody < last.start;
      const after = lastBody >= s.end;
      if ((before && after) || (bodyBetween && (before || after))) return true;
    }
    last = s;
  }
  for (const kind of [0, 1]) if (outside[kind]! > 1 || (outside[kind] === 0 && all[kind]! > 1)) return true;
  return false;
}

/** The numbers the statements of a text make, or {} when they do not make one request. */
export function numbersOf(ts: readonly Tok[], statements: readonly Statement[]): RequestNumbers {
  if (statements.length === 0) return {};
  // Visits already had are no request, and beside them the text's counts and spans are not read as
  // one either ("12 visits completed, 8 more visits requested"): a frequency alone still is.
  const asked: Statement[] = [];
  const words = around(ts, statements);
  let done = words.done;
  let spans = false;
  let stated = false; // a statement with its unit: a count said bare ("= 8", "6 more") says nothing alone
  for (const s of statements) {
    if (isDone(ts, s.start, s.end)) done = true;
    else {
      asked.push(s);
      if (s.count !== undefined || s.freq?.weeks !== undefined) spans = true;
      if (!s.bare) stated = true;
    }
  }
  if ((done && spans) || !stated || words.unsure || twoRequests(ts, asked)) return {};
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
