// Reads the numbers of a request from its text when the case does not give them:
// "2 times 4", "2x4", "3x/week x 4 weeks", "3 times a week for 4 weeks", "12 sessions", "six visits".
// A small matcher over the text's characters rather than regular expressions: the phrasings are
// the regular expressions this file once held (kept in its test as the reference), read with the
// same preferences, but a run of spaces is crossed in one step, so a text costs time in proportion
// to its length whatever it holds (the expressions backtracked through long runs of spaces).

export interface RequestNumbers {
  visits?: number;
  frequencyPerWeek?: number;
  weeks?: number;
}

const words: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  'twenty-four': 24, thirty: 30, once: 1, twice: 2,
};
/** The longest first, so "fourteen" is read before "four" (and, as before, "twenty-four" before "twenty"). */
const numberWords = Object.keys(words).sort((a, b) => b.length - a.length);
const num = (s: string): number => (s.charCodeAt(0) <= 57 ? Number(s) : words[s.toLowerCase()]!);

/** The texts read are at most 500 characters, and one at a time: one table of space ends serves them all. */
const spaceEnds = new Int32Array(501);

/** One reading of a text: the text, where each run of white space ends, the groups read, and a count of steps. */
class Reading {
  declare readonly text: string;
  declare readonly n: number;
  /** For each offset, the offset after the run of white space that starts there (itself when none does). */
  declare readonly spaceEnd: Int32Array;
  /** Start and end of group 1, then of group 2. */
  declare readonly groups: number[];
  /**
   * Where a number (digits, or a number word) begins a word: the only offsets three of the four
   * phrasings can match from.
   */
  declare readonly numberStarts: number[];
  /** Where `times` can match from: the start, or white space, before an x. */
  declare readonly timesStarts: number[];
  declare steps: number;

  constructor(text: string) {
    const n = text.length;
    if (n > 500) throw new Error('a request text is read up to its 500th character');
    this.text = text;
    this.n = n;
    this.groups = [0, 0, 0, 0];
    this.steps = 2 * n;
    const end = (this.spaceEnd = spaceEnds);
    end[n] = n;
    for (let i = n - 1; i >= 0; i--) end[i] = isSpace(text.charCodeAt(i)) ? end[i + 1]! : i;
    // One pass finds where each phrasing can begin.
    const numbers: number[] = (this.numberStarts = []);
    const times: number[] = (this.timesStarts = []);
    let before = false;
    for (let at = 0; at < n; at++) {
      const c = text.charCodeAt(at);
      const word = isWord(c);
      if (word && !before && (isDigit(c) || startsNumberWord(this, at))) numbers.push(at);
      if ((at === 0 && isX(c)) || (end[at] !== at && at + 1 < n && isX(text.charCodeAt(at + 1)))) times.push(at);
      before = word;
    }
  }

  /** Whether the code unit at `at` is a word character (\w); false outside the text. */
  word(at: number): boolean {
    return at >= 0 && at < this.n && isWord(this.text.charCodeAt(at));
  }
}

/** \w */
const isWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isX = (c: number): boolean => c === 120 || c === 88 || c === 0xd7;

/** Whether a number word begins at `at`. */
const startsNumberWord = (r: Reading, at: number): boolean => run(r, numberWordAlone, 0, at);

/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Any of the words, the first listed first; each kept under its first character, as most offsets begin none of them. */
function wordsByFirst(alternatives: string[]): Map<number, string[]> {
  const byFirst = new Map<number, string[]>();
  for (const w of alternatives) byFirst.set(w.charCodeAt(0), [...(byFirst.get(w.charCodeAt(0)) ?? []), w]);
  return byFirst;
}

