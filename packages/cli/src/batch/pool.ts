// A JSON Lines batch spread over worker threads: the main thread reads lines in chunks and hands
// them out, workers decide them, and results are consumed in input order, with a bounded number of
// chunks in flight (constant memory). With one job the same chunks are processed on this thread.
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { readLimits, readLines, type Line } from '../read.ts';
import type { Progress } from '../progress.ts';
import { colored, setColor } from '../render.ts';
import { UsageError } from '../paths.ts';

/** What a worker is set up with: the kind of processing and its configuration (rule sets, options). */
export interface TaskSpec {
  kind: string;
  config: unknown;
}

/** A chunk's lines as one transferable buffer: their bytes end to end, and each line's end (or -length when too long). */
export interface Packed {
  first: number;
  bytes: Uint8Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  numbers: Int32Array<ArrayBuffer>;
}

const CHUNK_LINES = 512;
const CHUNK_BYTES = 1 << 20;
/** Below this size a file is decided on the main thread unless --jobs asks otherwise: workers take time to start. */
const SMALL_FILE = 1 << 20;

export function pack(lines: Line[]): Packed {
  let size = 0;
  for (const l of lines) size += l.bytes?.length ?? 0;
  const bytes = new Uint8Array(size);
  const ends = new Int32Array(lines.length);
  const numbers = new Int32Array(lines.length);
  let at = 0;
  lines.forEach((l, i) => {
    numbers[i] = l.number;
    if (l.tooLong !== undefined) ends[i] = -l.tooLong - 1;
    else {
      bytes.set(l.bytes, at);
      at += l.bytes.length;
      ends[i] = at;
    }
  });
  return { first: lines[0]?.number ?? 1, bytes, ends, numbers };
}

export function unpack(p: Packed): Line[] {
  const buf = Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength);
  const out: Line[] = [];
  let from = 0;
  for (let i = 0; i < p.ends.length; i++) {
    const e = p.ends[i]!;
    if (e < 0) out.push({ number: p.numbers[i]!, tooLong: -e - 1 });
    else {
      out.push({ number: p.numbers[i]!, bytes: buf.subarray(from, e) });
      from = e;
    }
  }
  return out;
}

/** The lines of a file in chunks of at most CHUNK_LINES lines or about CHUNK_BYTES bytes. */
function* chunks(path: string, progress: Progress | undefined): Generator<Line[]> {
  let chunk: Line[] = [];
  let bytes = 0;
  for (const line of readLines(path, readLimits.caseBytes, (n) => progress?.read(n))) {
    chunk.push(line);
    bytes += line.bytes?.length ?? 0;
    if (chunk.length >= CHUNK_LINES || bytes >= CHUNK_BYTES) {
      yield chunk;
      progress?.tick(line.number);
      chunk = [];
      bytes = 0;
    }
  }
  if (chunk.length) {
    yield chunk;
    progress?.tick(chunk.at(-1)!.number);
  }
}

/** The number of worker threads `--jobs` asks for: a count, or every core by default. */
export function jobsOf(value: string | undefined): { jobs: number; explicit: boolean } {
  if (value === undefined) return { jobs: availableParallelism(), explicit: false };
  if (!/^[1-9][0-9]{0,3}$/.test(value)) throw new UsageError(`--jobs is a whole number from 1, not '${value}'`);
  return { jobs: Number(value), explicit: true };
}

/** The bundle of the worker, as the launcher built it; without it (sources run directly) a batch runs on one thread. */
const workerUrl = (): string | undefined => (globalThis as { guidelineWorker?: string }).guidelineWorker;

export class Pool<R> {
  private workers: Worker[] | undefined;

  constructor(
    private readonly jobs: { jobs: number; explicit: boolean },
    private readonly spec: TaskSpec,
    /** The same processing on this thread. */
    private readonly local: (lines: Line[], name: string) => Promise<R>,
  ) {}

  /**
   * The worker threads, none yet: each is started when a chunk first goes to it, so a file of a few
   * chunks starts a few workers whatever `--jobs` asks (each costs a start and some memory).
   */
  private threads(path: string): Worker[] | undefined {
    if (this.jobs.jobs <= 1 || !workerUrl()) return undefined;
    if (!this.jobs.explicit && (statSync(path, { throwIfNoEntry: false })?.size ?? 0) < SMALL_FILE) return undefined;
    this.workers ??= [];
    return this.workers;
  }

  private worker(workers: Worker[], i: number, listen: (w: Worker) => void): Worker {
    let w = workers[i];
    if (!w) {
      w = workers[i] = new Worker(new URL(workerUrl()!), { workerData: { spec: this.spec, color: colored() } });
      listen(w);
    }
    return w;
  }

  /** Processes a file's lines, handing each chunk's result to `consume` in input order. */
  async run(path: string, name: string, consume: (r: R) => Promise<void>, progress?: Progress): Promise<void> {
    const workers = this.threads(path);
    if (!workers) {
      for (const lines of chunks(path, progress)) await consume(await this.local(lines, name));
      return;
    }
    const results = new Map<number, R>();
    let sent = 0;
    let done = 0;
    let failed: unknown;
    let wake: (() => void) | undefined;
    const listeners: (() => void)[] = [];
    const listen = (w: Worker): void => {
      const onMessage = (m: { seq: number; result?: R; error?: string }): void => {
        if (m.error !== undefined) failed ??= new Error(m.error);
        else results.set(m.seq, m.result!);
        wake?.();
      };
      const onError = (e: unknown): void => {
        failed ??= e;
        wake?.();
      };
      w.on('message', onMessage).on('error', onError);
      listeners.push(() => w.off('message', onMessage).off('error', onError));
    };
    // Workers started by an earlier file of the same run.
    workers.forEach(listen);
    const settle = async (): Promise<void> => {
      // Consumes what has arrived in order; waits when the next result is not there yet.
      for (;;) {
        if (failed) throw failed;
        const r = results.get(done);
        if (r === undefined) return;
        results.delete(done++);
        await consume(r);
      }
    };
    const arrival = (): Promise<void> => new Promise((resolve) => (wake = resolve));
    try {
      const jobs = this.jobs.jobs;
      const limit = jobs * 3;
      for (const lines of chunks(path, progress)) {
        while (sent - done >= limit) {
          const next = arrival();
          await settle();
          if (sent - done >= limit) await next;
        }
        const packed = pack(lines);
        this.worker(workers, sent % jobs, listen).postMessage({ seq: sent, name, packed }, [packed.bytes.buffer, packed.ends.buffer, packed.numbers.buffer]);
        sent++;
        await settle();
      }
      while (done < sent) {
        const next = arrival();
        await settle();
        if (done < sent) await next;
      }
    } finally {
      listeners.forEach((off) => off());
    }
  }

  async close(): Promise<void> {
    await Promise.all((this.workers ?? []).map((w) => w.terminate()));
    this.workers = undefined;
  }
}

/** In a worker: paint as the main thread does. */
export function workerColor(on: boolean): void {
  setColor(on);
}
