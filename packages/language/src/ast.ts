// AST node types: a discriminated union on `kind`; every node has a half-open `range`.
import type { Range } from './diagnostics.ts';
import type { CompareOp } from './ir.ts';
import type { Unit } from './units.ts';

export type { Unit } from './units.ts';
export type { CompareOp } from './ir.ts';

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
  vocabularies: VocabularyDecl[];
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
  /** The edition this declaration is (`edition 2009`), and the one it revises. */
  edition?: Name;
  revises?: Name;
  /** Criteria of the revised edition this one leaves out. */
  drops: Name[];
  inForce?: { from: Name; to?: Name };
  covers: Name[];
  /** The vocabularies whose facts (and shared criteria) the guideline speaks of. */
  uses: Name[];
  applies?: Expr;
  unless?: Expr;
  classes: ClassDecl[];
  recommendations: RecommendBlock[];
  tables: TableDecl[];
  /** Its own criteria and the shared ones it uses, in order. */
  criteria: (CriterionDecl | UseDecl)[];
  defines: DefineDecl[];
  /** Clauses given twice, for the checker to report. */
  repeated: Name[];
}

/** A vocabulary: the facts a guideline may speak of, the records of its lists, named conditions and shared criteria. */
export interface VocabularyDecl extends NodeBase {
  kind: 'VocabularyDecl';
  name: Name;
  title?: Name;
  uses: Name[];
  facts: FactDecl[];
  records: RecordDecl[];
  defines: DefineDecl[];
  tables: TableDecl[];
  criteria: CriterionDecl[];
  /** The count units it declares (`unit level, levels`). */
  units: UnitDecl[];
  repeated: Name[];
}

/**
 * A count unit a vocabulary declares, `unit level, levels "A vertebral level treated"`: numbers
 * may then be written `2 levels` and facts be `number of levels` where the vocabulary is in use.
 */
export interface UnitDecl extends NodeBase {
  kind: 'UnitDecl';
  /** How one is written (`level`), and any other number (`levels`). */
  one: Name;
  many: Name;
  meaning?: Name;
}

/**
 * A fact of a vocabulary (`fact completed visits: number of visits, from history.visitsCompleted`),
 * or a field of a record (`field daily dose: number, from dailyDose`).
 */
export interface FactDecl extends NodeBase {
  kind: 'FactDecl';
  role: 'fact' | 'field';
  /** The words, joined by one space, over their range. */
  words: Name;
  type?: TypeExpr;
  /** The case field read: a dotted path (relative to the item, for a record's field). */
  from?: Name;
  /** A built-in computation of the runtime that gives the value. */
  computed?: Name;
  /** An expression that gives the value (`computed as daily dose * conversion factor`). */
  computedAs?: Expr;
  /** The value absence stands for (`when absent no`); by default absence is unknown. */
  absent?: Name;
  /** `required`: a case must give it. */
  required?: Name;
  /** What the fact means, in plain words (hover, docs, "Missing"). */
  meaning?: Name;
  repeated: Name[];
}

export interface TypeExpr extends NodeBase {
  kind: 'TypeExpr';
  base: 'yes-no' | 'one-of' | 'number' | 'date' | 'text' | 'list' | 'code' | 'record' | 'class';
  /** `one of` values. */
  values: Name[];
  /** A number's unit as written (`visits`, `mg a day`, `per week`). */
  unit?: Name;
  /** A number's range (`number from 0 to 10`). */
  min?: number;
  max?: number;
  /** A date that may fall after the review date (`any date`); dates are otherwise never later than the review. */
  anyDate?: boolean;
  /** `list of <type>`. */
  of?: TypeExpr;
  /** `list of <record>`: the record's name. */
  record?: Name;
  /** `class of diagnosis` or `class of surgery`: what the guideline's classes match. */
  classOf?: Name;
}

/** A record: the shape of the items of a list fact (a medication, an imaging study). */
export interface RecordDecl extends NodeBase {
  kind: 'RecordDecl';
  name: Name;
  title?: Name;
  fields: FactDecl[];
}

