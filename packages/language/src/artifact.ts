// The compiled artifact: the rule set a runtime loads. Guidelines and policies with their criteria
// as three-valued conditions over the vocabulary's facts (ir.ts), what a determination needs
// (titles, citations, texts for each status, recommendation tables), the facts read and where each
// comes from, and a source map from every criterion and leaf condition to file and line. Pure data.
import type { Cond, Scalar, Value } from './ir.ts';

export const ARTIFACT_FORMAT = 'guideline-rules';
/**
 * The version the compiler writes. Version 4: a placeholder's `unit` (how its value reads, for the
 * units a vocabulary declares) and the quantifiers `latest` and `earliest` with their `by`. Version 3:
 * tables (`tables` of a guideline and of the rule set), read by `{ lookup, column }` values; a
 * recommend block is a guideline's table `recommend`. Version 2 added conditions over declared facts
 * (vocabularies), criteria groups, editions, policy criteria.
 */
export const ARTIFACT_VERSION = 4;

/**
 * The versions a runtime reads: version 3 is version 4 without its additions, and reads the same,
 * but that an unknown value of a placeholder is worded by the words written after it.
 */
export const ARTIFACT_VERSIONS_READ: readonly number[] = [3, 4];

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

/** A fact's type as the runtime needs it: how to read, bound and show the value. */
export type FactType =
  | { kind: 'yes-no' }
  | { kind: 'enum'; values: string[] }
  /** A number in a unit (`visits`, `mg a day`), within a range when one is known (visits are never negative). */
  | { kind: 'number'; unit?: string; min?: number; max?: number }
  /** A date; never after the review date unless `anyDate`. */
  | { kind: 'date'; anyDate?: true }
  | { kind: 'text' }
  | { kind: 'code' }
  | { kind: 'class'; of: 'diagnosis' | 'procedure' }
  | { kind: 'list'; of: FactType }
  | { kind: 'records'; record: string };

/** A fact a rule set reads: its words, its type, and where its value comes from. */
export interface FactDef {
  /** What conditions read it by: its case field's path, or a computation's id (`<list>[].<field>` for an item's field). */
  id: string;
  words: string;
  meaning?: string;
  type: FactType;
  /** The case field read (relative to the item for a record's field). */
  field?: string;
  /** The runtime's computation that gives it. */
  builtin?: string;
  /**
   * The expression, as written, that computes it from other fields (`computed as`): compiled into the
   * conditions that read it, so nothing reads it by its id, and never a field of a case. Its id is the
   * key a case would give it by (`medications[].morphineEquivalents`), and `inputs` the fields it reads.
   */
  computedAs?: string;
  /** The value absence stands for; absent, the fact is unknown. */
  absent?: Scalar | [];
  /** Case fields whose absence makes it unknown (what a determination's `missing` names). */
  inputs: string[];
}

