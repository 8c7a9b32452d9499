// Diagnostics: the one catalog of stable codes every stage reports with, and the Diagnostic type.
// Codes carry a stage prefix (L lex, P parse, C check, X compile, R runtime, A static analysis of a
// compiled rule set) and are never renumbered.

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
  L101: { name: 'unexpected-character', severity: 'error', template: "Unexpected character '{text}'{hint}" },
  L102: { name: 'unterminated-string', severity: 'error', template: 'Unterminated string: a closing " is missing' },
  L103: { name: 'file-too-large', severity: 'error', template: 'The file is {size} characters long; the limit is {limit}' },
  L104: { name: 'mixed-case-name', severity: 'error', template: "Names are lower case: write '{suggestion}' rather than '{word}'" },
  L105: { name: 'too-many-digits', severity: 'warning', template: 'This number is read as {value}: it has more digits than can be kept' },
  P201: { name: 'unexpected-token', severity: 'error', template: '{message}' },
  P202: { name: 'missing-token', severity: 'error', template: '{message}' },
  P203: { name: 'unexpected-end', severity: 'error', template: 'Unexpected end of file: {message}' },
  P204: { name: 'bad-unit', severity: 'error', template: "'{text}' is not a unit: use visits, hours, days, weeks, months, years, mg, mcg or percent, or one of them per a unit of time (3 per week, 120 mg a day){hint}" },
  P205: { name: 'nesting-too-deep', severity: 'error', template: 'Parentheses nest more than {limit} deep here' },
  P206: { name: 'reserved-word', severity: 'error', template: "'{word}' is a reserved word of the language and cannot be a name; choose another, such as '{word}-check'" },
  P207: { name: 'expression-too-deep', severity: 'error', template: "An expression nests more than {limit} operations deep here: split it with 'and' or into criteria" },
  P208: { name: 'too-many-diagnostics', severity: 'error', template: '{count} more {what} not shown: a file reports at most {limit}' },
  P209: { name: 'empty-file', severity: 'warning', template: 'The file {what}: it declares no guideline, policy or vocabulary' },
  P220: { name: 'reserved-in-phrase', severity: 'error', template: "'{word}' is a reserved word, so it cannot be one of a fact's words (in '{phrase}'): name the fact without it, as in '{suggestion}'" },
  P221: { name: 'misspelt-keyword', severity: 'error', template: "'{word}' is not a word the language knows here: did you mean '{phrase}'?" },
  C301: { name: 'unknown-fact', severity: 'error', template: "Unknown fact '{name}'{hint}" },
  C302: { name: 'duplicate-name', severity: 'error', template: "Duplicate {what} '{name}'" },
  C303: { name: 'unknown-class', severity: 'error', template: "Unknown class '{name}' in guideline '{guideline}'{hint}" },
  C304: { name: 'unit-mismatch', severity: 'error', template: 'Cannot compare {left} with {right}' },
  C305: { name: 'type-mismatch', severity: 'error', template: '{message}' },
  C306: { name: 'unknown-value', severity: 'error', template: "'{value}' is not a value of {fact}: expected {expected}{hint}" },
  C307: { name: 'missing-clause', severity: 'error', template: '{what} needs {clause}' },
  C308: { name: 'duplicate-clause', severity: 'error', template: "'{clause}' is given more than once" },
  C309: { name: 'bad-range', severity: 'error', template: '{message}' },
  C310: { name: 'no-recommendation', severity: 'warning', template: "Guideline '{guideline}' uses recommended values but has no recommend block" },
  C311: { name: 'unknown-guideline-pattern', severity: 'warning', template: "No guideline matches '{pattern}'" },
  C312: { name: 'bad-placeholder', severity: 'error', template: 'Placeholder {message}' },
  C313: { name: 'unused-class', severity: 'warning', template: "Class '{name}' is never used" },
  C314: { name: 'bad-date', severity: 'error', template: "'{text}' is not a calendar date" },
  C315: { name: 'unknown-vocabulary', severity: 'error', template: "Unknown vocabulary '{name}'{hint}" },
  C316: { name: 'ambiguous-fact', severity: 'error', template: "'{words}' is a fact of both {first} and {second}: a guideline can use only one of them" },
  C317: { name: 'unknown-computation', severity: 'error', template: "Unknown computation '{name}'{hint}" },
  C318: { name: 'bad-fact', severity: 'error', template: '{message}' },
  C319: { name: 'unknown-record', severity: 'error', template: "Unknown record '{name}'{hint}" },
  C320: { name: 'unknown-criterion', severity: 'error', template: "No vocabulary this {what} uses declares a criterion '{name}'{hint}" },
  C321: { name: 'hidden-policy', severity: 'warning', template: "Policy '{name}' is never consulted: policy '{other}' ({file}) governs jurisdiction {jurisdiction} too, and comes first" },
  C322: { name: 'unselected-guideline', severity: 'warning', template: "No policy consults guideline '{id}': no step of any policy matches it" },
  C323: { name: 'unknown-edition', severity: 'error', template: "Guideline '{id}' has no edition '{edition}' to revise{hint}" },
  C324: { name: 'overlapping-editions', severity: 'warning', template: "Editions '{first}' and '{second}' of guideline '{id}' are both in force on {date}" },
  C325: { name: 'define-cycle', severity: 'error', template: "'{words}' is defined in terms of itself" },
  C326: { name: 'not-a-list', severity: 'error', template: '{message}' },
  C327: { name: 'no-rationale', severity: 'warning', template: "Criterion '{name}' has no 'otherwise' text: when it is not met, a determination will say only \"Not met: {title}.\"" },
  C328: { name: 'table-row-shape', severity: 'error', template: "This row has {found}; the table's header has {expected}" },
  C329: { name: 'bad-table-key', severity: 'error', template: '{message}' },
  C330: { name: 'bad-table-column', severity: 'error', template: '{message}' },
  C331: { name: 'never-true', severity: 'error', template: "'{text}' is never true{hint}" },
  C332: { name: 'unit-not-in-use', severity: 'error', template: "'{unit}' is a unit the vocabulary '{vocabulary}' declares, and it is not in use here: add 'uses {vocabulary}'" },
  C333: { name: 'bad-unit-word', severity: 'error', template: "'{word}' cannot be declared as a unit: it is {why}" },
  C334: { name: 'bad-order-field', severity: 'error', template: "'by' orders the items of a list by one of their dates: {message}" },
  C335: { name: 'field-read-two-ways', severity: 'error', template: "'{field}' is read by '{first}' of vocabulary '{vocabulary}' {how}: a case field is read one way, so declare both alike (or read another field)" },
  C336: { name: 'unit-arithmetic', severity: 'error', template: 'Cannot {operation} {left} by {right}: {hint}' },
  X401: { name: 'compile-after-errors', severity: 'error', template: 'Not compiled: the file has {count} error(s)' },
  X402: { name: 'not-sql', severity: 'error', template: '{guideline} is not compiled to SQL: {reason}' },
  R501: { name: 'invalid-case', severity: 'error', template: '{message}' },
  R502: { name: 'invalid-rule-set', severity: 'error', template: '{message}' },
  R503: { name: 'unreadable-request-text', severity: 'warning', template: "Could not read visits from the request text '{text}'" },
  R504: { name: 'no-policy', severity: 'error', template: "No policy for jurisdiction '{jurisdiction}'" },
  R505: { name: 'case-too-large', severity: 'error', template: 'The case is over {limit} bytes long; a case is read up to that size' },
  R506: { name: 'invalid-test-case', severity: 'error', template: '{message}' },
  A601: { name: 'shadowed-guideline', severity: 'warning', template: "Guideline '{guideline}' never decides a request under policy '{policy}': wherever it applies, {by} comes first" },
  A602: { name: 'earlier-guideline-decides', severity: 'info', template: "Guideline '{by}', in an earlier step of policy '{policy}', decides some requests '{guideline}' applies to" },
  A603: { name: 'guideline-never-applies', severity: 'warning', template: "Guideline '{guideline}' applies to no request policy '{policy}' consults it for" },
  A604: { name: 'criterion-never-met', severity: 'warning', template: "Criterion '{criterion}' is never met where {owner} decides" },
  A605: { name: 'only-when-never-holds', severity: 'warning', template: "The 'only when' of criterion '{criterion}' never holds where {owner} decides, so the criterion never applies" },
  A606: { name: 'criterion-always-met', severity: 'warning', template: "Criterion '{criterion}' is met wherever {owner} decides and its facts are known: it never denies a request" },
  A607: { name: 'scope-gap', severity: 'warning', template: "Some requests for {treatments} under policy '{policy}' reach no guideline" },
  A608: { name: 'decision-changed', severity: 'info', template: 'Some requests are decided {after} instead of {before}' },
  A609: { name: 'statuses-changed', severity: 'info', template: 'Some requests keep the decision {decision}, but {what} changes from {before} to {after}' },
  A610: { name: 'certified-visits-changed', severity: 'info', template: "Some requests '{guideline}' certifies in part, before and after, are certified a different number of visits" },
  A611: { name: 'overlapping-guidelines', severity: 'info', template: "Guidelines '{first}' and '{second}', in one step of policy '{policy}', both apply to some requests; '{first}', listed first, decides them" },
  A612: { name: 'not-analyzed', severity: 'info', template: 'Not analyzed: {what}, because {reason}' },
  A613: { name: 'unused-acceptance', severity: 'warning', template: 'Nothing to accept: no {accepts} finding is located at the line below this acceptance' },
  A614: { name: 'acceptance-without-reason', severity: 'warning', template: "An acceptance of {accepts} needs a reason after the code ('# accept {accepts}: why'); without one it accepts nothing" },
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

