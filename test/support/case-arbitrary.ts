// fast-check generators of cases: every field sometimes absent or null (unknown), numbers around
// the guidelines' boundaries, diagnoses and procedures from the bundled guidelines' own terms.
import fc from 'fast-check';
import { seedCase } from './case-factory.ts';
import type { RuleSet } from '../../packages/language/src/index.ts';

const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> => fc.oneof({ weight: 6, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) });

const date = (from: number, to: number): fc.Arbitrary<string> =>
  fc.integer({ min: from, max: to }).map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

function strip(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** Cases shaped by a rule set: its treatments, class terms and codes, and its numbers. */
export function caseArbitrary(rules: RuleSet): fc.Arbitrary<Record<string, unknown>> {
  const treatments = [...new Set(rules.guidelines.flatMap((g) => g.covers)), 'massage', 'speech-therapy'];
  const dx = rules.guidelines.flatMap((g) => g.classes.filter((c) => c.of === 'diagnosis'));
  const px = rules.guidelines.flatMap((g) => g.classes.filter((c) => c.of === 'procedure'));
  const terms = [...new Set(dx.flatMap((c) => c.terms)), 'left shoulder pain', 'headache'];
  const codes = [...new Set(dx.flatMap((c) => c.codes.map((k) => k.replace('*', '9').replace(/\.9$/, '.9'))))].filter((k) => /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{0,4})?$/.test(k));
  const procedures = [...new Set(px.flatMap((c) => c.terms)), 'appendectomy'];
  // The visits of the guidelines' tables (their recommend blocks), and one either side.
  const visitCells = rules.guidelines.flatMap((g) => g.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.filter((x, i): x is number => typeof x === 'number' && t.columns[i]?.type.kind === 'number' && t.columns[i]?.type.unit === 'visits'))));
  const numbers = [...new Set(visitCells.flatMap((n) => [n, n + 1, n - 1]))].filter((n) => n >= 0);
  const visits = fc.oneof(fc.constantFrom(0, 1, ...numbers), fc.integer({ min: 0, max: 60 }));

  const diagnosis = fc.oneof(
    fc.record({ text: fc.constantFrom(...terms) }),
    ...(codes.length ? [fc.record({ icd10: fc.constantFrom(...codes) }), fc.record({ text: fc.constantFrom(...terms), icd10: fc.constantFrom(...codes) })] : []),
  );
  const surgery = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.record({ procedure: maybe(fc.constantFrom(...procedures)), date: maybe(date(4700, 5500)) }).map(strip),
  );
  const text = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 8 })).map(([f, w]) => `${f}x${w}`),
    fc.integer({ min: 1, max: 30 }).map((n) => `${n} sessions`),
    fc.constantFrom('Additional Physical Therapy 2 times 4', 'six visits', '3x/week x 4 weeks', 'continue therapy'),
  );
  // Continuations with documented gains in utilization review: where partial certifications live.
  const continuation = fc
    .record({
      jurisdiction: fc.constantFrom('CA', 'CA', 'TX'),
      asOf: date(4000, 6500),
      review: fc.constant('utilization'),
      diagnoses: fc.array(fc.record({ text: fc.constantFrom(...dx.flatMap((c) => c.terms)) }), { minLength: 1, maxLength: 2 }),
      surgery: fc.constant(null),
      request: fc.record({ treatment: fc.constantFrom('physical-therapy', ...treatments), frequencyPerWeek: fc.constantFrom(1, 2), weeks: fc.integer({ min: 2, max: 6 }) }),
      history: fc.record({ visitsCompleted: visits, functionalImprovement: fc.constant('documented'), homeExerciseProgram: fc.constantFrom('instructed', 'compliant') }),
    })
    .map((c) => c as Record<string, unknown>);
  return fc.oneof({ weight: 4, arbitrary: anyCase() }, { weight: 1, arbitrary: continuation });

  function anyCase(): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      id: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      jurisdiction: fc.constantFrom('CA', 'TX', 'NY'),
      asOf: date(4000, 6500),
      review: fc.constantFrom(undefined, null, 'independent', 'utilization'),
      patient: maybe(fc.record({ age: maybe(fc.integer({ min: 16, max: 90 })) }).map(strip)),
      injury: maybe(fc.record({ date: maybe(date(1000, 5000)) }).map(strip)),
      diagnoses: maybe(fc.array(diagnosis, { maxLength: 3 })),
      surgery,
      request: fc
        .record({
          treatment: fc.constantFrom(...treatments),
          text: maybe(text),
          visits: maybe(visits),
          frequencyPerWeek: maybe(fc.integer({ min: 1, max: 5 })),
          weeks: maybe(fc.integer({ min: 1, max: 12 })),
          bodyPart: maybe(fc.constantFrom('cervical spine', 'lumbar spine', 'low back', 'neck', 'shoulder', 'knee', 'wrist')),
        })
        .map(strip),
      history: maybe(
        fc
          .record({
            visitsCompleted: maybe(visits),
            functionalImprovement: maybe(fc.constantFrom('documented', 'not-documented')),
            homeExerciseProgram: maybe(fc.constantFrom('none', 'instructed', 'compliant', 'failed')),
          })
          .map(strip),
      ),
    })
    .map(strip)
    .map(noLaterThanReview);
  }
}

/** An injury or a surgery drawn after the review date is moved to it: the case check refuses such a case, and its decision is what is tested. */
function noLaterThanReview(c: Record<string, unknown>): Record<string, unknown> {
  const asOf = c['asOf'] as string;
  for (const k of ['injury', 'surgery']) {
    const o = c[k] as { date?: string } | null | undefined;
    if (o && typeof o.date === 'string' && o.date > asOf) o.date = asOf;
  }
  return c;
}

/** The seed with one field, anywhere in it, replaced by anything or removed. */
export const mutatedSeed = fc
  .tuple(fc.constantFrom(...paths(seedCase())), fc.oneof(fc.anything(), fc.constant(undefined)))
  .map(([path, value]) => {
    const c = structuredClone(seedCase()) as unknown as Record<string, unknown>;
    let o: Record<string, unknown> = c;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
    const last = path[path.length - 1]!;
    if (value === undefined) delete o[last];
    else o[last] = value;
    return c;
  });

function paths(v: unknown, prefix: string[] = []): string[][] {
  if (!v || typeof v !== 'object') return [prefix];
  return [prefix, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...prefix, k]))].filter((p) => p.length);
}
