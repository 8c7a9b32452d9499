// The case contract beyond physical medicine: the fields of a lumbar MRI, opioid and work
// conditioning/hardening request (docs/facts.md lists them) are accepted as the standard
// vocabularies declare them; a misspelling is named with the field meant, and what the engine
// computes (weeks of care, months since injury, morphine equivalents) is not a field of the case.
import { describe, expect, it } from 'vitest';
import { artifactSchema, compileProgram } from '../../language/src/index.ts';
import { loadRuleSet, validateCase } from '../src/index.ts';
import { bundledRules } from '../../../test/support/bundled.ts';

const mri = {
  jurisdiction: 'CA',
  asOf: '2024-03-01',
  injury: { date: '2024-01-10' },
  request: { treatment: 'mri-lumbar', contrast: 'without', serviceDate: '2024-03-01', orderingSpecialty: 'orthopedic-spine-surgery', statedPurpose: 'surgical-planning' },
  history: {
    symptomOnsetDate: '2024-01-12',
    radicularSymptoms: true,
    conservativeCareStartDate: '2024-01-15',
    conservativeCareModalities: ['physical-therapy', 'nsaid', 'home-exercise'],
    conservativeCareResponse: 'no-improvement',
    surgeryOrInjectionConsidered: 'surgery',
    priorLumbarSurgery: null,
    priorLumbarImaging: [],
    changeSinceLastImaging: null,
    lastNeuroExamDate: '2024-02-26',
  },
  findings: {
    redFlags: [],
    neuroDeficitCourse: 'stable',
    neuroDeficitSeverity: 'mild',
    neuroExam: {
      motorDeficits: [{ root: 'L5', muscle: 'extensor-hallucis-longus', grade: '4/5' }],
      sensoryDeficits: [{ dermatome: 'L5' }],
      reflexChanges: [],
      straightLegRaise: 'positive',
      rootLevelCertainty: 'unequivocal',
    },
    electrodiagnostics: 'not-done',
    plainRadiographs: 'not-done',
  },
};

const opioids = {
  jurisdiction: 'CA',
  asOf: '2015-05-01',
  request: { treatment: 'opioid-continuation', serviceDate: '2015-05-01', requestedMedication: { name: 'hydrocodone-acetaminophen', strength: '10/325 mg', quantity: 120, daysSupply: 30 } },
  medications: [{ name: 'hydrocodone', formulation: 'immediate-release', route: 'oral', dailyDose: 40, unit: 'mg', prescriber: 'treating-physician', startDate: '2014-01-15' }],
  history: {
    opioidTherapyStartDate: '2014-01-15',
    painWithMedication: 4,
    painWithoutMedication: 8,
    painAssessmentElements: ['current', 'average', 'least', 'after-dose', 'onset', 'duration'],
    functionalStatus: 'improved',
    functionalEvidence: [{ measure: 'oswestry', baseline: 48, current: 30, date: '2015-04-20' }],
    lastValidatedFunctionMeasureDate: '2015-04-20',
    workStatus: 'modified-duty',
    adverseEffects: [],
    adverseEffectsIntolerable: false,
    aberrantBehaviors: [],
    urineDrugScreen: 'consistent',
    urineDrugScreenDate: '2015-03-02',
    inconsistentUdsCount12Months: 0,
    inconsistencyAddressed: null,
    pdmpReview: 'consistent',
    opioidAgreement: 'signed',
    singlePrescriber: true,
    singlePharmacy: true,
    painManagementConsult: null,
    concurrentBenzodiazepine: false,
    naloxonePrescribed: null,
    nonOpioidTreatments: ['nsaid', 'home-exercise'],
    discontinuationEvents: [],
    patientRequestsDiscontinuation: false,
    painResolved: false,
  },
};

