// The fixture guideline evaluated every way: the hand-written function (the limit), the fast path
// decision only and full, plain json-rules-engine with hand-written rules and with our compiled
// rules, and our json-rules-engine path; every request text distinct, cases parsed from JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileProgram, type RuleSet } from '../../packages/language/src/index.ts';
import { engineOf, evaluate, evaluateFast, evaluateMany, type Case } from '../../packages/runtime/src/index.ts';
import { generateCases } from './cases.ts';
import { handWritten } from './hand-written.ts';
import { plainCompiled, plainEngine, runPlain } from './plain-engine.ts';
import { fmt, interleaved, median, perRound, quick, ROUNDS, table } from './report.ts';

const N = quick ? 20_000 : 100_000;
const N_ENGINE = quick ? 1_000 : 3_000;

export async function evaluation(): Promise<void> {
  const text = readFileSync(join(import.meta.dirname, 'physical-medicine.guideline'), 'utf8');
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
  // Full determinations: each round on a rule set of its own, checked and planned, that has kept nothing.
  const fresh = (): RuleSet => {
    const r = JSON.parse(JSON.stringify(rules)) as RuleSet;
    evaluateFast(r, cases[0]!, { detail: 'decision' });
    engineOf(r);
    return r;
  };
  const fullRules = perRound(fresh);
  const engineRules = perRound(fresh);
  const paths = [
    { label: 'hand-written function (the limit)', n: N, run: () => { for (const c of cases) handWritten(c); } },
    { label: 'fast path, decision only', n: N, run: () => { for (const c of cases) evaluateFast(rules, c, { detail: 'decision' }); } },
    { label: 'fast path, full determination', n: N, run: () => { const r = fullRules(); for (const c of cases) evaluateFast(r, c); } },
    { label: 'plain json-rules-engine, hand-written rules', n: N_ENGINE, run: async () => { for (const c of few) await runPlain(engine, c); } },
    { label: 'plain json-rules-engine, our compiled rules', n: N_ENGINE, run: async () => { for (const c of few) await compiledPlain(c); } },
    { label: 'our json-rules-engine path (full)', n: N_ENGINE, run: async () => { const r = engineRules(); for (const c of few) await evaluate(r, c, { engine: 'json-rules-engine' }); } },
  ];
  const { rates, ratio } = await interleaved(paths);
  const HAND = 0;
  const PLAIN = 4;
  table(`Evaluation of the fixture: ${N.toLocaleString('en-US')} generated cases, every request text distinct, parsed from JSON (json-rules-engine rows: the first ${N_ENGINE.toLocaleString('en-US')}), ${ROUNDS} interleaved rounds, medians`, [
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
