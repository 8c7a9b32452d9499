// The command line end to end, in processes of its own: `guideline check` of JSON Lines against the
// floor (reading, JSON.parse and JSON.stringify of a small object per line), one worker thread
// against two on a million cases (and against two processes, each on half of them: what any split
// of the work reaches on this machine), DuckDB SQL over Parquet against the fast path over JSON
// Lines, and `replay` of two editions as the corpus grows: wall time and peak memory.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileProgram, type RuleSet } from '../../packages/language/src/index.ts';
import { bundledSources } from '../../test/support/bundled.ts';
import { libraryCases, writeJsonLines } from '../corpus/cases.ts';
import { writeNextEdition } from '../corpus/edition.ts';
import { withDuckDB } from '../../packages/cli/src/replay/duckdb.ts';
import { fmt, median, quick, table } from './report.ts';

const root = resolve(import.meta.dirname, '../..');
const dir = join(process.env['BENCH_DIR'] ?? tmpdir(), 'guideline-bench');
const hasTime = existsSync('/usr/bin/time');

interface Run {
  seconds: number;
  /** Peak resident memory in MiB (NaN without /usr/bin/time). */
  mib: number;
}

/** Runs a command with its output to /dev/null; wall time and peak memory. */
function run(args: string[]): Run {
  const argv = hasTime ? ['/usr/bin/time', '-f', '%M', process.execPath, ...args] : [process.execPath, ...args];
  const out = openSync('/dev/null', 'w');
  const t = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: root, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  closeSync(out);
  if (r.status !== 0 && r.status !== 2) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const mib = hasTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { seconds, mib };
}

/** Runs commands at the same time, each with its output to /dev/null: wall time until the last ends, and their peak memory together. */
async function together(commands: string[][]): Promise<Run> {
  const t = performance.now();
  const each = await Promise.all(commands.map((args) => new Promise<number>((done, fail) => {
    const argv = hasTime ? ['/usr/bin/time', '-f', '%M', process.execPath, ...args] : [process.execPath, ...args];
    const child = spawn(argv[0]!, argv.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => (code === 0 || code === 2 ? done(hasTime ? Number(err.trim().split('\n').pop()) / 1024 : NaN) : fail(new Error(`${args.join(' ')} exited ${code}: ${err.slice(-2000)}`))));
  })));
  return { seconds: (performance.now() - t) / 1000, mib: each.reduce((a, b) => a + b, 0) };
}

/** A JSON Lines file's first and second halves (by lines), as files of their own (kept between runs). */
function halves(file: string): [string, string] {
  const parts: [string, string] = [file.replace(/\.jsonl$/, '-first-half.jsonl'), file.replace(/\.jsonl$/, '-second-half.jsonl')];
  if (parts.every((p) => existsSync(p))) return parts;
  const text = readFileSync(file);
  let middle = text.length >> 1;
  middle = text.indexOf(10, middle) + 1 || text.length;
  writeFileSync(parts[0], text.subarray(0, middle));
  writeFileSync(parts[1], text.subarray(middle));
  return parts;
}

/** The median of `rounds` runs of each command, interleaved. */
function runs(commands: string[][], rounds: number): Run[] {
  const all: Run[][] = commands.map(() => []);
  for (let i = 0; i < rounds; i++) commands.forEach((c, k) => all[k]!.push(run(c)));
  return all.map((rs) => ({ seconds: median(rs.map((r) => r.seconds)), mib: median(rs.map((r) => r.mib)) }));
}

/** N generated cases of the bundled library as JSON Lines (kept between runs of the bench). */
function corpus(rules: RuleSet, n: number): string {
  const file = join(dir, `cases-${n}.jsonl`);
  if (existsSync(file)) return file;
  writeJsonLines(file, libraryCases(rules, n, 1));
  return file;
}

const cli = join(root, 'scripts/guideline.mjs');
const floor = join(root, 'scripts/bench/floor.mjs');
const mib = (r: Run): string => (Number.isNaN(r.mib) ? 'n/a' : r.mib.toFixed(0));
const rate = (n: number, r: Run): string => fmt(n / r.seconds);