/**
 * The most diagnostics one file reports. Past it they are only counted, into one P208 at the first
 * left out, so hostile or garbled text (megabytes of random bytes) cannot make millions of them.
 */
export const maxDiagnosticsPerFile = 100;

/**
 * A collector whose `report` takes a node (anything with a range) or a range. With a `cap`, it keeps
 * that many and counts the rest into one P208 summary (the last of `diagnostics`); a P208 reported
 * to it (another collector's summary) adds its count to that summary.
 */
export function collector(file?: string, cap = Infinity): { diagnostics: Diagnostic[]; report: Report } {
  const diagnostics: Diagnostic[] = [];
  let kept = 0;
  let summary: Diagnostic | undefined;
  const report: Report = (code, at, args = {}) => {
    const range = 'range' in at ? at.range : at;
    if (code !== 'P208' && kept < cap) {
      kept++;
      const d = diagnostic(code, range, args);
      if (file !== undefined) d.file = file;
      diagnostics.push(d);
      return;
    }
    const count = code === 'P208' ? Number(args['count']) : 1;
    const errors = code === 'P208' ? args['what'] === 'errors' : diagnosticCodes[code].severity === 'error';
    if (summary === undefined) {
      summary = diagnostic('P208', range, { count: 0, what: 'warnings', limit: cap });
      if (file !== undefined) summary.file = file;
      diagnostics.push(summary);
    }
    const data = summary.data!;
    data['count'] = Number(data['count']) + count;
    // Left-out errors make the summary an error: a file is never taken as clean for what it hid.
    if (errors) data['what'] = 'errors';
    summary.severity = data['what'] === 'errors' ? 'error' : 'warning';
    summary.message = formatMessage('P208', data);
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
