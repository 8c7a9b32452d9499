// Diagnostics: the one catalog of stable codes every stage reports with, and the Diagnostic type.
// Codes carry a stage prefix (L lex, P parse, C check, X compile, R runtime) and are never renumbered.

export type Severity = 'error' | 'warning' | 'info';

/** A half-open range of UTF-16 offsets into the source text. */
export interface Range {
  start: number;
  end: number;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  file?: string;
  related?: { range: Range; message: string }[];
  data?: Record<string, unknown>;
}

interface CodeInfo {
  name: string;
  severity: Severity;
  template: string;
}

/** The catalog. Every code is documented in docs/diagnostics.md (a test keeps the two in step). */
export const diagnosticCodes = {
  L101: { name: 'unexpected-character', severity: 'error', template: "Unexpected character '{text}'" },
  L102: { name: 'unterminated-string', severity: 'error', template: 'Unterminated string: a closing " is missing' },
  L103: { name: 'file-too-large', severity: 'error', template: 'The file is {size} characters long; the limit is {limit}' },
  P201: { name: 'unexpected-token', severity: 'error', template: '{message}' },
  P202: { name: 'missing-token', severity: 'error', template: '{message}' },
  P203: { name: 'unexpected-end', severity: 'error', template: 'Unexpected end of file: {message}' },
  P204: { name: 'bad-unit', severity: 'error', template: "'{text}' is not a unit: use visits, weeks, months, days or years" },
  P205: { name: 'nesting-too-deep', severity: 'error', template: 'Parentheses nest more than {limit} deep here' },
  P206: { name: 'reserved-word', severity: 'error', template: "'{word}' is a reserved word of the language and cannot be a name; choose another, such as '{word}-check'" },
  P207: { name: 'expression-too-deep', severity: 'error', template: 'The expression nests more than {limit} levels deep here' },
  C301: { name: 'unknown-fact', severity: 'error', template: "Unknown fact '{name}'{hint}" },
  C302: { name: 'duplicate-name', severity: 'error', template: "Duplicate {what} '{name}'" },
  C303: { name: 'unknown-class', severity: 'error', template: "Unknown class '{name}' in guideline '{guideline}'" },
  C304: { name: 'unit-mismatch', severity: 'error', template: 'Cannot compare {left} with {right}' },
  C305: { name: 'type-mismatch', severity: 'error', template: '{message}' },
  C306: { name: 'unknown-value', severity: 'error', template: "'{value}' is not a value of {fact}: expected {expected}" },
  C307: { name: 'missing-clause', severity: 'error', template: '{what} needs {clause}' },
  C308: { name: 'duplicate-clause', severity: 'error', template: "'{clause}' is given more than once" },
  C309: { name: 'bad-range', severity: 'error', template: '{message}' },
  C310: { name: 'no-recommendation', severity: 'warning', template: "Guideline '{guideline}' uses recommended values but has no recommend block" },
  C311: { name: 'unknown-guideline-pattern', severity: 'warning', template: "No guideline matches '{pattern}'" },
  C312: { name: 'bad-placeholder', severity: 'error', template: 'Placeholder {message}' },
  C313: { name: 'unused-class', severity: 'warning', template: "Class '{name}' is never used" },
  C314: { name: 'bad-date', severity: 'error', template: "'{text}' is not a calendar date" },
  X401: { name: 'compile-after-errors', severity: 'error', template: 'Not compiled: the file has {count} error(s)' },
  R501: { name: 'invalid-case', severity: 'error', template: '{message}' },
  R502: { name: 'invalid-rule-set', severity: 'error', template: '{message}' },
  R503: { name: 'unreadable-request-text', severity: 'warning', template: "Could not read visits from the request text '{text}'" },
  R504: { name: 'no-policy', severity: 'error', template: "No policy for jurisdiction '{jurisdiction}'" },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** Fills a code's template with args: `{name}` becomes args.name. */
export function formatMessage(code: DiagnosticCode, args: Record<string, unknown> = {}): string {
  return diagnosticCodes[code].template.replace(/\{(\w+)\}/g, (_, k: string) => (args[k] === undefined ? '' : String(args[k])));
}

/** Builds a diagnostic from a code, a range and the template's arguments. */
export function diagnostic(code: DiagnosticCode, range: Range, args: Record<string, unknown> = {}): Diagnostic {
  const info = diagnosticCodes[code];
  return { code, severity: info.severity, message: formatMessage(code, args), range, data: args };
}

export type Report = (code: DiagnosticCode, at: Range | { range: Range }, args?: Record<string, unknown>) => void;

/** A collector whose `report` takes a node (anything with a range) or a range. */
export function collector(file?: string): { diagnostics: Diagnostic[]; report: Report } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (code, at, args = {}) => {
    const range = 'range' in at ? at.range : at;
    const d = diagnostic(code, range, args);
    if (file !== undefined) d.file = file;
    diagnostics.push(d);
  };
  return { diagnostics, report };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Thrown only for broken invariants, never for user input. */
export class GuidelineInternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GuidelineInternalError';
  }
}
