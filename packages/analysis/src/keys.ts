// Keys of cells: equal for cells that say the same (finite masks, atoms, sets, month comparisons),
// worked out once per cell and once per shared part, for regions to drop duplicates and the solver
// to decide a cell once however often a meet builds it again.
import type { Cell } from './cell.ts';
import { atomKey } from './linear.ts';

/** A cell's key in parts: each finite variable's mask, then the rest (atoms, sets, months), worked out once. */
interface Parts {
  fins: [number, string][];
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

function partsOf(c: Cell): Parts {
  let p = parts.get(c);
  if (!p) {
    const fins = [...c.fin].sort((a, b) => a[0] - b[0]).map(([i, m]): [number, string] => [i, finText(i, m)]);
    let rest = '|' + memoKey(c.atoms, (as) => as.map(atomKey).sort().join(','));
    if (c.sets.size) rest += '|' + memoKey(c.sets, (ss) => [...ss].map(([s, v]) => `${s}-${[...v.forbid].sort().join('+')}/${v.clauses.map((x) => [...x].sort().join('+')).sort().join(';')}`).sort().join(','));
    if (c.months.length) rest += '|' + memoKey(c.months, (ms) => ms.map((m) => `${m.date}:${m.day}>${m.to}${m.unit}${m.op}${m.c}`).sort().join(','));
    let key = '';
    for (const f of fins) key += f[1];
    p = { fins, rest, key: key + rest };
    parts.set(c, p);
  }
  return p;
}

/** A key that is equal for equal cells (finite masks, atoms, sets and month comparisons), leaving out variable `skip`. */
export function cellKey(c: Cell, skip = -1): string {
  const p = partsOf(c);
  if (skip < 0) return p.key;
  let k = '';
  for (const [i, s] of p.fins) if (i !== skip) k += s;
  return k + p.rest;
}

/** The key of a cell's atoms, sets and months: cells that differ only in finite masks share it. */
export const restKey = (c: Cell): string => partsOf(c).rest;
