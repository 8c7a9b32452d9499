// Conditions as three-valued regions: each leaf condition, the way the runtime evaluates it (plan.ts
// there: exact comparisons of known values, bounds on unknown ones, Kleene logic), becomes the
// region where it is true, the one where it is false and the one where it is unknown.
import type { Cond, Leaf } from '@guideline/language';
import { cellOf, meet, TOP, type Cell, type Region } from './cell.ts';
import { dayNumber, isDateText } from './calendar.ts';
import { atomOf, combine, constant, isConstant, negate, NotAnalyzed, valueOf, type Lin } from './linear.ts';
import type { Logic, Tri3 } from './logic.ts';
import type { MonthAtom } from './months.ts';
import { finCell, knownValues, maskOf, type Bound, type Scope, type Sym } from './values.ts';
import { UNKNOWN, type FiniteVar } from './space.ts';

type Op = '<' | '<=' | '>' | '>=' | '=' | '!=';
const NONE: Tri3 = { t: [], f: [], u: [] };
const atom = (lin: Lin, strict: boolean): { yes: Region; no: Region } => {
  const k = atomOf(lin, strict);
  if (typeof k === 'boolean') return k ? { yes: [TOP], no: [] } : { yes: [], no: [TOP] };
  return { yes: [cellOf({ atoms: [k] })], no: [cellOf({ atoms: [negate(k)] })] };
};

export class Conditions {
  private readonly memo = new WeakMap<Cond, Tri3>();

  constructor(
    readonly logic: Logic,
    readonly scope: Scope,
  ) {}

  /** The condition's three regions. Throws NotAnalyzed (with the leaf's number) for what the method does not cover. */
  cond(c: Cond): Tri3 {
    let out = this.memo.get(c);
    if (out) return out;
    if ('all' in c) out = c.all.length ? this.logic.and(c.all.map((x) => this.cond(x))) : { t: [TOP], f: [], u: [] };
    else if ('any' in c) out = c.any.length ? this.logic.or(c.any.map((x) => this.cond(x))) : { t: [], f: [TOP], u: [] };
    else if ('not' in c) out = this.logic.not(this.cond(c.not));
    else {
      try {
        out = this.leaf(c);
      } catch (e) {
        if (e instanceof NotAnalyzed && e.leaf === undefined) e.leaf = c.leaf;
        throw e;
      }
    }
    this.memo.set(c, out);
    return out;
  }

  private guarded(parts: { guard: Cell; v: Tri3 }[]): Tri3 {
    return this.logic.guarded(parts);
  }


  private leaf(c: Leaf): Tri3 {
    const s = this.scope;
    if ('cmp' in c) return this.guarded(s.pairs(c.left, c.right, (a, b) => compare(c.cmp, a, b)));
    if ('within' in c) {
      // Between 0 and the window: both comparisons, Kleene's and.
      return this.guarded(s.pairs(c.within, c.window, (a, b) => this.logic.and([compare('>=', a, { k: 'num', lin: constant(0) }), compare('<=', a, b)])));
    }
    if ('is' in c) return this.guarded(s.expand(c.is).map((x) => ({ guard: x.guard, v: isOneOf(x.v, c.values) })));
    if ('known' in c) {
      const kind = 'fact' in c.known ? this.setKind(c.known.fact) : undefined;
      if (kind) {
        // Whether the diagnoses (a surgery, a list) are given: the set's own flag.
        const flag = this.scope.space.setFlag(kind);
        const yes: Region = [finCell(flag, ['known'])];
        // A list with a `when absent` value is always known.
        const no: Region = this.scope.space.defs.get((c.known as { fact: string }).fact)?.absent !== undefined ? [] : [finCell(flag, [UNKNOWN])];
        return c.yes ? { t: yes, f: no, u: [] } : { t: no, f: yes, u: [] };
      }
      return this.guarded(s.expand(c.known).map((x) => {
        const known = x.v.k !== 'unk';
        return { guard: x.guard, v: known === c.yes ? { t: [TOP], f: [], u: [] } : { t: [], f: [TOP], u: [] } };
      }));
    }
    if ('includes' in c || 'empty' in c) return this.set(c);
    if ('quantifier' in c) throw new NotAnalyzed(`it asks whether ${c.quantifier === 'some' ? 'some' : c.quantifier === 'every' ? 'every' : 'no'} item of a list meets a condition`);
    throw new NotAnalyzed('it matches a code against patterns');
  }

