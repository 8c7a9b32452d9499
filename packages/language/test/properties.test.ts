// Property tests (fast-check): the front end and the compiler never throw on any text, and every
// diagnostic is a catalog code whose range lies inside the text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes, type Diagnostic } from '../src/diagnostics.ts';
import { lex } from '../src/lexer.ts';
import { parse, ParseMemo } from '../src/parse.ts';
import { getParser } from '../src/parser/index.ts';
import { analyze, compileGuideline, compileProgram } from '../src/pipeline.ts';
import { keywords } from '../src/tokens.ts';
import { runs } from '../../../test/support/fuzz.ts';
import { guidelineText } from './support/guideline-arbitrary.ts';

const bundledFile = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
const bundled = readFileSync(new URL(`../../../${bundledFile}`, import.meta.url), 'utf8');
/** The rules several bundled guidelines share, which the bundled guideline uses. */
const sharedFile = 'guidelines/shared/physical-medicine-rules.guideline';
const shared = readFileSync(new URL(`../../../${sharedFile}`, import.meta.url), 'utf8');

/** Throws (failing the property) when a diagnostic is malformed or points outside the text. */
function assertWellFormed(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const info = diagnosticCodes[d.code];
    expect(info, `unknown code ${d.code}`).toBeDefined();
    expect(d.severity).toBe(info.severity);
    expect(d.message.length).toBeGreaterThan(0);
    for (const r of [d.range, ...(d.related ?? []).map((x) => x.range)]) {
      expect(Number.isInteger(r.start) && Number.isInteger(r.end), `${d.code} ${JSON.stringify(r)}`).toBe(true);
      expect(0 <= r.start && r.start <= r.end && r.end <= text.length, `${d.code} ${JSON.stringify(r)} in a text of ${text.length}`).toBe(true);
    }
  }
}

/** Everything a user can do with a text: lex, parse, analyze, compile. */
function runAll(text: string): void {
  assertWellFormed(text, lex(text).diagnostics);
  assertWellFormed(text, parse(text).diagnostics);
  assertWellFormed(text, analyze(text).diagnostics);
  const compiled = compileGuideline(text);
  assertWellFormed(text, compiled.diagnostics);
  if (compiled.rules) expect(JSON.stringify(compiled.rules)).not.toMatch(/"path"\s*:/);
}

// Pieces of the language, so random texts reach deep into the grammar rather than stopping at the first character.
const words = [
  ...keywords,
  'completed visits', 'requested visits', 'recommended visits', 'home exercise program', 'injury date', 'diagnosis',
  'visits', 'weeks', 'months', 'per week', 'myalgia', 'physical-therapy', 'mtus.*', 'a.b', 'CA', 'M54.1*',
  '"text"', '"{completed visits}"', '"{', '}', '"', '9-10', '3', '2009-07-18', '<=', '>', '=', '!=', '+', '-', '*', '/',
  ',', ':', '.', '(', ')', '\n', '  ', '# note\n', '@', '{', '\\',
];
const soup = fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((ws) => ws.join(' '));

/** An edit of the bundled guideline: delete `del` characters at `at` and insert `insert`. */
const edit = fc.record({ at: fc.nat({ max: bundled.length }), del: fc.nat({ max: 30 }), insert: fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 8 })) });
const mutated = fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) =>
  edits.reduce((t, e) => {
    const at = Math.min(e.at, t.length);
    return t.slice(0, at) + e.insert + t.slice(at + e.del);
  }, bundled),
);
/** The bundled guideline with whole lines dropped, duplicated or swapped. */
const shuffledLines = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'dup', 'swap')), { minLength: 1, maxLength: 4 }).map((ops) => {
  const lines = bundled.split('\n');
  for (const [a, b, op] of ops) {
    const i = a % lines.length;
    const j = b % lines.length;
    if (op === 'drop') lines.splice(i, 1);
    else if (op === 'dup') lines.splice(i, 0, lines[j]!);
    else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return lines.join('\n');
});

describe('never throws; every range inside the text', () => {
  it('the bundled guideline itself compiles cleanly, with the shared rules it uses', () => {
    expect(compileProgram([{ file: sharedFile, text: shared }, { file: bundledFile, text: bundled }]).diagnostics).toEqual([]);
  });

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), runAll), { numRuns: runs(300) });
  });

  it('on arbitrary unicode, including surrogate pairs', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), runAll), { numRuns: runs(200) });
  });

  it('on token soup', () => {
    fc.assert(fc.property(soup, runAll), { numRuns: runs(400) });
  });

  it('on edits of the bundled guideline', () => {
    fc.assert(fc.property(mutated, runAll), { numRuns: runs(300) });
  });

  it('on the bundled guideline with lines dropped, duplicated or swapped', () => {
    fc.assert(fc.property(shuffledLines, runAll), { numRuns: runs(200) });
  });
});

describe('the shared parser keeps no state between runs', () => {
  it('gives the same diagnostics for a text before and after parsing another', () => {
    fc.assert(
      fc.property(mutated, soup, (a, b) => {
        const first = analyze(a).diagnostics;
        analyze(b);
        expect(analyze(a).diagnostics).toEqual(first);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('the parser that stops at the first error agrees with the one that recovers', () => {
  // parse() reads each declaration with the first and falls back to the second on an error: on text
  // without errors the two must build the same items and reports, and find errors in the same texts.
  const agree = (text: string): void => {
    const { tokens } = lex(text);
    const run = (recovering: boolean) => {
      const p = getParser({ recovering });
      p.begin(tokens);
      const items = p.file();
      return { items, errors: p.errors.length, reports: p.reports, unitReports: p.unitReports };
    };
    const fast = run(false);
    const full = run(true);
    expect(fast.errors > 0).toBe(full.errors > 0);
    if (full.errors === 0) expect(fast).toEqual(full);
  };

  it('on generated guidelines, which have no syntax errors', () => {
    fc.assert(fc.property(guidelineText, (text) => {
      agree(text);
      expect(parse(text).diagnostics.filter((d) => d.code.startsWith('P'))).toEqual([]);
    }), { numRuns: runs(200) });
  });

  it('on edits of the bundled guideline and on token soup', () => {
    fc.assert(fc.property(fc.oneof(mutated, soup, shuffledLines), agree), { numRuns: runs(400) });
  });
});

describe('parsing without a memo agrees with parsing declaration by declaration', () => {
  // Without a memo, text without errors is parsed whole; with one, each declaration alone.
  const agree = (text: string): void => {
    const { comments, ...plain } = parse(text, 'f', null);
    const { comments: kept, ...each } = parse(text, 'f', new ParseMemo());
    expect(plain).toEqual(each);
    expect(comments).toEqual(kept);
  };

  it('on generated guidelines and on edits, soup and shuffles of the bundled one', () => {
    fc.assert(fc.property(fc.oneof(guidelineText, mutated, soup, shuffledLines), agree), { numRuns: runs(400) });
  });

  it('where a declaration keyword stands as a name, which splits the text into declarations', () => {
    for (const text of ['policy guideline', 'class criterion "T" terms "x"', `${bundled}\ncriterion policy "P"\n  require completed visits > 0\n`]) agree(text);
  });
});
