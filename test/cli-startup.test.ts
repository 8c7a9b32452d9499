// What the command does before its first case: the launcher (scripts/guideline.mjs) rebuilds its
// bundle whenever what it is built from changed, and only then.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';

describe('the launcher', { timeout: 120_000 }, () => {
  // A copy of what the launcher builds from, beside a launcher of its own: its bundle is its own,
  // and no other run (the tests run many) rebuilds it meanwhile.
  const copy = mkdtempSync(join(tmpdir(), 'guideline-launcher-'));
  for (const pkg of ['language', 'runtime', 'analysis', 'cli']) {
    for (const part of ['src', 'schema', 'package.json', 'node_modules']) {
      const from = join(root, 'packages', pkg, part);
      // The packages' node_modules hold relative links: within the copy they reach the copy.
      if (existsSync(from)) cpSync(from, join(copy, 'packages', pkg, part), { recursive: true, verbatimSymlinks: true });
    }
  }
  cpSync(join(root, 'scripts/guideline.mjs'), join(copy, 'scripts/guideline.mjs'));
  cpSync(join(root, 'pnpm-lock.yaml'), join(copy, 'pnpm-lock.yaml'));
  mkdirSync(join(copy, 'node_modules'));
  for (const dep of ['.pnpm', 'esbuild']) symlinkSync(realpathSync(join(root, 'node_modules', dep)), join(copy, 'node_modules', dep));
  const bundle = join(copy, 'node_modules/.cache/guideline-cli/main.mjs');
  const version = (): string => execFileSync(process.execPath, [join(copy, 'scripts/guideline.mjs'), '--version'], { cwd: copy, encoding: 'utf8' });
  /** The bundle's identity: a rebuild renames a new file over it. */
  const built = (): number => statSync(bundle).ino;
  /** Marks a file of the copy changed, after the bundle was written. */
  const touch = (path: string): void => {
    const now = Math.max(Date.now(), statSync(bundle).mtimeMs + 10) / 1000;
    utimesSync(join(copy, path), now, now);
  };

  it('builds the bundle when there is none, and runs it', () => {
    expect(version()).toBe('guideline 0.1.0\n');
    expect(existsSync(bundle)).toBe(true);
  });

  it('keeps a bundle newer than everything it is built from', () => {
    const before = built();
    expect(version()).toBe('guideline 0.1.0\n');
    expect(built()).toBe(before);
  });

  it.each([
    ['a source in a folder within src', 'packages/runtime/src/sql/index.ts'],
    ['a source of the language', 'packages/language/src/parse.ts'],
    ['a schema', 'packages/runtime/schema/case.schema.json'],
    ['the lockfile', 'pnpm-lock.yaml'],
    ['the launcher', 'scripts/guideline.mjs'],
  ])('rebuilds when %s changed', (_what, path) => {
    const before = built();
    touch(path);
    expect(version()).toBe('guideline 0.1.0\n');
    expect(built()).not.toBe(before);
  });

  it('rebuilds when the worker bundle is missing', () => {
    const before = built();
    rmSync(join(copy, 'node_modules/.cache/guideline-cli/worker.mjs'));
    expect(version()).toBe('guideline 0.1.0\n');
    expect(built()).not.toBe(before);
    expect(existsSync(join(copy, 'node_modules/.cache/guideline-cli/worker.mjs'))).toBe(true);
  });

  it('runs an edited source, never the bundle before it', () => {
    const main = join(copy, 'packages/cli/src/main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('`guideline ${cliPackage.version}\\n`', '`guideline (edited) ${cliPackage.version}\\n`'));
    touch('packages/cli/src/main.ts');
    expect(version()).toBe('guideline (edited) 0.1.0\n');
  });
});

