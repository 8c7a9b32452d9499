// Values, symbolically: what a value expression is in each part of the space (a linear form over
// numeric variables, a date, a text, a finite variable's value, time in months since a date, or
// unknown within bounds), following the runtime's own arithmetic on unknowns (values.ts there)
// operation by operation, so that bounds decide exactly where they decide at run time.
import type { CompiledTable, TimeUnit, Value } from '@guideline/language';
import { cellOf, meet, TOP, type Cell } from './cell.ts';
import { dayNumber, isDateText } from './calendar.ts';
import { combine, constant, isConstant, NotAnalyzed, over, times, valueOf, variable, wholeOver, type Lin } from './linear.ts';
import { bitMask, isEmptyMask, noMask, orMask, type Mask } from './masks.ts';
import { UNKNOWN, type FiniteVar, type NumVar, type Placed, type Space } from './space.ts';
import type { FactDef } from '@guideline/language';

/** A bound of an unknown value: a linear form, and whether it is a date (the runtime compares those as texts). */
export interface Bound {
  lin: Lin;
  date: boolean;
}

export type Sym =
  | { k: 'num'; lin: Lin }
  | { k: 'date'; lin: Lin }
  | { k: 'str'; s: string }
  | { k: 'fin'; v: FiniteVar }
  | { k: 'unk'; lo?: Bound; hi?: Bound; numeric: boolean }
  /** Time in months (or years) from a date to another (the review date, unless a `to` says). */
  | { k: 'months'; date: Lin; to: Lin; unit: 'months' | 'years' }
  /** Unknown, at least a time in months (what the runtime makes of time from an unknown date before the review to a later one). */
  | { k: 'unkMonths'; lo: Extract<Sym, { k: 'months' }> };

/** A value in one part of the space: the part (finite choices only), and the value there. */
export interface Alt {
  guard: Cell;
  v: Sym;
}

export const NOTHING: Sym = { k: 'unk', numeric: true };

/** A finite variable's mask of the values listed. */
export function maskOf(v: FiniteVar, values: readonly string[]): Mask {
  let m = noMask(v.values.length);
  v.values.forEach((x, i) => {
    if (values.includes(x)) m = orMask(m, bitMask(v.values.length, i));
  });
  return m;
}

/** Whether some finite variable of the cell has no value left. */
function anyEmpty(c: Cell): boolean {
  for (const m of c.fin.values()) if (isEmptyMask(m)) return true;
  return false;
}

export const finCell = (v: FiniteVar, values: readonly string[]): Cell => cellOf({ fin: new Map([[v.index, maskOf(v, values)]]) });
export const knownValues = (v: FiniteVar): string[] => v.values.filter((x) => x !== UNKNOWN);

/** The value of a table's column, read part by part (tables.ts). */
export type LookupReader = (table: CompiledTable, column: string) => Alt[];

/** What the expressions of one guideline (or of a policy as one guideline governs) read. */
export class Scope {
  /** Reads a table's column; set by the conditions that own this scope (reading a table takes their logic). */
  lookup: LookupReader | undefined;
  private readonly facts = new Map<string, Alt[]>();

  constructor(
    readonly space: Space,
    /** The guideline whose classes and recommendation the facts read. */
    readonly view: Placed | undefined,
    /** The tables a `{ lookup }` names: a guideline's own, then the rule set's (a policy's: the rule set's). */
    readonly table: (id: string) => CompiledTable | undefined = () => undefined,
    /** The parts of facts no view changes, shared by the scopes of one rule set (conditions.ts: SharedReadings). */
    private readonly shared: Map<string, Alt[]> = new Map(),
  ) {}

