// Properties of share-link decoding (in `pnpm fuzz`, scaled by FUZZ_SCALE): any string, a valid link cut
// short or with characters changed, and links crafted to inflate large all give a valid state or a named
// problem, never a throw, and inflating never produces more than its limit.
import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { runs, seed } from '../../test/support/fuzz.ts';
import { linkMaxDecodedChars } from '../src/limits.ts';
import { inflateLink } from '../src/link-inflate.ts';
import { isAcceptableFileName, readShareLink, type ShareLinkProblem } from '../src/share-link.ts';
import { bombPayload, seedFile, shareHashOf } from './support/share-attacks.ts';

const workspace = new Set([seedFile]);
const problems: ShareLinkProblem[] = ['link-too-long', 'too-large', 'damaged', 'unsupported-version', 'invalid-state', 'unsafe-file-name'];
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** Reads a hash and checks the answer is a valid state or a named problem. */
function expectStateOrProblem(hash: string): void {
  const r = readShareLink(hash, workspace);
  expect(r).toBeDefined();
  if (r!.ok) {
    expect(r!.state.files.every((f) => isAcceptableFileName(f.file, workspace) && typeof f.text === 'string')).toBe(true);
    expect(isAcceptableFileName(r!.state.open, workspace) && typeof r!.state.caseText === 'string').toBe(true);
    expect(r!.state.files.reduce((n, f) => n + f.text.length, 0) + r!.state.caseText.length).toBeLessThanOrEqual(linkMaxDecodedChars);
  } else expect(problems).toContain(r!.problem);
}

const linkChars = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 400 });
const state = fc.record({ v: fc.constant(1), file: fc.constantFrom(seedFile, 'guidelines/x/y.guideline', '__proto__', '../x'), text: fc.string({ maxLength: 300 }), caseText: fc.string({ maxLength: 100 }) });
const validLink = state.map((s) => compressToEncodedURIComponent(JSON.stringify(s)));

describe('share-link decoding never throws and names what it refuses', () => {
  it('any string after #share=', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), linkChars), (s) => expectStateOrProblem(`#share=${s}`)), { ...seed(31), numRuns: runs(400) });
  });

  it('a valid link cut short', () => {
    fc.assert(fc.property(validLink, fc.nat(), (link, at) => expectStateOrProblem(`#share=${link.slice(0, at % (link.length + 1))}`)), { ...seed(32), numRuns: runs(300) });
  });

  it('a valid link with characters changed', () => {
    const flips = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...alphabet)), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(validLink, flips, (link, changes) => {
        const chars = [...link];
        for (const [at, c] of changes) chars[at % chars.length] = c;
        expectStateOrProblem(`#share=${chars.join('')}`);
      }),
      { ...seed(33), numRuns: runs(300) },
    );
  });

  it('a link crafted to inflate large stops at the limit', () => {
    const size = fc.integer({ min: 1, max: 500_000_000 });
    fc.assert(
      fc.property(size, fc.constantFrom('a', '{', '"', 'é'), (chars, c) => {
        const payload = bombPayload(chars, c);
        const r = inflateLink(payload, linkMaxDecodedChars);
        if (r.ok) {
          expect(r.text.length).toBeGreaterThanOrEqual(chars);
          expect(r.text.length).toBeLessThanOrEqual(linkMaxDecodedChars);
          expect(r.text).toBe(c.repeat(r.text.length));
        } else {
          expect(r.error).toBe('too-large');
          expect(r.produced).toBeLessThanOrEqual(linkMaxDecodedChars);
          expect(chars).toBeGreaterThan(linkMaxDecodedChars - 2000); // the bomb's last entry may carry it over
        }
        expectStateOrProblem(`#share=${payload}`);
      }),
      { ...seed(34), numRuns: runs(40) },
    );
  });

  it('a state whose text repeats a piece: valid up to the limit, too-large past it', () => {
    const piece = fc.string({ minLength: 1, maxLength: 8 });
    const chars = fc.oneof(fc.integer({ min: linkMaxDecodedChars - 200, max: linkMaxDecodedChars + 200 }), fc.integer({ min: 1, max: 2 * linkMaxDecodedChars }));
    fc.assert(
      fc.property(piece, chars, (p, n) => {
        const value = { v: 1, file: seedFile, text: '', caseText: '{}' };
        value.text = p.repeat(Math.ceil(n / p.length)).slice(0, Math.max(0, n - JSON.stringify(value).length));
        const r = readShareLink(shareHashOf(value), workspace);
        expect(r?.ok ? 'ok' : r?.problem).toBe(JSON.stringify(value).length <= linkMaxDecodedChars ? 'ok' : 'too-large');
      }),
      { ...seed(35), numRuns: runs(4) },
    );
  });
});

describe('inflateLink is lz-string with a limit', () => {
  it('the text lz-string compressed, or too-large when it is longer than the limit; never more than the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), fc.integer({ min: 0, max: 3000 }), (text, max) => {
        const r = inflateLink(compressToEncodedURIComponent(text), max);
        expect(r).toEqual(text.length <= max ? { ok: true, text } : { ok: false, error: 'too-large', produced: expect.any(Number) as number });
        if (!r.ok) expect(r.produced).toBeLessThanOrEqual(max);
      }),
      { ...seed(36), numRuns: runs(300) },
    );
  });

  it('any stream: the same text as lz-string when it reads one to its end', () => {
    fc.assert(
      fc.property(linkChars, (s) => {
        const r = inflateLink(s, linkMaxDecodedChars);
        // lz-string reads past the end as zero bits, and answers "" or null for many damaged streams;
        // where this decoder accepts a stream, lz-string reads the same text from it.
        if (r.ok) expect(decompressFromEncodedURIComponent(s)).toBe(r.text);
      }),
      { ...seed(37), numRuns: runs(400) },
    );
  });
});
