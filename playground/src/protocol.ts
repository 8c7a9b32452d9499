// Messages between the page and its workers. The language worker holds the whole workspace (every
// guideline file, edited or not) and does everything whose cost grows with the input (parse, check,
// compile the program, validate and run cases, run the tests, replay them for an edit's impact, read and
// make share links), so typing never waits on it; the analysis worker holds the same workspace and
// runs the static analysis, which takes seconds, so that nothing else waits on it either. What they
// send back is bounded (limits.ts).
import type { CompletionItem, HoverInfo, QuickFix, Range, SourceText } from '@guideline/language';
import type { Determination } from '@guideline/runtime';
import type { TestCase } from './test-cases.ts';
import type { Difference } from './expect.ts';
import type { ShareLinkMade, ShareLinkRead, SharedState } from './share-link.ts';

/** A diagnostic in editor coordinates (1-based, end-exclusive columns), code and message as the CLI prints them. */
export interface EditorMarker {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** The first markers (errors first, at most `problemsShown`), and how many of each severity there are in all. */
export interface MarkerList {
  markers: EditorMarker[];
  counts: Record<EditorMarker['severity'], number>;
}

export interface Analysis {
  /** The open file's markers. */
  markers: MarkerList;
  /** Whether the workspace compiled (the worker keeps the rule set to run cases). */
  compiled: boolean;
  /** Other files of the workspace with errors, and how many each (at most `otherFilesShown`). */
  otherErrors: { file: string; errors: number }[];
  /** The open file's compiled rules as JSON, or a comment saying why there are none to show. */
  compiledJson: string;
}

export interface CaseProblem {
  /** Dotted path of the field ('' for the case as a whole). */
  field: string;
  message: string;
}

/** A case's problems (at most `caseProblemsShown`), with the span of the case JSON each is marked at. */
export interface CaseCheck {
  problems: CaseProblem[];
  total: number;
  marks: { start: number; end: number; message: string }[];
}

/** Where a criterion (or one of its conditions) is in the source: file and 1-based lines, inclusive. */
export interface SourceSpan {
  file: string;
  line: number;
  endLine: number;
}

export type RunResult =
  | { kind: 'no-rules'; otherErrors: { file: string; errors: number }[] }
  | { kind: 'invalid-case'; check: CaseCheck }
  | {
      kind: 'determination';
      /** Criteria beyond `criteriaShown`, and trace entries beyond `traceShown`, left out. */
      determination: Determination;
      hidden: { criteria: number; traces: number[] };
      /** Each shown criterion's source lines, by criterion id. */
      sources: Record<string, SourceSpan>;
      /** The words of the fact behind each missing case field. */
      words: Record<string, string>;
      /** The file of the guideline that governed, when one did. */
      guidelineFile?: string;
    }
  | { kind: 'failed'; error: string };

export interface TestOutcome {
  /** The test case's file. */
  file: string;
  diffs: Difference[];
  error?: string;
}

/** How the test cases found one condition (a leaf of a criterion): counts of true, false, unknown. */
export interface ConditionCoverage {
  file: string;
  line: number;
  condition: string;
  true: number;
  false: number;
  unknown: number;
}

/** A test case whose decision or criteria statuses an edit changes. */
export interface ImpactChange {
  file: string;
  before: string;
  after: string;
  /** The criteria whose status changes: `id: before → after`. */
  criteria: { id: string; before: string; after: string }[];
}

export interface Impact {
  /** The edited files the comparison is about (empty: nothing edited, nothing to compare). */
  edited: string[];
  cases: number;
  /** The first `impactShown` changes, and how many cases change in all. */
  changes: ImpactChange[];
  changed: number;
  /** Whether the edited workspace (or, for `baseline`, the bundled one) has errors and decides nothing. */
  broken?: 'edited' | 'baseline';
}

/** A box of the guideline's picture: a guideline (or policy), a criterion, a part, a condition. */
export interface DiagramNode {
  kind: 'guideline' | 'policy' | 'applicability' | 'criterion' | 'part' | 'condition';
  /** The criterion's or guideline's id. */
  id?: string;
  label: string;
  /** How it joins its parent: require, only when, any of, a group's need. */
  role: string;
  file: string;
  line: number;
  children: DiagramNode[];
  /** A guideline's or policy's decision procedure: how its criteria's statuses become the decision. */
  decision?: DecisionRule[];
}

/** One step of the decision procedure, tried in order: when `ask` holds of the criteria's statuses, the decision is `decision` (unless `first` holds too). */
export interface DecisionRule {
  /** The status that makes it hold ('met': every criterion met or not applicable, the last rule). */
  status: 'not-met' | 'unknown' | 'needs-review' | 'met';
  ask: string;
  decision: string;
  /** A narrower rule tried first when this one holds (a part certified), and the criteria that can make it hold (a `certify at most` each, the guideline's or a policy's). */
  first?: { ask: string; decision: string; by?: { label: string; file: string; line: number }[] };
}

/** A box of a policy's evidence order: one guideline, and where it is written. */
export interface OrderedGuideline {
  id: string;
  label: string;
  file: string;
  line: number;
}

/** A policy's evidence order: its steps in order, each with the guidelines its patterns match, in the order the runtime tries them. */
export interface EvidenceOrder {
  policy: string;
  label: string;
  file: string;
  line: number;
  steps: { patterns: string[]; guidelines: OrderedGuideline[] }[];
}

export interface DiagramData {
  roots: DiagramNode[];
  /** The evidence order of each policy in the file. */
  order?: EvidenceOrder[];
  /** Whether conditions past `diagramBoxesShown` were left out. */
  cut?: true;
}

/** A finding of the static analysis (an A6xx diagnostic), as the page shows it: located, its region in words, its example. */
export interface FindingView {
  code: string;
  severity: EditorMarker['severity'];
  message: string;
  file: string;
  /** 1-based, as the CLI prints it. */
  line: number;
  column: number;
  /** The requests it holds for, in words, one line per part. */
  region: string[];
  /** A name for a test case of its example (`a604-visit-count`). */
  name: string;
  /** Set when it is located in the stand-in policy a guideline no policy consults is analysed under: no file of the workspace. */
  standIn?: true;
  /** The reason, when an acceptance in the source (`# accept A607: why`) accepts it. */
  accepted?: string;
  example?: {
    /** The case, as JSON text. */
    case: string;
    decision?: string;
    guideline?: string;
    /** The other side: the version compared with, or the guideline consulted alone. */
    other?: { label: string; decision: string; guideline?: string };
    reproduced: boolean;
    problem?: string;
  };
}

/** What the analysis (or the comparison of two versions) found in the workspace. */
export interface FindingsResult {
  /** The first `findingsShown` findings, in the analysis' order, and how many of each severity there are in all. */
  findings: FindingView[];
  /** The findings by severity, those accepted in the source apart. */
  counts: Record<EditorMarker['severity'] | 'accepted', number>;
  /** The findings in the file asked about, as editor markers. */
  markers: EditorMarker[];
  /** Findings whose example did not reproduce them (a bug of the analysis): always 0. */
  unreproduced: number;
  /** Findings of what is outside the method (A612): in a comparison, the parts where what changes is not known. */
  notAnalyzed: number;
  /** Milliseconds the analysis took in the worker. */
  ms: number;
  /** Set when the workspace (or, comparing, the version compared with) has errors: nothing was analysed. */
  broken?: 'edited' | 'before';
}

export type Request =
  /** Every file of the workspace: `bundled` once, `edits` the texts that differ from it. */
  | { kind: 'workspace'; bundled?: SourceText[]; edits: SourceText[] }
  | { kind: 'edit'; file: string; text: string }
  /** One file's text checked on its own declarations, with the workspace's other files as its program. */
  | { kind: 'check'; text: string; file: string }
  | { kind: 'analyze'; file: string }
  /** The editor services, with the workspace's other files as the program (their vocabularies known). */
  | { kind: 'complete'; text: string; offset: number; file: string }
  | { kind: 'hover'; text: string; offset: number; file: string }
  | { kind: 'definition'; text: string; offset: number; file: string }
  /** The quick fixes of the file's diagnostics that touch `range` (offsets into `text`). */
  | { kind: 'fixes'; text: string; range: Range; file: string }
  | { kind: 'format'; text: string }
  | { kind: 'check-case'; text: string }
  | { kind: 'run'; caseText: string }
  | { kind: 'run-tests'; tests: TestCase[] }
  | { kind: 'impact'; tests: TestCase[] }
  | { kind: 'fields' }
  /** A file's picture; `drawn`, the revision of the picture the page has of it: when the rule set is still that one, the answer has no data. */
  | { kind: 'diagram'; file: string; drawn?: number }
  | { kind: 'read-link'; hash: string; workspace: string[] }
  | { kind: 'make-link'; state: SharedState }
  /** The analysis worker's: the workspace's findings, with the markers of `file`. */
  | { kind: 'findings'; file: string }
  /** The analysis worker's: what the workspace decides differently from the workspace with `file` as `before`. */
  | { kind: 'compare'; file: string; before: string };

export interface Results {
  workspace: null;
  edit: null;
  /** This file's own parse and check markers: quick, for every keystroke. */
  check: MarkerList;
  /** The whole workspace: cross-file checks and the rule set; markers of the file asked about. */
  analyze: Analysis;
  complete: CompletionItem[];
  hover: HoverInfo | null;
  definition: Range | null;
  /** As many as the diagnostics in the range, so no more than a file reports (100). */
  fixes: QuickFix[];
  format: { text: string; formatted: boolean; markers: MarkerList };
  'check-case': CaseCheck;
  /** The case against the rule set of the last analysis. */
  run: RunResult;
  /** Null when the workspace has errors. */
  'run-tests': { outcomes: TestOutcome[]; coverage: ConditionCoverage[] } | null;
  impact: Impact;
  /** The case fields the workspace's vocabularies define, as a schema for the form (contract's when it has errors). */
  fields: FormSchema;
  /** The rule set's revision (it changes with each compile) and the file's picture of it, unless the page has it. */
  diagram: { revision: number; data?: DiagramData };
  'read-link': ShareLinkRead | null;
  'make-link': ShareLinkMade;
  findings: FindingsResult;
  compare: FindingsResult;
}

/** A case form's schema: the fields of `fieldsOf(rules)`, each with its words and meaning. */
export interface FormSchema {
  type?: string | string[];
  enum?: (string | null)[];
  format?: string;
  description?: string;
  properties?: Record<string, FormSchema>;
  items?: FormSchema;
  required?: string[];
}

export type Response = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
