// Keys of cells: equal for cells that say the same (finite masks, atoms, sets, month comparisons),
// worked out once per cell and once per shared part, for regions to drop duplicates, compaction to
// find cells that differ in one mask, and the solver to decide the numbers of a cell once.
import type { Cell } from './cell.ts';
import { atomKey } from './linear.ts';

/** A cell's key in parts: the finite variables' masks, then the rest (atoms, sets, months), worked out once. */
interface Parts {
  rest: string;
  key: string;
}
const parts = new WeakMap<Cell, Parts>();

// Cells share their atoms, sets and months (a meet keeps one side's when the other has none): keyed once each.
const atomKeys = new WeakMap<object, string>();
const memoKey = <T extends object>(x: T, f: (x: T) => string): string => {
  let k = atomKeys.get(x);
  if (k === undefined) atomKeys.set(x, (k = f(x)));
  return k;
};

// A variable's mask as text, made once per variable and mask (a few of each).
const finTexts: Map<bigint, string>[] = [];
function finText(i: number, m: bigint): string {
  const byMask = (finTexts[i] ??= new Map());
  let t = byMask.get(m);
  if (t === undefined) byMask.set(m, (t = `${i}:${m.toString(16)},`));
  return t;
}

const atomsKey = (c: Cell): string => memoKey(c.atoms, (as) => as.map(atomKey).sort().join(','));
const monthsKey = (c: Cell): string => memoKey(c.months, (ms) => ms.map((m) => `${m.date}:${m.day}>${m.to}${m.unit}${m.op}${m.c}`).sort().join(','));

/** The key of a cell's atoms and month comparisons: what decides whether its numbers fit together. */
export const numbersKey = (c: Cell): string => (c.months.length ? `${atomsKey(c)}|${monthsKey(c)}` : atomsKey(c));

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
    if (!sorted) vars.sort((a, b) => a - b);
    let key = '';
    for (const i of vars) key += finText(i, fin.get(i)!);
    finParts.set(fin, (p = { vars, key }));
  }
  return p;
}

function partsOf(c: Cell): Parts {
  let p = parts.get(c);
  if (!p) {
    const { key } = finPartsOf(c.fin);
    let rest = '|' + atomsKey(c);
    if (c.sets.size) rest += '|' + memoKey(c.sets, (ss) => [...ss].map(([s, v]) => `${s}-${[...v.forbid].sort().join('+')}/${v.clauses.map((x) => [...x].sort().join('+')).sort().join(';')}`).sort().join(','));
    if (c.months.length) rest += '|' + monthsKey(c);
    p = { rest, key: key + rest };
    parts.set(c, p);
  }
  return p;
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
