// A determination's decision id: a random UUID (version 4) from the platform's cryptographic random
// numbers (crypto.getRandomValues, in Node and in any page). Drawn and formatted a block at a time:
// a batch names every determination, and one id at a time cost a tenth of a decision-only case.

/** Ids drawn and formatted at once (4 KiB of random bytes). */
const BLOCK = 256;
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const bytes = new Uint8Array(16 * BLOCK);
const chars = new Uint8Array(36 * BLOCK);
let block = '';
let next = BLOCK;

/**
 * Each 16 bytes of `random` as a version-4 UUID (its version and variant bits set), the ids one after
 * another, 36 characters each, written into `out` (36 bytes for every 16 of `random`).
 */
export function formatUuids(random: Uint8Array, out: Uint8Array): void {
  for (let b = 0, o = 0; b < random.length; b += 16) {
    for (let k = 0; k < 16; k++) {
      if (k === 4 || k === 6 || k === 8 || k === 10) out[o++] = 45; // '-'
      let x = random[b + k]!;
      if (k === 6) x = (x & 0x0f) | 0x40;
      else if (k === 8) x = (x & 0x3f) | 0x80;
      out[o++] = HEX[x >> 4]!;
      out[o++] = HEX[x & 15]!;
    }
  }
}

export function newDecisionId(): string {
  if (next === BLOCK) {
    globalThis.crypto.getRandomValues(bytes);
    formatUuids(bytes, chars);
    // ASCII only: the text is a string of one-byte characters, and each id a slice of it.
    block = new TextDecoder().decode(chars);
    bytes.fill(0);
    next = 0;
  }
  const at = 36 * next++;
  return block.slice(at, at + 36);
}
