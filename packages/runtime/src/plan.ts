// The evaluator core. A guideline's (or policy's) conditions and values, as the artifact gives them,
// are turned once into closures over a run: no eval, no new Function, the data is read, never
// executed. A run reads each fact on first use and keeps it; conditions are three-valued (Kleene),
// and an unknown number or date keeps the bounds of its type, so bounds alone may decide.
import type { CompiledTable, Cond, FactDef, LeafInfo, Scalar, Value } from '@guideline/language/rules';
import { builtinComputations, recommendationFacts, type CaseView } from './builtins.ts';
import { codeMatcher } from './codes.ts';
import type { Case } from './types.ts';
import { isDateShaped } from './iso-date.ts';
import { arithmetic, compare, dayNumber, round, since, unknownOf, Unknown, UNKNOWN, type Tri, type Val } from './values.ts';

export { unknownOf } from './values.ts';

/** One leaf as evaluated, for the trace: its number, the values it compared and its answer. */
export interface LeafRecord {
  leaf: number;
  values: Val[];
  result: Tri;
}

/** One guideline's (or policy's) evaluation of one case. */
export class Run {
  /** Fact values by slot, read on first use (undefined: not read yet). */
  readonly slots: (Val | undefined)[];
  /** The list item a `where` condition is being evaluated for. */
  item: unknown = undefined;
  /** The leaves evaluated, when a trace is wanted (a full determination). */
  records: LeafRecord[] | undefined;
  /** Set while evaluating for list items: their leaves are not traced one by one. */
  private quiet = 0;

  constructor(
    readonly plan: Plan,
    readonly c: Case,
    readonly view: CaseView,
    trace: boolean,
    /** The fact values of another run of the same plan and case, shared. */
    slots?: (Val | undefined)[],
  ) {
    this.slots = slots ?? new Array(plan.size);
    this.records = trace ? [] : undefined;
  }

  /** A run of the same case that records nothing and shares this one's fact values. */
  untraced(): Run {
    return this.records ? new Run(this.plan, this.c, this.view, false, this.slots) : this;
  }

  /** Evaluates `f` for each list item in turn (untraced). */
  forItems<T>(items: readonly unknown[], f: (item: unknown) => T): T[] {
    const outer = this.item;
    this.quiet++;
    try {
      return items.map((x) => {
        this.item = x;
        return f(x);
      });
    } finally {
      this.item = outer;
      this.quiet--;
    }
  }

  /** Records a leaf of one operand (when tracing; no list is made otherwise) and returns its result. */
  record1(leaf: number, x: Val, result: Tri): Tri {
    if (this.records && this.quiet === 0) this.records.push({ leaf, values: [x], result });
    return result;
  }

  /** Records a leaf of two operands, as record1. */
  record2(leaf: number, x: Val, y: Val, result: Tri): Tri {
    if (this.records && this.quiet === 0) this.records.push({ leaf, values: [x, y], result });
    return result;
  }

  /** Records a leaf of three values (the latest item's: the list's length, the date, how many items tie on it), as record1. */
  record3(leaf: number, x: Val, y: Val, z: Val, result: Tri): Tri {
    if (this.records && this.quiet === 0) this.records.push({ leaf, values: [x, y, z], result });
    return result;
  }

  /** Whether every leaf must be evaluated (a traced run), or `and`/`or` may stop at the first that decides. */
  get tracing(): boolean {
    return this.records !== undefined && this.quiet === 0;
  }
}

export type Test = (run: Run) => Tri;
export type LeafCond = Extract<Cond, { leaf: number }>;
export type Calc = (run: Run) => Val;

/** What a fact definition makes of a value read from the case. */
export function valueOf(raw: unknown, def: FactDef | undefined, asOf: string): Val {
  if (raw === undefined || raw === null) {
    if (def?.absent !== undefined) return def.absent as Val;
    return unknownOf(def, asOf);
  }
  if (def?.type.kind === 'yes-no') return raw === false ? false : raw === true || typeof raw === 'object' ? true : UNKNOWN;
  return raw as Val;
}

/** Reads a dotted path from an object; undefined where any step is missing. */
export function readPath(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (let i = 0; i < path.length; i++) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, path[i]!) ? (v as Record<string, unknown>)[path[i]!] : undefined;
  }
  return v;
}

/** A fact's reader, from its definition. */
function readerOf(id: string, def: FactDef | undefined): (run: Run) => Val {
  const item = id.indexOf('[].');
  if (item >= 0) {
    const path = id.slice(item + 3).split('.');
    const builtin = def?.builtin ? builtinComputations[def.builtin] : undefined;
    if (builtin) return (run) => valueOf(builtin(run.view, run.item), def, run.c.asOf);
    return (run) => valueOf(readPath(run.item, path), def, run.c.asOf);
  }
  const rec = recommendationFacts[id];
  if (rec) return (run) => valueOf(rec(run.view), def ?? recommendedDef(id), run.c.asOf);
  if (def?.builtin) {
    const f = builtinComputations[def.builtin];
    if (f) return (run) => valueOf(f(run.view), def, run.c.asOf);
    return () => UNKNOWN;
  }
  const path = (def?.field ?? id).split('.');
  return (run) => valueOf(readPath(run.c, path), def, run.c.asOf);
}

