// Comparisons of symbolic values as three-valued regions, operation by operation as the runtime's
// `compare` (values.ts there): known numbers and dates (as day numbers) exactly, texts by equality
// only, an unknown by its bounds, and time in months by the runtime's calendar (months.ts).
import { cellOf, meet, TOP, type Region } from './cell.ts';
import { dayNumber, isDateText, isoDate } from './calendar.ts';
import { atomOf, combine, constant, isConstant, negate, NotAnalyzed, valueOf, type Lin } from './linear.ts';
import type { Tri3 } from './logic.ts';
import { dateRanges, monthHolds, type MonthAtom } from './months.ts';
import { OTHER, UNKNOWN, type FiniteVar } from './space.ts';
import { finCell, knownValues, maskOf, type Bound, type Sym } from './values.ts';
import { isEmptyMask } from './masks.ts';

export type Op = '<' | '<=' | '>' | '>=' | '=' | '!=';
type Months = Extract<Sym, { k: 'months' }>;

const YES: Tri3 = { t: [TOP], f: [], u: [] };
const NO: Tri3 = { t: [], f: [TOP], u: [] };
const UNSURE: Tri3 = { t: [], f: [], u: [TOP] };

export const atom = (lin: Lin, strict: boolean): { yes: Region; no: Region } => {
  const k = atomOf(lin, strict);
  if (typeof k === 'boolean') return k ? { yes: [TOP], no: [] } : { yes: [], no: [TOP] };
  return { yes: [cellOf({ atoms: [k] })], no: [cellOf({ atoms: [negate(k)] })] };
};

export const cross = (a: Region, b: Region): Region => a.flatMap((x) => b.map((y) => meet(x, y)));

/** Whether a value stands for an unknown (a plain one, or one at least a time in months). */
export const isUnknown = (x: Sym): x is Extract<Sym, { k: 'unk' | 'unkMonths' }> => x.k === 'unk' || x.k === 'unkMonths';

/** The day number a known value orders by, when it is a date (the runtime's `ordinal` of a text). */
function dateOf(x: Sym): Lin | undefined {
  if (x.k === 'date') return x.lin;
  if (x.k === 'str' && isDateText(x.s)) return constant(dayNumber(x.s));
  return undefined;
}

/** A text variable may hold a date (any other text may): its order would then depend on which text. */
function mayBeDate(v: FiniteVar): boolean {
  return v.values.some((x) => x === OTHER || (x !== UNKNOWN && isDateText(x)));
}

/** `is one of`: true when the value is known and listed, false when known and not, unknown when unknown. */
export function isOneOf(x: Sym, values: readonly (string | number | boolean)[]): Tri3 {
  const texts = values.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v));
  switch (x.k) {
    case 'unk': case 'unkMonths': return UNSURE;
    case 'fin': {
      if (x.v.codes) throw new NotAnalyzed('it compares a code with texts');
      const yes = texts.filter((v): v is string => typeof v === 'string');
      const no = knownValues(x.v).filter((v) => !yes.includes(v));
      const cell = (vs: string[]): Region => (isEmptyMask(maskOf(x.v, vs)) ? [] : [finCell(x.v, vs)]);
      return { t: cell(yes), f: cell(no), u: [] };
    }
    case 'str': return texts.includes(x.s) ? YES : NO;
    case 'num': {
      // A known number is one of the numbers listed (a text is never a number).
      const points = [...new Set(texts.filter((v): v is number => typeof v === 'number'))].sort((a, b) => a - b);
      const t: Region = [];
      const f: Region = [];
      let prev: number | undefined;
      for (const p of points) {
        const eq = combine(x.lin, constant(p), -1);
        t.push(...cross(atom(eq, false).yes, atom(combine(constant(p), x.lin, -1), false).yes));
        // Below this point and above the one before.
        f.push(...cross(atom(eq, true).yes, prev === undefined ? [TOP] : atom(combine(constant(prev), x.lin, -1), true).yes));
        prev = p;
      }
      f.push(...(prev === undefined ? [TOP] : atom(combine(constant(prev), x.lin, -1), true).yes));
      return { t, f, u: [] };
    }
    case 'date': {
      // A date is a text: listed when the same text is (the same day written the same way).
      const days = [...new Set(texts.filter((t): t is string => isDateText(t) && isoDate(dayNumber(t)) === t).map(dayNumber))];
      if (!days.length) return NO;
      const t = days.flatMap((d) => linear('=', x.lin, constant(d)).t);
      let f: Region = [TOP];
      for (const d of days) f = cross(f, linear('!=', x.lin, constant(d)).t);
      return { t, f, u: [] };
    }
    case 'months': throw new NotAnalyzed('it lists values for a time in months');
  }
}

/**
 * A value matched against code patterns, as the runtime matches it: a text by the patterns, an
 * unknown value unknown; a code fact value by value (its values stand for every code that matches
 * the same patterns, and these are among them).
 */
