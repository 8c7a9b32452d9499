// A cell: a conjunction over the space's variables (allowed values of finite variables, octagon
// atoms over numeric ones, set constraints, month comparisons). A region is a union of cells. The
// solver decides whether a cell holds any case and, when it does, gives one (a witness).
import { decideMonths, relaxation, type MonthAtom } from './months.ts';
import { finText, memoOf, numbersKey, type CellMemo } from './keys.ts';
import { atomKey, type Atom } from './linear.ts';
import { satisfiable, solveOctagon, type OctConstraint } from './octagon.ts';
import type { Atom as SetAtom, RowTarget, SetConstraint } from './sets.ts';
import { referenceDay } from './calendar.ts';
import { andMask, hasBit, isEmptyMask, maskValues, type Mask } from './masks.ts';
import { UNKNOWN, type NumVar, type Space } from './space.ts';

export interface Cell {
  /** Allowed values of finite variables, as bit masks over their values (absent: any). */
  readonly fin: ReadonlyMap<number, Mask>;
  readonly atoms: readonly Atom[];
  /** Set constraints by set kind ('diagnosis', 'procedure', 'list:<fact>'). */
  readonly sets: ReadonlyMap<string, SetConstraint>;
  readonly months: readonly MonthAtom[];
  /** Its key and whether it holds cases, once worked out (keys.ts). */
  memo?: CellMemo | undefined;
}

export type Region = Cell[];

export const TOP: Cell = { fin: new Map(), atoms: [], sets: new Map(), months: [], memo: undefined };

/** A cell of the parts given, the others TOP's own (shared, so that what is worked out per part is found again). */
export function cellOf(parts: Partial<Cell>): Cell {
  return { fin: parts.fin ?? TOP.fin, atoms: parts.atoms ?? TOP.atoms, sets: parts.sets ?? TOP.sets, months: parts.months ?? TOP.months, memo: undefined };
}

/**
 * The conjunction of two cells (not yet checked for cases). When `b` adds nothing to `a` (every mask
 * of `b` already holds `a`'s, its atoms are `a`'s, it has no sets or months), `a` itself: the same
 * cell, whose case and key are already worked out.
 */
export function meet(a: Cell, b: Cell): Cell {
  if (a === TOP) return b;
  if (b === TOP) return a;
  let fin: Map<number, Mask> | ReadonlyMap<number, Mask> = a.fin;
  if (b.fin.size && !implies(a.fin, b.fin)) {
    const m = copyMasks(a.fin);
    for (const k of b.fin.keys()) {
      const v = b.fin.get(k)!;
      m.set(k, andMask(m.get(k) ?? v, v));
    }
    fin = m;
  }
  const atoms = b.atoms.length && b.atoms !== a.atoms ? meetAtoms(a.atoms, b.atoms) : a.atoms;
  let sets = a.sets;
  // A side without sets takes the other's own map: the same object, whose answers the solver keeps.
  if (b.sets.size && !a.sets.size) sets = b.sets;
  else if (b.sets.size) {
    const m = new Map(a.sets);
    for (const [k, v] of b.sets) {
      const x = m.get(k);
      m.set(k, x ? { forbid: [...new Set([...x.forbid, ...v.forbid])], clauses: [...x.clauses, ...v.clauses] } : v);
    }
    sets = m;
  }
  const months = b.months.length ? [...a.months, ...b.months] : a.months;
  if (fin === a.fin && atoms === a.atoms && sets === a.sets && months === a.months) return a;
  return { fin, atoms, sets, months, memo: undefined };
}

/** A copy of a cell's masks to change: entry by entry (a map made from a map makes an array of each entry). */
export function copyMasks(fin: ReadonlyMap<number, Mask>): Map<number, Mask> {
  const m = new Map<number, Mask>();
  fin.forEach((v, k) => m.set(k, v));
  return m;
}

/** Whether masks `a` imply masks `b` (meeting them changes nothing): every variable of `b` is in `a`, within `b`'s mask. */
function implies(a: ReadonlyMap<number, Mask>, b: ReadonlyMap<number, Mask>): boolean {
  if (b.size > a.size) return false;
  for (const k of b.keys()) {
    const m = a.get(k);
    if (m === undefined || andMask(m, b.get(k)!) !== m) return false;
  }
  return true;
}

