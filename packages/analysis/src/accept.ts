// Findings an editor has reviewed and accepted in the source, as linters take a directive: a comment
// `# accept A607: why` (or `# accept A607 (acupuncture): why`, for the findings whose message names
// acupuncture) in the comment block directly above the line a finding is located at. The finding
// stays in the report, marked with the reason; an acceptance without a reason (A614), and one no
// finding matches (A613), are findings of their own.
import { lex, SourceFile, type SourceText } from '@guideline/language';
import { finding, type Finding } from './findings.ts';

/** A source read for acceptances; `borrowed` when it is not the user's own (a bundled file added to theirs). */
export type AcceptingSource = SourceText & { borrowed?: boolean };

export interface Acceptance {
  /** The code it accepts. */
  code: string;
  /** Text the finding's message must contain, when the acceptance names it (in parentheses after the code). */
  about?: string;
  /** Why, from the text after the code to the next acceptance, an empty comment line or the block's end. */
  reason: string;
  /** The line it applies to: the one right below its comment block. */
  target: number;
  /** Where the acceptance's own comment line is. */
  at: { file: string; line: number; column: number; endLine: number; endColumn: number; start: number; end: number };
}

const directive = /^#\s*accept\s+([A-Z]\d{3})(?!\w)(?:\s*\(([^)]*)\))?\s*:?\s*(.*)$/;

interface CommentLine {
  line: number;
  column: number;
  start: number;
  image: string;
}

/** The acceptances of a source: comments on lines of their own, directly above the line they accept a finding at. */
export function readAcceptances(source: SourceText): Acceptance[] {
  if (!/#\s*accept\b/.test(source.text)) return [];
  const src = new SourceFile(source.text, source.file);
  // Blocks of comments on lines of their own, one below the other (a comment after code accepts nothing).
  const blocks: CommentLine[][] = [];
  for (const c of lex(source.text).comments) {
    const { line, column } = src.position(c.startOffset);
    if (src.lineText(line).slice(0, column - 1).trim() !== '') continue;
    const comment = { line, column, start: c.startOffset, image: c.image.trimEnd() };
    const block = blocks.at(-1);
    if (block && block.at(-1)!.line === line - 1) block.push(comment);
    else blocks.push([comment]);
  }
  const out: Acceptance[] = [];
  for (const block of blocks) {
    // Every acceptance of a block applies to the line right below it.
    const target = block.at(-1)!.line + 1;
    let open: Acceptance | undefined;
    for (const c of block) {
      const m = directive.exec(c.image);
      const text = c.image.replace(/^#/, '').trim();
      if (m) {
        open = { code: m[1]!, ...(m[2]?.trim() ? { about: m[2].trim() } : {}), reason: m[3]!.trim(), target, at: { file: source.file, line: c.line, column: c.column, endLine: c.line, endColumn: c.column + c.image.length, start: c.start, end: c.start + c.image.length } };
        out.push(open);
      } else if (open && text) open.reason = `${open.reason} ${text}`.trim();
      else open = undefined;
    }
  }
  return out;
}

/**
 * Marks each finding an acceptance with a reason names (its code, at the line below the
 * acceptance's comment block) as accepted, and adds a finding for each acceptance without a reason
 * (A614) and for each one of the user's own sources that accepts nothing (A613: a borrowed file's
 * acceptances may be for guidelines not analysed).
 */
export function acceptFindings(findings: readonly Finding[], sources: readonly AcceptingSource[]): Finding[] {
  const out = [...findings];
  for (const s of sources) {
    for (const a of readAcceptances(s)) {
      const accepts = a.about === undefined ? a.code : `${a.code} (${a.about})`;
      if (!a.reason) {
        out.push(finding({ code: 'A614', args: { accepts }, at: a.at, region: [] }, []));
        continue;
      }
      const matched = findings.filter((f) => f.file === s.file && f.line === a.target && f.code === a.code && (a.about === undefined || f.message.includes(a.about)));
      for (const f of matched) f.accepted ??= a.reason;
      if (!matched.length && !s.borrowed) out.push(finding({ code: 'A613', args: { accepts }, at: a.at, region: [] }, []));
    }
  }
  return out;
}
