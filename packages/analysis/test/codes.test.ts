// A code fact's values: every pattern is an interval of codes as the runtime's codeMatcher reads it,
// every valid code matches the patterns as one of the values does, and every value is a code the
// case contract accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../language/src/index.ts';
import { codeMatcher, validateCase } from '../../runtime/src/index.ts';
import { CodeValues, leastCodeFrom, patternInterval } from '../src/codes.ts';
import { Describer } from '../src/describe.ts';
import { Space } from '../src/space.ts';
import { finCell } from '../src/values.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

const norm = (s: string): string => s.toUpperCase().replace(/\./g, '');

/** Texts over a few characters, so that patterns and codes share prefixes and meet at their ends. */
const text = (chars: string, max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...chars), { maxLength: max }).map((xs) => xs.join(''));

/** Patterns of any shape the runtime reads: exact, a prefix, a range (ends of different lengths), written with dots or in lower case. */
const pattern: fc.Arbitrary<string> = fc.oneof(
  text('029ASms.', 7),
  text('029ASms.', 6).map((s) => `${s}*`),
  fc.tuple(text('029AS.', 6), text('029ASZ.', 6)).map(([a, b]) => `${a || '0'}-${b}`),
);

/** Valid codes (the case contract's forms) over the same few characters. */
const validCode: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...'ASZ'), fc.constantFrom(...'029'), text('029ASZ', 5).filter((s) => s.length >= 1)).map(([a, b, rest]) => `${a}${b}${rest}`),
  fc.array(fc.constantFrom(...'0289'), { minLength: 5, maxLength: 5 }).map((xs) => xs.join('')),
);

const validForm = /^(?:[A-Z][0-9][0-9A-Z]{1,5}|[0-9]{5})$/;

describe('code patterns as intervals', () => {
  it('a pattern matches exactly the texts of its interval', () => {
    fc.assert(
      fc.property(pattern, text('0129ASZms.', 8), (p, k) => {
        const { from, to } = patternInterval(p);
        const key = norm(k);
        expect(codeMatcher([p])(k), `${p} ${k}`).toBe(key >= from && (to === undefined || key < to));
      }),
      { numRuns: runs(2000), ...seed(20261207) },
    );
  });

  it.each([
    ['', '00000'],
    ['29880', '29880'],
    ['29880\u0000', '29881'],
    ['299999', '30000'],
    ['M541', 'M541'],
    ['M54Z', 'M54Z'],
    ['M54Z\u0000', 'M54Z0'],
    ['M54ZZZZZ', 'M55'],
    ['Z9ZZZZZZ', undefined],
  ])('the least valid code from %j is %j', (from, least) => {
    expect(leastCodeFrom(from)).toBe(least);
  });

  it('the least valid code from a text is valid, at least the text, and no valid code lies between', () => {
    fc.assert(
      fc.property(text('029ASZ', 8), validCode, (a, c) => {
        const least = leastCodeFrom(a);
        expect(least === undefined || validForm.test(least)).toBe(true);
        if (least !== undefined) expect(least >= a).toBe(true);
        const code = norm(c);
        if (code >= a) expect(least !== undefined && least <= code, `${a} ${code} ${least}`).toBe(true);
      }),
      { numRuns: runs(2000), ...seed(20261208) },
    );
  });
});

describe('the values of a code fact', () => {
  it('every valid code matches the patterns as one of the values does', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 6 }), fc.array(validCode, { minLength: 1, maxLength: 20 }), (patterns, codes) => {
        const values = new CodeValues(patterns);
        const vector = (c: string): string => patterns.map((p) => (codeMatcher([p])(c) ? 1 : 0)).join('');
        const byVector = new Map(values.values.map((v) => [vector(v), v]));
        // One value for each way of matching: no two alike.
        expect(byVector.size).toBe(values.values.length);
        for (const c of codes) {
          expect(byVector.has(vector(c)), `${c} against ${patterns.join(', ')}: ${values.values.join(', ')}`).toBe(true);
          expect(values.valueOf(c)).toBe(byVector.get(vector(c)));
        }
      }),
      { numRuns: runs(1500), ...seed(20261209) },
    );
  });

  it.each<[string[], string[]]>([
    [['29880', '29881'], ['00000', '29880', '29881']],
    [['M54.1*', 'M54.16'], ['00000', 'M54.1', 'M54.16']],
    // A range covers the subcodes of its ends: M54.18 and M54.189 alike; M54.1 sorts before M54.10.
    [['M54.10-M54.18'], ['00000', 'M54.10']],
    // M54.19 matches the prefix alone, as M54.1 does.
    [['M54.1*', 'M54.10-M54.18', 'M54.16'], ['00000', 'M54.1', 'M54.10', 'M54.16']],
    [['64479-64484'], ['00000', '64479']],
    // D4A sorts after D49: the prefix's, not the range's.
    [['C00-D49', 'D4*'], ['00000', 'C00', 'D40', 'D4A']],
  ])('patterns %j have the values %j', (patterns, expected) => {
    expect(new CodeValues(patterns).values).toEqual(expected);
  });

  it.each<[string[], string, string]>([
    [['29880', '29881'], '29880', '29880'],
    [['29880', '29881'], '00000', 'a code that matches none of 29880, 29881 (00000)'],
    [['M54.1*', 'M54.16'], 'M54.1', 'a code that matches M54.1* (M54.1)'],
    [['M54.1*', 'M54.16'], 'M54.16', 'M54.16'],
    // Only asked whether it is given: one value for any code.
    [[], '00000', 'any code (00000)'],
  ])('patterns %j: the value %s reads "%s"', (patterns, value, words) => {
    expect(new CodeValues(patterns).labels.get(value)).toBe(words);
  });

  it('every value is a code the case contract accepts', () => {
    const rules = compileProgram([{ text: 'vocabulary gen-codes "Codes"\nfact billed code: code, from request.procedureCode\n  "The code billed."\n', file: 'v.guideline' }]).rules!;
    expect(rules).toBeDefined();
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 6 }), (patterns) => {
        for (const code of new CodeValues(patterns).values) {
          expect(validateCase({ jurisdiction: 'CA', asOf: '2014-01-24', request: { treatment: 'physical-therapy', procedureCode: code } }, rules), code).toEqual([]);
        }
      }),
      { numRuns: runs(300), ...seed(20261210) },
    );
  });
});

describe('a code fact in words', () => {
  const rules = compileProgram([{ file: 'g.guideline', text: `vocabulary gen-codes "Codes"
fact billed code: code, from request.procedureCode
  "The code billed."

guideline gen.alpha
  title "A"
  source "Doc", 2009, pages 1-2
  covers physical-therapy
  uses physical-medicine, gen-codes
  applies when billed code is 29880, 29881

criterion c1 "C1"
  require billed code is 29881
  otherwise "Not met."
` }]).rules!;
  const space = new Space([rules]);
  const v = space.finiteVar('request.procedureCode')!;
  const words = (values: string[]): string => new Describer(space).cell(finCell(v, values));

  it.each<[string[], string]>([
    [['29880', '29881'], 'billed code is 29880 or 29881'],
    [['00000'], 'billed code is a code that matches none of 29880, 29881 (00000)'],
    [['00000', '29880', '29881'], 'billed code is given'],
  ])('%j reads "%s"', (values, expected) => {
    expect(v.values).toEqual(['00000', '29880', '29881', expect.any(String)]);
    expect(words(values)).toBe(expected);
  });
});
