// `pnpm bench`: evaluation, compile, editing and memory measured side by side in one run, reported
// as medians and as ratios against baselines measured in the same run. Not a test: numbers only.
import { analyze, compileProgram } from '../../packages/language/src/index.ts';
import { readRequestText } from '../../packages/runtime/src/index.ts';
import { corpus, editingFile } from './corpus.ts';
import { evaluation } from './evaluation.ts';
import { library } from './library.ts';
import { commandLine } from './cli.ts';
import { median, quick, ROUNDS, table } from './report.ts';
import { serving } from './serve.ts';
import { analysisRows } from './analysis.ts';

async function compiling(): Promise<void> {
  // A fresh corpus each round: no memo may serve one round from another. The first rounds warm the
  // JIT (a long-running compiler, such as the playground's worker, is warm): compile times fall for
  // about five rounds of a megabyte before they settle. The very first round is reported apart.
  // Each round parses its own output right after compiling it (the median of three parses), and
  // the ratio is the median of the rounds' ratios, as for evaluation: a slow stretch of the
  // machine falls on both sides alike.
  const WARM = 5;
  const corpora = Array.from({ length: WARM + ROUNDS }, (_, r) => corpus(1_000_000, r));
  const sources = corpora[0]!;
  const bytes = sources.reduce((n, s) => n + s.text.length, 0);
  const compileTimes: number[] = [];
  const parseTimes: number[] = [];
  const ratios: number[] = [];
  let jsonBytes = 0;
  for (const [i, c] of corpora.entries()) {
    let t = performance.now();
    const r = compileProgram(c);
    const compileMs = performance.now() - t;
    if (!r.rules) throw new Error('corpus does not compile: ' + r.diagnostics.find((d) => d.severity === 'error')?.message);
    const json = JSON.stringify(r.rules);
    const parses: number[] = [];
    for (let k = 0; k < 3; k++) {
      t = performance.now();
      JSON.parse(json);
      parses.push(performance.now() - t);
    }
    const parseMs = median(parses);
    compileTimes.push(compileMs);
    if (i < WARM) continue;
    parseTimes.push(parseMs);
    jsonBytes = json.length;
    const size = c.reduce((n, s) => n + s.text.length, 0);
    ratios.push(compileMs / size / (parseMs / json.length));
  }
  const compileMs = median(compileTimes.slice(WARM));
  const parseMs = median(parseTimes);
  const mbs = (ms: number, size: number): number => size / 1e6 / (ms / 1000);
  table(`Compile: a generated corpus of ${(bytes / 1e6).toFixed(2)} MB (${sources.length} guidelines), median of ${ROUNDS} after ${WARM} warm-up rounds`, [
    ['stage', 'MB/s', 'ms'],
    ['parse + check + compile (guideline text)', mbs(compileMs, bytes).toFixed(2), compileMs.toFixed(0)],
    [`  the first round, JIT cold (${(compileTimes[0]! / parseMs * (jsonBytes / bytes)).toFixed(0)}× JSON.parse)`, mbs(compileTimes[0]!, bytes).toFixed(2), compileTimes[0]!.toFixed(0)],
    [`JSON.parse of the output (${(jsonBytes / 1e6).toFixed(2)} MB)`, mbs(parseMs, jsonBytes).toFixed(2), parseMs.toFixed(0)],
  ]);
  const ratio = median(ratios);
  console.log(`  compile is ${ratio.toFixed(1)}× slower per MB than JSON.parse of its output (median of the rounds' ratios; target: within 10×: ${ratio <= 10 ? 'met' : 'NOT met'})`);
}

function editing(): void {
  const text = editingFile(2000);
  // Each round edits one more criterion (`> 0` becomes `> 1`), as typing does: one declaration's
  // text is new each time, the rest is as the previous round left it.
  const at: number[] = [];
  for (let i = text.indexOf('completed visits > 0'); i >= 0; i = text.indexOf('completed visits > 0', i + 1)) at.push(i + 'completed visits > '.length);
  let current = text;
  analyze(current);
  const times: number[] = [];
  // The first 10 edits warm the JIT, as the first seconds of an editing session do; 15 are timed.
  for (let i = 0; i < 25; i++) {
    const k = at[(i * 7) % at.length]!;
    current = current.slice(0, k) + String((i % 8) + 1) + current.slice(k + 1);
    const t = performance.now();
    analyze(current);
    if (i >= 10) times.push(performance.now() - t);
  }
  const lines = text.split('\n').length;
  table(`Editing: re-diagnosing a ${lines}-line guideline after a one-character edit, median of 15 edits after 10 warm-up edits`, [
    ['measure', 'ms'],
    ['parse + check (what the playground worker runs per edit)', median(times).toFixed(1)],
  ]);
  console.log(`  target: under one frame (16 ms): ${median(times) < 16 ? 'met' : 'NOT met'}`);
}

