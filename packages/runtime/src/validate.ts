// Validates a case against the contract (the standard vocabularies' fields) and the rule set's own
// vocabularies: every bad field, and every field no vocabulary defines, is named by its path.
import type { RuleSet } from '@guideline/language/rules';
import { laterDates } from './case-dates.ts';
import { nearMisses } from './case-values.ts';
import { markComputed } from './computed-fields.ts';
import { contractFields } from './contract.generated.ts';
import { addField, caseValidator, checkFields, fieldIssues, type FieldNode } from './fields.ts';
import type { Case } from './types.ts';

export interface CaseIssue {
  /** Dotted path of the field (`request.treatment`), or '' for the whole case. */
  field: string;
  message: string;
  /** On the last issue only, when a case has more problems than are reported: how many more. */
  more?: number;
}

/** Thrown by `evaluate` for a case that does not follow the contract; `issues` name each field. */
export class CaseValidationError extends Error {
  constructor(readonly issues: CaseIssue[]) {
    super(`Invalid case: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'CaseValidationError';
  }
}

const trees = new WeakMap<RuleSet, FieldNode & { kind: 'object' }>();

/** The fields a rule set's cases may have: the contract's, and those its own vocabularies define. */
export function fieldsOf(rules: RuleSet | undefined): FieldNode & { kind: 'object' } {
  if (!rules) return contractFields;
  const known = trees.get(rules);
  if (known) return known;
  const tree = structuredClone(contractFields);
  for (const f of rules.facts) if (f.field || f.id.includes('[].')) addField(tree, f);
  markComputed(tree, rules.facts);
  trees.set(rules, tree);
  return tree;
}

/**
 * The problems of a case, one per field (empty when it follows the contract); for a case whose
 * fields follow it, a date later than its review date (case-dates.ts) and a value that nearly
 * matches the rule set's names and would not as written (case-values.ts).
 */
export function validateCase(input: unknown, rules?: RuleSet): CaseIssue[] {
  const tree = fieldsOf(rules);
  const issues = checkFields(tree, input);
  return issues.length ? issues : afterFields(tree, input, rules);
}

/** What is checked of a case whose fields are each right: how they stand together, and against the rule set's names. */
function afterFields(tree: FieldNode & { kind: 'object' }, input: unknown, rules: RuleSet | undefined): CaseIssue[] {
  const later = laterDates(tree, input);
  if (!rules) return later;
  const near = nearMisses(rules, input);
  return near.length === 0 ? later : later.length === 0 ? near : [...later, ...near];
}

/**
 * Whether a case's fields each follow the rule set's tree, with no issues built: the first part of
 * validateCase's answer (checkedCase asks the rest of a case that passes).
 */
export function caseCheckOf(rules: RuleSet | undefined): (input: unknown) => boolean {
  return caseValidator(fieldsOf(rules));
}

/** Checks a case and returns it typed, or throws CaseValidationError. */
export function assertCase(input: unknown, rules?: RuleSet): Case {
  return checkedCase(input, rules, caseCheckOf(rules));
}

/** assertCase with the rule set's case check (caseCheckOf) already in hand: it runs once, and the fields' issues are found only when it fails. */
export function checkedCase(input: unknown, rules: RuleSet | undefined, valid: (input: unknown) => boolean): Case {
  const issues = valid(input) ? afterFields(fieldsOf(rules), input, rules) : fieldIssues(fieldsOf(rules), input);
  if (issues.length) throw new CaseValidationError(issues);
  return input as Case;
}