  /**
   * The value's parts. A fact's are made once per scope, so that the cells conditions build from it
   * are the same objects from one condition to the next (their keys and answers worked out once).
   */
  expand(v: Value): Alt[] {
    if ('fact' in v) {
      const facts = this.readsView(v.fact) ? this.facts : this.shared;
      let alts = facts.get(v.fact);
      if (!alts) facts.set(v.fact, (alts = this.fact(v.fact)));
      return alts;
    }
    if ('const' in v) {
      const c = v.const;
      return [{ guard: TOP, v: typeof c === 'number' ? { k: 'num', lin: constant(c) } : { k: 'str', s: typeof c === 'boolean' ? (c ? 'yes' : 'no') : c } }];
    }
    if ('op' in v) return this.pairs(v.args[0], v.args[1], (a, b) => arithmetic(v.op, a, b));
    if ('round' in v) {
      const how = v.round === 'down' ? Math.floor : v.round === 'up' ? Math.ceil : Math.round;
      return this.expand(v.arg).map((x) => ({ guard: x.guard, v: rounded(x.v, how, this.space) }));
    }
    if ('since' in v) {
      const asOf: Alt[] = [{ guard: TOP, v: { k: 'date', lin: variable(this.space.numVar('asOf')!.index) } }];
      const review = variable(this.space.numVar('asOf')!.index);
      const to = v.to ? this.expand(v.to) : asOf;
      const out: Alt[] = [];
      for (const x of this.expand(v.since)) {
        for (const y of to) {
          const guard = meet(x.guard, y.guard);
          if (!anyEmpty(guard)) out.push({ guard, v: since(x.v, v.unit, y.v, review) });
        }
      }
      return out;
    }
    if ('count' in v || 'sum' in v) throw new NotAnalyzed('it counts or sums over the items of a list');
    if ('lookup' in v) {
      const t = this.table(v.lookup);
      // The runtime reads a table it does not have as unknown.
      if (!t || !t.columns.some((c) => c.id === v.column)) return [{ guard: TOP, v: NOTHING }];
      if (!this.lookup) throw new NotAnalyzed('it reads a table outside of a guideline or policy');
      return this.lookup(t, v.column);
    }
    throw new NotAnalyzed('it uses a form of value this analysis does not know');
  }

  /** Every combination of two values' parts that can hold at once, with `f` of their values. */
  pairs<T>(a: Value, b: Value, f: (x: Sym, y: Sym) => T): { guard: Cell; v: T }[] {
    const out: { guard: Cell; v: T }[] = [];
    for (const x of this.expand(a)) {
      for (const y of this.expand(b)) {
        const guard = meet(x.guard, y.guard);
        if (anyEmpty(guard)) continue;
        out.push({ guard, v: f(x.v, y.v) });
      }
    }
    return out;
  }

  /** Whether a fact's parts depend on the view guideline: its recommendation, or the guideline that governs. */
  private readsView(id: string): boolean {
    return id.startsWith('recommended.') || this.space.defs.get(id)?.builtin === 'governing-id';
  }

  fact(id: string): Alt[] {
    const s = this.space;
    if (id === 'effectiveDate') {
      const service = s.numVar('request.serviceDate')!;
      return [
        { guard: finCell(service.known!, ['known']), v: { k: 'date', lin: variable(service.index) } },
        { guard: finCell(service.known!, [UNKNOWN]), v: { k: 'date', lin: variable(s.numVar('asOf')!.index) } },
      ];
    }
    if (id.startsWith('recommended.')) return this.recommended(id);
    // The guideline that governs is the one whose view this is (its own conditions, or a policy's under it).
    if (s.defs.get(id)?.builtin === 'governing-id') {
      if (!this.view) throw new NotAnalyzed('it reads the governing guideline outside of one');
      return [{ guard: TOP, v: { k: 'str', s: this.view.g.id } }];
    }
    const v = s.get(id);
    if (!v) throw new NotAnalyzed(`it reads ${this.words(id)}, which this analysis does not model`);
    if (v.kind === 'finite') {
      if (!v.values.includes(UNKNOWN)) return [{ guard: TOP, v: { k: 'fin', v } }];
      return [{ guard: finCell(v, knownValues(v)), v: { k: 'fin', v } }, { guard: finCell(v, [UNKNOWN]), v: NOTHING }];
    }
    const known: Sym = v.date ? { k: 'date', lin: variable(v.index) } : { k: 'num', lin: variable(v.index) };
    if (!v.known) return [{ guard: TOP, v: known }];
    return [{ guard: finCell(v.known, ['known']), v: known }, { guard: finCell(v.known, [UNKNOWN]), v: unknownOf(v, s) }];
  }

  private words(id: string): string {
    const d = this.space.defs.get(id);
    if (!d) return `'${id}'`;
    const how = d.builtin ? `computed by ${d.builtin}` : d.type.kind === 'records' || d.type.kind === 'list' ? 'a list' : `a ${d.type.kind}`;
    return `'${d.words}' (${how})`;
  }

