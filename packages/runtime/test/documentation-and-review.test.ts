// What the records must document (`is on file`: met or unknown, never not met), what a physician
// judges even when the case fails it (`needs clinical review unless met`), and time between two
// dates (`<unit> from <date> to <date>`), on the fast path and in json-rules-engine alike.
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { evaluateFast, type Determination } from '../src/index.ts';
import { onEveryEngine, agree } from '../../../test/support/engines.ts';

const source = `
vocabulary checks "Checks"
fact pain score: number from 0 to 10, from history.painScore
fact side effects: list of text, from history.sideEffects
fact exam date: date, from history.examDate
fact screen: one of consistent, inconsistent, not-done, from history.screen

guideline t.docs
  title  "Documentation"
  source "Test", pages 1-2
  covers opioid-continuation
  uses   checks

criterion documented "Pain and side effects documented"
  require pain score is on file and side effects is on file
  when unknown "Pain or side effects are not documented."

criterion screened "A consistent drug screen"
  needs clinical review unless met
  require screen is consistent
  when unknown "No drug screen is documented: a physician judges."
  otherwise "The drug screen is {screen}: a physician judges."

criterion recent-exam "An examination within 60 days of the request"
  require days from exam date to request date <= 60 days
  otherwise "The examination of {exam date} is more than 60 days before the request."

policy p "P"
  jurisdiction CA
  first t.*
`;

