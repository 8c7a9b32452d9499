// Lexing: text -> tokens (comments kept in their own group for the formatter) and L1xx diagnostics.
// A scanner over character codes that reads the patterns of tokens.ts as Chevrotain's lexer did (a
// differential test holds it to that lexer): at each offset the patterns are tried in `allTokens`
// order and the first that matches wins, not the longest. Chevrotain ran a regular expression per
// token and per run of whitespace, and keywords were then re-typed through a Map: this scanner
// does the same in well under half the time.
import type { IToken, TokenType } from 'chevrotain';
import * as T from './tokens.ts';
import { collector, maxDiagnosticsPerFile, type Diagnostic } from './diagnostics.ts';
import { numberReadAs } from './numbers.ts';

// What a token's first character can start (outside ASCII only the two spaces start anything).
const NONE = 0;
const SPACE = 1;
const DIGIT = 2;
const UPPER = 3;
const LOWER = 4;
const HASH = 5;
const QUOTE = 6;
const SYMBOL = 7;
const startKind = new Uint8Array(128);
for (let c = 48; c <= 57; c++) startKind[c] = DIGIT;
for (let c = 65; c <= 90; c++) startKind[c] = UPPER;
for (let c = 97; c <= 122; c++) startKind[c] = LOWER;
for (const c of [9, 10, 11, 12, 13, 32]) startKind[c] = SPACE;
startKind[35] = HASH;
startKind[34] = QUOTE;
for (const ch of '<>!=+-*/,:.()|') startKind[ch.charCodeAt(0)] = SYMBOL;

/**
 * A token type with its index, read once: token types come in many shapes, and reading the index
 * from each for every token was about a tenth of lexing.
 */
interface Kind {
  readonly type: TokenType;
  readonly idx: number;
}
const kind = (type: TokenType): Kind => ({ type, idx: type.tokenTypeIdx! });
const identifier = kind(T.Identifier);
const dateLiteral = kind(T.DateLiteral);
const numberLiteral = kind(T.NumberLiteral);
const codePattern = kind(T.CodePattern);
const upperName = kind(T.UpperName);
const comment = kind(T.Comment);
const stringLiteral = kind(T.StringLiteral);

// Symbols by their first character; the two-character ones come first in `allTokens`.
const pairs: (readonly [string, Kind] | undefined)[] = new Array(128).fill(undefined);
const singles: (readonly [string, Kind] | undefined)[] = new Array(128).fill(undefined);
for (const [image, type] of [['<=', T.LessEq], ['>=', T.GreaterEq], ['!=', T.NotEq], ['||', T.DoublePipe]] as const) pairs[image.charCodeAt(0)] = [image, kind(type)];
for (const [image, type] of [['<', T.Less], ['>', T.Greater], ['=', T.Equals], ['+', T.Plus], ['-', T.Minus], ['*', T.Star], ['/', T.Slash], [',', T.Comma], [':', T.Colon], ['.', T.Dot], ['(', T.LParen], [')', T.RParen], ['|', T.Pipe]] as const) singles[image.charCodeAt(0)] = [image, kind(type)];
/** The two-character symbol that starts with a character, when the next one completes it. */
const pairAt = (codes: Uint16Array, at: number): (readonly [string, Kind]) | undefined => {
  const pair = pairs[codes[at]!];
  return pair !== undefined && codes[at + 1] === pair[0].charCodeAt(1) ? pair : undefined;
};

// Keywords are read as identifiers and re-typed: a keyword pattern (longer_alt Identifier) is a
// keyword exactly when the identifier there is the whole word. The identifier's letters walk a trie
// of the keywords as they are scanned, so a keyword is known without comparing strings, and its
// image is its word: no string is cut for it.
const transitions: number[] = new Array(2 * 26).fill(0);
/** The keyword each state spells, if any, and its word. */
const keywordOfState: (Kind | undefined)[] = [undefined, undefined];
const wordOfState: string[] = ['', ''];
for (const type of T.keywordTokenTypes) {
  const word = (type.PATTERN as RegExp).source;
  let state = 1;
  for (let i = 0; i < word.length; i++) {
    const slot = state * 26 + word.charCodeAt(i) - 97;
    if (transitions[slot] === 0) {
      transitions[slot] = keywordOfState.length;
      transitions.push(...new Array(26).fill(0));
      keywordOfState.push(undefined);
      wordOfState.push('');
    }
    state = transitions[slot]!;
  }
  keywordOfState[state] = kind(type);
  wordOfState[state] = word;
}
/** trie[state * 26 + letter] is the state after that letter: 0 is no keyword, 1 the root. */
const trie = Int16Array.from(transitions);

