// Reads the numbers of a request from its text when the case does not give them: "2 times 4",
// "2x4", "3x/week x 4 weeks", "3 x wk x 4", "3 days/week x 4", "MWF x 4", "PT twice weekly for 6
// weeks", "3x/wk for 60 days", "12 sessions", "8 more physical therapy visits", "6 additional
// acupuncture sessions (cupping)", "PT x6". A number after "x" that follows how often ("a week",
// "weekly", "MWF") is the span in weeks, never a count of visits: "PT daily x 4" is not read.
// The text is cut into words, numbers and signs once, and each phrasing is tried from each word
// looking a bounded number of words ahead, so a text costs time in proportion to its length.
// What the text does not say plainly is not read: a range ("2-3 times a week", "8–12 visits",
// "between 8 and 12 visits", "8 through 12", "2 or 3 times a week"), months, a decimal, or two
// statements that disagree leave the numbers unknown, never guessed. Visits already had ("has
// attended 4 visits so far", "6 prior visits", "completed 2x4") are no request: a text that counts
// them states no visits, nor weeks, even beside a request's numbers ("12 visits completed, 8 more").
// Two statements of the same kind ("PT 2x4 neck, 2x4 low back", "6 visits for the neck and 6
// visits for the low back"), or any two joined by "and" or "then", are two requests, not one, even
// when their numbers are equal: a restatement is read only in brackets ("2x4 (2 times a week for
// 4 weeks)") or in another kind ("12 visits, 3x4").

export interface RequestNumbers {
  visits?: number;
  frequencyPerWeek?: number;
  /** Weeks the request spans; a span written in days is days / 7 (60 days: 8.57 weeks). */
  weeks?: number;
}

/** The most characters of a request text read. */
export const maxRequestText = 500;

/** What a word of the dictionary is: a number word's value (NaN for none), the day of the week it names, or a schedule's days a week (0 for none). */
interface Known {
  value: number;
  day: number;
  days: number;
}