/**
 * The atoms of both lists: `a`'s, with each of `b`'s that `a` does not already imply. An atom of the
 * same form as one of `a`'s (the same variables and signs, another bound) keeps only the tighter of
 * the two, in the place of `a`'s: the cell means the same, and stays as small as the number of forms
 * it bounds. Without this, a long `or` (whose false side meets every part's) would grow cells of one
 * atom a part, and every key and octagon of them with it. `a` itself when `b` adds nothing.
 */
function meetAtoms(a: readonly Atom[], b: readonly Atom[]): readonly Atom[] {
  const keys = atomKeys(a);
  let forms: ReadonlyMap<string, number> | undefined;
  let out: Atom[] | undefined;
  let added: Map<string, number> | undefined;
  for (const k of b) {
    if (keys.has(atomKey(k))) continue;
    const form = atomForm(k);
    const i = (forms ??= atomForms(a)).get(form) ?? added?.get(form);
    if (i !== undefined && !tighter(k, (out ?? a)[i]!)) continue;
    out ??= [...a];
    if (i !== undefined) out[i] = k;
    else {
      (added ??= new Map()).set(form, out.length);
      out.push(k);
    }
  }
  return out ?? a;
}

/** Whether atom `k` implies atom `than` of the same form and is not the same bound: a smaller bound, or the same one strict. */
function tighter(k: Atom, than: Atom): boolean {
  return k.c < than.c || (k.c === than.c && k.strict && !than.strict);
}

/** An atom's form: its variables and their signs, without the bound. */
function atomForm(k: Atom): string {
  return formOf(k.a, k.x, k.b, k.y);
}

const formOf = (a: number, x: number, b: number | undefined, y: number | undefined): string => (y === undefined ? `${a}${x}` : `${a}${x}${b! > 0 ? '+' : '-'}${y}`);

/**
 * Whether two cells bound one form from both sides with no room between (`s ≤ 3` and `-s < -5`):
 * then they hold no case together, told without building their meet and its octagon. A cheap test
 * only: false says nothing.
 */
export function atomsClash(a: Cell, b: Cell): boolean {
  if (!a.atoms.length || !b.atoms.length) return false;
  const [few, many] = a.atoms.length <= b.atoms.length ? [a.atoms, b.atoms] : [b.atoms, a.atoms];
  const forms = atomForms(many);
  for (const k of few) {
    const i = forms.get(formOf(-k.a, k.x, k.b === undefined ? undefined : -k.b, k.y));
    if (i === undefined) continue;
    const j = many[i]!;
    // k: f ≤ c, j: -f ≤ d; together -d ≤ f ≤ c.
    const room = k.c + j.c;
    if (room < 0 || (room === 0 && (k.strict || j.strict))) return true;
  }
  return false;
}

/** Where each form is in a list of atoms (the first of a form), worked out once per list. */
const atomFormSets = new WeakMap<readonly Atom[], Map<string, number>>();
function atomForms(atoms: readonly Atom[]): ReadonlyMap<string, number> {
  let forms = atomFormSets.get(atoms);
  if (!forms) {
    forms = new Map();
    for (let i = 0; i < atoms.length; i++) {
      const f = atomForm(atoms[i]!);
      if (!forms.has(f)) forms.set(f, i);
    }
    atomFormSets.set(atoms, forms);
  }
  return forms;
}

/** The keys of a cell's atoms, worked out once per atoms list (meets keep one side's list). */
const atomKeySets = new WeakMap<readonly Atom[], Set<string>>();
function atomKeys(atoms: readonly Atom[]): Set<string> {
  let keys = atomKeySets.get(atoms);
  if (!keys) atomKeySets.set(atoms, (keys = new Set(atoms.map(atomKey))));
  return keys;
}

/** A case's values, as a witness gives them: finite values, numbers (day numbers for dates), set items. */
export interface Solution {
  fin: Map<number, string>;
  num: Map<number, number>;
  /** Per set kind: the items, or 'unknown' when the case leaves it out. */
  sets: Map<string, SetAtom[] | 'unknown'>;
}