/** The state after the identifier scan (0 when it is no keyword), set by identifierEnd. */
let keywordState = 0;

// `\d` is ASCII digits only.
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLowerOrDigit = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isUpperOrDigit = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const isAlnum = (c: number): boolean => isLowerOrDigit(c) || (c >= 65 && c <= 90);
/** [ \t\r\n\f\v\u00a0\ufeff] */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff;
/** What `.` (no `s` flag) refuses. */
const isLineTerminator = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** The end of [a-z][a-z0-9]*(?:[-_][a-z0-9]+)* at `at`, with the keyword it spells in `keywordState`. */
function identifierEnd(codes: Uint16Array, at: number): number {
  let state = trie[26 + codes[at]! - 97]!;
  let i = at + 1;
  for (; ; i++) {
    const c = codes[i]!;
    if (c >= 97 && c <= 122) state = trie[state * 26 + c - 97]!;
    else if (c >= 48 && c <= 57) state = 0;
    else break;
  }
  keywordState = state;
  for (;;) {
    const s = codes[i]!;
    if ((s !== 45 && s !== 95) || !isLowerOrDigit(codes[i + 1]!)) return i;
    keywordState = 0;
    for (i += 2; isLowerOrDigit(codes[i]!); ) i++;
  }
}

/**
 * The end of a name that has an upper-case letter (`toString`, `in-Force`) at `at`, where the lower-
 * case name before it ends: [A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)* after the letter, or -1 when no
 * upper-case letter follows. Names are lower case; without this, `toString` would read as the
 * keyword `to` and an upper-case name, and the error would be about a reserved word.
 */
function mixedCaseEnd(codes: Uint16Array, at: number): number {
  const c = codes[at]!;
  const upper = (x: number): boolean => x >= 65 && x <= 90;
  if (!upper(c) && !((c === 45 || c === 95) && upper(codes[at + 1]!))) return -1;
  let i = at + 1;
  for (;;) {
    while (isAlnum(codes[i]!)) i++;
    const s = codes[i]!;
    if ((s !== 45 && s !== 95) || !isAlnum(codes[i + 1]!)) return i;
    i += 2;
  }
}

/** A lower-case spelling of a mixed-case name: a hyphen where a capital followed a letter or digit. */
export function lowerCaseName(word: string): string {
  return word.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Whether \d{4}-\d{2}-\d{2} matches at `at`. */
function isDate(codes: Uint16Array, at: number): boolean {
  for (let i = 1; i < 10; i++) {
    const c = codes[at + i]!;
    if (i === 4 || i === 7 ? c !== 45 : !isDigit(c)) return false;
  }
  return true;
}

/** \d+(?:\.\d+)?, from after its first digit. */
function numberEnd(codes: Uint16Array, i: number): number {
  while (isDigit(codes[i]!)) i++;
  if (codes[i]! === 46 && isDigit(codes[i + 1]!)) {
    i += 2;
    while (isDigit(codes[i]!)) i++;
  }
  return i;
}

/** The end of [A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{0,4})?\*? at `at`, or -1. */
function codeEnd(codes: Uint16Array, at: number): number {
  if (!isDigit(codes[at + 1]!) || !isUpperOrDigit(codes[at + 2]!)) return -1;
  let i = at + 3;
  if (codes[i]! === 46) {
    const last = i + 5;
    for (i++; i < last && isUpperOrDigit(codes[i]!); ) i++;
  }
  if (codes[i]! === 42) i++;
  return i;
}

// The first backslash at or after `backslashSearched` (the text's length when there is none), kept
// so that each stretch of the text is searched for one once, not once per string.
let backslashSearched = 0;
let backslashAt = -1;

/** The offset of the first backslash at or after `i`, or the text's length. */
function backslashFrom(text: string, i: number): number {
  if (i < backslashSearched || i > backslashAt) {
    const b = text.indexOf('\\', i);
    backslashSearched = i;
    backslashAt = b < 0 ? text.length : b;
  }
  return backslashAt;
}

/** The end of "(?:[^"\\]|\\.)*" at `at` (a quote), or -1: to the next quote, unless an escape comes first. */
function stringEnd(text: string, codes: Uint16Array, at: number): number {
  let i = at + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return -1;
    const b = backslashFrom(text, i);
    if (b > q) return q + 1;
    if (isLineTerminator(codes[b + 1]!)) return -1; // b < q: the escaped character is in the text
    i = b + 2;
  }
}