/** A named condition or value, usable wherever a fact is: `define radiculopathy documented: ...`. */
export interface DefineDecl extends NodeBase {
  kind: 'DefineDecl';
  words: Name;
  meaning?: Name;
  expr?: Expr;
}

/** `use criterion home-program`: a criterion a vocabulary declares once, applied by this guideline. */
export interface UseDecl extends NodeBase {
  kind: 'UseDecl';
  names: Name[];
}

/**
 * A table as the guideline prints it: a header naming its keys and columns, then a row a line,
 * `| key cell | key cell || cell | cell |`. Reading a column gives that column's cell of the row
 * the keys choose (`choose`), or unknown.
 */
export interface TableDecl extends NodeBase {
  kind: 'TableDecl';
  name: Name;
  title?: Name;
  /** `for each medication`: the keys are fields of an item of a list of these records. */
  forEach?: Name;
  choose?: TableChoice;
  /** The header's keys: words of facts (or defines) in scope. */
  keys: Name[];
  columns: TableColumn[];
  rows: TableRow[];
  repeated: Name[];
}

/**
 * Which matching row gives the columns: the first in the table's order (the default), the one with
 * the most or least of a column, or the row of the first item of a list key (`the first diagnosis listed`).
 */
export interface TableChoice extends NodeBase {
  kind: 'TableChoice';
  rule: 'first' | 'most' | 'least' | 'listed';
  /** The column (most, least) or the key (listed) it names. */
  words?: Name;
}

/** A column: its words, and for a column of ranges the words of their low end (`low words to words`). */
export interface TableColumn extends NodeBase {
  kind: 'TableColumn';
  words: Name;
  low?: Name;
}

export interface TableRow extends NodeBase {
  kind: 'TableRow';
  keys: TableCell[];
  cells: TableCell[];
}

/**
 * One cell: `-` (no value), `any` (a key cell every value matches), a comparison (`at most 20`),
 * or values joined by `or` (names, texts, codes, numbers and ranges of numbers with their unit).
 */
export interface TableCell extends NodeBase {
  kind: 'TableCell';
  form: 'none' | 'any' | 'compare' | 'values';
  op?: '<=' | '>=' | '<' | '>';
  values: (Name | CellNumber)[];
}

/** A number or a range of numbers in a cell (`9-10 visits`), with the unit written after it. */
export interface CellNumber extends NodeBase {
  kind: 'CellNumber';
  low: number;
  high: number;
  unit?: Unit;
  /** The digits as written (`29880`, `64479-64484`): a CPT code or range of them, in a code key's cell. */
  text?: string;
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
  /** The document a policy's or a shared criterion's rule comes from. */
  source?: SourceRef;
  onlyWhen?: Expr;
  require?: Expr;
  /** `require any of the following` (need 'any'), `all of`, or `at least 2 of`: met through its parts. */
  group?: { need: 'any' | 'all' | number; range: Range };
  parts: PartDecl[];
  certify?: Expr;
  /** `needs clinical review`: what the case does not decide, a physician must. */
  review?: Name;
  /** `needs clinical review unless met` (the `met`): what the case does not meet, a physician judges too. */
  reviewUnlessMet?: Name;
  texts: TextClauses;
  repeated: Name[];
}

/** The texts of a criterion (or a part) for each status; `otherwise` is the not-met text. */
export interface TextClauses {
  met?: Name;
  unknown?: Name;
  otherwise?: Name;
}

/** One part of a criterion group, with its own title, requirement and texts. */
export interface PartDecl extends NodeBase {
  kind: 'PartDecl';
  name: Name;
  title?: Name;
  require?: Expr;
  texts: TextClauses;
  repeated: Name[];
}

