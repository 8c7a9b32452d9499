// Regions in words, for editors: each cell as the conditions that hold in it, in the vocabulary's
// words ("completed visits is at least 6; the diagnoses match none of Myalgia (mtus.chronic-pain)").
import type { Cell, Region } from './cell.ts';
import { isoDate } from './calendar.ts';
import type { Atom } from './linear.ts';
import { maskValues, type Mask } from './masks.ts';
import { OTHER, UNKNOWN, type FiniteVar, type NumVar, type Space } from './space.ts';

const orList = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);
const show = (v: string): string => (v === OTHER ? 'another value' : v);
const num = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

export class Describer {
  constructor(private readonly space: Space) {}

  /** A region, one line per cell (at most `max`, then how many more). */
  region(r: Region, max = 6): string[] {
    const lines = [...new Set(r.map((c) => this.cell(c)))];
    if (lines.length <= max) return lines.map((l) => l || 'any request');
    return [...lines.slice(0, max), `... and ${lines.length - max} more`];
  }

  /** The cell in words: once per cell (findings' regions share their cells). */
  cell(c: Cell): string {
    let line = this.lines.get(c);
    if (line === undefined) this.lines.set(c, (line = this.words(c)));
    return line;
  }

  private readonly lines = new WeakMap<Cell, string>();

  private words(c: Cell): string {
    const out: string[] = [];
    const atoms = this.atoms(c.atoms);
    // A number an atom says something of is given: no need to say so too.
    const bounded = new Set(atoms.vars.map((x) => (this.space.vars[x] as NumVar).known?.index));
    for (const [i, m] of [...c.fin].sort((a, b) => a[0] - b[0])) {
      if (bounded.has(i) && m === 1) continue;
      const phrase = this.maskPhrase(i, m);
      if (phrase) out.push(phrase);
    }
    out.push(...atoms.phrases);
    for (const [kind, con] of c.sets) {
      const what = kind === 'diagnosis' ? 'the diagnoses' : kind === 'procedure' ? 'the surgery' : (this.space.defs.get(kind.slice(5))?.words ?? kind);
      const verb = kind.startsWith('list:') ? 'include' : kind === 'procedure' ? 'matches' : 'match';
      // Two readings of one class (the applicability's and a table row's) are one clause in words.
      for (const clause of con.clauses) {
        const phrase = `${what} ${verb} ${this.elements(kind, clause, 'or')}`;
        if (!out.includes(phrase)) out.push(phrase);
      }
      if (con.forbid.length) out.push(`${what} ${verb} none of ${this.elements(kind, con.forbid, 'and')}`);
    }
    for (const k of c.months) {
      const what = k.date === undefined ? isoDate(k.day) : this.space.vars[k.date]!.words;
      const rel = { '<=': 'at most', '<': 'less than', '>=': 'at least', '>': 'more than' }[k.op];
      const end = this.space.vars[k.to]!;
      out.push(end.id === 'asOf' ? `the time since ${what} is ${rel} ${num(k.c)} ${k.unit}` : `the time from ${what} to ${end.words} is ${rel} ${num(k.c)} ${k.unit}`);
    }
    return out.join('; ');
  }

  /** What a variable's mask says, once per variable and mask. */
  private maskPhrase(i: number, m: Mask): string | undefined {
    const byMask = (this.phrases[i] ??= new Map());
    if (!byMask.has(m)) byMask.set(m, this.finite(this.space.vars[i] as FiniteVar, m));
    return byMask.get(m);
  }

  private readonly phrases: Map<Mask, string | undefined>[] = [];

  private finite(v: FiniteVar, m: Mask): string | undefined {
    const allowed = maskValues(v.values, m);
    if (allowed.length === v.values.length || v.id === 'jurisdiction') return undefined;
    if (v.id.startsWith('?')) return allowed.length === 1 ? `${v.words} ${allowed[0] === UNKNOWN ? 'is not given' : 'is given'}` : undefined;
    const owner = this.space.rowOwner(v.index);
    if (owner) {
      const g = owner.placed.g;
      const what = owner.table.id === 'recommend' ? 'the recommendation' : `the row of table ${owner.table.id}`;
      const titles = (rows: readonly string[]): string => orList(rows.map((r) => owner.classes[Number(r.slice(1))]!.map((id) => this.space.sets.classes.get(id)?.c.title ?? id).join(' or ') || r));
      const rows = allowed.filter((x) => x !== 'none');
      if (!rows.length) return `no row of table ${owner.table.id} of ${g.id} applies`;
      return `${what} of ${g.id} for ${titles(rows)} applies${allowed.includes('none') ? ', or none does' : ''}`;
    }
    const known = allowed.filter((x) => x !== UNKNOWN);
    const unknown = allowed.includes(UNKNOWN);
    if (!known.length) return `${v.words} is not given`;
    const excluded = v.values.filter((x) => x !== UNKNOWN && !known.includes(x));
    // A code's value is a code a pattern names, or stands for the codes that match as it does.
    if (v.codes && !excluded.length) return `${v.words} is given`;
    const say = v.codes ? (x: string): string => v.codes!.labels.get(x) ?? x : show;
    if (known.length > 3 && excluded.length < known.length) return `${v.words} is not ${orList(excluded.map(say))}${unknown ? ' (or is not given)' : ''}`;
    return `${v.words} is ${orList(known.map(say))}${unknown ? ', or is not given' : ''}`;
  }

