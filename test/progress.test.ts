// The progress bar of check --jobs and replay, as a terminal shows it: its last frame, drawn when the
// batch is done, counts every line (frames are drawn at most every 100 ms, so the last one drawn
// on the way may be short of the total while saying 100%).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { Pool } from '../packages/cli/src/batch/pool.ts';
import { bar, Progress } from '../packages/cli/src/progress.ts';
import { scratch } from './support/cli.ts';

const { dir } = scratch('guideline-progress-');

afterEach(() => vi.restoreAllMocks());

/** Stderr as a terminal for the test's while; returns the frames written to it so far. */
function onTerminal(): () => string[] {
  // isTTY is a plain property of stderr, present only on a terminal.
  const had = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
  onTestFinished(() => {
    if (had) Object.defineProperty(process.stderr, 'isTTY', had);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  });
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (written.push(String(s)), true));
  return () => written.join('').split('\r').filter(Boolean);
}

describe('the progress bar', () => {
  it('ends on a frame that counts every line, then a line break', () => {
    const file = join(dir, 'cases.jsonl');
    writeFileSync(file, '{}\n'.repeat(1000));
    const frames = onTerminal();
    const progress = new Progress(file, 'cases');
    progress.read(3000);
    for (let line = 1; line <= 1000; line++) progress.tick(line);
    progress.done();
    expect(frames().at(-1)).toMatch(/^\[#{30}\] 100% {2}1,000 cases .*\n$/);
  });

  it('counts the lines of a batch in its last frame, the last chunk of them too', async () => {
    // 1,000 lines: a chunk of 512 and a last one of 488.
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, '{}\n'.repeat(1000));
    const frames = onTerminal();
    const progress = new Progress(file, 'cases');
    let seen = 0;
    await new Pool<number>({ jobs: 1, explicit: true }, { kind: 'check' } as never, async (lines) => lines.length).run(file, 'batch.jsonl', async (n) => void (seen += n), progress);
    progress.done();
    expect(seen).toBe(1000);
    expect(frames().at(-1)).toMatch(/^\[#{30}\] 100% {2}1,000 cases .*\n$/);
  });

  it.each([
    [0.5, 10, 'cases', 2, '[###############...............]  50%  10 cases  5/s  2s left'],
    [1, 1_000_000, 'lines', 80, '[##############################] 100%  1,000,000 lines  12,500/s  0s left'],
  ])('bar(%d, %d, %s, %d) is %s', (share, count, unit, seconds, text) => {
    expect(bar(share, count, unit, seconds)).toBe(text);
  });
});