// The words the tokens know, looked up once a word. A Map, not an object: a word cut from the text
// is a new string, and looking it up as a property name makes V8 find it in its table of names
// first (most of the cost of reading a text).
const dictionary = new Map<string, Known>();
const numberWords: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40,
};
for (const [w, value] of Object.entries(numberWords)) dictionary.set(w, { value, day: 0, days: 0 });
for (const [tens, n] of [['twenty', 20], ['thirty', 30]] as const) {
  for (const [unit, m] of Object.entries(numberWords)) if (m < 10) dictionary.set(`${tens}-${unit}`, { value: n + m, day: 0, days: 0 });
}
// The days of the week as a schedule writes them ("Mon/Wed/Fri", "M, W and F", "T/Th"), and schedules
// written as one word ("MWF").
const weekDays: Record<string, number> = {
  monday: 1, mon: 1, m: 1, tuesday: 2, tue: 2, tues: 2, tu: 2, t: 2, wednesday: 3, wed: 3, w: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, th: 4, friday: 5, fri: 5, f: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
for (const [w, day] of Object.entries(weekDays)) dictionary.set(w, { value: NaN, day, days: 0 });
for (const [w, days] of Object.entries({ mwf: 3, tth: 2, tuth: 2, mtwthf: 5 })) dictionary.set(w, { value: NaN, day: 0, days });
const timesWords = new Set(['times', 'x', 'time']);
const weekWords = new Set(['week', 'weeks', 'wk', 'wks']);
const dayWords = new Set(['day', 'days']);
const visitWords = new Set(['visit', 'visits', 'session', 'sessions', 'treatment', 'treatments', 'appointment', 'appointments']);
/** A span of time the language cannot turn into weeks exactly (a month is no whole number of weeks). */
const otherTimeWords = new Set(['month', 'months', 'mo', 'mos', 'year', 'years', 'hour', 'hours', 'minute', 'minutes', 'min', 'mins']);
const perWords = new Set(['a', 'per', 'each', 'every', '/']);
/** How often in words with no number: after one, "x 4" is a span, not 4 visits ("weekly x 4", "daily x 4"). */
const rateWords = new Set(['weekly', 'daily', 'monthly', 'nightly', 'bid', 'tid', 'qd', 'qod', 'biweekly']);
/** What joins the days of a schedule: "M/W/F", "Mon, Wed, Fri", "M & W", "Mon, Wed and Fri", "M-W-F". */
const daySeparators = new Set(['/', ',', '&', 'and', '-']);
const durationWords = new Set(['x', 'times', 'for', 'over']);
/** Words that may stand between a count and its unit ("8 more physical therapy visits"), up to four. */
const maxFillers = 4;
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
const notFiller = new Set([...timesWords, ...weekWords, ...dayWords, ...otherTimeWords, ...visitWords, 'per', 'a', 'each', 'every', 'weekly', 'for', 'over', 'to', 'or', 'and', 'of', 'once', 'twice']);

const NUM = 0;
const WORD = 1;
const SIGN = 2;

/** A word, a number (digits, or a number word) or any other sign of the text. */
interface Tok {
  kind: typeof NUM | typeof WORD | typeof SIGN;
  /** The word in lower case, or the sign. */
  text: string;
  /** A number's value; NaN for one that cannot be a count (a decimal, more than three digits). */
  value: number;
  /** White space (or the start of the text) comes before it. */
  spaced: boolean;
  /** One end of a range, a choice or a fraction ("2-3", "8 to 12", "between 8 and 12", "2 or 3", "7/10"): not a number the request states. */
  ranged: boolean;
  /** The day of the week a word names (1 to 7: "Mon", "W"), or 0. */
  day: number;
  /** The days a week of a schedule written as one word ("MWF": 3), or 0. */
  days: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A hyphen or any dash ("2-3", "2–3", "2 — 3", "8−12"): each is the sign "-". */
const isDash = (c: number): boolean => c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d;
/** What stands between the two ends of a range, a choice or a fraction: "2-3", "8 to 12", "8 through 12", "2 or 3", "7/10". */
const rangeSigns = new Set(['-', '~', '/', 'to', 'through', 'thru', 'or']);
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The text as words, numbers and signs, in one pass. `steps` counts the work. */
function tokens(text: string, counter: { steps: number }): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let spaced = true;
  let i = 0;
  while (i < n) {
    counter.steps++;
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      spaced = true;
      i++;
      continue;
    }
    let j = i + 1;
    if (isDigit(c)) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      let value = j - i <= 3 ? Number(text.slice(i, j)) : NaN;
      // A decimal ("2.5x4") is no count: read it whole, as a number that cannot be one.
      if (j + 1 < n && text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        for (j += 1; j < n && isDigit(text.charCodeAt(j)); ) j++;
        value = NaN;
      }
      out.push({ kind: NUM, text: text.slice(i, j), value, spaced, ranged: false, day: 0, days: 0 });
    } else if (isLetter(c)) {
      while (j < n && isLetter(text.charCodeAt(j))) j++;
      let word = text.slice(i, j).toLowerCase();
      // "twenty-four" is one number.
      if (j + 1 < n && isDash(text.charCodeAt(j)) && isLetter(text.charCodeAt(j + 1))) {
        let k = j + 1;
        while (k < n && isLetter(text.charCodeAt(k))) k++;
        const compound = `${word}-${text.slice(j + 1, k).toLowerCase()}`;
        if (dictionary.has(compound)) {
          word = compound;
          j = k;
        }
      }
      const known = dictionary.get(word);
      if (known === undefined) out.push({ kind: WORD, text: word, value: NaN, spaced, ranged: false, day: 0, days: 0 });
      else out.push({ kind: known.value > 0 ? NUM : WORD, text: word, value: known.value, spaced, ranged: false, day: known.day, days: known.days });
    } else {
      // The multiplication sign is the word "x"; every dash is "-".
      out.push(c === 0xd7 ? { kind: WORD, text: 'x', value: NaN, spaced, ranged: false, day: 0, days: 0 } : { kind: SIGN, text: isDash(c) ? '-' : text[i]!, value: NaN, spaced, ranged: false, day: 0, days: 0 });
    }
    spaced = false;
    i = j;
  }
  // Ranges, choices and fractions: both numbers of "2-3", "8 to 12", "8 through 12", "2 or 3", "7/10",
  // "between 8 and 12", and of a range of multipliers, "2x-3x a week", "2 times to 3 times".
  for (let k = 0; k + 2 < out.length; k++) {
    const a = out[k]!;
    if (a.kind !== NUM) continue;
    let s = k + 1;
    if (out[s]!.kind === WORD && timesWords.has(out[s]!.text)) s++;
    const sep = out[s];
    const b = out[s + 1];
    if (sep && b && sep.kind !== NUM && b.kind === NUM && rangeSigns.has(sep.text)) a.ranged = b.ranged = true;
    if (out[k - 1]?.text === 'between' && (out[k + 1]!.text === 'and' || out[k + 1]!.text === '&') && out[k + 2]!.kind === NUM) a.ranged = out[k + 2]!.ranged = true;
  }
  return out;
}

/** A number the request states at token k: its value, or undefined. */
function countAt(ts: readonly Tok[], k: number): number | undefined {
  const t = ts[k];
  return t && t.kind === NUM && !t.ranged && Number.isFinite(t.value) && t.value > 0 ? t.value : undefined;
}

const word = (ts: readonly Tok[], k: number): string => (ts[k]?.kind === NUM ? '' : ts[k]?.text ?? '');

/** "a week", "per wk", "/week", "each week", "weekly" at k: the index after it, or -1. */
function perWeekAt(ts: readonly Tok[], k: number): number {
  if (word(ts, k) === 'weekly') return k + 1;
  if (perWords.has(word(ts, k)) && weekWords.has(word(ts, k + 1))) return k + 2;
  return -1;
}

