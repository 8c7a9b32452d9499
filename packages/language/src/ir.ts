// The evaluable form of a rule set: conditions and values as data, in the terms of the vocabulary's
// facts. The compiler writes it into the artifact; the runtime evaluates it (three-valued, with the
// bounds of unknown numbers), and the json-rules-engine rules, SQL and static analysis are made from it.

/** A literal: a number (in the unit the checker chose), a text or enum value, a date (YYYY-MM-DD), yes/no. */
export type Scalar = number | string | boolean;

/** Units time is measured in from a date to the review date. */
export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';

/**
 * A value expression. Inside an aggregate over a list fact `L`, the fields of the current item are
 * facts with ids `L[].<field>`.
 */
export type Value =
  | { fact: string }
  | { const: Scalar }
  | { op: '+' | '-' | '*' | '/'; args: [Value, Value] }
  | { round: 'down' | 'up' | 'nearest'; arg: Value }
  /**
   * Time from a date up to the review date, or up to the date `to` gives, in a unit (calendar months
   * and years, fractional between).
   */
  | { since: Value; unit: TimeUnit; to?: Value }
  /** How many items of a list (that meet `where`). */
  | { count: string; where?: Cond }
  /** The sum of a value over the items of a list (that meet `where`). */
  | { sum: Value; over: string; where?: Cond }
  /**
   * A column of a table at the row its keys pick (a guideline's recommendation, a conversion
   * factor): `lookup` names a table of the guideline (its `tables`, the recommend block's being
   * `recommend`) or, failing that, of the rule set (`RuleSet.tables`, a vocabulary's, named
   * `<vocabulary>.<table>`); `column` is a column's id. How a row is chosen, and what an unknown key
   * makes of the value, is in artifact.ts (CompiledTable). Inside an aggregate, a table's keys are
   * read for the current item like any fact.
   */
  | { lookup: string; column: string };

export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!=';

/**
 * A leaf condition. `leaf` indexes the leaf's source map entry (its text and location) in the
 * guideline or policy that holds it.
 */
export type Leaf = { leaf: number } & (
  | { cmp: CompareOp; left: Value; right: Value }
  /** The value is one of the literals (an enum value, a text, yes or no). */
  | { is: Value; values: Scalar[] }
  /** Time since a date (a `since` value) lies between 0 and a window: `surgery date is within 6 months`. */
  | { within: Value; window: Value }
  /** Whether a value is known (`yes: true`) or unknown: always true or false. */
  | { known: Value; yes: boolean }
  /** The records document the value (`is on file`): true when it is known, unknown when not; never false. */
  | { recorded: Value }
  /** A list (of values, or the classes a diagnosis matched) holds any of the literals. */
  | { includes: Value; values: string[] }
  /** A list has no items. */
  | { empty: Value }
  /** Some, every or no item of a list meets a condition. */
  | { quantifier: 'some' | 'every' | 'no'; over: string; where: Cond }
  /**
   * The latest (earliest) item of a list meets a condition: the item whose `by` (a date field of the
   * item, `L[].<field>`) is the greatest (least). The candidates are the items at that date and those
   * whose date is unknown: true when every candidate meets the condition, false when none does,
   * unknown otherwise (a tie of items that differ, or an unknown date that could decide). An empty
   * list is false: it has no latest item to meet it.
   */
  | { quantifier: 'latest' | 'earliest'; over: string; by: Value; where: Cond }
  /** A code (ICD-10, CPT, HCPCS) matches one of the patterns: `M54.1*`, a range `C00-D49`, or a code. */
  | { code: Value; patterns: string[] }
);

/** A leaf's test without its number (what the compiler builds before numbering it). */
export type LeafBody = Leaf extends infer L ? (L extends unknown ? Omit<L, 'leaf'> : never) : never;

export type Cond = { all: Cond[] } | { any: Cond[] } | { not: Cond } | Leaf;

export function isLeaf(c: Cond): c is Leaf {
  return 'leaf' in c;
}

/** The leaf numbers of a condition, in order. */
export function leavesOf(c: Cond, out: number[] = []): number[] {
  if ('all' in c) for (const x of c.all) leavesOf(x, out);
  else if ('any' in c) for (const x of c.any) leavesOf(x, out);
  else if ('not' in c) leavesOf(c.not, out);
  else {
    out.push(c.leaf);
    if ('quantifier' in c) leavesOf(c.where, out);
  }
  return out;
}
