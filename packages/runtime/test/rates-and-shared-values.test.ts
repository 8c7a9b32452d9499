// Two things a medication guideline writes, decided end to end: a rate worked out by dividing a
// count by a time (`tablets / days` is tablets a day), and two facts of fixed values compared with
// each other (the drug of a prescription and the drug requested, both one of the same drugs).
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { evaluateFast } from '../src/index.ts';

const program = `
vocabulary meds "Medications"
unit tablet, tablets "A tablet"
fact requested drug: one of cyclobenzaprine, tizanidine, baclofen, from request.drug
  "The drug requested."
fact requested tablets: number of tablets, from request.quantity
  "The tablets requested."
fact requested days: number of days, from request.daysSupply
  "The days the tablets are to last."
fact prescriptions: list of prescription, from history.prescriptions
  "The drugs already prescribed."
record prescription "A drug prescribed"
  field prescribed drug: one of cyclobenzaprine, tizanidine, from drug
    "The drug prescribed."

guideline t.meds
  title  "Meds"
  source "Test", pages 1-2
  covers medication
  uses   meds

criterion rate "At most 3 tablets a day"
  require requested tablets / requested days <= 3 tablets a day
  otherwise "{requested tablets / requested days} tablets a day are requested."

criterion weekly "At most 21 tablets a week"
  require requested tablets / requested days <= 21 tablets a week
  otherwise "Too many."

criterion same-drug "Only a drug already prescribed"
  require any prescriptions where prescribed drug = requested drug
  otherwise "Another drug."

policy p "P"
  jurisdiction CA
  first t.*
`;

function rules(): RuleSet {
  const r = compileProgram([{ text: program, file: 'meds.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
}

const decide = (request: Record<string, unknown>, history: Record<string, unknown>) =>
  evaluateFast(rules(), { jurisdiction: 'CA', asOf: '2020-06-01', request: { treatment: 'medication', ...request }, history });

const status = (id: string, request: Record<string, unknown>, history: Record<string, unknown> = {}): string =>
  decide(request, history).criteria.find((c) => c.id === id)!.status;

describe('a count divided by a time is a rate', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['42 tablets over 14 days: 3 a day', 'rate', { quantity: 42, daysSupply: 14 }, 'met'],
    ['43 tablets over 14 days: over 3 a day', 'rate', { quantity: 43, daysSupply: 14 }, 'not-met'],
    ['3 a day is 21 a week', 'weekly', { quantity: 42, daysSupply: 14 }, 'met'],
    ['over 21 a week', 'weekly', { quantity: 43, daysSupply: 14 }, 'not-met'],
    ['the days unknown', 'rate', { quantity: 42 }, 'unknown'],
  ])('%s', (_, id, request, expected) => expect(status(id, request)).toBe(expected));

  it('reads in a rationale in its unit', () => {
    const c = decide({ quantity: 45, daysSupply: 10 }, {}).criteria.find((x) => x.id === 'rate')!;
    expect(c.rationale).toBe('4.5 tablets a day are requested.');
  });
});

describe('two facts of fixed values with values in common compare', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    ['the drug already prescribed', { drug: 'tizanidine' }, { prescriptions: [{ drug: 'cyclobenzaprine' }, { drug: 'tizanidine' }] }, 'met'],
    ['another drug', { drug: 'baclofen' }, { prescriptions: [{ drug: 'tizanidine' }] }, 'not-met'],
    ['the drug requested unknown', {}, { prescriptions: [{ drug: 'tizanidine' }] }, 'unknown'],
  ])('%s', (_, request, history, expected) => expect(status('same-drug', request, history)).toBe(expected));
});