/** The recommendation facts, when the rule set does not define them (they are the guideline's). */
function recommendedDef(id: string): FactDef {
  return { id, words: id, type: { kind: 'number', min: 0 }, inputs: [] };
}

/** Compiled conditions and values over one rule set's facts, with a slot for each fact read. */
export class Plan {
  private readonly slotOf = new Map<string, number>();
  private readonly readers: ((run: Run) => Val)[] = [];
  /** Each leaf condition compiled, by its number (the trace describes them). */
  readonly leafConditions: LeafCond[] = [];
  /** Each leaf's test, by its number. */
  readonly leafTests: Test[] = [];

  constructor(
    private readonly facts: ReadonlyMap<string, FactDef>,
    readonly leaves: readonly LeafInfo[],
    /** The tables its values may read: the guideline's own, then the rule set's. */
    readonly table: (id: string) => CompiledTable | undefined = () => undefined,
    /** A column of a table as a value (tables.ts's lookupCalc, given here so that tables.ts may read plans). */
    private readonly lookup: (plan: Plan, t: CompiledTable, column: string) => Calc = () => () => UNKNOWN,
  ) {}

  get size(): number {
    return this.readers.length;
  }

  /** Readers and values already compiled: the explainer asks for the same ones on every case. */
  private readonly factCalcs = new Map<string, Calc>();
  private readonly valueCalcs = new WeakMap<Value, Calc>();

  /** The slot of a fact (an item's field is read from the item each time, not kept). */
  fact(id: string): Calc {
    let f = this.factCalcs.get(id);
    if (!f) this.factCalcs.set(id, (f = this.factCalc(id)));
    return f;
  }

  private factCalc(id: string): Calc {
    if (id.includes('[].')) return readerOf(id, this.facts.get(id));
    let s = this.slotOf.get(id);
    if (s === undefined) {
      s = this.readers.push(readerOf(id, this.facts.get(id))) - 1;
      this.slotOf.set(id, s);
    }
    const slot = s;
    const read = this.readers[slot]!;
    return (run) => {
      const v = run.slots[slot];
      if (v !== undefined) return v;
      return (run.slots[slot] = read(run));
    };
  }

  private readonly lookupSlots = new Map<string, number>();

  /** Whether values read a list item's field (`medications[].dailyDose`), in a table's keys too. */
  private readsItem(values: readonly Value[], depth = 0): boolean {
    if (depth > 16) return true;
    for (const v of values) {
      if ('fact' in v ? v.fact.includes('[].') : 'op' in v ? this.readsItem(v.args, depth) : 'round' in v ? this.readsItem([v.arg], depth) : 'since' in v ? this.readsItem(v.to ? [v.since, v.to] : [v.since], depth) : 'sum' in v ? this.readsItem([v.sum], depth) : 'lookup' in v ? this.readsItem(this.table(v.lookup)?.keys.map((k) => k.value) ?? [], depth + 1) : false) return true;
    }
    return false;
  }

  def(id: string): FactDef | undefined {
    return this.facts.get(id);
  }

  value(v: Value): Calc {
    let f = this.valueCalcs.get(v);
    if (!f) this.valueCalcs.set(v, (f = this.valueCalc(v)));
    return f;
  }

  private valueCalc(v: Value): Calc {
    if ('fact' in v) return this.fact(v.fact);
    if ('const' in v) {
      const k = v.const;
      return () => k;
    }
    if ('op' in v) {
      const a = this.value(v.args[0]);
      const b = this.value(v.args[1]);
      const op = v.op;
      return (run) => arithmetic(op, a(run), b(run));
    }
    if ('round' in v) {
      const a = this.value(v.arg);
      const how = v.round;
      return (run) => round(how, a(run));
    }
    if ('since' in v) {
      const d = this.value(v.since);
      const unit = v.unit;
      if (!v.to) return (run) => since(d(run), run.c.asOf, unit);
      const to = this.value(v.to);
      return (run) => {
        const end = to(run);
        return typeof end === 'string' ? since(d(run), end, unit) : UNKNOWN;
      };
    }
    if ('count' in v) {
      const list = this.fact(v.count);
      const where = v.where ? this.condition(v.where) : undefined;
      return (run) => aggregate(run, list(run), where, undefined);
    }
    if ('sum' in v) {
      const list = this.fact(v.over);
      const where = v.where ? this.condition(v.where) : undefined;
      const each = this.value(v.sum);
      return (run) => aggregate(run, list(run), where, each);
    }
    if ('lookup' in v) {
      const t = this.table(v.lookup);
      if (!t) return () => UNKNOWN;
      const calc = this.lookup(this, t, v.column);
      // Keyed by the case's own facts, a lookup is worked out once a run, as a fact is read once (the
      // explainer asks for it again); keyed by a list item's fields, it is worked out for each item.
      if (this.readsItem(t.keys.map((k) => k.value))) return calc;
      const key = `${v.lookup}\u0000${v.column}`;
      let slot = this.lookupSlots.get(key);
      if (slot === undefined) this.lookupSlots.set(key, (slot = this.readers.push(calc) - 1));
      const s = slot;
      return (run) => {
        const x = run.slots[s];
        if (x !== undefined) return x;
        return (run.slots[s] = calc(run));
      };
    }
    return () => UNKNOWN;
  }

