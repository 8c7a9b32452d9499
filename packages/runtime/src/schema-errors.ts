// What the generated schema validators report, and how a rule set's schema error reads as an issue
// at a JSON path (`guidelines[2].rules[0].conditions.all[1]`), in words rather than schema keywords.
import { ucs2length } from './ucs2-length.ts';

/** One error of a generated validator (ajv's error object, messages left out). */
export interface SchemaError {
  /** JSON pointer to the value: `/guidelines/2/rules/0`. */
  instancePath: string;
  /** JSON pointer into the schema: `#/definitions/rule/properties/name/type`. */
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** The value a JSON pointer names, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const part of segments(pointer)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A JSON pointer as a path: `/guidelines/2/rules/0/name` is `guidelines[2].rules[0].name`. */
export function pathOf(pointer: string, then?: string): string {
  let out = '';
  for (const s of then === undefined ? segments(pointer) : [...segments(pointer), then]) out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  return out;
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

/**
 * What each anyOf of the rule-set schema accepts, by where the value stands (a generated validator
 * gives schema paths relative to the definition it is in, so the value's place says more).
 */
const forms: [RegExp, string][] = [
  [/\/rules\/\d+\/conditions$/, "a rule's conditions are all, any or not at the root, never a single leaf"],
  [/\/value$/, 'is not a value this operator compares with (a number, a text, true or false, a list or a fact, by operator)'],
  [/\/value\/\d+$/, 'must be a text, a number or true or false'],
  [/\/const$/, 'must be a number or a text'],
];

/** A condition of a rule: the rule's conditions, or a part of them. */
const conditionPath = /\/rules\/\d+\/conditions(\/(all|any)\/\d+|\/not)*$/;

/**
 * The error that stopped a validator that stops at the first: the last one (the branches an anyOf
 * tried come before it; an if's failed `then` before the if, which says less).
 */
export function decisive(errors: readonly SchemaError[]): SchemaError | undefined {
  for (let i = errors.length - 1; i >= 0; i--) if (errors[i]!.keyword !== 'if') return errors[i];
  return undefined;
}

/** A rule-set schema error as an issue: where, and what is wrong, in words. */
export function schemaIssue(e: SchemaError, doc: unknown): { at: string; message: string } {
  const got = valueAt(doc, e.instancePath);
  const p = e.params;
  const inCondition = conditionPath.test(e.instancePath);
  switch (e.keyword) {
    case 'required':
      return { at: pathOf(e.instancePath, String(p['missingProperty'])), message: 'is required' };
    case 'additionalProperties':
      if (inCondition && p['additionalProperty'] === 'path') return { at: pathOf(e.instancePath, 'path'), message: 'jsonpath expressions are not allowed; facts are flat ids' };
      return {
        at: pathOf(e.instancePath, String(p['additionalProperty'])),
        message: inCondition ? 'is not allowed here: a condition is exactly one of all, any, not or a leaf (fact, operator, value, and params for calc)' : 'is not a field of this object',
      };
    case 'type':
      return { at: pathOf(e.instancePath), message: `must be ${String(p['type'])}, got ${showValue(got)}` };
    case 'const':
      return { at: pathOf(e.instancePath), message: `must be ${showValue(p['allowedValue'])}, got ${showValue(got)}` };
    case 'enum':
      if (e.instancePath.endsWith('/operator')) return { at: pathOf(e.instancePath), message: `unknown operator ${showValue(got)}` };
      if (e.instancePath.endsWith('/op')) return { at: pathOf(e.instancePath), message: `unknown arithmetic ${showValue(got)}` };
      return { at: pathOf(e.instancePath), message: `must be one of ${(p['allowedValues'] as unknown[]).map(showValue).join(', ')}; got ${showValue(got)}` };
    case 'maxItems':
    case 'minItems':
      return { at: pathOf(e.instancePath), message: `has ${Array.isArray(got) ? got.length : 0} items; it must have ${e.keyword === 'maxItems' ? 'at most' : 'at least'} ${String(p['limit'])}` };
    case 'maxProperties':
      return { at: pathOf(e.instancePath), message: `has more than ${String(p['limit'])} fields` };
    case 'maxLength':
    case 'minLength':
      return { at: pathOf(e.instancePath), message: e.keyword === 'maxLength' ? `is ${typeof got === 'string' ? ucs2length(got) : 0} characters; the limit is ${String(p['limit'])}` : 'must not be empty' };
    case 'pattern':
      return { at: pathOf(e.instancePath), message: `is not in the expected form (${String(p['pattern'])}), got ${showValue(got)}` };
    case 'minimum':
    case 'maximum':
      return { at: pathOf(e.instancePath), message: `must be ${String(p['comparison'])} ${String(p['limit'])}, got ${showValue(got)}` };
    case 'not':
      return e.schemaPath.includes('allOf')
        ? { at: pathOf(e.instancePath), message: "a calc expression reads facts other than 'calc'" }
        : { at: pathOf(e.instancePath, 'params'), message: "only the fact 'calc' takes params" };
    case 'anyOf': {
      const form = forms.find(([place]) => place.test(e.instancePath));
      return { at: pathOf(e.instancePath), message: `${form ? form[1] : 'is none of the forms allowed here'}, got ${showValue(got)}` };
    }
    default:
      return { at: pathOf(e.instancePath), message: `is invalid (${e.keyword}), got ${showValue(got)}` };
  }
}
