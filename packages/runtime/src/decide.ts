// Assembles a decision from criterion statuses: any criterion not met denies (or, in utilization
// review, certifies part when only capped criteria fail); unknowns without a denial mean
// insufficient information; otherwise the request is medically necessary.
import type { CompiledGuideline } from '@guideline/language';
import type { GuidelineRun } from './evaluate.ts';
import type { Facts } from './case-facts.ts';
import type { Case, CriterionResult, Determination } from './types.ts';

type Assembled = Omit<Determination, 'caseId'>;

function describeRequest(c: Case): string {
  return c.request.text ? `"${c.request.text}"` : `${c.request.treatment}${typeof c.request.visits === 'number' ? ` (${c.request.visits} visits)` : ''}`;
}

export interface Outcome {
  decision: Determination['decision'];
  certifiedVisits: number;
  missing: string[];
}


/** The decision from criterion statuses alone (shared by full determinations and batch summaries). */
export function outcome(g: CompiledGuideline, c: Case, run: Pick<GuidelineRun, 'criteria' | 'missing' | 'calc' | 'requested'>): Outcome {
  const { criteria } = run;
  // Counted first: most cases need no list of ids at all.
  let notMet = 0;
  let unknown = 0;
  for (let i = 0; i < criteria.length; i++) {
    const s = criteria[i]!.status;
    if (s === 'not-met') notMet++;
    else if (s === 'unknown') unknown++;
  }
  if (notMet) {
    const requested = run.requested;
    if (c.review === 'utilization' && unknown === 0 && requested !== undefined) {
      // Part is certified when every criterion not met caps the visits (the criteria are in the guideline's order).
      let cap = Infinity;
      for (let i = 0; i < criteria.length && cap > 0; i++) {
        if (criteria[i]!.status !== 'not-met') continue;
        const certify = g.criteria[i]!.certify;
        const value = certify ? run.calc(certify) : null;
        cap = typeof value === 'number' ? Math.min(cap, value) : 0;
      }
      const certified = Math.max(0, Math.min(requested, Math.floor(cap)));
      if (certified > 0) return { decision: 'partially-medically-necessary', certifiedVisits: certified, missing: [] };
    }
    return { decision: 'not-medically-necessary', certifiedVisits: 0, missing: [] };
  }
  if (unknown) return { decision: 'insufficient-information', certifiedVisits: 0, missing: run.missing() };
  return { decision: 'medically-necessary', certifiedVisits: run.requested ?? 0, missing: [] };
}

export function requestedVisits(facts: Facts): number | undefined {
  return typeof facts['request.visits'] === 'number' ? (facts['request.visits'] as number) : undefined;
}

/** The determination: the outcome, with a rationale a reviewer could sign made of the criteria's own words. */
export function assemble(g: CompiledGuideline, c: Case, run: GuidelineRun): Assembled {
  const guideline = { id: g.id, title: g.title, citation: g.citation };
  const { criteria, requested } = run;
  const o = outcome(g, c, run);
  const basis = `Decision based on ${g.citation}.`;
  const request = describeRequest(c);
  const base = { decision: o.decision, certifiedVisits: o.certifiedVisits, guideline, criteria, missing: o.missing };
  const reasons = criteria.filter((x) => x.status === 'not-met').map((x) => x.rationale).join(' ');
  switch (o.decision) {
    case 'partially-medically-necessary':
      return { ...base, rationale: `${basis} ${reasons} Therefore, ${o.certifiedVisits} of the ${requested} requested visits are medically necessary; the rest are not.` };
    case 'not-medically-necessary':
      return { ...base, rationale: `${basis} ${reasons} Therefore, the request for ${request} is not medically necessary.` };
    case 'insufficient-information': {
      const titles = criteria.filter((x) => x.status === 'unknown').map((x) => x.title.toLowerCase());
      const m = o.missing;
      return { ...base, rationale: `${basis} The records do not establish ${titles.join('; ')}: ${m.join(', ')} ${m.length === 1 ? 'is' : 'are'} not documented. Medical necessity of ${request} cannot be determined without ${m.length === 1 ? 'it' : 'them'}.` };
    }
    default: {
      const met = criteria.filter((x) => x.status === 'met').map((x) => x.title.toLowerCase());
      return { ...base, rationale: `${basis} The request meets the guideline${met.length ? `: ${met.join('; ')}` : ''}. Therefore, the request for ${request} is medically necessary.` };
    }
  }
}