  /** The guideline's recommended frequency (its recommend block's; the table's columns are read by `lookup`). */
  private recommended(id: string): Alt[] {
    const def = this.space.defs.get(id);
    const missing = def ? unknownOfType(def.type, this.space) : NOTHING;
    const p = this.view;
    if (id === 'recommended.frequency' && p?.g.frequency) return [{ guard: TOP, v: { k: 'num', lin: constant(p.g.frequency.mostPerWeek) } }];
    if (id !== 'recommended.frequency') throw new NotAnalyzed(`it reads ${id}, a recommendation value this analysis does not know`);
    return [{ guard: TOP, v: missing }];
  }
}

/** What the runtime makes of a value it does not have, by its type (`unknownOf` there): a number within its range, a date no later than the review. */
export function unknownOfType(t: FactDef['type'], s: Space): Sym {
  if (t.kind === 'number' && (t.min !== undefined || t.max !== undefined)) {
    const out: Sym = { k: 'unk', numeric: true };
    if (t.min !== undefined) out.lo = { lin: constant(t.min), date: false };
    if (t.max !== undefined) out.hi = { lin: constant(t.max), date: false };
    return out;
  }
  if (t.kind === 'date' && !t.anyDate) return { k: 'unk', numeric: false, hi: { lin: variable(s.numVar('asOf')!.index), date: true } };
  return NOTHING;
}

/** An unknown fact as the runtime bounds it: a number within its type's range, a date no later than the review. */
function unknownOf(v: NumVar, s: Space): Sym {
  if (v.date) return v.unknownBeforeReview ? { k: 'unk', numeric: false, hi: { lin: variable(s.numVar('asOf')!.index), date: true } } : NOTHING;
  const out: Sym = { k: 'unk', numeric: true };
  if (v.unknownMin !== undefined) out.lo = { lin: constant(v.unknownMin), date: false };
  if (v.unknownMax !== undefined) out.hi = { lin: constant(v.unknownMax), date: false };
  return out;
}

const numericOf = (x: Sym): boolean => x.k === 'num' || (x.k === 'unk' && x.numeric);
const lowOf = (x: Sym): Lin | undefined => (x.k === 'num' ? x.lin : x.k === 'unk' ? x.lo?.lin : undefined);
const highOf = (x: Sym): Lin | undefined => (x.k === 'num' ? x.lin : x.k === 'unk' ? x.hi?.lin : undefined);
const both = (a: Lin | undefined, b: Lin | undefined, s: 1 | -1): Lin | undefined => (a && b ? combine(a, b, s) : undefined);

function interval(lo: Lin | undefined, hi: Lin | undefined): Sym {
  const out: Sym = { k: 'unk', numeric: true };
  if (lo) out.lo = { lin: lo, date: false };
  if (hi) out.hi = { lin: hi, date: false };
  return out;
}

/** The runtime's arithmetic: exact on known numbers, interval arithmetic with an unknown operand. */
export function arithmetic(op: '+' | '-' | '*' | '/', a: Sym, b: Sym): Sym {
  if (a.k === 'months' || b.k === 'months' || a.k === 'unkMonths' || b.k === 'unkMonths') throw new NotAnalyzed('it does arithmetic with a time in months');
  if (a.k === 'num' && b.k === 'num') {
    switch (op) {
      case '+': return { k: 'num', lin: combine(a.lin, b.lin, 1) };
      case '-': return { k: 'num', lin: combine(a.lin, b.lin, -1) };
      case '*':
        if (isConstant(a.lin)) return { k: 'num', lin: times(b.lin, valueOf(a.lin)) };
        if (isConstant(b.lin)) return { k: 'num', lin: times(a.lin, valueOf(b.lin)) };
        throw new NotAnalyzed('it multiplies two facts');
      case '/':
        if (!isConstant(b.lin)) throw new NotAnalyzed('it divides by a fact');
        return valueOf(b.lin) === 0 ? NOTHING : { k: 'num', lin: over(a.lin, valueOf(b.lin)) };
    }
  }
  if (!numericOf(a) || !numericOf(b)) return NOTHING;
  const [aLo, aHi, bLo, bHi] = [lowOf(a), highOf(a), lowOf(b), highOf(b)];
  switch (op) {
    case '+': return interval(both(aLo, bLo, 1), both(aHi, bHi, 1));
    case '-': return interval(both(aLo, bHi, -1), both(aHi, bLo, -1));
    case '*': {
      const [k, x] = a.k === 'num' && isConstant(a.lin) ? [valueOf(a.lin), b] : b.k === 'num' && isConstant(b.lin) ? [valueOf(b.lin), a] : [undefined, a];
      if (k === undefined) throw new NotAnalyzed('it multiplies two facts');
      // 0 times an unbounded end is 0, as the runtime has it.
      if (k === 0) return interval(constant(0), constant(0));
      const [lo, hi] = [lowOf(x), highOf(x)].map((l) => l && times(l, k)) as [Lin | undefined, Lin | undefined];
      return k > 0 ? interval(lo, hi) : interval(hi, lo);
    }
    case '/': {
      if (b.k !== 'num' || !isConstant(b.lin)) throw new NotAnalyzed('it divides by a fact');
      const k = valueOf(b.lin);
      if (k === 0) return NOTHING;
      const [lo, hi] = [aLo, aHi].map((l) => l && over(l, k)) as [Lin | undefined, Lin | undefined];
      return k > 0 ? interval(lo, hi) : interval(hi, lo);
    }
  }
}

