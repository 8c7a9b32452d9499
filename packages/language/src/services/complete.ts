// Completion for editors: the keywords the grammar accepts at the cursor (Chevrotain's
// computeContentAssist over the declaration being written), fact names, classes, values and units.
import type { IToken, TokenType } from 'chevrotain';
import type * as A from '../ast.ts';
import type { Range } from '../diagnostics.ts';
import { lex } from '../lexer.ts';
import { getParser } from '../parser/index.ts';
import * as T from '../tokens.ts';
import { serviceContext, typeText, type ServiceContext, type ServiceOptions } from './context.ts';

export type CompletionKind = 'keyword' | 'fact' | 'class' | 'value' | 'unit' | 'guideline';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line shown beside the label (a fact's type, a class's title). */
  detail?: string;
  documentation?: string;
  /** The text the item replaces: the words already typed towards it. */
  range: Range;
}

/** Where each declaration starts, and the grammar rule that reads it. */
const declRules = new Map<TokenType, string>([
  [T.GuidelineKw, 'guidelineDecl'],
  [T.ClassKw, 'classDecl'],
  [T.ProcedureKw, 'classDecl'],
  [T.RecommendKw, 'recommendBlock'],
  [T.CriterionKw, 'criterionDecl'],
  [T.PolicyKw, 'policyDecl'],
  [T.VocabularyKw, 'vocabularyDecl'],
  [T.FactKw, 'factDecl'],
  [T.FieldKw, 'factDecl'],
  [T.RecordKw, 'recordDecl'],
  [T.DefineKw, 'defineDecl'],
]);
const declKeywords = ['guideline', 'class', 'procedure', 'recommend', 'criterion', 'use criterion', 'policy', 'vocabulary', 'fact', 'record', 'field', 'define', 'unit', 'table'];
/** What a file may start with (every other declaration belongs to one of these). */
const firstKeywords = ['vocabulary', 'guideline', 'policy'];
const units = ['visits', 'weeks', 'months', 'days', 'years', 'hours', 'per week', 'mg a day', 'percent'];
const isKeyword = new Set<TokenType>(T.keywordTokenTypes);
const isWord = (t: IToken): boolean => t.tokenType === T.Identifier || isKeyword.has(t.tokenType);

/** Completions at an offset of the text, best first. Never throws; inside a comment or string, none. */
export function completionsAt(text: string, offset: number, options: ServiceOptions = {}): CompletionItem[] {
  const lexed = lex(text);
  if (lexed.comments.some((c) => c.startOffset < offset && offset <= c.endOffset! + 1)) return [];
  const all = lexed.tokens;
  if (all.some((t) => t.tokenType === T.StringLiteral && t.startOffset < offset && offset <= t.endOffset!)) return [];
  let before = all.filter((t) => t.endOffset! + 1 <= offset);
  // A word that ends at the cursor is being typed: complete it rather than after it.
  let from = offset;
  const last = before[before.length - 1];
  if (last && last.endOffset! + 1 === offset && isWord(last)) {
    before = before.slice(0, -1);
    from = last.startOffset;
  }
  let declStart = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    if (declRules.has(before[i]!.tokenType)) {
      declStart = i;
      break;
    }
  }
  const ctx = serviceContext(text, options);
  const ast = ctx.ast;
  const items = new Map<string, CompletionItem>();
  const add = (item: Omit<CompletionItem, 'range'> & { range?: Range }): void => {
    if (!items.has(item.label)) items.set(item.label, { range: { start: from, end: offset }, ...item });
  };
  if (declStart < 0) {
    for (const k of firstKeywords) add({ label: k, kind: 'keyword' });
    return [...items.values()];
  }
  const decl = before.slice(declStart);
  const rule = declRules.get(decl[0]!.tokenType)!;
  const parser = getParser();
  let suggestions: ReturnType<typeof parser.computeContentAssist> = [];
  try {
    suggestions = parser.computeContentAssist(rule, decl);
  } catch {
    suggestions = []; // content assist on input it cannot follow: offer the declaration keywords only
  }
  const guideline = [...ast.guidelines].reverse().find((g) => g.range.start <= decl[0]!.startOffset);
  for (const s of suggestions) {
    const stack = s.ruleStack;
    const inRule = stack[stack.length - 1];
    if (isKeyword.has(s.nextTokenType)) add({ label: String(s.nextTokenType.PATTERN).slice(1, -1), kind: 'keyword' });
    else if (s.nextTokenType === T.Identifier) identifierItems(inRule, decl, guideline, ast, add, from, offset, ctx);
  }
  if (declarationComplete(rule, decl)) for (const k of declKeywords) add({ label: k, kind: 'keyword' });
  return [...items.values()];
}

