// Evaluates a compiled value expression (Calc) over known facts: sums, differences, halves, and the
// time elapsed from a date up to the review date. Data only; nothing is evaluated as code.
import type { Calc } from '@guideline/language';

/** Fact ids an expression reads. */
export function calcFacts(expr: Calc, out: string[] = []): string[] {
  if ('fact' in expr) out.push(expr.fact);
  else if ('op' in expr) for (const a of expr.args) calcFacts(a, out);
  else if ('elapsed' in expr) out.push(expr.elapsed, 'asOf');
  return out;
}

const arithmetic: Record<'+' | '-' | '*' | '/', (a: number, b: number) => number | null> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0 ? null : a / b),
};

/**
 * An expression turned once into a function of whatever holds the facts (a lookup, an array of
 * slots); `bind` says how to read one fact from it. Its value is null when a fact it reads is unknown.
 */
export function compileCalc<S>(expr: Calc, bind: (id: string) => (holder: S) => unknown): (holder: S) => number | string | null {
  if ('const' in expr) {
    const k = expr.const;
    return () => k;
  }
  if ('fact' in expr) {
    const read = bind(expr.fact);
    return (s) => {
      const v = read(s);
      return v === undefined || v === null ? null : (v as number | string);
    };
  }
  if ('elapsed' in expr) {
    const from = bind(expr.elapsed);
    const to = bind('asOf');
    const unit = expr.unit;
    return (s) => {
      const a = from(s);
      const b = to(s);
      return typeof a === 'string' && typeof b === 'string' ? elapsed(a, b, unit) : null;
    };
  }
  const x = compileCalc(expr.args[0], bind);
  const y = compileCalc(expr.args[1], bind);
  // An own member only: an op named like an Object.prototype member is no arithmetic (its value is unknown).
  const op = Object.hasOwn(arithmetic, expr.op) ? arithmetic[expr.op] : () => null;
  return (s) => {
    const a = x(s);
    const b = y(s);
    return typeof a === 'number' && typeof b === 'number' ? op(a, b) : null;
  };
}

type Lookup = (id: string) => unknown;
const byLookup = new WeakMap<Calc, (fact: Lookup) => number | string | null>();

/** The value of an expression, or null when any fact it reads is unknown. */
export function evaluateCalc(expr: Calc, fact: Lookup): number | string | null {
  let run = byLookup.get(expr);
  if (!run) byLookup.set(expr, (run = compileCalc<Lookup>(expr, (id) => (look) => look(id))));
  return run(fact);
}

function parseDate(s: string): { y: number; m: number; d: number; t: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return { y, m: mo, d, t: Date.UTC(y, mo - 1, d) };
}

/** Time from one ISO date to another in a unit; calendar months, fractional in between. Negative when `to` is earlier. */
export function elapsed(fromIso: string, toIso: string, unit: 'days' | 'weeks' | 'months' | 'years'): number | null {
  const from = parseDate(fromIso);
  const to = parseDate(toIso);
  if (!from || !to) return null;
  const days = Math.round((to.t - from.t) / 86_400_000);
  if (unit === 'days') return days;
  if (unit === 'weeks') return days / 7;
  if (days < 0) return -(elapsed(toIso, fromIso, unit) ?? 0);
  let months = (to.y - from.y) * 12 + (to.m - from.m);
  if (to.d < from.d) months -= 1;
  const anchor = Date.UTC(from.y, from.m - 1 + months, from.d);
  const next = Date.UTC(from.y, from.m - 1 + months + 1, from.d);
  const total = months + (to.t - anchor) / (next - anchor);
  return unit === 'months' ? total : total / 12;
}
