// Lexer: one row per input, the expected tokens as `Type(image)` (keywords as their word) and the
// diagnostics as `code@start-end`.
import { describe, expect, it } from 'vitest';
import { maxDiagnosticsPerFile } from '../src/diagnostics.ts';
import { lex } from '../src/lexer.ts';
import { keywords } from '../src/tokens.ts';

function tokens(text: string): string {
  return lex(text)
    .tokens.map((t) => (t.tokenType.name.endsWith('Kw') ? t.image : `${t.tokenType.name}(${t.image})`))
    .join(' ');
}

function problems(text: string): string {
  return lex(text)
    .diagnostics.map((d) => `${d.code}@${d.range.start}-${d.range.end}`)
    .join(' ');
}

describe('tokens', () => {
  it.each([
    ['', ''],
    ['completed visits', 'Identifier(completed) Identifier(visits)'],
    ['physical-therapy', 'Identifier(physical-therapy)'],
    ['not-documented', 'Identifier(not-documented)'],
    ['home_program', 'Identifier(home_program)'],
    // Keywords only when the whole word is the keyword.
    ['is known', 'is known'],
    ['income', 'Identifier(income)'],
    ['isle', 'Identifier(isle)'],
    ['title2', 'Identifier(title2)'],
    ['criterion-x', 'Identifier(criterion-x)'],
    ['in-force known-facts', 'Identifier(in-force) Identifier(known-facts)'],
    ['in force', 'in force'],
    ['guideline mtus.chronic-pain.physical-medicine', 'guideline Identifier(mtus) Dot(.) Identifier(chronic-pain) Dot(.) Identifier(physical-medicine)'],
    ['mtus.*', 'Identifier(mtus) Dot(.) Star(*)'],
    // Numbers, ranges and dates.
    ['24', 'NumberLiteral(24)'],
    ['0.5', 'NumberLiteral(0.5)'],
    ['9-10', 'NumberLiteral(9) Minus(-) NumberLiteral(10)'],
    ['2009-07-18', 'DateLiteral(2009-07-18)'],
    ['2009-7-18', 'NumberLiteral(2009) Minus(-) NumberLiteral(7) Minus(-) NumberLiteral(18)'],
    ['-3', 'Minus(-) NumberLiteral(3)'],
    // ICD-10 codes and upper-case names.
    ['M54.12', 'CodePattern(M54.12)'],
    ['M54.1*', 'CodePattern(M54.1*)'],
    ['M60.*', 'CodePattern(M60.*)'],
    ['G90.5*, M79.2*', 'CodePattern(G90.5*) Comma(,) CodePattern(M79.2*)'],
    ['CA', 'UpperName(CA)'],
    ['TX', 'UpperName(TX)'],
    // Strings keep their quotes; escapes and line breaks are part of the string.
    ['"myalgia"', 'StringLiteral("myalgia")'],
    ['"a \\"b\\" c"', 'StringLiteral("a \\"b\\" c")'],
    ['"two\nlines"', 'StringLiteral("two\nlines")'],
    ['""', 'StringLiteral("")'],
    // Comparison symbols: the longest match wins.
    ['a <= b', 'Identifier(a) LessEq(<=) Identifier(b)'],
    ['a>=b', 'Identifier(a) GreaterEq(>=) Identifier(b)'],
    ['a != b', 'Identifier(a) NotEq(!=) Identifier(b)'],
    ['< > = + - * / , : ( )', 'Less(<) Greater(>) Equals(=) Plus(+) Minus(-) Star(*) Slash(/) Comma(,) Colon(:) LParen(() RParen())'],
    // The first pattern that matches wins, not the longest: dates, then numbers, codes, upper-case names.
    ['M54x', 'CodePattern(M54) Identifier(x)'],
    ['M54X', 'CodePattern(M54) UpperName(X)'],
    ['M5', 'UpperName(M5)'],
    ['M54.12345', 'CodePattern(M54.1234) NumberLiteral(5)'],
    ['M54.', 'CodePattern(M54.)'],
    ['2020-01-0', 'NumberLiteral(2020) Minus(-) NumberLiteral(01) Minus(-) NumberLiteral(0)'],
    ['2020-01-012', 'DateLiteral(2020-01-01) NumberLiteral(2)'],
    ['3.', 'NumberLiteral(3) Dot(.)'],
    ['1.2.3', 'NumberLiteral(1.2) Dot(.) NumberLiteral(3)'],
    ['abc-', 'Identifier(abc) Minus(-)'],
    ['a--b', 'Identifier(a) Minus(-) Minus(-) Identifier(b)'],
    // Names are lower case: one with an upper-case letter is one (misspelt) name, with an L104.
    ['aB', 'Identifier(aB)'],
    ['toString', 'Identifier(toString)'],
    ['in-Force x', 'Identifier(in-Force) Identifier(x)'],
    ['abc-Def_gh', 'Identifier(abc-Def_gh)'],
    ['aM54.1', 'Identifier(aM54) Dot(.) NumberLiteral(1)'],
    ['"a\u2028b"', 'StringLiteral("a\u2028b")'],
    // Comments are set aside, whitespace skipped.
    ['# a comment', ''],
    ['# a\rb\nc', 'Identifier(c)'],
    ['visits # CP-4\nweeks', 'Identifier(visits) Identifier(weeks)'],
    ['\t\r\n\u00a0\ufeffvisits', 'Identifier(visits)'],
  ])('%j', (text, expected) => {
    expect(tokens(text)).toBe(expected);
  });

  it.each(keywords.map((k) => [k]))('keyword %s lexes as itself', (k) => {
    const [t] = lex(k).tokens;
    expect(t?.tokenType.name).toBe(k[0]!.toUpperCase() + k.slice(1) + 'Kw');
  });
});

