// Messages between the page and the language worker. The worker does everything whose cost grows with
// the input (parse, check, compile, validate and run cases, read and make share links), so typing never
// waits on it; what it sends back is bounded (limits.ts), so the page's own work is bounded too.
import type { CompletionItem, HoverInfo, Range, SourceText } from '@guideline/language';
import type { Determination } from '@guideline/runtime';
import type { BundledCase } from './bundled.ts';
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
  markers: MarkerList;
  /** Whether the edited file compiled with the other bundled files (the worker keeps the rule set to run cases). */
  compiled: boolean;
  /** The file's compiled rules as JSON, or a comment saying why there are none to show. */
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

/** Where a criterion is in the source, for highlighting it from the determination. */
export interface CriterionSource {
  id: string;
  file: string;
  line: number;
  endLine: number;
}

export type RunResult =
  | { kind: 'no-rules' }
  | { kind: 'invalid-case'; check: CaseCheck }
  | {
      kind: 'determination';
      /** Criteria beyond `criteriaShown`, and trace entries beyond `traceShown`, left out. */
      determination: Determination;
      hidden: { criteria: number; traces: number[] };
      sources: CriterionSource[];
    }
  | { kind: 'failed'; error: string };

export interface TestOutcome {
  test: BundledCase;
  diffs: Difference[];
  error?: string;
}

export type Request =
  | { kind: 'others'; others: SourceText[] }
  | { kind: 'check'; text: string; file: string }
  | { kind: 'analyze'; text: string; file: string }
  /** The editor services, with the other bundled files as the program (their vocabularies known). */
  | { kind: 'complete'; text: string; offset: number; file: string }
  | { kind: 'hover'; text: string; offset: number; file: string }
  | { kind: 'definition'; text: string; offset: number; file: string }
  | { kind: 'format'; text: string }
  | { kind: 'check-case'; text: string }
  | { kind: 'run'; caseText: string }
  | { kind: 'run-tests'; tests: BundledCase[] }
  | { kind: 'read-link'; hash: string; workspace: string[] }
  | { kind: 'make-link'; state: SharedState };

export interface Results {
  others: null;
  /** This file's own parse and check markers: quick, for every keystroke. */
  check: MarkerList;
  /** With the other files: cross-file checks and the rule set. */
  analyze: Analysis;
  complete: CompletionItem[];
  hover: HoverInfo | null;
  definition: Range | null;
  format: { text: string; formatted: boolean; markers: MarkerList };
  'check-case': CaseCheck;
  /** The case against the rule set of the last analysis. */
  run: RunResult;
  'run-tests': TestOutcome[] | null;
  'read-link': ShareLinkRead | null;
  'make-link': ShareLinkMade;
}

export type Response = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
