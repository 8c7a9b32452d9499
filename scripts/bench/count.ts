// One path over 5,000 cases, ROUNDS times, for counting instructions with cachegrind (the
// difference between 9 rounds and 5, over 20,000 warmed cases, is a case's count): BENCH_ENTRY=count.ts
// node scripts/bench/run.mjs under `valgrind --tool=cachegrind node --single-threaded --predictable`, or see
// BENCHMARKS.md. WHICH=fixture|library, DETAIL=decision|full, HAND=1 (the hand-written function),
// MODE=check|text|uuid (the case check, the request text, the decision id alone), MODE=determine
// (the path without the case check), FIXED_ID=1 (a constant decision id), TIME=1 prints µs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileProgram, type RuleSet } from '../../packages/language/src/index.ts';
import { evaluateFast, assertCase, readRequestText, type Case } from '../../packages/runtime/src/index.ts';
import { determine } from '../../packages/runtime/src/evaluate.ts';
import { newDecisionId } from '../../packages/runtime/src/decision-id.ts';
import { generateCases } from './cases.ts';
import { handWritten } from './hand-written.ts';
import { bundledSources } from '../../test/support/bundled.ts';
import { libraryCases } from '../corpus/cases.ts';

const which = process.env.WHICH ?? 'fixture';
const rounds = Number(process.env.ROUNDS ?? 5);
const detail = (process.env.DETAIL ?? 'decision') as 'decision' | 'full';
let rules: RuleSet;
let cases: Case[];
if (which === 'library') {
  rules = compileProgram(bundledSources()).rules!;
  cases = JSON.parse(JSON.stringify([...libraryCases(rules, 5000, 5)])) as Case[];
} else {
  const text = readFileSync(join(import.meta.dirname, 'physical-medicine.guideline'), 'utf8');
  rules = compileProgram([{ text, file: 'physical-medicine.guideline' }]).rules!;
  cases = generateCases(5000);
}
const hand = process.env.HAND === '1';
const options = process.env.FIXED_ID === '1' ? { detail, decisionId: () => 'd' } : { detail };
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  const mode = process.env.MODE;
  if (mode === 'check') for (const c of cases) assertCase(c, rules);
  else if (mode === 'text') for (const c of cases) { if (c.request.text) readRequestText(c.request.text); }
  else if (mode === 'uuid') for (let i = 0; i < cases.length; i++) newDecisionId();
  else if (mode === 'determine') for (const c of cases) determine(rules, c, options);
  else if (hand) for (const c of cases) handWritten(c);
  else for (const c of cases) evaluateFast(rules, c, options);
  if (process.env.TIME) console.log(((performance.now() - t) * 1000 / cases.length).toFixed(2), 'µs');
}