  condition(c: Cond): Test {
    if ('all' in c || 'any' in c) {
      const isAll = 'all' in c;
      const parts = (isAll ? c.all : c.any).map((x) => this.condition(x));
      if (parts.length === 1) return parts[0]!;
      const decides = isAll ? false : true;
      return (run) => {
        let unknown = false;
        let decided = false;
        const all = run.tracing;
        for (let i = 0; i < parts.length; i++) {
          const r = parts[i]!(run);
          if (r === decides) {
            decided = true;
            if (!all) break;
          } else if (r === null) unknown = true;
        }
        return decided ? decides : unknown ? null : !decides;
      };
    }
    if ('not' in c) {
      const inner = this.condition(c.not);
      return (run) => {
        const r = inner(run);
        return r === null ? null : !r;
      };
    }
    return this.leaf(c);
  }

  private leaf(c: LeafCond): Test {
    const test = this.leafTest(c);
    this.leafTests[c.leaf] ??= test;
    return test;
  }

  private leafTest(c: LeafCond): Test {
    const n = c.leaf;
    this.leafConditions[n] = c;
    if ('cmp' in c) {
      const a = this.value(c.left);
      const b = this.value(c.right);
      const op = c.cmp;
      return (run) => {
        const x = a(run);
        const y = b(run);
        return run.record2(n, x, y, compare(op, x, y));
      };
    }
    if ('is' in c) {
      const a = this.value(c.is);
      const values = c.values;
      return (run) => {
        const x = a(run);
        return run.record1(n, x, x instanceof Unknown ? null : values.includes(x as Scalar));
      };
    }
    if ('known' in c) {
      const a = this.value(c.known);
      const yes = c.yes;
      return (run) => {
        const x = a(run);
        return run.record1(n, x, !(x instanceof Unknown) === yes);
      };
    }
    if ('recorded' in c) {
      const a = this.value(c.recorded);
      return (run) => {
        const x = a(run);
        return run.record1(n, x, x instanceof Unknown ? null : true);
      };
    }
    if ('includes' in c) {
      const a = this.value(c.includes);
      const values = c.values;
      return (run) => {
        const x = a(run);
        return run.record1(n, x, Array.isArray(x) ? x.some((v) => values.includes(v as string)) : null);
      };
    }
    if ('empty' in c) {
      const a = this.value(c.empty);
      return (run) => {
        const x = a(run);
        return run.record1(n, x, Array.isArray(x) ? x.length === 0 : null);
      };
    }
    if ('within' in c) {
      const s = this.value(c.within);
      const w = this.value(c.window);
      return (run) => {
        const x = s(run);
        const y = w(run);
        const from = compare('>=', x, 0);
        const to = compare('<=', x, y);
        return run.record2(n, x, y, from === false || to === false ? false : from === null || to === null ? null : true);
      };
    }
    if ('quantifier' in c && (c.quantifier === 'latest' || c.quantifier === 'earliest')) {
      const list = this.fact(c.over);
      const where = this.condition(c.where);
      const by = this.value(c.by);
      const latest = c.quantifier === 'latest';
      return (run) => {
        const items = list(run);
        if (!Array.isArray(items)) return run.record1(n, items, null);
        const pick = pickItem(run, items, by, latest);
        const rs = run.forItems(pick.candidates.map((i) => items[i]), () => where(run));
        const result: Tri = rs.length === 0 ? false : rs.every((r) => r === true) ? true : rs.every((r) => r === false) ? false : null;
        // A tie the records cannot settle is kept with the leaf, for its trace to say (and a kept result to tell apart).
        const tied = result === null ? tiedCount(pick, rs) : 0;
        if (tied) return run.record3(n, items.length, pick.date!, tied, result);
        return run.record2(n, items.length, pick.date ?? UNKNOWN, result);
      };
    }
    if ('quantifier' in c) {
      const list = this.fact(c.over);
      const where = this.condition(c.where);
      const q = c.quantifier;
      return (run) => {
        const items = list(run);
        if (!Array.isArray(items)) return run.record1(n, items, null);
        const rs = run.forItems(items, () => where(run));
        const some: Tri = rs.includes(true) ? true : rs.includes(null) ? null : false;
        const every: Tri = rs.includes(false) ? false : rs.includes(null) ? null : true;
        const result = q === 'some' ? some : q === 'every' ? every : some === null ? null : !some;
        return run.record1(n, items.length, result);
      };
    }
    if ('code' in c) {
      const a = this.value(c.code);
      const match = codeMatcher(c.patterns);
      return (run) => {
        const x = a(run);
        return run.record1(n, x, typeof x === 'string' ? match(x) : null);
      };
    }
    return () => null;
  }
}