/** The request-text reader on ordinary texts and on hostile ones of the 500 characters it reads. */
function requestText(): void {
  const n = quick ? 5_000 : 20_000;
  // Distinct texts (a batch reads each text once), ordinary and hostile: long runs of spaces
  // after a partial phrasing, where regular expressions backtracked.
  const ordinary = Array.from({ length: n }, (_, i) => `Additional physical therapy ${(i % 4) + 1} times ${(i % 8) + 1}, visit ${i}`);
  const hostile = Array.from({ length: n }, (_, i) => `${(i % 9) + 1} x${' '.repeat(480)}${i}!`.slice(0, 500));
  const time = (texts: string[]): number => {
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      for (const x of texts) readRequestText(x);
      rounds.push(((performance.now() - t) * 1000) / texts.length);
    }
    return median(rounds);
  };
  const a = time(ordinary);
  const b = time(hostile);
  table(`Request text: ${n.toLocaleString('en-US')} distinct texts each, median of ${ROUNDS} rounds`, [
    ['texts', 'µs per text', '× ordinary'],
    ['ordinary ("... 2 times 4, visit 17", about 45 characters)', a.toFixed(2), '1.0'],
    ['hostile ("2 x", 480 spaces, "17!": 500 characters)', b.toFixed(2), (b / a).toFixed(1)],
  ]);
}

/** The decision server against a bare server of the same library, over HTTP with keep-alive. */
async function http(): Promise<void> {
  const rows = await serving(quick);
  table('HTTP: POST /v1/decide, one generated case per request, 8 keep-alive connections, servers in their own processes, medians of interleaved rounds', [
    ['server', 'requests/s', 'p50 ms', 'p99 ms', '× bare', 'server CPU µs/request', '× bare, by CPU', 'non-200'],
    ...rows,
  ]);
  const full = Number(rows[1]![4]);
  console.log(`  target: guideline serve (full determination) ≥ 0.5× the bare server: ${full >= 0.5 ? 'met' : 'NOT met'}`);
}

/** The static analysis: the checks on the bundled and a generated library, and a diff of two editions. */
async function analysis(): Promise<void> {
  const rows = await analysisRows(quick);
  table(`Static analysis: median of ${quick ? 2 : 5} rounds after a first, cold one; examples built and replayed through both evaluators once`, [
    ['measure', 'checks ms', 'cold ms', 'examples ms', 'findings'],
    ...rows,
  ]);
  console.log(`  targets: the bundled library under 100 ms: ${Number(rows[0]![1]) < 100 ? 'met' : 'NOT met'}; 1,000 guidelines under 2 s: ${Number(rows[1]![1]) < 2000 ? 'met' : 'NOT met'}`);
}

console.log(`guideline bench — Node ${process.version}, ${process.platform}/${process.arch}${quick ? ' (quick)' : ''}`);
// Sections: every one by default; `--editing`, `--compile` (editing and compile) and `--serve` as
// before, `--analysis`, or `--only=<name>,...` of editing, compile, serve, evaluation, library, cli, analysis.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name: string): boolean => {
  if (only) return only.includes(name);
  if (process.argv.includes('--serve')) return name === 'serve';
  if (process.argv.includes('--analysis')) return name === 'analysis';
  if (process.argv.includes('--editing')) return name === 'editing';
  if (process.argv.includes('--compile')) return name === 'editing' || name === 'compile';
  return true;
};
// Editing first: the editor's worker is a fresh, small heap, not one holding 100,000 cases.
if (wanted('editing')) editing();
if (wanted('compile')) await compiling();
if (wanted('serve')) await http();
if (wanted('evaluation')) {
  await evaluation();
  requestText();
}
if (wanted('library')) await library();
if (wanted('cli')) await commandLine();
if (wanted('analysis')) await analysis();
