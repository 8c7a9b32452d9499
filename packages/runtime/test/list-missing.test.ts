// What a condition on the items of a list left unknown is missing: the fields of the items whose
// condition is unknown, by their place in the list, and the case's own facts the condition reads.
// Before, `no prior lumbar imaging where modality is mri` with an item of no modality decided
// insufficient-information with nothing missing.
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { evaluateFast } from '../src/index.ts';
import { agree, onEveryEngine } from '../../../test/support/engines.ts';

const program = (require: string): RuleSet => {
  const r = compileProgram([{ file: 'q.guideline', text: `guideline q.imaging
  title  "Q"
  source "Test", pages 1-2
  covers mri-lumbar
  uses   imaging

criterion q "Q"
  require ${require}
  otherwise "No."

policy ca "CA"
  jurisdiction CA
  first q.*
` }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
};

const imaging = (...studies: object[]): Record<string, unknown> => ({
  jurisdiction: 'CA',
  asOf: '2015-06-01',
  request: { treatment: 'mri-lumbar' },
  history: { priorLumbarImaging: studies },
});

describe('a condition on the items of a list, left unknown, names what it is missing', () => {
  it.each([
    ['no prior lumbar imaging where modality is mri', [{ modality: 'ct', date: '2015-01-01' }, { date: '2015-02-01' }], ['history.priorLumbarImaging[1].modality']],
    ['any prior lumbar imaging where modality is mri', [{ date: '2015-02-01' }, { modality: 'ct' }, { postOperative: false }], ['history.priorLumbarImaging[0].modality', 'history.priorLumbarImaging[2].modality']],
    ['every prior lumbar imaging where post-operative', [{ postOperative: true }, { modality: 'mri' }], ['history.priorLumbarImaging[1].postOperative']],
    ['count of prior lumbar imaging where modality is mri <= 1', [{ modality: 'mri' }, { date: '2015-01-01' }], ['history.priorLumbarImaging[1].modality']],
    // The case's own fact the condition reads, left out; items that decide alone are not named.
    ['no prior lumbar imaging where (modality is mri and study date >= injury date)', [{ modality: 'mri', date: '2015-01-01' }, { modality: 'ct' }], ['injury.date']],
  ])('%s', async (require, studies, missing) => {
    const rules = program(require);
    const c = imaging(...studies);
    const d = evaluateFast(rules, c);
    expect([d.decision, [...d.missing].sort()]).toEqual(['insufficient-information', missing]);
    expect(d.criteria[0]!.rationale).toContain(missing[0]);
    expect(agree(await onEveryEngine(rules, c))).toBe(true);
  });

  it('names nothing of a list whose items decide it', () => {
    const d = evaluateFast(program('no prior lumbar imaging where modality is mri'), imaging({ modality: 'mri' }, { date: '2015-01-01' }));
    expect([d.decision, d.missing]).toEqual(['not-medically-necessary', []]);
  });
});
