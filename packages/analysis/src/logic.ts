// Three-valued regions: a condition is true on one region, false on another, unknown on the rest,
// and `and`, `or`, `not` and at-least-N-of groups combine them by Kleene's rules, region by region,
// dropping the cells that hold no case as they go.
import { atomsClash, copyMasks, meet, TOP, type Cell, type Region, type Solver } from './cell.ts';
import { NotAnalyzed } from './linear.ts';
import { analysisLimits, OverBudget } from './limits.ts';
import { cellKey, finKey, restKey } from './keys.ts';
import { andMask, isEmptyMask, orMask } from './masks.ts';

export { cellKey };

export interface Tri3 {
  t: Region;
  f: Region;
  u: Region;
}

/** The most cells one region may split into before a check gives up (and says so). */
export const maxCells = analysisLimits.maxCells;

export const always: Tri3 = { t: [TOP], f: [], u: [] };

/** Whether two cells' finite masks leave some value of every variable both constrain (a cheap test before meeting them). */
function compatible(a: Cell, b: Cell): boolean {
  const small = a.fin.size <= b.fin.size;
  const x = small ? a.fin : b.fin;
  const y = small ? b.fin : a.fin;
  for (const i of x.keys()) {
    const n = y.get(i);
    if (n !== undefined && isEmptyMask(andMask(x.get(i)!, n))) return false;
  }
  return true;
}

export class Logic {
  /** Steps of work spent in all (the pairs, cells and choices the parts are charged): the same on every machine. */
  work = 0;
  /** What the part being analyzed may still spend (none being analyzed: no bound). */
  private left = Infinity;
  /** The budget of the part being analyzed, for its message. */
  private budget = Infinity;

  constructor(readonly solver: Solver) {}

  /**
   * Runs one part of the analysis (a guideline's applicability, a criterion, a policy) with a budget
   * of steps of its own (analysisLimits.workPerPart unless given): past it, every step throws
   * OverBudget, which the part's caller reports as not analyzed (A612). What it spends counts in
   * `work`, not against the budget of a part it runs within.
   */
  part<T>(f: () => T, budget: number = analysisLimits.workPerPart): T {
    const [left, outer] = [this.left, this.budget];
    this.left = this.budget = budget;
    try {
      return f();
    } finally {
      this.left = left;
      this.budget = outer;
    }
  }

  /** Charges `n` steps to the part being analyzed; past its budget, OverBudget (and so at every step after). */
  charge(n: number): void {
    this.work += n;
    this.left -= n;
    if (this.left < 0) throw new OverBudget(this.budget);
  }

  /** The cells of both regions at once that hold cases. */
  meet(a: Region, b: Region): Region {
    if (!a.length || !b.length) return [];
    if (a.length * b.length > maxCells * 4) throw new NotAnalyzed(`its conditions split the cases into more than ${maxCells.toLocaleString('en-US')} regions`);
    const out = new Map<string, Cell>();
    for (const x of a) {
      let tried = 0;
      for (const y of b) {
        tried++;
        if (!compatible(x, y) || atomsClash(x, y)) continue;
        const c = meet(x, y);
        // x within y: its meets with the rest of b are within it too, and add nothing to the union.
        if (c === x) {
          if (this.solver.feasible(x)) out.set(cellKey(x), x);
          break;
        }
        if (!this.solver.feasible(c)) continue;
        out.set(cellKey(c), c);
      }
      this.charge(tried);
    }
    return this.cap([...out.values()]);
  }

  /** A cell of both regions at once that holds cases, or undefined: the first found (no need to work out the rest). */
  some(a: Region, b: Region): Cell | undefined {
    for (const x of a) {
      let tried = 0;
      for (const y of b) {
        tried++;
        if (!compatible(x, y) || atomsClash(x, y)) continue;
        const c = meet(x, y);
        if (this.solver.feasible(c)) {
          this.charge(tried);
          return c;
        }
      }
      this.charge(tried);
    }
    return undefined;
  }

