// Class membership as sets. A diagnosis (or surgery) matches the classes of every guideline whose
// terms or codes it carries; what one term or one code matches is an atom, and any diagnosis is a
// union of atoms (sets of the classes of all guidelines at once, so guidelines that share a term
// stay linked). A case's diagnoses are a list, so any union of atoms is a case; the recommendation
// a guideline picks is its first row that the first diagnosis with any of its rows matches.
import type { CompiledClass } from '@guideline/language';
import { matchesClass } from '@guideline/runtime';
import type { Placed, RowTable } from './space.ts';
import { sortSmall } from './small-sort.ts';

/** What one term, one code or one literal matches: the elements (`<guideline key>:<class>`, or a literal). */
export interface Atom {
  set: ReadonlySet<string>;
  text?: string;
  code?: string;
}

/** Constraints on one set: no element of `forbid`; some element of each clause. */
export interface SetConstraint {
  forbid: readonly string[];
  clauses: readonly (readonly string[])[];
}

/** A row variable's allowed values, for a table whose rows come from this set. */
export interface RowTarget {
  row: RowTable;
  allowed: readonly string[];
}

interface Kind {
  atoms: Atom[];
  /** Single: one item (a surgery); otherwise a list (diagnoses, a list of texts). */
  single: boolean;
}

/** The same format the case contract checks a code against (packages/runtime/src/fields.ts). */
const codeFormat = /^(?:[A-Za-z][0-9][0-9A-Za-z](?:\.?[0-9A-Za-z]{0,4})?|[0-9]{5}|[A-Za-z][0-9]{4})$/;
const norm = (s: string): string => s.toUpperCase().replace(/\./g, '');
const tokens = (s: string): string[] => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

export class SetUniverse {
  private readonly kinds = new Map<string, Kind>();
  /** Each class by element id, with the guideline it belongs to. */
  readonly classes = new Map<string, { placed: Placed; c: CompiledClass }>();

  constructor(
    guidelines: readonly Placed[],
    private readonly literals: ReadonlyMap<string, readonly string[]>,
    /** The elements of a list of one of a few values (or of records), by fact id; undefined for a list of texts. */
    private readonly enumValues: (fact: string) => readonly string[] | undefined,
  ) {
    for (const of of ['diagnosis', 'procedure'] as const) {
      const classes = guidelines.flatMap((p) => p.g.classes.filter((c) => c.of === of).map((c) => ({ id: `${p.key}:${c.id}`, c, placed: p })));
      for (const x of classes) this.classes.set(x.id, x);
      this.kinds.set(of, { atoms: classAtoms(classes), single: of === 'procedure' });
    }
  }

  private kind(kind: string): Kind {
    let k = this.kinds.get(kind);
    if (!k) {
      // A list of one of a few values: each value an atom. A list of texts: each literal a condition
      // names is an atom of its own, and so is any other text (one that equals none, in any case).
      const values = this.enumValues(kind.slice(5));
      let atoms: string[];
      if (values) atoms = [...values];
      else {
        const lits = [...(this.literals.get(kind.slice(5)) ?? [])];
        let other = 'other';
        while (lits.some((l) => l.toLowerCase() === other)) other += '-text';
        atoms = [...lits, other];
        this.others.add(kind);
      }
      k = { atoms: atoms.map((s) => ({ set: new Set([s]), text: s })), single: false };
      this.kinds.set(kind, k);
    }
    return k;
  }

  private readonly others = new Set<string>();

  /** Whether a list's elements include "any other text". */
  hasOther(kind: string): boolean {
    this.kind(kind);
    return this.others.has(kind);
  }

  /** Every element of a list's set (its values; or its literals and the other-text element). */
  listElements(kind: string): string[] {
    return this.kind(kind).atoms.map((a) => a.text!);
  }

  /** A text no class of the kind matches (a diagnosis or surgery that falls in none). */
  unmatched(kind: 'diagnosis' | 'procedure'): string {
    const all = [...this.classes.values()].filter((x) => x.c.of === kind).map((x) => x.c);
    for (const t of ['unlisted condition', 'zzzz', 'q q q']) if (!all.some((c) => matchesClass(c, t, undefined))) return t;
    return 'zzzz';
  }