  /** The set a fact is (its classes or a list of texts), if it is one. */
  private setKind(fact: string): string | undefined {
    const def = this.scope.space.defs.get(fact);
    if (def?.builtin === 'diagnosis-classes') return 'diagnosis';
    if (def?.builtin === 'surgery-classes') return 'procedure';
    if (def?.type.kind === 'list' && def.type.of.kind === 'text' && def.field && this.scope.space.finiteVar(`?${def.id}`)) return `list:${def.id}`;
    return undefined;
  }

  /** `includes` and `is empty` over the classes a diagnosis or surgery matches, or over a list of texts. */
  private set(c: Extract<Leaf, { includes: unknown } | { empty: unknown }>): Tri3 {
    const value = 'includes' in c ? c.includes : c.empty;
    if (!('fact' in value)) throw new NotAnalyzed('it asks what a computed list holds');
    const space = this.scope.space;
    const def = space.defs.get(value.fact);
    const kind = this.setKind(value.fact);
    if (!kind) throw new NotAnalyzed(`it asks what the list '${def?.words ?? value.fact}' holds`);
    let elements: string[];
    if (kind === 'diagnosis' || kind === 'procedure') {
      const p = this.scope.view;
      if (!p) throw new NotAnalyzed('it reads classes outside of a guideline');
      elements = p.g.classes.filter((x) => x.of === kind).map((x) => `${p.key}:${x.id}`);
      if ('includes' in c) elements = elements.filter((e) => c.values.includes(e.slice(p.key.length + 1)));
    } else elements = 'includes' in c ? [...c.values] : space.sets.listElements(kind);
    const flag = space.setFlag(kind);
    const known = finCell(flag, ['known']);
    const some: Region = elements.length ? [meet(known, cellOf({ sets: new Map([[kind, { forbid: [], clauses: [elements] }]]) }))] : [];
    const none: Region = [meet(known, cellOf({ sets: new Map([[kind, { forbid: elements, clauses: [] }]]) }))];
    const unknown: Region = def?.absent !== undefined ? [] : [finCell(flag, [UNKNOWN])];
    const solver = this.logic.solver;
    return 'includes' in c ? { t: solver.prune(some), f: solver.prune(none), u: unknown } : { t: solver.prune(none), f: solver.prune(some), u: unknown };
  }
}

/** `is one of`: true when the value is known and listed, false when known and not, unknown when unknown. */
function isOneOf(x: Sym, values: readonly (string | number | boolean)[]): Tri3 {
  const texts = values.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v));
  switch (x.k) {
    case 'unk': return { t: [], f: [], u: [TOP] };
    case 'fin': {
      const yes = texts.filter((v): v is string => typeof v === 'string');
      const no = knownValues(x.v).filter((v) => !yes.includes(v));
      const cell = (vs: string[]): Region => (maskOf(x.v, vs) ? [finCell(x.v, vs)] : []);
      return { t: cell(yes), f: cell(no), u: [] };
    }
    case 'str': return texts.includes(x.s) ? { t: [TOP], f: [], u: [] } : { t: [], f: [TOP], u: [] };
    case 'num': case 'date': {
      const points = texts.map((v) => (typeof v === 'number' ? v : x.k === 'date' && typeof v === 'string' && isDateText(v) ? dayNumber(v) : undefined)).filter((v): v is number => v !== undefined);
      const sorted = [...new Set(points)].sort((a, b) => a - b);
      const t: Region = [];
      const f: Region = [];
      let prev: number | undefined;
      for (const p of sorted) {
        const eq = combine(x.lin, constant(p), -1);
        t.push(...cross(atom(eq, false).yes, atom(combine(constant(p), x.lin, -1), false).yes));
        // Below this point and above the one before.
        f.push(...cross(atom(eq, true).yes, prev === undefined ? [TOP] : atom(combine(constant(prev), x.lin, -1), true).yes));
        prev = p;
      }
      f.push(...(prev === undefined ? [TOP] : atom(combine(constant(prev), x.lin, -1), true).yes));
      return { t, f, u: [] };
    }
    default: throw new NotAnalyzed('it lists values for time in months');
  }
}

