// Validates a case against the contract's JSON Schema; every problem is named by its field.
import Ajv from 'ajv';
import schema from '../schema/case.schema.json' with { type: 'json' };
import { quickValid } from './case-check.generated.ts';
import { isCalendarDate } from './iso-date.ts';
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

type AjvCtor = typeof Ajv extends { default: infer D } ? D : typeof Ajv;
const AjvClass = ((Ajv as unknown as { default?: AjvCtor }).default ?? Ajv) as unknown as new (o: object) => import('ajv').default;

let validator: import('ajv').ValidateFunction | undefined;
function getValidator(): import('ajv').ValidateFunction {
  if (!validator) {
    const ajv = new AjvClass({ allErrors: true, strict: false });
    ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
    validator = ajv.compile(schema);
  }
  return validator;
}

/**
 * A value as a message quotes it: its JSON, cut at 40 characters, written only that far (a value
 * nested thousands deep once overflowed the stack here, in JSON.stringify). A string whose text is
 * a number, true, false or null says it is a string, and a number JSON cannot write
 * (Infinity, from 1e999) is not shown as null.
 */
export function showValue(v: unknown): string {
  const s = shown(v, 41);
  const text = s.length > 40 ? s.slice(0, 40) + '…' : s;
  return typeof v === 'string' && /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/.test(v) ? `the string ${text}` : text;
}

/** JSON of a value, written until it has `room` characters: each level takes one, so no deeper than that. */
function shown(v: unknown, room: number): string {
  if (typeof v === 'string') return JSON.stringify(v.slice(0, room));
  if (typeof v !== 'object' || v === null) return String(v);
  const array = Array.isArray(v);
  let out = array ? '[' : '{';
  let first = true;
  for (const k in v) {
    if (out.length >= room) break;
    if (!Object.hasOwn(v, k)) continue;
    out += `${first ? '' : ','}${array ? '' : `${JSON.stringify(k.slice(0, room))}:`}`;
    out += shown((v as Record<string, unknown>)[k], room - out.length);
    first = false;
  }
  return out + (array ? ']' : '}');
}

const show = showValue;

function valueAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const part of pointer.split('/').slice(1)) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

/** The problems of a case, one per field (empty when it follows the contract). */
export function validateCase(input: unknown): CaseIssue[] {
  // The generated check says yes to a plainly well-formed case at a fraction of ajv's cost; any
  // other case goes to ajv, which decides and names every bad field.
  return quickValid(input) ? [] : schemaIssues(input);
}

/** The problems of a case as ajv finds them, without the fast yes (validateCase is the one to call). */
export function schemaIssues(input: unknown): CaseIssue[] {
  const validate = getValidator();
  if (validate(input)) return [];
  const byField = new Map<string, CaseIssue>();
  for (const e of validate.errors ?? []) {
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