  /**
   * Up to `want` cells, each in every one of the regions at once, that hold cases: a search that
   * picks a cell of each region in turn (the smallest regions first) and drops a choice as soon as
   * it holds none. What a product of unions (a decision over several criteria) would multiply out
   * to, asked without multiplying it out. Regions about facts no other region shares are searched
   * apart (criteria on different facts do not constrain each other), and their cases joined. Throws
   * NotAnalyzed past `budget` choices tried.
   */
  witnesses(regions: readonly Region[], want = 1, budget: number = analysisLimits.searchChoices): Cell[] {
    const seen = new Set<Region>();
    const terms: Region[] = [];
    for (const r of regions) {
      if (!r.length) return [];
      if (seen.has(r) || r.some((c) => c === TOP || (!c.fin.size && !c.atoms.length && !c.sets.size && !c.months.length))) continue;
      seen.add(r);
      terms.push(r);
    }
    this.charge(terms.reduce((n, r) => n + r.length, 0));
    // A few regions are searched together at once; grouping pays for itself on many.
    const groups = terms.length > 3 ? this.solver.space.independent(terms) : [terms];
    const found = groups.map((g) => this.search(g, groups.length === 1 ? want : Math.max(1, want), budget));
    if (found.some((f) => !f.length)) return [];
    // Joined: the first group's cases, each with the first case of every other group.
    const out: Cell[] = [];
    for (const first of found[0]!) {
      const joined = found.slice(1).reduce((acc, f) => meet(acc, f[0]!), first);
      if (this.solver.feasible(joined)) out.push(joined);
    }
    // Independent parts that do not join after all (a coupling the grouping missed): searched together.
    return out.length ? out : this.search(terms, want, budget);
  }

  /**
   * The search: after each choice, every region left keeps only its cells whose few-valued facts
   * agree with the choices so far (a region left with none ends the branch), and the region with the
   * fewest such cells is chosen from next.
   */
  private search(regions: readonly Region[], want: number, budget: number): Cell[] {
    const out: Cell[] = [];
    let tried = 0;
    const go = (at: Cell, rest: readonly (readonly Cell[])[]): void => {
      if (!rest.length) {
        out.push(at);
        return;
      }
      const left: Cell[][] = [];
      let best = 0;
      this.charge(1);
      for (const r of rest) {
        const cells = r.filter((c) => compatible(at, c));
        if (!cells.length) return;
        if (cells.length < left[best]?.length!) best = left.length;
        left.push(cells);
      }
      const others = left.filter((_, i) => i !== best);
      // Forward checking: choices that leave a region no cell holding cases with them end the branch
      // here, not after every combination of the regions in between (the branching is the same, so
      // are the cases found and their order).
      if (at !== TOP && !others.every((r) => r.some((c) => this.solver.feasible(meet(at, c))))) return;
      for (const c of left[best]!) {
        if (out.length >= want) return;
        if (++tried > budget) throw new NotAnalyzed('its criteria combine in too many ways to compare');
        const m = meet(at, c);
        if (this.solver.feasible(m)) go(m, others);
      }
    };
    go(TOP, regions);
    return out;
  }

  union(...rs: Region[]): Region {
    this.charge(rs.reduce((n, r) => n + r.length, 0));
    const out = new Map<string, Cell>();
    for (const r of rs) for (const c of r) out.set(cellKey(c), c);
    return this.cap([...out.values()]);
  }

  private cap(r: Region): Region {
    if (r.length > maxCells) throw new NotAnalyzed(`its conditions split the cases into more than ${maxCells.toLocaleString('en-US')} regions`);
    return r;
  }

  /** The regions of a value read part by part: each part's regions within its guard, joined (and merged where they can be). */
  guarded(parts: readonly { guard: Cell; v: Tri3 }[]): Tri3 {
    const on = (r: Region, g: Cell): Region => {
      this.charge(r.length);
      return this.solver.prune(r.map((x) => meet(g, x)));
    };
    const side = (f: (x: Tri3) => Region): Region => this.compact(this.union(...parts.map((p) => on(f(p.v), p.guard))));
    return { t: side((x) => x.t), f: side((x) => x.f), u: side((x) => x.u) };
  }

