// Builds the shipped packages to JavaScript and declarations (packages/<name>/dist), each after the
// packages it imports: `node scripts/build-packages.mjs [language|runtime|analysis|cli]...` (none: all four).
// A package whose build is newer than its sources (and than the builds it depends on) is left as it
// is; `--force` rebuilds. Each package's `prepack` runs this, so `pnpm pack` and `npm pack` never
// pack a stale or missing build. Plain tsc, one .js and .d.ts per source (tsconfig.build.json).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const order = ['language', 'runtime', 'analysis', 'cli'];
const needs = { language: [], runtime: ['language'], analysis: ['language', 'runtime'], cli: ['language', 'runtime', 'analysis'] };

const args = process.argv.slice(2);
const force = args.includes('--force');
const asked = args.filter((a) => a !== '--force');
for (const name of asked) if (!order.includes(name)) throw new Error(`build-packages: no package '${name}' (${order.join(', ')})`);
const wanted = new Set((asked.length ? asked : order).flatMap((n) => [...needs[n], n]));

const dirOf = (name) => join(root, 'packages', name);
/** When a package was last built (kept out of dist, which ships). */
const stampOf = (name) => join(root, 'node_modules/.cache/guideline-build', `${name}.built`);

/** The newest modification time under the paths given. */
function newest(paths) {
  let t = 0;
  for (const p of paths) {
    const s = statSync(p, { throwIfNoEntry: false });
    if (!s) continue;
    t = Math.max(t, s.isDirectory() ? newest(readdirSync(p).map((e) => join(p, e))) : s.mtimeMs);
  }
  return t;
}

/** What a package's build reads: its sources, schemas, build config and manifest (the CLI also ships the guidelines). */
const inputsOf = (name) => [...['src', 'schema', 'tsconfig.build.json', 'package.json'].map((f) => join(dirOf(name), f)), ...(name === 'cli' ? [join(root, 'guidelines')] : [])];

function upToDate(name) {
  const stamp = statSync(stampOf(name), { throwIfNoEntry: false });
  if (!stamp || !existsSync(join(dirOf(name), 'dist'))) return false;
  return newest(inputsOf(name)) < stamp.mtimeMs && needs[name].every((d) => statSync(stampOf(d)).mtimeMs <= stamp.mtimeMs);
}

/** The bundled guidelines the CLI decides with when given none: every .guideline under guidelines/ (their cases are tests, not shipped). */
function copyGuidelines(to) {
  cpSync(join(root, 'guidelines'), to, { recursive: true, filter: (p) => (statSync(p).isDirectory() ? !p.endsWith('/cases') : p.endsWith('.guideline')) });
}

for (const name of order.filter((n) => wanted.has(n))) {
  const dir = dirOf(name);
  if (!force && upToDate(name)) continue;
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (name === 'cli') copyGuidelines(join(dir, 'dist/guidelines'));
  if (!existsSync(join(dir, 'dist'))) throw new Error(`build-packages: tsc wrote no ${relative(root, dir)}/dist`);
  mkdirSync(dirname(stampOf(name)), { recursive: true });
  writeFileSync(stampOf(name), `${new Date().toISOString()}\n`);
  console.log(`built ${relative(root, dir)}/dist`);
}