  /**
   * Items that meet the constraints and pick the targeted rows, or undefined when none do. For a
   * list, the items in order; for a single item, the atoms its one text joins.
   */
  solve(kind: string, con: SetConstraint, rows: readonly RowTarget[]): Atom[] | undefined {
    // Cells share their set constraints more often than not: each answer is kept.
    const rowKeys = rows.map((r) => `${r.row.v.index}=${r.allowed.join('+')}`);
    const key = `${kind}|${constraintKey(con)}|${rowKeys.length > 1 ? sortSmall(rowKeys).join(';') : (rowKeys[0] ?? '')}`;
    if (this.answers.has(key)) return this.answers.get(key);
    if (this.answers.size > 50_000) this.answers.clear();
    const out = this.solveNew(kind, con, rows);
    this.answers.set(key, out);
    return out;
  }

  private readonly answers = new Map<string, Atom[] | undefined>();

  private solveNew(kind: string, con: SetConstraint, rows: readonly RowTarget[]): Atom[] | undefined {
    const k = this.kind(kind);
    const forbid = new Set(con.forbid);
    const clauses = [...con.clauses];
    const specific: { row: RowTable; options: (number | 'none')[] }[] = [];
    for (const t of rows) {
      const all = t.row.classes.every((_, i) => t.allowed.includes(`r${i}`));
      const none = t.allowed.includes('none');
      if (all && none) continue;
      if (all) clauses.push(t.row.classes.flat());
      else if (t.allowed.length === 1 && none) for (const c of t.row.classes.flat()) forbid.add(c);
      else specific.push({ row: t.row, options: t.allowed.map((a) => (a === 'none' ? 'none' : Number(a.slice(1)))) });
    }
    let tried = 0;
    const choose = (i: number, picked: Pick[], banned: Set<string>): Atom[] | undefined => {
      if (i === specific.length) return ++tried > 2000 ? undefined : this.realize(k, banned, clauses, picked);
      for (const o of specific[i]!.options) {
        const out = o === 'none'
          ? choose(i + 1, picked, new Set([...banned, ...specific[i]!.row.classes.flat()]))
          : choose(i + 1, [...picked, { row: specific[i]!.row, at: o }], banned);
        if (out) return out;
      }
      return undefined;
    };
    return choose(0, [], forbid);
  }

  private realize(k: Kind, forbid: ReadonlySet<string>, clauses: readonly (readonly string[])[], picked: readonly Pick[]): Atom[] | undefined {
    const allowed = k.atoms.filter((a) => !hits(a.set, forbid));
    if (k.single) {
      // One item: every atom that keeps each picked row first; then each pick and clause needs one of them.
      const earlier = new Set(picked.flatMap((p) => p.row.classes.slice(0, p.at).flat()));
      const usable = allowed.filter((a) => !hits(a.set, earlier));
      const out: Atom[] = [];
      for (const need of [...picked.map((p) => p.row.classes[p.at]!), ...clauses]) {
        if (out.some((a) => hitsAny(a.set, need))) continue;
        const a = usable.find((x) => hitsAny(x.set, need));
        if (!a) return undefined;
        out.push(a);
      }
      return out;
    }
    const prefix = firstItems(allowed, picked);
    if (!prefix) return undefined;
    const out = [...prefix];
    for (const need of clauses) {
      if (out.some((a) => hitsAny(a.set, need))) continue;
      const a = allowed.find((x) => hitsAny(x.set, need));
      if (!a) return undefined;
      out.push(a);
    }
    return out;
  }
}

/** The key of a set constraint, equal for the same elements and clauses in any order: made once per constraint (cells share them; keys.ts keys a cell's sets by it). */
const constraintKeys = new WeakMap<SetConstraint, string>();
export function constraintKey(con: SetConstraint): string {
  let key = constraintKeys.get(con);
  if (key === undefined) constraintKeys.set(con, (key = `${sortSmall([...con.forbid]).join('+')}/${sortSmall(con.clauses.map((c) => sortSmall([...c]).join('+'))).join(';')}`));
  return key;
}

/** A table's row an item must pick. */
interface Pick {
  row: RowTable;
  at: number;
}

/** The row of a table an item picks: its first row (table order) with a class the item matches; -1 for none. */
export function rowPicked(row: RowTable, set: ReadonlySet<string>): number {
  return row.classes.findIndex((cs) => cs.some((c) => set.has(c)));
}

const hits = (set: ReadonlySet<string>, xs: ReadonlySet<string>): boolean => {
  for (const x of set) if (xs.has(x)) return true;
  return false;
};
const hitsAny = (set: ReadonlySet<string>, xs: readonly string[]): boolean => xs.some((x) => set.has(x));

