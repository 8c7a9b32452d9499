// A cell: a conjunction over the space's variables (allowed values of finite variables, octagon
// atoms over numeric ones, set constraints, month comparisons). A region is a union of cells. The
// solver decides whether a cell holds any case and, when it does, gives one (a witness).
import { decideMonths, relaxation, type MonthAtom } from './months.ts';
import { cellKey } from './keys.ts';
import { atomKey, type Atom } from './linear.ts';
import { satisfiable, solveOctagon, type OctConstraint } from './octagon.ts';
import type { Atom as SetAtom, RowTarget, SetConstraint } from './sets.ts';
import { referenceDay } from './calendar.ts';
import { UNKNOWN, type NumVar, type Space } from './space.ts';

export interface Cell {
  /** Allowed values of finite variables, as bit masks over their values (absent: any). */
  readonly fin: ReadonlyMap<number, bigint>;
  readonly atoms: readonly Atom[];
  /** Set constraints by set kind ('diagnosis', 'procedure', 'list:<fact>'). */
  readonly sets: ReadonlyMap<string, SetConstraint>;
  readonly months: readonly MonthAtom[];
}

export type Region = Cell[];

export const TOP: Cell = { fin: new Map(), atoms: [], sets: new Map(), months: [] };

export function cellOf(parts: Partial<Cell>): Cell {
  return { fin: parts.fin ?? new Map(), atoms: parts.atoms ?? [], sets: parts.sets ?? new Map(), months: parts.months ?? [] };
}

export const fullMask = (n: number): bigint => (1n << BigInt(n)) - 1n;

/** The conjunction of two cells (not yet checked for cases). */
export function meet(a: Cell, b: Cell): Cell {
  if (a === TOP) return b;
  if (b === TOP) return a;
  let fin: Map<number, bigint> | ReadonlyMap<number, bigint> = a.fin;
  if (b.fin.size) {
    const m = new Map(a.fin);
    for (const [k, v] of b.fin) m.set(k, (m.get(k) ?? v) & v);
    fin = m;
  }
  let atoms = a.atoms;
  if (b.atoms.length) {
    const keys = new Set(a.atoms.map(atomKey));
    atoms = [...a.atoms, ...b.atoms.filter((k) => !keys.has(atomKey(k)))];
  }
  let sets = a.sets;
  if (b.sets.size) {
    const m = new Map(a.sets);
    for (const [k, v] of b.sets) {
      const x = m.get(k);
      m.set(k, x ? { forbid: [...new Set([...x.forbid, ...v.forbid])], clauses: [...x.clauses, ...v.clauses] } : v);
    }
    sets = m;
  }
  return { fin, atoms, sets, months: b.months.length ? [...a.months, ...b.months] : a.months };
}

/** A case's values, as a witness gives them: finite values, numbers (day numbers for dates), set items. */
export interface Solution {
  fin: Map<number, string>;
  num: Map<number, number>;
  /** Per set kind: the items, or 'unknown' when the case leaves it out. */
  sets: Map<string, SetAtom[] | 'unknown'>;
}

/** Decides cells over one space: whether a cell holds a case, and one it holds. */
export class Solver {
  private readonly memo = new WeakMap<Cell, boolean>();
  private readonly asOf: NumVar;

  constructor(readonly space: Space) {
    this.asOf = space.numVar('asOf')!;
  }

  /** Whether some case lies in the cell. */
  feasible(cell: Cell): boolean {
    let f = this.memo.get(cell);
    if (f === undefined) {
      // Meets build the same cell again and again (a criterion read in each guideline's view, the
      // same parts met in another order): decided once per content.
      const key = cellKey(cell);
      f = this.byKey.get(key);
      if (f === undefined) this.byKey.set(key, (f = this.solve(cell, false) !== undefined));
      this.memo.set(cell, f);
    }
    return f;
  }

  private readonly byKey = new Map<string, boolean>();

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
      if (m === 0n) return undefined;
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
  private choose(i: number, m: bigint): string {
    const v = this.space.vars[i]!;
    if (v.kind !== 'finite') return UNKNOWN;
    const allowed = v.values.filter((_, k) => (m >> BigInt(k)) & 1n);
    if (v.id.startsWith('?') && allowed.includes(UNKNOWN)) return UNKNOWN;
    return allowed.find((x) => x !== UNKNOWN) ?? allowed[0]!;
  }