const unconstrained: SetConstraint = { forbid: [], clauses: [] };

/** Decides cells over one space: whether a cell holds a case, and one it holds. */
export class Solver {
  private readonly asOf: NumVar;

  constructor(readonly space: Space) {
    this.asOf = space.numVar('asOf')!;
  }

  /**
   * Whether some case lies in the cell: what a witness needs, decided part by part, each part
   * remembered by what it reads (meets build the same parts again and again: a criterion read in
   * each guideline's view, one side's atoms kept when the other has none), so that a cell new only
   * in its finite masks costs a few mask tests.
   */
  feasible(cell: Cell): boolean {
    const m = memoOf(cell);
    if (m.solver !== this) {
      m.feasible = this.decide(cell);
      m.solver = this;
    }
    return m.feasible;
  }

  /** solve(cell, false) !== undefined, without building the case. */
  private decide(cell: Cell): boolean {
    for (const m of cell.fin.values()) if (isEmptyMask(m)) return false;
    if (!this.coupled(cell)) return false;
    if (!this.setsHold(cell)) return false;
    if (!this.placedKnown(cell)) return false;
    return this.octagonFeasible(cell);
  }

  /** Whether every number the cell's atoms and month comparisons place may be known (knownAllowed of usedNumbers, without the set). */
  private placedKnown(cell: Cell): boolean {
    for (const k of cell.atoms) if (!this.mayBeKnown(cell, k.x) || (k.y !== undefined && !this.mayBeKnown(cell, k.y))) return false;
    for (const k of cell.months) if (!this.mayBeKnown(cell, k.to) || (k.date !== undefined && !this.mayBeKnown(cell, k.date))) return false;
    return true;
  }

  private mayBeKnown(cell: Cell, x: number): boolean {
    const flag = (this.space.vars[x] as NumVar).known;
    return !flag || hasBit(cell.fin.get(flag.index) ?? 3, 0);
  }

  /** Whether the numbers' comparisons hold together: read from the atoms and month comparisons alone. */
  private octagonFeasible(cell: Cell): boolean {
    let byMonths = this.octByAtoms.get(cell.atoms);
    if (!byMonths) this.octByAtoms.set(cell.atoms, (byMonths = new WeakMap()));
    let f = byMonths.get(cell.months);
    if (f === undefined) {
      const key = numbersKey(cell);
      f = this.octByKey.get(key);
      if (f === undefined) this.octByKey.set(key, (f = this.octagon(cell, this.usedNumbers(cell), false) !== undefined));
      byMonths.set(cell.months, f);
    }
    return f;
  }

  private readonly octByAtoms = new WeakMap<Cell['atoms'], WeakMap<Cell['months'], boolean>>();
  private readonly octByKey = new Map<string, boolean>();

  /** The cells of a region that hold cases. */
  prune(r: Region): Region {
    return r.filter((c) => this.feasible(c));
  }

  /** A case of the cell, or undefined when it holds none. */
  witness(cell: Cell): Solution | undefined {
    return this.solve(cell, true);
  }

  private solve(cell: Cell, want: boolean): Solution | undefined {
    const fin = new Map<number, string>();
    for (const [i, m] of cell.fin) {
      if (isEmptyMask(m)) return undefined;
      if (want) fin.set(i, this.choose(i, m));
    }
    if (!this.coupled(cell)) return undefined;
    const sets = this.sets(cell);
    if (!sets) return undefined;
    const num = this.numbers(cell, want);
    if (!num) return undefined;
    // A number the witness gives is known.
    for (const x of num.keys()) {
      const flag = (this.space.vars[x] as NumVar).known;
      if (flag) fin.set(flag.index, 'known');
    }
    return { fin, num, sets };
  }