  not(x: Tri3): Tri3 {
    return { t: x.f, f: x.t, u: x.u };
  }

  /**
   * Kleene's and: false if any is false; otherwise unknown if any is unknown. The three regions stay
   * a partition, each of disjoint cells (false where the first false part is), so that meeting them
   * with another such partition later drops the cells that cannot meet instead of multiplying them.
   */
  and(xs: readonly Tri3[]): Tri3 {
    if (xs.length === 1) return xs[0]!;
    let t: Region = [TOP];
    let u: Region = [];
    const f: Region[] = [];
    for (const x of xs) {
      f.push(this.meet(t, x.f), this.meet(u, x.f));
      u = this.union(this.meet(t, x.u), this.meet(u, this.union(x.t, x.u)));
      t = this.meet(t, x.t);
    }
    return { t, f: this.union(...f), u };
  }

  or(xs: readonly Tri3[]): Tri3 {
    return this.not(this.and(xs.map((x) => this.not(x))));
  }

  /** At least `need` of the parts true: true when that many are, false when too few can be. */
  atLeast(parts: readonly Tri3[], need: number): Tri3 {
    const m = parts.length;
    if (need <= 0) return always;
    if (need > m) return { t: [], f: [TOP], u: [] };
    const fails = m - need + 1;
    // States (true so far, false so far), each capped where the answer is settled.
    let states = new Map<string, { yes: number; no: number; r: Region }>([['0,0', { yes: 0, no: 0, r: [TOP] }]]);
    for (const p of parts) {
      const next = new Map<string, { yes: number; no: number; r: Region }>();
      const add = (yes: number, no: number, r: Region): void => {
        if (!r.length) return;
        const key = `${yes},${no}`;
        const s = next.get(key);
        next.set(key, { yes, no, r: s ? this.union(s.r, r) : r });
      };
      for (const s of states.values()) {
        if (s.yes >= need || s.no >= fails) {
          add(s.yes, s.no, s.r);
          continue;
        }
        add(s.yes + 1, s.no, this.meet(s.r, p.t));
        add(s.yes, s.no + 1, this.meet(s.r, p.f));
        add(s.yes, s.no, this.meet(s.r, p.u));
      }
      states = next;
    }
    const pick = (f: (s: { yes: number; no: number }) => boolean): Region => this.union(...[...states.values()].filter(f).map((s) => s.r));
    return { t: pick((s) => s.yes >= need), f: pick((s) => s.yes < need && s.no >= fails), u: pick((s) => s.yes < need && s.no < fails) };
  }

  /** Cells that differ in one finite variable only, merged into one (fewer, larger regions to show). */
  compact(r: Region): Region {
    if (r.length < 2) return r;
    this.charge(r.length);
    // Only cells with the same atoms, sets and months can merge: group them first.
    const byRest = new Map<string, Cell[]>();
    for (const c of r) {
      const rest = restKey(c);
      const g = byRest.get(rest);
      if (g) g.push(c);
      else byRest.set(rest, [c]);
    }
    if (byRest.size === r.length) return r;
    return [...byRest.values()].flatMap((g) => (g.length < 2 ? g : this.mergeFinite(g)));
  }

  /** Cells of the same atoms, sets and months (their keys' rest is the same) merged where they differ in one finite variable. */
  private mergeFinite(r: Region): Region {
    let cells = r;
    for (let changed = true, pass = 0; changed && cells.length > 1 && pass < 3; pass++) {
      changed = false;
      const vars = new Set(cells.flatMap((c) => [...c.fin.keys()]));
      for (const v of vars) {
        const groups = new Map<string, Cell>();
        for (const c of cells) {
          const key = finKey(c, v);
          const g = groups.get(key);
          if (!g) groups.set(key, c);
          else {
            const a = g.fin.get(v);
            const b = c.fin.get(v);
            const fin = copyMasks(g.fin);
            if (a === undefined || b === undefined) fin.delete(v);
            else fin.set(v, orMask(a, b));
            groups.set(key, { ...g, fin, memo: undefined });
            changed = true;
          }
        }
        cells = [...groups.values()];
      }
    }
    return cells;
  }

}
