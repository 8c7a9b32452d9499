// What deciding a batch's lines produces, in input order, whichever thread decided them: a
// determination's text for stdout or a problem for stderr, and the writer that puts them out.
import { Output } from '../output.ts';

/** One line's (or file's) result: a determination as text, or a problem with the exit status it calls for. */
export type Segment = { out: string } | { err: string; status: number };

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
    this.printed++;
    return this.out.write(this.json ? s.out + '\n' : (this.printed > 1 ? '\n\n' : '') + s.out + '\n');
  }
}
