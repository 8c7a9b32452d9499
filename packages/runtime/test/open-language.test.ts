// The open language, end to end: a vocabulary of its own, criterion groups, texts for each status,
// clinical review, editions chosen by the date of service, policy criteria, shared criteria, lists,
// time since a date, rounding, units that convert, and bounds of unknown numbers deciding.
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { CaseValidationError, evaluateFast, morphineEquivalents, type Determination } from '../src/index.ts';

const vocabulary = `
vocabulary rehab "Rehabilitation programs"
  uses physical-medicine

fact program weeks: number of weeks, from request.programWeeks
  "The weeks of the program requested."
fact tolerance: number of hours a day, from findings.toleranceHoursPerDay
  "The hours a day the worker tolerates."
fact surgical candidate: one of yes, no, evaluation-pending, from history.surgicalCandidate
fact working again: yes or no, from history.returnedToWork
fact job demand: one of sedentary, light, medium, heavy, from findings.jobDemand
fact prior programs: list of one of work-conditioning, work-hardening, from history.priorPrograms
fact care started: date, from history.careStartDate
fact medications: list of medication, from medications
  "The opioids the patient takes."
record medication "An opioid"
  field drug: text, from name
  field daily dose: number, from dailyDose
  field dose unit: one of "mg", "mcg/h", from unit
  field morphine equivalents: number of mg a day, computed by morphine-equivalents

define total morphine equivalents "Morphine equivalents a day, summed over every opioid":
  sum of morphine equivalents over medications

criterion no-repeat "No repeat of a program for the same injury"
  require prior programs is empty
  otherwise "The worker already completed {count of prior programs} program(s) for this injury."
`;

const guideline = (extra = ''): string => `
guideline t.wh
  title    "Test work hardening"
  source   "Test Guidelines", 2009, pages 125-126
  edition  2009
  in force 2009-01-01 to 2016-12-31
  covers   work-hardening
  uses     rehab

criterion tolerance "Tolerates at least 4 hours a day"
  require tolerance >= 4 hours a day
  when met "Tolerates {tolerance} hours a day."
  when unknown "The records do not say how long the worker tolerates activity."
  otherwise "Tolerates only {tolerance} hours a day."

criterion demand "Medium or heavier job demands, or back at work"
  require any of the following
  otherwise "Neither medium or heavier job demands nor a return to work."
  part heavy-job "Medium or heavier job demands"
    require job demand is medium, heavy
  part working "Returned to work"
    require working again

criterion surgery "Not a surgical candidate"
  needs clinical review
  require surgical candidate is no
  otherwise "Surgery is planned or being evaluated."

criterion length "At most 4 weeks"
  require program weeks <= 28 days
  certify at most 4 weeks / 1 weeks
  otherwise "{program weeks} weeks requested."

use criterion no-repeat
${extra}
guideline t.wh
  edition  2017
  revises  2009
  in force 2017-01-01
  drops    surgery

criterion length "At most 6 weeks"
  require program weeks <= 6 weeks
  otherwise "{program weeks} weeks requested, more than 6."

policy ca "California"
  jurisdiction CA
  first t.*
  uses rehab
  when denied "Only a physician reviewer may deny or modify (Labor Code 4610)."

criterion opioid-ceiling "At most 120 mg morphine equivalents a day"
  only when medications is not empty
  require total morphine equivalents <= 120 mg a day
  otherwise "{total morphine equivalents} mg a day of morphine equivalents exceed 120."
`;

