// The words a guideline's recommend block gives (recommended visits, weeks, ...), the columns of its
// table `recommend`: every guideline reads them, and so do the criteria and defines of vocabularies,
// in the guideline that applies them.
import { standardUnits, unit } from '../units.ts';
import { numberIn, Scope, TableSym, TEXT, type ColumnSym, type FactSym, type Ty } from './symbols.ts';

const { VISITS, WEEKS, MONTHS } = standardUnits;

/**
 * The table a guideline's recommend block makes, and the words it gives: a row per course entry,
 * keyed by the diagnosis (or the surgery, when the block's first entry names a procedure), the row of
 * the first diagnosis listed that has one. Its columns' types are fixed; the compiler writes its rows.
 */
export const recommendTable = new TableSym('recommend', undefined, '');
const recommendColumn = (words: string, column: string, ty: Ty, meaning: string): ColumnSym => {
  const c: ColumnSym = { kind: 'column', words, table: recommendTable, column, ty, meaning };
  recommendTable.columns.push(c);
  return c;
};
const recommended = [
  recommendColumn('recommended visits', 'recommended visits', numberIn(unit(VISITS), 0), 'The most visits the guideline recommends for the matched class (the high end of its range).'),
  recommendColumn('recommended minimum visits', 'recommended minimum visits', numberIn(unit(VISITS), 0), 'The low end of the recommended visit range for the matched class.'),
  recommendColumn('recommended weeks', 'recommended weeks', numberIn(unit(WEEKS), 0), 'The weeks over which the recommended visits are given (the high end of its range).'),
  recommendColumn('treatment period', 'treatment period', numberIn(unit(MONTHS), 0), 'The postsurgical physical medicine treatment period of the matched procedure, in months from surgery.'),
  recommendColumn('diagnosis group', 'group', TEXT, 'The title of the diagnosis class whose recommendation applies.'),
];
recommended.push({ ...recommended[recommended.length - 1]!, words: 'surgery group', meaning: 'The title of the procedure class whose recommendation applies.' });
const frequencyFact: FactSym = { kind: 'fact', words: 'recommended frequency', id: 'recommended.frequency', ty: numberIn(unit(VISITS, WEEKS), 0), source: { builtin: 'recommendation' }, inputs: [], meaning: 'The most visits per week the guideline recommends.' };

/** A scope with a guideline's recommendation words over `parent`. */
export function withRecommendation(parent: Scope): Scope {
  const s = new Scope(parent, 'recommendation');
  for (const f of recommended) s.add(f);
  s.add(frequencyFact);
  return s;
}
