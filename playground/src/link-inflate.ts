// Inflates a share link's compressed state: a bounded port of lz-string 1.5.0's
// decompressFromEncodedURIComponent (MIT, (c) 2013 pieroxy), same stream format. lz-string's own
// decoder cannot stop early: each code may name a dictionary entry one character longer than the last,
// so n codes stand for about n²/2 characters (a 70 KB link, 450 MB). This one refuses a character outside
// the alphabet and a truncated or inconsistent stream, and stops before the output would pass a limit.

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** Six-bit value of each ASCII character, -1 outside the alphabet; a space reads as '+', as in lz-string. */
const sixBits = new Int8Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) sixBits[alphabet.charCodeAt(i)] = i;
sixBits[32] = sixBits['+'.charCodeAt(0)]!;

export type InflateResult =
  | { ok: true; text: string }
  /** `produced`: characters decoded before stopping (never more than the limit). */
  | { ok: false; error: 'damaged' | 'too-large'; produced: number };

/** Reads the stream's values bit by bit, low bit first, six bits a character. */
class BitReader {
  private index = 0;
  private value = 0;
  private mask = 0;

  constructor(private readonly input: string) {}

  /** The next `bits` bits as a number, or -1 when the input ends first or has a character outside the alphabet. */
  read(bits: number): number {
    let out = 0;
    for (let i = 0, power = 1; i < bits; i++, power *= 2) {
      if (this.mask === 0) {
        if (this.index >= this.input.length) return -1;
        const code = this.input.charCodeAt(this.index++);
        const v = code < 128 ? sixBits[code]! : -1;
        if (v < 0) return -1;
        this.value = v;
        this.mask = 32;
      }
      if (this.value & this.mask) out += power;
      this.mask >>= 1;
    }
    return out;
  }
}

/** A literal character after a 0 (8-bit) or 1 (16-bit) code; undefined when the stream is damaged. */
function literal(bits: BitReader, code: number): string | undefined {
  const c = bits.read(code === 0 ? 8 : 16);
  return c < 0 ? undefined : String.fromCharCode(c);
}

/**
 * The text of an lz-string URI-component stream, or why not: `damaged` (not such a stream, or cut short)
 * or `too-large` (the text would pass `maxChars`). Work and memory are bounded by the input's length and
 * `maxChars`: every entry is measured before it is made, and no dictionary entry is longer than the output.
 */
export function inflateLink(input: string, maxChars: number): InflateResult {
  const bits = new BitReader(input);
  const damaged = (produced: number): InflateResult => ({ ok: false, error: 'damaged', produced });
  const start = bits.read(2);
  if (start === 2) return { ok: true, text: '' };
  if (start !== 0 && start !== 1) return damaged(0); // -1, or 3: no such command
  const c = literal(bits, start);
  if (c === undefined) return damaged(0);
  if (maxChars < 1) return { ok: false, error: 'too-large', produced: 0 };
  // Codes 0-2 are commands (8-bit literal, 16-bit literal, end); entries start at 3. firsts[k] is the
  // first character of entry k, so no entry is ever read into (which could flatten a long rope).
  const dictionary: string[] = ['', '', '', c];
  const firsts: string[] = ['', '', '', c];
  const out: string[] = [c];
  let produced = 1;
  let w = c;
  let wFirst = c;
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (;;) {
    let code = bits.read(numBits);
    if (code < 0) return damaged(produced);
    if (code === 2) return { ok: true, text: out.join('') };
    if (code < 2) {
      const ch = literal(bits, code);
      if (ch === undefined) return damaged(produced);
      dictionary[dictSize] = ch;
      firsts[dictSize] = ch;
      code = dictSize++;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    }
    // An entry already made, or (the one case LZW allows) the entry about to be made: w + w[0].
    if (code > dictSize) return damaged(produced);
    const known = code < dictSize;
    const length = known ? dictionary[code]!.length : w.length + 1;
    if (produced + length > maxChars) return { ok: false, error: 'too-large', produced };
    const entry = known ? dictionary[code]! : w + wFirst;
    const entryFirst = known ? firsts[code]! : wFirst;
    out.push(entry);
    produced += length;
    dictionary[dictSize] = w + entryFirst;
    firsts[dictSize] = wFirst;
    dictSize++;
    w = entry;
    wFirst = entryFirst;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