  private maskOf(cell: Cell, id: string): bigint | undefined {
    const v = this.space.finiteVar(id);
    return v ? cell.fin.get(v.index) : undefined;
  }

  /** Requested visits are known whenever frequency and weeks both are (their product is the visits). */
  private coupled(cell: Cell): boolean {
    const only = (id: string, bit: bigint): boolean => this.maskOf(cell, id) === bit;
    return !(only('?request.visits', 2n) && only('?request.frequencyPerWeek', 1n) && only('?request.weeks', 1n));
  }

  /** The cell's sets, worked out once per set constraints and per masks of the flags and rows they read. */
  private sets(cell: Cell): Map<string, SetAtom[] | 'unknown'> | undefined {
    let key = '';
    for (const [i, m] of cell.fin) if (this.space.readBySets(i)) key += `${i}:${m},`;
    let byMasks = this.setAnswers.get(cell.sets);
    if (!byMasks) this.setAnswers.set(cell.sets, (byMasks = new Map()));
    if (byMasks.has(key)) return byMasks.get(key);
    const out = this.solveSets(cell);
    byMasks.set(key, out);
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
      list.push({ row, allowed: row.v.values.filter((_, k) => (m >> BigInt(k)) & 1n) });
      rowsOf.set(row.kind, list);
    }
    // Every set the cell says anything of, even only that it is given.
    const kinds = new Set([...cell.sets.keys(), ...rowsOf.keys(), ...flagged, 'diagnosis', 'procedure']);
    for (const kind of kinds) {
      const rows = rowsOf.get(kind) ?? [];
      const con = cell.sets.get(kind);
      const flag = this.space.setFlag(kind);
      const m = cell.fin.get(flag.index) ?? 3n;
      if (!con && !rows.length && m === 3n) continue;
      let found: SetAtom[] | 'unknown' | undefined;
      if (m & 1n) found = !con && !rows.length ? [] : this.space.sets.solve(kind, con ?? { forbid: [], clauses: [] }, rows);
      // Left out, a set matches nothing and picks no row.
      if (!found && m & 2n && !con?.clauses.length && rows.every((r) => r.allowed.includes('none'))) found = 'unknown';
      if (!found) return undefined;
      out.set(kind, found);
    }
    return out;
  }


  /** The numeric variables' values (every one the cell constrains), or undefined when none fit. */
  private numbers(cell: Cell, want: boolean): Map<number, number> | undefined {
    const used = new Set<number>();
    for (const k of cell.atoms) {
      used.add(k.x);
      if (k.y !== undefined) used.add(k.y);
    }
    for (const k of cell.months) {
      used.add(k.to);
      if (k.date !== undefined) used.add(k.date);
    }
    if (want) {
      // Numbers the cell requires known but places nowhere still need a value in the witness.
      for (const [i, m] of cell.fin) {
        const v = this.space.vars[i]!;
        if (m !== 1n || !v.id.startsWith('?')) continue;
        const n = this.space.numVar(v.id.slice(1));
        if (n) used.add(n.index);
      }
      used.add(this.asOf.index);
    }
    for (const x of used) {
      const flag = (this.space.vars[x] as NumVar).known;
      if (flag && !((cell.fin.get(flag.index) ?? 3n) & 1n)) return undefined;
    }
    const vars = [...used];
    const local = new Map(vars.map((x, i) => [x, i]));
    const ks: OctConstraint[] = [];
    for (const x of vars) {
      const v = this.space.vars[x] as NumVar;
      ks.push({ x: local.get(x)!, a: 1, c: v.max, strict: false }, { x: local.get(x)!, a: -1, c: -v.min, strict: false });
    }
    const toLocal = (k: Atom): OctConstraint => (k.y === undefined ? { x: local.get(k.x)!, a: k.a, c: k.c, strict: k.strict } : { x: local.get(k.x)!, a: k.a, y: local.get(k.y)!, b: k.b!, c: k.c, strict: k.strict });
    for (const k of cell.atoms) ks.push(toLocal(k));
    for (const k of cell.months) ks.push(toLocal(relaxation(k)));
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
    if (!cell.months.length) return finish([]);
    const bound = new Set(cell.atoms.flatMap((k) => (k.y === undefined ? [k.x] : [k.x, k.y])));
    return decideMonths({ months: cell.months, local, endRange: (x) => this.space.vars[x] as NumVar, bound, ks, integer, prefer, finish });
  }
}
