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

  /** Queues a line; the lines of one turn of the event loop are written together. */
  write(entry: DecisionEntry): void {
    if (!this.stream) return;
    if (!this.pending) setImmediate(() => this.flush());
    this.pending += JSON.stringify(entry) + '\n';
  }

  private flush(): void {
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
