// Seeded case generator for the benchmark: physical-therapy requests around the fixture's numbers,
// every history field sometimes unknown. Deterministic: the same seed gives the same cases.
import type { Case } from '../../packages/runtime/src/index.ts';

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

const diagnoses = [
  [{ text: 'cervical radiculitis', icd10: 'M54.12' }],
  [{ text: 'myalgia of the neck' }],
  [{ icd10: 'M79.18' }],
  [{ text: 'complex regional pain syndrome of the left arm' }],
  [{ text: 'left shoulder pain' }, { text: 'lumbar radiculopathy' }],
  [{ text: 'left shoulder pain' }],
];
const texts = ['Additional Physical Therapy 2 times 4', 'PT 2x6', '3x/week x 4 weeks', '12 sessions', 'six visits', 'continue therapy'];
const fi = ['documented', 'not-documented', null] as const;
const hep = ['none', 'instructed', 'compliant', 'failed', null] as const;

export function generateCases(n: number, seed = 42): Case[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const explicit = r() < 0.4;
    out.push({
      id: `c${i}`,
      jurisdiction: 'CA',
      asOf: '2014-01-24',
      review: r() < 0.2 ? 'utilization' : 'independent',
      diagnoses: pick(diagnoses),
      surgery: null,
      request: explicit
        ? { treatment: 'physical-therapy', visits: Math.floor(r() * 16) + 1, frequencyPerWeek: pick([1, 2, 3, 4]), weeks: 4 }
        : { treatment: pick(['physical-therapy', 'physical-therapy', 'occupational-therapy', 'acupuncture']), text: pick(texts) },
      history: {
        visitsCompleted: r() < 0.1 ? null : Math.floor(r() * 30),
        functionalImprovement: pick(fi),
        homeExerciseProgram: pick(hep),
      },
    });
  }
  return out;
}