/** Whether some pattern, whitespace and comments included, matches at `at`: where recovery stops dropping characters. */
function matchesAt(text: string, codes: Uint16Array, at: number): boolean {
  const c = codes[at]!;
  if (c >= 128) return c === 0xa0 || c === 0xfeff;
  switch (startKind[c]) {
    case NONE:
      return false;
    case QUOTE:
      return stringEnd(text, codes, at) >= 0;
    case SYMBOL:
      return singles[c] !== undefined || pairAt(codes, at) !== undefined;
    default:
      return true;
  }
}

// The text's UTF-16 code units, scanned as a typed array: lexing went a seventh faster than with
// charCodeAt, the copy included. The arrays are kept between calls, so lexing many small texts
// allocates none; they hold a few bytes per character of the longest text lexed.
const encoder = new TextEncoder();
let bytes = new Uint8Array(0);
let units = new Uint16Array(0);

/**
 * The text's code units, followed by a 0: no pattern goes on over a 0 (a NUL in the text stops
 * them too), so scanning loops need no bounds checks. ASCII text is copied natively through its
 * UTF-8 encoding, which is then the same; other text unit by unit.
 */
function codeUnits(text: string): Uint16Array {
  const n = text.length;
  if (units.length <= n) {
    units = new Uint16Array(n + 1 + (n >> 2));
    bytes = new Uint8Array(units.length);
  }
  const { read, written } = encoder.encodeInto(text, bytes.subarray(0, n));
  if (read === n && written === n) units.set(bytes.subarray(0, n));
  else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  units[n] = 0;
  return units;
}

/**
 * Token objects lent to the lexer: `lex(text, pool)` fills these instead of allocating new ones, so
 * the tokens of one call are good only until the next call with the same pool. parse() lends one,
 * as nothing it returns holds a token: a compile otherwise allocated a token object for every
 * token of every file, and reusing them took about a fifth off a warm compile (fewer young-
 * generation collections, each copying the rules being built). The pool keeps as many tokens as
 * the longest text lexed with it had.
 */
export class TokenPool {
  readonly tokens: IToken[] = [];
}

// The pool of the lex() call under way, if any, and how many of its tokens that call has used.
let pool: IToken[] | undefined;
let pooled = 0;

/** Every token has this shape, properties in this order, so readers see one hidden class. */
function token(image: string, startOffset: number, kind: Kind): IToken {
  const endOffset = startOffset + image.length - 1;
  const reused = pool?.[pooled];
  if (reused === undefined) {
    const t: IToken = { image, startOffset, endOffset, tokenTypeIdx: kind.idx, tokenType: kind.type };
    if (pool !== undefined) pool[pooled++] = t;
    return t;
  }
  pooled++;
  reused.image = image;
  reused.startOffset = startOffset;
  reused.endOffset = endOffset;
  reused.tokenTypeIdx = kind.idx;
  reused.tokenType = kind.type;
  return reused;
}

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  /** At most `maxDiagnosticsPerFile`, and then a P208 that counts the rest. */
  diagnostics: Diagnostic[];
}

/**
 * Splits text into tokens; never throws. Unexpected characters become L101 (a run of them, even
 * with spaces between on one line, is one), an open string L102, a name with an upper-case letter
 * L104 (and one identifier), a number with more digits than its value keeps the warning L105. With a pool, the tokens are the pool's, good until the pool's next use.
 */
export function lex(text: string, tokenPool?: TokenPool): LexResult {
  pool = tokenPool?.tokens;
  pooled = 0;
  try {
    return scan(text);
  } finally {
    pool = undefined;
  }
}

