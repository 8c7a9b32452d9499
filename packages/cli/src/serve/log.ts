// What a decision server writes down: the decision log (JSON Lines, one line per decision: its id,
// time, rule-set revision, case id, decision and duration) to a file or stdout, and its own events
// (started, reloaded, a reload refused with the errors, stopping) as JSON Lines on stderr.
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { display, UsageError, why } from '../paths.ts';

export interface DecisionEntry {
  decisionId: string;
  /** When the decision was made (ISO 8601). */
  time: string;
  revision: string;
  caseId: string | null;
  decision: string;
  /** Milliseconds from reading the case to the determination. */
  durationMs: number;
}

/** Appends decisions, a line each, to a file (`-` for stdout), or nowhere. */
export class DecisionLog {
  /**
   * The log, opened before the server listens: a log that cannot be opened is a usage error (exit 2)
   * before any decision is made, not decisions made and lost.
   */
  static async open(destination: string | undefined): Promise<DecisionLog> {
    if (destination === undefined) return new DecisionLog(undefined);
    if (destination === '-') return new DecisionLog(process.stdout);
    const { file, created } = await openForAppend(destination);
    const stream = createWriteStream(destination, { fd: file, flags: 'a' });
    stream.on('error', (e) => logEvent('decision-log-error', { message: e.message }));
    return new DecisionLog(stream, created ? destination : undefined);
  }

  /** `created`: the file this log made, removed by `discard` (it held nothing before). */
  constructor(
    private readonly stream: WriteStream | NodeJS.WriteStream | undefined,
    private readonly created?: string,
  ) {}

  private pending = '';
  private timer: NodeJS.Timeout | undefined;

  /**
   * Queues a line. Lines are written together, at most `flushMs` after the first of them or once
   * 64 KiB have gathered: a write a decision was a system call a request, most of the log's cost.
   */
  write(entry: DecisionEntry): void {
    if (!this.stream) return;
    this.pending += JSON.stringify(entry) + '\n';
    if (this.pending.length >= 1 << 16) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), DecisionLog.flushMs).unref();
  }

  /** How long a decision waits, at most, to be written. */
  static flushMs = 20;

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending) this.stream?.write(this.pending);
    this.pending = '';
  }

  /** Everything written so far is out (the file closed; stdout drained). */
  close(): Promise<void> {
    this.flush();
    const s = this.stream;
    if (!s) return Promise.resolve();
    if (s === process.stdout) return new Promise((done) => (s.writableNeedDrain ? s.once('drain', () => done()) : done()));
    return new Promise((done) => (s as WriteStream).end(() => done()));
  }

  /** Closes the log of a server that never started, removing the file if opening it made it. */
  async discard(): Promise<void> {
    await this.close();
    if (this.created) await rm(this.created, { force: true });
  }
}

/**
 * Opens a file to append to, and says whether this made it: an exclusive create first, so that a
 * file there before (a log being continued) is never taken for ours and removed.
 */
async function openForAppend(path: string): Promise<{ file: FileHandle; created: boolean }> {
  try {
    try {
      return { file: await open(path, 'ax'), created: true };
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      return { file: await open(path, 'a'), created: false };
    }
  } catch (e) {
    throw new UsageError(`--decision-log ${display(path)}: ${why(e)}; not serving`);
  }
}

/** A server event on stderr: `{ "time", "event", ... }`. */
export function logEvent(event: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }) + '\n');
}
