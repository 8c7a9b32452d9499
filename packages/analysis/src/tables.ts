// Tables, read as the runtime reads them (tables.ts there), split per row: a recommend block's row,
// chosen by the first diagnosis listed, is a variable the set solver links to the diagnoses; any
// other table's rows are tried in its order (or by a column for `most` / `least`), each row's match
// three-valued, and the column's value is worked out per region: the cell of the row surely chosen,
// the range of the rows that may be, or what the column's type allows when no row surely matches.
import type { CompiledTable, FactType, KeyMatch, Scalar, Value } from '@guideline/language';
import { codeMatcher, compare as compareKnownValues, rowOrder } from '@guideline/runtime';
import { meet as meetCells, TOP, type Region } from './cell.ts';
import { compare, isUnknown, linear, matchCode } from './compare.ts';
import { dayNumber, isDateText, isoDate } from './calendar.ts';
import type { Conditions } from './conditions.ts';
import { constant, NotAnalyzed } from './linear.ts';
import type { Tri3 } from './logic.ts';
import { OTHER, UNKNOWN, type FiniteVar, type RowTable } from './space.ts';
import { finCell, knownValues, NOTHING, unknownOfType, type Alt, type Sym } from './values.ts';

type Tri = boolean | null;

const YES: Tri3 = { t: [TOP], f: [], u: [] };
const NO: Tri3 = { t: [], f: [TOP], u: [] };
const UNSURE: Tri3 = { t: [], f: [], u: [TOP] };

/** What the rows that may be chosen so far give: nothing yet, a cell the table leaves empty, numbers from lo to hi, one value, or different values. */
type Summary = { k: 'none' } | { k: 'null' } | { k: 'nums'; lo: number; hi: number } | { k: 'val'; v: Scalar } | { k: 'mixed' };

function add(s: Summary, cell: Scalar | null): Summary {
  if (cell === null || s.k === 'null') return { k: 'null' };
  if (s.k === 'mixed') return s;
  if (s.k === 'none') return typeof cell === 'number' ? { k: 'nums', lo: cell, hi: cell } : { k: 'val', v: cell };
  if (s.k === 'nums') return typeof cell === 'number' ? { k: 'nums', lo: Math.min(s.lo, cell), hi: Math.max(s.hi, cell) } : { k: 'mixed' };
  return cell === s.v ? s : { k: 'mixed' };
}

const summaryKey = (s: Summary): string => JSON.stringify(s);

/** A cell's value as the analysis writes values (yes and no as texts, as constants are). */
function cellSym(cell: Scalar): Sym {
  if (typeof cell === 'number') return { k: 'num', lin: constant(cell) };
  return { k: 'str', s: typeof cell === 'boolean' ? (cell ? 'yes' : 'no') : cell };
}

const same = (a: unknown, b: Scalar): boolean => (typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b);
const and = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === null || b === null ? null : true);

/** The runtime's match of one known value (a text, a number, yes or no) with a cell's match. */
export function matchKnown(m: KeyMatch, v: string | number | boolean): Tri {
  if ('is' in m) return same(v, m.is);
  if ('from' in m) return and(compareKnownValues('>=', v, m.from), compareKnownValues('<=', v, m.to));
  if ('cmp' in m) return compareKnownValues(m.cmp, v, m.value);
  return typeof v === 'string' && codeMatcher([m.code])(v);
}

const orTri = (xs: readonly Tri[]): Tri => (xs.includes(true) ? true : xs.includes(null) ? null : false);

export class Tables {
  private readonly memo = new WeakMap<CompiledTable, Map<string, Alt[]>>();

  constructor(private readonly conds: Conditions) {}

  /** A column's value, part by part. */
  read(t: CompiledTable, column: string): Alt[] {
    let byColumn = this.memo.get(t);
    if (!byColumn) this.memo.set(t, (byColumn = new Map()));
    let out = byColumn.get(column);
    if (!out) byColumn.set(column, (out = this.readNew(t, column)));
    return out;
  }

