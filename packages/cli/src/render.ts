// Terminal rendering: diagnostics as `file:line:col: error CODE message` with a code frame, and
// determinations in the shape of an IMR decision's "issues, decisions and rationales". Every string
// from a case, a guideline, a rule set or a file name goes through `printable` on its way out.
import type { Diagnostic, SourceText } from '@guideline/language';
import { SourceFile } from '@guideline/language/rules';
import { jsonFieldSpans, type CaseIssue, type Determination, type JsonSpan } from '@guideline/runtime';

const tty = process.stdout.isTTY && !process.env['NO_COLOR'];
/** A batch's worker threads paint as the main thread would (their own stdout is no terminal). */
let color = tty;
export const setColor = (on: boolean): void => void (color = on);
export const colored = (): boolean => Boolean(color);
const paint = (code: string) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
export const red = paint('31');
export const green = paint('32');
export const yellow = paint('33');
export const dim = paint('2');
export const bold = paint('1');

/**
 * Control characters (C0, DEL, C1: ESC starts the terminal's own commands), format characters (the
 * bidirectional overrides and isolates, zero-width spaces and joiners, the byte-order mark), line
 * and paragraph separators and lone surrogates: what could change or hide what a terminal shows.
 */
const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Text from outside (a case, a guideline, a rule set, a file name) as the terminal may print it:
 * every character that could move the cursor, change colours, set the title, clear the screen or
 * reorder or hide text is shown as its escape (`\x1b`, `\u202e`); everything else is unchanged.
 */
export function printable(text: string): string {
  return text.replace(unsafe, (c) => {
    const code = c.charCodeAt(0);
    return named[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** Diagnostics with code frames. A source's `shown` (its path for the user) names it when given, else its `file`. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], sources: readonly (SourceText & { shown?: string })[]): string {
  // The first source of a name: `diff` gives the version after the change first, and the version
  // before under the same names (a folder and its copy at a revision).
  const files = new Map<string, { src: SourceFile; shown: string }>();
  for (const s of sources) if (!files.has(s.file)) files.set(s.file, { src: new SourceFile(s.text, s.file), shown: s.shown ?? s.file });
  return diagnostics
    .map((d) => {
      const f = files.get(d.file ?? '');
      const pos = f ? f.src.position(d.range.start) : { line: 1, column: 1 };
      const sev = d.severity === 'error' ? red('error') : d.severity === 'warning' ? yellow('warning') : 'info';
      const head = `${printable(f?.shown ?? d.file ?? '<input>')}:${pos.line}:${pos.column}: ${sev} ${d.code} ${printable(d.message)}`;
      return f ? `${head}\n${dim(f.src.codeFrame(d.range, { show: printable }))}` : head;
    })
    .join('\n\n');
}

/** A located problem of an input file, on one line: `file:line:col: error CODE message`. */
export function renderError(file: string, line: number, column: number, code: string, message: string): string {
  return `${printable(file)}${line ? `:${line}` : ''}${line && column ? `:${column}` : ''}: ${red('error')} ${code} ${printable(message)}`;
}

/** Where a document stands: its text, and for a line of a batch, that line's number. */
export interface DocumentText {
  text: string;
  /** The line of the file the text is (a JSON Lines batch); absent for a whole file. */
  line?: number | undefined;
  /** The field the case is under in the document (`case` in a test-case file), if not the whole. */
  under?: string | undefined;
}

/**
 * A problem at a place in a document: `file:line:col: error CODE message` and a code frame of the
 * place. A line of a batch is framed alone, numbered as the file's line.
 */
export function renderAt(file: string, doc: DocumentText, span: JsonSpan, code: string, message: string): string {
  const src = new SourceFile(doc.text, file);
  const pos = src.position(span.start);
  const line = doc.line ?? pos.line;
  let frame = src.codeFrame(span, { show: printable, context: doc.line === undefined ? 1 : 0 });
  if (doc.line !== undefined) {
    // The frame of a one-line text numbers it 1: number it as the batch's line instead.
    const n = String(doc.line);
    frame = frame.replace(/^> 1 \| /, `> ${n} | `).replace(/\n {3}\| /, `\n  ${' '.repeat(n.length)} | `);
  }
  return `${printable(file)}:${line}:${pos.column}: ${red('error')} ${code} ${printable(message)}\n${dim(frame)}`;
}

/** A case's problems, each at its field when the document's text is at hand. */
export function renderCaseIssues(file: string, issues: readonly CaseIssue[], doc?: DocumentText): string {
  // Every field in one reading of the text.
  const spans = doc ? jsonFieldSpans(doc.text, issues.map((i) => (doc.under ? (i.field ? `${doc.under}.${i.field}` : doc.under) : i.field))) : [];
  return issues
    .map((i, n) => {
      const message = `${i.field || 'case'}: ${i.message}`;
      if (!doc || i.more) return `${printable(file)}: ${red('error')} R501 ${printable(message)}`;
      return renderAt(file, doc, spans[n]!, 'R501', message);
    })
    .join('\n');
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

/** Text wrapped to a width: its runs of white space (line breaks too) are where it may break, its words escaped. */
function wrap(text: string, indent: string, width = 96): string {
  const words = text.split(/\s+/).map(printable);
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

/**
 * A determination as a reviewer reads it. `words` gives a missing case field in the words of the
 * fact that reads it, the field in parentheses (the determination's `missing` holds the fields alone).
 */
export function renderDetermination(d: Determination, request: string, file: string, words: (field: string) => string = (f) => f): string {
  const out: string[] = [];
  out.push(bold(`${printable(request)}:  ${outcome[d.decision]}${d.decision === 'partially-medically-necessary' ? ` (${d.certifiedVisits} visits certified)` : ''}`) + dim(`   [${printable(d.caseId ?? file)}]`));
  if (d.guideline) out.push('', wrap(`Guideline: ${d.guideline.title}${d.guideline.edition ? ` (edition ${d.guideline.edition})` : ''}. Decision based on ${d.guideline.citation}.`, ''));
  if (d.criteria.length) {
    out.push('', 'Criteria:');
    for (const c of d.criteria) {
      out.push(`  ${statusMark[c.status]}  ${printable(c.title)}  ${dim(`(${printable(c.source.file.split('/').pop() ?? '')}:${c.source.line})`)}`);
      // A decision-only determination (--detail decision) carries no rationale text.
      if ((c.status === 'not-met' || c.status === 'unknown' || c.status === 'needs-review') && c.rationale) out.push(wrap(c.rationale, '                    '));
      // Each part's status padded to the longest ("not met"), so that their titles line up as the criteria's do.
      for (const p of c.parts ?? []) out.push(`                    ${p.status === 'met' ? green('met'.padEnd(7)) : p.status === 'not-met' ? red('not met') : yellow('unknown')}  ${printable(p.title)}`);
    }
  }
  if (d.missing.length) out.push('', wrap(`Missing: ${d.missing.map(words).join(', ')}`, ''));
  if (d.rationale) out.push('', wrap(`Decision rationale: ${d.rationale}`, ''));
  for (const n of d.notes ?? []) out.push('', wrap(`Note: ${n}`, ''));
  return out.join('\n');
}
