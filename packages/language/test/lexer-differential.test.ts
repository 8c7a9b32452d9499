// The hand-written scanner must lex exactly as Chevrotain's lexer does over the same token
// definitions (built as lexer.ts built it before the scanner): the same tokens, comments and
// diagnostics on any text. Three departures are deliberate, and the reference makes them too: a
// name with an upper-case letter is one identifier with an L104 (a pattern of its own, before the
// keywords), runs of unexpected characters apart by only spaces or tabs are one L101, and a number
// with more digits than its value keeps has the warning L105.
import fc from 'fast-check';
import { createToken, Lexer, type IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { collector, maxDiagnosticsPerFile, type Diagnostic, type DiagnosticCode, type Range } from '../src/diagnostics.ts';
import { lex, lowerCaseName, TokenPool, unexpectedCharacters } from '../src/lexer.ts';
import { numberReadAs } from '../src/numbers.ts';
import { allTokens, Identifier, keywords, keywordTokenTypes, NumberLiteral, UpperName, WhiteSpace } from '../src/tokens.ts';
import { bundledSources } from '../../../test/support/bundled.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

const MixedCaseName = createToken({ name: 'MixedCaseName', pattern: /[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*(?:[A-Z]|[-_][A-Z])[A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*/ });
const vocabulary = allTokens.filter((t) => !keywordTokenTypes.includes(t));
vocabulary.splice(vocabulary.indexOf(UpperName) + 1, 0, MixedCaseName);
const reference = new Lexer(vocabulary, { ensureOptimizations: false, positionTracking: 'onlyOffset' });
const keywordByWord = new Map(keywordTokenTypes.map((t) => [(t.PATTERN as RegExp).source, t]));

/** lex() as it was: Chevrotain's tokenize, identifiers re-typed as keywords, errors as L101/L102, mixed-case names L104, numbers read as others L105. */
function referenceLex(text: string): { tokens: IToken[]; comments: IToken[]; diagnostics: Diagnostic[] } {
  const result = reference.tokenize(text);
  const comments = (result.groups['comments'] as IToken[] | undefined) ?? [];
  const found: { code: DiagnosticCode; range: Range; args?: Record<string, unknown> }[] = [];
  for (const t of [...result.tokens, ...comments]) {
    t.endOffset = t.startOffset + t.image.length - 1;
    if (t.tokenType === MixedCaseName) {
      found.push({ code: 'L104', range: { start: t.startOffset, end: t.startOffset + t.image.length }, args: { word: t.image, suggestion: lowerCaseName(t.image), replacement: lowerCaseName(t.image) } });
      t.tokenType = Identifier;
      t.tokenTypeIdx = Identifier.tokenTypeIdx!;
    }
    const readAs = t.tokenType === NumberLiteral ? numberReadAs(t.image) : undefined;
    if (readAs !== undefined) found.push({ code: 'L105', range: { start: t.startOffset, end: t.startOffset + t.image.length }, args: { text: t.image, value: readAs } });
    const k = t.tokenType === Identifier ? keywordByWord.get(t.image) : undefined;
    if (k !== undefined) {
      t.tokenType = k;
      t.tokenTypeIdx = k.tokenTypeIdx!;
    }
  }
  let last: { start: number; end: number } | undefined;
  for (const e of result.errors) {
    const ch = text.slice(e.offset, e.offset + e.length);
    if (ch.startsWith('"')) {
      found.push({ code: 'L102', range: { start: e.offset, end: e.offset + 1 } });
      last = undefined;
    } else if (last && /^[ \t]+$/.test(text.slice(last.end, e.offset))) last.end = e.offset + e.length;
    else found.push({ code: 'L101', range: (last = { start: e.offset, end: e.offset + Math.max(1, e.length) }) });
  }
  found.sort((a, b) => a.range.start - b.range.start);
  const { diagnostics, report } = collector(undefined, maxDiagnosticsPerFile);
  for (const f of found) report(f.code, f.range, f.args ?? (f.code === 'L101' ? unexpectedCharacters(text, f.range.start, f.range.end) : {}));
  return { tokens: result.tokens, comments, diagnostics };
}

// Token types compared by name and index: each token type has its own index.
const plain = (ts: IToken[]) => ts.map((t) => ({ type: t.tokenType.name, image: t.image, start: t.startOffset, end: t.endOffset, idx: t.tokenTypeIdx }));

function sameAsChevrotain(text: string): void {
  const want = referenceLex(text);
  const got = lex(text);
  expect(plain(got.tokens)).toEqual(plain(want.tokens));
  expect(plain(got.comments)).toEqual(plain(want.comments));
  expect(got.diagnostics).toEqual(want.diagnostics);
}

// The characters where the patterns differ: digits and the date's '-', the code's '.' and '*',
// escapes and line terminators inside strings, the two non-ASCII spaces, and characters that match nothing.
const interesting = [
  '0', '1', '4', '9', '-', '.', '*', '"', '\\', '\n', '\r', '\u2028', '\u2029', '\u00a0', '\ufeff', '\t', '\v', '\f', ' ', '#',
  'A', 'M', 'Z', 'x', 'a', 'z', 'é', '_', '<', '>', '=', '!', '+', '/', ',', ':', '(', ')', '|', '@', ';', '{', '}', '\ud83d', '\ude00',
];
// Longer pieces, so dates, codes with their decimals and keyword look-alikes come up too.
const pieces = ['2020', '2020-01', '20', '-0', '01', 'M54', 'G90.5*', 'M6', '.12', 'in', 'is', 'known', 'in-force', 'a_b', 'Ab', '"x', '\\"', '# c\n', '!=', '||', '|||', '9007199254740993', '8.00000000000000001'];
const rich = fc.string({ unit: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...interesting) }, { weight: 1, arbitrary: fc.constantFrom(...pieces) }), maxLength: 60, size: 'medium' });