/** An ASCII capital as its small letter; any other code unit as it is (the expressions' case-insensitive match, without the u flag). */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * A phrasing is a program of these steps, run by `run` the way a regular expression backtracks:
 * each way a step can match, in order of preference, goes on to the next step, until one reaches
 * the end. No step has more than a few ways, so from each offset a phrasing takes a bounded number
 * of steps. Every step has the same fields (those its kind does not use are left empty), so reading
 * them stays monomorphic.
 */
class Step {
  constructor(
    readonly kind: Kind,
    /** words: the words, by first character. */
    readonly byFirst: Map<number, string[]> | undefined = undefined,
    /** spaces: the fewest; mark: the group slot; optional: how many steps it covers. */
    readonly n = 0,
    /** notFollowedBy: what must not follow. */
    readonly program: Step[] | undefined = undefined,
  ) {}
}

const enum Kind {
  /** Any of the words (ASCII letters in any case, other characters as written), the first listed first. */
  Words,
  /** One to three digits (three first), or a number word. */
  Number,
  /**
   * White space, at least `n` characters, taken whole: nothing that follows white space in a
   * phrasing begins with white space, so taking less never leads to a match.
   */
  Spaces,
  /** \b */
  Boundary,
  /** (?:^|\s) */
  StartOrSpace,
  /** Where group 1 or 2 begins or ends (slot `n`). */
  Mark,
  /** The next `n` steps, or else none of them: (?:...)? */
  Optional,
  /** (?!...) */
  NotFollowedBy,
  End,
}

const words$ = (...alternatives: string[]): Step => new Step(Kind.Words, wordsByFirst(alternatives));
const spaces = (min = 0): Step => new Step(Kind.Spaces, undefined, min);
const boundary = new Step(Kind.Boundary);
const number = new Step(Kind.Number);
const optional = (...steps: Step[]): Step[] => [new Step(Kind.Optional, undefined, steps.length), ...steps];
const group = (g: 1 | 2, ...steps: Step[]): Step[] => [new Step(Kind.Mark, undefined, 2 * g - 2), ...steps, new Step(Kind.Mark, undefined, 2 * g - 1)];
const phrasing = (...steps: (Step | Step[])[]): Step[] => [...steps.flat(), new Step(Kind.End)];

const numberWord = wordsByFirst(numberWords);
const numberWordAlone = phrasing(new Step(Kind.Words, numberWord));

/** Whether `program` matches from step `pc` at offset `at` (recording its groups in `r`). */
function run(r: Reading, program: Step[], pc: number, at: number): boolean {
  r.steps++;
  const step = program[pc]!;
  switch (step.kind) {
    case Kind.Words:
      return wordsAt(r, step.byFirst!, at, program, pc);
    case Kind.Number: {
      let digits = 0;
      while (digits < 3 && at + digits < r.n && isDigit(r.text.charCodeAt(at + digits))) digits++;
      for (let d = digits; d > 0; d--) if (run(r, program, pc + 1, at + d)) return true;
      return wordsAt(r, numberWord, at, program, pc);
    }
    case Kind.Spaces: {
      const end = r.spaceEnd[at]!;
      return end - at >= step.n && run(r, program, pc + 1, end);
    }
    case Kind.Boundary:
      return r.word(at - 1) !== r.word(at) && run(r, program, pc + 1, at);
    case Kind.StartOrSpace:
      return (at === 0 && run(r, program, pc + 1, at)) || (at < r.n && isSpace(r.text.charCodeAt(at)) && run(r, program, pc + 1, at + 1));
    case Kind.Mark:
      r.groups[step.n] = at;
      return run(r, program, pc + 1, at);
    case Kind.Optional:
      return run(r, program, pc + 1, at) || run(r, program, pc + 1 + step.n, at);
    case Kind.NotFollowedBy:
      return !run(r, step.program!, 0, at) && run(r, program, pc + 1, at);
    case Kind.End:
      return true;
  }
}