function rules(): RuleSet {
  const r = compileProgram([{ text: source, file: 'docs.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
}

type Case = Record<string, unknown>;
const base = (history: Case = {}, request: Case = {}, asOf = '2015-06-01'): Case => ({
  jurisdiction: 'CA',
  asOf,
  request: { treatment: 'opioid-continuation', serviceDate: '2015-05-01', ...request },
  history: { painScore: 4, sideEffects: [], examDate: '2015-04-20', screen: 'consistent', ...history },
});
const statuses = (d: Determination): Record<string, string> => Object.fromEntries(d.criteria.map((c) => [c.id, c.status]));
const criterion = (d: Determination, id: string) => d.criteria.find((c) => c.id === id)!;

describe('is on file', () => {
  const r = rules();
  it.each<[string, Case, string]>([
    ['both documented', {}, 'met'],
    ['a score of 0 is documented', { painScore: 0 }, 'met'],
    ['an empty list is documented (asked, none)', { sideEffects: [] }, 'met'],
    ['a score not documented', { painScore: null }, 'unknown'],
    ['a list not documented', { sideEffects: null }, 'unknown'],
  ])('%s: %s', (_, history, status) => {
    expect(statuses(evaluateFast(r, base(history))).documented).toBe(status);
  });

  it('what is not on file is missing, by its field, and the information is insufficient', () => {
    const d = evaluateFast(r, base({ painScore: null, sideEffects: null }));
    expect([d.decision, [...d.missing].sort()]).toEqual(['insufficient-information', ['history.painScore', 'history.sideEffects']]);
    expect(criterion(d, 'documented').trace.map((t) => [t.operator, t.result])).toEqual([['is on file', null], ['is on file', null]]);
  });
});

describe('needs clinical review unless met', () => {
  const r = rules();
  it('met when the case meets it', () => {
    expect(statuses(evaluateFast(r, base())).screened).toBe('met');
  });

  it('not met goes to a physician, in the otherwise words', () => {
    const d = evaluateFast(r, base({ screen: 'not-done' }));
    expect([statuses(d).screened, d.decision, d.review]).toEqual(['needs-review', 'needs-clinical-review', ['screened']]);
    expect(criterion(d, 'screened').rationale).toBe('The drug screen is not-done: a physician judges.');
  });

  it('unknown goes to a physician, in the when-unknown words', () => {
    const d = evaluateFast(r, base({ screen: null }));
    expect([statuses(d).screened, d.decision]).toEqual(['needs-review', 'needs-clinical-review']);
    expect(criterion(d, 'screened').rationale).toBe('No drug screen is documented: a physician judges.');
  });

  it('denies nothing: another criterion not met still denies, and missing facts still come first', () => {
    expect(evaluateFast(r, base({ screen: 'inconsistent', examDate: '2014-01-01' })).decision).toBe('not-medically-necessary');
    expect(evaluateFast(r, base({ screen: 'inconsistent', painScore: null })).decision).toBe('insufficient-information');
  });
});

describe('time from one date to another', () => {
  const r = rules();
  it.each<[string, Case, Case, string]>([
    ['60 days before the date of service', { examDate: '2015-03-02' }, {}, 'met'],
    ['61 days before it', { examDate: '2015-03-01' }, {}, 'not-met'],
    ['measured to the date of service, not to a review months later', { examDate: '2015-04-20' }, {}, 'met'],
    ['the review date when no date of service is given', { examDate: '2015-04-20' }, { serviceDate: null }, 'met'],
    ['an exam date not documented', { examDate: null }, {}, 'unknown'],
  ])('%s', (_, history, request, status) => {
    expect(statuses(evaluateFast(r, base(history, request)))['recent-exam']).toBe(status);
  });

  it('without a date of service, the window runs to the review date', () => {
    expect(statuses(evaluateFast(r, base({ examDate: '2015-03-01' }, { serviceDate: null }, '2015-04-30')))['recent-exam']).toBe('met');
    expect(statuses(evaluateFast(r, base({ examDate: '2015-03-01' }, { serviceDate: null }, '2015-05-01')))['recent-exam']).toBe('not-met');
  });

  it('says which dates it measured between', () => {
    const t = criterion(evaluateFast(r, base({ examDate: '2015-03-01' })), 'recent-exam').trace[0]!;
    // (`request date` is a define: the trace reads the fact it stands for.)
    expect(t.says).toMatch(/^days from exam date 2015-03-01 to effective date 2015-05-01 = 61, more than 60/);
  });
});

describe('json-rules-engine decides them as the fast path does', () => {
  const r = rules();
  it.each<[string, Case]>([
    ['all met', base()],
    ['not on file', base({ painScore: null })],
    ['review unless met, not met', base({ screen: 'not-done' })],
    ['review unless met, unknown', base({ screen: null })],
    ['review and a denial', base({ screen: 'inconsistent', examDate: '2014-01-01' })],
    ['an old examination', base({ examDate: '2015-03-01' })],
    ['no date of service', base({}, { serviceDate: null })],
  ])('%s', async (_, c) => {
    expect(agree(await onEveryEngine(r, c))).toBe(true);
  });
});

describe('an unknown sum names the items that leave it unknown', () => {
  const r = compileProgram([{ file: 'mme.guideline', text: `
guideline t.mme
  title  "Ceiling"
  source "Test", pages 1-2
  covers opioid-continuation
  uses   opioids

criterion ceiling "At most 120 mg morphine equivalents a day"
  require total morphine equivalents <= 120 mg a day
  otherwise "Over the ceiling."

policy p "P"
  jurisdiction CA
  first t.*
` }]).rules!;
  const kase = (medications: unknown[]): Case => ({ jurisdiction: 'CA', asOf: '2015-06-01', request: { treatment: 'opioid-continuation' }, medications });

  it('by the field the item leaves out, at its place in the list', () => {
    const d = evaluateFast(r, kase([{ name: 'hydrocodone', dailyDose: 40, unit: 'mg' }, { name: 'oxycodone', unit: 'mg' }]));
    expect([d.decision, d.missing]).toEqual(['insufficient-information', ['medications[1].dailyDose']]);
  });

  it('not when the other items already exceed the limit', () => {
    const d = evaluateFast(r, kase([{ name: 'morphine', dailyDose: 150, unit: 'mg' }, { name: 'oxycodone', unit: 'mg' }]));
    expect([d.decision, d.missing]).toEqual(['not-medically-necessary', []]);
  });

  it('nothing, when what is unknown is no field of the case (a drug with no conversion factor)', () => {
    const d = evaluateFast(r, kase([{ name: 'buprenorphine', dailyDose: 8, unit: 'mg' }]));
    expect([d.decision, d.missing]).toEqual(['insufficient-information', []]);
    expect(d.rationale).toMatch(/The records do not establish at most 120 mg morphine equivalents a day\. Medical necessity of opioid-continuation cannot be determined from them\.$/);
  });

  it.each<[string, unknown[], string[]]>([
    ['a key of the conversion table that may choose the row', [{ name: 'methadone', dailyDose: 10 }], ['medications[0].unit']],
    ['every key that may, and none that no row the others allow tests', [{ name: 'fentanyl', dailyDose: 25 }, { name: 'buprenorphine', dailyDose: 8 }], ['medications[0].unit', 'medications[0].formulation']],
    ['no key of a row already chosen', [{ name: 'hydrocodone', dailyDose: 40 }, { name: 'oxycodone' }], ['medications[1].dailyDose']],
  ])('by %s', (_, medications, missing) => {
    expect(evaluateFast(r, kase(medications)).missing).toEqual(missing);
  });
});