/** Rounding: a whole value stays as it is, a constant is rounded; rounding a fraction of facts is outside the method. */
function rounded(x: Sym, how: (n: number) => number, s: Space): Sym {
  const f = (l: Lin | undefined): Lin | undefined => {
    if (!l) return undefined;
    if (isConstant(l)) return constant(how(valueOf(l)));
    if (wholeOver(l, (i) => (s.vars[i] as NumVar).integer)) return l;
    throw new NotAnalyzed('it rounds a value that need not be whole');
  };
  if (x.k === 'months' || x.k === 'unkMonths') throw new NotAnalyzed('it rounds a time in months');
  if (x.k === 'num') return { k: 'num', lin: f(x.lin)! };
  if (x.k === 'unk' && x.numeric) return interval(f(x.lo?.lin), f(x.hi?.lin));
  return NOTHING;
}

/** The date a value is, as a linear form of day numbers (a date variable, or a date written out). */
function dateLin(x: Sym): Lin | undefined {
  if (x.k === 'date') return x.lin;
  if (x.k === 'str' && isDateText(x.s)) return constant(dayNumber(x.s));
  return undefined;
}

/**
 * Time since a date up to the review date, or up to the date `to` is (the runtime's `since`): days
 * and weeks as differences of day numbers; months and years by the calendar. An unknown date no
 * later than the review has at least the time from the review to the end elapsed.
 */
function since(x: Sym, unit: TimeUnit, to: Sym, review: Lin): Sym {
  const end = dateLin(to);
  if (!end) {
    if (to.k === 'fin' || to.k === 'str') throw new NotAnalyzed('it measures time up to a text that may not be a date');
    return NOTHING;
  }
  let date = dateLin(x);
  if (!date) {
    if (x.k !== 'unk' || !x.hi?.date) {
      if (x.k === 'fin' || x.k === 'str') throw new NotAnalyzed('it measures time since a text that may not be a date');
      return NOTHING;
    }
    // An unknown date no later than the review: the time from the review to the end at least.
    if (!sameLin(x.hi.lin, review)) throw new NotAnalyzed('it measures time since a date bounded by another date');
    date = x.hi.lin;
    if (sameLin(date, end)) return interval(constant(0), undefined);
    if (unit === 'days' || unit === 'weeks') {
      const days = combine(end, date, -1);
      return interval(unit === 'weeks' ? over(days, 7) : days, undefined);
    }
    return { k: 'unkMonths', lo: { k: 'months', date, to: end, unit } };
  }
  if (unit === 'months' || unit === 'years') {
    if (date.terms.size > 1 || end.terms.size > 1) throw new NotAnalyzed('it measures months from or to a computed date');
    return { k: 'months', date, to: end, unit };
  }
  const days = combine(end, date, -1);
  return { k: 'num', lin: unit === 'weeks' ? over(days, 7) : days };
}

const sameLin = (a: Lin, b: Lin): boolean => a.k === b.k && a.d === b.d && a.terms.size === b.terms.size && [...a.terms].every(([x, c]) => b.terms.get(x) === c);
