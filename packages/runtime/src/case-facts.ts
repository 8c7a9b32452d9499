// The facts of a case for one guideline: the case's fields by fact id, the request's numbers read
// from its text when absent, the diagnosis and surgery classes matched, and the recommendation that
// applies. Absent or null stays undefined: unknown, never false.
import type { CompiledClass, CompiledGuideline, CompiledRecommendation } from '@guideline/language';
import { readRequestText } from './request-text.ts';
import type { Case } from './types.ts';

export type Facts = Record<string, unknown>;

const norm = (s: string): string => s.toLowerCase().replace(/[\s.]+/g, ' ').trim();
const normCode = (s: string): string => s.toUpperCase().replace(/\./g, '');

/** Whether a diagnosis or procedure text / code matches a class's terms or codes. */
export function matchesClass(c: CompiledClass, text: string | undefined, code: string | undefined): boolean {
  if (text) {
    const t = ` ${norm(text).replace(/[^a-z0-9 -]+/g, ' ')} `;
    if (c.terms.some((term) => t.includes(` ${norm(term)} `) || t.includes(` ${norm(term)}s `))) return true;
  }
  if (code) {
    const k = normCode(code);
    for (const pattern of c.codes) {
      const p = normCode(pattern);
      if (p.endsWith('*') ? k.startsWith(p.slice(0, -1)) : k === p) return true;
    }
  }
  return false;
}

const known = (v: unknown): boolean => v !== undefined && v !== null;

interface Matched {
  classes: string[] | undefined;
  recommendation: CompiledRecommendation | undefined;
}

function matchDiagnoses(g: CompiledGuideline, c: Case, of: 'diagnosis' | 'procedure'): Matched {
  const classes = g.classes.filter((k) => k.of === of);
  const items: { text?: string; code?: string }[] | undefined =
    of === 'diagnosis'
      ? c.diagnoses?.map((d) => ({ ...(d.text ? { text: d.text } : {}), ...(d.icd10 ? { code: d.icd10 } : {}) }))
      : c.surgery === null
        ? []
        : c.surgery?.procedure
          ? [{ text: c.surgery.procedure }]
          : undefined;
  if (!items) return { classes: undefined, recommendation: undefined };
  const matched: string[] = [];
  let recommendation: CompiledRecommendation | undefined;
  // The first diagnosis (in the case's order) with a recommended course decides; within it, table order.
  for (const item of items) {
    const hits = classes.filter((k) => matchesClass(k, item.text, item.code)).map((k) => k.id);
    for (const h of hits) if (!matched.includes(h)) matched.push(h);
    recommendation ??= g.recommendations.find((r) => hits.includes(r.class));
  }
  return { classes: matched, recommendation };
}

/** Which case input a guideline's recommendations are chosen by. */
export function recommendationInput(g: CompiledGuideline): 'diagnoses' | 'surgery' {
  const first = g.recommendations[0];
  const cls = first && g.classes.find((k) => k.id === first.class);
  return cls?.of === 'procedure' ? 'surgery' : 'diagnoses';
}

/** All facts of a case for one guideline, keyed by fact id. */
export function caseFacts(g: CompiledGuideline, c: Case): Facts {
  const r = c.request;
  const fromText = r.text ? readRequestText(r.text) : {};
  const frequency = known(r.frequencyPerWeek) ? r.frequencyPerWeek : fromText.frequencyPerWeek;
  const weeks = known(r.weeks) ? r.weeks : fromText.weeks;
  const visits = known(r.visits) ? r.visits : known(frequency) && known(weeks) ? frequency! * weeks! : fromText.visits;
  const diagnosis = matchDiagnoses(g, c, 'diagnosis');
  const surgery = matchDiagnoses(g, c, 'procedure');
  const rec = recommendationInput(g) === 'surgery' ? surgery.recommendation : diagnosis.recommendation;
  const recClass = rec && g.classes.find((k) => k.id === rec.class);
  const facts: Facts = {
    asOf: c.asOf,
    jurisdiction: c.jurisdiction,
    review: c.review ?? 'independent',
    'request.treatment': r.treatment,
    'request.bodyPart': r.bodyPart ?? undefined,
    'request.visits': visits ?? undefined,
    'request.frequencyPerWeek': frequency ?? undefined,
    'request.weeks': weeks ?? undefined,
    'history.visitsCompleted': c.history?.visitsCompleted ?? undefined,
    'history.functionalImprovement': c.history?.functionalImprovement ?? undefined,
    'history.homeExerciseProgram': c.history?.homeExerciseProgram ?? undefined,
    'patient.age': c.patient?.age ?? undefined,
    'injury.date': c.injury?.date ?? undefined,
    'surgery.date': c.surgery?.date ?? undefined,
    'diagnoses.classes': diagnosis.classes,
    'surgery.classes': surgery.classes,
    'recommended.visits': rec?.maxVisits,
    'recommended.minVisits': rec?.minVisits,
    'recommended.weeks': rec?.maxWeeks,
    'recommended.periodMonths': rec?.periodMonths,
    'recommended.classTitle': recClass ? recClass.title.toLowerCase() : undefined,
    'recommended.frequency': g.frequency?.mostPerWeek,
  };
  for (const k of Object.keys(facts)) if (facts[k] === undefined || facts[k] === null) delete facts[k];
  return facts;
}