  private readNew(t: CompiledTable, column: string): Alt[] {
    const col = t.columns.findIndex((c) => c.id === column);
    const missing = unknownOfType(t.columns[col]!.type, this.conds.scope.space);
    const rows = this.conds.scope.view?.rows.get(t.id);
    if (rows && rows.table === t) return rowAlts(rows, col, missing);
    if (typeof t.choose === 'object' && 'listed' in t.choose) throw new NotAnalyzed(`it chooses a row of table ${t.id} by the first item listed that a row matches, with keys besides the list`);
    return this.split(t, col, missing);
  }

  /** The rows tried in order, each one's match a region; the value in each region the rows give there. */
  private split(t: CompiledTable, col: number, missing: Sym): Alt[] {
    const L = this.conds.logic;
    let states = new Map<string, { s: Summary; r: Region }>([[summaryKey({ k: 'none' }), { s: { k: 'none' }, r: [TOP] }]]);
    const found = new Map<string, { s: Summary; r: Region }>();
    const put = (m: Map<string, { s: Summary; r: Region }>, s: Summary, r: Region): void => {
      if (!r.length) return;
      const key = summaryKey(s);
      const old = m.get(key);
      m.set(key, { s, r: old ? L.union(old.r, r) : r });
    };
    for (const r of rowOrder(t)) {
      const match = this.rowMatch(t, r);
      const cell = t.rows[r]!.cells[col] ?? null;
      const next = new Map<string, { s: Summary; r: Region }>();
      for (const { s, r: region } of states.values()) {
        put(next, s, L.compact(L.meet(region, match.f)));
        put(next, add(s, cell), L.compact(L.meet(region, match.u)));
        put(found, add(s, cell), L.compact(L.meet(region, match.t)));
      }
      states = next;
    }
    const out: Alt[] = [];
    for (const { s, r } of found.values()) for (const guard of L.compact(r)) out.push({ guard, v: valueOf(s, missing) });
    // No row surely matches: the table gives nothing.
    for (const { r } of states.values()) for (const guard of L.compact(r)) out.push({ guard, v: missing });
    return out;
  }

  /** Whether a row matches: every key matches one of its cell's matches (Kleene's and of Kleene's ors). */
  private rowMatch(t: CompiledTable, r: number): Tri3 {
    const parts = t.keys.map((k, i) => this.cellMatch(k.value, t.rows[r]!.when[i] ?? []));
    return parts.length ? this.conds.logic.and(parts) : YES;
  }

  private cellMatch(key: Value, ms: readonly KeyMatch[]): Tri3 {
    if (!ms.length) return YES;
    const kind = 'fact' in key ? this.conds.setKind(key.fact) : undefined;
    if (kind) {
      // A list key: the cell matches when the list holds a value that matches (an unknown list, unknown).
      if (kind.startsWith('list:') && this.conds.scope.space.sets.hasOther(kind) && ms.some((m) => !('is' in m))) throw new NotAnalyzed('it matches the texts of a list against a range or a code pattern');
      const elements = this.conds.elements(kind, (e) => ms.some((m) => matchKnown(m, e) === true));
      return this.conds.holds(kind, (key as { fact: string }).fact, elements);
    }
    return this.conds.logic.guarded(this.conds.scope.expand(key).map((x) => ({ guard: x.guard, v: matchSym(ms, x.v) })));
  }
}

/** The value the rows give: the one cell, the range of numbers, or unknown (by the column's type when a cell is empty). */
function valueOf(s: Summary, missing: Sym): Sym {
  switch (s.k) {
    case 'null': case 'none': return missing;
    case 'nums': return s.lo === s.hi ? { k: 'num', lin: constant(s.lo) } : { k: 'unk', numeric: true, lo: { lin: constant(s.lo), date: false }, hi: { lin: constant(s.hi), date: false } };
    case 'val': return cellSym(s.v);
    case 'mixed': return NOTHING;
  }
}

/** A recommend block's table: the row the row variable says (and what the type allows when none does). */
function rowAlts(rt: RowTable, col: number, missing: Sym): Alt[] {
  const out: Alt[] = rt.table.rows.map((row, i) => {
    const cell = row.cells[col] ?? null;
    return { guard: finCell(rt.v, [`r${i}`]), v: cell === null ? missing : cellSym(cell) };
  });
  out.push({ guard: finCell(rt.v, ['none']), v: missing });
  return out;
}

