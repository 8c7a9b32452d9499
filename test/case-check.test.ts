// The case contract two ways: the runtime's validator (a field tree made from the standard
// vocabularies) and the JSON Schema the project publishes (made from the same tree). Both are
// generated and committed, and they agree on every case: random, mutated, at the edges.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSchema, generatedContract } from '../scripts/gen-contract.ts';
import { caseSchemaOf, evaluateFast, validateCase } from '../packages/runtime/src/index.ts';
import { seedCase } from './support/case-factory.ts';
import { compileProgram } from '../packages/language/src/index.ts';
import { ownVocabularyGuideline } from './support/own-vocabulary.ts';
import { bundledRules, files, root } from './support/bundled.ts';
import { caseArbitrary, mutatedSeed } from './support/case-arbitrary.ts';
import { runs, seed } from './support/fuzz.ts';
import { isCalendarDate } from '../packages/runtime/src/iso-date.ts';

const schemaFile = `${root}/packages/runtime/schema/case.schema.json`;
const contractFile = `${root}/packages/runtime/src/contract.generated.ts`;

type AjvCtor = new (o: object) => import('ajv').default;
const AjvClass = ((Ajv as unknown as { default?: AjvCtor }).default ?? Ajv) as unknown as AjvCtor;
const ajv = new AjvClass({ allErrors: true, strict: false });
ajv.addFormat('date', { type: 'string', validate: (s: string) => isCalendarDate(s) });
const schemaValid = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

/** A date later than the review date: the one rule of the contract the schema cannot state (it compares two fields). */
const laterThanReview = (i: { message: string }): boolean => i.message.startsWith('must be no later than the review date');
/** The property: the validator and the schema say the same yes or no, but for that rule. */
const agree = (x: unknown): boolean => (validateCase(x).filter((i) => !laterThanReview(i)).length === 0) === schemaValid(x);

const edgy = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 130, 131, 1000, 1001, 10_000, 10_001, Number.NaN, Infinity),
  fc.constantFrom('', 'a', 'CA', '2014-02-29', '2016-02-29', '2014-13-01', 'M54.12', 'M5', '97110', 'G0283', 'physical-therapy', 'x'.repeat(2001)),
  fc.constantFrom(null, [], {}, true, false),
);
const places = [['id'], ['jurisdiction'], ['asOf'], ['review'], ['patient', 'age'], ['injury', 'date'], ['injury', 'bodyParts'], ['diagnoses', '0', 'text'], ['diagnoses', '0', 'icd10'], ['surgery', 'procedure'], ['request', 'treatment'], ['request', 'text'], ['request', 'visits'], ['request', 'frequencyPerWeek'], ['request', 'weeks'], ['request', 'careType'], ['request', 'serviceDate'], ['history', 'visitsCompleted'], ['history', 'functionalImprovement'], ['history', 'visitCompleted'], ['extra']];
const edgyCase = fc.array(fc.tuple(fc.constantFrom(...places), edgy), { minLength: 1, maxLength: 2 }).map((edits) => {
  const c: Record<string, unknown> = {
    id: 'e', jurisdiction: 'CA', asOf: '2014-01-24', review: 'independent', patient: { age: 40 }, injury: { date: '2013-05-01', bodyParts: ['neck'] },
    diagnoses: [{ text: 'radiculitis', icd10: 'M54.12' }], surgery: { procedure: 'none' },
    request: { treatment: 'physical-therapy', text: '2x4', visits: 8, frequencyPerWeek: 2, weeks: 4, careType: 'therapeutic' },
    history: { visitsCompleted: 6, functionalImprovement: 'documented' },
  };
  for (const [path, value] of edits) {
    let o = c as Record<string, unknown>;
    for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>;
    o[path[path.length - 1]!] = value;
  }
  return c;
});

