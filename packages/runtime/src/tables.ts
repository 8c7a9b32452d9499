// Tables, read: a `{ lookup, column }` value is the column's cell of the row the keys choose, three-
// valued. A row whose match an unknown key leaves open may be the one; the value is then known only
// if every row that may be chosen gives the same, bounded by their least and most when they are
// numbers and some row surely matches, and unknown (within the column's type) when none might.
import type { CompiledTable, FactDef, KeyMatch, Scalar } from '@guideline/language/rules';
import { codeTest } from './codes.ts';
import type { Calc, Plan, Run } from './plan.ts';
import { compare, unknownOf, Unknown, UNKNOWN, type Tri, type Val } from './values.ts';

/** A table's keys as values over a run, and the order its rows are tried in, worked out once per plan. */
interface TablePlan {
  table: CompiledTable;
  keys: Calc[];
  /** Rows in the order the choice tries them (by a column for most and least; the table's otherwise). */
  order: number[];
  /** The key whose items, in the case's order, choose (`listed`). */
  listed: number | undefined;
  /** Whether that key is a class fact, whose items are the diagnoses (or the surgery). */
  listedClasses: 'diagnosis' | 'procedure' | undefined;
}

const same = (a: unknown, b: Scalar): boolean => (typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b);

const and = (a: Tri, b: Tri): Tri => (a === false || b === false ? false : a === null || b === null ? null : true);

/** Whether a value matches one of a cell's matches. */
function matchOne(m: KeyMatch, v: Val): Tri {
  if (Array.isArray(v)) {
    // A list key (the classes of the diagnoses): the cell matches when the list holds its value.
    return v.some((x) => matchOne(m, x as Val) === true);
  }
  if ('is' in m) return v instanceof Unknown ? (typeof m.is === 'number' ? compare('=', v, m.is) : null) : same(v, m.is);
  if ('from' in m) return and(compare('>=', v, m.from), compare('<=', v, m.to));
  if ('cmp' in m) return compare(m.cmp, v, m.value);
  return v instanceof Unknown ? null : typeof v === 'string' && codeTest(m.code)(v);
}

/** Whether a value matches a key cell (no matches: any value does, an unknown one too). */
function matchCell(ms: readonly KeyMatch[], v: Val): Tri {
  if (!ms.length) return true;
  let out: Tri = false;
  for (const m of ms) {
    const t = matchOne(m, v);
    if (t === true) return true;
    if (t === null) out = null;
  }
  return out;
}

function rowMatch(t: CompiledTable, r: number, keys: readonly Val[], skip = -1): Tri {
  let out: Tri = true;
  const when = t.rows[r]!.when;
  for (let i = 0; i < keys.length; i++) {
    if (i === skip) continue;
    const m = matchCell(when[i] ?? [], keys[i]!);
    if (m === false) return false;
    if (m === null) out = null;
  }
  return out;
}

/** The keys whose unknown value leaves the row open: those a row the other keys do not exclude tests. */
export function openKeys(t: CompiledTable, keys: readonly Val[]): number[] {
  const out: number[] = [];
  keys.forEach((v, i) => {
    if (v instanceof Unknown && t.rows.some((row, r) => (row.when[i]?.length ?? 0) > 0 && rowMatch(t, r, keys, i) !== false)) out.push(i);
  });
  return out;
}

/** The order a table's rows are tried in: by a column for most and least (ties, and rows without the number last, in the table's order), else the table's. */
export function rowOrder(t: CompiledTable): number[] {
  const order = t.rows.map((_, i) => i);
  const by = typeof t.choose === 'object' && 'most' in t.choose ? { col: t.choose.most, sign: -1 } : typeof t.choose === 'object' && 'least' in t.choose ? { col: t.choose.least, sign: 1 } : undefined;
  if (by) {
    const c = t.columns.findIndex((x) => x.id === by.col);
    const key = (r: number): number => {
      const v = t.rows[r]!.cells[c];
      return typeof v === 'number' ? by.sign * v : Infinity; // a row without the number comes last
    };
    order.sort((a, b) => key(a) - key(b) || a - b);
  }
  return order;
}