/**
 * Items to put first in a list so that each picked table's first item with one of its rows
 * picks the wanted row: a search over orders of atoms (picks are few: one per table in a region).
 */
function firstItems(atoms: readonly Atom[], picked: readonly Pick[]): Atom[] | undefined {
  if (!picked.length) return [];
  const [p, ...rest] = picked;
  const candidates = atoms.filter((a) => rowPicked(p!.row, a.set) === p!.at);
  for (const a of candidates) {
    // The item also decides every other table whose rows it matches: it must pick theirs.
    if (!rest.every((q) => rowPicked(q.row, a.set) === -1 || rowPicked(q.row, a.set) === q.at)) continue;
    const after = firstItems(atoms, rest.filter((q) => rowPicked(q.row, a.set) === -1));
    if (after) return [a, ...after];
  }
  return undefined;
}

/** The atoms of the classes of one kind: what each term matches, and what each distinct code does. */
function classAtoms(classes: readonly { id: string; c: CompiledClass }[]): Atom[] {
  const byToken = new Map<string, { id: string; c: CompiledClass }[]>();
  for (const x of classes) {
    for (const t of x.c.terms) {
      const first = tokens(t)[0];
      if (first === undefined) continue;
      const list = byToken.get(first) ?? [];
      list.push(x);
      byToken.set(first, list);
    }
  }
  const atoms: Atom[] = [];
  const seen = new Set<string>();
  const push = (a: Atom): void => {
    if (!a.set.size) return;
    const key = [...a.set].sort().join('|');
    if (seen.has(key)) return;
    seen.add(key);
    atoms.push(a);
  };
  for (const term of new Set(classes.flatMap((x) => x.c.terms.map((t) => t.toLowerCase())))) {
    const candidates = new Set(tokens(term).flatMap((w) => [...(byToken.get(w) ?? []), ...(w.endsWith('s') ? (byToken.get(w.slice(0, -1)) ?? []) : [])]));
    push({ set: new Set([...candidates].filter((x) => matchesClass(x.c, term, undefined)).map((x) => x.id)), text: term });
  }
  // A code can match only the classes with a pattern that is a prefix of it, or it exactly.
  const byPattern = new Map<string, { id: string; c: CompiledClass }[]>();
  for (const x of classes) {
    for (const p of x.c.codes) {
      const key = norm(p.endsWith('*') ? p.slice(0, -1) : p);
      byPattern.set(key, [...(byPattern.get(key) ?? []), x]);
    }
  }
  for (const code of candidateCodes(classes.flatMap((x) => x.c.codes))) {
    const k = norm(code);
    const candidates = new Set<{ id: string; c: CompiledClass }>();
    for (let i = 0; i <= k.length; i++) for (const x of byPattern.get(k.slice(0, i)) ?? []) candidates.add(x);
    push({ set: new Set([...candidates].filter((x) => matchesClass(x.c, undefined, code)).map((x) => x.id)), code });
  }
  return atoms;
}

/**
 * Codes that between them match every combination of the patterns any code can: for each prefix
 * of a pattern, the prefix itself and the prefix followed by a character no pattern continues with,
 * each completed to a valid code.
 */
export function candidateCodes(patterns: readonly string[]): string[] {
  const nodes = new Set<string>(['']);
  for (const p of patterns) {
    const s = norm(p.endsWith('*') ? p.slice(0, -1) : p);
    for (let i = 1; i <= s.length; i++) nodes.add(s.slice(0, i));
  }
  const out = new Set<string>();
  const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const u of nodes) {
    const exact = complete(u, '');
    if (exact !== undefined && norm(exact) === u) out.add(exact);
    // Any character no pattern continues with gives the same classes: one valid code is enough.
    for (const c of chars) {
      if (nodes.has(u + c)) continue;
      const code = complete(u + c, '0');
      if (code === undefined) continue;
      out.add(code);
      break;
    }
  }
  return [...out];
}

/** `s` completed to a valid code by appending `fill` characters (ICD-10 gets its dot), or undefined. */
function complete(s: string, fill: string): string | undefined {
  for (const form of [3, 4, 5, 6, 7]) {
    if (form < s.length || (!fill && form !== s.length)) continue;
    const raw = s + fill.repeat(form - s.length);
    const icd = raw.length > 3 ? `${raw.slice(0, 3)}.${raw.slice(3)}` : raw;
    for (const c of [icd, raw]) if (codeFormat.test(c)) return c;
  }
  return undefined;
}