export function matchCode(x: Sym, patterns: readonly string[], match: (code: string) => boolean): Tri3 {
  switch (x.k) {
    case 'unk': case 'unkMonths': return UNSURE;
    case 'str': return match(x.s) ? YES : NO;
    case 'fin': {
      const codes = x.v.codes;
      if (!codes) throw new NotAnalyzed('it matches a value that is not a code against code patterns');
      if (patterns.some((p) => !codes.patterns.includes(p))) throw new Error(`the code patterns of '${x.v.words}' leave out some of ${patterns.join(', ')}`);
      const t = knownValues(x.v).filter(match);
      const f = knownValues(x.v).filter((v) => !match(v));
      return { t: t.length ? [finCell(x.v, t)] : [], f: f.length ? [finCell(x.v, f)] : [], u: [] };
    }
    default: throw new NotAnalyzed('it matches a computed value against code patterns');
  }
}

/** Where a value stands in an ordering with an unknown: its lower and upper bounds, as the runtime reads them. */
type Side = Bound | { months: Months } | undefined;

function boundsOf(x: Sym, other: Sym): { lo?: Side; hi?: Side } {
  switch (x.k) {
    case 'num': case 'date': return { lo: { lin: x.lin, date: x.k === 'date' }, hi: { lin: x.lin, date: x.k === 'date' } };
    case 'str': {
      // A text that is not a date has no place in an order.
      if (!isDateText(x.s)) return {};
      const b = { lin: constant(dayNumber(x.s)), date: true };
      return { lo: b, hi: b };
    }
    case 'unk': return { ...(x.lo ? { lo: x.lo } : {}), ...(x.hi ? { hi: x.hi } : {}) };
    case 'unkMonths': return { lo: { months: x.lo } };
    case 'months': return { lo: { months: x }, hi: { months: x } };
    case 'fin': {
      // Against an unknown with no bounds nothing is decided; with bounds, a text that may be a date might be.
      const b = boundsOf(other, x);
      if ((b.lo || b.hi) && mayBeDate(x.v)) throw new NotAnalyzed('it compares a text that may be a date with an unknown value');
      return {};
    }
  }
}

/** `x ≤ y` (`<` when strict) of two bounds, as the runtime's `le` / `lt`: false when either is missing. */
function le(x: Side, y: Side, strict: boolean): { yes: Region; no: Region } {
  if (!x || !y) return { yes: [], no: [TOP] };
  if ('months' in x || 'months' in y) {
    // Time in months against a constant bound.
    const [m, c, below] = 'months' in x ? [x.months, y, true] : [(y as { months: Months }).months, x, false];
    if ('months' in c || !isConstant(c.lin)) throw new NotAnalyzed('it compares a time in months with a bound that is not a constant');
    const op: Op = below ? (strict ? '<' : '<=') : strict ? '>' : '>=';
    const r = months(op, m, valueOf(c.lin));
    return { yes: r.t, no: r.f };
  }
  // Dates and numbers alike order by their numbers (a date by its day number).
  return atom(combine(x.lin, y.lin, -1), strict);
}

/** A comparison, three-valued, as the runtime's `compare`. */
export function compare(op: Op, a: Sym, b: Sym): Tri3 {
  if (!isUnknown(a) && !isUnknown(b)) return compareKnown(op, a, b);
  const A = boundsOf(a, b);
  const B = boundsOf(b, a);
  const three = (t: { yes: Region; no: Region }, f: { yes: Region; no: Region }): Tri3 => ({ t: t.yes, f: cross(t.no, f.yes), u: cross(t.no, f.no) });
  switch (op) {
    case '<=': return three(le(A.hi, B.lo, false), le(B.hi, A.lo, true));
    case '<': return three(le(A.hi, B.lo, true), le(B.hi, A.lo, false));
    case '>=': return three(le(B.hi, A.lo, false), le(A.hi, B.lo, true));
    case '>': return three(le(B.hi, A.lo, true), le(A.hi, B.lo, false));
    case '=': case '!=': {
      // Equal only when both are known; unequal for certain when the ranges do not meet.
      const below = le(A.hi, B.lo, true);
      const above = le(B.hi, A.lo, true);
      const apart = [...below.yes, ...cross(below.no, above.yes)];
      const maybe = cross(below.no, above.no);
      return op === '=' ? { t: [], f: apart, u: maybe } : { t: apart, f: [], u: maybe };
    }
  }
}

function compareKnown(op: Op, a: Sym, b: Sym): Tri3 {
  if (a.k === 'num' && b.k === 'num') return linear(op, a.lin, b.lin);
  if (a.k === 'months' && b.k === 'num' && isConstant(b.lin)) return months(op, a, valueOf(b.lin));
  if (b.k === 'months' && a.k === 'num' && isConstant(a.lin)) return months(flip(op), b, valueOf(a.lin));
  if (a.k === 'months' || b.k === 'months') throw new NotAnalyzed('it compares a time in months with something other than a number');
  if (a.k === 'fin' || b.k === 'fin') return compareFinite(op, a, b);
  const [x, y] = [dateOf(a), dateOf(b)];
  const equality = op === '=' || op === '!=';
  if (equality) {
    // Two dates are the same day when their day numbers are; anything else is equal when it is the same value.
    if (x && y) return linear(op, x, y);
    if (a.k === 'str' && b.k === 'str') return (a.s === b.s) === (op === '=') ? YES : NO;
    // A number with a text, a date with a text that is not one: never the same value.
    return op === '!=' ? YES : NO;
  }
  // An order: numbers and dates by their numbers; a text that is not a date has none.
  const [p, q] = [a.k === 'num' ? a.lin : x, b.k === 'num' ? b.lin : y];
  return p && q ? linear(op, p, q) : UNSURE;
}

