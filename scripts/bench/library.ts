// The whole bundled library, and how a case's cost grows with it: the first case (the library's
// plans compiled) beside a warm one, the bundled library, 170 and 1,700 guidelines (copies of the
// bundled ones covering treatments of their own, every copy in the policies' evidence order), and
// guidelines of 4, 40 and 400 criteria.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileProgram, type RuleSet, type SourceText } from '../../packages/language/src/index.ts';
import { evaluateFast, type Case } from '../../packages/runtime/src/index.ts';
import { libraryCases } from '../corpus/cases.ts';
import { generateCases } from './cases.ts';
import { fmt, interleaved, median, perRound, quick, table } from './report.ts';
import { bundledSources } from '../../test/support/bundled.ts';

const N = quick ? 10_000 : 50_000;

function compile(sources: SourceText[]): RuleSet {
  const r = compileProgram(sources);
  if (!r.rules) throw new Error(`bench library does not compile: ${r.diagnostics.find((d) => d.severity === 'error')?.message}`);
  return r.rules;
}

/** The bundled guidelines and copies of them up to `count` guidelines: copy k has ids under `<family>.k<k>.` and covers `<treatment>-k<k>`. */
export function scaledLibrary(count: number): SourceText[] {
  const sources = bundledSources();
  const guidelines = sources.filter((s) => /^guideline /m.test(s.text));
  const policies = sources.filter((s) => !/^guideline /m.test(s.text));
  const per = guidelines.reduce((n, s) => n + (s.text.match(/^guideline /gm)?.length ?? 0), 0);
  const out = [...guidelines];
  const patterns: string[] = [];
  for (let k = 1, made = per; made < count; k++) {
    for (const s of guidelines) {
      if (made >= count) break;
      // A vocabulary is declared once: a copy uses the bundled file's, and declares none of its own.
      const text = s.text
        .replace(/^vocabulary [\s\S]*?(?=^guideline )/gm, '')
        .replace(/^guideline (mtus|odg)\.(\S+)/gm, (_, family: string, rest: string) => `guideline ${family}.k${k}.${rest}`)
        .replace(/^(\s+covers\s+)(.*)$/gm, (_, head: string, list: string) => head + list.split(/,\s*/).map((t) => `${t.trim()}-k${k}`).join(', '));
      out.push({ text, file: s.file.replace(/\.guideline$/, `.k${k}.guideline`) });
      made += s.text.match(/^guideline /gm)?.length ?? 0;
    }
    patterns.push(`mtus.k${k}.*`, `odg.k${k}.*`);
  }
  // Every copy in each policy's order, after the bundled steps.
  for (const p of policies) out.push(patterns.length ? { ...p, text: p.text.replace(/(\n  then[^\n]*)(?![\s\S]*\n  then)/, `$1\n  then  ${patterns.join(', ')}`) } : p);
  return out;
}

/** A guideline of `n` criteria: the fixture's four, repeated under ids of their own. */
function criteriaGuideline(n: number): SourceText[] {
  const fixture = readFileSync(join(import.meta.dirname, 'physical-medicine.guideline'), 'utf8');
  const policy = fixture.slice(fixture.indexOf('\npolicy'));
  const head = fixture.slice(0, fixture.indexOf('criterion '));
  const criteria = fixture.slice(fixture.indexOf('criterion '), fixture.indexOf('\npolicy'));
  let text = head;
  for (let i = 0; i < n / 4; i++) text += criteria.replace(/^criterion ([a-z-]+)/gm, `criterion $1-${i}`) + '\n';
  return [{ text: text + policy, file: `criteria-${n}.guideline` }];
}

const perCase = (ms: number, n: number): number => (ms * 1000) / n;

export async function library(): Promise<void> {
  const base = compile(bundledSources());
  const cases = JSON.parse(JSON.stringify([...libraryCases(base, N, 5)])) as Case[];

  // Cold: a rule set no case has met (its plans compiled on first use) beside the same case warm.
  const cold = JSON.parse(JSON.stringify(base)) as RuleSet;
  let t = performance.now();
  evaluateFast(cold, cases[0], { detail: 'decision' });
  const coldMs = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < 200; i++) {
    t = performance.now();
    evaluateFast(cold, cases[0], { detail: 'decision' });
    warm.push(performance.now() - t);
  }
  // Full determinations: each round on a rule set of its own, checked and planned, that has kept nothing.
  const fullRules = perRound(() => {
    const r = JSON.parse(JSON.stringify(base)) as RuleSet;
    for (const c of cases.slice(0, 200)) evaluateFast(r, c, { detail: 'decision' });
    return r;
  });
  const { rates, ratio } = await interleaved([
    { n: N, run: () => { for (const c of cases) evaluateFast(base, c, { detail: 'decision' }); } },
    { n: N, run: () => { const r = fullRules(); for (const c of cases) evaluateFast(r, c); } },
  ]);
  table(`The bundled library (${base.guidelines.length} guidelines, ${base.policies.length} policies): ${N.toLocaleString('en-US')} generated cases, medians`, [
    ['measure', 'µs a case', 'cases/s'],
    ['decision only', fmt(1e6 / median(rates[0]!)), fmt(median(rates[0]!))],
    ['full determination', fmt(1e6 / median(rates[1]!)), fmt(median(rates[1]!))],
    ['the first case of a new rule set (its plans compiled)', fmt(coldMs * 1000), ''],
    ['the same case warm (median of 200)', fmt(median(warm) * 1000), ''],
  ]);
  console.log(`  full takes ${ratio(0, 1).toFixed(1)}× the time of decision only`);

  // The bundled library (its own size), 170 and 1,700 guidelines: the same cases.
  const sizes = [17, 170, 1700];
  const libraries = sizes.map((n) => {
    const start = performance.now();
    const rules = compile(scaledLibrary(n));
    return { n, rules, compileMs: performance.now() - start };
  });
  for (const l of libraries) for (const c of cases.slice(0, 200)) evaluateFast(l.rules, c, { detail: 'decision' }); // plans compiled
  const scaled = await interleaved(libraries.map((l) => ({ n: N, run: () => { for (const c of cases) evaluateFast(l.rules, c, { detail: 'decision' }); } })));
  table('Decision only, as the library grows (the same cases; copies cover treatments of their own)', [
    ['guidelines', 'compile ms', 'µs a case', '× the bundled library'],
    ...libraries.map((l, i) => [`${l.rules.guidelines.length.toLocaleString('en-US')}`, fmt(l.compileMs), fmt(1e6 / median(scaled.rates[i]!)), scaled.ratio(0, i).toFixed(2)]),
  ]);
  console.log(`  target: 1,700 guidelines within 2× of the bundled library per case: ${scaled.ratio(0, 2) <= 2 ? 'met' : 'NOT met'}`);

  // Guidelines of 4, 40 and 400 criteria: the cost grows with what a case is decided by.
  const fixtureCases = generateCases(quick ? 5_000 : 20_000);
  const byCriteria = [4, 40, 400].map((n) => ({ n, rules: compile(criteriaGuideline(n)) }));
  const crit = await interleaved(byCriteria.map((g) => ({ n: fixtureCases.length, run: () => { for (const c of fixtureCases) evaluateFast(g.rules, c, { detail: 'decision' }); } })));
  table('Decision only, by the criteria of the governing guideline', [
    ['criteria', 'µs a case', 'µs a criterion', '× 4 criteria'],
    ...byCriteria.map((g, i) => [String(g.n), fmt(1e6 / median(crit.rates[i]!)), (1e6 / median(crit.rates[i]!) / g.n).toFixed(3), crit.ratio(0, i).toFixed(1)]),
  ]);
}
