// One pipeline entry: texts -> parse -> check (as one program, with the standard vocabularies) ->
// compile. User input never throws; diagnostics say why.
import type * as A from './ast.ts';
import type { GuidelineFile } from './ast.ts';
import type { RuleSet } from './artifact.ts';
import { check, checkProgram, Collected, standardFiles, type ParsedFile } from './check/index.ts';
import { checkFileNames } from './check/names.ts';
import { compileModel } from './compile/index.ts';
import { collector, hasErrors, maxDiagnosticsPerFile, type Diagnostic, type Range } from './diagnostics.ts';
import { declaredUnitsOf, parse, parseProgram, sharedMemo, type ParseMemo } from './parse.ts';
import type { DeclaredUnits } from './units.ts';

export { matchesPattern } from './check/program.ts';

export interface CompileResult {
  /** The rule set, or undefined when the files have errors. */
  rules: RuleSet | undefined;
  diagnostics: Diagnostic[];
}

export interface SourceText {
  text: string;
  /** Path as it should appear in diagnostics and source maps. */
  file: string;
}

/**
 * Parses and checks one file: diagnostics and the (possibly partial) AST, without compiling.
 * `program`: the other files it is compiled with (their vocabularies and guidelines are known to it).
 * Declarations parsed by an earlier call are reused (the editor calls this on every edit).
 */
export function analyze(text: string, file = '<input>', options: { program?: readonly SourceText[] } = {}): { ast: GuidelineFile; diagnostics: Diagnostic[] } {
  const all = parseProgram([{ text, file }, ...(options.program ?? []).filter((s) => s.file !== file)], sharedMemo);
  const parsed = all[0]!;
  const program = all.slice(1).map((s): ParsedFile => ({ file: s.file, text: s.text, ast: s.ast }));
  const checked = check(parsed.ast, text, file, sharedMemo.expressions, program).diagnostics;
  return { ast: parsed.ast, diagnostics: merge(parsed.ast, parsed.diagnostics, checked) };
}

/** The units the vocabularies of these texts declare (the formatter reads a file's numbers with them). */
export function unitsDeclaredIn(sources: readonly SourceText[]): DeclaredUnits {
  return declaredUnitsOf(sources.map((s) => parse(s.text, s.file, null).ast));
}

/** Parse diagnostics, then the checks', except those in a declaration the parser could not read whole. */
function merge(ast: A.GuidelineFile, parsed: Diagnostic[], checked: Diagnostic[]): Diagnostic[] {
  if (hasErrors(parsed)) {
    // A declaration the parser could not read whole would mostly echo its parse errors (a clause
    // missing, a fact cut short); the checks of every other declaration still stand.
    const recovered = parsed.filter((d) => recoveryCodes.has(d.code));
    const broken = declarationRanges(ast).filter((r) => recovered.some((d) => d.range.start >= r.start && d.range.start <= r.end));
    checked = checked.filter((d) => !broken.some((r) => d.range.start >= r.start && d.range.start <= r.end));
  }
  if (!checked.length) return parsed;
  if (parsed.length + checked.length <= maxDiagnosticsPerFile) return [...parsed, ...checked];
  // Parse and check together stay within the file's cap (a list with a P208 is already over it).
  const { diagnostics, report } = collector(parsed[0]?.file ?? checked[0]?.file, maxDiagnosticsPerFile);
  for (const d of parsed) report(d.code, d.range, d.data ?? {});
  for (const d of checked) report(d.code, d.range, d.data ?? {});
  return diagnostics;
}

/** Codes after which the parser had to skip or invent text: the declaration is not whole. */
const recoveryCodes = new Set<string>(['L101', 'L102', 'P201', 'P202', 'P203', 'P220', 'P221']);

/**
 * The spans of the file's declarations, each running up to the next one, so the text the parser
 * skipped belongs to the declaration it broke.
 */
function declarationRanges(ast: GuidelineFile): Range[] {
  const decls: { range: Range }[] = [
    ...ast.guidelines.flatMap((g) => [g, ...g.classes, ...g.recommendations, ...g.tables, ...g.criteria, ...g.defines]),
    ...ast.vocabularies.flatMap((v) => [v, ...v.units, ...v.facts, ...v.records, ...v.records.flatMap((r) => r.fields), ...v.defines, ...v.tables, ...v.criteria]),
    ...ast.policies.flatMap((p) => [p, ...p.criteria, ...p.defines]),
  ];
  const starts = decls.map((d) => d.range.start).sort((a, b) => a - b);
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1]! - 1 : ast.range.end }));
}

/** Compiles one guideline file. */
export function compileGuideline(text: string, options: { file?: string } = {}): CompileResult {
  return compileProgram([{ text, file: options.file ?? '<input>' }]);
}

/**
 * Compiles several files into one rule set: policies may name guidelines of any of the files, and
 * guidelines use vocabularies of any of them (and the standard ones). A compile keeps nothing once
 * it returns, unless `reuse` is set: then declarations are parsed once and reused by later compiles
 * (the editor compiles on every edit).
 */
export function compileProgram(sources: readonly SourceText[], options: { reuse?: boolean } = {}): CompileResult {
  const memo: ParseMemo | null = options.reuse ? sharedMemo : null;
  const expressions = memo ? memo.expressions : new Map();
  const parsed: (ParsedFile & { diagnostics: Diagnostic[] })[] = parseProgram(sources, memo);
  const collected = new Collected();
  for (const p of parsed) checkFileNames(p.ast, collected.report(p.file));
  const model = checkProgram([...standardFiles(), ...parsed], collected.report, expressions);
  const diagnostics: Diagnostic[] = [];
  for (const s of standardFiles()) diagnostics.push(...s.diagnostics, ...collected.of(s.file));
  for (const p of parsed) diagnostics.push(...merge(p.ast, p.diagnostics, collected.of(p.file)));
  const order = new Map(sources.map((s, i) => [s.file, i]));
  diagnostics.sort((a, b) => (order.get(a.file ?? '') ?? -1) - (order.get(b.file ?? '') ?? -1) || a.range.start - b.range.start);
  if (hasErrors(diagnostics)) return { rules: undefined, diagnostics };
  return { rules: compileModel(model, [...standardFiles(), ...sources]), diagnostics };
}
