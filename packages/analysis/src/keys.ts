// Keys of cells: equal for cells that say the same (finite masks, atoms, sets, month comparisons),
// worked out once per cell and once per shared part, for regions to drop duplicates, compaction to
// find cells that differ in one mask, and the solver to decide the numbers of a cell once.
import type { Cell } from './cell.ts';
import { atomKey } from './linear.ts';
import type { Mask } from './masks.ts';
import { constraintKey } from './sets.ts';
import { sortSmall } from './small-sort.ts';

/**
 * What is worked out once per cell, kept on the cell (no weak map to look it up in, or for the
 * collector to trace): valid only while `of` is the cell itself, so a cell spread into a new one
 * carries nothing over.
 */
export interface CellMemo {
  of: Cell;
  /** The key of the atoms, sets and months; and the whole key (the finite masks' part first). */
  rest: string | undefined;
  key: string | undefined;
  /** The solver that decided whether the cell holds cases, and its answer. */
  solver: object | undefined;
  feasible: boolean;
}

export function memoOf(c: Cell): CellMemo {
  let m = c.memo;
  if (m === undefined || m.of !== c) c.memo = m = { of: c, rest: undefined, key: undefined, solver: undefined, feasible: false };
  return m;
}

// Cells share their atoms, sets and months (a meet keeps one side's when the other has none): keyed once each.
const atomKeys = new WeakMap<object, string>();
const memoKey = <T extends object>(x: T, f: (x: T) => string): string => {
  let k = atomKeys.get(x);
  if (k === undefined) atomKeys.set(x, (k = f(x)));
  return k;
};

// A variable's mask as text, made once per variable and mask (a few of each).
const finTexts: Map<Mask, string>[] = [];
export function finText(i: number, m: Mask): string {
  const byMask = (finTexts[i] ??= new Map());
  let t = byMask.get(m);
  if (t === undefined) byMask.set(m, (t = `${i}:${m.toString(16)},`));
  return t;
}

const atomsKey = (c: Cell): string => memoKey(c.atoms, (as) => sortSmall(as.map(atomKey)).join(','));
const monthsKey = (c: Cell): string => memoKey(c.months, (ms) => sortSmall(ms.map((m) => `${m.date}:${m.day}>${m.to}${m.unit}${m.op}${m.c}`)).join(','));

/** The key of a cell's atoms and month comparisons: what decides whether its numbers fit together. */
export const numbersKey = (c: Cell): string => (c.months.length ? `${atomsKey(c)}|${monthsKey(c)}` : atomsKey(c));

/** The key of a cell's set constraints: equal for the same constraints, whatever their order. */
export const setsKey = (c: Cell): string => memoKey(c.sets, (ss) => sortSmall([...ss].map(([s, v]) => `${s}-${constraintKey(v)}`)).join(','));

/** The finite masks' part of a key, in order of variable, once per map of masks (meets keep one side's map when the other adds nothing). */
interface FinParts {
  /** The variables, in order. */
  vars: number[];
  key: string;
}
const finParts = new WeakMap<Cell['fin'], FinParts>();

function finPartsOf(fin: Cell['fin']): FinParts {
  let p = finParts.get(fin);
  if (!p) {
    const vars: number[] = [];
    let sorted = true;
    for (const i of fin.keys()) {
      if (vars.length && i < vars[vars.length - 1]!) sorted = false;
      vars.push(i);
    }
    if (!sorted) sortSmall(vars);
    let key = '';
    for (const i of vars) key += finText(i, fin.get(i)!);
    finParts.set(fin, (p = { vars, key }));
  }
  return p;
}

function partsOf(c: Cell): CellMemo & { rest: string; key: string } {
  const p = memoOf(c);
  if (p.key === undefined) {
    let rest = '|' + atomsKey(c);
    if (c.sets.size) rest += '|' + setsKey(c);
    if (c.months.length) rest += '|' + monthsKey(c);
    p.rest = rest;
    p.key = finPartsOf(c.fin).key + rest;
  }
  return p as CellMemo & { rest: string; key: string };
}

/** A key that is equal for equal cells (finite masks, atoms, sets and month comparisons). */
export const cellKey = (c: Cell): string => partsOf(c).key;

/** The key of a cell's finite masks alone, leaving out variable `skip`. */
export function finKey(c: Cell, skip: number): string {
  let k = '';
  for (const i of finPartsOf(c.fin).vars) if (i !== skip) k += finText(i, c.fin.get(i)!);
  return k;
}

/** The key of a cell's atoms, sets and months: cells that differ only in finite masks share it. */
export const restKey = (c: Cell): string => partsOf(c).rest;
