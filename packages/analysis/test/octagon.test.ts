// The octagon decision procedure against enumeration: random constraints over small domains, on
// integers, rationals (a grid of eighths) and a mix; every answer and every solution checked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { satisfiable, solveOctagon, type OctConstraint } from '../src/octagon.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

const holds = (k: OctConstraint, xs: readonly number[]): boolean => {
  const lhs = k.a * xs[k.x]! + (k.y === undefined ? 0 : k.b! * xs[k.y]!);
  return k.strict ? lhs < k.c : lhs <= k.c;
};

/** Every point of a grid over [-4, 4] for each variable (integers, or eighths for a rational one). */
function* grid(integer: readonly boolean[]): Generator<number[]> {
  const axes = integer.map((i) => (i ? [...Array(9).keys()].map((k) => k - 4) : [...Array(65).keys()].map((k) => k / 8 - 4)));
  const at = new Array<number>(integer.length).fill(0);
  for (;;) {
    yield at.map((k, i) => axes[i]![k]!);
    let i = 0;
    while (i < at.length && ++at[i]! === axes[i]!.length) at[i++] = 0;
    if (i === at.length) return;
  }
}

const constraint = (n: number): fc.Arbitrary<OctConstraint> =>
  fc.record({ x: fc.nat(n - 1), a: fc.constantFrom<1 | -1>(1, -1), y: fc.option(fc.nat(n - 1), { nil: undefined }), b: fc.constantFrom<1 | -1>(1, -1), c: fc.integer({ min: -6, max: 6 }), strict: fc.boolean() })
    .map((k) => (k.y === undefined || k.y === k.x ? { x: k.x, a: k.a, c: k.c, strict: k.strict } : k));

/** Domain bounds [-4, 4] on every variable, so the grid holds every solution there is. */
const box = (n: number): OctConstraint[] => [...Array(n).keys()].flatMap((x) => [{ x, a: 1 as const, c: 4, strict: false }, { x, a: -1 as const, c: 4, strict: false }]);

describe('octagons', () => {
  it.each([
    ['integers, 3 variables', [true, true, true]],
    ['rationals, 2 variables', [false, false]],
    ['an integer and a rational', [true, false]],
  ])('agree with enumeration: %s', (_, integer) => {
    const n = integer.length;
    fc.assert(
      fc.property(fc.array(constraint(n), { maxLength: 5 }), (ks) => {
        const all = [...box(n), ...ks];
        let found = false;
        for (const p of grid(integer)) if (all.every((k) => holds(k, p))) { found = true; break; }
        expect(satisfiable(n, integer, all)).toBe(found);
        const solution = solveOctagon(n, integer, all);
        expect(solution !== undefined).toBe(found);
        if (solution) {
          expect(all.every((k) => holds(k, solution))).toBe(true);
          integer.forEach((i, x) => i && expect(Number.isInteger(solution[x])).toBe(true));
        }
      }),
      { numRuns: runs(300), ...seed(7) },
    );
  });

  it.each<[string, boolean[], OctConstraint[], boolean]>([
    ['x + y = 1, x = y has a rational solution', [false, false], [{ x: 0, a: 1, y: 1, b: 1, c: 1, strict: false }, { x: 0, a: -1, y: 1, b: -1, c: -1, strict: false }, { x: 0, a: 1, y: 1, b: -1, c: 0, strict: false }, { x: 0, a: -1, y: 1, b: 1, c: 0, strict: false }], true],
    ['x + y = 1, x = y has no integer one', [true, true], [{ x: 0, a: 1, y: 1, b: 1, c: 1, strict: false }, { x: 0, a: -1, y: 1, b: -1, c: -1, strict: false }, { x: 0, a: 1, y: 1, b: -1, c: 0, strict: false }, { x: 0, a: -1, y: 1, b: 1, c: 0, strict: false }], false],
    ['0 < x < 1 is rational only', [true], [{ x: 0, a: 1, c: 1, strict: true }, { x: 0, a: -1, c: 0, strict: true }], false],
    ['x < y < x + 1 with x whole and y not', [true, false], [{ x: 0, a: 1, y: 1, b: -1, c: 0, strict: true }, { x: 1, a: 1, y: 0, b: -1, c: 1, strict: true }], true],
  ])('%s', (_, integer, ks, expected) => {
    expect(satisfiable(integer.length, integer, ks)).toBe(expected);
  });
});
