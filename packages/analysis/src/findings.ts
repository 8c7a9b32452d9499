// What the analysis reports: findings as diagnostics of the catalog (A6xx), each located in the
// guideline or policy it is about, with the region it holds in (in words) and an example case.
import { diagnosticCodes, formatMessage, type DiagnosticCode, type Diagnostic, type SourceLocation, type CompiledPolicy } from '@guideline/language';
import type { Determination } from '@guideline/runtime';
import type { Cell, Region } from './cell.ts';
import type { Status } from './model.ts';
import type { Decision } from './decisions.ts';
import type { Placed } from './space.ts';

/** A place in a guideline file, as the artifact's source map gives it. */
export interface Located {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A case that shows a finding, and what the evaluators decided on it. */
export interface Example {
  /** The case: valid by the contract of the rule set (or, for a difference, of both). */
  case: Record<string, unknown>;
  /** What the rule set decides (the one after, for a difference). */
  determination?: Determination;
  /** The other side: what the rule set before decided, or what the guideline decides on its own. */
  other?: { label: string; determination: Determination };
  /** Whether both evaluators (the fast path and json-rules-engine) reproduced the finding on it. */
  reproduced: boolean;
  /** When not reproduced: what the replay found instead. */
  problem?: string;
}

/** Another place a finding points at (the guideline that shadows, the criterion it is about). */
export interface Related {
  range: { start: number; end: number };
  message: string;
  file: string;
  line: number;
  column: number;
}

/** A finding: a diagnostic of the A6xx series, located, with its region and an example. */
export interface Finding extends Omit<Diagnostic, 'related'>, Located {
  file: string;
  related?: Related[];
  /** The region of requests it holds for, in words, one line per part. */
  region: string[];
  example?: Example;
  /** The reason of the acceptance in the source that accepts it (`# accept A607: why`): not counted as a warning. */
  accepted?: string;
}

/** What an example must show, checked on the determinations of both evaluators. */
export type Claim =
  /** This guideline governs (null: none does) and, when given, the criterion has the status. */
  | { kind: 'governs'; guideline: Placed | null; criterion?: { id: string; policy?: string; status: Status } }
  /** The guideline applies (it governs when consulted alone), but `by` (or, without `by`, another guideline, or none) governs. */
  | { kind: 'passed-over'; guideline: Placed; by?: Placed }
  /** The guideline does not apply: consulted alone, it does not govern. */
  | { kind: 'not-applying'; guideline: Placed }
  /** The two rule sets (before, after) decide the case differently, in the way named. */
  | { kind: 'differs'; what: 'decision'; before: Decision; after: Decision }
  | { kind: 'differs'; what: 'guideline'; before: string | null; after: string | null }
  | { kind: 'differs'; what: 'status'; criterion: { id: string; policy?: string }; before: Status | undefined; after: Status | undefined }
  | { kind: 'differs'; what: 'certified' };

/** A finding before its example is built and replayed. */
export interface Pending {
  code: DiagnosticCode;
  args: Record<string, unknown>;
  at: SourceLocation;
  /** How much of the source the finding underlines: from `at.start`, this many characters (all of it when undefined). */
  length?: number;
  related?: { at: SourceLocation; length?: number; message: string }[];
  region: Region;
  /** The cell the example comes from, the policy it is decided under, and what it must show. */
  example?: { cell: Cell; policy: CompiledPolicy; claim: Claim };
}

/** The first line of a declaration: its keyword and name (`guideline mtus.x`). */
export const headLength = (keyword: string, name: string): number => keyword.length + 1 + name.length;

export function finding(p: Pending, region: string[]): Finding {
  const start = p.at.start;
  const end = p.length === undefined ? p.at.end : start + p.length;
  const f: Finding = {
    code: p.code,
    severity: severityOf(p.code),
    message: formatMessage(p.code, p.args),
    range: { start, end },
    file: p.at.file,
    line: p.at.line,
    column: p.at.column,
    endLine: p.length === undefined ? p.at.endLine : p.at.line,
    endColumn: p.length === undefined ? p.at.endColumn : p.at.column + p.length,
    data: p.args,
    region,
  };
  if (p.related?.length) {
    f.related = p.related.map((r) => ({ range: { start: r.at.start, end: r.length === undefined ? r.at.end : r.at.start + r.length }, message: r.message, file: r.at.file, line: r.at.line, column: r.at.column }));
  }
  return f;
}

const severityOf = (code: DiagnosticCode): Diagnostic['severity'] => diagnosticCodes[code].severity;
