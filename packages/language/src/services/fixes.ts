// Quick fixes for editors: the edits that put right the diagnostics at a range of the text (a
// misspelling's "did you mean", a vocabulary to add to `uses`), read from the data the stage that
// reported each diagnostic gave it (`replacement`, `vocabulary`), never from its message.
import type * as A from '../ast.ts';
import type { Diagnostic, DiagnosticCode, Range } from '../diagnostics.ts';
import { analyze } from '../pipeline.ts';
import type { ServiceOptions } from './context.ts';

/** Text to put in place of a range of the file (an empty range inserts it). */
export interface TextEdit {
  range: Range;
  text: string;
}

export interface QuickFix {
  /** What the fix does, in plain words: `Change to 'completed visits'`, `Add 'uses imaging' to guideline acme.x`. */
  title: string;
  /** The diagnostic it puts right. */
  diagnostic: { code: DiagnosticCode; range: Range; message: string };
  /** Edits of the file's text, none overlapping, each against the text as it is. */
  edits: TextEdit[];
}

/**
 * The quick fixes of the diagnostics of a file that touch a range of its text (a cursor is an empty
 * range), in the order of the diagnostics. Never throws; where nothing is to be fixed, none.
 */
export function quickFixesAt(text: string, range: Range, options: ServiceOptions = {}): QuickFix[] {
  const file = options.file ?? '<input>';
  const { ast, diagnostics } = analyze(text, file, options.program ? { program: options.program } : {});
  const fixes: QuickFix[] = [];
  for (const d of diagnostics) {
    if ((d.file !== undefined && d.file !== file) || d.range.start > range.end || d.range.end < range.start) continue;
    const fix = fixOf(d, text, ast);
    if (fix) fixes.push({ ...fix, diagnostic: { code: d.code, range: d.range, message: d.message } });
  }
  return fixes;
}

function fixOf(d: Diagnostic, text: string, ast: A.GuidelineFile): Omit<QuickFix, 'diagnostic'> | undefined {
  const replacement = d.data?.['replacement'];
  if (typeof replacement === 'string' && replacement !== text.slice(d.range.start, d.range.end)) {
    return { title: `Change to '${replacement}'`, edits: [{ range: d.range, text: replacement }] };
  }
  const vocabulary = d.data?.['vocabulary'];
  if ((d.code === 'C301' || d.code === 'C332') && typeof vocabulary === 'string') return addUses(vocabulary, d.range.start, text, ast);
  return undefined;
}

type UsingDecl = A.GuidelineDecl | A.PolicyDecl | A.VocabularyDecl;

/** `uses <vocabulary>` added to the declaration an offset is in: to its `uses` list, or as a clause after its header. */
function addUses(vocabulary: string, offset: number, text: string, ast: A.GuidelineFile): Omit<QuickFix, 'diagnostic'> | undefined {
  // The declaration an offset is in is the last to start before it (an incomplete one's range may end early).
  let decl: UsingDecl | undefined;
  for (const x of [...ast.guidelines, ...ast.policies, ...ast.vocabularies]) {
    if (x.range.start <= offset && (!decl || x.range.start > decl.range.start)) decl = x;
  }
  if (!decl) return undefined;
  const name = decl.kind === 'GuidelineDecl' ? `guideline ${decl.id.text}` : decl.kind === 'PolicyDecl' ? `policy ${decl.name.text}` : `vocabulary ${decl.name.text}`;
  const title = `Add 'uses ${vocabulary}' to ${name}`;
  const last = decl.uses[decl.uses.length - 1];
  if (last) return { title, edits: [{ range: { start: last.range.end, end: last.range.end }, text: `, ${vocabulary}` }] };
  // A clause of its own on the line after the header's last clause, indented as the header's clauses are.
  const headerEnd = Math.max(...headerParts(decl).map((n) => n.range.end));
  let at = text.indexOf('\n', headerEnd);
  if (at < 0) at = text.length;
  else if (text[at - 1] === '\r') at--;
  const nextLine = text.slice(text.indexOf('\n', decl.range.start) + 1);
  const indent = /^([ \t]+)\S/.exec(nextLine)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { title, edits: [{ range: { start: at, end: at }, text: `${eol}${indent}uses ${vocabulary}` }] };
}

/** The nodes of a declaration's header clauses (those before its members). */
function headerParts(d: UsingDecl): { range: Range }[] {
  const some = (...xs: ({ range: Range } | undefined)[]): { range: Range }[] => xs.filter((x) => x !== undefined);
  switch (d.kind) {
    case 'GuidelineDecl':
      return [d.id, ...some(d.title, d.source, d.edition, d.revises, d.inForce?.from, d.inForce?.to, d.applies, d.unless), ...d.drops, ...d.covers];
    case 'PolicyDecl':
      return [d.name, ...some(d.title, d.jurisdiction, d.denialNote), ...d.steps.flat()];
    case 'VocabularyDecl':
      return [d.name, ...some(d.title)];
  }
}
