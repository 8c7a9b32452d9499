// Hover and go-to-definition for editors: what the word under the cursor means (a fact's type, unit
// and description; a criterion's rationale and citation; a class's terms and codes) and where it is declared.
import type * as A from '../ast.ts';
import { sourceOf } from '../compile/index.ts';
import type { Range } from '../diagnostics.ts';
import { matchesPattern } from '../pipeline.ts';
import { children } from '../walk.ts';
import type { Sym } from '../check/symbols.ts';
import { serviceContext, sourceText, typeText, type ServiceContext, type ServiceOptions } from './context.ts';

const isClassFact = (s: Sym | undefined): boolean => s?.kind === 'fact' && s.ty.kind === 'class';

export interface HoverInfo {
  range: Range;
  /** What it is, in a few words: `fact completed visits`. */
  title: string;
  /** Paragraphs of plain text (callers escape them for whatever markup they render). */
  body: string[];
}

/** The nodes from the root down to the innermost one containing the offset. */
function pathAt(root: A.Node, offset: number): A.Node[] {
  const path: A.Node[] = [root];
  for (;;) {
    const inner = children(path[path.length - 1]!).find((c) => c.range.start <= offset && offset <= c.range.end && c.range.end > c.range.start);
    if (!inner) return path;
    path.push(inner);
  }
}

interface Target {
  node: A.Node;
  parent: A.Node | undefined;
  guideline: A.GuidelineDecl | undefined;
  /** The vocabulary the node is in (a shared criterion's). */
  vocabulary?: A.VocabularyDecl | undefined;
  ast: A.GuidelineFile;
  ctx: ServiceContext;
}

function targetAt(text: string, offset: number, options: ServiceOptions): Target | undefined {
  const ctx = serviceContext(text, options);
  const ast = ctx.ast;
  const path = pathAt(ast, offset);
  if (path.length < 2) return recommendEntryAt(ast, offset, ctx);
  const node = path[path.length - 1]!;
  const guideline = path.find((n): n is A.GuidelineDecl => n.kind === 'GuidelineDecl');
  const vocabulary = path.find((n): n is A.VocabularyDecl => n.kind === 'VocabularyDecl');
  return { node, parent: path[path.length - 2], guideline, vocabulary, ast, ctx };
}

/** Recommend entries are not children in the walk of a guideline; find their names directly. */
function recommendEntryAt(ast: A.GuidelineFile, offset: number, ctx: ServiceContext): Target | undefined {
  for (const g of ast.guidelines) {
    for (const b of g.recommendations) {
      for (const e of b.entries) {
        if (e.name.range.start <= offset && offset <= e.name.range.end) return { node: e.name, parent: e, guideline: g, ast, ctx };
      }
    }
  }
  return undefined;
}

/** The class a name refers to: a value of `diagnosis is ...`, a recommend entry, or the declaration itself. */
function classOf(t: Target): A.ClassDecl | undefined {
  if (t.node.kind !== 'Name' || !t.guideline) return undefined;
  const name = t.node.text;
  const p = t.parent;
  const refers = p?.kind === 'ClassDecl' || p?.kind === 'CourseEntry' || p?.kind === 'FrequencyEntry' || (p?.kind === 'IsValuesExpr' && p.subject.kind === 'FactRef' && isClassFact(t.ctx.symbolOf(p.subject)));
  return refers ? t.guideline.classes.find((c) => c.name.text === name) : undefined;
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Hover information at an offset, or undefined where there is nothing to say. Never throws. */
export function hoverAt(text: string, offset: number, options: ServiceOptions = {}): HoverInfo | undefined {
  const t = targetAt(text, offset, options);
  if (!t) return undefined;
  const n = t.node;
  if (n.kind === 'FactRef') {
    const f = t.ctx.symbolOf(n);
    if (!f) return { range: n.range, title: `unknown fact ${n.name}`, body: ['No vocabulary this declaration uses declares it: check the spelling, or the vocabularies named in `uses`.'] };
    if (f.kind === 'define') return { range: n.range, title: `define ${f.words}`, body: [f.decl.meaning?.text ?? 'A named condition or value.', `Defined in ${f.vocabulary ? `vocabulary ${f.vocabulary}` : 'this guideline'} (${f.file}).`] };
    if (f.kind === 'column') {
      const table = f.table.decl;
      const title = table?.title?.text ?? (f.table.id === 'recommend' ? "The guideline's recommend block" : f.table.id);
      return { range: n.range, title: `column ${f.words}: ${typeText(f.ty)}`, body: [f.meaning ?? `The cell of the row of table ${f.table.id} that the case's ${f.table.keys.map((k) => k.ref.name).join(', ') || 'keys'} choose.`, `Table: ${title}.`] };
    }
    const body = [f.meaning ?? '', sourceText(f)].filter((x) => x);
    if (f.vocabulary) body.push(`Vocabulary: ${f.vocabulary}.`);
    return { range: n.range, title: `fact ${f.words}: ${typeText(f.ty)}`, body };
  }
  if (n.kind === 'Name' && t.parent?.kind === 'CriterionDecl' && t.parent.name === n) return criterionHover(t.parent, t.guideline, t.vocabulary);
  const cls = classOf(t);
  if (cls && n.kind === 'Name') {
    const body = [cls.title?.text ?? cls.name.text];
    if (cls.terms.length) body.push(`Terms: ${cls.terms.map((x) => x.text).join(', ')}`);
    if (cls.codes.length) body.push(`Codes: ${cls.codes.map((x) => x.text).join(', ')}`);
    return { range: n.range, title: `${cls.of === 'procedure' ? 'procedure' : 'class'} ${cls.name.text}`, body };
  }
  return undefined;
}

function criterionHover(c: A.CriterionDecl, g: A.GuidelineDecl | undefined, v: A.VocabularyDecl | undefined): HoverInfo {
  const body: string[] = [];
  if (c.title) body.push(c.title.text);
  if (c.texts.otherwise) body.push(`Rationale when not met: ${oneLine(c.texts.otherwise.text)}`);
  if (c.source) body.push(`Source: ${sourceOf(c.source).citation}`);
  if (g) {
    const citation = g.source ? sourceOf(g.source).citation : g.id.text;
    body.push(`Guideline: ${g.title?.text ?? g.id.text} (${citation})`);
  } else if (v) body.push(`Shared criterion of vocabulary ${v.name.text}: guidelines apply it with 'use criterion ${c.name.text}'.`);
  return { range: c.name.range, title: `criterion ${c.name.text}`, body };
}

/** Where the name at an offset is declared: a class, a criterion, a guideline named by a policy. */
export function definitionAt(text: string, offset: number, options: ServiceOptions = {}): Range | undefined {
  const t = targetAt(text, offset, options);
  if (!t || t.node.kind !== 'Name') return undefined;
  const cls = classOf(t);
  if (cls) return cls.name.range;
  if (t.parent?.kind === 'CriterionDecl') return t.parent.name.range;
  if (t.parent?.kind === 'PolicyDecl') {
    const pattern = t.node.text;
    const g = t.ast.guidelines.find((x) => matchesPattern(pattern, x.id.text));
    return g?.id.range;
  }
  return undefined;
}
