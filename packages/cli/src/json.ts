// JSON documents the CLI reads (cases, test cases, lines of a batch, column mappings): parsed with
// located errors, and refused before anything looks at them when a number is out of range, arrays
// and objects nest too deep, or an object gives a key twice.
import { duplicateKeyMessage, duplicateKeys, type DuplicateKey } from '@guideline/runtime';
import { readLimits, withoutBom } from './read.ts';

export interface JsonError {
  /** 1-based; 0 when the problem has no place in the text (then `field` says where). */
  line: number;
  column: number;
  /** The offset in the text (without a byte-order mark) the line and column stand for. */
  offset?: number;
  message: string;
}

/**
 * Parses JSON, turning a syntax error, a number too large, too deep a nesting and a key given twice
 * into located messages. A key given twice is refused at the second: JSON.parse keeps the last
 * value, and a reviewer cannot tell which was meant.
 */
export function parseJson(source: string): { value: unknown; error?: undefined } | { value?: undefined; error: JsonError } {
  const text = withoutBom(source);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    // Some of V8's messages give no position: the text is scanned for it.
    return { error: { ...place(text, m ? Number(m[1]) : syntaxErrorOffset(text)), message: `invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}` } };
  }
  // A number past the largest double parses as Infinity, which JSON cannot even write back (it
  // prints null): say so where it stands. Only a long exponent or 309 digits can make one.
  if (/[eE]\+?\d{3}|\d{309}/.test(text)) {
    const big = hugeNumber(text);
    if (big) return { error: { ...place(text, big.at), message: `a number too large: ${cut(big.text)}` } };
  }
  const kept = keysKept(value, readLimits.jsonDepth);
  // The path of a value too deep is worked out only when there is one: most documents are shallow.
  if (kept < 0) return { error: { line: 0, column: 0, message: `${cut(tooDeep(value, readLimits.jsonDepth, '') ?? '') || 'the document'}: nests more than ${readLimits.jsonDepth} deep` } };
  // Every key is written with one colon after it. As many colons as keys kept: none was given twice
  // (a line of a batch pays for this, so the full pass runs only when the counts differ).
  if (kept !== colons(text) && kept !== colonsOutsideStrings(text)) {
    const [twice] = duplicateKeys(text, 1);
    if (twice) return { error: duplicateKeyError(text, twice) };
  }
  return { value };
}

/** The number of keys in a parsed value's objects, at every depth; -1 when it nests past `limit`. */
function keysKept(v: unknown, limit: number): number {
  if (typeof v !== 'object' || v === null) return 0;
  if (limit === 0) return -1;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const inner = keysKept(v[i], limit - 1);
      if (inner < 0) return -1;
      n += inner;
    }
  } else {
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const inner = keysKept((v as Record<string, unknown>)[k], limit - 1);
      if (inner < 0) return -1;
      n += 1 + inner;
    }
  }
  return n;
}

/** The colons of a text, in strings or not (a quick count: most cases have none in their strings). */
function colons(text: string): number {
  let n = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) n++;
  return n;
}

/** The colons of a JSON text outside its strings: one after each key it writes. */
function colonsOutsideStrings(text: string): number {
  let n = 0;
  for (let at = 0; at < text.length; ) {
    const quote = text.indexOf('"', at);
    const end = quote < 0 ? text.length : quote;
    for (let i = at; i < end; i++) if (text.charCodeAt(i) === 58) n++;
    if (quote < 0) break;
    at = stringEnd(text, quote) + 1;
  }
  return n;
}

/** The offset of the quote that closes the string opened at `quote`: the first not escaped by an odd run of backslashes. */
function stringEnd(text: string, quote: number): number {
  for (let at = quote + 1; ; ) {
    const close = text.indexOf('"', at);
    if (close < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return close;
    at = close + 1;
  }
}

/**
 * `key "jurisdiction" is given twice (first at line 3)`, at the second; the first's column instead
 * when both are on one line (a line of a batch: its line is the one the error is reported at).
 */
function duplicateKeyError(text: string, twice: DuplicateKey): JsonError {
  return { ...place(text, twice.second.start), message: `key ${cut(JSON.stringify(twice.key))} ${duplicateKeyMessage(text, twice)}` };
}

const cut = (s: string): string => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

function place(text: string, offset: number): { line: number; column: number; offset: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n'), offset };
}

/** The first number literal outside strings that does not parse to a finite number. */
function hugeNumber(text: string): { at: number; text: string } | undefined {
  const number = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Past the string: to its closing quote, over escapes.
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      number.lastIndex = i;
      const m = number.exec(text);
      if (!m) continue;
      if (!Number.isFinite(Number(m[0]))) return { at: i, text: m[0] };
      i += m[0].length - 1;
    }
  }
  return undefined;
}

/** The path of the first value nested past `limit` (arrays and objects), '' for the document, or undefined. */
function tooDeep(v: unknown, limit: number, at: string): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  if (limit === 0) return at;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const found = tooDeep(v[i], limit - 1, `${at}[${i}]`);
      if (found !== undefined) return found;
    }
  } else {
    for (const [k, x] of Object.entries(v)) {
      const found = tooDeep(x, limit - 1, at ? `${at}.${k}` : k);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Where a text stops being JSON: the offset of the first character that cannot continue it (the
 * text's length when it ends early). Iterative, so any nesting is safe. For texts JSON.parse refused.
 */
export function syntaxErrorOffset(text: string): number {
  const n = text.length;
  const stack: string[] = [];
  const scalar = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  let i = 0;
  const space = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  /** Past a string at i; false (i at the fault) when it is not one. */
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) return ++i > 0;
      if (c < 32) return false;
      if (c === 92) {
        const e = text[++i] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(e) || e === '') return false;
      }
    }
    return false;
  };
  /** Past `"key":` in an object; false at the fault. */
  const key = (): boolean => {
    space();
    if (!string()) return false;
    space();
    return text[i] === ':' ? ++i > 0 : false;
  };
  let value = true;
  for (;;) {
    space();
    if (value) {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c === '{' ? '}' : ']');
        i++;
        space();
        if (text[i] === stack[stack.length - 1]) (stack.pop(), i++, (value = false));
        else if (c === '{' && !key()) return i;
        continue;
      }
      if (c === '"') {
        if (!string()) return i;
      } else {
        scalar.lastIndex = i;
        const m = scalar.exec(text);
        if (!m) return i;
        i += m[0].length;
      }
      value = false;
      continue;
    }
    const close = stack[stack.length - 1];
    if (close === undefined) return i;
    if (text[i] === close) (stack.pop(), i++);
    else if (text[i] === ',') {
      i++;
      if (close === '}' && !key()) return i;
      value = true;
    } else return i;
  }
}
