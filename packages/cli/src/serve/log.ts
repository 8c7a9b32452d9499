// What a decision server writes down: the decision log (JSON Lines, one line per decision: its id,
// time, rule-set revision, case id, decision and duration) to a file or stdout, and its own events
// (started, reloaded, a reload refused with the errors, stopping) as JSON Lines on stderr.
import { createWriteStream, type WriteStream } from 'node:fs';

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
  private readonly stream: WriteStream | NodeJS.WriteStream | undefined;

  constructor(destination: string | undefined) {
    if (destination === '-') this.stream = process.stdout;
    else if (destination !== undefined) {
      this.stream = createWriteStream(destination, { flags: 'a' });
      this.stream.on('error', (e) => logEvent('decision-log-error', { message: e.message }));
    }
  }

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
}

/** A server event on stderr: `{ "time", "event", ... }`. */
export function logEvent(event: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }) + '\n');
}
