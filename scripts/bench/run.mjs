// Bundles the benchmark with esbuild (no keep-names helpers, unlike the tsx loader, which would
// add a call to every closure the parser creates) and runs it with plain node.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Beside the CLI's dependencies: the embedded DuckDB the SQL rows load is resolved from the bundle's place.
const outdir = join(here, '../../packages/cli/node_modules/.cache/guideline-bench');
const entry = process.env.BENCH_ENTRY ?? 'bench.ts';
// The HTTP benchmark's servers run in processes of their own, from their own bundle beside this one.
await build({
  entryPoints: [join(here, entry), join(here, 'serve-child.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The workspace's packages from their sources (their exports' development condition).
  conditions: ['@guideline/source'],
  outdir,
  outExtension: { '.js': '.mjs' },
  // The bare HTTP baseline imports the CLI's own server library (hono), from the CLI's dependencies.
  nodePaths: [join(here, '../../packages/cli/node_modules')],
  define: { 'import.meta.dirname': JSON.stringify(here) },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
await import(pathToFileURL(join(outdir, entry.replace(/\.ts$/, '.mjs'))).href);
