// Runs the `guideline` command as a user would (a child process), and makes scratch files for it.
import { spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './bundled.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command to its end: its exit status, and all it wrote to stdout and to stderr (whatever the
 * status). `timeoutMs` is for a run that could hang: it is killed then, and the test fails (ETIMEDOUT).
 */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [join(root, 'scripts/guideline.mjs'), ...args], { cwd: options.cwd ?? root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 1 << 28, timeout: options.timeoutMs });
  if (r.error) throw r.error;
  // A run ended by a signal has no status: reported as a shell does (128 + the signal's number).
  return { code: r.status ?? 128 + (constants.signals[r.signal as keyof typeof constants.signals] ?? 0), stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder and a helper that writes a named file into it, returning its path. */
export function scratch(prefix: string): { dir: string; file: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file: (name, text) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
}
