// The analysis' findings as the page shows them, in the worker: bounded (limits.ts), each with its
// example case as text and the determinations reduced to a decision and a guideline, and the findings
// of one file as editor markers (coordinates converted by SourceFile, as the language's diagnostics).
import { alonePolicyFile, SourceFile, type Diagnostic } from '@guideline/language';
import type { AnalysisReport, Finding } from '@guideline/analysis';
import type { Determination } from '@guideline/runtime';
import { findingsShown } from '../limits.ts';
import type { EditorMarker, FindingView, FindingsResult } from '../protocol.ts';
import { toMarker } from './markers.ts';

const decided = (d: Determination): { decision: string; guideline?: string } => (d.guideline ? { decision: d.decision, guideline: d.guideline.id } : { decision: d.decision });

/** A test case's name for a finding's example: its code and what it is about, in the letters a name may have. */
function nameOf(f: Finding): string {
  const about = ['criterion', 'guideline', 'second', 'policy'].map((k) => f.data?.[k]).find((v): v is string => typeof v === 'string') ?? '';
  const slug = about.toLowerCase().replace(/\(edition [^)]*\)/, '').replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48);
  return [f.code.toLowerCase(), slug].filter(Boolean).join('-');
}

export function findingView(f: Finding): FindingView {
  const v: FindingView = { code: f.code, severity: f.severity, message: f.message, file: f.file, line: f.line, column: f.column, region: f.region, name: nameOf(f) };
  if (f.accepted !== undefined) v.accepted = f.accepted;
  if (f.file === alonePolicyFile) v.standIn = true;
  const ex = f.example;
  if (ex) {
    v.example = { case: JSON.stringify(ex.case, null, 2), reproduced: ex.reproduced, ...(ex.determination ? decided(ex.determination) : {}) };
    if (ex.other) v.example.other = { label: ex.other.label, ...decided(ex.other.determination) };
    if (ex.problem) v.example.problem = ex.problem;
  }
  return v;
}

/** The report for the page: the first findings, the counts, and the markers of `file` (whose text is `text`). */
export function findingsResult(report: AnalysisReport, file: string, text: string, ms: number): FindingsResult {
  const counts: FindingsResult['counts'] = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of report.findings) counts[f.accepted === undefined ? f.severity : 'accepted']++;
  const src = new SourceFile(text, file);
  // An accepted finding is marked for information, with its reason: reviewed, it is no warning.
  const marked = (f: Finding): Diagnostic => (f.accepted === undefined ? f : { ...f, severity: 'info', message: `${f.message} (accepted: ${f.accepted})` }) as Diagnostic;
  const markers: EditorMarker[] = report.findings.filter((f) => f.file === file).slice(0, findingsShown).map((f) => toMarker(marked(f), src));
  const notAnalyzed = report.findings.filter((f) => f.code === 'A612').length;
  return { findings: report.findings.slice(0, findingsShown).map(findingView), counts, markers, unreproduced: report.unreproduced, notAnalyzed, ms: Math.round(ms) };
}