  /**
   * A value of a finite variable within its mask: for a known-or-not flag, left out when it may be
   * (the example stays small); otherwise a known value when it may be, in declared order.
   */
  private choose(i: number, m: Mask): string {
    const v = this.space.vars[i]!;
    if (v.kind !== 'finite') return UNKNOWN;
    const allowed = maskValues(v.values, m);
    if (v.id.startsWith('?') && allowed.includes(UNKNOWN)) return UNKNOWN;
    return allowed.find((x) => x !== UNKNOWN) ?? allowed[0]!;
  }

  private maskOf(cell: Cell, id: string): Mask | undefined {
    const v = this.space.finiteVar(id);
    return v ? cell.fin.get(v.index) : undefined;
  }

  /** Requested visits are known whenever frequency and weeks both are (their product is the visits). */
  private coupled(cell: Cell): boolean {
    // Known-or-not flags: bit 0 known, bit 1 not given.
    const only = (id: string, bit: number): boolean => this.maskOf(cell, id) === bit;
    return !(only('?request.visits', 2) && only('?request.frequencyPerWeek', 1) && only('?request.weeks', 1));
  }

  /** The masks of the flags and rows the set solver reads, as a key ('' when the cell has none). */
  private setMasks(cell: Cell): string {
    let key = '';
    for (const i of cell.fin.keys()) if (this.space.readBySets(i)) key += finText(i, cell.fin.get(i)!);
    return key;
  }

  /** Whether the cell's sets hold together; a cell that says nothing of sets (no constraint, flag or row) does. */
  private setsHold(cell: Cell): boolean {
    const masks = this.setMasks(cell);
    return (!cell.sets.size && !masks) || this.sets(cell, masks) !== undefined;
  }

  /** The cell's sets, worked out once per set constraints and per masks of the flags and rows they read (the set solver keeps its answers by content). */
  private sets(cell: Cell, masks = this.setMasks(cell)): Map<string, SetAtom[] | 'unknown'> | undefined {
    let byMasks = this.setAnswers.get(cell.sets);
    if (!byMasks) this.setAnswers.set(cell.sets, (byMasks = new Map()));
    if (byMasks.has(masks)) return byMasks.get(masks);
    const out = this.solveSets(cell);
    byMasks.set(masks, out);
    return out;
  }

  private readonly setAnswers = new WeakMap<Cell['sets'], Map<string, Map<string, SetAtom[] | 'unknown'> | undefined>>();

  private solveSets(cell: Cell): Map<string, SetAtom[] | 'unknown'> | undefined {
    const out = new Map<string, SetAtom[] | 'unknown'>();
    const rowsOf = new Map<string, RowTarget[]>();
    const flagged: string[] = [];
    for (const [i, m] of cell.fin) {
      const set = this.space.setOfFlag(i);
      if (set) flagged.push(set);
      const row = this.space.rowOwner(i);
      if (!row) continue;
      const list = rowsOf.get(row.kind) ?? [];
      list.push({ row, allowed: maskValues(row.v.values, m) });
      rowsOf.set(row.kind, list);
    }
    // Every set the cell says anything of, even only that it is given.
    const kinds = new Set([...cell.sets.keys(), ...rowsOf.keys(), ...flagged, 'diagnosis', 'procedure']);
    for (const kind of kinds) {
      const rows = rowsOf.get(kind) ?? [];
      const con = cell.sets.get(kind);
      const flag = this.space.setFlag(kind);
      const m = cell.fin.get(flag.index) ?? 3;
      if (!con && !rows.length && m === 3) continue;
      let found: SetAtom[] | 'unknown' | undefined;
      if (hasBit(m, 0)) found = !con && !rows.length ? [] : this.space.sets.solve(kind, con ?? unconstrained, rows);
      // Left out, a set matches nothing and picks no row.
      if (!found && hasBit(m, 1) && !con?.clauses.length && rows.every((r) => r.allowed.includes('none'))) found = 'unknown';
      if (!found) return undefined;
      out.set(kind, found);
    }
    return out;
  }


  /** The numeric variables the cell's atoms and month comparisons read. */
  private usedNumbers(cell: Cell): Set<number> {
    const used = new Set<number>();
    for (const k of cell.atoms) {
      used.add(k.x);
      if (k.y !== undefined) used.add(k.y);
    }
    for (const k of cell.months) {
      used.add(k.to);
      if (k.date !== undefined) used.add(k.date);
    }
    return used;
  }