describe('token objects', () => {
  it('have one shape, keywords and comments included', () => {
    const { tokens: ts, comments } = lex('title visits "x" M54 # note');
    for (const t of [...ts, ...comments]) expect(Object.keys(t)).toEqual(['image', 'startOffset', 'endOffset', 'tokenTypeIdx', 'tokenType']);
    expect(ts.map((t) => [t.tokenType.name, t.tokenTypeIdx === t.tokenType.tokenTypeIdx, t.endOffset])).toEqual([
      ['TitleKw', true, 4],
      ['Identifier', true, 11],
      ['StringLiteral', true, 15],
      ['CodePattern', true, 19],
    ]);
  });
});

describe('comments', () => {
  it('keeps comments apart with their offsets', () => {
    const { comments, tokens: ts } = lex('covers pt # the rest\n# whole line');
    expect(comments.map((c) => [c.image, c.startOffset])).toEqual([
      ['# the rest', 10],
      ['# whole line', 21],
    ]);
    expect(ts.map((t) => t.image)).toEqual(['covers', 'pt']);
  });
});

describe('diagnostics', () => {
  it.each([
    ['visits', ''],
    ['@', 'L101@0-1'],
    ['a @ b', 'L101@2-3'],
    ['a @@ b', 'L101@2-4'],
    ['a ; b ; c', 'L101@2-3 L101@6-7'],
    ['"open', 'L102@0-1'],
    ['title "open\n  covers pt', 'L102@6-7'],
    ['Ünïcode', 'L101@0-1 L101@2-3'],
    ['😀 visits', 'L101@0-2'],
    ['a_-b', 'L101@1-2'],
    ['! =', 'L101@0-1'],
    ['\u2028', 'L101@0-1'],
    // An escape cannot take a line break: the string ends nowhere, and the backslash is unexpected.
    ['"a\\\nb"', 'L102@0-1 L101@2-3 L102@5-6'],
    ['"a\\\u2028b"', 'L102@0-1 L101@2-4 L102@5-6'],
    // A run of unexpected characters ends where some pattern matches: a string, a space, a word.
    ['@"x"', 'L101@0-1'],
    ['@ "open', 'L101@0-1 L102@2-3'],
    ['@"x', 'L101@0-2'],
    ['"\\"', 'L102@0-1'],
    // Runs apart by only spaces or tabs on one line are one error.
    ['@ @ @', 'L101@0-5'],
    ['@ \t@\n@', 'L101@0-4 L101@5-6'],
    ['@ @ "open', 'L101@0-3 L102@4-5'],
    ['@ x @', 'L101@0-1 L101@4-5'],
    // A name with an upper-case letter, over the whole word.
    ['toString', 'L104@0-8'],
    ['class toString "x"', 'L104@6-14'],
    ['completedVisits > 2', 'L104@0-15'],
    ['income in-force', ''],
    // A number with more digits than its value keeps: a warning over the number.
    ['8.00000000000000000000001 weeks', 'L105@0-25'],
    ['x <= 12345678901234567890', 'L105@5-25'],
    ['9007199254740993', 'L105@0-16'],
    ['0.12345678901234567891', 'L105@0-22'],
    ['1' + '0'.repeat(400), 'L105@0-401'],
    ['0.' + '0'.repeat(400) + '1', 'L105@0-403'],
    // The same value however written, and what a double keeps exactly or as its nearest: nothing.
    ['8.0 08 1.50 0.0 000000000000000000000', ''],
    ['8.000000000000000000000000 008.000000000000000000', ''],
    ['9007199254740992 1000000000000000000000 100000000000000000000000', ''],
    ['123456789012345 0.1 0.30000000000000004 17976931348623157' + '0'.repeat(292), ''],
  ])('%j', (text, expected) => {
    expect(problems(text)).toBe(expected);
  });

  it('L105 names the value the number is read as', () => {
    expect(lex('8.00000000000000000000001').diagnostics.map((d) => [d.message, d.data])).toEqual([
      ['This number is read as 8: it has more digits than can be kept', { text: '8.00000000000000000000001', value: '8' }],
    ]);
    expect(lex('9007199254740993').diagnostics[0]!.data).toEqual({ text: '9007199254740993', value: '9007199254740992' });
    expect(lex('1' + '0'.repeat(400)).diagnostics[0]!.data!['value']).toBe('Infinity');
  });

  it('L104 says names are lower case and suggests one', () => {
    expect(lex('toString').diagnostics.map((d) => d.message)).toEqual(["Names are lower case: write 'to-string' rather than 'toString'"]);
  });

  it(`keeps ${maxDiagnosticsPerFile} diagnostics and counts the rest into one P208`, () => {
    const { diagnostics } = lex('@\n'.repeat(1000) + 'x y;'.repeat(10));
    expect(diagnostics.map((d) => d.code)).toEqual([...Array(maxDiagnosticsPerFile).fill('L101'), 'P208']);
    expect(diagnostics[maxDiagnosticsPerFile]!).toMatchObject({ range: { start: 2 * maxDiagnosticsPerFile, end: 2 * maxDiagnosticsPerFile + 1 }, severity: 'error', data: { count: 1010 - maxDiagnosticsPerFile } });
    expect(diagnostics[maxDiagnosticsPerFile]!.message).toBe(`${1010 - maxDiagnosticsPerFile} more errors not shown: a file reports at most ${maxDiagnosticsPerFile}`);
  });

  it('keeps lexing after a bad character', () => {
    expect(tokens('a @ b')).toBe('Identifier(a) Identifier(b)');
  });

  it('L101 names the character it could not read', () => {
    expect(lex('a @ b').diagnostics[0]?.message).toBe("Unexpected character '@'");
  });

  it.each<[string, string]>([
    ['relief >= 50%', "Unexpected character '%': write 'percent', as in '50 percent'"],
    ['visits ≤ 10', "Unexpected character '≤': write '<=' or 'is at most'"],
    ['visits ≥ 10', "Unexpected character '≥': write '>=' or 'is at least'"],
    ['visits ≠ 10', "Unexpected character '≠': write '!='"],
    ['8–10 visits', "Unexpected character '–': write '-' for a range, as in '8-10'"],
    ['8—10 visits', "Unexpected character '—': write '-' for a range, as in '8-10'"],
    ['title “T', 'Unexpected character \'“\': write straight double quotes around a text, "like this"'],
    ['a; b', "Unexpected character ';': join conditions with 'and' or 'or'"],
  ])('L101 says what to write for a character of a printed guideline: %s', (text, message) => {
    expect(lex(text).diagnostics[0]?.message).toBe(message);
  });

  it('L102 says what is missing', () => {
    expect(lex('"open').diagnostics[0]?.message).toBe('Unterminated string: a closing " is missing');
  });
});