  private elements(kind: string, ids: readonly string[], join: 'or' | 'and'): string {
    if (kind.startsWith('list:')) return ids.map((x) => `"${x}"`).join(join === 'or' ? ' or ' : ', ');
    const byGuideline = new Map<string, string[]>();
    for (const id of ids) {
      const c = this.space.sets.classes.get(id);
      if (!c) continue;
      byGuideline.set(c.placed.g.id, [...(byGuideline.get(c.placed.g.id) ?? []), c.c.title]);
    }
    return [...byGuideline].map(([g, titles]) => `${join === 'or' ? orList(titles) : titles.join(', ')} (${g})`).join(join === 'or' ? ' or ' : '; ');
  }

  /** Atoms: bounds of one variable merged, sums and differences as written; and the variables they name. */
  private atoms(atoms: readonly Atom[]): { phrases: string[]; vars: number[] } {
    const out: string[] = [];
    const vars: number[] = [];
    const bounds = new Map<number, { lo?: [number, boolean]; hi?: [number, boolean] }>();
    for (const k of atoms) {
      if (k.y !== undefined) {
        out.push(this.pair(k));
        vars.push(k.x, k.y);
        continue;
      }
      const b = bounds.get(k.x) ?? {};
      // a·x ≤ c: an upper bound when a = 1, a lower bound -c when a = -1.
      if (k.a === 1) { if (!b.hi || k.c < b.hi[0] || (k.c === b.hi[0] && k.strict)) b.hi = [k.c, k.strict]; }
      else if (!b.lo || -k.c > b.lo[0] || (-k.c === b.lo[0] && k.strict)) b.lo = [-k.c, k.strict];
      bounds.set(k.x, b);
    }
    for (const [x, b] of bounds) {
      const phrase = this.bound(this.space.vars[x] as NumVar, b);
      if (!phrase) continue;
      out.unshift(phrase);
      vars.push(x);
    }
    return { phrases: out, vars };
  }

  private bound(v: NumVar, b: { lo?: [number, boolean]; hi?: [number, boolean] }): string | undefined {
    const val = (n: number): string => (v.date ? isoDate(v.integer && !Number.isInteger(n) ? Math.floor(n) : n) : num(n));
    // Whole numbers: a strict bound is the next whole one; the type's own range goes without saying.
    let lo = b.lo && v.integer && b.lo[1] ? ([Math.floor(b.lo[0]) + 1, false] as [number, boolean]) : b.lo && v.integer ? ([Math.ceil(b.lo[0]), false] as [number, boolean]) : b.lo;
    let hi = b.hi && v.integer && b.hi[1] ? ([Math.ceil(b.hi[0]) - 1, false] as [number, boolean]) : b.hi && v.integer ? ([Math.floor(b.hi[0]), false] as [number, boolean]) : b.hi;
    if (lo && lo[0] <= v.min && !lo[1]) lo = v.min === hi?.[0] ? lo : undefined;
    if (hi && hi[0] >= v.max && !hi[1]) hi = undefined;
    if (!lo && !hi) return undefined;
    if (!lo && hi && !hi[1] && hi[0] === v.min) lo = [v.min, false];
    if (lo && hi && lo[0] === hi[0] && !lo[1] && !hi[1]) return `${v.words} is ${val(lo[0])}`;
    const low = lo && (v.date ? `${lo[1] ? 'after' : 'on or after'} ${val(lo[0])}` : `${lo[1] ? 'more than' : 'at least'} ${val(lo[0])}`);
    const high = hi && (v.date ? `${hi[1] ? 'before' : 'on or before'} ${val(hi[0])}` : `${hi[1] ? 'less than' : 'at most'} ${val(hi[0])}`);
    return `${v.words} is ${[low, high].filter(Boolean).join(' and ')}`;
  }

  private pair(k: Atom): string {
    const x = this.space.vars[k.x] as NumVar;
    const y = this.space.vars[k.y!] as NumVar;
    const rel = k.strict ? 'less than' : 'at most';
    if (x.date && y.date && k.a !== k.b) {
      // A difference of dates: days from one to the other.
      const [later, earlier] = k.a === 1 ? [x, y] : [y, x];
      return `${later.words} is ${rel} ${num(k.c)} days after ${earlier.words}`;
    }
    // -x - y ≤ c is x + y ≥ -c; -x + y ≤ c is y - x ≤ c.
    if (k.a === 1 && k.b === 1) return `${x.words} + ${y.words} is ${rel} ${num(k.c)}`;
    if (k.a === -1 && k.b === -1) return `${x.words} + ${y.words} is ${k.strict ? 'more than' : 'at least'} ${num(-k.c)}`;
    const [plus, minus] = k.a === 1 ? [x, y] : [y, x];
    return `${plus.words} - ${minus.words} is ${rel} ${num(k.c)}`;
  }
}