  /** Whether every number the cell places may be known (a number compared is known). */
  private knownAllowed(cell: Cell, used: Set<number>): boolean {
    for (const x of used) if (!this.mayBeKnown(cell, x)) return false;
    return true;
  }

  /** The numeric variables' values (every one the cell constrains), or undefined when none fit. */
  private numbers(cell: Cell, want: boolean): Map<number, number> | undefined {
    const used = this.usedNumbers(cell);
    if (want) {
      // Numbers the cell requires known but places nowhere still need a value in the witness.
      for (const [i, m] of cell.fin) {
        const v = this.space.vars[i]!;
        if (m !== 1 || !v.id.startsWith('?')) continue;
        const n = this.space.numVar(v.id.slice(1));
        if (n) used.add(n.index);
      }
      used.add(this.asOf.index);
    }
    if (!this.knownAllowed(cell, used)) return undefined;
    return this.octagon(cell, used, want);
  }

  /** The octagon of the atoms and month comparisons over `used` (with each variable's range), solved or decided. */
  private octagon(cell: Cell, used: Set<number>, want: boolean): Map<number, number> | undefined {
    const vars = [...used];
    // A date of what has happened is bounded by the review date, so the review date takes part.
    if (!used.has(this.asOf.index) && vars.some((x) => (this.space.vars[x] as NumVar).notAfterReview)) vars.push(this.asOf.index);
    const local = new Map(vars.map((x, i) => [x, i]));
    const ks: OctConstraint[] = [];
    for (const x of vars) {
      const v = this.space.vars[x] as NumVar;
      ks.push({ x: local.get(x)!, a: 1, c: v.max, strict: false }, { x: local.get(x)!, a: -1, c: -v.min, strict: false });
    }
    const toLocal = (k: Atom): OctConstraint => (k.y === undefined ? { x: local.get(k.x)!, a: k.a, c: k.c, strict: k.strict } : { x: local.get(k.x)!, a: k.a, y: local.get(k.y)!, b: k.b!, c: k.c, strict: k.strict });
    for (const k of cell.atoms) ks.push(toLocal(k));
    // The runtime refuses a case whose date of what has happened is after the review date (R501).
    const past = vars.filter((x) => (this.space.vars[x] as NumVar).notAfterReview);
    for (const x of past) ks.push(toLocal({ x, a: 1, y: this.asOf.index, b: -1, c: 0, strict: false }));
    // The same bound as a time, for a date measured up to the review only: at least 0 months from it,
    // decided with the cell's own comparisons. (Measured up to another date too, the octagon bounds it:
    // a comparison up to a second end would have the review dates scanned, past any budget.)
    const upToReview = (x: number): boolean => cell.months.some((k) => k.date === x) && cell.months.every((k) => k.date !== x || k.to === this.asOf.index);
    const months = [...cell.months, ...past.filter(upToReview).map((x): MonthAtom => ({ date: x, day: 0, to: this.asOf.index, unit: 'months', op: '>=', c: 0 }))];
    for (const k of months) ks.push(toLocal(relaxation(k)));
    const integer = vars.map((x) => (this.space.vars[x] as NumVar).integer);
    const prefer = (i: number): number => {
      const v = this.space.vars[vars[i]!] as NumVar;
      return v.date ? referenceDay : Math.max(v.min, Math.min(v.max, 0));
    };
    const finish = (extra: OctConstraint[]): Map<number, number> | undefined => {
      if (!want) return satisfiable(vars.length, integer, [...ks, ...extra]) ? new Map() : undefined;
      const values = solveOctagon(vars.length, integer, [...ks, ...extra], prefer);
      return values && new Map(vars.map((x, i) => [x, values[i]!]));
    };
    if (!months.length) return finish([]);
    const bound = new Set(cell.atoms.flatMap((k) => (k.y === undefined ? [k.x] : [k.x, k.y])));
    return decideMonths({ months, local, endRange: (x) => this.space.vars[x] as NumVar, bound, ks, integer, prefer, finish });
  }
}