function scan(text: string): LexResult {
  // Sized for a token per 16 characters, about what guideline text has, and cut to length at the
  // end: growing the array by push was a tenth of lexing.
  const tokens: IToken[] = new Array(text.length >> 4);
  let count = 0;
  const comments: IToken[] = [];
  const { diagnostics, report } = collector(undefined, maxDiagnosticsPerFile);
  const n = text.length;
  backslashAt = -1;
  const codes = codeUnits(text);
  let at = 0;
  while (at < n) {
    const start = at;
    const c = codes[at]!;
    switch (c < 128 ? startKind[c] : isSpace(c) ? SPACE : NONE) {
      case SPACE:
        for (at++; isSpace(codes[at]!); ) at++;
        continue;
      case LOWER: {
        at = identifierEnd(codes, at);
        const mixed = mixedCaseEnd(codes, at);
        if (mixed >= 0) {
          at = mixed;
          const word = text.slice(start, at);
          report('L104', { start, end: at }, { word, suggestion: lowerCaseName(word), replacement: lowerCaseName(word) });
          tokens[count++] = token(word, start, identifier);
          continue;
        }
        const k = keywordOfState[keywordState];
        tokens[count++] = k === undefined ? token(text.slice(start, at), start, identifier) : token(wordOfState[keywordState]!, start, k);
        continue;
      }
      case DIGIT:
        if (isDate(codes, at)) {
          at += 10;
          tokens[count++] = token(text.slice(start, at), start, dateLiteral);
        } else {
          at = numberEnd(codes, at + 1);
          const image = text.slice(start, at);
          tokens[count++] = token(image, start, numberLiteral);
          // A number with more digits than its value keeps would mean, silently, another number.
          const readAs = numberReadAs(image);
          if (readAs !== undefined) report('L105', { start, end: at }, { text: image, value: readAs });
        }
        continue;
      case UPPER: {
        const end = codeEnd(codes, at);
        if (end >= 0) {
          at = end;
          tokens[count++] = token(text.slice(start, at), start, codePattern);
        } else {
          for (at++; isAlnum(codes[at]!); ) at++;
          tokens[count++] = token(text.slice(start, at), start, upperName);
        }
        continue;
      }
      case HASH: {
        // #[^\n]*
        const eol = text.indexOf('\n', at);
        at = eol < 0 ? n : eol;
        comments.push(token(text.slice(start, at), start, comment));
        continue;
      }
      case QUOTE: {
        const end = stringEnd(text, codes, at);
        if (end < 0) break;
        at = end;
        tokens[count++] = token(text.slice(start, at), start, stringLiteral);
        continue;
      }
      case SYMBOL: {
        const symbol = pairAt(codes, at) ?? singles[c];
        if (symbol === undefined) break; // a lone '!'
        at += symbol[0].length;
        tokens[count++] = token(symbol[0], start, symbol[1]);
        continue;
      }
    }
    // No pattern matches here: drop characters until one does and report the dropped run as one
    // error, as Chevrotain's recovery did.
    at = unmatchedEnd(text, codes, at, n);
    if (c === 34) {
      report('L102', { start, end: start + 1 });
      continue;
    }
    // Runs apart by only spaces or tabs are one error too: `@ @ @` is one mistake, not three.
    for (;;) {
      let next = at;
      while (codes[next] === 32 || codes[next] === 9) next++;
      if (next === at || next >= n || codes[next] === 34 || matchesAt(text, codes, next)) break;
      at = unmatchedEnd(text, codes, next, n);
    }
    report('L101', { start, end: at }, unexpectedCharacters(text, start, at));
  }
  tokens.length = count;
  return { tokens, comments, diagnostics };
}

/** What to write instead of a character a guideline's printed text has and the language spells otherwise. */
const characterHints: Readonly<Record<string, string>> = {
  '%': ": write 'percent', as in '50 percent'",
  '≤': ": write '<=' or 'is at most'",
  '≥': ": write '>=' or 'is at least'",
  '≠': ": write '!='",
  '–': ": write '-' for a range, as in '8-10'",
  '—': ": write '-' for a range, as in '8-10'",
  '“': ': write straight double quotes around a text, "like this"',
  '”': ': write straight double quotes around a text, "like this"',
  ';': ": join conditions with 'and' or 'or'",
};

/** The arguments of an L101 for the run of characters from `start` to `end`: its first 20, and what to write instead. */
export function unexpectedCharacters(text: string, start: number, end: number): { text: string; hint: string } {
  return { text: text.slice(start, Math.min(end, start + 20)), hint: characterHints[text[start]!] ?? '' };
}

/** The end of the run of characters no pattern matches, from `at` (which none does). */
function unmatchedEnd(text: string, codes: Uint16Array, at: number, n: number): number {
  do at++;
  while (at < n && !matchesAt(text, codes, at));
  return at;
}

