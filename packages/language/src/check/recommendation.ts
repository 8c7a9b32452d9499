// The facts a guideline's recommend block gives (recommended visits, weeks, ...): every guideline
// reads them, and so do the criteria and defines of vocabularies, in the guideline that applies them.
import { standardUnits, unit } from '../units.ts';
import { numberIn, Scope, TEXT, type FactSym, type Ty } from './symbols.ts';

const { VISITS, WEEKS, MONTHS } = standardUnits;

/** The facts a guideline's recommend block gives (recommended visits, weeks, ...). */
function recommendationFacts(): FactSym[] {
  const fact = (words: string, id: string, ty: Ty, inputs: string[], meaning: string): FactSym => ({ kind: 'fact', words, id, ty, source: { builtin: 'recommendation' }, inputs, meaning });
  return [
    fact('recommended visits', 'recommended.visits', numberIn(unit(VISITS), 0), ['diagnoses'], 'The most visits the guideline recommends for the matched class (the high end of its range).'),
    fact('recommended minimum visits', 'recommended.minVisits', numberIn(unit(VISITS), 0), ['diagnoses'], 'The low end of the recommended visit range for the matched class.'),
    fact('recommended weeks', 'recommended.weeks', numberIn(unit(WEEKS), 0), ['diagnoses'], 'The weeks over which the recommended visits are given (the high end of its range).'),
    fact('recommended frequency', 'recommended.frequency', numberIn(unit(VISITS, WEEKS), 0), [], 'The most visits per week the guideline recommends.'),
    fact('treatment period', 'recommended.periodMonths', numberIn(unit(MONTHS), 0), ['diagnoses'], 'The postsurgical physical medicine treatment period of the matched procedure, in months from surgery.'),
    fact('diagnosis group', 'recommended.classTitle', TEXT, ['diagnoses'], 'The title of the diagnosis class whose recommendation applies.'),
    fact('surgery group', 'recommended.classTitle', TEXT, ['surgery'], 'The title of the procedure class whose recommendation applies.'),
  ];
}
const recommended = recommendationFacts();

/** A scope with a guideline's recommendation facts over `parent`. */
export function withRecommendation(parent: Scope): Scope {
  const s = new Scope(parent, 'recommendation');
  for (const f of recommended) s.add(f);
  return s;
}

