// Public API of @guideline/analysis: static analysis of compiled rule sets for editors. Findings
// are diagnostics of the A6xx series with the region they hold for and an example case, replayed
// through both evaluators before it is shown. Browser-safe: no I/O, no node:* imports.
import type { RuleSet } from '@guideline/language';
import { acceptFindings, type AcceptingSource } from './accept.ts';
import { Checks } from './checks.ts';
import { Describer } from './describe.ts';
import { finding, type Finding, type Pending } from './findings.ts';
import { Model } from './model.ts';
import { Replayer } from './replay.ts';
import { diffPending } from './diff.ts';

export type { Example, Finding, Located, Related } from './findings.ts';
export type { AcceptingSource } from './accept.ts';
export { analysisLimits } from './limits.ts';

export interface AnalysisOptions {
  /** Build and replay an example for each finding (default true); without, findings carry no example. */
  examples?: boolean;
  /**
   * The rule set's sources, read for acceptances (`# accept A607: why` directly above where a finding
   * is located): findings they accept carry `accepted`, and one without a reason (A614) or, in a
   * source not `borrowed`, one that accepts nothing (A613) is a finding. Without, nothing is accepted.
   */
  sources?: readonly AcceptingSource[];
}

export interface AnalysisReport {
  /** The findings, in order of value (shadowed guidelines first, overlaps and what was not analyzed last), then by place. */
  findings: Finding[];
  /** Findings whose example did not reproduce them through both evaluators: a bug of the analysis, always 0. */
  unreproduced: number;
  /** Milliseconds spent on the checks, and on building and replaying the examples. */
  timings: { checks: number; examples: number };
  /**
   * Steps of work the checks spent (pairs of cells met, cells joined, choices searched): what the
   * budget of each part counts (analysisLimits.workPerPart), the same on every machine.
   */
  work: number;
}

const order = (a: Finding, b: Finding): number => a.code.localeCompare(b.code) || a.file.localeCompare(b.file) || a.range.start - b.range.start;

async function report(model: Model, pending: Pending[], checks: number, options: AnalysisOptions): Promise<AnalysisReport> {
  const t = performance.now();
  const work = model.logic.work;
  const describe = new Describer(model.space);
  const replayer = new Replayer(model);
  const findings: Finding[] = [];
  let unreproduced = 0;
  for (const p of pending) {
    const f = finding(p, describe.region(model.logic.compact(p.region)));
    if (options.examples !== false) {
      const ex = await replayer.example(p);
      if (ex) {
        f.example = ex;
        if (!ex.reproduced) unreproduced++;
      }
    }
    findings.push(f);
  }
  return { findings: findings.sort(order), unreproduced, timings: { checks, examples: performance.now() - t }, work };
}

/**
 * Analyses a compiled rule set: guidelines shadowed in a policy (A601, A602), guidelines that never
 * apply (A603), criteria never met or always met and `only when`s that never hold (A604-A606),
 * requests of a covered treatment that reach no guideline (A607), overlaps within a step (A611),
 * and what is outside the method (A612); with `sources`, the findings their acceptances accept
 * (A613, A614). Never throws on a rule set that loads.
 */
export async function analyzeRules(rules: RuleSet, options: AnalysisOptions = {}): Promise<AnalysisReport> {
  const t = performance.now();
  const model = new Model([rules]);
  const pending = new Checks(model, 0).run();
  const r = await report(model, pending, performance.now() - t, options);
  if (options.sources) r.findings = acceptFindings(r.findings, options.sources).sort(order);
  return r;
}

/**
 * What changed between two versions of a rule set: for each region of requests whose decision
 * (A608), criterion statuses (A609) or certified visits (A610) differ, one finding with a case
 * that shows both determinations (`example.other` is the one before).
 */
export async function diffRules(before: RuleSet, after: RuleSet, options: AnalysisOptions = {}): Promise<AnalysisReport> {
  const t = performance.now();
  const model = new Model([before, after]);
  const pending = diffPending(model);
  return report(model, pending, performance.now() - t, options);
}
