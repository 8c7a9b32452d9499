// `pnpm bench`: evaluation, compile, editing and memory measured side by side in one run, reported
// as medians and as ratios against baselines measured in the same run. Not a test: numbers only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, compileProgram, type RuleSet } from '../../packages/language/src/index.ts';
import { evaluate, evaluateFast, evaluateMany, readRequestText, type Case } from '../../packages/runtime/src/index.ts';
import { generateCases } from './cases.ts';
import { handWritten } from './hand-written.ts';
import { plainCompiled, plainEngine, runPlain } from './plain-engine.ts';
import { corpus, editingFile } from './corpus.ts';
import { serving } from './serve.ts';

const here = import.meta.dirname;
const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 5;
const N = quick ? 20_000 : 100_000;
const N_ENGINE = quick ? 1_000 : 3_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

async function rate(label: string, n: number, run: () => unknown): Promise<{ label: string; perSecond: number }> {
  const rates: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await run();
    rates.push(n / ((performance.now() - t) / 1000));
  }
  return { label, perSecond: median(rates) };
}

function table(title: string, rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(`\n${title}`);
  for (const [i, r] of rows.entries()) {
    console.log('  ' + r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('   '));
    if (i === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('   '));
  }
}

const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

async function evaluation(): Promise<void> {
  const text = readFileSync(join(here, 'physical-medicine.guideline'), 'utf8');
  const compiled = compileProgram([{ text, file: 'physical-medicine.guideline' }]);
  if (!compiled.rules) throw new Error('bench fixture does not compile');
  const rules: RuleSet = compiled.rules;
  const cases: Case[] = generateCases(N);

  // The fast path and the hand-written function must agree on every case before either is timed.
  let disagreements = 0;
  for (const c of cases) {
    const a = evaluateFast(rules, c, { detail: 'decision' });
    const b = handWritten(c);
    const same = a.decision === b.decision && a.certifiedVisits === b.certifiedVisits && (b.statuses.length === 0 || a.criteria.map((x) => x.status).join() === b.statuses.join()) && [...a.missing].sort().join() === [...b.missing].sort().join();
    if (!same) disagreements++;
  }
  if (disagreements) throw new Error(`the hand-written function disagrees with the fast path on ${disagreements} cases`);

  const engine = plainEngine();
  const compiledPlain = plainCompiled(rules);
  const few = cases.slice(0, N_ENGINE);
  // Interleaved: each round times every path once, in turn, so a slow stretch of this shared
  // machine falls on all of them; each ratio is the median of the ratios within a round.
  const paths: { label: string; n: number; run: () => unknown }[] = [
    { label: 'hand-written function (the limit)', n: N, run: () => { for (const c of cases) handWritten(c); } },
    { label: 'fast path, decision only', n: N, run: () => { for (const c of cases) evaluateFast(rules, c, { detail: 'decision' }); } },
    { label: 'fast path, full determination', n: N, run: () => { for (const c of cases) evaluateFast(rules, c); } },
    { label: 'plain json-rules-engine, hand-written rules', n: N_ENGINE, run: async () => { for (const c of few) await runPlain(engine, c); } },
    { label: 'plain json-rules-engine, our compiled rules', n: N_ENGINE, run: async () => { for (const c of few) await compiledPlain(c); } },
    { label: 'our json-rules-engine path (full)', n: N_ENGINE, run: async () => { for (const c of few) await evaluate(rules, c); } },
  ];
  const rates: number[][] = paths.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, p] of paths.entries()) {
      const t = performance.now();
      await p.run();
      rates[i]!.push(p.n / ((performance.now() - t) / 1000));
    }
  }
  const ratio = (i: number, base: number): number => median(rates[i]!.map((r, round) => r / rates[base]![round]!));
  const HAND = 0;
  const PLAIN = 4;
  table(`Evaluation: ${N.toLocaleString('en-US')} generated cases (json-rules-engine rows: the first ${N_ENGINE.toLocaleString('en-US')}), ${ROUNDS} interleaved rounds, medians`, [
    ['path', 'cases/s', '× hand-written', '× plain jre, same rules'],
    ...paths.map((p, i) => [p.label, fmt(median(rates[i]!)), ratio(i, HAND).toFixed(3), ratio(i, PLAIN).toFixed(2)]),
  ]);
  console.log(`  targets: fast path (decision only) ≥ 0.5× hand-written: ${ratio(1, HAND) >= 0.5 ? 'met' : 'NOT met'}; our json-rules-engine path ≥ 1× a plain setup of the same rules: ${ratio(5, PLAIN) >= 1 ? 'met' : 'NOT met'}`);

  // Peak memory of a streamed batch: determinations consumed as they are produced.
  const before = process.memoryUsage().rss;
  let peak = before;
  let i = 0;
  for (const r of evaluateMany(rules, cases)) {
    if ('determination' in r && ++i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  table('Memory: full determinations for every case, streamed', [
    ['measure', 'MiB'],
    ['resident before the batch (cases in memory)', (before / 2 ** 20).toFixed(0)],
    [`peak resident during the ${N.toLocaleString('en-US')}-case batch`, (peak / 2 ** 20).toFixed(0)],
  ]);
}

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

console.log(`guideline bench — Node ${process.version}, ${process.platform}/${process.arch}${quick ? ' (quick)' : ''}`);
const only = ['--editing', '--compile', '--serve'].find((f) => process.argv.includes(f));
if (only === '--serve') await http();
else {
  // Editing first: the editor's worker is a fresh, small heap, not one holding 100,000 cases.
  editing();
  if (only !== '--editing') await compiling();
  if (!only) {
    await http();
    await evaluation();
    requestText();
  }
}
