// SHA-256 (FIPS 180-4) of a text's UTF-8 bytes: the platform's own digest where it has a synchronous
// one (Node's node:crypto, found at run time so the module stays the same for browsers), else plain
// TypeScript, since in browsers and workers the one built-in digest (crypto.subtle) is asynchronous
// and compiling is not. A rule set's revision (revision.ts) is made with it.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const encoder = new TextEncoder();
const W = new Int32Array(64);
const H = new Int32Array(8);
/** Kept between calls for texts of up to 64 KiB (a case), so hashing one allocates nothing. */
const scratch = new Uint8Array(1 << 16);

/** Hashes the 64-byte blocks of `b` from 0 to `end` into H. */
function blocks(b: Uint8Array, end: number): void {
  let h0 = H[0]!, h1 = H[1]!, h2 = H[2]!, h3 = H[3]!, h4 = H[4]!, h5 = H[5]!, h6 = H[6]!, h7 = H[7]!;
  for (let off = 0; off < end; off += 64) {
    for (let i = 0, j = off; i < 16; i++, j += 4) W[i] = (b[j]! << 24) | (b[j + 1]! << 16) | (b[j + 2]! << 8) | b[j + 3]!;
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15]!, y = W[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = h0, b1 = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b1) ^ (a & c) ^ (b1 & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0;
      d = c; c = b1; b1 = a; a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b1) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  H[0] = h0; H[1] = h1; H[2] = h2; H[3] = h3; H[4] = h4; H[5] = h5; H[6] = h6; H[7] = h7;
}

/** What sha256Hex needs of node:crypto: `createHash('sha256')`. */
interface Hash {
  update(text: string, encoding: 'utf8'): Hash;
  digest(encoding: 'hex'): string;
}
type Platform = { process?: { getBuiltinModule?: (id: string) => { createHash?: (algorithm: 'sha256') => Hash } | undefined } };

/** node:crypto's createHash, where the platform has it (Node since 20.16, Deno, Bun); undefined in a browser. */
const createHash = (globalThis as unknown as Platform).process?.getBuiltinModule?.('node:crypto')?.createHash;

/** The SHA-256 digest of `text` (as UTF-8), as 64 lowercase hex digits: the platform's digest when it has one, else sha256HexJs. */
export function sha256Hex(text: string): string {
  return createHash ? createHash('sha256').update(text, 'utf8').digest('hex') : sha256HexJs(text);
}

/** sha256Hex in plain TypeScript, for platforms without a synchronous digest; the same answer, byte for byte. */
export function sha256HexJs(text: string): string {
  // UTF-8 takes at most 3 bytes a UTF-16 code unit; then the padding: 0x80, zeros, the length in bits.
  const room = text.length * 3 + 72;
  const buf = room <= scratch.length ? scratch : new Uint8Array(room);
  const n = encoder.encodeInto(text, buf).written;
  const end = (n + 72) & ~63;
  buf.fill(0, n, end);
  buf[n] = 0x80;
  const bits = n * 8;
  const hi = Math.floor(bits / 0x100000000);
  buf[end - 8] = hi >>> 24; buf[end - 7] = hi >>> 16; buf[end - 6] = hi >>> 8; buf[end - 5] = hi;
  buf[end - 4] = bits >>> 24; buf[end - 3] = bits >>> 16; buf[end - 2] = bits >>> 8; buf[end - 1] = bits;
  H.set([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  blocks(buf, end);
  let hex = '';
  for (let i = 0; i < 8; i++) hex += (H[i]! >>> 0).toString(16).padStart(8, '0');
  return hex;
}
