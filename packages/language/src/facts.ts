// The fact catalog: the words an editor writes ("completed visits") mapped onto the case's fields,
// with their type, unit and meaning. The checker, compiler, runtime and playground all read it.
import type { Unit } from './ast.ts';

export type FactType =
  | { kind: 'number'; unit: Unit }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'date' }
  | { kind: 'text' }
  /** Membership in the guideline's `class` (diagnosis) or `procedure` (surgery) declarations. */
  | { kind: 'class'; of: 'diagnosis' | 'procedure' };

export interface FactInfo {
  /** The words an editor writes. */
  name: string;
  /** Fact id in compiled rules: the case field's dotted path, or a derived fact's id. */
  id: string;
  type: FactType;
  description: string;
  /** Case fields whose absence makes this fact unknown (reported in a determination's `missing`). */
  inputs: readonly string[];
  /** Computed by the runtime from the case and the guideline rather than read from one field. */
  derived?: true;
}

const visits = { kind: 'number', unit: 'visits' } as const;

export const factCatalog: readonly FactInfo[] = [
  { name: 'completed visits', id: 'history.visitsCompleted', type: visits, inputs: ['history.visitsCompleted'], description: 'Visits of the requested treatment already completed for this injury.' },
  { name: 'requested visits', id: 'request.visits', type: visits, inputs: ['request.visits'], derived: true, description: 'Visits requested: request.visits, or frequency × weeks, or read from the request text ("2 times 4", "12 sessions").' },
  { name: 'requested frequency', id: 'request.frequencyPerWeek', type: { kind: 'number', unit: 'per week' }, inputs: ['request.frequencyPerWeek'], derived: true, description: 'Visits per week requested, given or read from the request text.' },
  { name: 'requested weeks', id: 'request.weeks', type: { kind: 'number', unit: 'weeks' }, inputs: ['request.weeks'], derived: true, description: 'Weeks the request spans, given or read from the request text.' },
  { name: 'functional improvement', id: 'history.functionalImprovement', type: { kind: 'enum', values: ['documented', 'not-documented'] }, inputs: ['history.functionalImprovement'], description: 'Whether objective, measured functional gain from prior visits is documented (9792.20).' },
  { name: 'home exercise program', id: 'history.homeExerciseProgram', type: { kind: 'enum', values: ['none', 'instructed', 'compliant', 'failed'] }, inputs: ['history.homeExerciseProgram'], description: 'The patient\'s independent home exercise program: none, instructed, compliant, or failed.' },
  { name: 'patient age', id: 'patient.age', type: { kind: 'number', unit: 'years' }, inputs: ['patient.age'], description: 'The patient\'s age in years.' },
  { name: 'injury date', id: 'injury.date', type: { kind: 'date' }, inputs: ['injury.date'], description: 'Date of injury.' },
  { name: 'surgery date', id: 'surgery.date', type: { kind: 'date' }, inputs: ['surgery.date'], description: 'Date of the surgery, when there was one.' },
  { name: 'surgery', id: 'surgery.classes', type: { kind: 'class', of: 'procedure' }, inputs: ['surgery'], derived: true, description: 'The surgery performed, matched against the guideline\'s procedure classes.' },
  { name: 'diagnosis', id: 'diagnoses.classes', type: { kind: 'class', of: 'diagnosis' }, inputs: ['diagnoses'], derived: true, description: 'The diagnoses, matched against the guideline\'s diagnosis classes.' },
  { name: 'treatment', id: 'request.treatment', type: { kind: 'text' }, inputs: ['request.treatment'], description: 'The requested treatment kind (physical-therapy, chiropractic, acupuncture, ...).' },
  { name: 'body part', id: 'request.bodyPart', type: { kind: 'text' }, inputs: ['request.bodyPart'], description: 'The body part the request treats.' },
  { name: 'state', id: 'jurisdiction', type: { kind: 'text' }, inputs: [], description: 'The jurisdiction of the claim, upper case (CA, TX): the case\'s `jurisdiction`, for rules of one state inside a guideline several states use.' },
  { name: 'body region', id: 'request.bodyRegion', type: { kind: 'text' }, inputs: ['request.bodyPart'], derived: true, description: 'The body part of the request as the guideline chapters name it: "low back", "neck", "upper back", "shoulder", "elbow", "forearm, wrist and hand", "hip", "knee", "ankle and foot", or "other" when the body part names none of them.' },
  { name: 'care type', id: 'request.careType', type: { kind: 'enum', values: ['therapeutic', 'maintenance', 'flare-up'] }, inputs: ['request.careType'], description: 'What the requested care is for: therapeutic (a course to restore function), maintenance (elective care to keep a plateau), or flare-up (a recurrence after an earlier course).' },
  { name: 'reduced weight bearing', id: 'history.reducedWeightBearing', type: { kind: 'enum', values: ['documented', 'not-documented'] }, inputs: ['history.reducedWeightBearing'], description: 'Whether the records document a need for reduced weight bearing (e.g. extreme obesity, a weight-bearing restriction).' },
  { name: 'active treatment', id: 'history.activeTreatment', type: { kind: 'enum', values: ['ongoing', 'none'] }, inputs: ['history.activeTreatment'], description: 'Whether an active treatment program (therapeutic exercise, physical therapy, a home exercise program) is under way alongside the request.' },
  { name: 'pain medication', id: 'history.painMedication', type: { kind: 'enum', values: ['reduced', 'not-tolerated', 'unchanged'] }, inputs: ['history.painMedication'], description: 'The patient\'s pain medication: reduced, not tolerated, or unchanged.' },
  { name: 'review', id: 'review', type: { kind: 'enum', values: ['independent', 'utilization'] }, inputs: [], derived: true, description: 'Independent medical review (decides the request as written) or utilization review (may certify part).' },
  { name: 'recommended visits', id: 'recommended.visits', type: visits, inputs: ['diagnoses'], derived: true, description: 'The most visits the guideline recommends for the matched class (the high end of its range).' },
  { name: 'recommended minimum visits', id: 'recommended.minVisits', type: visits, inputs: ['diagnoses'], derived: true, description: 'The low end of the recommended visit range for the matched class.' },
  { name: 'recommended weeks', id: 'recommended.weeks', type: { kind: 'number', unit: 'weeks' }, inputs: ['diagnoses'], derived: true, description: 'The weeks over which the recommended visits are given (the high end of its range).' },
  { name: 'recommended frequency', id: 'recommended.frequency', type: { kind: 'number', unit: 'per week' }, inputs: [], derived: true, description: 'The most visits per week the guideline recommends.' },
  { name: 'treatment period', id: 'recommended.periodMonths', type: { kind: 'number', unit: 'months' }, inputs: ['diagnoses'], derived: true, description: 'The postsurgical physical medicine treatment period of the matched procedure, in months from surgery.' },
  { name: 'diagnosis group', id: 'recommended.classTitle', type: { kind: 'text' }, inputs: ['diagnoses'], derived: true, description: 'The title of the diagnosis class whose recommendation applies.' },
  { name: 'surgery group', id: 'recommended.classTitle', type: { kind: 'text' }, inputs: ['surgery'], derived: true, description: 'The title of the procedure class whose recommendation applies.' },
];