/** The items of a list that may be its latest (or earliest): see pickItem. */
export interface Pick {
  /** The items' places in the list. */
  candidates: number[];
  /** Whether each candidate is on the known date (not of an unknown date). */
  onDate: boolean[];
  /** The greatest (least) known date, if any item has one. */
  date: string | undefined;
}

/**
 * Which items of a list may be its latest (`latest`) or earliest by a date of each: those at the
 * greatest (least) known date, and those whose date is unknown (any of them could be later). `date`
 * is that known date, if any item has one. An empty list has no candidates.
 */
export function pickItem(run: Run, items: readonly unknown[], by: Calc, latest: boolean): Pick {
  const dates = run.forItems(items, () => by(run));
  let best: number | undefined;
  let date: string | undefined;
  for (const d of dates) {
    if (!isDateShaped(d)) continue;
    const day = dayNumber(d);
    if (best === undefined || (latest ? day > best : day < best)) [best, date] = [day, d];
  }
  const candidates: number[] = [];
  const onDate: boolean[] = [];
  dates.forEach((d, i) => {
    const dated = isDateShaped(d);
    if (!dated || dayNumber(d) === best) {
      candidates.push(i);
      onDate.push(dated);
    }
  });
  return { candidates, onDate, date };
}

/**
 * How many items share the picked date when they answer `where` both ways (`answers`, one for each
 * candidate): a tie no field of the records settles, as neither date says which came last. 0 when
 * there is none.
 */
export function tiedCount(pick: Pick, answers: readonly Tri[]): number {
  let yes = false;
  let no = false;
  let n = 0;
  pick.onDate.forEach((dated, k) => {
    if (!dated) return;
    n++;
    if (answers[k] === true) yes = true;
    else if (answers[k] === false) no = true;
  });
  return yes && no ? n : 0;
}

/** The leaves a traced run records of a condition, in order: those not inside a list's `where`. */
export function recordedLeaves(c: Cond): readonly LeafCond[] {
  let leaves = leavesOf.get(c);
  if (!leaves) leavesOf.set(c, (leaves = collectLeaves(c, [])));
  return leaves;
}

/** The leaves of each condition, listed once: a rule set's conditions do not change once loaded. */
const leavesOf = new WeakMap<Cond, readonly LeafCond[]>();

function collectLeaves(c: Cond, out: LeafCond[]): LeafCond[] {
  if ('all' in c) for (const x of c.all) collectLeaves(x, out);
  else if ('any' in c) for (const x of c.any) collectLeaves(x, out);
  else if ('not' in c) collectLeaves(c.not, out);
  else out.push(c);
  return out;
}

/** A count (no `each`) or a sum over a list's items that meet `where`; unknown items widen the bounds. */
function aggregate(run: Run, items: Val, where: Test | undefined, each: Calc | undefined): Val {
  if (!Array.isArray(items)) return each ? UNKNOWN : new Unknown(0, undefined, 'a count is at least 0');
  let lo = 0;
  let hi = 0;
  let exact = true;
  run.forItems(items, () => {
    const w = where ? where(run) : true;
    if (w === false) return;
    const v = each ? each(run) : 1;
    const vLo = typeof v === 'number' ? v : v instanceof Unknown && typeof v.lo === 'number' ? v.lo : undefined;
    const vHi = typeof v === 'number' ? v : v instanceof Unknown && typeof v.hi === 'number' ? v.hi : undefined;
    if (typeof v !== 'number') exact = false;
    if (w === null) {
      // An item that may or may not count: it adds nothing at least, its most at most.
      exact = false;
      lo += Math.min(0, vLo ?? -Infinity);
      hi += Math.max(0, vHi ?? Infinity);
    } else {
      lo += vLo ?? -Infinity;
      hi += vHi ?? Infinity;
    }
  });
  if (exact) return lo;
  return new Unknown(Number.isFinite(lo) ? lo : undefined, Number.isFinite(hi) ? hi : undefined);
}