const workHardening = {
  jurisdiction: 'CA',
  asOf: '2024-06-01',
  injury: { date: '2023-09-15' },
  request: { treatment: 'work-hardening', serviceDate: '2024-06-01', phase: 'initial', visits: 20, hoursPerDay: 4, daysPerWeek: 5, weeks: 4, totalHours: 80 },
  history: {
    conditionWorkRelatedMusculoskeletal: true,
    therapyCourse: { discipline: 'physical-therapy', visitsCompleted: 18, activeTherapy: true, response: 'improved-then-plateau', plateauWeeks: 3 },
    surgicalCandidate: 'no',
    otherTreatmentClearlyWarranted: [],
    returnToWorkGoal: 'agreed',
    returnToWorkGoalType: 'specific-job',
    currentWorkStatus: 'off-work',
    priorRehabProgramsSameInjury: [],
    screening: 'completed',
    limitationsLikelyToImprove: true,
    psychologicalContraindication: false,
    medicationsPreventRtw: false,
  },
  findings: {
    jobPhysicalDemandLevel: 'heavy',
    physicalDemandsAnalysis: 'employer-verified',
    fce: { performed: true, effort: 'consistent-maximal', demonstratedPdl: 'medium', belowJobDemands: true },
    functionalLimitationsPrecludeJob: true,
    toleranceHoursPerDay: 4,
    toleranceDaysPerWeek: 5,
  },
  progress: { weeksCompleted: 0, attendanceCompliance: null, measurableFunctionalGains: null },
};

type Case = Record<string, unknown>;
/** A copy of a case with one field (a dotted path) set or, with `undefined`, removed. */
function withField(c: Case, path: string, value: unknown): Case {
  const out = structuredClone(c);
  const keys = path.split('.');
  let at = out as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  if (value === undefined) delete at[keys[keys.length - 1]!];
  else at[keys[keys.length - 1]!] = value;
  return out;
}

