// A progress bar for batch checks, drawn on stderr only when stderr is a terminal.
import { statSync } from 'node:fs';

export class Progress {
  private readonly total: number;
  private readonly enabled: boolean;
  private last = 0;
  private bytes = 0;

  constructor(file: string) {
    this.enabled = Boolean(process.stderr.isTTY);
    this.total = this.enabled ? (statSync(file, { throwIfNoEntry: false })?.size ?? 0) : 0;
  }

  /** The bytes of the file read so far. */
  read(bytes: number): void {
    this.bytes = bytes;
  }

  /** Called after each line; redraws at most every 100 ms. */
  tick(line: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const width = 30;
    const share = Math.min(1, this.bytes / Math.max(1, this.total));
    const filled = Math.round(share * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${line} lines`);
  }

  done(): void {
    if (this.enabled && this.last) process.stderr.write('\n');
  }
}
