// The case (input) and determination (output) of the public contract (packages/runtime/schema:
// case.schema.json, determination.schema.json; docs/determination.md). The case's fields beyond
// these are the vocabularies' (each domain's history, findings, medications, ...).

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
    /** The date of service; a guideline edition is chosen by it when given, by `asOf` otherwise. */
    serviceDate?: string | null;
    [field: string]: unknown;
  };
  history?: Record<string, unknown> | null;
  [field: string]: unknown;
}

/** Every decision a determination may give: what a test case may expect, and what a reader of one may be shown. */
export const decisions = [
  'medically-necessary',
  'not-medically-necessary',
  'partially-medically-necessary',
  'insufficient-information',
  'needs-clinical-review',
  'no-applicable-guideline',
] as const;
export type Decision = (typeof decisions)[number];

/** Every status a criterion may have. */
export const criterionStatuses = ['met', 'not-met', 'not-applicable', 'unknown', 'needs-review'] as const;
export type CriterionStatus = (typeof criterionStatuses)[number];

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
  file: string;
  /** What was found, in the guideline's words: "completed visits 24 + requested visits 8 = 32, more than recommended visits 10". */
  says: string;
}

export interface PartResult {
  id: string;
  title: string;
  status: 'met' | 'not-met' | 'unknown';
  rationale: string;
}

export interface CriterionResult {
  id: string;
  title: string;
  status: CriterionStatus;
  rationale: string;
  source: { file: string; line: number };
  trace: TraceEntry[];
  /** A group's parts, each with its status; `met` names the part that met it. */
  parts?: PartResult[];
  met?: string;
  /** Set for a criterion the policy applies besides the guideline's own. */
  policy?: string;
}

export interface Determination {
  caseId?: string;
  /** This determination's id: a random UUID unless the caller makes its own (EvaluateOptions.decisionId). */
  decisionId: string;
  /** The revision of the rule set that decided (`sha256:` and 64 hex digits): its artifact's `revision`. */
  revision: string;
  decision: Decision;
  certifiedVisits: number;
  /** The guideline that governed, with its edition when it has several; null when none did. */
  guideline: { id: string; title: string; citation: string; edition?: string } | null;
  criteria: CriterionResult[];
  rationale: string;
  /** Case fields whose absence left the decision open (insufficient-information). */
  missing: string[];
  /** The criteria a physician must judge (needs-clinical-review). */
  review?: string[];
  /** What the policy says of who must sign a denial. */
  notes?: string[];
}
