// Seeded case generator for the benchmark: physical-therapy requests around the fixture's numbers,
// every history field sometimes unknown, every request text distinct (as in a real batch, where no
// memo of texts serves another case), and parsed from JSON text, as the CLI sees them.
// Deterministic: the same seed gives the same cases.
import type { Case } from '../../packages/runtime/src/index.ts';
import { prng, tag } from '../corpus/cases.ts';

export { prng };

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
        : { treatment: pick(['physical-therapy', 'physical-therapy', 'occupational-therapy', 'acupuncture']), text: `${pick(texts)} per Dr. ${tag(i)}` },
      history: {
        visitsCompleted: r() < 0.1 ? null : Math.floor(r() * 30),
        functionalImprovement: pick(fi),
        homeExerciseProgram: pick(hep),
      },
    });
  }
  // As the CLI sees them: objects JSON.parse made, not literals of one shape.
  return JSON.parse(JSON.stringify(out)) as Case[];
}