describe('the case contract', () => {
  it('is committed as the standard vocabularies make it now (run `pnpm gen` when this fails)', () => {
    expect(readFileSync(contractFile, 'utf8') === generatedContract()).toBe(true);
    expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toEqual(caseSchema());
  });

  it('the validator and the published schema agree on random, mutated and edge cases', () => {
    const rules = bundledRules();
    fc.assert(fc.property(fc.oneof(caseArbitrary(rules), mutatedSeed, fc.anything()), agree), { ...seed(41), numRuns: runs(2000) });
    fc.assert(fc.property(edgyCase, agree), { ...seed(42), numRuns: runs(3000) });
    // A list's item of nothing but null and blank values, and one with something beside them.
    const nothingMuch = fc.constantFrom<unknown>(null, '', ' ', '\t\n', '\u00a0', '\ufeff', 'x', ' x ', 'M54.12');
    const item = fc.record({ text: nothingMuch, icd10: nothingMuch }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(item, { maxLength: 3 }), (diagnoses) => agree({ jurisdiction: 'CA', asOf: '2014-01-24', request: { treatment: 'physical-therapy' }, diagnoses })), { ...seed(44), numRuns: runs(500) });
  });

  // A value the rule set's names nearly match would find no guideline as written, and the
  // determination would say "no applicable guideline" as a fact: it is refused, with the name meant.
  it.each([
    ['request.treatment', 'Physical-Therapy', 'request.treatment: "Physical-Therapy" is no treatment the guidelines cover; did you mean physical-therapy?'],
    ['request.treatment', 'physical therapy', 'request.treatment: "physical therapy" is no treatment the guidelines cover; did you mean physical-therapy?'],
    ['request.treatment', ' MRI_lumbar ', 'request.treatment: " MRI_lumbar " is no treatment the guidelines cover; did you mean mri-lumbar?'],
    ['request.treatment', 'physical-therapy', undefined],
    ['request.treatment', 'physcal-therapy', 'request.treatment: "physcal-therapy" is no treatment the guidelines cover; did you mean physical-therapy?'],
    ['request.treatment', 'Manipulations', 'request.treatment: "Manipulations" is no treatment the guidelines cover; did you mean manipulation?'],
    ['request.treatment', 'acupunture', 'request.treatment: "acupunture" is no treatment the guidelines cover; did you mean acupuncture?'],
    ['request.treatment', 'work hardneing', 'request.treatment: "work hardneing" is no treatment the guidelines cover; did you mean work-hardening?'],
    ['request.treatment', 'spinal-fusion', undefined],
    // Three edits, or a covered name with a word added: another treatment, decided as none covers it.
    ['request.treatment', 'ct-lumbar', undefined],
    ['request.treatment', 'massage-chair', undefined],
    ['request.treatment', 'x-ray', undefined],
    ['jurisdiction', 'CA ', 'jurisdiction: "CA " has spaces around it; give CA'],
    ['jurisdiction', ' tx', 'jurisdiction: " tx" has spaces around it; give tx'],
    ['jurisdiction', 'ca', undefined],
    ['jurisdiction', 'ZZ ', undefined],
  ])('%s %j: refused as a near miss of a name the rule set uses, or decided', (field, value, message) => {
    const rules = bundledRules();
    const c = structuredClone(seedCase()) as Record<string, Record<string, unknown>>;
    if (field === 'jurisdiction') (c as Record<string, unknown>).jurisdiction = value;
    else c.request!.treatment = value;
    const issues = validateCase(c, rules).map((i) => `${i.field}: ${i.message}`);
    expect(issues).toEqual(message ? [message] : []);
    if (message) expect(() => evaluateFast(rules, c)).toThrow(message);
    else expect(evaluateFast(rules, c).decision).toBeTruthy();
    // The contract alone (no rule set, no names) has nothing to say of it.
    expect(validateCase(c)).toEqual([]);
  });

  // A `date` is of what has happened, never later than the review date: the language bounds an
  // unknown one so, and a case that gives one later is refused at the field. An `any date` (the date
  // of service) may be later.
  it.each<[string, (c: Record<string, any>) => void, string[]]>([
    ['an injury after the review', (c) => (c.injury = { date: '2014-01-25' }), ['injury.date: must be no later than the review date, asOf 2014-01-24, got 2014-01-25: the injury date is a date of what has happened']],
    ['an injury on the review date', (c) => (c.injury = { date: '2014-01-24' }), []],
    ['a surgery after the review', (c) => (c.surgery = { procedure: 'arthroscopy', date: '2016-01-01' }), ['surgery.date: must be no later than the review date, asOf 2014-01-24, got 2016-01-01: the surgery date is a date of what has happened']],
    ['a review date before the injury', (c) => ((c.injury = { date: '2013-05-06' }), (c.asOf = '2013-01-01')), ['injury.date: must be no later than the review date, asOf 2013-01-01, got 2013-05-06: the injury date is a date of what has happened']],
    ['a service date after the review (any date)', (c) => (c.request.serviceDate = '2014-03-01'), []],
    ['the second of two studies after the review', (c) => (c.history.priorLumbarImaging = [{ modality: 'mri', date: '2013-09-01' }, { modality: 'ct', date: '2014-02-01' }]), ['history.priorLumbarImaging[1].date: must be no later than the review date, asOf 2014-01-24, got 2014-02-01: the study date is a date of what has happened']],
    ['a prior lumbar surgery (a record) after the review', (c) => (c.history.priorLumbarSurgery = { date: '2015-01-01', type: 'fusion' }), ['history.priorLumbarSurgery.date: must be no later than the review date, asOf 2014-01-24, got 2015-01-01: the prior lumbar surgery date is a date of what has happened']],
  ])('%s', (_, edit, messages) => {
    const rules = bundledRules();
    const c = structuredClone(seedCase()) as unknown as Record<string, any>;
    edit(c);
    for (const r of [rules, undefined]) expect(validateCase(c, r).map((i) => `${i.field}: ${i.message}`)).toEqual(messages);
    if (messages.length) expect(() => evaluateFast(rules, c)).toThrow(messages[0]);
    else expect(evaluateFast(rules, c).decision).toBeTruthy();
  });

  it("a rule set's own date field is held to the review date, and its own any date is not", () => {
    const rules = compileProgram([{ text: ownVocabularyGuideline, file: 'acme.guideline' }]).rules!;
    const base = { id: 'a', jurisdiction: 'ZZ', asOf: '2024-03-01', review: 'independent', request: { treatment: 'mri-lumbar' } };
    expect(validateCase({ ...base, history: { acmeCareStart: '2024-03-02' } }, rules).map((i) => i.field)).toEqual(['history.acmeCareStart']);
    expect(validateCase({ ...base, history: { acmeCareStart: '2024-03-01' } }, rules)).toEqual([]);
  });

  it("a rule set's own vocabularies: its case schema has their fields, and agrees with the validator", () => {
    const rules = compileProgram([{ text: ownVocabularyGuideline, file: 'acme.guideline' }]).rules!;
    const valid = ajv.compile(caseSchemaOf(rules));
    const base = { id: 'a', jurisdiction: 'ZZ', asOf: '2024-03-01', review: 'independent', request: { treatment: 'mri-lumbar' } };
    const withHistory = (history: Record<string, unknown>): unknown => ({ ...base, history });
    // The published schema knows none of the vocabulary's fields; the rule set's knows each.
    expect(schemaValid(withHistory({ acmeCareStart: '2024-01-02' }))).toBe(false);
    expect(valid(withHistory({ acmeCareStart: '2024-01-02', acmePainRelief: 40 }))).toBe(true);
    const agreeHere = (x: unknown): boolean => (validateCase(x, rules).length === 0) === valid(x);
    for (const history of [{ acmeCareStart: '2024-01-02' }, { acmeCareStrat: '2024-01-02' }, { acmeCareStart: '2024-02-30' }, { acmePainRelief: 101 }, { acmePainRelief: null }, { acmeCareStart: 5 }]) {
      expect(agreeHere(withHistory(history)), JSON.stringify(history)).toBe(true);
    }
    fc.assert(fc.property(fc.record({ acmeCareStart: edgy, acmePainRelief: edgy }, { requiredKeys: [] }), (h) => agreeHere(withHistory(h))), { ...seed(43), numRuns: runs(500) });
  });

  it('names each kind of fault by its field', () => {
    const base = (): Record<string, unknown> => ({ jurisdiction: 'CA', asOf: '2014-01-24', request: { treatment: 'physical-therapy' } });
    expect(validateCase(base())).toEqual([]);
    const faults: [string, (c: Record<string, unknown>) => void, string][] = [
      ['missing asOf', (c) => delete c['asOf'], 'asOf'],
      ['a date that does not exist', (c) => (c['asOf'] = '2014-02-30'), 'asOf'],
      ['an empty jurisdiction', (c) => (c['jurisdiction'] = ''), 'jurisdiction'],
      ['an unknown review', (c) => (c['review'] = 'peer'), 'review'],
      ['a fractional visit count', (c) => (c['request'] = { treatment: 'physical-therapy', visits: 2.5 }), 'request.visits'],
      ['a diagnosis with neither text nor code', (c) => (c['diagnoses'] = [{}]), 'diagnoses[0]'],
      ['a diagnosis whose text and code are null', (c) => (c['diagnoses'] = [{ text: null, icd10: null }]), 'diagnoses[0]'],
      ['a diagnosis whose text is empty', (c) => (c['diagnoses'] = [{ text: '' }]), 'diagnoses[0]'],
      ['a diagnosis whose text is spaces', (c) => (c['diagnoses'] = [{ text: ' \u00a0 ' }]), 'diagnoses[0]'],
      ['a medication whose fields are null', (c) => (c['medications'] = [{ name: null, dailyDose: null }]), 'medications[0]'],
      ['a malformed ICD-10 code', (c) => (c['diagnoses'] = [{ icd10: 'not-a-code' }]), 'diagnoses[0].icd10'],
      ['too many diagnoses', (c) => (c['diagnoses'] = Array.from({ length: 101 }, () => ({ text: 'x' }))), 'diagnoses'],
      ['an age out of range', (c) => (c['patient'] = { age: 131 }), 'patient.age'],
      ['a field no vocabulary defines', (c) => (c['history'] = { visitCompleted: 3 }), 'history.visitCompleted'],
    ];
    for (const [what, spoil, field] of faults) {
      const c = base();
      spoil(c);
      expect(validateCase(c).map((i) => i.field), what).toEqual([field]);
      expect(schemaValid(c), what).toBe(false);
    }
  });

  it('suggests the closest defined field for one misspelt', () => {
    const issues = validateCase({ jurisdiction: 'CA', asOf: '2014-01-24', request: { treatment: 'physical-therapy' }, history: { visitCompleted: 3 } });
    expect(issues).toEqual([{ field: 'history.visitCompleted', message: 'is not a field of the case; did you mean history.visitsCompleted?' }]);
  });

  it('accepts every bundled case', () => {
    const cases = files(`${root}/guidelines`, '.json').map((f) => JSON.parse(readFileSync(f, 'utf8')) as { case?: unknown }).map((x) => x.case ?? x);
    expect(cases.length).toBeGreaterThan(100);
    for (const c of cases) expect(validateCase(c)).toEqual([]);
  });
});
