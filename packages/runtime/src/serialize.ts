// A determination as JSON text, byte for byte what JSON.stringify gives, made faster for a batch:
// decision-only criterion results and guidelines are shared and frozen (evaluate.ts), so each one's
// text is made once and reused by every determination that holds it.
import type { Determination } from './types.ts';

const texts = new WeakMap<object, string>();

/** JSON.stringify of a value; of a frozen object, made once. */
function shared(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || !Object.isFrozen(v)) return JSON.stringify(v);
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

/**
 * `JSON.stringify(d)`: its own keys in order, each value as JSON.stringify writes it (a key whose
 * value it leaves out, undefined, left out too), the criteria's and the guideline's texts reused
 * when they are shared.
 */
export function determinationJson(d: Determination): string {
  const criteria = d.criteria;
  if (!Array.isArray(criteria) || criteria.length === 0 || !Object.isFrozen(criteria[0])) return JSON.stringify(d);
  let out = '{';
  for (const key in d) {
    if (!Object.hasOwn(d, key)) continue;
    const v = (d as unknown as Record<string, unknown>)[key];
    const text = key === 'criteria' ? listText(criteria) : shared(v);
    if (text === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + text;
  }
  return out + '}';
}
