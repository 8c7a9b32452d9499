// A progress bar for batches, drawn on stderr only when stderr is a terminal (never when the output
// is piped to a file or another program): share of the file read, lines or cases, rate, time left.
import { statSync } from 'node:fs';

export class Progress {
  private readonly total: number;
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private last = 0;
  private bytes = 0;

  constructor(
    file: string,
    private readonly unit = 'lines',
  ) {
    this.enabled = Boolean(process.stderr.isTTY);
    this.total = this.enabled ? (statSync(file, { throwIfNoEntry: false })?.size ?? 0) : 0;
  }

  /** The bytes of the file read so far. */
  read(bytes: number): void {
    this.bytes = bytes;
  }

  private count = 0;

  /** Called as lines are read; redraws at most every 100 ms. */
  tick(line: number): void {
    if (!this.enabled) return;
    this.count = line;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    this.draw(now);
  }

  /** The last frame, with every line counted (the last one drawn on the way may be short of them), and a line break. */
  done(): void {
    if (!this.enabled || !this.last) return;
    this.draw(Date.now());
    process.stderr.write('\n');
  }

  private draw(now: number): void {
    process.stderr.write(`\r${bar(this.bytes / Math.max(1, this.total), this.count, this.unit, (now - this.started) / 1000)}`);
  }
}

/** The bar's text: `[####......]  40%  400,000 cases  52,000/s  8s left`. */
export function bar(share: number, count: number, unit: string, seconds: number): string {
  const width = 30;
  const s = Math.max(0, Math.min(1, share));
  const filled = Math.round(s * width);
  const rate = seconds > 0 ? count / seconds : 0;
  const left = s > 0 && s < 1 ? Math.round((seconds * (1 - s)) / s) : 0;
  const time = left >= 60 ? `${Math.floor(left / 60)}m${String(left % 60).padStart(2, '0')}s` : `${left}s`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(s * 100)).padStart(3)}%  ${count.toLocaleString('en-US')} ${unit}  ${Math.round(rate).toLocaleString('en-US')}/s  ${time} left`;
}
