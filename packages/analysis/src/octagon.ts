// Octagons: conjunctions of `±x ±y ≤ c` and `±x ≤ c` (strict or not) over integer and rational
// variables, decided exactly in cubic time: the strong closure over the rationals (Miné), then the
// tight closure of Bagnara, Hill and Zaffanella over the integer variables' projection.
import type { Atom } from './linear.ts';

/**
 * A constraint `a·x + b·y ≤ c` (`< c` when strict), with a, b ∈ {1, -1}; `y` undefined for `a·x ≤ c`:
 * an atom (linear.ts) whose variables are numbered from 0 within one octagon.
 */
export type OctConstraint = Atom;

/**
 * A difference-bound matrix over 2n nodes: node 2k is +x_k, node 2k+1 is -x_k, and entry (i, j)
 * bounds node j minus node i (Miné's convention), with a flag for a strict bound.
 */
class Matrix {
  readonly size: number;
  readonly v: Float64Array;
  readonly s: Uint8Array;

  constructor(
    readonly n: number,
    from?: Matrix,
  ) {
    this.size = 2 * n;
    if (from) {
      this.v = from.v.slice();
      this.s = from.s.slice();
      return;
    }
    this.v = new Float64Array(this.size * this.size).fill(Infinity);
    this.s = new Uint8Array(this.size * this.size);
    for (let i = 0; i < this.size; i++) this.v[i * this.size + i] = 0;
  }

  /** Tightens entry (i, j), and its coherent twin (j̄, ī), to `c` when that is smaller. */
  put(i: number, j: number, c: number, strict: boolean): void {
    this.min(i, j, c, strict);
    this.min(j ^ 1, i ^ 1, c, strict);
  }

  private min(i: number, j: number, c: number, strict: boolean): void {
    const k = i * this.size + j;
    const v = this.v[k]!;
    if (c < v || (c === v && strict && !this.s[k])) {
      this.v[k] = c;
      this.s[k] = strict ? 1 : 0;
    }
  }

  /** Floyd–Warshall over the nodes, strictness carried (a sum is strict when either part is). */
  shortestPaths(): void {
    const { size, v, s } = this;
    for (let k = 0; k < size; k++) {
      for (let i = 0; i < size; i++) {
        const ik = v[i * size + k]!;
        if (ik === Infinity) continue;
        const iks = s[i * size + k]!;
        for (let j = 0; j < size; j++) {
          const kj = v[k * size + j]!;
          if (kj === Infinity) continue;
          const c = ik + kj;
          const at = i * size + j;
          const cur = v[at]!;
          const strict = iks | s[k * size + j]!;
          if (c < cur || (c === cur && strict && !s[at])) {
            v[at] = c;
            s[at] = strict;
          }
        }
      }
    }
  }

  /** Strengthening: x_j - x_i is bounded by half of the bounds on 2x_j and -2x_i. */
  strengthen(): void {
    const { size, v, s } = this;
    for (let i = 0; i < size; i++) {
      const a = v[i * size + (i ^ 1)]!;
      if (a === Infinity) continue;
      for (let j = 0; j < size; j++) {
        const b = v[(j ^ 1) * size + j]!;
        if (b === Infinity) continue;
        const c = (a + b) / 2;
        const at = i * size + j;
        const strict = s[i * size + (i ^ 1)]! | s[(j ^ 1) * size + j]!;
        if (c < v[at]! || (c === v[at]! && strict && !s[at])) {
          v[at] = c;
          s[at] = strict;
        }
      }
    }
  }

  /** Whether some node's bound on itself is below 0 (or 0 and strict): no point satisfies the constraints. */
  inconsistent(): boolean {
    for (let i = 0; i < this.size; i++) {
      const k = i * this.size + i;
      if (this.v[k]! < 0 || (this.v[k] === 0 && this.s[k])) return true;
    }
    return false;
  }

  /** The bounds of variable x: [lo, hi] with each end's strictness. */
  bounds(x: number): { lo: number; loStrict: boolean; hi: number; hiStrict: boolean } {
    const up = (2 * x + 1) * this.size + 2 * x; // +x - (-x) = 2x
    const down = 2 * x * this.size + 2 * x + 1; // -x - x = -2x
    return { lo: -this.v[down]! / 2, loStrict: !!this.s[down], hi: this.v[up]! / 2, hiStrict: !!this.s[up] };
  }

  fix(x: number, value: number): void {
    this.put(2 * x + 1, 2 * x, 2 * value, false);
    this.put(2 * x, 2 * x + 1, -2 * value, false);
  }
}

/** The node of the term a·x. */
const node = (x: number, a: 1 | -1): number => (a > 0 ? 2 * x : 2 * x + 1);

/** The matrix of the constraints; with `whole`, every variable is an integer and bounds are rounded to the integers they allow. */
function matrixOf(n: number, constraints: readonly OctConstraint[], whole = false): Matrix {
  const m = new Matrix(n);
  for (const k of constraints) {
    const p = node(k.x, k.a);
    if (k.y === undefined) m.put(p ^ 1, p, whole ? 2 * (k.strict ? Math.ceil(k.c) - 1 : Math.floor(k.c)) : 2 * k.c, whole ? false : k.strict);
    else m.put(node(k.y, k.b!) ^ 1, p, whole ? (k.strict ? Math.ceil(k.c) - 1 : Math.floor(k.c)) : k.c, whole ? false : k.strict);
  }
  return m;
}

