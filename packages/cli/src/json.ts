// JSON documents the CLI reads (cases, test cases): parsed with located errors, and refused before
// anything looks at them when a number is out of range or arrays and objects nest too deep.
import { readLimits, withoutBom } from './read.ts';

export interface JsonError {
  /** 1-based; 0 when the problem has no place in the text (then `field` says where). */
  line: number;
  column: number;
  message: string;
}

/** Parses JSON, turning a syntax error, a number too large and too deep a nesting into located messages. */
export function parseJson(source: string): { value: unknown; error?: undefined } | { value?: undefined; error: JsonError } {
  const text = withoutBom(source);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    return { error: { ...place(text, m ? Number(m[1]) : 0), message: `invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}` } };
  }
  // A number past the largest double parses as Infinity, which JSON cannot even write back (it
  // prints null): say so where it stands. Only a long exponent or 309 digits can make one.
  if (/[eE]\+?\d{3}|\d{309}/.test(text)) {
    const big = hugeNumber(text);
    if (big) return { error: { ...place(text, big.at), message: `a number too large: ${cut(big.text)}` } };
  }
  // The path of a value too deep is worked out only when there is one: most documents are shallow.
  const deep = depthOver(value, readLimits.jsonDepth) ? tooDeep(value, readLimits.jsonDepth, '') : undefined;
  if (deep !== undefined) return { error: { line: 0, column: 0, message: `${cut(deep) || 'the document'}: nests more than ${readLimits.jsonDepth} deep` } };
  return { value };
}

const cut = (s: string): string => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

function place(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
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

/** Whether arrays and objects nest past `limit`, building no path. */
function depthOver(v: unknown, limit: number): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (limit === 0) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (depthOver(v[i], limit - 1)) return true;
  } else {
    for (const k in v) if (Object.hasOwn(v, k) && depthOver((v as Record<string, unknown>)[k], limit - 1)) return true;
  }
  return false;
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
