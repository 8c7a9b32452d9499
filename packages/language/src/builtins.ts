// What only code can compute, by name: the request's numbers read from its text, the classes a
// diagnosis or surgery falls in, the body region a body part names, the date that picks an edition,
// a medication's morphine equivalents, the guideline that governs. A vocabulary names one
// (`computed by requested-visits`); the runtime implements each (packages/runtime/src/builtins.ts),
// and a test holds the two lists equal.
import { DATE, numberIn, TEXT, type Ty } from './check/symbols.ts';
import { standardUnits, unit } from './units.ts';

export interface Builtin {
  /** The id compiled rules read the value by. */
  id: string;
  ty: Ty;
  /** Case fields whose absence leaves it unknown (for "Missing"). */
  inputs: readonly string[];
  /** Computed for each item of a list (`item`), rather than once for the case. */
  item?: true;
  /** Case fields it reads that no fact need declare (the contract's, with their types). */
  reads?: Readonly<Record<string, Ty>>;
  description: string;
}

const { VISITS, WEEKS, MG, DAYS } = standardUnits;

// No prototype: a guideline's `computed by constructor` finds no built-in rather than an inherited function.
export const builtins: Readonly<Record<string, Builtin>> = Object.freeze(Object.assign(Object.create(null) as Record<string, Builtin>, {
  'requested-visits': {
    id: 'request.visits', ty: numberIn(unit(VISITS)), inputs: ['request.visits'],
    reads: { 'request.visits': numberIn(unit(VISITS), 0, 1000), 'request.frequencyPerWeek': numberIn(unit(VISITS, WEEKS), 0, 21), 'request.weeks': numberIn(unit(WEEKS), 0, 520) },
    description: 'The visits requested: request.visits, or frequency times weeks (rounded up to a whole visit: 3 a week for 60 days is 26), or read from the request text ("2 times 4", "12 sessions", "8 more physical therapy visits").',
  },
  'requested-frequency': {
    id: 'request.frequencyPerWeek', ty: numberIn(unit(VISITS, WEEKS)), inputs: ['request.frequencyPerWeek'],
    reads: { 'request.frequencyPerWeek': numberIn(unit(VISITS, WEEKS), 0, 21) },
    description: 'Visits per week requested: request.frequencyPerWeek, or read from the request text.',
  },
  'requested-weeks': {
    id: 'request.weeks', ty: numberIn(unit(WEEKS)), inputs: ['request.weeks'],
    reads: { 'request.weeks': numberIn(unit(WEEKS), 0, 520) },
    description: 'Weeks the request spans: request.weeks, or read from the request text ("for 6 weeks"; "for 60 days" is 60/7 weeks; months are not read).',
  },
  'body-region': {
    id: 'request.bodyRegion', ty: TEXT, inputs: ['request.bodyPart'],
    description: 'The body part of the request as the guideline chapters name it: "low back", "neck", "upper back", "shoulder", "elbow", "forearm, wrist and hand", "hip", "knee", "ankle and foot", or "other".',
  },
  'diagnosis-classes': {
    id: 'diagnoses.classes', ty: { kind: 'class', of: 'diagnosis' }, inputs: ['diagnoses'],
    description: "The guideline's diagnosis classes the case's diagnoses fall in (by their words or their ICD-10 codes).",
  },
  'surgery-classes': {
    id: 'surgery.classes', ty: { kind: 'class', of: 'procedure' }, inputs: ['surgery'],
    description: "The guideline's procedure classes the case's surgery falls in.",
  },
  'jurisdiction-code': {
    id: 'jurisdiction', ty: TEXT, inputs: ['jurisdiction'],
    reads: { jurisdiction: TEXT },
    description: 'The jurisdiction of the claim, upper case (CA, TX).',
  },
  'governing-id': {
    id: 'governingId', ty: TEXT, inputs: [],
    description: 'The id of the guideline that governs the request: for criteria of a policy, which apply whichever guideline governs.',
  },
  'effective-date': {
    id: 'effectiveDate', ty: { kind: 'date', anyDate: true }, inputs: ['asOf'],
    reads: { 'request.serviceDate': { kind: 'date', anyDate: true }, asOf: DATE },
    description: 'The date of service when the case gives it, else the review date: the date that picks a guideline edition.',
  },
  'morphine-equivalents': {
    id: 'morphineEquivalents', ty: numberIn(unit(MG, DAYS), 0), inputs: ['dailyDose'], item: true,
    reads: { name: TEXT, dailyDose: numberIn(undefined, 0), unit: { kind: 'enum', values: ['mg', 'mcg/h'], fact: 'unit' } },
    description: "A medication's daily dose in oral morphine milligram equivalents, by the opioids vocabulary's table morphine-conversion (CDC 2016 conversion factors; methadone by its dose bands; a fentanyl patch per mcg/h).",
  },
}));