describe('the contract holds the domains beyond physical medicine', () => {
  it.each<[string, Case]>([
    ['a lumbar MRI request', mri],
    ['an opioid continuation request', opioids],
    ['a work hardening request', workHardening],
  ])('accepts %s as the case contract (case.schema.json) writes it', (_, c) => {
    expect(validateCase(c)).toEqual([]);
  });

  it.each<[string, Case]>([
    ['a prior surgery documented, with its details', withField(mri, 'history.priorLumbarSurgery', { date: '2022-03-01', type: 'discectomy', level: 'L4-5' })],
    ['a prior surgery documented absent', withField(mri, 'history.priorLumbarSurgery', false)],
    ['imaging already taken', withField(mri, 'history.priorLumbarImaging', [{ modality: 'mri', date: '2023-01-01', postOperative: false }])],
    ['no examination documented', withField(mri, 'findings.neuroExam', null)],
    ['a fentanyl patch', withField(opioids, 'medications', [{ name: 'fentanyl', formulation: 'transdermal', route: 'transdermal', dailyDose: 50, unit: 'mcg/h' }])],
    ['a continuation with its progress', withField(workHardening, 'progress', { weeksCompleted: 2, attendanceCompliance: 'non-compliant', measurableFunctionalGains: false })],
  ])('accepts %s', (_, c) => {
    expect(validateCase(c)).toEqual([]);
  });

  it.each<[string, Case, string, RegExp]>([
    ['a misspelt MRI field', withField(withField(mri, 'history.radicularSymptoms', undefined), 'history.radicularSymptom', true), 'history.radicularSymptom', /did you mean history\.radicularSymptoms\?/],
    ['a misspelt field of a medication', withField(opioids, 'medications', [{ name: 'oxycodone', dailyDos: 40, unit: 'mg' }]), 'medications[0].dailyDos', /did you mean medications\[0\]\.dailyDose\?/],
    ['a misspelt field of the FCE', withField(workHardening, 'findings.fce', { performed: true, efort: 'consistent-maximal' }), 'findings.fce.efort', /did you mean findings\.fce\.effort\?/],
    ['a value not of the field', withField(workHardening, 'findings.jobPhysicalDemandLevel', 'moderate'), 'findings.jobPhysicalDemandLevel', /must be one of/],
    ['weeks of conservative care, which the engine computes', withField(mri, 'history.conservativeCareWeeks', 6), 'history.conservativeCareWeeks', /is not a field of the case/],
    ['months since the injury, which the engine computes', withField(workHardening, 'history.monthsSinceInjury', 8.5), 'history.monthsSinceInjury', /is not a field of the case/],
    ['morphine equivalents, which the engine computes', withField(opioids, 'medications', [{ name: 'oxycodone', dailyDose: 40, unit: 'mg', mmePerDay: 60 }]), 'medications[0].mmePerDay', /is not a field of the case/],
    ['the date of injury under history', withField(workHardening, 'history.dateOfInjury', '2023-09-15'), 'history.dateOfInjury', /is not a field of the case/],
  ])('refuses %s, naming it', (_, c, field, message) => {
    const issues = validateCase(c);
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(issues[0]!.message).toMatch(message);
  });

  const rules = bundledRules();
  // With the rule set's vocabularies, a field naming what they compute is refused as computed,
  // with the field it is computed from, rather than as a misspelling of its neighbour.
  it.each<[string, Case, string, string]>([
    ['weeks of conservative care', withField(mri, 'history.conservativeCareWeeks', 6), 'history.conservativeCareWeeks', 'history.conservativeCareStartDate'],
    ['months on opioids', withField(opioids, 'history.opioidTherapyMonths', 16), 'history.opioidTherapyMonths', 'history.opioidTherapyStartDate'],
    ['months since the injury', withField(workHardening, 'history.monthsSinceInjury', 8.5), 'history.monthsSinceInjury', 'injury.date'],
    ['a medication\'s morphine equivalents', withField(opioids, 'medications', [{ name: 'oxycodone', dailyDose: 40, unit: 'mg', morphineEquivalents: 60 }]), 'medications[0].morphineEquivalents', 'medications[].dailyDose'],
  ])('refuses %s as computed, from the field it is computed from', (_, c, field, from) => {
    const issues = validateCase(c, rules);
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(issues[0]!.message).toBe(`is computed, not a field of the case: the engine works it out from ${from}`);
  });

  // An editor's own vocabulary computes by an expression too (`computed as`): the compiler carries
  // what it computes in the rule set, so the runtime refuses it as computed in the same words.
  const wound = compileProgram([{
    file: 'wound.guideline',
    text: `vocabulary wound-care "Wound care"

fact dressings: list of dressing, from dressings
record dressing "A dressing"
  field area: number from 0 to 1000, from area
  field layers: number from 0 to 10, from layers
  field coverage: number, computed as area * layers
fact dressing count: number, computed as count of dressings

guideline test.wound
  title    "Wound dressing"
  source   "Test", 2020, page 1
  covers   wound-dressing
  uses     wound-care

criterion small "Small dressings"
  require sum of coverage over dressings <= 100 and dressing count <= 3
  otherwise "Too much."
`,
  }]).rules!;
  const dressed = { jurisdiction: 'CA', asOf: '2026-01-01', request: { treatment: 'wound-dressing' }, dressings: [{ area: 10, layers: 2 }] };

  it('carries what an editor\'s vocabulary computes in the rule set, and the rule set loads', () => {
    expect(wound.facts.filter((f) => f.computedAs !== undefined).map((f) => [f.id, f.computedAs, f.inputs])).toEqual([
      ['dressingCount', 'count of dressings', ['dressings']],
      ['dressings[].coverage', 'area * layers', ['dressings[].area', 'dressings[].layers']],
    ]);
    expect(artifactSchema.definitions.fact.properties).toHaveProperty('computedAs');
    expect(() => loadRuleSet(JSON.parse(JSON.stringify(wound)))).not.toThrow();
    expect(validateCase(dressed, wound)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a record\'s field computed as an expression', { ...dressed, dressings: [{ area: 10, layers: 2, coverage: 20 }] }, 'dressings[0].coverage', 'dressings[].area, dressings[].layers'],
    ['a fact computed as an expression', { ...dressed, dressingCount: 1 }, 'dressingCount', 'dressings'],
  ])('refuses %s of an editor\'s vocabulary as computed, from the fields it reads', (_, c, field, from) => {
    const issues = validateCase(c, wound);
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(issues[0]!.message).toBe(`is computed, not a field of the case: the engine works it out from ${from}`);
  });
});