/** The `words` step: each word found at `at`, in order, goes on to the next step. */
function wordsAt(r: Reading, byFirst: Map<number, string[]>, at: number, program: Step[], pc: number): boolean {
  if (at >= r.n) return false;
  const candidates = byFirst.get(lower(r.text.charCodeAt(at)));
  if (!candidates) return false;
  for (let a = 0; a < candidates.length; a++) {
    const w = candidates[a]!;
    if (at + w.length > r.n) continue;
    let i = 1;
    for (; i < w.length; i++) {
      r.steps++;
      if (lower(r.text.charCodeAt(at + i)) !== w.charCodeAt(i)) break;
    }
    if (i === w.length && run(r, program, pc + 1, at + w.length)) return true;
  }
  return false;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * What ends a phrasing after its last number, `\s*(?:weeks?|wks?)?\b`: a unit after the spaces and a
 * word boundary, or a word boundary right after the number (the expression's other ways of matching
 * succeed exactly when this one does).
 */
const endOfNumber = [...optional(spaces(), words$('weeks', 'week', 'wks', 'wk'), boundary), boundary];
const multiply = words$('times', 'x', '×');
// frequency x weeks: "2 times 4", "2x4", "3x/week x 4 weeks", "3 times per week for 4 weeks", "2 x 6 wks"
const perWeek = optional(spaces(), ...optional(multiply), spaces(), ...optional(words$('/', 'a', 'per', 'each')), spaces(), words$('week', 'wk'), ...optional(words$('s')));
const freqWeeks = phrasing(boundary, group(1, number), spaces(), multiply, perWeek, spaces(), optional(words$('x', '×', 'times', 'for', 'over')), spaces(), group(2, number), endOfNumber);
const onceTwice = phrasing(boundary, group(1, words$('once', 'twice')), spaces(), words$('a', 'per', 'each'), spaces(), words$('week'), spaces(), words$('x', '×', 'for', 'over'), spaces(), group(2, number), endOfNumber);
const count = phrasing(boundary, group(1, number), spaces(), optional(words$('additional', 'more'), spaces(1)), words$('sessions', 'session', 'visits', 'visit', 'treatments', 'treatment'), boundary);
// "PT x6", "acupuncture x 4": a count written as a multiplier with nothing before it
const times = phrasing(new Step(Kind.StartOrSpace), words$('x', '×'), spaces(), group(1, number), boundary, new Step(Kind.NotFollowedBy, undefined, 0, phrasing(spaces(), words$('weeks', 'week', 'wks', 'wk', 'months', 'month'), boundary)));

/** The groups of the leftmost match of a phrasing, as their texts, or undefined. */
function find(r: Reading, program: Step[], starts: readonly number[]): [string, string] | undefined {
  for (let i = 0; i < starts.length; i++) {
    if (run(r, program, 0, starts[i]!)) {
      const [a, b, c, d] = r.groups as [number, number, number, number];
      return [r.text.slice(a, b), r.text.slice(c, d)];
    }
  }
  return undefined;
}

/** The numbers a request text states, or {} when it states none this reader knows; `steps` counts the reader's work. */
export function readRequestTextCounted(text: string): { numbers: RequestNumbers; steps: number } {
  const r = new Reading(text.slice(0, 500));
  const read = ((): RequestNumbers => {
    const numbers = r.numberStarts;
    const fw = find(r, onceTwice, numbers) ?? find(r, freqWeeks, numbers);
    if (fw) {
      const f = num(fw[0]);
      const w = num(fw[1]);
      if (f > 0 && w > 0 && f <= 7) return { frequencyPerWeek: f, weeks: w, visits: f * w };
    }
    const c = find(r, count, numbers) ?? find(r, times, r.timesStarts);
    if (c) return { visits: num(c[0]) };
    return {};
  })();
  return { numbers: read, steps: r.steps };
}

/** The numbers a request text states, or {} when it states none this reader knows. Reads at most its first 500 characters. */
export function readRequestText(text: string): RequestNumbers {
  return readRequestTextCounted(text).numbers;
}
