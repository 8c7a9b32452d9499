// The words, numbers and signs of a request text, for request-text.ts to read its phrasings from:
// cut in one pass, number words and the days of a schedule known by a dictionary, and both ends of
// a range, a choice or a fraction marked, so that neither is read as a number the request states.

/**
 * What a word of the dictionary is: a number word's value (0 for none), the day of the week it names,
 * or a schedule's days a week (0 for none), and the classes of words it is in (see `wordClass`).
 */
interface Known {
  value: number;
  day: number;
  days: number;
  classes: number;
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
for (const [w, value] of Object.entries(numberWords)) dictionary.set(w, { value, day: 0, days: 0, classes: 0 });
for (const [tens, n] of [['twenty', 20], ['thirty', 30]] as const) {
  for (const [unit, m] of Object.entries(numberWords)) if (m < 10) dictionary.set(`${tens}-${unit}`, { value: n + m, day: 0, days: 0, classes: 0 });
}
// The days of the week as a schedule writes them ("Mon/Wed/Fri", "M, W and F", "T/Th"), and schedules
// written as one word ("MWF").
const weekDays: Record<string, number> = {
  monday: 1, mon: 1, m: 1, tuesday: 2, tue: 2, tues: 2, tu: 2, t: 2, wednesday: 3, wed: 3, w: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, th: 4, friday: 5, fri: 5, f: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
for (const [w, day] of Object.entries(weekDays)) dictionary.set(w, { value: 0, day, days: 0, classes: 0 });
for (const [w, days] of Object.entries({ mwf: 3, tth: 2, tuth: 2, mtwthf: 5 })) dictionary.set(w, { value: 0, day: 0, days, classes: 0 });

// The classes of words the readers ask about ("a unit of time?", "a word of the past?"), a bit each,
// marked on the words in the dictionary: the one look-up of a word when the text is cut gives them
// all, and a reader asks `is(ts, k, WEEK)` of a token instead of looking its word up in a set again.
let nextClass = 1;
/** A class of words (a word, or a sign such as "/"): the bit `is` tests for it. Made once, when a reader's module loads. */
export function wordClass(words: Iterable<string>): number {
  const bit = nextClass;
  if (bit > 2 ** 29) throw new Error('request-tokens: more classes of words than bits of a small integer');
  nextClass *= 2;
  for (const w of words) {
    if (w.includes('-') && w !== '-') throw new Error(`request-tokens: '${w}' would join the words of a text it is cut into`);
    const known = dictionary.get(w);
    if (known) known.classes |= bit;
    else dictionary.set(w, { value: 0, day: 0, days: 0, classes: bit });
  }
  return bit;
}

/** Whether token k is a word or a sign of a class (of several: any of them); a number never is, as `word` gives it none. */
export function is(ts: readonly Tok[], k: number, classes: number): boolean {
  return k >= 0 && k < ts.length && (ts[k]!.classes & classes) !== 0;
}

export const timesWords = new Set(['times', 'x', 'time']);

// The words of time and of visits that both the phrasings and the statements they make know.
export const weekWords = new Set(['week', 'weeks', 'wk', 'wks']);
export const dayWords = new Set(['day', 'days']);
export const visitWords = new Set(['visit', 'visits', 'session', 'sessions', 'treatment', 'treatments', 'appointment', 'appointments']);
/** A span of time the language cannot turn into weeks exactly (a month is no whole number of weeks). */
export const otherTimeWords = new Set(['month', 'months', 'mo', 'mos', 'year', 'years', 'hour', 'hours', 'minute', 'minutes', 'min', 'mins']);
/** How often in words with no number: after one, "x 4" is a span, not 4 visits ("weekly x 4", "daily x 4"). */
export const rateWords = new Set(['weekly', 'daily', 'monthly', 'nightly', 'bid', 'tid', 'qd', 'qod', 'biweekly']);
export const TIMES = wordClass(timesWords);
export const WEEK = wordClass(weekWords);
export const DAY = wordClass(dayWords);
export const VISIT = wordClass(visitWords);
export const OTHER_TIME = wordClass(otherTimeWords);
export const RATE = wordClass(rateWords);

export const NUM = 0;
export const WORD = 1;
export const SIGN = 2;

/** A word, a number (digits, or a number word) or any other sign of the text. */
export interface Tok {
  kind: typeof NUM | typeof WORD | typeof SIGN;
  /** The word in lower case, or the sign. */
  text: string;
  /**
   * A number's value; 0 for one that cannot be a count (a decimal, more than three digits) and for
   * a word or a sign. Never NaN: a field that only ever holds small integers is stored in the token
   * itself, one that may hold NaN in a number object of its own, made with each token.
   */
  value: number;
  /** White space (or the start of the text) comes before it. */
  spaced: boolean;
  /**
   * Not a number the request states: one end of a range, a choice or a fraction ("2-3", "8 to 12",
   * "between 8 and 12", "2 or 3", "7/10", "6 of 12"), or a bound below or an estimate ("at least 6",
   * "more than 12", "about 12").
   */
  ranged: boolean;
  /** The day of the week a word names (1 to 7: "Mon", "W"), or 0. */
  day: number;
  /** The days a week of a schedule written as one word ("MWF": 3), or 0. */
  days: number;
  /** The classes of words (`wordClass`) a word or a sign is in; 0 for a number. */
  classes: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A hyphen or any dash ("2-3", "2–3", "2 — 3", "8−12"): each is the sign "-". */
const isDash = (c: number): boolean => c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d;
/** What stands between the two ends of a range, a choice or a fraction: "2-3", "8 to 12", "8 through 12", "2 or 3", "7/10", "6 of 12". */
const rangeSigns = new Set(['-', '~', '/', 'to', 'through', 'thru', 'or', 'of']);
/**
 * Words before a number that make it a bound below or an estimate, not what is asked: "at least 6",
 * "minimum 6", "about 12", "~12", "more than 12", "fewer than 12". A bound above is what is asked
 * ("up to 12", "no more than 12", "a maximum of 12"): its number is read.
 */
const notExact = new Set(['least', 'minimum', 'min', 'about', 'around', 'approximately', 'approx', 'roughly', 'circa', 'estimated', '~', 'than']);
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The text as words, numbers and signs, in one pass. `steps` counts the work. */
export function tokens(text: string, counter: { steps: number }): Tok[] {
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
      let value = j - i <= 3 ? Number(text.slice(i, j)) : 0;
      // A decimal ("2.5x4") is no count: read it whole, as a number that cannot be one.
      if (j + 1 < n && text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        for (j += 1; j < n && isDigit(text.charCodeAt(j)); ) j++;
        value = 0;
      }
      out.push({ kind: NUM, text: text.slice(i, j), value, spaced, ranged: false, day: 0, days: 0, classes: 0 });
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
      if (known === undefined) out.push({ kind: WORD, text: word, value: 0, spaced, ranged: false, day: 0, days: 0, classes: 0 });
      else if (known.value > 0) out.push({ kind: NUM, text: word, value: known.value, spaced, ranged: false, day: 0, days: 0, classes: 0 });
      else out.push({ kind: WORD, text: word, value: 0, spaced, ranged: false, day: known.day, days: known.days, classes: known.classes });
    } else {
      // The multiplication sign is the word "x"; every dash is "-".
      const sign = c === 0xd7 ? 'x' : isDash(c) ? '-' : text[i]!;
      out.push({ kind: c === 0xd7 ? WORD : SIGN, text: sign, value: 0, spaced, ranged: false, day: 0, days: 0, classes: dictionary.get(sign)?.classes ?? 0 });
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
    if (k > 0 && out[k - 1]!.text === 'between' && (out[k + 1]!.text === 'and' || out[k + 1]!.text === '&') && out[k + 2]!.kind === NUM) a.ranged = out[k + 2]!.ranged = true;
  }
  // Bounds below and estimates: "at least 6", "about 12"; "than" but in "no more than 12", "not more than 12".
  for (let k = 1; k < out.length; k++) {
    const a = out[k]!;
    const before = out[k - 1]!;
    if (a.kind !== NUM || before.kind === NUM || !notExact.has(before.text)) continue;
    if (before.text === 'than' && (out[k - 2]?.text === 'more' || out[k - 2]?.text === 'greater') && (out[k - 3]?.text === 'no' || out[k - 3]?.text === 'not')) continue;
    a.ranged = true;
  }
  return out;
}

/** A number the request states at token k: its value, or undefined. */
export function countAt(ts: readonly Tok[], k: number): number | undefined {
  const t = ts[k];
  return t && t.kind === NUM && !t.ranged && t.value > 0 ? t.value : undefined;
}

/**
 * The word or sign at token k: '' for a number, and before the first token or after the last. (An
 * index is tested, not read: reading an array at -1 is a look-up of a property named "-1".)
 */
export function word(ts: readonly Tok[], k: number): string {
  if (k < 0 || k >= ts.length) return '';
  const t = ts[k]!;
  return t.kind === NUM ? '' : t.text;
}
