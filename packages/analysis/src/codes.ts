// A code fact as a finite variable: its values are representative codes, one valid code for each
// combination of the patterns it is matched with that some valid code meets. Every pattern the
// runtime's codeMatcher reads (exact, prefix, range) holds on one interval of codes in text order,
// so the codes between two consecutive interval ends all match alike: one code of each such stretch
// stands for all of it.
import { codeMatcher } from '@guideline/runtime';

const norm = (s: string): string => s.toUpperCase().replace(/\./g, '');

/** The least text greater than every text that starts with `s` (s not empty). */
const after = (s: string): string => s.slice(0, -1) + String.fromCharCode(s.charCodeAt(s.length - 1) + 1);

/**
 * The codes (normalized: upper case, no dots) a pattern matches, as a half-open interval of text
 * order [from, to), `to` undefined when it has no end. As codeMatcher reads them: a prefix `P*` is
 * the texts that start with P, a code itself alone, and a range `lo-hi` (which compares a code's
 * first |lo| characters with lo and its first |hi| with hi) the texts from lo up to those starting with hi.
 */
export function patternInterval(pattern: string): { from: string; to: string | undefined } {
  if (pattern.endsWith('*')) {
    const prefix = norm(pattern.slice(0, -1));
    return { from: prefix, to: prefix ? after(prefix) : undefined };
  }
  const dash = pattern.indexOf('-');
  if (dash > 0) {
    const lo = norm(pattern.slice(0, dash));
    const hi = norm(pattern.slice(dash + 1));
    return { from: lo, to: hi ? after(hi) : undefined };
  }
  const exact = norm(pattern);
  return { from: exact, to: `${exact}\u0000` };
}

/** The forms of a valid code, normalized (the case contract's, packages/runtime/src/fields.ts): each position's characters, and the lengths it may have. */
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = '0123456789';
const forms: { at: (i: number) => string; lengths: readonly number[] }[] = [
  // ICD-10 (and HCPCS, a letter and four digits): a letter, a digit, then 1 to 5 letters or digits.
  { at: (i) => (i === 0 ? letters : i === 1 ? digits : digits + letters), lengths: [3, 4, 5, 6, 7] },
  // CPT: five digits.
  { at: () => digits, lengths: [5] },
];

/** The least valid code (normalized) of one form that is at least `a` in text order, if any. */
function leastOfForm(a: string, form: (typeof forms)[number]): string | undefined {
  const longest = Math.max(...form.lengths);
  // The least code of the form that starts with s: s itself, or s extended by the least characters.
  const least = (s: string): string | undefined => {
    let out = s;
    while (!form.lengths.includes(out.length)) {
      if (out.length >= longest) return undefined;
      out += form.at(out.length)[0]!;
    }
    return out;
  };
  const walk = (s: string): string | undefined => {
    // s is a's first characters: any extension of all of a is at least a.
    const i = s.length;
    if (i === a.length) return least(s);
    if (i >= longest) return undefined;
    const chars = form.at(i);
    if (chars.includes(a[i]!)) {
      const out = walk(s + a[i]);
      if (out !== undefined) return out;
    }
    for (const c of chars) if (c > a[i]!) return least(s + c);
    return undefined;
  };
  return walk('');
}

/** The least valid code (normalized) at least `a` in text order, if any. */
export function leastCodeFrom(a: string): string | undefined {
  let best: string | undefined;
  for (const f of forms) {
    const x = leastOfForm(a, f);
    if (x !== undefined && (best === undefined || x < best)) best = x;
  }
  return best;
}

/** A normalized code as a case writes it: a code of ICD-10's form and more than three characters with its dot, when the patterns write dots. */
function written(code: string, dots: boolean): string {
  return dots && /^[A-Z][0-9][0-9A-Z]{2,5}$/.test(code) ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/**
 * The values of a code fact: a valid code for each combination of the patterns (which match and which
 * do not) that some valid code meets, in text order, and how each reads in a description.
 */
export class CodeValues {
  readonly values: string[] = [];
  /** Each value in words: the code a pattern names, or what the value stands for. */
  readonly labels = new Map<string, string>();
  private readonly tests: ((code: string) => boolean)[];
  private readonly byMatches = new Map<string, string>();

  constructor(readonly patterns: readonly string[]) {
    this.tests = patterns.map((p) => codeMatcher([p]));
    const ends = new Set<string>(['']);
    for (const p of patterns) {
      const { from, to } = patternInterval(p);
      ends.add(from);
      if (to !== undefined) ends.add(to);
    }
    const dots = patterns.some((p) => p.includes('.'));
    const sorted = [...ends].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    // Every code in [sorted[k], sorted[k + 1]) matches the same patterns: its least valid code stands for it.
    sorted.forEach((from, k) => {
      const code = leastCodeFrom(from);
      const to = sorted[k + 1];
      if (code === undefined || (to !== undefined && code >= to)) return;
      const key = this.matches(code);
      if (this.byMatches.has(key)) return;
      const value = written(code, dots);
      this.byMatches.set(key, value);
      this.values.push(value);
      this.labels.set(value, this.label(value, code));
    });
  }

  /** Which patterns a code matches, as a key ('1' for each that does). */
  private matches(code: string): string {
    return this.tests.map((t) => (t(code) ? '1' : '0')).join('');
  }

  /** The value that stands for a code: the one that matches the same patterns. */
  valueOf(code: string): string | undefined {
    return this.byMatches.get(this.matches(code));
  }

  private label(value: string, code: string): string {
    if (this.patterns.some((p) => !p.endsWith('*') && !(p.indexOf('-') > 0) && norm(p) === code)) return value;
    const matched = this.patterns.filter((_, i) => this.tests[i]!(code));
    if (matched.length) return `a code that matches ${matched.join(' and ')} (${value})`;
    if (!this.patterns.length) return `any code (${value})`;
    return `a code that matches none of ${this.patterns.length <= 4 ? this.patterns.join(', ') : `its ${this.patterns.length} patterns`} (${value})`;
  }
}