/** "a day", "per month", "/yr", "daily" at k: how often in a span other than a week. */
function perOtherAt(ts: readonly Tok[], k: number): boolean {
  const w = word(ts, k);
  if (rateWords.has(w) && w !== 'weekly') return true;
  const unit = word(ts, k + 1);
  return perWords.has(w) && (dayWords.has(unit) || otherTimeWords.has(unit));
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
  if (daySeparators.has(word(ts, k - 1)) && ts[k - 2]?.day) return undefined;
  const seen = new Set([first]);
  let dashed = false;
  let j = k + 1;
  while (j < k + 12) {
    let sep = j;
    if (!daySeparators.has(word(ts, sep))) break;
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
  const w = t.text;
  return t.day > 0 || t.days > 0 || weekWords.has(w) || dayWords.has(w) || otherTimeWords.has(w) || rateWords.has(w);
}

interface Frequency {
  perWeek: number;
  /** Weeks, when the text gives the span; undefined when it gives none it can read. */
  weeks?: number;
  /** The token after the last one read. */
  end: number;
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
    if (timesWords.has(word(ts, k + 1))) {
      at = k + 2;
      // "3x/week", "3 times a week", and "3 x wk": the "a" left out.
      perWeek = weekWords.has(word(ts, at)) ? at + 1 : perWeekAt(ts, at);
      if (perWeek >= 0) at = perWeek;
    } else if (visitWords.has(word(ts, k + 1)) || dayWords.has(word(ts, k + 1))) {
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
  if (durationWords.has(word(ts, d))) d++;
  if (word(ts, d) === 'the' && word(ts, d + 1) === 'next') d += 2;
  const span = countAt(ts, d);
  if (span !== undefined) {
    const unit = word(ts, d + 1);
    if (weekWords.has(unit)) return { perWeek: f, weeks: span, end: d + 2 };
    if (dayWords.has(unit)) return { perWeek: f, weeks: span / 7, end: d + 2 };
    // A bare number after a frequency is weeks ("2x4", "3 times a week for 4"); "x 4 sessions" is
    // read as weeks too, and the count after it then disagrees unless it is the same. After a
    // schedule only with "x", "for" or "over" before it ("MWF x 4", not "MWF 4").
    if (!otherTimeWords.has(unit) && (!schedule || d > at)) return { perWeek: f, weeks: span, end: d + 1 };
  }
  // A span in months or hours, or none: the frequency alone, when it said "a week".
  return perWeek >= 0 && !schedule ? { perWeek: f, end: at } : undefined;
}

function isUnitLike(w: string): boolean {
  return weekWords.has(w) || dayWords.has(w) || otherTimeWords.has(w) || visitWords.has(w);
}

/** A count of visits at k, and the token after it. */
interface Count {
  value: number;
  end: number;
}

/** A count at k: "12 sessions", "8 more physical therapy visits", "6 additional acupuncture sessions". */
function countPhraseAt(ts: readonly Tok[], k: number): Count | undefined {
  const n = countAt(ts, k);
  if (n === undefined) return undefined;
  for (let j = k + 1; j <= k + 1 + maxFillers && j < ts.length; j++) {
    const t = ts[j]!;
    // "3 visits a week" is a frequency, "1 visit per month" or "2 visits a day" one not read: no count.
    if (t.kind === WORD && visitWords.has(t.text)) return perWeekAt(ts, j + 1) >= 0 || perOtherAt(ts, j + 1) ? undefined : { value: n, end: j + 1 };
    const filler = (t.kind === WORD && !notFiller.has(t.text)) || (t.kind === SIGN && (t.text === '/' || t.text === '-'));
    if (!filler) return undefined;
  }
  return undefined;
}

/**
 * "PT x6", "acupuncture x 4": a count written as a multiplier with no number before it. Not "x 4
 * weeks", nor an "x 4" after how often ("3x/week x 4", "3 x wk x 4", "MWF x 4", "(3/wk) x 4",
 * "daily x 4"): there it is the span in weeks, read with its frequency or not at all.
 */
function timesAt(ts: readonly Tok[], k: number): Count | undefined {
  if (word(ts, k) !== 'x' || !ts[k]!.spaced || ts[k - 1]?.kind === NUM) return undefined;
  const before = word(ts, k - 1) === ')' || word(ts, k - 1) === ']' ? k - 2 : k - 1;
  if (isRateWord(ts, before)) return undefined;
  const n = countAt(ts, k + 1);
  if (n === undefined) return undefined;
  const after = word(ts, k + 2);
  if (isUnitLike(after) && !visitWords.has(after)) return undefined;
  return { value: n, end: visitWords.has(after) ? k + 3 : k + 2 };
}

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

/** A phrasing the text states its numbers in, from token `start` to `end`: a frequency or a count. */
interface Statement {
  start: number;
  end: number;
  freq?: Frequency;
  count?: number;
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
function numbersOf(ts: readonly Tok[], statements: readonly Statement[]): RequestNumbers {
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
  }
  return { numbers: numbersOf(ts, statements), steps: counter.steps };
}

/** The numbers a request text states, or {} when it states none this reader knows. Reads at most its first 500 characters. */
export function readRequestText(text: string): RequestNumbers {
  return readRequestTextCounted(text).numbers;
}