type Add = (item: Omit<CompletionItem, 'range'> & { range?: Range }) => void;

function identifierItems(inRule: string | undefined, decl: IToken[], g: A.GuidelineDecl | undefined, ast: A.GuidelineFile, add: Add, from: number, offset: number, ctx: ServiceContext): void {
  const prev = decl[decl.length - 1];
  switch (inRule) {
    case 'unitPhrase':
      for (const u of units) add({ label: u, kind: 'unit' });
      return;
    case 'primary': {
      if (prev?.tokenType === T.NumberLiteral || prev?.tokenType === T.PerKw) {
        for (const u of units) add({ label: u, kind: 'unit' });
        return;
      }
      // Words already typed of a fact name ("completed ") are replaced together with the rest.
      let i = decl.length;
      while (i > 0 && decl[i - 1]!.tokenType === T.Identifier) i--;
      const typed = decl.slice(i).map((t) => t.image);
      const range = { start: typed.length ? decl[i]!.startOffset : from, end: offset };
      for (const f of ctx.scopeAt(offset).all()) {
        const words = f.words.split(' ');
        if (typed.every((w, k) => words[k] === w) && words.length > typed.length) {
          const detail = f.kind === 'fact' ? typeText(f.ty) : f.kind === 'column' ? `column of table ${f.table.id}` : 'define';
          const documentation = f.kind === 'define' ? f.decl.meaning?.text : f.meaning;
          add({ label: f.words, kind: 'fact', detail, ...(documentation ? { documentation } : {}), range });
        }
      }
      return;
    }
    case 'value':
    case 'valueList':
    case 'isTest':
      valueItems(decl, g, add, ctx, offset);
      return;
    case 'recommendEntry':
      for (const c of g?.classes ?? []) add({ label: c.name.text, kind: 'class', detail: c.title?.text ?? '' });
      add({ label: 'frequency', kind: 'keyword' });
      return;
    case 'course':
    case 'frequency':
      for (const u of prev?.tokenType === T.PerKw ? ['week'] : units.filter((u) => !u.includes(' '))) add({ label: u, kind: 'unit' });
      return;
    case 'qualifiedName':
      if (decl[0]!.tokenType === T.PolicyKw) for (const other of ast.guidelines) add({ label: other.id.text, kind: 'guideline', detail: other.title?.text ?? '' });
      return;
  }
}

/** Values after `<fact> is`: the guideline's classes for `diagnosis`/`surgery`, or the fact's enum values. */
function valueItems(decl: IToken[], g: A.GuidelineDecl | undefined, add: Add, ctx: ServiceContext, offset: number): void {
  let i = decl.length - 1;
  while (i >= 0 && decl[i]!.tokenType !== T.IsKw) i--;
  let j = i;
  while (j > 0 && decl[j - 1]!.tokenType === T.Identifier) j--;
  const fact = ctx.scopeAt(offset).lookup(decl.slice(j, i).map((t) => t.image).join(' '));
  if (!fact || fact.kind !== 'fact') return;
  const ty = fact.ty.kind === 'list' ? fact.ty.of : fact.ty;
  if (ty.kind === 'class') {
    const of = ty.of;
    for (const c of g?.classes ?? []) if (c.of === of) add({ label: c.name.text, kind: 'class', detail: c.title?.text ?? '' });
  } else if (ty.kind === 'enum') {
    for (const v of ty.values) add({ label: v, kind: 'value', detail: fact.words });
  } else if (ty.kind === 'bool') {
    for (const v of ['yes', 'no']) add({ label: v, kind: 'value', detail: fact.words });
  }
}

/** Whether the declaration read so far could end here (so a new one may begin). */
function declarationComplete(rule: string, decl: IToken[]): boolean {
  const parser = getParser();
  parser.begin(decl);
  (parser as unknown as Record<string, () => void>)[rule]!();
  const ok = parser.errors.length === 0;
  parser.begin([]);
  return ok;
}