const words = [
  ...keywords, 'visits', 'per week', 'physical-therapy', 'mtus.*', 'CA', 'TX', 'M54.1*', 'M60.*', 'M54.12345', 'M54x', 'M5', '"text"', '"', '"a\\"b"',
  '2009-07-18', '2009-7-18', '2020-01', '2020-01-0', '9-10', '0.5', '3.', '12345678901234567890', '1.0000000000000000001', 'abc-', '<=', '>=', '!=', '!', '<', '>', '=', '+', '-', '*', '/', ',', ':', '.', '(', ')', '|', '||',
  '\n', '  ', '\u00a0', '# note\n', '#', '@', '{', '}', '\\',
];
const soup = fc.array(fc.constantFrom(...words), { maxLength: 60, size: 'medium' }).map((ws) => ws.join(' '));
const tightSoup = fc.array(fc.constantFrom(...words), { maxLength: 40, size: 'medium' }).map((ws) => ws.join(''));

const guidelines = bundledSources().map((s) => s.text);
const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 30 }), insert: fc.oneof(fc.constantFrom(...words), rich, fc.string({ unit: 'binary', maxLength: 8 })) });
const edited = fc.tuple(fc.nat({ max: guidelines.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([g, edits]) =>
  edits.reduce((t, e) => {
    const at = e.at % (t.length + 1);
    return t.slice(0, at) + e.insert + t.slice(at + e.del);
  }, guidelines[g]!),
);

describe('the scanner lexes as Chevrotain does', () => {
  it('on every bundled guideline', () => {
    expect(guidelines.length).toBeGreaterThan(10);
    for (const text of guidelines) sameAsChevrotain(text);
  });

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, size: 'medium' }), sameAsChevrotain), { ...seed(51), numRuns: runs(1000) });
  });

  it('on arbitrary unicode, including lone surrogates', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100, size: 'medium' }), sameAsChevrotain), { ...seed(52), numRuns: runs(1000) });
  });

  it("on strings of the patterns' interesting characters", () => {
    fc.assert(fc.property(rich, sameAsChevrotain), { ...seed(53), numRuns: runs(5000) });
  });

  it('on token soup, spaced and run together', () => {
    fc.assert(fc.property(fc.oneof(soup, tightSoup), sameAsChevrotain), { ...seed(54), numRuns: runs(2000) });
  });

  it('on edits of the bundled guidelines', () => {
    fc.assert(fc.property(edited, sameAsChevrotain), { ...seed(55), numRuns: runs(300) });
  });

  it('the generated texts reach every token type and every diagnostic', () => {
    const reached = new Set<string>();
    for (const arb of [rich, soup, tightSoup]) {
      for (const text of fc.sample(arb, { numRuns: 300, seed: 56 })) {
        const { tokens, comments, diagnostics } = lex(text);
        for (const t of tokens) reached.add(t.tokenType.name.endsWith('Kw') ? 'keyword' : t.tokenType.name);
        if (comments.length) reached.add('Comment');
        for (const d of diagnostics) reached.add(d.code);
      }
    }
    const names = allTokens.filter((t) => t.PATTERN !== Lexer.NA && t !== WhiteSpace && !keywordTokenTypes.includes(t)).map((t) => t.name);
    expect([...reached].sort()).toEqual([...names, 'keyword', 'L101', 'L102', 'L104', 'L105'].sort());
  });
});

describe('with a pool of tokens', () => {
  // parse() lends the lexer one pool for every text: each text's tokens must be what a fresh lex
  // gives, whatever the pool held (longer texts, shorter ones, other token types in each slot).
  it('gives, text after text, the tokens a fresh lex gives', () => {
    const pool = new TokenPool();
    fc.assert(
      fc.property(fc.array(fc.oneof(rich, soup, edited), { minLength: 2, maxLength: 6 }), (texts) => {
        for (const text of texts) {
          const got = lex(text, pool);
          const want = lex(text);
          expect(plain(got.tokens)).toEqual(plain(want.tokens));
          expect(plain(got.comments)).toEqual(plain(want.comments));
          expect(got.diagnostics).toEqual(want.diagnostics);
          // Every token keeps the one shape: the same keys, in the same order.
          for (const t of [...got.tokens, ...got.comments]) expect(Object.keys(t)).toEqual(['image', 'startOffset', 'endOffset', 'tokenTypeIdx', 'tokenType']);
        }
      }),
      { ...seed(57), numRuns: runs(200) },
    );
  });

  it('lends its tokens to one call at a time; a call without it allocates its own', () => {
    const pool = new TokenPool();
    const first = lex('guideline a.b', pool).tokens[0]!;
    expect(lex('criterion c', pool).tokens[0]).toBe(first);
    expect(first.image).toBe('criterion');
    expect(lex('criterion c').tokens[0]).not.toBe(first);
  });
});