export interface RecordDef {
  name: string;
  title?: string;
  /** Its fields; each field's `field` is its path within an item. */
  fields: FactDef[];
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A fact's words as a case key would spell them (`morphine equivalents` → `morphineEquivalents`). */
export const caseKey = (words: string): string => words.split(/[\s-]+/).map((w, i) => (i ? capital(w) : w)).join('');

/** A text with `{n}` where placeholder n's value goes. */
export interface Template {
  text: string;
  placeholders: { text: string; value: Value; unit?: UnitWords }[];
}

/**
 * How a placeholder's value reads with its unit, so that a runtime words it from the rule set alone:
 * after 1 (`level`, `visit`), after any other number (`levels`, `mg a day`, `per week`), the other
 * words an author may write after it (`sessions`, `%`), and an unknown value, unit included
 * (`an unknown number of levels`, `an unknown percentage`, `an unknown amount in mg a day`).
 */
export interface UnitWords {
  one: string;
  other: string;
  also?: string[];
  unknown: string;
}

/** What a determination says of a criterion (or a part) in each status; defaults where not written. */
export interface Texts {
  met?: Template;
  notMet?: Template;
  unknown?: Template;
}

/** A leaf condition's source: the condition as written, and where. */
export interface LeafInfo {
  text: string;
  source: SourceLocation;
}

export interface CompiledPart {
  id: string;
  title: string;
  require: Cond;
  texts: Texts;
  source: SourceLocation;
}

export interface CompiledCriterion {
  id: string;
  title: string;
  /** The citation of a policy's or shared criterion's own source, when it has one. */
  citation?: string;
  /** Not applicable when this is false. */
  when?: Cond;
  /** Met when this is true (a criterion with a group is met through its parts instead). */
  require?: Cond;
  group?: { need: 'any' | 'all' | number; parts: CompiledPart[] };
  /** Utilization review may certify this many of the requested visits when only such criteria are not met. */
  certify?: Value;
  /** A physician must judge what the case does not decide. */
  review?: true;
  /**
   * With `review`: a physician judges what the case does not meet, too (`needs clinical review unless
   * met`): the case can show it met, never deny it.
   */
  reviewNotMet?: true;
  texts: Texts;
  /** The vocabulary a shared criterion comes from. */
  vocabulary?: string;
  source: SourceLocation;
}

export interface CompiledClass {
  id: string;
  of: 'diagnosis' | 'procedure';
  title: string;
  terms: string[];
  /** ICD-10 codes; a trailing `*` matches any code that starts with the rest. */
  codes: string[];
}

/**
 * How a row's cell matches a key's value: equal to a value (texts compared without regard to case;
 * a list key, such as the classes of the diagnoses, holds the value), a number in a range (both ends
 * in), a comparison of the number with a value, or a code matching a pattern (`M54.1*`, `C00-D49`).
 */
export type KeyMatch = { is: Scalar } | { from: number; to: number } | { cmp: '<=' | '>=' | '<' | '>'; value: number } | { code: string };

/**
 * A table: a guideline's (a recommend block is the table `recommend`) or a vocabulary's (the rule
 * set's `tables`, such as a conversion table). A `{ lookup, column }` value reads the column's cell
 * of the row chosen for the case's values of the keys:
 * - a row matches when every key matches one of its `when` matches (an empty list matches any value);
 * - `choose`: `first`, the first matching row in order; `most` / `least`, the matching row with the
 *   most (least) of a number column, ties in order; `listed`, the first item of a list key (the
 *   diagnoses, in the case's order) that any row matches, and of its rows the first;
 * - three-valued: a row whose match is unknown (an unknown key) may be the one; the value is known
 *   when every row that may be chosen gives the same, bounded by their least and most when they are
 *   numbers and some row surely matches, and unknown when it may be that no row matches. A cell `null`
 *   is a value the table does not give (unknown).
 */
export interface CompiledTable {
  id: string;
  title?: string;
  keys: { words: string; value: Value }[];
  /** Numbers are in the column's unit (`type.unit`). */
  columns: { id: string; words: string; type: FactType }[];
  choose: 'first' | { most: string } | { least: string } | { listed: number };
  rows: { when: KeyMatch[][]; cells: (Scalar | null)[]; source: SourceLocation }[];
  source?: SourceLocation;
}

export interface CompiledGuideline {
  id: string;
  /** The edition, when the guideline has several; chosen by the date of service (else the review date). */
  edition?: string;
  title: string;
  citation: string;
  source: { document: string; edition?: number; pages?: string; parts: string[] };
  inForce?: { from: string; to?: string };
  covers: string[];
  classes: CompiledClass[];
  /** Its tables, the recommend block's (`recommend`) among them. */
  tables: CompiledTable[];
  frequency?: { mostPerWeek: number; fadeTo?: number };
  /** Whether the guideline addresses the request: covers, in force, applies when, unless. */
  applies: Cond;
  criteria: CompiledCriterion[];
  /** Every leaf condition of the guideline (its applicability and criteria), by leaf number. */
  leaves: LeafInfo[];
  location: SourceLocation;
}

export interface CompiledPolicy {
  id: string;
  title: string;
  jurisdiction: string;
  /** Evidence order: each step is a list of guideline-id patterns (`mtus.*`). */
  steps: string[][];
  /** Criteria applied in addition to whichever guideline governs. */
  criteria: CompiledCriterion[];
  leaves: LeafInfo[];
  /** What a determination that denies says of who must sign it. */
  denialNote?: string;
  source: SourceLocation;
}

/** Who compiled a rule set. */
export interface CompilerInfo {
  name: string;
  version: string;
}

export interface RuleSet {
  format: typeof ARTIFACT_FORMAT;
  /** The compiler writes `ARTIFACT_VERSION`; a rule set of an earlier version a runtime reads (`ARTIFACT_VERSIONS_READ`) keeps its own. */
  version: 3 | typeof ARTIFACT_VERSION;
  /** The compiler that wrote it (the compiler always writes it; a rule set built in code may leave it out). */
  compiler?: CompilerInfo;
  /**
   * Its revision: `sha256:` and the SHA-256 of its content in canonical JSON, leaving out `compiler`
   * and `revision` (revision.ts). The compiler always writes it; a loader checks it and, when it is
   * absent, works it out.
   */
  revision?: string;
  guidelines: CompiledGuideline[];
  policies: CompiledPolicy[];
  /** Every fact the guidelines and policies read. */
  facts: FactDef[];
  records: RecordDef[];
  /** The vocabularies' tables the guidelines and policies read (a guideline's own are its `tables`). */
  tables: CompiledTable[];
}

export type { Cond, Leaf, Scalar, Value, TimeUnit } from './ir.ts';

import { leavesOf } from './ir.ts';

/** The leaf numbers a criterion's conditions use (its `only when`, requirement and parts), in order. */
export function criterionLeaves(c: CompiledCriterion): number[] {
  const out: number[] = [];
  if (c.when) leavesOf(c.when, out);
  if (c.require) leavesOf(c.require, out);
  for (const p of c.group?.parts ?? []) leavesOf(p.require, out);
  return out;
}
