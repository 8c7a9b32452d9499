// Terminal rendering: diagnostics as `file:line:col: error CODE message` with a code frame, and
// determinations in the shape of an IMR decision's "issues, decisions and rationales".
import { SourceFile, type Diagnostic, type SourceText } from '@guideline/language';
import type { CaseIssue, Determination } from '@guideline/runtime';

const tty = process.stdout.isTTY && !process.env['NO_COLOR'];
const paint = (code: string) => (s: string) => (tty ? `\u001b[${code}m${s}\u001b[0m` : s);
export const red = paint('31');
export const green = paint('32');
export const yellow = paint('33');
export const dim = paint('2');
export const bold = paint('1');

export function renderDiagnostics(diagnostics: readonly Diagnostic[], sources: readonly SourceText[]): string {
  const files = new Map(sources.map((s) => [s.file, new SourceFile(s.text, s.file)]));
  return diagnostics
    .map((d) => {
      const src = files.get(d.file ?? '');
      const pos = src ? src.position(d.range.start) : { line: 1, column: 1 };
      const sev = d.severity === 'error' ? red('error') : d.severity === 'warning' ? yellow('warning') : 'info';
      const head = `${d.file ?? '<input>'}:${pos.line}:${pos.column}: ${sev} ${d.code} ${d.message}`;
      return src ? `${head}\n${dim(src.codeFrame(d.range))}` : head;
    })
    .join('\n\n');
}

export function renderCaseIssues(file: string, issues: readonly CaseIssue[]): string {
  return issues.map((i) => `${file}: ${red('error')} R501 ${i.field || 'case'}: ${i.message}`).join('\n');
}

const statusMark: Record<string, string> = {
  met: green('met           '),
  'not-met': red('not met       '),
  'not-applicable': dim('not applicable'),
  unknown: yellow('unknown       '),
  'needs-review': yellow('needs review  '),
};

const outcome: Record<Determination['decision'], string> = {
  'medically-necessary': 'Medically necessary',
  'not-medically-necessary': 'Not medically necessary',
  'partially-medically-necessary': 'Partially medically necessary',
  'insufficient-information': 'Insufficient information',
  'needs-clinical-review': 'Needs clinical review',
  'no-applicable-guideline': 'No applicable guideline',
};

function wrap(text: string, indent: string, width = 96): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (indent + line + ' ' + w).length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/** A determination as a reviewer reads it. */
export function renderDetermination(d: Determination, request: string, file: string): string {
  const out: string[] = [];
  out.push(bold(`${request}:  ${outcome[d.decision]}${d.decision === 'partially-medically-necessary' ? ` (${d.certifiedVisits} visits certified)` : ''}`) + dim(`   [${d.caseId ?? file}]`));
  if (d.guideline) out.push('', wrap(`Guideline: ${d.guideline.title}${d.guideline.edition ? ` (edition ${d.guideline.edition})` : ''}. Decision based on ${d.guideline.citation}.`, ''));
  if (d.criteria.length) {
    out.push('', 'Criteria:');
    for (const c of d.criteria) {
      out.push(`  ${statusMark[c.status]}  ${c.title}  ${dim(`(${c.source.file.split("/").pop()}:${c.source.line})`)}`);
      // A decision-only determination (--detail decision) carries no rationale text.
      if ((c.status === 'not-met' || c.status === 'unknown' || c.status === 'needs-review') && c.rationale) out.push(wrap(c.rationale, '                    '));
      for (const p of c.parts ?? []) out.push(`                    ${p.status === 'met' ? green('met') : p.status === 'not-met' ? red('not met') : yellow('unknown')}  ${p.title}`);
    }
  }
  if (d.missing.length) out.push('', `Missing: ${d.missing.join(', ')}`);
  if (d.rationale) out.push('', wrap(`Decision rationale: ${d.rationale}`, ''));
  for (const n of d.notes ?? []) out.push('', wrap(`Note: ${n}`, ''));
  return out.join('\n');
}
