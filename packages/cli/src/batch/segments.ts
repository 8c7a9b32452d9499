// What deciding a batch's lines produces, in input order, whichever thread decided them: a
// determination's text for stdout or a problem for stderr, and the writer that puts them out. A
// chunk's determinations between problems travel as one run of UTF-8 bytes, made where they were
// decided, so that a worker hands the main thread one transferable buffer, not an object a case.
import { determinationJson, type Determination, type JsonBytes } from '@guideline/runtime';
import { Output } from '../output.ts';

/**
 * One line's (or file's) result: a determination as text, or to be written as JSON; or a problem
 * with the exit status it calls for; or `count` determinations already joined as the writer would
 * join them, as UTF-8.
 */
export type Segment = { out: string } | { determination: Determination } | Problem | { bytes: Uint8Array<ArrayBuffer>; count: number };

/** A line (or file) that is not a valid case, as check names it, and the exit status it calls for. */
export interface Problem {
  err: string;
  status: number;
}

/**
 * A determination's text as stdout carries it: a line of its own in JSON Lines; on a terminal, a
 * blank line between one and the one before (`first`: none was printed before it).
 */
const asPrinted = (json: boolean, out: string, first: boolean): string => (json || first ? '' : '\n\n') + out + '\n';

/**
 * Joins determinations' texts into runs of bytes, as Writer writes them (a problem ends a run).
 * `bytes` is kept from one chunk to the next: each run's buffer is made the size of the last one.
 */
export class Runs {
  readonly segments: Segment[] = [];
  private count = 0;

  constructor(
    private readonly json: boolean,
    private readonly bytes: JsonBytes,
  ) {}

  add(s: Segment): void {
    if ('err' in s || 'bytes' in s) {
      this.end();
      this.segments.push(s);
      return;
    }
    if ('out' in s) this.bytes.add(asPrinted(this.json, s.out, this.count === 0));
    else {
      this.bytes.determination(s.determination);
      this.bytes.add('\n');
    }
    this.count++;
  }

  /** The segments, the last run ended. */
  done(): Segment[] {
    this.end();
    return this.segments;
  }

  private end(): void {
    if (!this.count) return;
    this.segments.push({ bytes: this.bytes.take(), count: this.count });
    this.count = 0;
  }
}

/** The buffers of a chunk's runs, to transfer rather than copy to the main thread. */
export function transferables(result: unknown): ArrayBuffer[] {
  if (!Array.isArray(result)) return [];
  const out: ArrayBuffer[] = [];
  for (const s of result) if (s && typeof s === 'object' && 'bytes' in s && s.bytes instanceof Uint8Array) out.push(s.bytes.buffer as ArrayBuffer);
  return out;
}

/** Writes segments in order: stdout buffered, a problem after everything decided before it. */
export class Writer {
  status = 0;
  private printed = 0;
  readonly out = new Output();

  constructor(private readonly json: boolean) {}

  async write(s: Segment): Promise<void> {
    if ('err' in s) {
      await this.out.flush(); // keep stdout and stderr in case order on a terminal
      process.stderr.write(s.err + '\n');
      this.status = Math.max(this.status, s.status);
      return;
    }
    if ('bytes' in s) {
      // A run is joined as `asPrinted` joins; only what separates it from what was printed before is added here.
      if (!this.json && this.printed > 0) await this.out.write('\n\n');
      this.printed += s.count;
      return this.out.writeBytes(s.bytes);
    }
    return this.out.write(asPrinted(this.json, 'out' in s ? s.out : determinationJson(s.determination), this.printed++ === 0));
  }
}
