// The compiled artifact: json-rules-engine rule objects plus what a determination needs (titles,
// citations, rationale templates, recommendation tables) and a source map. Versioned; pure data.
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';

export const ARTIFACT_FORMAT = 'guideline-rules';
export const ARTIFACT_VERSION = 1;

/** A value expression over facts, evaluated by the runtime's `calc` fact without eval. */
export type Calc =
  | { fact: string }
  | { const: number | string }
  | { op: '+' | '-' | '*' | '/'; args: [Calc, Calc] }
  /** Time from a date fact up to the review date (asOf), in a unit. */
  | { elapsed: string; unit: 'days' | 'weeks' | 'months' | 'years' };

export interface SourceLocation {
  file: string;
  /** 1-based line and column of the start. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Half-open UTF-16 offsets. */
  start: number;
  end: number;
}

export interface CompiledClass {
  id: string;
  of: 'diagnosis' | 'procedure';
  title: string;
  terms: string[];
  /** ICD-10 codes; a trailing `*` matches any code that starts with the rest. */
  codes: string[];
}

export interface CompiledRecommendation {
  class: string;
  minVisits: number;
  maxVisits: number;
  minWeeks: number;
  maxWeeks: number;
  periodMonths?: number;
  source: SourceLocation;
}

export interface CompiledLeaf {
  /** The condition as written. */
  text: string;
  /** The fact it reads, in the editor's words. */
  fact: string;
  source: SourceLocation;
}

export interface CompiledCriterion {
  id: string;
  title: string;
  /** The `otherwise` text; `{n}` refers to placeholders[n]. */
  rationale: string;
  placeholders: { text: string; expr: Calc }[];
  /** Utilization review may certify this many of the requested visits when only caps are not met. */
  certify?: Calc;
  /** The rule's name in `rules`. */
  rule: string;
  /** Leaf conditions of the rule in depth-first order ('only when' first, then 'require'). */
  leaves: CompiledLeaf[];
  source: SourceLocation;
}

export interface CompiledGuideline {
  id: string;
  title: string;
  citation: string;
  source: { document: string; edition?: number; pages?: string; parts: string[] };
  inForce?: { from: string; to?: string };
  covers: string[];
  classes: CompiledClass[];
  recommendations: CompiledRecommendation[];
  frequency?: { mostPerWeek: number; fadeTo?: number };
  /** Name of the rule that decides whether the guideline covers a request. */
  applicabilityRule: string;
  applicabilityLeaves: CompiledLeaf[];
  criteria: CompiledCriterion[];
  /** json-rules-engine rules: the applicability rule, then one per criterion, in source order. */
  rules: (RuleProperties & { name: string; conditions: TopLevelCondition })[];
  location: SourceLocation;
}

export interface CompiledPolicy {
  id: string;
  title: string;
  jurisdiction: string;
  /** Evidence order: each step is a list of guideline-id patterns (`mtus.*`). */
  steps: string[][];
  source: SourceLocation;
}

export interface RuleSet {
  format: typeof ARTIFACT_FORMAT;
  version: typeof ARTIFACT_VERSION;
  guidelines: CompiledGuideline[];
  policies: CompiledPolicy[];
}
