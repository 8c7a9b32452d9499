// One pipeline entry: text -> parse -> check -> compile. User input never throws; diagnostics say why.
import type * as A from './ast.ts';
import type { GuidelineFile } from './ast.ts';
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, type RuleSet } from './artifact.ts';
import { check, type Placeholder } from './check/index.ts';
import { GuidelineCompiler } from './compile.ts';
import { collector, hasErrors, maxDiagnosticsPerFile, type Diagnostic, type Range } from './diagnostics.ts';
import { parse, sharedMemo, type ExpressionMemo, type ParseMemo } from './parse.ts';
import { SourceFile } from './source.ts';

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
 * Declarations parsed by an earlier call are reused (the editor calls this on every edit).
 */
export function analyze(text: string, file = '<input>'): { ast: GuidelineFile; diagnostics: Diagnostic[] } {
  const { ast, diagnostics } = analyzeWith(text, file, sharedMemo, sharedMemo.expressions);
  return { ast, diagnostics };
}

interface Analysis {
  ast: GuidelineFile;
  diagnostics: Diagnostic[];
  /** Each criterion's rationale placeholders, as the checker parsed them. */
  holes: Map<A.CriterionDecl, Placeholder[]>;
}

/** analyze(), with the memos to reuse (null: parse every declaration, keep none). */
function analyzeWith(text: string, file: string, memo: ParseMemo | null, expressions: ExpressionMemo): Analysis {
  const parsed = parse(text, file, memo);
  const holes = new Map<A.CriterionDecl, Placeholder[]>();
  let checked = check(parsed.ast, text, file, expressions, holes);
  if (hasErrors(parsed.diagnostics)) {
    // A declaration the parser could not read whole would mostly echo its parse errors (a clause
    // missing, a fact cut short); the checks of every other declaration still stand.
    const recovered = parsed.diagnostics.filter((d) => recoveryCodes.has(d.code));
    const broken = declarationRanges(parsed.ast).filter((r) => recovered.some((d) => d.range.start >= r.start && d.range.start <= r.end));
    checked = checked.filter((d) => !broken.some((r) => d.range.start >= r.start && d.range.start <= r.end));
  }
  if (!checked.length) return { ast: parsed.ast, diagnostics: parsed.diagnostics, holes };
  if (parsed.diagnostics.length + checked.length <= maxDiagnosticsPerFile) return { ast: parsed.ast, diagnostics: [...parsed.diagnostics, ...checked], holes };
  // Parse and check together stay within the file's cap (a list with a P208 is already over it).
  const { diagnostics, report } = collector(file, maxDiagnosticsPerFile);
  for (const d of parsed.diagnostics) report(d.code, d.range, d.data ?? {});
  for (const d of checked) report(d.code, d.range, d.data ?? {});
  return { ast: parsed.ast, diagnostics, holes };
}

/** Codes after which the parser had to skip or invent text: the declaration is not whole. */
const recoveryCodes = new Set<string>(['L101', 'L102', 'P201', 'P202', 'P203']);

/**
 * The spans of the file's declarations (guideline headers, classes, recommend blocks, criteria,
 * policies), each running up to the next one, so the text the parser skipped belongs to the
 * declaration it broke.
 */
function declarationRanges(ast: GuidelineFile): Range[] {
  const starts = [...ast.guidelines.flatMap((g) => [g, ...g.classes, ...g.recommendations, ...g.criteria]), ...ast.policies].map((d) => d.range.start).sort((a, b) => a - b);
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1]! - 1 : ast.range.end }));
}

/** Compiles one guideline file. */
export function compileGuideline(text: string, options: { file?: string } = {}): CompileResult {
  return compileProgram([{ text, file: options.file ?? '<input>' }]);
}

/**
 * Compiles several files into one rule set; policies may name guidelines of any of the files.
 * A compile keeps nothing once it returns, unless `reuse` is set: then declarations are parsed
 * once and reused by later compiles (the editor compiles on every edit).
 */
export function compileProgram(sources: readonly SourceText[], options: { reuse?: boolean } = {}): CompileResult {
  const memo = options.reuse ? sharedMemo : null;
  // Rationales repeat the same few placeholders: even a plain compile parses each text once.
  const expressions: ExpressionMemo = memo ? memo.expressions : new Map();
  const diagnostics: Diagnostic[] = [];
  const policies: { file: string; patterns: A.Name[] }[] = [];
  const rules: RuleSet = { format: ARTIFACT_FORMAT, version: ARTIFACT_VERSION, guidelines: [], policies: [] };
  const seen = new Map<string, string>();
  for (const s of sources) {
    const { ast, diagnostics: ds, holes } = analyzeWith(s.text, s.file, memo, expressions);
    for (const d of ds) diagnostics.push(d);
    const { report, diagnostics: cross } = collector(s.file);
    for (const g of ast.guidelines) {
      const other = seen.get(g.id.text);
      if (other !== undefined && other !== s.file) report('C302', g.id, { what: `guideline (also in ${other})`, name: g.id.text });
      seen.set(g.id.text, s.file);
    }
    for (const d of cross) diagnostics.push(d);
    if (ast.policies.length) policies.push({ file: s.file, patterns: ast.policies.flatMap((p) => p.steps.flat()) });
    if (hasErrors(ds)) continue;
    // Each file's AST is let go once it is compiled: a compile keeps only its rules.
    const compiler = new GuidelineCompiler(new SourceFile(s.text, s.file), s.file, holes);
    for (const g of ast.guidelines) rules.guidelines.push(compiler.guideline(g));
    for (const p of ast.policies) rules.policies.push(compiler.policy(p));
  }
  // Policy patterns are checked against every file's guidelines.
  for (const { file, patterns } of policies) {
    const { report, diagnostics: ds } = collector(file);
    for (const pat of patterns) {
      if (![...seen.keys()].some((id) => matchesPattern(pat.text, id))) report('C311', pat, { pattern: pat.text });
    }
    for (const d of ds) diagnostics.push(d);
  }
  const order = new Map(sources.map((s, i) => [s.file, i]));
  diagnostics.sort((a, b) => (order.get(a.file ?? '') ?? 0) - (order.get(b.file ?? '') ?? 0) || a.range.start - b.range.start);
  return { rules: hasErrors(diagnostics) ? undefined : rules, diagnostics };
}

/** Whether a guideline id matches a policy pattern: `mtus.*` matches every id under `mtus.`. */
export function matchesPattern(pattern: string, id: string): boolean {
  if (pattern.endsWith('.*')) return id.startsWith(pattern.slice(0, -1));
  return pattern === id;
}
