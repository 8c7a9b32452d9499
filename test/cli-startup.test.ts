// What the command does before its first case: the launcher (scripts/guideline.mjs) rebuilds its
// bundle whenever what it is built from changed or a file of it is missing, and only then; a run
// with a compiled rule set (`check --rules`, `serve --rules`) never loads the language's lexer,
// parser or checker, nor Chevrotain: they are in chunks of the bundle of their own.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';
import { seedCase } from './support/case-factory.ts';
import { runCli, scratch } from './support/cli.ts';
import { call, startServe } from './support/serve.ts';

const { dir: tmp, file } = scratch('guideline-startup-');

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
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
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

  it.each([
    ['a chunk main.mjs imports', /\bfrom "\.\/(chunk-\w+\.mjs)"/g],
    ['a chunk main.mjs loads by await import', /\bimport\("\.\/(chunk-\w+\.mjs)"\)/g],
    ['the list of its files', /^/g],
  ])('rebuilds when %s is missing, and runs the same', (_what, chunks) => {
    const dir = dirname(bundle);
    const gone = [...new Set([...readFileSync(bundle, 'utf8').matchAll(chunks)].map((m) => m[1] ?? 'files.json'))];
    expect(gone.length).toBeGreaterThan(0);
    const before = built();
    for (const name of gone) rmSync(join(dir, name));
    expect(version()).toBe('guideline 0.1.0\n');
    expect(built()).not.toBe(before);
    for (const name of gone) expect(existsSync(join(dir, name))).toBe(true);
  });

  it('removes the chunks of earlier bundles an hour after, and only those', () => {
    const dir = dirname(bundle);
    const hoursAgo = (hours: number): number => Date.now() / 1000 - hours * 3600;
    const earlier = (name: string, hours: number): void => {
      writeFileSync(join(dir, name), 'export {};\n');
      utimesSync(join(dir, name), hoursAgo(hours), hoursAgo(hours));
    };
    earlier('chunk-EARLIER1.mjs', 2);
    earlier('chunk-EARLIER2.mjs', 0.5);
    touch('packages/cli/src/main.ts');
    expect(version()).toBe('guideline 0.1.0\n');
    const chunks = readdirSync(dir).filter((f) => f.startsWith('chunk-'));
    expect(chunks).not.toContain('chunk-EARLIER1.mjs');
    expect(chunks).toContain('chunk-EARLIER2.mjs');
    expect(chunks.length).toBeGreaterThan(1);
  });

  describe('while another run builds', () => {
    const lock = join(dirname(bundle), 'build.lock');
    const holdLock = (pid: number): void => {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(pid));
    };
    afterEach(() => rmSync(lock, { recursive: true, force: true }));

    it('waits for it, then runs the bundle it built', async () => {
      const before = built();
      touch('packages/runtime/src/decide.ts');
      holdLock(process.pid);
      const run = spawn(process.execPath, [join(copy, 'scripts/guideline.mjs'), '--version'], { cwd: copy, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      run.stdout.on('data', (b: Buffer) => (out += b.toString()));
      const exited = new Promise<number | null>((resolve) => run.on('exit', resolve));
      // Long enough to have built and run, had it not waited.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(run.exitCode).toBe(null);
      expect(built()).toBe(before);
      // The holder's build is done: the bundle is newer than every source, and the lock is let go.
      const now = Date.now() / 1000 + 1;
      utimesSync(bundle, now, now);
      rmSync(lock, { recursive: true });
      expect(await exited).toBe(0);
      expect(out).toBe('guideline 0.1.0\n');
      expect(built()).toBe(before);
    });

    it('builds when the run that held the lock is gone', () => {
      const gone = spawnSync(process.execPath, ['-e', '']).pid!;
      const before = built();
      touch('packages/runtime/src/decide.ts');
      holdLock(gone);
      expect(version()).toBe('guideline 0.1.0\n');
      expect(built()).not.toBe(before);
      expect(existsSync(lock)).toBe(false);
    });
  });

  it('runs an edited source, never the bundle before it', () => {
    const main = join(copy, 'packages/cli/src/main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('`guideline ${cliPackage.version}\\n`', '`guideline (edited) ${cliPackage.version}\\n`'));
    touch('packages/cli/src/main.ts');
    expect(version()).toBe('guideline (edited) 0.1.0\n');
  });
});

/** The lexer, parser and checker and Chevrotain, by their modules' paths in the workspace. */
const parserModules = /(?:^|\/)(?:packages\/language\/src\/(?:lexer|tokens|parse|parser\/|check\/|pipeline|format|services\/|walk)|node_modules\/.*\/@?chevrotain[/+@])/;
/** A module of the bundle, by its path in the workspace. */
const named = (path: string) => (m: string): boolean => m === path || m.endsWith(`/${path}`);

/**
 * The bundle's files a run loaded, by V8's coverage of every thread (NODE_V8_COVERAGE, written to
 * `coverage` as the process exits), and the modules they hold: each file's text names each of its
 * modules in a comment line before its code, by its path in the workspace. Loading a file sets up
 * its modules (the chunks are ES modules; a CommonJS one among them, whose set-up waits for its first
 * `require`, is counted too). `bundles` are the entry files that ran: main.mjs, and worker.mjs in worker threads.
 */
