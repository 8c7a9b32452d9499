// AST node types: a discriminated union on `kind`; every node has a half-open `range`.
import type { Range } from './diagnostics.ts';

export interface NodeBase {
  range: Range;
}

/** A word or literal with its own range (names, strings, codes). */
export interface Name extends NodeBase {
  kind: 'Name';
  text: string;
}

export interface GuidelineFile extends NodeBase {
  kind: 'GuidelineFile';
  guidelines: GuidelineDecl[];
  policies: PolicyDecl[];
}

export interface SourceRef extends NodeBase {
  kind: 'SourceRef';
  document: string;
  edition?: number;
  parts: string[];
  firstPage?: number;
  lastPage?: number;
}

export interface GuidelineDecl extends NodeBase {
  kind: 'GuidelineDecl';
  id: Name;
  title?: Name;
  source?: SourceRef;
  inForce?: { from: Name; to?: Name };
  covers: Name[];
  applies?: Expr;
  unless?: Expr;
  classes: ClassDecl[];
  recommendations: RecommendBlock[];
  criteria: CriterionDecl[];
  /** Clauses given twice, for the checker to report. */
  repeated: Name[];
}

export interface ClassDecl extends NodeBase {
  kind: 'ClassDecl';
  /** `class` matches diagnoses, `procedure` matches the surgery. */
  of: 'diagnosis' | 'procedure';
  name: Name;
  title?: Name;
  terms: Name[];
  codes: Name[];
}

export interface RecommendBlock extends NodeBase {
  kind: 'RecommendBlock';
  entries: (CourseEntry | FrequencyEntry)[];
}

export interface Span extends NodeBase {
  kind: 'Span';
  low: number;
  high: number;
}

export interface CourseEntry extends NodeBase {
  kind: 'CourseEntry';
  name: Name;
  visits: Span;
  visitUnit: Name;
  duration: Span;
  durationUnit: Name;
  period?: { amount: number; unit: Name; range: Range };
}

export interface FrequencyEntry extends NodeBase {
  kind: 'FrequencyEntry';
  name: Name;
  mostPerWeek: number;
  per: Name;
  fadeTo?: number;
}

export interface CriterionDecl extends NodeBase {
  kind: 'CriterionDecl';
  name: Name;
  title?: Name;
  onlyWhen?: Expr;
  require?: Expr;
  certify?: Expr;
  otherwise?: Name;
  repeated: Name[];
}

export interface PolicyDecl extends NodeBase {
  kind: 'PolicyDecl';
  name: Name;
  title?: Name;
  jurisdiction?: Name;
  /** Evidence order: each step lists guideline-id patterns (`mtus.*`). */
  steps: Name[][];
}

// Expressions

export interface BoolExpr extends NodeBase {
  kind: 'BoolExpr';
  op: 'and' | 'or';
  operands: Expr[];
}

export interface NotExpr extends NodeBase {
  kind: 'NotExpr';
  operand: Expr;
}

export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!=';

export interface CompareExpr extends NodeBase {
  kind: 'CompareExpr';
  op: CompareOp;
  left: Expr;
  right: Expr;
  /** Written as `... ago` or `within ...`: the left side is a date, compared by time elapsed up to the review date. */
  elapsed?: 'ago' | 'within';
}

export interface IsValuesExpr extends NodeBase {
  kind: 'IsValuesExpr';
  subject: Expr;
  values: Name[];
  negated: boolean;
}

export interface IsKnownExpr extends NodeBase {
  kind: 'IsKnownExpr';
  subject: Expr;
  /** true for `is known` / `is not unknown`. */
  known: boolean;
}

export interface ArithExpr extends NodeBase {
  kind: 'ArithExpr';
  op: '+' | '-' | '*' | '/';
  left: Expr;
  right: Expr;
}

export interface FactRef extends NodeBase {
  kind: 'FactRef';
  /** The words as written, joined by one space. */
  name: string;
}

export interface Quantity extends NodeBase {
  kind: 'Quantity';
  value: number;
  /** Canonical unit, or undefined for a bare number. */
  unit?: Unit;
}

export interface DateLit extends NodeBase {
  kind: 'DateLit';
  value: string;
}

export interface StringLit extends NodeBase {
  kind: 'StringLit';
  value: string;
}

export interface ParenExpr extends NodeBase {
  kind: 'ParenExpr';
  inner: Expr;
}

/** Placeholder for a syntactically broken expression (recovery left nothing usable). */
export interface ErrorExpr extends NodeBase {
  kind: 'ErrorExpr';
}

export type Expr =
  | BoolExpr
  | NotExpr
  | CompareExpr
  | IsValuesExpr
  | IsKnownExpr
  | ArithExpr
  | FactRef
  | Quantity
  | DateLit
  | StringLit
  | ParenExpr
  | ErrorExpr;

export type Unit = 'visits' | 'weeks' | 'months' | 'days' | 'years' | 'per week';

export type Node =
  | GuidelineFile
  | GuidelineDecl
  | PolicyDecl
  | ClassDecl
  | RecommendBlock
  | CourseEntry
  | FrequencyEntry
  | CriterionDecl
  | SourceRef
  | Span
  | Name
  | Expr;

export const isGuidelineDecl = (n: Node): n is GuidelineDecl => n.kind === 'GuidelineDecl';
export const isCriterionDecl = (n: Node): n is CriterionDecl => n.kind === 'CriterionDecl';
export const isFactRef = (n: Node): n is FactRef => n.kind === 'FactRef';
export const isCourseEntry = (n: Node): n is CourseEntry => n.kind === 'CourseEntry';

/** Canonical unit of a unit word (`visit`, `sessions`, `week`), or undefined. */
export function unitOf(word: string): Unit | undefined {
  switch (word) {
    case 'visit': case 'visits': case 'session': case 'sessions': return 'visits';
    case 'week': case 'weeks': return 'weeks';
    case 'month': case 'months': return 'months';
    case 'day': case 'days': return 'days';
    case 'year': case 'years': return 'years';
    default: return undefined;
  }
}