const cross = (a: Region, b: Region): Region => a.flatMap((x) => b.map((y) => meet(x, y)));

/** The bounds a value is compared by when a side is unknown (plan.ts `compare`). */
function boundsOf(x: Sym): { lo?: Side; hi?: Side } {
  switch (x.k) {
    case 'num': return { lo: { lin: x.lin, date: false }, hi: { lin: x.lin, date: false } };
    case 'date': return { lo: { lin: x.lin, date: true }, hi: { lin: x.lin, date: true } };
    case 'str': {
      if (!isDateText(x.s)) throw new NotAnalyzed('it compares a text with an unknown value by order');
      const b = { lin: constant(dayNumber(x.s)), date: true };
      return { lo: b, hi: b };
    }
    case 'unk': return { ...(x.lo ? { lo: x.lo } : {}), ...(x.hi ? { hi: x.hi } : {}) };
    case 'months': return { lo: { months: x }, hi: { months: x } };
    case 'fin': return {};
  }
}

type Side = Bound | { months: Extract<Sym, { k: 'months' }> } | undefined;

/** `x ≤ y` (`<` when strict) of two bounds, as the runtime's `le` / `lt`: false when either is missing. */
function le(x: Side, y: Side, strict: boolean): { yes: Region; no: Region } {
  if (!x || !y) return { yes: [], no: [TOP] };
  if ('months' in x || 'months' in y) {
    // Time in months against a constant bound.
    const [m, c, below] = 'months' in x ? [x.months, y, true] : [(y as { months: Extract<Sym, { k: 'months' }> }).months, x, false];
    if ('months' in c || c.date || !isConstant(c.lin)) throw new NotAnalyzed('it compares a time in months with a bound that is not a constant');
    const op: Op = below ? (strict ? '<' : '<=') : strict ? '>' : '>=';
    const r = months(op, m, valueOf(c.lin));
    return { yes: r.t, no: r.f };
  }
  if (x.date !== y.date) return { yes: [], no: [TOP] };
  return atom(combine(x.lin, y.lin, -1), strict);
}

/** A comparison, three-valued, as the runtime's `compare`. */
export function compare(op: Op, a: Sym, b: Sym): Tri3 {
  if (a.k !== 'unk' && b.k !== 'unk') return compareKnown(op, a, b);
  const A = boundsOf(a);
  const B = boundsOf(b);
  const and = (p: Region, q: Region): Region => cross(p, q);
  const three = (t: { yes: Region; no: Region }, f: { yes: Region; no: Region }): Tri3 => ({ t: t.yes, f: and(t.no, f.yes), u: and(t.no, f.no) });
  switch (op) {
    case '<=': return three(le(A.hi, B.lo, false), le(B.hi, A.lo, true));
    case '<': return three(le(A.hi, B.lo, true), le(B.hi, A.lo, false));
    case '>=': return three(le(B.hi, A.lo, false), le(A.hi, B.lo, true));
    case '>': return three(le(B.hi, A.lo, true), le(A.hi, B.lo, false));
    case '=': case '!=': {
      // Equal only when both are known; unequal for certain when the ranges do not meet.
      const below = le(A.hi, B.lo, true);
      const above = le(B.hi, A.lo, true);
      const apart = [...below.yes, ...and(below.no, above.yes)];
      const maybe = and(below.no, above.no);
      return op === '=' ? { t: [], f: apart, u: maybe } : { t: apart, f: [], u: maybe };
    }
  }
}

