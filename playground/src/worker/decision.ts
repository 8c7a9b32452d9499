// The decision procedure in words, as the runtime decides (packages/runtime/src/decide.ts): the rules
// tried in order on the criteria's statuses, the first that holds deciding. Only what the criteria can
// reach is said: a part certified needs a `certify at most` (of the guideline's criteria or of a policy's
// that applies under it: each such criterion is named, with its line), clinical review a `needs clinical review`.
import type { CompiledCriterion } from '@guideline/language';
import type { DecisionRule } from '../protocol.ts';

export function decisionRules(criteria: readonly CompiledCriterion[]): DecisionRule[] {
  const by = criteria.filter((c) => c.certify !== undefined).map((c) => ({ label: c.title, file: c.source.file, line: c.source.line }));
  const certifies = by.length > 0;
  const review = criteria.some((c) => c.review);
  return [
    {
      status: 'not-met', ask: 'Any criterion not met', decision: 'not-medically-necessary',
      ...(certifies ? { first: { ask: 'In utilization review, with visits requested, none unknown or for review, and every criterion not met certifying some visits', decision: 'partially-medically-necessary', by } } : {}),
    },
    { status: 'unknown', ask: 'Otherwise, any criterion unknown', decision: 'insufficient-information' },
    ...(review ? [{ status: 'needs-review', ask: 'Otherwise, any criterion for clinical review', decision: 'needs-clinical-review' } as const] : []),
    { status: 'met', ask: 'Otherwise: every criterion met or not applicable', decision: 'medically-necessary' },
  ];
}
