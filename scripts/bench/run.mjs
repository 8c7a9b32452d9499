// Bundles the benchmark with esbuild (no keep-names helpers, unlike the tsx loader, which would
// add a call to every closure the parser creates) and runs it with plain node.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outfile = join(here, '../../node_modules/.cache/guideline-bench/bench.mjs');
await build({
  entryPoints: [join(here, process.env.BENCH_ENTRY ?? 'bench.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The workspace's packages from their sources (their exports' development condition).
  conditions: ['@guideline/source'],
  outfile,
  define: { 'import.meta.dirname': JSON.stringify(here) },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
