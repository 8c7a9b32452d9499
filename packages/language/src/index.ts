// Public API of @guideline/language: parse, check, compile, and the pieces editors and tools need.
export { parse, limits, type ParseResult } from './parse.ts';
export { analyze, compileGuideline, compileProgram, matchesPattern, type CompileResult, type SourceText } from './pipeline.ts';
export { check } from './check/index.ts';
export { SourceFile, type FrameOptions, type Position } from './source.ts';
export { diagnosticCodes, formatMessage, hasErrors, maxDiagnosticsPerFile, GuidelineInternalError, type Diagnostic, type DiagnosticCode, type Range, type Severity } from './diagnostics.ts';
export { factCatalog, lookupFact, factById, type FactInfo, type FactType } from './facts.ts';
export { keywords, allTokens } from './tokens.ts';
export { lex } from './lexer.ts';
export { walk, children, nodeAt } from './walk.ts';
export { format, formatGuideline, type FormatResult } from './format.ts';
export { formatDebug } from './format-expr.ts';
export { completionsAt, type CompletionItem, type CompletionKind } from './services/complete.ts';
export { hoverAt, definitionAt, type HoverInfo } from './services/navigate.ts';
export type * from './ast.ts';
export * from './artifact.ts';
