// The generated fast check of cases (scripts/gen-case-check.ts): committed as generated, and never
// a yes where ajv says no, on random, mutated and boundary cases. It should also say yes to the
// ordinary well-formed case, or it spares ajv nothing.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCaseCheck, outputPath, patternMatcher, schemaPath } from '../scripts/gen-case-check.ts';
import { patterns, quickValid } from '../packages/runtime/src/case-check.generated.ts';
import { schemaIssues } from '../packages/runtime/src/validate.ts';
import { bundledRules, files, root } from './support/bundled.ts';
import { caseArbitrary, mutatedSeed } from './support/case-arbitrary.ts';
import { runs, seed } from './support/fuzz.ts';

const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

/** The property: a yes from the fast check is a yes from ajv. */
const sound = (x: unknown): boolean => !quickValid(x) || schemaIssues(x).length === 0;

/** Values at the edges of what the schema allows: lengths counted in code points, limits, odd numbers, dates that do not exist. */
const edgy = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 20, 21, 130, 131, 520, 521, 1000, 1001, 10_000, 10_001, Number.NaN, Infinity, -Infinity, 2 ** 53),
  fc.constantFrom('', 'a', 'CA', '2014-02-29', '2016-02-29', '2014-13-01', 'M54.12', 'M5', 'physical-therapy', 'Physical-therapy', '😀'.repeat(11), 'x'.repeat(21), '😀'.repeat(1000), 'é'.repeat(1001)),
  fc.constantFrom(null, undefined, [], {}, true),
);
/** A well-formed case with one or two of its fields, at any depth, set to edge values. */
const places = [['id'], ['jurisdiction'], ['asOf'], ['review'], ['patient', 'age'], ['injury', 'date'], ['injury', 'bodyParts'], ['diagnoses', '0', 'text'], ['diagnoses', '0', 'icd10'], ['surgery', 'procedure'], ['request', 'treatment'], ['request', 'text'], ['request', 'visits'], ['request', 'frequencyPerWeek'], ['request', 'weeks'], ['request', 'careType'], ['history', 'visitsCompleted'], ['history', 'functionalImprovement']];
const edgyCase = fc.array(fc.tuple(fc.constantFrom(...places), edgy), { minLength: 1, maxLength: 2 }).map((edits) => {
  const c: Record<string, unknown> = {
    id: 'e', jurisdiction: 'CA', asOf: '2014-01-24', review: 'independent', patient: { age: 40 }, injury: { date: '2013-05-01', bodyParts: ['neck'] },
    diagnoses: [{ text: 'radiculitis', icd10: 'M54.12' }], surgery: { procedure: 'none' },
    request: { treatment: 'physical-therapy', text: '2x4', visits: 8, frequencyPerWeek: 2, weeks: 4, careType: 'therapeutic' },
    history: { visitsCompleted: 6, functionalImprovement: 'documented' },
  };
  for (const [path, value] of edits) {
    let o = c as Record<string, unknown>;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
    o[path[path.length - 1]!] = value;
  }
  return c;
});