export async function commandLine(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const rules = compileProgram(bundledSources()).rules!;
  const rulesFile = join(dir, 'rules.json');
  writeFileSync(rulesFile, JSON.stringify(rules));
  run([cli, '--help']); // the CLI bundle built before anything is timed
  const check = (file: string, ...flags: string[]): string[] => [cli, 'check', '--rules', rulesFile, '--case', file, '--json', ...flags];

  // check of JSON Lines against the floor, one thread.
  const n = quick ? 50_000 : 200_000;
  const small = corpus(rules, n);
  const [f, full, decision] = runs([[floor, small], check(small, '--jobs', '1'), check(small, '--jobs', '1', '--detail', 'decision')], quick ? 1 : 3);
  table(`guideline check --json of ${n.toLocaleString('en-US')} JSON Lines cases (the bundled library), one thread, median of ${quick ? 1 : 3} interleaved runs`, [
    ['command', 's', 'cases/s', 'peak MiB', '× the floor'],
    ['floor: read, JSON.parse, JSON.stringify of a small object', f!.seconds.toFixed(2), rate(n, f!), mib(f!), '1.0'],
    ['check, full determinations', full!.seconds.toFixed(2), rate(n, full!), mib(full!), (full!.seconds / f!.seconds).toFixed(1)],
    ['check --detail decision', decision!.seconds.toFixed(2), rate(n, decision!), mib(decision!), (decision!.seconds / f!.seconds).toFixed(1)],
  ]);
  console.log(`  targets: full within 6× of the floor: ${full!.seconds <= 6 * f!.seconds ? 'met' : 'NOT met'}; decision only within 2×: ${decision!.seconds <= 2 * f!.seconds ? 'met' : 'NOT met'}`);

  // One worker thread against two, on a million cases.
  const big = quick ? 200_000 : 1_000_000;
  const million = corpus(rules, big);
  const [bf, one, two] = runs([[floor, million], check(million, '--jobs', '1'), check(million, '--jobs', '2')], 1);
  // What any split of the work could reach here: two processes sharing nothing, each on half the lines.
  const split = await together(halves(million).map((half) => check(half, '--jobs', '1')));
  table(`guideline check --json of ${big.toLocaleString('en-US')} JSON Lines cases: --jobs 2 against --jobs 1 (this machine: 2 cores, shared)`, [
    ['command', 's', 'cases/s', 'peak MiB', '× --jobs 1 speed', '× the floor'],
    ['floor', bf!.seconds.toFixed(1), rate(big, bf!), mib(bf!), '', '1.0'],
    ['check --jobs 1', one!.seconds.toFixed(1), rate(big, one!), mib(one!), '1.00', (one!.seconds / bf!.seconds).toFixed(1)],
    ['check --jobs 2', two!.seconds.toFixed(1), rate(big, two!), mib(two!), (one!.seconds / two!.seconds).toFixed(2), (two!.seconds / bf!.seconds).toFixed(1)],
    ['two check --jobs 1 at once, each on half the lines', split.seconds.toFixed(1), rate(big, split), mib(split), (one!.seconds / split.seconds).toFixed(2), (split.seconds / bf!.seconds).toFixed(1)],
  ]);
  console.log(`  target: --jobs 2 ≥ 1.7× --jobs 1: ${one!.seconds / two!.seconds >= 1.7 ? 'met' : 'NOT met'}`);

  // DuckDB SQL over Parquet against the fast path over JSON Lines: replay with one rule set.
  const parquet = join(dir, `cases-${big}.parquet`);
  if (!existsSync(parquet)) await withDuckDB((con) => con.run(`COPY (SELECT * FROM read_json('${million}', format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`).then(() => undefined));
  const guidelines = join(root, 'guidelines');
  const [fast, sql] = runs([[cli, 'replay', '--rules', guidelines, '--cases', million], [cli, 'replay', '--rules', guidelines, '--cases', parquet, '--engine', 'sql']], 1);
  table(`Deciding ${big.toLocaleString('en-US')} cases (replay with one rule set: decisions counted)`, [
    ['path', 's', 'cases/s', 'peak MiB', '× the fast path'],
    ['fast path over JSON Lines (worker threads)', fast!.seconds.toFixed(1), rate(big, fast!), mib(fast!), '1.00'],
    ['DuckDB SQL over Parquet (prep step, then the query)', sql!.seconds.toFixed(1), rate(big, sql!), mib(sql!), (sql!.seconds / fast!.seconds).toFixed(2)],
  ]);

  // Replay of two editions as the corpus grows.
  const after = join(dir, 'after');
  writeNextEdition(after);
  const sizes = quick ? [20_000, 60_000, 200_000] : [100_000, 300_000, 1_000_000];
  const grown = sizes.map((k) => ({ k, r: run([cli, 'replay', '--cases', corpus(rules, k), '--before', guidelines, '--after', after, '--out', join(dir, `replay-${k}`)]) }));
  table('guideline replay of two editions (the bundled guidelines, and them with the 2016 edition of docs/replay.md)', [
    ['cases', 's', 'cases/s', 'peak MiB', 's per 100,000'],
    ...grown.map(({ k, r }) => [k.toLocaleString('en-US'), r.seconds.toFixed(1), rate(k, r), mib(r), ((r.seconds * 100_000) / k).toFixed(2)]),
  ]);
}
