// `guideline analyze [paths] [--json]` and `guideline diff --before A --after B [--json]`: the static
// analysis of @guideline/analysis on compiled guidelines, each finding as a located diagnostic with
// the requests it holds for and an example case, replayed through both evaluators before it is shown.
import type { RuleSet, SourceText } from '@guideline/language';
import { hasErrors } from '@guideline/language/rules';
import type { AcceptingSource, AnalysisReport, Finding } from '@guideline/analysis';
import type { Determination } from '@guideline/runtime';
import { booleanOption, listOption, type Command } from '../command.ts';
import type { LoadedSource } from '../compile-files.ts';
import { UsageError } from '../load.ts';
import { dim, printable, renderDiagnostics } from '../render.ts';
import { atRevisions } from '../revision.ts';

const exits = [
  'Each finding comes with an example case, replayed through both evaluators before it is shown.',
  'Exit status: 0 nothing to look at, 1 warnings, 2 invalid input, 70 an example that did not reproduce',
  "its finding (a bug of guideline's). See docs/analysis.md for each check, with an example.",
].join('\n');

/**
 * Exit 0 with no warning (an accepted one is not counted), 1 with warnings, 2 when the paths do not
 * compile, 70 when an example does not reproduce.
 */
export async function analyzeCommand(paths: readonly string[], json: boolean): Promise<number> {
  const compiled = await compile(paths);
  if (!compiled) return 2;
  const sources = await withVocabularies(compiled.sources);
  const { analyzeRules } = await import('@guideline/analysis');
  return show(await analyzeRules(compiled.rules, { sources }), sources, json);
}

const diffExits = [
  'Each finding comes with an example case, replayed through both evaluators before it is shown.',
  'Exit status: 0 no change found, 1 changes found or a part not compared (A612: what changed there is',
  'not known), 2 invalid input, 70 an example that did not reproduce its finding (a bug of',
  "guideline's). See docs/analysis.md for each check, with an example.",
].join('\n');

/** The kinds of change a diff reports, and what it could not compare. */
const changeCodes = new Set(['A608', 'A609', 'A610']);

/** Exit 0 when no change is found and every part was compared, 1 otherwise, 2 and 70 as `analyze`. */
export async function diffCommand(before: readonly string[], after: readonly string[], json: boolean): Promise<number> {
  if (!before.length || !after.length) throw new UsageError("'guideline diff' takes --before <paths> and --after <paths>", "Run 'guideline diff --help' for its options.");
  const a = await compileAt(before);
  const b = a && (await compileAt(after));
  if (!a || !b) return 2;
  const { diffRules } = await import('@guideline/analysis');
  return show(await diffRules(a.rules, b.rules), await withVocabularies([...b.sources, ...a.sources]), json, 'diff');
}

export const analyze: Command = {
  name: 'analyze',
  synopsis: '[paths] [--json]',
  summary: 'find what no test case shows: shadowed guidelines, criteria never met or always met, gaps, overlaps',
  description: [
    'Paths are guideline files or folders (default: the bundled guidelines/), relative to the current folder.',
    'Reports, per policy: guidelines that never decide a request (A601) or decide only part of what they',
    "apply to (A602), guidelines that never apply (A603), criteria never met (A604), 'only when's that never",
    'hold (A605), criteria always met once their facts are known (A606), requests of a covered treatment',
    'that reach no guideline (A607), overlaps within a step (A611), and conditions outside the method (A612).',
    "A finding reviewed and intended is accepted in the source: a comment '# accept A607: why' directly",
    'above the line it is located at. It is still listed, with its reason, and is not counted in the exit',
    'status; an acceptance without a reason (A614), or one of the paths given that accepts nothing (A613), is a warning.',
    '',
    exits,
  ].join('\n'),
  options: { json: { type: 'boolean', description: 'one JSON finding per line (with its region and example)' } },
  run: (paths, values) => analyzeCommand(paths, booleanOption(values, 'json')),
};

export const diff: Command = {
  name: 'diff',
  synopsis: '--before <paths> --after <paths> [--json]',
  summary: 'what two versions of the guidelines decide differently, with a case for each change',
  description: [
    'For each region of requests whose decision (A608), criterion statuses or governing guideline (A609),',
    'or certified visits (A610) differ between the two versions, one finding with a case and both',
    'determinations side by side. Paths are relative to the current folder; a path <rev>:<path> is read',
    'as git holds it at that revision (--before HEAD:guidelines --after guidelines: what the edits not',
    'yet committed would change). A part outside the method of the analysis, or a fact declared',
    'differently in the two versions, is not compared (A612): decide cases with both versions there',
    '(guideline test, guideline replay --before --after).',
    '',
    diffExits,
  ].join('\n'),
  options: {
    before: { type: 'string', multiple: true, value: 'paths', description: 'the guideline files or folders before the change, or <rev>:<path>' },
    after: { type: 'string', multiple: true, value: 'paths', description: 'the guideline files or folders after the change, or <rev>:<path>' },
    json: { type: 'boolean', description: 'one JSON finding per line (with its region and example)' },
  },
  run: (paths, values) => {
    if (paths.length) throw new UsageError(`'guideline diff' takes no paths of its own: give them as --before or --after (got '${paths[0]}')`, "Run 'guideline diff --help' for its options.");
    return diffCommand(listOption(values, 'before'), listOption(values, 'after'), booleanOption(values, 'json'));
  },
};

