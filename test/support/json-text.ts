// JSON texts for the tests of where fields and keys stand: what JSON.stringify writes, but with a key
// of one object written again.

/**
 * JSON.stringify's text of `v`, but the `nth` object with keys (in the order they close) writes one
 * of them again (the `pick`th, counted round), with `other` as its value, last.
 */
export function withKeyTwice(v: unknown, nth: number, pick: number, other: unknown): { text: string; key: string } {
  let seen = 0;
  let key = '';
  const write = (x: unknown): string => {
    if (Array.isArray(x)) return `[${x.map(write).join(',')}]`;
    if (x === null || typeof x !== 'object') return JSON.stringify(x);
    const keys = Object.keys(x);
    const parts = keys.map((k) => `${JSON.stringify(k)}:${write((x as Record<string, unknown>)[k])}`);
    if (keys.length && seen++ === nth) parts.push(`${JSON.stringify((key = keys[pick % keys.length]!))}:${JSON.stringify(other)}`);
    return `{${parts.join(',')}}`;
  };
  return { text: write(v), key };
}

/** How many objects with keys `v` holds, itself included. */
export const objectsWithKeys = (x: unknown): number =>
  Array.isArray(x) ? x.reduce((n: number, y) => n + objectsWithKeys(y), 0) : x && typeof x === 'object' ? (Object.keys(x).length ? 1 : 0) + Object.values(x).reduce((n: number, y) => n + objectsWithKeys(y), 0) : 0;