export interface PolicyDecl extends NodeBase {
  kind: 'PolicyDecl';
  name: Name;
  title?: Name;
  jurisdiction?: Name;
  /** Evidence order: each step lists guideline-id patterns (`mtus.*`). */
  steps: Name[][];
  /** Vocabularies of the policy's own criteria. */
  uses: Name[];
  /** What a determination that denies says of who must sign it (`when denied "..."`). */
  denialNote?: Name;
  /** Criteria the policy applies in addition to whichever guideline governs. */
  criteria: (CriterionDecl | UseDecl)[];
  defines: DefineDecl[];
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

/**
 * `<value> is on file`: the records document it. True when the value is known, unknown when it is
 * not (it may yet be found): never false, so an undocumented fact leaves the information insufficient.
 */
export interface IsRecordedExpr extends NodeBase {
  kind: 'IsRecordedExpr';
  subject: Expr;
  /** Written `is not on file` (reported: it could never be true). */
  negated: boolean;
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
  /** Its unit, or undefined for a bare number. */
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

/** `count of <list> where ...`, `sum of <value> over <list> where ...`. */
export interface AggregateExpr extends NodeBase {
  kind: 'AggregateExpr';
  op: 'count' | 'sum';
  /** The list fact's words. */
  list: FactRef;
  value?: Expr;
  where?: Expr;
}

/**
 * `any <list> where ...`, `every ...`, `no ...`; `the latest <list> by <date field> where ...` (and
 * `the earliest`): a condition on the item with the greatest (least) date, which `by` names.
 */
export interface QuantifiedExpr extends NodeBase {
  kind: 'QuantifiedExpr';
  quantifier: 'some' | 'every' | 'no' | 'latest' | 'earliest';
  list: FactRef;
  /** The field of each item the latest or earliest is chosen by (only with those). */
  by?: FactRef;
  where: Expr;
}

/** `<time unit> since <date>`: the time from a date up to the review date; `<unit> from <date> to <date>`: between two dates. */
export interface SinceExpr extends NodeBase {
  kind: 'SinceExpr';
  unit: Name;
  date: Expr;
  /** The date measured up to, when it is not the review date (`from <date> to <date>`). */
  to?: Expr;
}

/** `<value>, rounded down`; `half of <value>` is a division by 2. */
export interface RoundExpr extends NodeBase {
  kind: 'RoundExpr';
  how: 'down' | 'up' | 'nearest';
  inner: Expr;
}

/** `<list> includes a, b`: the list holds any of the values. */
export interface IncludesExpr extends NodeBase {
  kind: 'IncludesExpr';
  subject: Expr;
  values: Name[];
}

/** `<list> is empty` (or `is not empty`). */
export interface IsEmptyExpr extends NodeBase {
  kind: 'IsEmptyExpr';
  subject: Expr;
  negated: boolean;
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
  | IsRecordedExpr
  | ArithExpr
  | FactRef
  | Quantity
  | DateLit
  | StringLit
  | ParenExpr
  | AggregateExpr
  | QuantifiedExpr
  | SinceExpr
  | RoundExpr
  | IncludesExpr
  | IsEmptyExpr
  | ErrorExpr;


export type Node =
  | GuidelineFile
  | GuidelineDecl
  | PolicyDecl
  | ClassDecl
  | RecommendBlock
  | TableDecl
  | TableChoice
  | TableColumn
  | TableRow
  | TableCell
  | CellNumber
  | CourseEntry
  | FrequencyEntry
  | CriterionDecl
  | PartDecl
  | UseDecl
  | VocabularyDecl
  | UnitDecl
  | FactDecl
  | TypeExpr
  | RecordDecl
  | DefineDecl
  | SourceRef
  | Span
  | Name
  | Expr;

export const isGuidelineDecl = (n: Node): n is GuidelineDecl => n.kind === 'GuidelineDecl';
export const isCriterionDecl = (n: Node): n is CriterionDecl => n.kind === 'CriterionDecl';
export const isFactRef = (n: Node): n is FactRef => n.kind === 'FactRef';
export const isCourseEntry = (n: Node): n is CourseEntry => n.kind === 'CourseEntry';
export const isVocabularyDecl = (n: Node): n is VocabularyDecl => n.kind === 'VocabularyDecl';
export const isFactDecl = (n: Node): n is FactDecl => n.kind === 'FactDecl';
export const isUseDecl = (n: Node): n is UseDecl => n.kind === 'UseDecl';
export const isTableDecl = (n: Node): n is TableDecl => n.kind === 'TableDecl';