/** A comparison with a finite variable's value (yes/no, one of, a text): equality only, value by value. */
function compareFinite(op: Op, a: Sym, b: Sym): Tri3 {
  if (a.k === 'fin' && b.k === 'fin') throw new NotAnalyzed('it compares two facts of a few values each with each other');
  const [v, other] = a.k === 'fin' ? [a.v, b] : [(b as { v: FiniteVar }).v, a];
  // A code's value stands for every code that matches the same patterns: only patterns tell them apart.
  if (v.codes) throw new NotAnalyzed('it compares a code as a text');
  if (op !== '=' && op !== '!=') {
    // The runtime orders only numbers and dates: a value that is neither leaves it unknown.
    if (mayBeDate(v)) throw new NotAnalyzed('it orders a text that may be a date');
    return UNSURE;
  }
  if (other.k !== 'str') {
    // A number is never a text (or yes or no); a date might be the same text.
    if (other.k === 'date' && mayBeDate(v)) throw new NotAnalyzed('it compares a text with a date');
    return op === '!=' ? YES : NO;
  }
  const eq = isEmptyMask(maskOf(v, [other.s])) ? [] : [finCell(v, [other.s])];
  const ne = [finCell(v, knownValues(v).filter((x) => x !== other.s))];
  return op === '=' ? { t: eq, f: ne, u: [] } : { t: ne, f: eq, u: [] };
}

const flip = (op: Op): Op => (op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : op === '>=' ? '<=' : op);

/** A comparison of two known linear values. */
export function linear(op: Op, a: Lin, b: Lin): Tri3 {
  const le0 = (x: Lin, y: Lin, strict: boolean) => atom(combine(x, y, -1), strict);
  switch (op) {
    case '<=': { const r = le0(a, b, false); return { t: r.yes, f: r.no, u: [] }; }
    case '<': { const r = le0(a, b, true); return { t: r.yes, f: r.no, u: [] }; }
    case '>=': { const r = le0(b, a, false); return { t: r.yes, f: r.no, u: [] }; }
    case '>': { const r = le0(b, a, true); return { t: r.yes, f: r.no, u: [] }; }
    case '=': case '!=': {
      const below = le0(a, b, true);
      const above = le0(b, a, true);
      const equal = cross(le0(a, b, false).yes, le0(b, a, false).yes);
      const apart = [...below.yes, ...above.yes];
      return op === '=' ? { t: equal, f: apart, u: [] } : { t: apart, f: equal, u: [] };
    }
  }
}

/** A date's variable (a plain one), or undefined for a date written out; anything else is outside the method. */
function single(l: Lin): number | undefined {
  if (!l.terms.size) return undefined;
  const [[x, coeff]] = [...l.terms] as [[number, number]];
  if (l.terms.size > 1 || coeff !== l.d || l.k !== 0) throw new NotAnalyzed('it measures months from or to a computed date');
  return x;
}

/** Time in months (or years) from a date to another against a constant: a month comparison, by the runtime's calendar. */
function months(op: Op, m: Months, c: number): Tri3 {
  const x = single(m.date);
  const to = single(m.to);
  const day = x === undefined ? valueOf(m.date) : 0;
  const at = (o: MonthAtom['op']): Region => {
    if (to !== undefined) return [cellOf({ months: [{ date: x, day, to, unit: m.unit, op: o, c }] })];
    // Up to a date written out: the dates that meet it are ranges of days.
    const k: MonthAtom = { date: x, day, to: -1, unit: m.unit, op: o, c };
    const end = valueOf(m.to);
    if (x === undefined) return monthHolds(k, day, end) ? [TOP] : [];
    return dateRanges(k, end).map(([lo, hi]) => cellOf({ atoms: [...(lo === -Infinity ? [] : [{ x, a: -1 as const, c: -lo, strict: false }]), ...(hi === Infinity ? [] : [{ x, a: 1 as const, c: hi, strict: false }])] }));
  };
  switch (op) {
    case '<=': return { t: at('<='), f: at('>'), u: [] };
    case '<': return { t: at('<'), f: at('>='), u: [] };
    case '>=': return { t: at('>='), f: at('<'), u: [] };
    case '>': return { t: at('>'), f: at('<='), u: [] };
    case '=': return { t: cross(at('<='), at('>=')), f: [...at('<'), ...at('>')], u: [] };
    case '!=': return { t: [...at('<'), ...at('>')], f: cross(at('<='), at('>=')), u: [] };
  }
}