function loadedIn(coverage: string): { modules: string[]; bundles: string[] } {
  const files = new Set<string>();
  for (const f of readdirSync(coverage)) {
    const { result } = JSON.parse(readFileSync(join(coverage, f), 'utf8')) as { result: { url: string }[] };
    for (const script of result) if (/\/guideline-cli\/[\w-]+\.mjs$/.test(script.url)) files.add(fileURLToPath(script.url));
  }
  const modules = new Set<string>();
  for (const file of files) for (const [, path] of readFileSync(file, 'utf8').matchAll(/^\/\/ (\S+\.(?:[cm]?[jt]s|json))$/gm)) modules.add(path!);
  const bundles = [...files].map((f) => basename(f)).filter((f) => !f.startsWith('chunk-'));
  return { modules: [...modules], bundles: bundles.sort() };
}

/** The modules loaded in a run of the command (see loadedIn), with its exit code. */
function modulesLoaded(args: string[]): { code: number; modules: string[]; bundles: string[] } {
  const coverage = mkdtempSync(join(tmp, 'coverage-'));
  const { code } = runCli(args, { env: { NODE_V8_COVERAGE: coverage } });
  return { code, ...loadedIn(coverage) };
}

describe('check --rules', { timeout: 120_000 }, () => {
  const rules = join(tmp, 'rules.json');
  const seed = file('seed.json', JSON.stringify(seedCase()));
  const batch = file('batch.jsonl', `${JSON.stringify(seedCase())}\n`.repeat(4));

  beforeAll(() => {
    expect(runCli(['compile', '-o', rules]).code).toBe(0);
  });

  it.each([
    ['a case', ['--case', seed], ['main.mjs']],
    ['a batch, in worker threads', ['--case', batch, '--jobs', '2'], ['main.mjs', 'worker.mjs']],
  ])('loads no lexer, parser or checker for %s', (_what, cases, bundles) => {
    const run = modulesLoaded(['check', '--rules', rules, ...cases, '--json']);
    expect(run.code).toBe(0);
    expect(run.bundles).toEqual(bundles);
    expect(run.modules.some(named('packages/runtime/src/load-rules.ts'))).toBe(true);
    expect(run.modules.filter((m) => parserModules.test(m))).toEqual([]);
  });

  it('starts a worker thread for each chunk of lines at most, whatever --jobs asks', () => {
    // Each thread writes its own coverage file: the worker threads are those that ran worker.mjs.
    const coverage = mkdtempSync(join(tmp, 'coverage-'));
    const { code } = runCli(['check', '--rules', rules, '--case', batch, '--json', '--jobs', '16'], { env: { NODE_V8_COVERAGE: coverage } });
    expect(code).toBe(0);
    const threads = readdirSync(coverage).map((f) => (JSON.parse(readFileSync(join(coverage, f), 'utf8')) as { result: { url: string }[] }).result);
    expect(threads.filter((scripts) => scripts.some((x) => x.url.endsWith('/guideline-cli/worker.mjs')))).toHaveLength(1);
  });

  it('loads them when it compiles guideline sources', () => {
    const run = modulesLoaded(['check', '--case', seed, '--json']);
    expect(run.code).toBe(0);
    expect(run.modules.some(named('packages/language/src/parse.ts'))).toBe(true);
    expect(run.modules.some(named('packages/language/src/lexer.ts'))).toBe(true);
    expect(run.modules.some((m) => m.includes('chevrotain'))).toBe(true);
  });
});

describe('serve', { timeout: 120_000 }, () => {
  const rules = join(tmp, 'serve-rules.json');

  beforeAll(() => {
    expect(runCli(['compile', '-o', rules]).code).toBe(0);
  });

  /** The modules loaded by a server that started, answered its health check and stopped on SIGTERM. */
  async function served(args: string[]): Promise<{ code: number | null; modules: string[] }> {
    const coverage = mkdtempSync(join(tmp, 'coverage-'));
    const server = await startServe([...args, '--no-watch'], { NODE_V8_COVERAGE: coverage });
    expect((await call(server.port, 'GET', '/v1/health')).status).toBe(200);
    server.proc.kill('SIGTERM');
    const code = await server.exited;
    return { code, modules: loadedIn(coverage).modules };
  }

  it('loads no lexer, parser or checker to serve a compiled rule set', async () => {
    const run = await served(['--rules', rules]);
    expect(run.code).toBe(0);
    expect(run.modules.some(named('packages/runtime/src/load-rules.ts'))).toBe(true);
    expect(run.modules.some(named('packages/cli/src/serve/app.ts'))).toBe(true);
    expect(run.modules.filter((m) => parserModules.test(m))).toEqual([]);
  });

  it('loads them to serve guideline sources', async () => {
    const run = await served(['guidelines']);
    expect(run.code).toBe(0);
    expect(run.modules.some(named('packages/language/src/parse.ts'))).toBe(true);
    expect(run.modules.some((m) => m.includes('chevrotain'))).toBe(true);
  });
});
