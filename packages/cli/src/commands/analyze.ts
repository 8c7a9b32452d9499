// `guideline analyze [paths] [--json]` and `guideline diff --before A --after B [--json]`: the static
// analysis of @guideline/analysis on compiled guidelines, each finding as a located diagnostic with
// the requests it holds for and an example case, replayed through both evaluators before it is shown.
import { parseArgs } from 'node:util';
import { hasErrors, type RuleSet } from '@guideline/language';
import { analyzeRules, diffRules, type AnalysisReport, type Finding } from '@guideline/analysis';
import type { Determination } from '@guideline/runtime';
import { compileFiles, UsageError, type LoadedSource } from '../load.ts';
import { dim, printable, renderDiagnostics } from '../render.ts';

const help = `Usage: guideline analyze [paths] [--json]
       guideline diff --before <paths> --after <paths> [--json]

analyze   what no test case shows: guidelines a policy never lets decide (or only in part), guidelines that
          never apply, criteria never met or always met, 'only when's that never hold, requests of a covered
          treatment no guideline reaches, and overlaps within a step of a policy (default: the bundled guidelines/)
diff      for each region of requests that two versions decide differently (decision, criterion statuses or
          certified visits), one case with both determinations

Each finding comes with an example case, replayed through both evaluators before it is shown. --json prints
one finding per line. Exit status: 0 nothing to look at, 1 warnings, 2 invalid input, 70 an example that did
not reproduce its finding (a bug of guideline's).`;

/** Runs `analyze` or `diff` with their own arguments (argv[0] is the command). */
export async function analysisCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.slice(1),
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, before: { type: 'string', multiple: true }, after: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(help + '\n');
    return 0;
  }
  if (argv[0] === 'analyze') {
    if (values.before || values.after) throw new UsageError(`--before and --after are options of 'guideline diff'\n\n${help}`);
    const compiled = compile(positionals);
    if (!compiled) return 2;
    return show(await analyzeRules(compiled.rules), compiled.sources, values.json);
  }
  if (positionals.length || !values.before || !values.after) throw new UsageError(`'guideline diff' takes --before <paths> and --after <paths>\n\n${help}`);
  const before = compile(values.before);
  const after = before && compile(values.after);
  if (!before || !after) return 2;
  return show(await diffRules(before.rules, after.rules), [...after.sources, ...before.sources], values.json);
}

/** The rule set of the paths, or undefined (its errors printed) when they do not compile. */
function compile(paths: readonly string[]): { rules: RuleSet; sources: LoadedSource[] } | undefined {
  const r = compileFiles(paths);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) process.stderr.write(renderDiagnostics(errors, r.sources) + '\n');
  return hasErrors(r.diagnostics) || !r.rules ? undefined : { rules: r.rules, sources: r.sources };
}

function show(report: AnalysisReport, sources: readonly LoadedSource[], json: boolean): number {
  const out: string[] = [];
  for (const f of report.findings) out.push(json ? JSON.stringify(f) : render(f, sources));
  if (!json) out.push(summary(report));
  if (out.length) process.stdout.write(out.join(json ? '\n' : '\n\n') + '\n');
  if (report.unreproduced) {
    process.stderr.write(`guideline: internal error: ${report.unreproduced} finding${report.unreproduced === 1 ? '' : 's'} did not reproduce on ${report.unreproduced === 1 ? 'its' : 'their'} example\n`);
    return 70;
  }
  return report.findings.some((f) => f.severity === 'warning' || f.severity === 'error') ? 1 : 0;
}

/** A finding as the CLI prints diagnostics, then where it holds and its example. */
export function render(f: Finding, sources: readonly LoadedSource[]): string {
  const lines = [renderDiagnostics([f], sources)];
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

function summary(r: AnalysisReport): string {
  const count = (s: string): number => r.findings.filter((f) => f.severity === s).length;
  const n = r.findings.length;
  return dim(`${n} finding${n === 1 ? '' : 's'} (${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} for information); checks ${Math.round(r.timings.checks)} ms, examples ${Math.round(r.timings.examples)} ms`);
}
