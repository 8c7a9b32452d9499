// The analysis worker: holds the same workspace as the language worker and runs the static analysis
// of @guideline/analysis on its program (findings with examples, replayed through both evaluators;
// a guideline no policy consults under a stand-in policy, as the CLI analyses one), and the comparison of the open file with another version of it. The analysis takes seconds on the
// bundled library: in a worker of its own, completions, runs and tests never wait for it.
import { analyzeRules, diffRules, type AcceptingSource, type AnalysisReport } from '@guideline/analysis';
import { compileProgram, standardVocabularySources, type RuleSet, type SourceText } from '@guideline/language';
import type { FindingsResult, Request } from '../protocol.ts';
import { answerRequests } from './answer.ts';
import { findingsResult } from './findings.ts';
import { Workspace } from './workspace.ts';

const workspace = new Workspace();
/** The last report, by rule set: a file opened after an analysis takes its markers from it. */
const reports = new WeakMap<RuleSet, { report: AnalysisReport; ms: number }>();

const broken = (which: 'edited' | 'before'): FindingsResult => ({ findings: [], counts: { error: 0, warning: 0, info: 0, accepted: 0 }, markers: [], unreproduced: 0, notAnalyzed: 0, ms: 0, broken: which });

async function findings(file: string): Promise<FindingsResult> {
  const rules = workspace.compile();
  if (!rules) return broken('edited');
  let done = reports.get(rules);
  if (!done) {
    const t = performance.now();
    // Guidelines no policy consults are analysed under stand-in policies, as `guideline analyze` does a lone guideline.
    const unconsulted = workspace.unconsulted();
    const alone = new Set(unconsulted?.files);
    let report = await analyzeRules(rules, { sources: withVocabularies(workspace.program(), (f) => alone.has(f)) });
    const standIn = unconsulted && compileProgram(unconsulted.program).rules;
    if (unconsulted && standIn) {
      const theirs = await analyzeRules(standIn, { sources: withVocabularies(unconsulted.program, (f) => !alone.has(f)) });
      // (Acceptances of the other files were read in the workspace's own analysis.)
      report = merged(report, { ...theirs, findings: theirs.findings.filter((f) => !/^A61[34]$/.test(f.code) || alone.has(f.file)) });
    }
    reports.set(rules, (done = { report, ms: performance.now() - t }));
  }
  return findingsResult(done.report, file, workspace.text(file), done.ms);
}

/**
 * A program's files and the standard vocabularies it does not hold, read for acceptances: an
 * acceptance that accepts nothing is reported in a file of the user's own, not in one `borrowed`
 * (the vocabularies, and the files whose guidelines another analysis decides).
 */
function withVocabularies(program: readonly SourceText[], borrowed: (file: string) => boolean): AcceptingSource[] {
  const vocabularies = standardVocabularySources.filter((v) => !program.some((s) => s.file === v.file)).map((v) => ({ ...v, borrowed: true }));
  return [...program.map((s) => (borrowed(s.file) ? { ...s, borrowed: true } : s)), ...vocabularies];
}

/** Two reports as one, their findings in the analysis' order (by code, then place). */
function merged(a: AnalysisReport, b: AnalysisReport): AnalysisReport {
  const findings = [...a.findings, ...b.findings].sort((x, y) => x.code.localeCompare(y.code) || x.file.localeCompare(y.file) || x.range.start - y.range.start);
  return { findings, unreproduced: a.unreproduced + b.unreproduced, timings: { checks: a.timings.checks + b.timings.checks, examples: a.timings.examples + b.timings.examples }, work: a.work + b.work };
}

async function compare(file: string, before: string): Promise<FindingsResult> {
  const after = workspace.compile();
  if (!after) return broken('edited');
  const earlier = compileProgram(workspace.program().map((s) => (s.file === file ? { file, text: before } : s))).rules;
  if (!earlier) return broken('before');
  const t = performance.now();
  const report = await diffRules(earlier, after);
  return findingsResult(report, file, workspace.text(file), performance.now() - t);
}

async function handle(req: Request): Promise<unknown> {
  if (workspace.mirror(req)) return null;
  switch (req.kind) {
    case 'findings': return findings(req.file);
    case 'compare': return compare(req.file, req.before);
    default: throw new Error(`the analysis worker does not answer '${req.kind}'`);
  }
}

answerRequests(handle);
