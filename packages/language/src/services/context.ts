// What the editor services know of a text: its AST, and the program it is checked in (the standard
// vocabularies and the other files given), so that a fact's words resolve as the checker resolves them.
import type * as A from '../ast.ts';
import type { Range } from '../diagnostics.ts';
import { check, type ParsedFile, type ProgramModel } from '../check/index.ts';
import { Scope, type FactSym, type Sym, type Ty } from '../check/symbols.ts';
import { parseProgram, sharedMemo } from '../parse.ts';
import type { SourceText } from '../pipeline.ts';
import { unitName } from '../units.ts';

export interface ServiceOptions {
  /** The file's name, and the other files of its program (their vocabularies are known to it). */
  file?: string;
  program?: readonly SourceText[];
}

export interface ServiceContext {
  ast: A.GuidelineFile;
  model: ProgramModel;
  /** The scope the declaration around an offset reads its facts in. */
  scopeAt(offset: number): Scope;
  /** What a fact reference was resolved to. */
  symbolOf(ref: A.FactRef): Sym | undefined;
}

export function serviceContext(text: string, options: ServiceOptions = {}): ServiceContext {
  const file = options.file ?? '<input>';
  const all = parseProgram([{ text, file }, ...(options.program ?? []).filter((s) => s.file !== file)], sharedMemo);
  const ast = all[0]!.ast;
  const program = all.slice(1).map((s): ParsedFile => ({ file: s.file, text: s.text, ast: s.ast }));
  const { model } = check(ast, text, file, sharedMemo.expressions, program);
  return {
    ast,
    model,
    scopeAt(offset) {
      // The declaration being written is the last to start before the cursor (its range may end
      // before the cursor while it is incomplete).
      let best: { start: number; scope: () => Scope } | undefined;
      const consider = (range: Range, scope: () => Scope): void => {
        if (range.start <= offset && (!best || range.start > best.start)) best = { start: range.start, scope };
      };
      for (const g of model.guidelines) if (g.file === file) consider(g.decl.range, () => g.scope);
      for (const p of model.policies) if (p.file === file) consider(p.decl.range, () => p.scope);
      for (const v of model.vocabularies.all()) if (v.file === file) consider(v.decl.range, () => model.vocabularies.scopeFor([], undefined, v));
      return best ? best.scope() : model.vocabularies.scopeFor([], undefined);
    },
    symbolOf: (ref) => model.resolved.get(ref),
  };
}

/** A type in a word or two, for completion details and hovers. */
export function typeText(t: Ty): string {
  switch (t.kind) {
    case 'number': return t.unit ? `number (${unitName(t.unit)})` : 'number';
    case 'enum': return t.values.join(' | ');
    case 'class': return `${t.of} class`;
    case 'bool': return 'yes or no';
    case 'list': return `list of ${typeText(t.of)}`;
    case 'record': return t.record.name;
    default: return t.kind;
  }
}

/** Where a fact's value comes from, in a sentence. */
export function sourceText(f: FactSym): string {
  if ('field' in f.source) return `Case field: ${f.source.field}.`;
  return `Computed by the runtime (${f.source.builtin})${f.inputs.length ? ` from ${f.inputs.join(', ')}` : ''}.`;
}
