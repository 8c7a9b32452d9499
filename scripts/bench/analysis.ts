// The static analysis, measured: every check on the bundled library, on a generated library of 1,000
// guidelines (spread over treatments and body regions, as a real library is, so the pairwise checks
// meet only guidelines of the same treatment), and the diff of two editions of the bundled library.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyzeRules, diffRules } from '../../packages/analysis/src/index.ts';
import { compileProgram, type RuleSet, type SourceText } from '../../packages/language/src/index.ts';

const root = join(import.meta.dirname, '../..');

function guidelineFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? guidelineFiles(p) : p.endsWith('.guideline') ? [p] : [];
  });
}

export const bundledSources = (): SourceText[] => guidelineFiles(join(root, 'guidelines')).map((f) => ({ text: readFileSync(f, 'utf8'), file: relative(root, f) }));

function compiled(sources: SourceText[]): RuleSet {
  const r = compileProgram(sources);
  if (!r.rules) throw new Error(`bench: the library does not compile: ${r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code}`).slice(0, 3).join('; ')}`);
  return r.rules;
}

const regions = ['neck', 'low back', 'shoulder', 'knee', 'hip', 'elbow'];
const treatments = ['physical-therapy', 'occupational-therapy', 'acupuncture', 'chiropractic', 'massage', 'aquatic-therapy'];

/** `n` guidelines over the treatments and body regions, each with a course, a trial and a frequency, and one policy consulting them in steps. */
export function generatedLibrary(n: number): SourceText[] {
  const out: SourceText[] = [];
  for (let i = 0; i < n; i++) {
    const start = (i * 7) % 13;
    const cap = 6 + ((i * 5) % 19);
    out.push({
      file: `generated/g${i}.guideline`,
      text: [
        `guideline gen.g${i}`,
        `  title "Generated ${i}"`,
        '  source "Generated Guidelines", 2009, pages 1-2',
        `  covers ${treatments[i % treatments.length]}`,
        '  uses physical-medicine',
        `  applies when body region is "${regions[Math.floor(i / treatments.length) % regions.length]}" and completed visits >= ${start}`,
        '',
        'criterion course "Within the course"',
        `  require completed visits + requested visits <= ${cap} visits`,
        `  certify at most ${cap} visits - completed visits`,
        '  otherwise "The course is over."',
        '',
        'criterion improvement "Improvement after the trial"',
        `  only when completed visits > ${Math.min(cap - 1, 6)}`,
        '  require functional improvement is documented',
        '  otherwise "No improvement is documented."',
        '',
        'criterion frequency "At most 3 a week"',
        '  only when requested frequency is known',
        `  require requested frequency <= ${2 + (i % 3)}`,
        '  otherwise "Too frequent."',
        '',
      ].join('\n'),
    });
  }
  // Steps of 50: the later steps are where earlier ones take requests from them.
  const steps = Array.from({ length: Math.ceil(n / 50) }, (_, s) => Array.from({ length: Math.min(50, n - s * 50) }, (_, k) => `gen.g${s * 50 + k}`));
  out.push({ file: 'generated/policy.guideline', text: ['policy generated "Generated"', '  jurisdiction CA', ...steps.map((ids, s) => `  ${s ? 'then ' : 'first'} ${ids.join(', ')}`), ''].join('\n') });
  return out;
}

/** A second edition of the bundled library: courses two visits longer, a trial one shorter. */
export function nextEdition(sources: SourceText[]): SourceText[] {
  return sources.map((s) => ({
    ...s,
    text: s.text
      .replace(/(completed visits \+ requested visits <= )(\d+)/, (_, a: string, n: string) => `${a}${Number(n) + 2}`)
      .replace(/(only when completed visits < )(\d+)/, (_, a: string, n: string) => `${a}${Math.max(1, Number(n) - 1)}`),
  }));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * The median of `rounds` runs of the checks after a first (cold) one, and, when `examples`, one run
 * building and replaying every finding's example (through json-rules-engine too, which runs every
 * rule of the guidelines of the treatment: seconds for a thousand findings, so not for the large library).
 */
async function time(run: (examples: boolean) => Promise<{ findings: unknown[]; timings: { checks: number; examples: number } }>, rounds: number, examples: boolean): Promise<{ cold: number; checks: number; examples: string; findings: number }> {
  const first = await run(false);
  const checks: number[] = [];
  for (let i = 0; i < rounds; i++) checks.push((await run(false)).timings.checks);
  const full = examples ? (await run(true)).timings.examples.toFixed(0) : 'not timed';
  return { cold: first.timings.checks, checks: median(checks), examples: full, findings: first.findings.length };
}

export async function analysisRows(quick: boolean): Promise<string[][]> {
  const rounds = quick ? 2 : 5;
  const bundled = compiled(bundledSources());
  const generated = compiled(generatedLibrary(1000));
  const edition = compiled(nextEdition(bundledSources()));
  const rows: string[][] = [];
  for (const [label, run, examples] of [
    ['all checks, the bundled library', (examples: boolean) => analyzeRules(bundled, { examples }), true],
    ['all checks, a generated library of 1,000 guidelines', (examples: boolean) => analyzeRules(generated, { examples }), false],
    ['diff of two editions of the bundled library', (examples: boolean) => diffRules(bundled, edition, { examples }), true],
  ] as const) {
    const t = await time(run, label.startsWith('diff') ? Math.min(rounds, 2) : rounds, examples);
    rows.push([label, t.checks.toFixed(0), t.cold.toFixed(0), t.examples, String(t.findings)]);
  }
  return rows;
}
