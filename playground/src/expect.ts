// A bundled test case's `expect` against a determination: the differences, one per field, as the
// CLI's `guideline test` reports them.
import type { Determination } from '@guideline/runtime';
import type { Expectation } from './test-cases.ts';

export interface Difference {
  what: string;
  expected: unknown;
  actual: unknown;
}

export function compareExpectation(expectation: Expectation, d: Determination): Difference[] {
  const expect = expectation as Record<string, unknown>;
  const diffs: Difference[] = [];
  const differ = (what: string, expected: unknown, actual: unknown): void => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) diffs.push({ what, expected, actual });
  };
  if (expect['decision'] !== undefined) differ('decision', expect['decision'], d.decision);
  if (expect['guideline'] !== undefined) differ('guideline', expect['guideline'], d.guideline?.id ?? null);
  if (expect['certifiedVisits'] !== undefined) differ('certifiedVisits', expect['certifiedVisits'], d.certifiedVisits);
  if (Array.isArray(expect['missing'])) differ('missing', [...(expect['missing'] as string[])].sort(), [...d.missing].sort());
  const criteria = (expect['criteria'] ?? {}) as Record<string, string>;
  for (const [id, want] of Object.entries(criteria)) differ(`criterion ${id}`, want, d.criteria.find((c) => c.id === id)?.status ?? 'absent');
  return diffs;
}