/** The strong closure over the rationals, or undefined when the constraints have no solution. */
function closeRational(m: Matrix): Matrix | undefined {
  m.shortestPaths();
  if (m.inconsistent()) return undefined;
  m.strengthen();
  return m.inconsistent() ? undefined : m;
}

/** The tight closure of an octagon whose bounds are all integers and non-strict (BHZ 2008). */
function closeInteger(m: Matrix): Matrix | undefined {
  m.shortestPaths();
  if (m.inconsistent()) return undefined;
  const { size, v } = m;
  for (let i = 0; i < size; i++) {
    const k = i * size + (i ^ 1);
    if (v[k] !== Infinity) v[k] = 2 * Math.floor(v[k]! / 2);
  }
  for (let i = 0; i < size; i += 2) {
    if (v[i * size + i + 1]! + v[(i + 1) * size + i]! < 0) return undefined;
  }
  m.strengthen();
  return m.inconsistent() ? undefined : m;
}

/**
 * The integer variables' part of a closed rational octagon, with each bound rounded to the
 * integers it allows (`2x ≤ 7` is `2x ≤ 6`, `x - y < 3` is `x - y ≤ 2`).
 */
function integerPart(m: Matrix, ints: readonly number[]): Matrix {
  const out = new Matrix(ints.length);
  for (let a = 0; a < 2 * ints.length; a++) {
    const i = 2 * ints[a >> 1]! + (a & 1);
    for (let b = 0; b < 2 * ints.length; b++) {
      if (a === b) continue;
      const j = 2 * ints[b >> 1]! + (b & 1);
      const c = m.v[i * m.size + j]!;
      if (c === Infinity) continue;
      const strict = !!m.s[i * m.size + j];
      // (a, b) on one variable bounds 2x: round its half.
      const bound = b === (a ^ 1) ? 2 * (strict ? Math.ceil(c / 2) - 1 : Math.floor(c / 2)) : strict ? Math.ceil(c) - 1 : Math.floor(c);
      out.put(a, b, bound, false);
    }
  }
  return out;
}

/** A value to pick for a variable: the one nearest `prefer` within its bounds (an integer when it must be). */
function pick(b: ReturnType<Matrix['bounds']>, integer: boolean, prefer: number): number {
  let lo = b.lo;
  let hi = b.hi;
  if (integer) {
    lo = b.loStrict ? Math.floor(lo) + 1 : Math.ceil(lo);
    hi = b.hiStrict ? Math.ceil(hi) - 1 : Math.floor(hi);
    return Math.min(Math.max(Math.round(prefer), lo), hi);
  }
  const inside = (x: number): boolean => (b.loStrict ? x > lo : x >= lo) && (b.hiStrict ? x < hi : x <= hi);
  if (inside(prefer)) return prefer;
  // The whole number nearest the preferred one, else the middle of the (narrow or half-open) interval.
  const near = prefer < lo ? (b.loStrict ? Math.floor(lo) + 1 : Math.ceil(lo)) : b.hiStrict ? Math.ceil(hi) - 1 : Math.floor(hi);
  if (inside(near)) return near;
  if (lo === -Infinity) return hi - 1;
  if (hi === Infinity) return lo + 1;
  return (lo + hi) / 2;
}

/**
 * Decides a conjunction of octagonal constraints over `n` variables, of which those flagged in
 * `integer` take whole values only. Returns a solution (a value for every variable, each nearest
 * its `prefer` value that the others allow), or undefined when there is none.
 */
export function solveOctagon(n: number, integer: readonly boolean[], constraints: readonly OctConstraint[], prefer: (x: number) => number = () => 0): number[] | undefined {
  let real = closeRational(matrixOf(n, constraints));
  if (!real) return undefined;
  const ints = [...Array(n).keys()].filter((x) => integer[x]);
  const values = new Array<number>(n).fill(0);
  if (ints.length) {
    let m = closeInteger(integerPart(real, ints));
    if (!m) return undefined;
    for (let a = 0; a < ints.length; a++) {
      const v = pick(m.bounds(a), true, prefer(ints[a]!));
      values[ints[a]!] = v;
      m.fix(a, v);
      const next = closeInteger(m);
      if (!next) return undefined;
      m = next;
    }
    for (const x of ints) real.fix(x, values[x]!);
    const closed = closeRational(real);
    if (!closed) return undefined;
    real = closed;
  }
  for (let x = 0; x < n; x++) {
    if (integer[x]) continue;
    const v = pick(real.bounds(x), false, prefer(x));
    values[x] = v;
    real.fix(x, v);
    const closed = closeRational(real);
    if (!closed) return undefined;
    real = closed;
  }
  return values;
}

/** Whether a conjunction of octagonal constraints has a solution (see `solveOctagon`). */
export function satisfiable(n: number, integer: readonly boolean[], constraints: readonly OctConstraint[]): boolean {
  // All whole: the tight closure alone decides.
  if (integer.every(Boolean)) return closeInteger(matrixOf(n, constraints, true)) !== undefined;
  const real = closeRational(matrixOf(n, constraints));
  if (!real) return false;
  const ints = [...Array(n).keys()].filter((x) => integer[x]);
  return !ints.length || closeInteger(integerPart(real, ints)) !== undefined;
}

/** Each variable's bounds in the rational closure (lo, hi; infinite when unbounded), or undefined when there is no solution. */
export function octagonBounds(n: number, constraints: readonly OctConstraint[]): { lo: number; hi: number }[] | undefined {
  const m = closeRational(matrixOf(n, constraints));
  if (!m) return undefined;
  return [...Array(n).keys()].map((x) => {
    const b = m.bounds(x);
    return { lo: b.lo, hi: b.hi };
  });
}