const byName = new Map(factCatalog.map((f) => [f.name, f]));
const byId = new Map([...factCatalog].reverse().map((f) => [f.id, f]));

/** The catalog's names word by word: `next` by the following word, `name` where a name ends. */
export interface FactNameNode {
  readonly name?: string;
  readonly next: ReadonlyMap<string, FactNameNode>;
}
/**
 * The root of the name tree. The parser follows a fact's words down it and names the fact with the
 * catalog's own string, whose hash is already known, rather than with a string it has just joined:
 * every later lookup of that name is then a hit on the first probe.
 */
export const factNames: FactNameNode = (() => {
  type Node = { name?: string; next: Map<string, Node> };
  const root: Node = { next: new Map() };
  for (const f of factCatalog) {
    let n = root;
    for (const w of f.name.split(' ')) {
      let m = n.next.get(w);
      if (!m) n.next.set(w, (m = { next: new Map() }));
      n = m;
    }
    n.name = f.name;
  }
  return root;
})();

/** Looks a fact up by the words an editor writes (case- and spacing-insensitive). */
export function lookupFact(name: string): FactInfo | undefined {
  return byName.get(name) ?? byName.get(name.toLowerCase().replace(/\s+/g, ' ').trim());
}

export function factById(id: string): FactInfo | undefined {
  return byId.get(id);
}

/** The catalog entry closest to a misspelt name, for "did you mean" hints. */
export function closestFact(name: string): FactInfo | undefined {
  let best: FactInfo | undefined;
  let bestScore = Infinity;
  for (const f of factCatalog) {
    const d = editDistance(name, f.name);
    if (d < bestScore) { bestScore = d; best = f; }
  }
  return bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
