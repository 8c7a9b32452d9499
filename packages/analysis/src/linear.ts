// Linear forms over the numeric variables, kept as whole-number numerators over a positive
// denominator (weeks since a date is days over 7), and their comparisons with 0 as octagon atoms:
// one variable, or a sum or difference of two, against a constant. Anything else is outside the
// method, and says why.

/** (Σ coefficient·variable + k) / d, d > 0. Variables are the space's numeric variable indices. */
export interface Lin {
  terms: ReadonlyMap<number, number>;
  k: number;
  d: number;
}

/** A constraint `a·x + b·y ≤ c` (`<` when strict) over space variable indices; a, b ∈ {1, -1}. */
export interface Atom {
  x: number;
  a: 1 | -1;
  y?: number;
  b?: 1 | -1;
  c: number;
  strict: boolean;
}

/** Why a condition is outside the analysis: thrown where it is found, caught per check. */
export class NotAnalyzed extends Error {
  constructor(
    readonly reason: string,
    /** The leaf condition, by number in its guideline or policy, when one is to blame. */
    public leaf?: number,
  ) {
    super(reason);
    this.name = 'NotAnalyzed';
  }
}

export const constant = (k: number): Lin => ({ terms: new Map(), k, d: 1 });
export const variable = (x: number): Lin => ({ terms: new Map([[x, 1]]), k: 0, d: 1 });
export const isConstant = (l: Lin): boolean => l.terms.size === 0;
export const valueOf = (l: Lin): number => l.k / l.d;

function scaled(l: Lin, m: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const [x, a] of l.terms) out.set(x, a * m);
  return out;
}

/** a + s·b (s = 1 or -1). */
export function combine(a: Lin, b: Lin, s: 1 | -1): Lin {
  const terms = scaled(a, b.d);
  for (const [x, c] of b.terms) {
    const v = (terms.get(x) ?? 0) + s * c * a.d;
    if (v === 0) terms.delete(x);
    else terms.set(x, v);
  }
  return { terms, k: a.k * b.d + s * b.k * a.d, d: a.d * b.d };
}

export function times(l: Lin, m: number): Lin {
  if (m === 0) return constant(0);
  return { terms: scaled(l, m), k: l.k * m, d: l.d };
}

/** l / m for a constant m ≠ 0: a whole divisor goes to the denominator, keeping numerators whole. */
export function over(l: Lin, m: number): Lin {
  if (Number.isInteger(m) && m > 0) return { terms: l.terms, k: l.k, d: l.d * m };
  if (Number.isInteger(m)) return { terms: scaled(l, -1), k: -l.k, d: l.d * -m };
  return times(l, 1 / m);
}

/** Whether a form has whole values whenever its variables do (whole coefficients and constant, denominator 1). */
export function wholeOver(l: Lin, integer: (x: number) => boolean): boolean {
  if (l.d !== 1 || !Number.isInteger(l.k)) return false;
  for (const [x, a] of l.terms) if (!integer(x) || !Number.isInteger(a)) return false;
  return true;
}

/**
 * `l ≤ 0` (`< 0` when strict) as an atom; `true` or `false` when it has no variables. Throws
 * NotAnalyzed for more than two variables, or two with different weights.
 */
export function atomOf(l: Lin, strict: boolean): Atom | boolean {
  const ts = [...l.terms];
  // Multiplying by the positive denominator keeps the direction.
  if (ts.length === 0) return strict ? l.k < 0 : l.k <= 0;
  const sign = (v: number): 1 | -1 => (v > 0 ? 1 : -1);
  if (ts.length === 1) {
    const [x, a] = ts[0]!;
    return { x, a: sign(a), c: -l.k / Math.abs(a), strict };
  }
  if (ts.length > 2) throw new NotAnalyzed('it compares more than two facts at once');
  const [[x, a], [y, b]] = ts as [[number, number], [number, number]];
  if (Math.abs(a) !== Math.abs(b)) throw new NotAnalyzed('it weighs two facts differently (only one fact, or a sum or difference of two, against a constant is analyzed)');
  return { x, a: sign(a), y, b: sign(b), c: -l.k / Math.abs(a), strict };
}

/** The atom true exactly where `k` is false. */
export function negate(k: Atom): Atom {
  const out: Atom = { x: k.x, a: k.a === 1 ? -1 : 1, c: -k.c, strict: !k.strict };
  if (k.y !== undefined) {
    out.y = k.y;
    out.b = k.b === 1 ? -1 : 1;
  }
  return out;
}

/** Whether an atom holds for the given values of the space's variables. */
export function holds(k: Atom, value: (x: number) => number): boolean {
  const lhs = k.a * value(k.x) + (k.y === undefined ? 0 : k.b! * value(k.y));
  return k.strict ? lhs < k.c : lhs <= k.c;
}

export function atomKey(k: Atom): string {
  return `${k.a}${k.x}${k.y === undefined ? '' : `${k.b! > 0 ? '+' : '-'}${k.y}`}${k.strict ? '<' : '≤'}${k.c}`;
}
