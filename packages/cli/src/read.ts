// Reading and writing files within limits: only regular files, never more bytes than a limit allows
// (a device or a FIFO would otherwise be read forever, or block), and lines of a batch one at a time.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, statSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { limits } from '@guideline/language/rules';
import { ruleSetLimits } from '@guideline/runtime';
import { display, notRegular, UsageError, why } from './paths.ts';

/** What the command line reads at most (docs/limits.md names each, with what it reports). */
export const readLimits = {
  /** A case file, or one line of a JSON Lines batch: R505. */
  caseBytes: 1_048_576,
  /** A guideline file: a longer one could not be within the language's limit of characters (L103); exit 2. */
  guidelineBytes: 3 * limits.maxFileLength,
  /** A compiled rule set given with --rules: the runtime's own limit; R502. */
  ruleSetBytes: ruleSetLimits.maxBytes,
  /** How deep the arrays and objects of a case (or test-case) document nest: R501. */
  jsonDepth: 64,
};

/** A file that cannot be read as asked: missing, not a regular file, too large, unreadable. */
export class ReadError extends UsageError {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** The limit it is over, when it is too large. */
    readonly limit?: number,
  ) {
    super(`${display(path)}: ${reason}`);
  }
}

/**
 * Opens a regular file for reading, or throws ReadError. Non-blocking, so a FIFO is refused rather
 * than waited on; what is opened is what is checked, so nothing can be swapped in between.
 */
export function openRegular(path: string): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new ReadError(path, why(e));
  }
  const st = fstatSync(fd);
  if (st.isFile()) return { fd, size: st.size };
  closeSync(fd);
  throw new ReadError(path, st.isDirectory() ? 'a folder, not a file' : notRegular);
}

/** The next bytes of an open file, at most `size` of them (none at its end), in a buffer of their own. */
function readChunk(fd: number, path: string, size: number): Buffer {
  const chunk = Buffer.allocUnsafe(size);
  try {
    return chunk.subarray(0, readSync(fd, chunk, 0, size, null));
  } catch (e) {
    throw new ReadError(path, why(e));
  }
}

/** A file's bytes, refused (ReadError with `limit`) when it has more than `limit`. */
export function readBytes(path: string, limit: number): Buffer {
  const { fd, size } = openRegular(path);
  try {
    if (size > limit) throw new ReadError(path, `${size} bytes long; the limit is ${limit}`, limit);
    // Read to the end but never past the limit: a file can grow, and some (under /proc) report no size.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = readChunk(fd, path, Math.min(limit + 1 - total, Math.max(size + 1 - total, 1 << 16)));
      if (chunk.length === 0) break;
      chunks.push(chunk);
      total += chunk.length;
      if (total > limit) throw new ReadError(path, `more than ${limit} bytes long; the limit is ${limit}`, limit);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** A text file within a limit, decoded as UTF-8 without its byte-order mark. */
export function readText(path: string, limit: number): string {
  return withoutBom(readBytes(path, limit).toString('utf8'));
}

export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Bytes as UTF-8 text, or the 1-based column (in bytes) of the first byte that is not UTF-8: a
 * case is text, and a byte that is not would otherwise become U+FFFD without a word.
 */
export function decodeUtf8(bytes: Buffer): { text: string } | { badByte: number } {
  const text = bytes.toString('utf8');
  // A byte that is not UTF-8 decodes as U+FFFD: only a text holding one is checked again, byte by byte.
  if (!text.includes('\ufffd') || isUtf8(bytes)) return { text };
  return { badByte: firstBadByte(bytes) + 1 };
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstBadByte(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}

/** One line of a batch: its number and bytes (without the line break), or, past the limit, only its size. */
export type Line = { number: number; bytes: Buffer; tooLong?: undefined } | { number: number; bytes?: undefined; tooLong: number };

/**
 * The lines of a file, read a chunk at a time: a line holds at most `limit` bytes in memory, and a
 * longer one is skipped to its end and yielded as `tooLong`. A CR before the line feed and a
 * byte-order mark at the start are left out. `progress` gets the bytes read so far.
 */
export function* readLines(path: string, limit: number, progress?: (bytesRead: number) => void): Generator<Line> {
  const { fd } = openRegular(path);
  try {
    let parts: Buffer[] = [];
    let length = 0;
    let number = 1;
    let read = 0;
    // A line's CR (of a CRLF) is no part of it: a line is kept up to one byte past the limit, and
    // refused when it is past it without that byte being its CR.
    const end = (): Line => {
      if (length > limit + 1) return { number, tooLong: length };
      let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
      if (bytes.length && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, -1);
      if (bytes.length > limit) return { number, tooLong: length };
      if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      return { number, bytes };
    };
    for (;;) {
      const chunk = readChunk(fd, path, 1 << 16);
      const n = chunk.length;
      if (n === 0) break;
      read += n;
      progress?.(read);
      let from = 0;
      while (from < n) {
        const nl = chunk.indexOf(10, from);
        const to = nl < 0 || nl >= n ? n : nl;
        length += to - from;
        if (length <= limit + 1) parts.push(chunk.subarray(from, to));
        else parts = []; // past the limit the line is only counted
        if (to === n) break;
        yield end();
        number++;
        parts = [];
        length = 0;
        from = to + 1;
      }
    }
    if (length > 0) yield end();
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file the user named, with exit 2 for what cannot take it. A regular file (or a new one)
 * and a character device are written: `-o /dev/null` only checks, `-o /dev/stdout` prints. A pipe is
 * written when a program reads it, and refused when none does (opening it would wait for ever); a
 * folder, a block device and a socket are refused.
 */
export function writeText(path: string, text: string): void {
  const st = statSync(path, { throwIfNoEntry: false });
  if (st?.isDirectory()) throw new ReadError(path, 'a folder: give a file to write');
  // `/dev/stdout` (`/dev/fd/1`, `/dev/stderr`) names the command's own output, which may be a socket
  // that cannot be opened by its name: written where it already is open.
  const own = st && !st.isFile() ? [1, 2].find((fd) => sameFile(fd, st)) : undefined;
  if (own !== undefined) return writeAll(own, path, text);
  if (st?.isFIFO()) return writePipe(path, text);
  if (st && !st.isFile() && !st.isCharacterDevice()) throw new ReadError(path, `${notRegular}: give a file to write`);
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new ReadError(path, `cannot be written: ${why(e)}`);
  }
}

/**
 * Writes a named pipe that a program reads. Opened without waiting, which fails at once when no
 * program reads it (a plain open would wait for one for ever), and kept open while it is written: a
 * reader such as `cat` ends at the first writer's close.
 */
function writePipe(path: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new ReadError(path, (e as { code?: string }).code === 'ENXIO' ? 'a pipe that no program reads: give a file to write' : `cannot be written: ${why(e)}`);
  }
  try {
    writeAll(fd, path, text);
  } finally {
    closeSync(fd);
  }
}

/** Whether an open descriptor is the file of these stats. */
function sameFile(fd: number, st: Stats): boolean {
  try {
    const f = fstatSync(fd);
    return f.dev === st.dev && f.ino === st.ino;
  } catch {
    return false;
  }
}

/** Writes all of a text to an open descriptor, waiting while one that does not block is full. */
function writeAll(fd: number, path: string, text: string): void {
  const bytes = Buffer.from(text);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EAGAIN') throw new ReadError(path, `cannot be written: ${why(e)}`);
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}
