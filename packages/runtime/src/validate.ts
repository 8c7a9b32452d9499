// Validates a case against the contract's JSON Schema; every problem is named by its field. The
// schema's validator is generated at build time (case-schema.generated.ts, ajv standalone code): no
// validator is compiled at run time, so this runs under a Content-Security-Policy without 'unsafe-eval'.
import { validate as validateSchema } from './case-schema.generated.ts';
import { quickValid } from './case-check.generated.ts';
import { showValue as show, valueAt, type SchemaError } from './schema-errors.ts';
import type { Case } from './types.ts';

export interface CaseIssue {
  /** Dotted path of the field (`request.treatment`), or '' for the whole case. */
  field: string;
  message: string;
}

/** Thrown by `evaluate` for a case that does not follow the contract; `issues` name each field. */
export class CaseValidationError extends Error {
  constructor(readonly issues: CaseIssue[]) {
    super(`Invalid case: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'CaseValidationError';
  }
}

/** The generated validator: true or false, and the errors of the last call. */
const validator = validateSchema as unknown as { (x: unknown): boolean; errors?: SchemaError[] | null };

/** The problems of a case, one per field (empty when it follows the contract). */
export function validateCase(input: unknown): CaseIssue[] {
  // The generated check says yes to a plainly well-formed case at a fraction of ajv's cost; any
  // other case goes to ajv, which decides and names every bad field.
  return quickValid(input) ? [] : schemaIssues(input);
}

/** The problems of a case as ajv finds them, without the fast yes (validateCase is the one to call). */
export function schemaIssues(input: unknown): CaseIssue[] {
  if (validator(input)) return [];
  const byField = new Map<string, CaseIssue>();
  for (const e of validator.errors ?? []) {
    if (e.schemaPath.includes('/anyOf/')) continue; // the anyOf error itself says it better
    let field = e.instancePath.split('/').slice(1).join('.');
    let message: string;
    const got = valueAt(input, e.instancePath);
    switch (e.keyword) {
      case 'required': {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        field = field ? `${field}.${missing}` : missing;
        message = 'is required';
        break;
      }
      case 'format': message = `must be a date (YYYY-MM-DD), got ${show(got)}`; break;
      case 'type': message = `must be ${String((e.params as { type: string }).type).replace(',null', '').replace(/,/g, ' or ')}, got ${show(got)}`; break;
      case 'enum': message = `must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map(show).join(', ')}, got ${show(got)}`; break;
      case 'pattern': message = `is not in the expected form, got ${show(got)}`; break;
      case 'anyOf': message = 'needs a text or an icd10 code'; break;
      default: message = `${e.message ?? 'is invalid'}, got ${show(got)}`;
    }
    if (!byField.has(field)) byField.set(field, { field, message });
  }
  return [...byField.values()];
}

/** Checks a case and returns it typed, or throws CaseValidationError. */
export function assertCase(input: unknown): Case {
  if (quickValid(input)) return input as Case;
  const issues = schemaIssues(input);
  if (issues.length) throw new CaseValidationError(issues);
  return input as Case;
}
