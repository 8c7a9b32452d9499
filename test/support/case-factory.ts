// Builds cases for tests: the seed by default, with overrides merged field by field.
import type { Case } from '../../packages/runtime/src/types.ts';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object | null | undefined ? DeepPartial<T[K]> | null : T[K] };

export function seedCase(): Case {
  return {
    id: 'imr-seed',
    jurisdiction: 'CA',
    asOf: '2014-01-24',
    diagnoses: [{ text: 'cervical radiculitis', icd10: 'M54.12' }, { text: 'left shoulder pain' }],
    surgery: null,
    request: { treatment: 'physical-therapy', text: 'Additional Physical Therapy 2 times 4', bodyPart: 'cervical spine' },
    history: { visitsCompleted: 24, functionalImprovement: 'not-documented', homeExerciseProgram: 'none' },
  };
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (over === null || typeof over !== 'object' || Array.isArray(over) || base === null || typeof base !== 'object') return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) {
    if (v === undefined) delete out[k];
    else out[k] = merge(out[k], v);
  }
  return out;
}

/** The seed with overrides; an override of `undefined` removes the field (makes it unknown). */
export function makeCase(over: DeepPartial<Case> & Record<string, unknown> = {}): Case {
  return merge(seedCase(), over) as Case;
}
