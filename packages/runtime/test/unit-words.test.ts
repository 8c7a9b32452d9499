// A placeholder's value worded by its unit, from the rule set alone: a count unit a vocabulary
// declares ("1 level", "3 levels", "an unknown number of levels") and the language's own ("an unknown
// percentage"), whatever the author wrote after the placeholder.
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { evaluateFast } from '../src/index.ts';
import { esiVocabulary } from '../../../test/support/esi-vocabulary.ts';

const vocabulary = `${esiVocabulary}fact pain relief: number of percent, from history.painRelief
  "How much the last injection relieved the pain."
`;

const guideline = (otherwise: string): string => `
guideline t.esi
  title  "ESI"
  source "Test", pages 1-2
  covers epidural-injection
  uses   esi

criterion levels "At most one level"
  require levels requested <= 1 level and injection rate <= 4 injections a year and pain relief >= 50 percent
  otherwise "${otherwise}"

policy p "P"
  jurisdiction CA
  first t.*
`;

function rules(otherwise: string): RuleSet {
  // The vocabulary in a file of its own: the guideline's numbers are read in its units.
  const r = compileProgram([{ text: vocabulary, file: 'esi.guideline' }, { text: guideline(otherwise), file: 'g.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
}

const rationale = (otherwise: string, history: Record<string, unknown>, levels: unknown = 3): string => {
  const d = evaluateFast(rules(otherwise), { jurisdiction: 'CA', asOf: '2020-06-01', request: { treatment: 'epidural-injection', levels }, history });
  return d.criteria.find((c) => c.id === 'levels')!.rationale;
};

describe('a declared unit in a rationale', () => {
  it.each<[string, string, Record<string, unknown>, unknown, string]>([
    ['more than one', '{levels requested} levels are requested.', { injectionRate: 1, painRelief: 80 }, 3, '3 levels are requested.'],
    ['one, written in the plural', 'The request is for {levels requested} levels.', { injectionRate: 1, painRelief: 10 }, 1, 'The request is for 1 level.'],
    ['several, written in the singular', 'The request is for {levels requested} level.', { injectionRate: 1, painRelief: 80 }, 2, 'The request is for 2 levels.'],
    ['unknown', 'The request is for {levels requested} levels.', { injectionRate: 9, painRelief: 80 }, null, 'The request is for an unknown number of levels.'],
    ['unknown after the', 'At most one; the {levels requested} levels requested are too many.', { injectionRate: 9 }, null, 'At most one; an unknown number of levels requested are too many.'],
    ['compound', 'Given at {injection rate} injections a year.', { injectionRate: 1, painRelief: 10 }, 1, 'Given at 1 injection a year.'],
    ['compound, unknown', 'Given at {injection rate} injections a year.', { painRelief: 10 }, 1, 'Given at an unknown number of injections a year.'],
  ])('%s', (_, otherwise, history, levels, expected) => expect(rationale(otherwise, history, levels)).toBe(expected));
});

describe("an unknown worded by its fact's unit, not by the word written after it", () => {
  it.each<[string, string]>([
    ['Relief was {pain relief} percent.', 'Relief was an unknown percentage.'],
    ['Relief was {pain relief}%.', 'Relief was an unknown percentage.'],
    // No unit written after it: the unit is still said.
    ['The records document {pain relief} of relief.', 'The records document an unknown percentage of relief.'],
    ['{pain relief} percent relief is too little.', 'An unknown percentage relief is too little.'],
  ])('%s', (otherwise, expected) => expect(rationale(otherwise, { injectionRate: 1 }, 5)).toBe(expected));
});
