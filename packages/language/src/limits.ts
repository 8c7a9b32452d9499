// What the front end reads at most, apart from the parser so that tools reading files for it (the
// command line) know the limits without loading the parser.
import { maxDiagnosticsPerFile } from './diagnostics.ts';

/**
 * Limits that keep broken or hostile input from hanging or crashing the front end (docs/limits.md).
 * maxNesting: parentheses; maxExpressionDepth: parentheses, operators in a row and `not`s together,
 * which is how deep an expression's tree can grow, and so how deep every pass over it recurses.
 */
export const limits = { maxFileLength: 2_000_000, maxNesting: 50, maxExpressionDepth: 100, maxDiagnostics: maxDiagnosticsPerFile };
