// The case (input) and determination (output) of the public contract (case-format.md).

export interface Case {
  id?: string;
  jurisdiction: string;
  asOf: string;
  review?: 'independent' | 'utilization' | null;
  patient?: { age?: number | null; sex?: string | null } | null;
  injury?: { date?: string | null; bodyParts?: string[] | null } | null;
  diagnoses?: { text?: string; icd10?: string }[] | null;
  surgery?: { procedure?: string | null; date?: string | null } | null;
  request: {
    treatment: string;
    text?: string | null;
    visits?: number | null;
    frequencyPerWeek?: number | null;
    weeks?: number | null;
    bodyPart?: string | null;
    /** therapeutic (a course to restore function), maintenance (elective care at a plateau), flare-up (a recurrence). */
    careType?: 'therapeutic' | 'maintenance' | 'flare-up' | null;
  };
  history?: {
    visitsCompleted?: number | null;
    functionalImprovement?: 'documented' | 'not-documented' | null;
    homeExerciseProgram?: 'none' | 'instructed' | 'compliant' | 'failed' | null;
    /** Whether the records document a need for reduced weight bearing (e.g. extreme obesity). */
    reducedWeightBearing?: 'documented' | 'not-documented' | null;
    /** Whether an active treatment program (exercise, physical therapy, a home program) is under way alongside. */
    activeTreatment?: 'ongoing' | 'none' | null;
    /** The patient's pain medication: reduced, not tolerated, or unchanged. */
    painMedication?: 'reduced' | 'not-tolerated' | 'unchanged' | null;
  } | null;
}

export type Decision =
  | 'medically-necessary'
  | 'not-medically-necessary'
  | 'partially-medically-necessary'
  | 'insufficient-information'
  | 'no-applicable-guideline';

export type CriterionStatus = 'met' | 'not-met' | 'not-applicable' | 'unknown';

export interface TraceEntry {
  /** The fact read: its case field (history.visitsCompleted) or, for a computed operand, the expression as written. */
  fact: string;
  value: unknown;
  operator: string;
  expected: unknown;
  /** null when a fact it needs is unknown. */
  result: boolean | null;
  /** The condition as written in the guideline, and where. */
  condition: string;
  line: number;
}

export interface CriterionResult {
  id: string;
  title: string;
  status: CriterionStatus;
  rationale: string;
  source: { file: string; line: number };
  trace: TraceEntry[];
}

export interface Determination {
  caseId?: string;
  decision: Decision;
  certifiedVisits: number;
  guideline: { id: string; title: string; citation: string } | null;
  criteria: CriterionResult[];
  rationale: string;
  missing: string[];
}
