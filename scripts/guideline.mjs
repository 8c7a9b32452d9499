// Runs the `guideline` CLI from an esbuild bundle of its TypeScript sources, rebuilt only when a
// source is newer than the bundle or a file of the bundle is missing: start-up is a few module
// loads instead of a TypeScript loader walking every import (about 0.6 s instead of 2.5 s on the
// reference machine). esbuild is loaded only to rebuild: loading it cost a fresh bundle's run
// about 0.05 s. The command's bundle is split: what the commands load by `await import` (the
// compiler, the formatter, the analysis, the server) is in chunks of its own, which V8 reads only
// in the runs that load them.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'packages/cli/src/main.ts');
const outfile = join(root, 'node_modules/.cache/guideline-cli/main.mjs');
// Batch worker threads (`check --jobs`, `replay`) run a bundle of their own.
const workerEntry = join(root, 'packages/cli/src/batch/worker.ts');
const workerOutfile = join(root, 'node_modules/.cache/guideline-cli/worker.mjs');
// The list of the bundle's other files (its chunks, the worker), written with it: a bundle missing
// one of them (a cache cleaned in part) is rebuilt, not run into a missing-module error. It names
// main.mjs by its size, so that a list from another build never vouches for it.
const filesOutfile = join(root, 'node_modules/.cache/guideline-cli/files.json');
/** How long a chunk no longer in the bundle is kept for runs that started before the rebuild. */
const oldChunksKeptMs = 3_600_000;

/** Whether a file under `dir` was changed after `time` (stopping at the first). */
function changedAfter(dir, time) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() ? changedAfter(p, time) : statSync(p).mtimeMs > time) return true;
  }
  return false;
}

/** Whether a file of the bundle whose main.mjs has `size` bytes is missing, by its list of files. */
function incomplete(size) {
  let list;
  try {
    list = JSON.parse(readFileSync(filesOutfile, 'utf8'));
  } catch {
    return true;
  }
  return list?.main !== size || !Array.isArray(list.files) || list.files.some((f) => !existsSync(join(dirname(outfile), f)));
}

const sources = ['packages/language/src', 'packages/runtime/src', 'packages/analysis/src', 'packages/runtime/schema', 'packages/cli/src'].map((d) => join(root, d));
// A dependency upgrade (the lockfile) or a change to this launcher also calls for a new bundle.
const files = [join(root, 'pnpm-lock.yaml'), fileURLToPath(import.meta.url)];

/** Whether the bundle is missing, incomplete, or older than something it is built from. */
function stale() {
  const bundle = statSync(outfile, { throwIfNoEntry: false });
  if (bundle === undefined || incomplete(bundle.size)) return true;
  return files.some((f) => statSync(f).mtimeMs > bundle.mtimeMs) || sources.some((d) => changedAfter(d, bundle.mtimeMs));
}

// One run builds at a time: runs started together (the tests start many, a script may too) that
// find the bundle stale wait for the one that holds the lock, then use what it built. The lock is a
// folder (made or not, atomically) naming its holder's process; it is taken over when that process
// is gone, or after `lockWaitMs`, so a run that was killed while building never stops the others.
const lock = join(dirname(outfile), 'build.lock');
const lockWaitMs = 120_000;

/** Whether the lock's holder is a process that still runs (a lock that names none yet: one just taken). */
function held() {
  let pid;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    const taken = statSync(lock, { throwIfNoEntry: false });
    return taken !== undefined && Date.now() - taken.mtimeMs < 10_000;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** Takes the build lock, waiting while another run holds it. */
async function takeLock() {
  const since = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    if (!held() || Date.now() - since > lockWaitMs) rmSync(lock, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

if (stale()) {
  mkdirSync(dirname(outfile), { recursive: true });
  await takeLock();
  try {
    // Built meanwhile by the run that held the lock: nothing left to do.
    if (stale()) await rebuild();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function rebuild() {
  const { build } = await import('esbuild');
  const options = {
    write: false,
    // Paths in the bundle (its comments, its modules' names) relative to the workspace, whichever
    // folder the run that rebuilt it started in.
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The workspace's packages from their sources (their exports' development condition).
    conditions: ['@guideline/source'],
    outdir: dirname(outfile),
    outExtension: { '.js': '.mjs' },
    // DuckDB is a native module: loaded from node_modules, not bundled.
    external: ['@duckdb/node-api'],
    // The CLI finds the bundled guidelines from its own source location.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'packages/cli/src/load.ts')).href) },
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
  };
  const results = await Promise.all([
    // Named by their content: a rebuild never changes a chunk a run started before it may still load.
    build({ ...options, entryPoints: { main: entry }, splitting: true, chunkNames: 'chunk-[hash]' }),
    // The worker whole: chunks shared with the command held modules only the command uses.
    build({ ...options, entryPoints: { worker: workerEntry } }),
  ]);
  const outputFiles = results.flatMap((r) => r.outputFiles);
  // Written whole to a file of its own and then renamed over the bundle, so that runs started at
  // the same time (the tests run many) never import a half-written one.
  const writeWhole = (path, contents) => {
    const part = `${path}.${process.pid}.part`;
    writeFileSync(part, contents);
    renameSync(part, path);
  };
  // The chunks first, then the worker, then the list of files: a main bundle that is there has its
  // worker, its chunks and its list beside it.
  const main = outputFiles.find((o) => o.path === outfile);
  const others = outputFiles.filter((o) => o !== main).sort((a, b) => (a.path === workerOutfile) - (b.path === workerOutfile));
  for (const out of others) writeWhole(out.path, out.contents);
  writeWhole(filesOutfile, `${JSON.stringify({ main: main.contents.byteLength, files: others.map((o) => basename(o.path)) })}\n`);
  writeWhole(outfile, main.contents);
  // Chunks of earlier bundles, once old enough that no run still loads them.
  const current = new Set(outputFiles.map((o) => o.path));
  for (const name of readdirSync(dirname(outfile))) {
    const path = join(dirname(outfile), name);
    if (!/^chunk-\w+\.mjs$/.test(name) || current.has(path)) continue;
    const old = statSync(path, { throwIfNoEntry: false });
    if (old && Date.now() - old.mtimeMs > oldChunksKeptMs) rmSync(path, { force: true });
  }
}
globalThis.guidelineWorker = pathToFileURL(workerOutfile).href;
await import(pathToFileURL(outfile).href);