function planOf(plan: Plan, t: CompiledTable): TablePlan {
  const order = rowOrder(t);
  const listed = typeof t.choose === 'object' && 'listed' in t.choose ? t.choose.listed : undefined;
  const keyValue = listed === undefined ? undefined : t.keys[listed]?.value;
  const def = keyValue && 'fact' in keyValue ? plan.def(keyValue.fact) : undefined;
  return {
    table: t,
    keys: t.keys.map((k) => plan.value(k.value)),
    order,
    listed,
    listedClasses: def?.type.kind === 'class' ? def.type.of : undefined,
  };
}

/** The rows that may be chosen, in order: those whose match is unknown, up to the first that surely matches. */
function candidates(run: Run, tp: TablePlan, keys: readonly Val[]): { rows: number[]; sure: boolean } {
  const t = tp.table;
  const rows: number[] = [];
  const take = (r: number, m: Tri): boolean => {
    if (m === false) return false;
    rows.push(r);
    return m === true;
  };
  const L = tp.listed;
  const listedValue = L === undefined ? undefined : keys[L];
  if (L !== undefined && Array.isArray(listedValue)) {
    // Item by item, in the case's order: the rows each item matches, in the table's order.
    const items: readonly (readonly unknown[])[] = (tp.listedClasses && run.view.classesByItem(tp.listedClasses)) || listedValue.map((x) => [x]);
    for (const item of items) {
      for (const r of tp.order) {
        if (matchCell(t.rows[r]!.when[L] ?? [], item as Val) !== true) continue;
        if (take(r, rowMatch(t, r, keys, L))) return { rows, sure: true };
      }
    }
    return { rows, sure: false };
  }
  return inOrder(t, tp.order, keys);
}

/** The rows that may be chosen, trying them in `order`: up to the first that surely matches. */
function inOrder(t: CompiledTable, order: readonly number[], keys: readonly Val[]): { rows: number[]; sure: boolean } {
  const rows: number[] = [];
  for (const r of order) {
    const m = rowMatch(t, r, keys);
    if (m === false) continue;
    rows.push(r);
    if (m === true) return { rows, sure: true };
  }
  return { rows, sure: false };
}

/**
 * A column's cell for these key values, outside a run: the chosen row's, or undefined when no row
 * surely matches or the rows that may be chosen differ. For a table not chosen by a list's order.
 */
export function cellOf(t: CompiledTable, keys: readonly Val[], column: string): Scalar | undefined {
  const col = t.columns.findIndex((c) => c.id === column);
  if (col < 0) return undefined;
  const { rows, sure } = inOrder(t, rowOrder(t), keys);
  const cells = rows.map((r) => t.rows[r]!.cells[col] ?? null);
  return sure && cells.every((c) => c !== null && c === cells[0]) ? (cells[0] as Scalar) : undefined;
}

/** The value of a column for a run: the chosen row's cell, or what the rows that may be chosen allow. */
function read(run: Run, tp: TablePlan, col: number, def: FactDef): Val {
  const keys = tp.keys.map((k) => k(run));
  const { rows, sure } = candidates(run, tp, keys);
  // No row, or maybe none: the table gives nothing, and what the column's type allows is all that is known.
  if (!sure) return unknownOf(def, run.c.asOf);
  const cells = rows.map((r) => tp.table.rows[r]!.cells[col] ?? null);
  if (cells.some((c) => c === null)) return unknownOf(def, run.c.asOf);
  if (cells.every((c) => c === cells[0])) return cells[0] as Val;
  if (cells.every((c) => typeof c === 'number')) {
    const nums = cells as number[];
    const lo = Math.min(...nums);
    const hi = Math.max(...nums);
    const unit = def.type.kind === 'number' && def.type.unit ? ` ${def.type.unit}` : '';
    return new Unknown(lo, hi, `${def.words} is ${lo} to ${hi}${unit}, whichever row of table ${tp.table.id} applies`);
  }
  return UNKNOWN;
}

/** A column of a table as a value over a run. */
export function lookupCalc(plan: Plan, t: CompiledTable, column: string): Calc {
  const col = t.columns.findIndex((c) => c.id === column);
  if (col < 0) return () => UNKNOWN;
  const c = t.columns[col]!;
  const def: FactDef = { id: `${t.id}.${c.id}`, words: c.words, type: c.type, inputs: [] };
  let tp: TablePlan | undefined;
  // The keys are compiled on first use: a table only the runtime reads costs nothing until then.
  return (run) => read(run, (tp ??= planOf(plan, t)), col, def);
}