/** A key's value (in one part of the space) against a cell's matches: Kleene's or of each match. */
function matchSym(ms: readonly KeyMatch[], x: Sym): Tri3 {
  if (isUnknown(x)) return or(ms.map((m) => matchUnknown(m, x)));
  switch (x.k) {
    case 'num': return or(ms.map((m) => ('is' in m ? (typeof m.is === 'number' ? linear('=', x.lin, constant(m.is)) : NO) : 'code' in m ? NO : viaCompare(m, x))));
    case 'date': return or(ms.map((m) => {
      // The date's text is the same text, or it is ordered by its day number.
      if ('is' in m) return typeof m.is === 'string' && isDateText(m.is) && isoDate(dayNumber(m.is)) === m.is ? linear('=', x.lin, constant(dayNumber(m.is))) : NO;
      if ('code' in m) throw new NotAnalyzed('it matches a date against a code pattern');
      return viaCompare(m, x);
    }));
    case 'str': return triOf(orTri(ms.map((m) => matchKnown(m, x.s))));
    case 'fin': return finiteMatch(ms, x.v);
    case 'months': throw new NotAnalyzed('it looks a time in months up in a table');
  }
}

function matchUnknown(m: KeyMatch, x: Sym): Tri3 {
  if ('is' in m) return typeof m.is === 'number' ? compare('=', x, { k: 'num', lin: constant(m.is) }) : UNSURE;
  if ('code' in m) return UNSURE;
  return viaCompare(m, x);
}

/** A range or a comparison with a number, as the runtime's `compare`. */
function viaCompare(m: Extract<KeyMatch, { from: number } | { cmp: string }>, x: Sym): Tri3 {
  const n = (v: number): Sym => ({ k: 'num', lin: constant(v) });
  if ('from' in m) return and3([compare('>=', x, n(m.from)), compare('<=', x, n(m.to))]);
  return compare(m.cmp, x, n(m.value));
}

/** A finite variable against the matches, value by value (its runtime value: yes and no are true and false). */
function finiteMatch(ms: readonly KeyMatch[], v: FiniteVar): Tri3 {
  if (v.codes) {
    // A code fact's values tell codes apart by the patterns alone: a cell of a code key holds patterns.
    const patterns = ms.map((m) => ('code' in m ? m.code : undefined));
    if (patterns.some((p) => p === undefined)) throw new NotAnalyzed('it matches a code against a cell that is not a code pattern');
    return matchCode({ k: 'fin', v }, patterns as string[], codeMatcher(patterns as string[]));
  }
  const yesNo = v.values.every((x) => x === 'yes' || x === 'no' || x === UNKNOWN);
  const groups: Record<'t' | 'f' | 'u', string[]> = { t: [], f: [], u: [] };
  for (const value of knownValues(v)) {
    let r: Tri;
    if (value === OTHER) {
      // Any other text matches no text a cell names (those are the variable's values); ranges and codes it might.
      if (ms.some((m) => !('is' in m))) throw new NotAnalyzed('it matches a text against a range or a code pattern');
      r = false;
    } else r = orTri(ms.map((m) => matchKnown(m, yesNo ? value === 'yes' : value)));
    groups[r === true ? 't' : r === false ? 'f' : 'u'].push(value);
  }
  const region = (vs: string[]): Region => (vs.length ? [finCell(v, vs)] : []);
  return { t: region(groups.t), f: region(groups.f), u: region(groups.u) };
}

const triOf = (r: Tri): Tri3 => (r === true ? YES : r === false ? NO : UNSURE);

function or(xs: readonly Tri3[]): Tri3 {
  return and3(xs.map((x) => ({ t: x.f, f: x.t, u: x.u })), true);
}

/** Kleene's and (or, negated, when `negated`) of regions that are each TOP or cells: the cross of their parts. */
function and3(xs: readonly Tri3[], negated = false): Tri3 {
  let t: Region = [TOP];
  let u: Region = [];
  const f: Region = [];
  const cross = (a: Region, b: Region): Region => a.flatMap((p) => b.map((q) => meetCells(p, q)));
  for (const x of xs) {
    f.push(...cross(t, x.f), ...cross(u, x.f));
    u = [...cross(t, x.u), ...cross(u, [...x.t, ...x.u])];
    t = cross(t, x.t);
  }
  return negated ? { t: f, f: t, u } : { t, f, u };
}