/** The rule set of the paths, or undefined (its errors printed) when they do not compile. */
async function compile(paths: readonly string[], shownAs?: (path: string) => string): Promise<{ rules: RuleSet; sources: LoadedSource[] } | undefined> {
  const { compileFiles } = await import('../compile-files.ts');
  const r = compileFiles(paths, { shownAs });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) process.stderr.write(renderDiagnostics(errors, r.sources) + '\n');
  return hasErrors(r.diagnostics) || !r.rules ? undefined : { rules: r.rules, sources: r.sources };
}

/** As `compile`, a path `<rev>:<path>` read as git holds it at that revision. */
async function compileAt(paths: readonly string[]): Promise<{ rules: RuleSet; sources: LoadedSource[] } | undefined> {
  const at = atRevisions(paths);
  try {
    return await compile(at.paths, at.shownAs);
  } finally {
    at.remove();
  }
}

/** The sources and the standard vocabularies they do not hold: a finding in one (a shared criterion) is framed, and accepted, in its own text. */
async function withVocabularies(loaded: readonly LoadedSource[]): Promise<AcceptingSource[]> {
  const { standardVocabularySources } = await import('@guideline/language');
  return [...loaded, ...standardVocabularySources.filter((v) => !loaded.some((s) => s.file === v.file)).map((v) => ({ ...v, borrowed: true }))];
}

function show(report: AnalysisReport, sources: readonly SourceText[], json: boolean, mode: 'analyze' | 'diff' = 'analyze'): number {
  const out: string[] = [];
  for (const f of report.findings) out.push(json ? JSON.stringify(f) : render(f, sources));
  if (!json) out.push(mode === 'diff' ? diffSummary(report) : summary(report));
  if (out.length) process.stdout.write(out.join(json ? '\n' : '\n\n') + '\n');
  if (report.unreproduced) {
    process.stderr.write(`guideline: internal error: ${report.unreproduced} finding${report.unreproduced === 1 ? '' : 's'} did not reproduce on ${report.unreproduced === 1 ? 'its' : 'their'} example\n`);
    return 70;
  }
  const look = (f: Finding): boolean => ((f.severity === 'warning' || f.severity === 'error') && f.accepted === undefined) || (mode === 'diff' && (changeCodes.has(f.code) || f.code === 'A612'));
  return report.findings.some(look) ? 1 : 0;
}

/** A finding as the CLI prints diagnostics, then where it holds and its example. */
export function render(f: Finding, sources: readonly (SourceText & { shown?: string })[]): string {
  const lines = [renderDiagnostics([f], sources)];
  if (f.accepted !== undefined) lines.push(`  accepted: ${printable(f.accepted)}`);
  f.region.forEach((r, i) => lines.push(`  ${i ? '   or' : 'where'} ${printable(r)}`));
  const ex = f.example;
  if (ex) {
    lines.push(`  example ${printable(JSON.stringify(ex.case))}`);
    if (ex.other) lines.push(`    ${printable(ex.other.label)}: ${decided(ex.other.determination)}`);
    if (ex.determination) lines.push(`    ${ex.other?.label === 'before' ? 'after' : 'decided'}: ${decided(ex.determination)}`);
    if (!ex.reproduced) lines.push(`    NOT REPRODUCED: ${printable(ex.problem ?? '')}`);
  }
  return lines.join('\n');
}

/** A determination in one line: the decision, the guideline and each criterion's status. */
function decided(d: Determination): string {
  const criteria = d.criteria.map((c) => `${c.policy ? `${c.policy}/` : ''}${c.id} ${c.status}`).join(', ');
  return printable(`${d.decision}${d.guideline ? ` under '${d.guideline.id}'` : ''}${d.certifiedVisits ? `, ${d.certifiedVisits} visits certified` : ''}${criteria ? ` (${criteria})` : ''}`);
}

/** What a diff found, in one line: the kinds of change, and the parts it could not compare. */
function diffSummary(r: AnalysisReport): string {
  const changes = r.findings.filter((f) => changeCodes.has(f.code)).length;
  const open = r.findings.filter((f) => f.code === 'A612').length;
  const found = changes ? `${changes} kind${changes === 1 ? '' : 's'} of change found` : open ? 'No change found where compared' : 'No change found';
  const notCompared = open ? `; ${open} part${open === 1 ? '' : 's'} not compared (A612), where what changes is not known: decide cases there with both versions (guideline test, guideline replay --before --after)` : '';
  return dim(`${found}${notCompared}; checks ${Math.round(r.timings.checks)} ms, examples ${Math.round(r.timings.examples)} ms`);
}

function summary(r: AnalysisReport): string {
  const count = (s: string): number => r.findings.filter((f) => f.severity === s && f.accepted === undefined).length;
  const accepted = r.findings.filter((f) => f.accepted !== undefined).length;
  const n = r.findings.length;
  return dim(`${n} finding${n === 1 ? '' : 's'} (${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${accepted ? `${accepted} accepted, ` : ''}${count('info')} for information); checks ${Math.round(r.timings.checks)} ms, examples ${Math.round(r.timings.examples)} ms`);
}
