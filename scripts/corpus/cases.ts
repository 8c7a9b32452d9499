// Seeded utilization-review cases over a rule set's own terms (its treatments, class terms and
// codes, recommended numbers), every request text distinct, every history field sometimes unknown.
// The same seed gives the same cases; one case at a time, so a million cost no memory.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { RuleSet } from '../../packages/language/src/index.ts';

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Letters for a number ("Bcd"): a name no two cases share, so no memo of request texts serves another case. */
export function tag(i: number): string {
  let s = '';
  do {
    s += String.fromCharCode(97 + (i % 26));
    i = Math.floor(i / 26);
  } while (i > 0);
  return s[0]!.toUpperCase() + s.slice(1);
}

const texts = ['Additional Physical Therapy {f} times {w}', 'PT {f}x{w}', '{f}x/week x {w} weeks', '{n} sessions', 'six visits', 'continue therapy'];
const parts = ['cervical spine', 'lumbar spine', 'low back', 'neck', 'right shoulder', 'left knee', 'wrist', 'hip'];
const fi = ['documented', 'not-documented'] as const;
const hep = ['none', 'instructed', 'compliant', 'failed'] as const;

const day = (d: number): string => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

/** What cases are drawn from: the rule set's treatments, diagnoses (terms and codes), procedures and numbers. */
function pools(rules: RuleSet) {
  const dx = rules.guidelines.flatMap((g) => g.classes.filter((c) => c.of === 'diagnosis'));
  const px = rules.guidelines.flatMap((g) => g.classes.filter((c) => c.of === 'procedure'));
  return {
    treatments: [...new Set(rules.guidelines.flatMap((g) => g.covers)), 'massage', 'speech-therapy'],
    terms: [...new Set(dx.flatMap((c) => c.terms)), 'left shoulder pain', 'headache'],
    codes: [...new Set(dx.flatMap((c) => c.codes.map((k) => k.replace('*', '9').replace(/\.9$/, '.9'))))].filter((k) => /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{0,4})?$/.test(k)),
    procedures: [...new Set(px.flatMap((c) => c.terms)), 'appendectomy'],
        // The recommend tables' numbers of visits, and one either side of each.
    numbers: [...new Set(rules.guidelines.flatMap((g) => g.tables.flatMap((t) => t.columns.flatMap((c, k) => (c.type.kind === 'number' && c.type.unit === 'visits' ? t.rows.map((r) => r.cells[k]) : [])))).filter((n): n is number => typeof n === 'number').flatMap((n) => [n, n + 1, n - 1]))].filter((n) => n >= 0),
  };
}

/** `n` cases (ids `c<i>`) for a rule set, lazily. */
export function* libraryCases(rules: RuleSet, n: number, seed = 1): Generator<Record<string, unknown>> {
  const r = prng(seed);
  const p = pools(rules);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T>(v: () => T, known = 0.85): T | undefined => (r() < known ? v() : undefined);
  const visits = (): number => (r() < 0.6 && p.numbers.length ? pick(p.numbers) : Math.floor(r() * 40));
  for (let i = 0; i < n; i++) {
    const asOf = 3600 + Math.floor(r() * 3000);
    const request: Record<string, unknown> = { treatment: pick(p.treatments) };
    if (r() < 0.55) {
      const f = 1 + Math.floor(r() * 4);
      const w = 1 + Math.floor(r() * 8);
      request.text = `${pick(texts).replace('{f}', String(f)).replace('{w}', String(w)).replace('{n}', String(f * w))} per Dr. ${tag(i)}`;
    } else {
      const v = maybe(visits, 0.9);
      if (v !== undefined) request.visits = v;
      if (r() < 0.7) request.frequencyPerWeek = 1 + Math.floor(r() * 5);
      if (r() < 0.6) request.weeks = 1 + Math.floor(r() * 12);
    }
    const part = maybe(() => pick(parts), 0.8);
    if (part) request.bodyPart = part;
    if (r() < 0.3) request.serviceDate = day(asOf + Math.floor(r() * 20));
    const diagnoses = Array.from({ length: Math.floor(r() * 3) + (r() < 0.9 ? 1 : 0) }, () => {
      const k = r();
      if (k < 0.6 || !p.codes.length) return { text: pick(p.terms) };
      return k < 0.8 ? { icd10: pick(p.codes) } : { text: pick(p.terms), icd10: pick(p.codes) };
    });
    const history: Record<string, unknown> = {};
    const completed = maybe(visits);
    if (completed !== undefined) history.visitsCompleted = completed;
    const gains = maybe(() => pick(fi));
    if (gains) history.functionalImprovement = gains;
    const program = maybe(() => pick(hep), 0.8);
    if (program) history.homeExerciseProgram = program;
    const c: Record<string, unknown> = {
      id: `c${i}`,
      jurisdiction: r() < 0.05 ? 'NY' : r() < 0.6 ? 'CA' : 'TX',
      asOf: day(asOf),
      review: r() < 0.4 ? 'utilization' : 'independent',
      patient: { age: 18 + Math.floor(r() * 60) },
      injury: { date: day(asOf - 30 - Math.floor(r() * 1500)) },
      diagnoses,
      surgery: r() < 0.75 ? null : { procedure: pick(p.procedures), date: day(asOf - Math.floor(r() * 400)) },
      request,
      history,
    };
    yield c;
  }
}

/** Writes items as JSON Lines, a megabyte at a time. */
export function writeJsonLines(path: string, items: Iterable<unknown>): void {
  const fd = openSync(path, 'w');
  let buffer = '';
  try {
    for (const x of items) {
      buffer += JSON.stringify(x) + '\n';
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}
