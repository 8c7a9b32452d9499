// The shipped packages as a user receives them: built, packed into tarballs, and installed with npm
// from those tarballs in a project of its own outside the workspace (test/consumer.test.ts).
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './bundled.ts';

/** The packages that ship, by folder name under packages/. */
export const shipped = ['language', 'runtime', 'analysis', 'cli'] as const;
export type Shipped = (typeof shipped)[number];

export interface Manifest {
  name: string;
  version: string;
  license?: string;
  files?: string[];
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

export const manifest = (pkg: Shipped): Manifest => JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8')) as Manifest;

/** Runs a command, its output returned; on failure, an error with its output (a test shows why). */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 26 });
  } catch (e) {
    const err = e as { status: number | null; stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${err.status}:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
  }
}

/** The same, in the background: the slow tools of test/consumer.test.ts run side by side. */
export function runAsync(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 }, (e, stdout, stderr) => {
      if (e) reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${String(e.code)}:\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Builds the packages and packs each with pnpm (whose prepack finds the build up to date); tarball paths by package. */
export function packAll(into: string): Record<Shipped, string> {
  run(process.execPath, [join(root, 'scripts/build-packages.mjs')], root);
  const out = {} as Record<Shipped, string>;
  for (const pkg of shipped) {
    run('pnpm', ['pack', '--pack-destination', into], join(root, 'packages', pkg));
    const m = manifest(pkg);
    out[pkg] = join(into, `${m.name.replace('@', '').replace('/', '-')}-${m.version}.tgz`);
  }
  return out;
}

/** The files npm would put in each package's tarball (without running their scripts), in one npm run. */
export async function npmPackFiles(): Promise<Record<Shipped, string[]>> {
  const report = JSON.parse(await runAsync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', ...shipped.map((p) => join(root, 'packages', p))], root)) as { name: string; files: { path: string }[] }[];
  return Object.fromEntries(shipped.map((p) => [p, report.find((r) => r.name === manifest(p).name)!.files.map((f) => f.path).sort()])) as Record<Shipped, string[]>;
}

/** The files in a tarball, relative to its package folder. */
export function tarballFiles(tgz: string): string[] {
  return run('tar', ['-tzf', tgz], root).split('\n').filter((l) => l && !l.endsWith('/')).map((l) => l.replace(/^package\//, '')).sort();
}

/**
 * A new npm project in the system's temporary folder (outside the workspace: no workspace link or
 * source condition reaches it) with the tarballs installed. Offline when npm's cache already holds
 * the packages' dependencies, from the registry otherwise. The consumer files of
 * test/fixtures/consumer are copied in.
 */
export function consumerProject(tarballs: Record<Shipped, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'guideline-consumer-'));
  const deps = Object.fromEntries(shipped.map((p) => [manifest(p).name, `file:${tarballs[p]}`]));
  // The packages' own dependencies on each other resolve to the same tarballs, never to a registry.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, dependencies: deps, overrides: deps }, null, 2));
  cpSync(join(root, 'test/fixtures/consumer'), dir, { recursive: true });
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], dir);
  return dir;
}

/** Every file under a folder, relative to it. */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}
