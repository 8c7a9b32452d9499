// Share links an attacker could send: many errors in little space, and compressed streams crafted to
// inflate far past any real text (lz-string's dictionary lets n codes stand for about n²/2 characters).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// lz-string is CommonJS with no names node can see from an ES module (vitest bridges that, tsx does not).
const { compressToEncodedURIComponent } = createRequire(import.meta.url)('lz-string') as typeof import('lz-string');

export const seedFile = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';

/** The seed case as the case panel shows it: a valid case, so a link's only trouble is its guideline. */
export const seedCaseText = `${JSON.stringify((JSON.parse(readFileSync(new URL('../../../guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json', import.meta.url), 'utf8')) as { case: unknown }).case, null, 2)}\n`;

/** A share hash holding any JSON value, compressed as the playground compresses its state. */
export const shareHashOf = (value: unknown): string => `#share=${compressToEncodedURIComponent(JSON.stringify(value))}`;

/** A share hash whose guideline text has `n` lexical errors (each `@` is one) in a couple of KB. */
export const manyErrorsHash = (n: number, caseText = seedCaseText): string => shareHashOf({ v: 1, file: seedFile, text: '@\n'.repeat(n), caseText });

/** Writes values bit by bit as lz-string's URI-safe encoding does: low bit first, six bits a character. */
class BitWriter {
  private static readonly alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  private readonly chars: string[] = [];
  private value = 0;
  private position = 0;

  write(value: number, bits: number): void {
    for (let i = 0; i < bits; i++) {
      this.value = (this.value << 1) | (value & 1);
      value >>= 1;
      if (this.position === 5) {
        this.chars.push(BitWriter.alphabet[this.value]!);
        this.position = 0;
        this.value = 0;
      } else this.position++;
    }
  }

  finish(): string {
    while (this.position !== 0) this.write(0, 1);
    return this.chars.join('');
  }
}

/**
 * A compressed stream (the part after `#share=`) that inflates to at least `chars` copies of `c`: one
 * literal, then each code names the dictionary entry being made (`w + w[0]`), one longer every time.
 * A few tens of KB stand for hundreds of MB.
 */
export function bombPayload(chars: number, c = 'a'): string {
  const out = new BitWriter();
  out.write(0, 2);
  out.write(c.charCodeAt(0), 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  let length = 1;
  for (let total = 1; total < chars; total += length) {
    out.write(dictSize, numBits);
    length++;
    dictSize++;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  out.write(2, numBits);
  return out.finish();
}

/** A stream whose second code names an entry the dictionary cannot have yet (lz-string returns null). */
export function pastDictionaryPayload(): string {
  const out = new BitWriter();
  out.write(0, 2);
  out.write('a'.charCodeAt(0), 8);
  out.write(5, 3); // the dictionary holds entries up to 3 and may only name 4 next
  out.write(2, 3);
  return out.finish();
}
