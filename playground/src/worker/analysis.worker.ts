// The analysis worker: holds the same workspace as the language worker and runs the static analysis
// of @guideline/analysis on its program (findings with examples, replayed through both evaluators),
// and the comparison of the open file with another version of it. The analysis takes seconds on the
// bundled library: in a worker of its own, completions, runs and tests never wait for it.
import { analyzeRules, diffRules, type AnalysisReport } from '@guideline/analysis';
import { compileProgram, standardVocabularySources, type RuleSet } from '@guideline/language';
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
    // The workspace's files and the standard vocabularies are read for acceptances; an unused one is reported in the workspace's own.
    const program = workspace.program();
    const vocabularies = standardVocabularySources.filter((v) => !program.some((s) => s.file === v.file)).map((v) => ({ ...v, borrowed: true }));
    const report = await analyzeRules(rules, { sources: [...program, ...vocabularies] });
    reports.set(rules, (done = { report, ms: performance.now() - t }));
  }
  return findingsResult(done.report, file, workspace.text(file), done.ms);
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
