// Decision ids drawn a block at a time: each a version-4 UUID of its own 16 random bytes, formatted as
// the plain way formats them, none repeated across blocks, all from crypto.getRandomValues.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatUuids, newDecisionId } from '../src/decision-id.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

const uuid4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The plain way: the bytes in hex, the version and variant bits set, dashes after bytes 4, 6, 8 and 10. */
function plain(b: Uint8Array): string {
  const x = Array.from(b, (v, i) => (i === 6 ? (v & 0x0f) | 0x40 : i === 8 ? (v & 0x3f) | 0x80 : v).toString(16).padStart(2, '0'));
  return [x.slice(0, 4), x.slice(4, 6), x.slice(6, 8), x.slice(8, 10), x.slice(10)].map((p) => p.join('')).join('-');
}

describe('decision ids', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('format each 16 bytes as the plain way does', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ minLength: 16, maxLength: 16 }), { minLength: 1, maxLength: 8 }), (groups) => {
      const random = new Uint8Array(groups.length * 16);
      groups.forEach((g, i) => random.set(g, i * 16));
      const out = new Uint8Array(groups.length * 36);
      formatUuids(random, out);
      const text = new TextDecoder().decode(out);
      groups.forEach((g, i) => {
        expect(text.slice(i * 36, i * 36 + 36)).toBe(plain(g));
        expect(text.slice(i * 36, i * 36 + 36)).toMatch(uuid4);
      });
    }), { numRuns: runs(300), ...seed(7) });
  });

  it('are drawn from crypto.getRandomValues a block at a time, none repeated across blocks', () => {
    const random = globalThis.crypto;
    let draws = 0;
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array<ArrayBuffer>) => (draws++, random.getRandomValues(b)) });
    const ids = Array.from({ length: 1000 }, () => newDecisionId());
    for (const id of ids) expect(id).toMatch(uuid4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(draws).toBeGreaterThanOrEqual(3);
    expect(draws).toBeLessThanOrEqual(5);
  });
});