function compareKnown(op: Op, a: Sym, b: Sym): Tri3 {
  const yes: Tri3 = { t: [TOP], f: [], u: [] };
  const no: Tri3 = { t: [], f: [TOP], u: [] };
  const asDate = (x: Sym): Lin | undefined => (x.k === 'date' ? x.lin : x.k === 'str' && isDateText(x.s) ? constant(dayNumber(x.s)) : undefined);
  if (a.k === 'num' && b.k === 'num') return linear(op, a.lin, b.lin);
  if ((a.k === 'date' || b.k === 'date') && asDate(a) && asDate(b)) return linear(op, asDate(a)!, asDate(b)!);
  if (a.k === 'str' && b.k === 'str') {
    const r = op === '=' ? a.s === b.s : op === '!=' ? a.s !== b.s : op === '<' ? a.s < b.s : op === '<=' ? a.s <= b.s : op === '>' ? a.s > b.s : a.s >= b.s;
    return r ? yes : no;
  }
  if (a.k === 'months' && b.k === 'num' && isConstant(b.lin)) return months(op, a, valueOf(b.lin));
  if (b.k === 'months' && a.k === 'num' && isConstant(a.lin)) return months(flip(op), b, valueOf(a.lin));
  if ((a.k === 'fin' && b.k === 'str') || (a.k === 'str' && b.k === 'fin')) {
    const [v, s] = a.k === 'fin' ? [a.v, (b as { s: string }).s] : [(b as { v: FiniteVar }).v, (a as { s: string }).s];
    if (op !== '=' && op !== '!=') throw new NotAnalyzed('it orders texts');
    const eq = maskOf(v, [s]) ? [finCell(v, [s])] : [];
    const ne = [finCell(v, knownValues(v).filter((x) => x !== s))];
    return op === '=' ? { t: eq, f: ne, u: [] } : { t: ne, f: eq, u: [] };
  }
  if (a.k === 'fin' || b.k === 'fin' || a.k === 'months' || b.k === 'months') throw new NotAnalyzed('it compares values of different kinds, or two texts, with each other');
  // A number with a text or a date: never equal, never ordered.
  return op === '!=' ? yes : no;
}

const flip = (op: Op): Op => (op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : op === '>=' ? '<=' : op);

/** A comparison of two known linear values. */
function linear(op: Op, a: Lin, b: Lin): Tri3 {
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

/** Time in months (or years) since a date against a constant: a month comparison, by the runtime's calendar. */
function months(op: Op, m: Extract<Sym, { k: 'months' }>, c: number): Tri3 {
  const [[x, coeff] = [undefined, 0]] = [...m.date.terms];
  if (x !== undefined && (coeff !== m.date.d || m.date.k !== 0)) throw new NotAnalyzed('it measures months since a computed date');
  const at = (o: MonthAtom['op']): Region => [cellOf({ months: [{ date: x, day: x === undefined ? valueOf(m.date) : 0, unit: m.unit, op: o, c }] })];
  switch (op) {
    case '<=': return { t: at('<='), f: at('>'), u: [] };
    case '<': return { t: at('<'), f: at('>='), u: [] };
    case '>=': return { t: at('>='), f: at('<'), u: [] };
    case '>': return { t: at('>'), f: at('<='), u: [] };
    case '=': return { t: cross(at('<='), at('>=')), f: [...at('<'), ...at('>')], u: [] };
    case '!=': return { t: [...at('<'), ...at('>')], f: cross(at('<='), at('>=')), u: [] };
  }
}

export { NONE };