describe('the generated case check', () => {
  it('is committed as the generator writes it now (run `pnpm gen` when this fails)', () => {
    expect(readFileSync(outputPath, 'utf8') === generateCaseCheck(schema)).toBe(true);
  });

  it('refuses to generate for a keyword it cannot check', () => {
    expect(() => generateCaseCheck({ ...schema, not: { required: ['id'] } })).toThrow(/keyword 'not' is not supported/);
    expect(() => generateCaseCheck({ type: 'object', properties: { a: { format: 'email' } } })).toThrow(/case\.a: format 'email'/);
  });

  it('never says yes where ajv says no', () => {
    const rules = bundledRules();
    fc.assert(fc.property(fc.oneof(caseArbitrary(rules), mutatedSeed, fc.anything()), sound), { ...seed(41), numRuns: runs(2000) });
    fc.assert(fc.property(edgyCase, sound), { ...seed(42), numRuns: runs(4000) });
  });

  it('says no to each kind of fault ajv names', () => {
    const base = (): Record<string, unknown> => ({ jurisdiction: 'CA', asOf: '2014-01-24', request: { treatment: 'physical-therapy' } });
    expect(quickValid(base())).toBe(true);
    const faults: [string, (c: Record<string, unknown>) => void][] = [
      ['missing asOf', (c) => delete c['asOf']],
      ['a date that does not exist', (c) => (c['asOf'] = '2014-02-30')],
      ['an empty jurisdiction', (c) => (c['jurisdiction'] = '')],
      ['an unknown review', (c) => (c['review'] = 'peer')],
      ['a fractional visit count', (c) => (c['request'] = { treatment: 'physical-therapy', visits: 2.5 })],
      ['a treatment not in kebab case', (c) => (c['request'] = { treatment: 'Physical Therapy' })],
      ['a diagnosis with neither text nor code', (c) => (c['diagnoses'] = [{}])],
      ['a malformed ICD-10 code', (c) => (c['diagnoses'] = [{ icd10: 'not-a-code' }])],
      ['too many diagnoses', (c) => (c['diagnoses'] = Array.from({ length: 101 }, () => ({ text: 'x' })))],
      ['an age out of range', (c) => (c['patient'] = { age: 131 })],
    ];
    for (const [what, spoil] of faults) {
      const c = base();
      spoil(c);
      expect(quickValid(c), what).toBe(false);
      expect(schemaIssues(c).length, what).toBeGreaterThan(0);
    }
  });

  it('says yes to every bundled case, so ordinary cases never reach ajv', () => {
    const cases = files(`${root}/guidelines`, '.json').map((f) => JSON.parse(readFileSync(f, 'utf8')) as { case?: unknown }).map((x) => x.case ?? x);
    expect(cases.length).toBeGreaterThan(100);
    for (const c of cases) if (schemaIssues(c).length === 0) expect(quickValid(c)).toBe(true);
  });
});

/** Strings near a pattern: its own matches, spoiled by a character or cut short, and random text. */
const near = (source: string): fc.Arbitrary<string> => {
  const matching = fc.stringMatching(new RegExp(source));
  const noise = fc.constantFrom('', 'a', 'Z', '0', '9', '.', '-', '_', ' ', 'é', '😀', '\\', '\n');
  return fc.oneof(
    matching,
    fc.tuple(matching, fc.nat(), noise).map(([s, at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice(at % (s.length + 1))),
    fc.tuple(matching, fc.nat()).map(([s, at]) => s.slice(0, at % (s.length + 1))),
    fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
  );
};

describe("the check's patterns, matched by character codes", () => {
  it("say yes to every string the schema's regular expression matches, and to no other", () => {
    expect(Object.keys(patterns).length).toBeGreaterThan(0);
    for (const [source, matches] of Object.entries(patterns)) {
      const re = new RegExp(source, 'u');
      fc.assert(fc.property(near(source), (s) => matches(s) === re.test(s)), { ...seed(43), numRuns: runs(3000) });
    }
  });

  // The generator's matcher for other patterns, run here through Function: this is a test of generated code, not of user input.
  const compiled = (source: string): ((s: string) => boolean) => {
    const body = patternMatcher(source);
    if (!body) throw new Error(`no matcher for ${source}`);
    return new Function('s', body.join('\n')) as (s: string) => boolean;
  };

  it('never say yes where the regular expression says no, for groups, counts and optional parts', () => {
    for (const source of ['^a(bc)?d$', '^(ab)?a$', '^[a-c]{2,3}x?$', '^(x[0-9]{2})?[0-9]+$', '^\\.?(-[a-z]+)?$', '^a{3}$', '^[0-9]{1,}b*$']) {
      const matches = compiled(source);
      const re = new RegExp(source, 'u');
      fc.assert(fc.property(near(source), (s) => !matches(s) || re.test(s)), { ...seed(44), numRuns: runs(1000) });
      expect(matches(fc.sample(fc.stringMatching(new RegExp(source)), { numRuns: 1, seed: 1 })[0]!) || source === '^(ab)?a$').toBe(true);
    }
    // Greedy without going back: "aba" is a match the matcher misses, and ajv still decides it.
    expect(compiled('^(ab)?a$')('aba')).toBe(true);
    expect(compiled('^(ab)?a$')('a')).toBe(true);
    expect(compiled('^(ab)?a$')('ab')).toBe(false);
  });

  it('are left to the regular expression outside the subset the generator reads', () => {
    for (const source of ['a', '^a', '^a|b$', '^[^a]$', '^\\d$', '^.$', '^(?:a)$', '^a+?$', '^é$', '^(a)*$', '^\\$']) {
      expect(patternMatcher(source), source).toBeUndefined();
    }
  });
});
