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

/** The value of an expression, or null when any fact it reads is unknown. */
export function evaluateCalc(expr: Calc, fact: (id: string) => unknown): number | string | null {
  if ('const' in expr) return expr.const;
  if ('fact' in expr) {
    const v = fact(expr.fact);
    return v === undefined || v === null ? null : (v as number | string);
  }
  if ('elapsed' in expr) {
    const from = fact(expr.elapsed);
    const to = fact('asOf');
    if (typeof from !== 'string' || typeof to !== 'string') return null;
    return elapsed(from, to, expr.unit);
  }
  const a = evaluateCalc(expr.args[0], fact);
  const b = evaluateCalc(expr.args[1], fact);
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  switch (expr.op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? null : a / b;
  }
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
