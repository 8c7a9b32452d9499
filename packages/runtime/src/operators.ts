// What json-rules-engine needs to run our rules: the custom operators and the `calc` fact.
// `installRuntime(engine)` registers both on an unmodified Engine.
import type { Almanac, Engine } from 'json-rules-engine';
import type { Calc } from '@guideline/language';
import { calcFacts, evaluateCalc } from './calc.ts';
import { isDateShaped as isoDate } from './iso-date.ts';

/** How the date operators compare two dates (both YYYY-MM-DD, which order as text). */
export const dateComparisons: Record<string, (a: string, b: string) => boolean> = {
  before: (a, b) => a < b,
  onOrBefore: (a, b) => a <= b,
  after: (a, b) => a > b,
  onOrAfter: (a, b) => a >= b,
  sameDay: (a, b) => a === b,
  notSameDay: (a, b) => a !== b,
};

/** Custom operators, by name. Each returns false for values of the wrong kind (unknowns are judged by the explainer). */
export const operators: Record<string, (fact: unknown, value: unknown) => boolean> = {
  /** `x is known` (value true) / `x is unknown` (value false). */
  known: (f, v) => (f !== undefined && f !== null) === v,
  /** Any of the matched classes is among the listed ones. */
  containsAny: (f, v) => Array.isArray(f) && Array.isArray(v) && f.some((x) => v.includes(x)),
  /** Time elapsed is between zero and the window. */
  elapsedWithin: (f, v) => typeof f === 'number' && typeof v === 'number' && f >= 0 && f <= v,
  ...Object.fromEntries(Object.entries(dateComparisons).map(([name, cmp]) => [name, (f: unknown, v: unknown) => isoDate(f) && isoDate(v) && cmp(f, v)])),
};

/** json-rules-engine's check that a fact value is numeric, before a numeric comparison. */
export const numeric = (v: unknown): boolean => (typeof v === 'number' ? !Number.isNaN(v) : Number.parseFloat(v as string).toString() !== 'NaN');

/** json-rules-engine's built-in operators, with the same fact-value validators, plus ours. */
export const allOperators: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
  ...operators,
};

/** The built-in json-rules-engine operators our compiler emits. */
export const builtinOperators = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in'] as const;

/** The `calc` fact: evaluates the expression in its params over the run's other facts. */
export async function calcFact(params: { expr: Calc }, almanac: Almanac): Promise<number | string | null> {
  const values = new Map<string, unknown>();
  for (const id of calcFacts(params.expr)) {
    if (!values.has(id)) values.set(id, await almanac.factValue(id));
  }
  return evaluateCalc(params.expr, (id) => values.get(id));
}

/** Registers our operators and the `calc` fact on a json-rules-engine Engine. */
export function installRuntime(engine: Engine): Engine {
  for (const [name, fn] of Object.entries(operators)) engine.addOperator(name, fn);
  // Not cached: an expression is cheaper to work out again than its params are to hash for a cache key.
  engine.addFact('calc', calcFact as never, { cache: false });
  return engine;
}
