// A determination as JSON text, byte for byte what JSON.stringify gives, made faster for a batch:
// criterion results and guidelines are shared and frozen (decision-only ones by evaluate.ts, full
// ones by reuse.ts), so each one's text is made once and reused by every determination that holds it.
import type { Determination } from './types.ts';

const texts = new WeakMap<object, string>();
/** Each key's text with its colon, made once (a determination's keys are few and the same). */
const keyTexts = new Map<string, string>();
/** What JSON.stringify escapes in a string: quote, backslash, control characters, and (if lone) surrogates. */
const escaped = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify of a string: quoted as it is when nothing in it needs escaping. */
function stringText(s: string): string {
  return escaped.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** JSON.stringify of a value; of a frozen object, made once; of a string, number or list of them, without a call into JSON. */
function shared(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return stringText(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(v);
  }
  if (v === null) return 'null';
  if (!Object.isFrozen(v)) return Array.isArray(v) && !('toJSON' in v) ? listText(v) : JSON.stringify(v);
  let t = texts.get(v);
  if (t === undefined) {
    t = JSON.stringify(v);
    texts.set(v, t);
  }
  return t;
}

/** JSON.stringify of a list, each frozen item's text made once. */
function listText(list: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) out += (i ? ',' : '') + (shared(list[i]) ?? 'null');
  return out + ']';
}

function keyText(key: string): string {
  let t = keyTexts.get(key);
  if (t === undefined) {
    t = JSON.stringify(key) + ':';
    // Bounded: a determination's keys are a handful, but an object from outside could have any.
    if (keyTexts.size < 256) keyTexts.set(key, t);
  }
  return t;
}

/**
 * `JSON.stringify(d)`: its own keys in order, each value as JSON.stringify writes it (a key whose
 * value it leaves out, undefined, left out too), the criteria's and the guideline's texts reused
 * when they are shared.
 */
export function determinationJson(d: Determination): string {
  const criteria = d.criteria;
  if (!Array.isArray(criteria) || criteria.length === 0 || 'toJSON' in d || 'toJSON' in criteria) return JSON.stringify(d);
  let out = '{';
  for (const key in d) {
    if (!Object.hasOwn(d, key)) continue;
    const v = (d as unknown as Record<string, unknown>)[key];
    const text = key === 'criteria' ? listText(criteria) : shared(v);
    if (text === undefined) continue;
    out += (out.length > 1 ? ',' : '') + keyText(key) + text;
  }
  return out + '}';
}
