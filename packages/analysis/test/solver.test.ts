// The analysis's shortcuts against the plain method, on the regions of small random programs: a meet
// that keeps a cell (or a part of it) when the other adds nothing builds the same cell as the meet in
// full (of two bounds of one form, the tighter kept), cells it tells apart by their bounds alone hold
// no case together, feasibility decided part by part, with what the solver remembers across cells,
// agrees with solving each cell afresh, and the evidence order walked with where it is undecided left
// until asked gives the regions of the walk that works everything out at each guideline.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compileProgram, type CompiledPolicy } from '../../language/src/index.ts';
import { atomsClash, meet, Solver, TOP, type Cell, type Region } from '../src/cell.ts';
import { atomKey, NotAnalyzed, type Atom } from '../src/linear.ts';
import { andMask } from '../src/masks.ts';
import type { Tri3 } from '../src/logic.ts';
import { Model } from '../src/model.ts';
import { finCell } from '../src/values.ts';
import { programOf, programText } from './support/program-arbitrary.ts';
import { runs, scale, seed } from '../../../test/support/fuzz.ts';

/** The conjunction of two cells built in full: every part new, nothing kept. */
function plainMeet(a: Cell, b: Cell): Cell {
  if (a === TOP) return b;
  if (b === TOP) return a;
  const fin = new Map(a.fin);
  for (const [k, v] of b.fin) fin.set(k, andMask(fin.get(k) ?? v, v));
  // Of two atoms of one form (the same variables and signs), the tighter, in the first one's place.
  const form = (k: Atom): string => `${k.a}${k.x}${k.y === undefined ? '' : `${k.b}${k.y}`}`;
  const atoms = [...a.atoms];
  for (const k of b.atoms) {
    const i = atoms.findIndex((x) => form(x) === form(k));
    if (i < 0) atoms.push(k);
    else if (k.c < atoms[i]!.c || (k.c === atoms[i]!.c && k.strict && !atoms[i]!.strict)) atoms[i] = k;
  }
  const sets = new Map(a.sets);
  for (const [k, v] of b.sets) {
    const x = sets.get(k);
    sets.set(k, x ? { forbid: [...new Set([...x.forbid, ...v.forbid])], clauses: [...x.clauses, ...v.clauses] } : v);
  }
  return { fin, atoms, sets, months: [...a.months, ...b.months] };
}

/** The evidence order of a policy walked for one group of treatments, everything worked out at each guideline. */
function plainWalk(model: Model, policy: CompiledPolicy, treatments: string[]): { governs: Region[]; none: Region; undecided: Region } {
  const L = model.logic;
  const tv = model.space.finiteVar('request.treatment')!;
  let rest: Region = [meet(model.context(policy), finCell(tv, treatments))];
  let undecided: Region = [];
  const governs: Region[] = [];
  for (const { placed } of model.order(0, policy)) {
    if (!model.treatments(placed).includes(treatments[0]!)) continue;
    const a = model.applies(placed) as Tri3;
    governs.push(L.compact(L.meet(rest, a.t)));
    undecided = L.union(undecided, L.meet(rest, a.u));
    rest = L.compact(L.meet(rest, a.f));
  }
  return { governs, none: rest, undecided: L.compact(undecided) };
}

/** What a cell says, in its order (a description and a witness read the masks in order). */
const content = (c: Cell): unknown => ({ fin: [...c.fin], atoms: c.atoms.map(atomKey), sets: [...c.sets], months: c.months });

/** The cells of a program's regions: where each guideline applies or not, each criterion's statuses, where each governs. */
function cellsOf(model: Model): Cell[] {
  const regions: Region[] = [];
  for (const p of model.space.guidelines) {
    const a = model.applies(p);
    if (a instanceof NotAnalyzed) continue;
    regions.push(a.t, a.f, a.u);
    for (const c of p.g.criteria) {
      try {
        const s = model.statuses(c, p.key, p);
        regions.push(s.met, s.notMet, s.unknown, s.notApplicable);
      } catch (e) {
        if (!(e instanceof NotAnalyzed)) throw e;
      }
    }
  }
  for (const policy of model.policies(0)) {
    for (const g of model.governing(0, policy)) regions.push(...g.governs.values(), g.none ?? [], g.undecided ?? []);
  }
  return [...new Set(regions.flat())].slice(0, 30);
}

describe('the analysis against the plain method', () => {
  it.each<[string, fc.Arbitrary<string>, number, number]>([
    ['random programs', programText, 4, 20261210],
    ['programs with tables', programOf('table'), 3, 20261211],
    ['programs with diagnoses', programOf('diagnosis'), 3, 20261212],
  ])('meets, decides and walks as in full, on %s', (_, programs, n, fixed) => {
    fc.assert(
      fc.property(programs, (text) => {
        const rules = compileProgram([{ text, file: 'program.guideline' }]).rules;
        expect(rules, text).toBeDefined();
        const model = new Model([rules!]);
        const cells = cellsOf(model);
        /** Whether a fresh solver finds a case in the cell; undefined where it gives up (month counts between two dates past its budget). */
        const fresh = (c: Cell): boolean | undefined => {
          try {
            return new Solver(model.space).witness(c) !== undefined;
          } catch (e) {
            if (e instanceof NotAnalyzed) return undefined;
            throw e;
          }
        };
        // Checked by hand, and handed to expect only when they differ (thousands of cells a program).
        const check = (c: Cell, plain: Cell): void => {
          if (!isDeepStrictEqual(content(c), content(plain))) expect(content(c), text).toEqual(content(plain));
          const f = fresh(c);
          // Where the plain method gives up it has no answer to hold the shortcut to.
          if (f !== undefined && model.solver.feasible(c) !== f) expect(model.solver.feasible(c), `${text}\n${JSON.stringify(content(c), (_, v: unknown) => (typeof v === 'bigint' ? v.toString(2) : v))}`).toBe(f);
        };
        for (const policy of model.policies(0)) {
          for (const gv of model.governing(0, policy)) {
            if (gv.blocked) continue;
            const plain = plainWalk(model, policy, gv.treatments);
            const regions = (r: { governs: Region[]; none: Region; undecided: Region }): unknown => [...r.governs, r.none, r.undecided].map((x) => x.map(content));
            expect(regions({ governs: [...gv.governs.values()], none: gv.none!, undecided: gv.undecided! }), text).toEqual(regions(plain));
          }
        }
        for (const x of cells) {
          for (const y of cells) {
            const m = meet(x, y);
            check(m, plainMeet(x, y));
            // The cheap test a region's meet skips pairs by says only what the solver would.
            if (atomsClash(x, y) && fresh(m) !== false) expect(fresh(m), `${text}\n${JSON.stringify([content(x), content(y)])}`).toBe(false);
            // Once more with a third part, from the other side: masks, atoms and sets on both.
            check(meet(y, m), plainMeet(y, m));
          }
        }
      }),
      { numRuns: runs(n), ...seed(fixed) },
    );
  }, 120_000 * scale);
});
