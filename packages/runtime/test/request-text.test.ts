import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRequestText, readRequestTextCounted, type RequestNumbers } from '../src/request-text.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

describe('readRequestText', () => {
  it.each([
    ['Additional Physical Therapy 2 times 4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['PT 2x4', { frequencyPerWeek: 2, weeks: 4, visits: 8 }],
    ['chiropractic 3x/week x 4 weeks', { frequencyPerWeek: 3, weeks: 4, visits: 12 }],
    ['acupuncture 3 times per week for 2 weeks', { frequencyPerWeek: 3, weeks: 2, visits: 6 }],
    ['aquatic therapy 2 x 6 wks', { frequencyPerWeek: 2, weeks: 6, visits: 12 }],
    ['massage twice a week for 3 weeks', { frequencyPerWeek: 2, weeks: 3, visits: 6 }],
    ['12 sessions of physical therapy', { visits: 12 }],
    ['six visits of acupuncture', { visits: 6 }],
    ['Physical therapy, 8 additional sessions', { visits: 8 }],
    ['Physical therapy x6', { visits: 6 }],
    ['acupuncture x 4', { visits: 4 }],
    ['chiropractic x 4 weeks', {}],
    ['Continue physical therapy', {}],
    ['', {}],
    ['2 x' + ' '.repeat(496) + '!', {}],
  ])('%s', (text, expected) => {
    expect(readRequestText(text)).toEqual(expected);
  });
});

// ---- The regular expressions the reader replaced, as the reference it must agree with ------------

const words: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  'twenty-four': 24, thirty: 30, once: 1, twice: 2,
};
const NUM = `(\\d{1,3}|${Object.keys(words).sort((a, b) => b.length - a.length).join('|')})`;
const num = (s: string): number => (/^\d/.test(s) ? Number(s) : words[s.toLowerCase()]!);
const perWeek = `(?:\\s*(?:times|x|×)?\\s*(?:/|a|per|each)?\\s*(?:week|wk)s?)?`;
const freqWeeks = new RegExp(`\\b${NUM}\\s*(?:times|x|×)${perWeek}\\s*(?:x|×|times|for|over)?\\s*${NUM}\\s*(?:weeks?|wks?)?\\b`, 'i');
const onceTwice = new RegExp(`\\b(once|twice)\\s*(?:a|per|each)\\s*week\\s*(?:x|×|for|over)\\s*${NUM}\\s*(?:weeks?|wks?)?\\b`, 'i');
const count = new RegExp(`\\b${NUM}\\s*(?:additional\\s+|more\\s+)?(?:sessions?|visits?|treatments?)\\b`, 'i');
const times = new RegExp(`(?:^|\\s)(?:x|×)\\s*${NUM}\\b(?!\\s*(?:weeks?|wks?|months?)\\b)`, 'i');

function reference(text: string): RequestNumbers {
  const t = text.slice(0, 500);
  const fw = onceTwice.exec(t) ?? freqWeeks.exec(t);
  if (fw) {
    const f = num(fw[1]!);
    const w = num(fw[2]!);
    if (f > 0 && w > 0 && f <= 7) return { frequencyPerWeek: f, weeks: w, visits: f * w };
  }
  const c = count.exec(t) ?? times.exec(t);
  if (c) return { visits: num(c[1]!) };
  return {};
}

/** Texts made of the words the phrasings use, joined by any kind of white space or none. */
const vocabulary = ['2', '3', '0', '8', '12', '123', '1234', 'x', 'X', '×', 'times', 'TIMES', 'Times', '/', 'a', 'per', 'each', 'week', 'weeks', 'Week', 'wk', 'wks', 's', 'for', 'over', 'once', 'twice', 'one', 'six', 'sixteen', 'four', 'fourteen', 'twenty', 'twenty-four', 'TWENTY-FOUR', 'thirty', 'seven', 'additional', 'more', 'session', 'sessions', 'visit', 'visits', 'treatments', 'month', 'months', 'PT', '!', '.', ',', '-', '_', 'ſ', 'K', 'ı', 'é'];
const separators = ['', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0085', '\u180e'];
const phrase = fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { maxLength: 14 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('the reader agrees with the regular expressions it replaced', () => {
  it('on texts of the words it reads', () => {
    fc.assert(fc.property(phrase, (t) => { expect(readRequestText(t)).toEqual(reference(t)); }), { ...seed(500), numRuns: runs(20_000) });
  });

  it('on any short text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30, unit: 'binary' }), (t) => { expect(readRequestText(t)).toEqual(reference(t)); }), { ...seed(501), numRuns: runs(5_000) });
  });

  it('past the 500 characters it reads', () => {
    for (const t of ['x'.repeat(498) + ' 2x4', ' '.repeat(495) + '2 x 4', 'a'.repeat(497) + ' x6 visits']) expect(readRequestText(t)).toEqual(reference(t));
  });
});

// ---- Linear work ---------------------------------------------------------------------------------

/** Steps per character the reader may take: about six times the most seen (a quadratic reader would pass 100 on 500 characters); the phrasings have a fixed number of ways to match from each offset. */
const perCharacter = 100;

/** Texts up to the 500 characters read: random words with long runs of white space, and repeated pieces. */
const hostile = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom('', ' ', ' '.repeat(40), '\t'.repeat(200))), { maxLength: 60 }).map((p) => p.map(([w, s]) => w + s).join('').slice(0, 500)),
  fc.tuple(fc.array(fc.constantFrom(...vocabulary, ' ', '  '), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 500 })).map(([p, n]) => p.join('').repeat(n).slice(0, 500)),
  fc.string({ maxLength: 500, unit: 'binary' }),
);

describe('the reader works in time linear in the text', () => {
  it.each([
    ['"2 x", 496 spaces, "!"', '2 x' + ' '.repeat(496) + '!'],
    ['"2 x /" and spaces, over and over', '2 x /   '.repeat(70)],
    ['"once a week x " over and over', 'once a week x '.repeat(40)],
    ['spaces alone', ' '.repeat(500)],
  ])('%s', (_, text) => {
    expect(readRequestTextCounted(text).steps).toBeLessThanOrEqual(perCharacter * (text.length + 1));
  });

  it('on random texts of up to 500 characters', () => {
    fc.assert(fc.property(hostile, (t) => readRequestTextCounted(t).steps <= perCharacter * (t.length + 1)), { ...seed(502), numRuns: runs(2_000) });
  });
});
