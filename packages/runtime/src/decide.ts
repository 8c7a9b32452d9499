// Assembles a decision from criterion statuses: any criterion not met denies (or, in utilization
// review, certifies part when only capped criteria fail); unknowns without a denial mean
// insufficient information; otherwise the request is medically necessary.
import type { Calc, CompiledGuideline } from '@guideline/language';
import type { Facts } from './case-facts.ts';
import type { Case, CriterionResult, Determination } from './types.ts';

type Assembled = Omit<Determination, 'caseId'>;

function describeRequest(c: Case): string {
  return c.request.text ? `"${c.request.text}"` : `${c.request.treatment}${typeof c.request.visits === 'number' ? ` (${c.request.visits} visits)` : ''}`;
}

export function assemble(
  g: CompiledGuideline,
  c: Case,
  criteria: CriterionResult[],
  unknownByCriterion: Map<string, string[]>,
  calc: (e: Calc) => number | string | null,
  facts: Facts,
): Assembled {
  const guideline = { id: g.id, title: g.title, citation: g.citation };
  const notMet = criteria.filter((x) => x.status === 'not-met');
  const unknown = criteria.filter((x) => x.status === 'unknown');
  const requested = typeof facts['request.visits'] === 'number' ? (facts['request.visits'] as number) : undefined;
  const basis = `Decision based on ${g.citation}.`;
  const request = describeRequest(c);

  if (notMet.length) {
    const reasons = notMet.map((x) => x.rationale).join(' ');
    if (c.review === 'utilization' && unknown.length === 0 && requested !== undefined) {
      const caps = notMet.map((x) => g.criteria.find((m) => m.id === x.id)?.certify);
      if (caps.every((e) => e !== undefined)) {
        const values = caps.map((e) => calc(e!));
        if (values.every((v) => typeof v === 'number')) {
          const certified = Math.max(0, Math.min(requested, Math.floor(Math.min(...(values as number[])))));
          if (certified > 0) {
            return {
              decision: 'partially-medically-necessary', certifiedVisits: certified, guideline, criteria, missing: [],
              rationale: `${basis} ${reasons} Therefore, ${certified} of the ${requested} requested visits are medically necessary; the rest are not.`,
            };
          }
        }
      }
    }
    return {
      decision: 'not-medically-necessary', certifiedVisits: 0, guideline, criteria, missing: [],
      rationale: `${basis} ${reasons} Therefore, the request for ${request} is not medically necessary.`,
    };
  }
  if (unknown.length) {
    const missing = [...new Set(unknown.flatMap((x) => unknownByCriterion.get(x.id) ?? []))];
    return {
      decision: 'insufficient-information', certifiedVisits: 0, guideline, criteria, missing,
      rationale: `${basis} The records do not establish ${unknown.map((x) => x.title.toLowerCase()).join('; ')}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not documented. Medical necessity of ${request} cannot be determined without ${missing.length === 1 ? 'it' : 'them'}.`,
    };
  }
  const met = criteria.filter((x) => x.status === 'met').map((x) => x.title.toLowerCase());
  return {
    decision: 'medically-necessary', certifiedVisits: requested ?? 0, guideline, criteria, missing: [],
    rationale: `${basis} The request meets the guideline${met.length ? `: ${met.join('; ')}` : ''}. Therefore, the request for ${request} is medically necessary.`,
  };
}
