// Messages between the page and the language worker (which parses, checks, compiles and answers
// editor requests so typing never waits on the parser).
import type { CompletionItem, HoverInfo, Range, RuleSet, SourceText } from '@guideline/language';

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

export interface Analysis {
  markers: EditorMarker[];
  /** The rule set of the edited file with the other bundled files, or undefined when anything has errors. */
  rules: RuleSet | undefined;
}

export type Request =
  | { kind: 'others'; others: SourceText[] }
  | { kind: 'check'; text: string; file: string }
  | { kind: 'analyze'; text: string; file: string }
  | { kind: 'complete'; text: string; offset: number }
  | { kind: 'hover'; text: string; offset: number }
  | { kind: 'definition'; text: string; offset: number }
  | { kind: 'format'; text: string };

export interface Results {
  others: null;
  /** This file's own parse and check markers: quick, for every keystroke. */
  check: EditorMarker[];
  /** With the other files: cross-file checks and the rule set. */
  analyze: Analysis;
  complete: CompletionItem[];
  hover: HoverInfo | null;
  definition: Range | null;
  format: { text: string; formatted: boolean; markers: EditorMarker[] };
}

export type Response = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