function rules(extra = ''): RuleSet {
  const r = compileProgram([
    { text: vocabulary, file: 'rehab.guideline' },
    { text: guideline(extra), file: 'wh.guideline' },
  ]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
}

type Case = Record<string, unknown>;
const base = (over: { request?: Case; history?: Case; findings?: Case; medications?: unknown[]; asOf?: string } = {}): Case => ({
  jurisdiction: 'CA',
  asOf: over.asOf ?? '2015-06-01',
  request: { treatment: 'work-hardening', programWeeks: 4, ...over.request },
  history: { surgicalCandidate: 'no', returnedToWork: false, priorPrograms: [], careStartDate: '2015-01-01', ...over.history },
  findings: { toleranceHoursPerDay: 4, jobDemand: 'heavy', ...over.findings },
  medications: over.medications ?? [],
});

const statuses = (d: Determination): Record<string, string> => Object.fromEntries(d.criteria.map((c) => [c.id, c.status]));

describe('a vocabulary of its own', () => {
  const r = rules();
  it('decides a case that meets every criterion', () => {
    const d = evaluateFast(r, base());
    expect(d.decision).toBe('medically-necessary');
    expect(statuses(d)).toEqual({ tolerance: 'met', demand: 'met', surgery: 'met', length: 'met', 'no-repeat': 'met', 'opioid-ceiling': 'not-applicable' });
  });

  it('reads units that convert: 28 days is 4 weeks', () => {
    expect(statuses(evaluateFast(r, base({ request: { programWeeks: 5 } }))).length).toBe('not-met');
  });

  it('refuses a field no vocabulary defines, naming the closest defined one', () => {
    try {
      evaluateFast(r, base({ findings: { toleranceHoursPerDy: 4 } }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CaseValidationError);
      expect((e as CaseValidationError).issues).toEqual([{ field: 'findings.toleranceHoursPerDy', message: 'is not a field of the case; did you mean findings.toleranceHoursPerDay?' }]);
    }
  });

  it('accepts the fields of its vocabularies, checked by their types', () => {
    expect(() => evaluateFast(r, base({ findings: { jobDemand: 'extreme' } }))).toThrow(/findings.jobDemand: must be one of/);
  });
});

describe('criterion groups', () => {
  const r = rules();
  it('are met through a part, and say which', () => {
    const d = evaluateFast(r, base({ findings: { jobDemand: 'light' }, history: { returnedToWork: true } }));
    const demand = d.criteria.find((c) => c.id === 'demand')!;
    expect([demand.status, demand.met]).toEqual(['met', 'working']);
    expect(demand.parts!.map((p) => p.status)).toEqual(['not-met', 'met']);
  });

  it('are not met when no part is', () => {
    const d = evaluateFast(r, base({ findings: { jobDemand: 'light' }, history: { returnedToWork: false } }));
    expect(statuses(d).demand).toBe('not-met');
    expect(d.criteria.find((c) => c.id === 'demand')!.rationale).toBe('Neither medium or heavier job demands nor a return to work.');
  });

  it('are unknown when no part is met and one is unknown', () => {
    const d = evaluateFast(r, base({ findings: { jobDemand: 'light' }, history: { returnedToWork: null } }));
    expect(statuses(d).demand).toBe('unknown');
    expect(d.decision).toBe('insufficient-information');
    expect(d.missing).toEqual(['history.returnedToWork']);
  });
});

describe('texts for each status', () => {
  const r = rules();
  it('use the text for the status reached, with the case values', () => {
    const text = (c: Case): string => evaluateFast(r, c).criteria.find((x) => x.id === 'tolerance')!.rationale;
    expect(text(base())).toBe('Tolerates 4 hours a day.');
    expect(text(base({ findings: { toleranceHoursPerDay: 2 } }))).toBe('Tolerates only 2 hours a day.');
    expect(text(base({ findings: { toleranceHoursPerDay: null } }))).toBe('The records do not say how long the worker tolerates activity.');
  });

  it('default to plain words, keeping the title as written', () => {
    const d = evaluateFast(r, base());
    expect(d.criteria.find((c) => c.id === 'surgery')!.rationale).toBe('Met: Not a surgical candidate.');
  });

  it('name the missing facts in the vocabulary words, with the field', () => {
    const d = evaluateFast(r, base({ findings: { toleranceHoursPerDay: null } }));
    expect(d.rationale).toMatch(/tolerance \(findings\.toleranceHoursPerDay\) is not documented/);
  });
});

describe('clinical review', () => {
  const r = rules();
  it('a criterion the case does not decide needs review, and so does the request', () => {
    const d = evaluateFast(r, base({ history: { surgicalCandidate: 'evaluation-pending' } }));
    // 'evaluation-pending' is not 'no': the case decides it (not met). Only an unknown leaves it to a physician.
    expect(statuses(d).surgery).toBe('not-met');
    const open = evaluateFast(r, base({ history: { surgicalCandidate: null } }));
    expect([statuses(open).surgery, open.decision, open.review]).toEqual(['needs-review', 'needs-clinical-review', ['surgery']]);
  });

  it('a denial stands before review; missing facts come first too', () => {
    const denied = evaluateFast(r, base({ history: { surgicalCandidate: null }, findings: { toleranceHoursPerDay: 2 } }));
    expect(denied.decision).toBe('not-medically-necessary');
    const missing = evaluateFast(r, base({ history: { surgicalCandidate: null }, findings: { toleranceHoursPerDay: null } }));
    expect(missing.decision).toBe('insufficient-information');
  });
});

describe('editions', () => {
  const r = rules();
  it('are chosen by the date of service, or the review date', () => {
    const early = evaluateFast(r, base({ asOf: '2015-06-01' }));
    const late = evaluateFast(r, base({ asOf: '2018-01-10' }));
    const served = evaluateFast(r, base({ asOf: '2018-01-10', request: { serviceDate: '2016-03-01' } }));
    expect([early.guideline?.edition, late.guideline?.edition, served.guideline?.edition]).toEqual(['2009', '2017', '2009']);
  });

  it('a revision restates what changed and inherits the rest', () => {
    const d = evaluateFast(r, base({ asOf: '2018-01-10', request: { programWeeks: 5 } }));
    expect(d.criteria.map((c) => c.id)).toEqual(['tolerance', 'demand', 'length', 'no-repeat', 'opioid-ceiling']);
    expect(statuses(d).length).toBe('met');
    expect(d.criteria.find((c) => c.id === 'length')!.title).toBe('At most 6 weeks');
  });
});

describe('policy criteria and shared criteria', () => {
  const r = rules();
  it('the policy adds its criteria to whichever guideline governs, and notes who signs a denial', () => {
    const meds = [{ name: 'oxycodone', dailyDose: 60, unit: 'mg' }, { name: 'hydrocodone', dailyDose: 40, unit: 'mg' }];
    const d = evaluateFast(r, base({ medications: meds }));
    expect(statuses(d)['opioid-ceiling']).toBe('not-met');
    expect(d.criteria.find((c) => c.id === 'opioid-ceiling')!.rationale).toBe('130 mg a day of morphine equivalents exceed 120.');
    expect(d.criteria.find((c) => c.id === 'opioid-ceiling')!.policy).toBe('ca');
    expect(d.notes).toEqual(['Only a physician reviewer may deny or modify (Labor Code 4610).']);
  });

  it('methadone converts by its dose bands', () => {
    const at = (dose: number): string => statuses(evaluateFast(r, base({ medications: [{ name: 'methadone', dailyDose: dose, unit: 'mg' }] })))['opioid-ceiling']!;
    expect([at(20), at(30)]).toEqual(['met', 'not-met']); // 20 x 4 = 80; 30 x 8 = 240
  });

  it.each(['constructor', 'toString', '__proto__'])('a drug named %s has no conversion factor: its equivalents are unknown', (name) => {
    const d = evaluateFast(r, base({ medications: [{ name, dailyDose: 10, unit: 'mg' }] }));
    expect(statuses(d)['opioid-ceiling']).toBe('unknown');
    expect(morphineEquivalents({ name, dailyDose: 10, unit: 'mg' })).toBeUndefined();
  });

  it('a shared criterion is used as declared, in the guideline order', () => {
    const d = evaluateFast(r, base({ history: { priorPrograms: ['work-conditioning'] } }));
    expect(statuses(d)['no-repeat']).toBe('not-met');
    expect(d.criteria.find((c) => c.id === 'no-repeat')!.rationale).toBe('The worker already completed 1 program(s) for this injury.');
  });
});

describe('unknowns with bounds', () => {
  it('a sum an unknown cannot bring within the limit is not met, and the trace says which bound decided', () => {
    const r = rules('criterion start "Care started no more than 2 years ago"\n  require months since care started + 30 <= 24\n  otherwise "Too long ago."\n');
    const d = evaluateFast(r, base({ history: { careStartDate: null } }));
    const c = d.criteria.find((x) => x.id === 'start')!;
    expect(c.status).toBe('not-met');
    expect(c.trace[0]!.says).toMatch(/not documented, but care started is no later than the review date/);
  });

  it('an unknown that the bounds do not decide stays unknown', () => {
    const r = rules('criterion start "Care started no more than 2 years ago"\n  require months since care started <= 24\n  otherwise "Too long ago."\n');
    expect(statuses(evaluateFast(r, base({ history: { careStartDate: null } }))).start).toBe('unknown');
  });

  it('rounds as the text says', () => {
    const r = rules('criterion half "Half the course"\n  require program weeks <= half of 9 weeks, rounded down\n  otherwise "no"\n');
    expect(statuses(evaluateFast(r, base({ request: { programWeeks: 4 } }))).half).toBe('met');
    expect(statuses(evaluateFast(r, base({ request: { programWeeks: 5 } }))).half).toBe('not-met');
  });
});

describe('a guideline restates a define that shared criteria read', () => {
  const trials = `
vocabulary trials "Trials of treatment"
  uses physical-medicine

define trial visits "The visits of the initial trial": 6 visits
define total visits "The most visits in all": recommended visits

criterion trial "An initial trial first"
  only when completed visits < trial visits
  require completed visits + requested visits <= trial visits
  certify at most trial visits - completed visits
  otherwise "The trial is {trial visits} visits."

criterion total "Within the total"
  require completed visits + requested visits <= total visits
  otherwise "At most {total visits} in all."
`;
  const guidelines = `
guideline t.six
  title "Six"
  source "Test", page 1
  covers acupuncture
  uses trials

class any-pain "Pain" terms "pain"
recommend
  any-pain: 12 visits over 6 weeks

use criterion trial, total

guideline t.four
  title "Four"
  source "Test", page 2
  edition 2009
  in force 2009-01-01 to 2016-12-31
  covers massage
  uses trials

define trial visits: 4 visits

use criterion trial

criterion short "Short visits"
  require requested visits <= trial visits
  certify at most trial visits
  otherwise "At most {trial visits}."

guideline t.four
  edition 2017
  revises 2009
  in force 2017-01-01

define trial visits: 2 visits

policy ca "California"
  jurisdiction CA
  first t.*
`;
  const compiled = compileProgram([
    { text: trials, file: 'trials.guideline' },
    { text: guidelines, file: 'g.guideline' },
  ]);
  const at = (treatment: string, visits: number, asOf = '2015-06-01'): Determination =>
    evaluateFast(compiled.rules!, { jurisdiction: 'CA', asOf, review: 'utilization', request: { treatment, visits }, history: { visitsCompleted: 0 } });

  it('compiles', () => {
    expect(compiled.diagnostics).toEqual([]);
  });

  it('each guideline decides with its own value, in its conditions, certify amount and texts', () => {
    const six = at('acupuncture', 5);
    const four = at('massage', 5);
    expect([statuses(six).trial, statuses(four).trial, four.certifiedVisits]).toEqual(['met', 'not-met', 4]);
    expect(four.criteria.find((c) => c.id === 'trial')!.rationale).toBe('The trial is 4 visits.');
  });

  it("a vocabulary's define reads the recommendation of the guideline that applies it", () => {
    const d = evaluateFast(compiled.rules!, { jurisdiction: 'CA', asOf: '2015-06-01', diagnoses: [{ text: 'neck pain' }], request: { treatment: 'acupuncture', visits: 6 }, history: { visitsCompleted: 8 } });
    expect(statuses(d).total).toBe('not-met');
    expect(d.criteria.find((c) => c.id === 'total')!.rationale).toBe('At most 12 in all.');
  });

  it('an edition that restates it applies the new value to the criteria it inherits', () => {
    const late = at('massage', 3, '2018-01-10');
    expect([late.guideline?.edition, statuses(late).trial, statuses(late).short, late.certifiedVisits]).toEqual(['2017', 'not-met', 'not-met', 2]);
    expect(late.criteria.find((c) => c.id === 'short')!.rationale).toBe('At most 2.');
  });
});
