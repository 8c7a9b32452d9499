// The fields a case may have, as a tree: built from fact definitions (the standard vocabularies'
// facts are the contract; a rule set's own vocabularies add theirs), and checked against a case so
// that every bad or undefined field is named, with the closest defined one.
import { closest, type FactDef, type FactType } from '@guideline/language/rules';
import { isCalendarDate } from './iso-date.ts';

/** A field of the case: an object of named fields, a list, or a value of a fact's type. */
export type FieldNode =
  | { kind: 'object'; fields: Record<string, FieldNode>; required?: string[]; computed?: Record<string, string> }
  | { kind: 'list'; of: FieldNode }
  | { kind: 'value'; type: FactType; words?: string; fields?: Record<string, FieldNode> };

/** Adds a fact's field to a tree (an item's field under its list's items). */
export function addField(root: FieldNode & { kind: 'object' }, def: FactDef, required = false): void {
  if (def.computedAs !== undefined) return; // computed from other fields (computed-fields.ts marks it)
  const item = def.id.indexOf('[].');
  if (item >= 0) {
    if (def.builtin) return; // computed for each item, not a field of it
    const list = ensurePath(root, def.id.slice(0, item).split('.'), { kind: 'list', of: { kind: 'object', fields: {} } });
    if (list.kind !== 'list') return;
    if (list.of.kind !== 'object') list.of = { kind: 'object', fields: {} };
    addLeaf(list.of as FieldNode & { kind: 'object' }, def.id.slice(item + 3).split('.'), def);
    return;
  }
  if (!def.field) return;
  const path = def.field.split('.');
  if (def.type.kind === 'records') {
    ensurePath(root, path, { kind: 'list', of: { kind: 'object', fields: {} } });
    return;
  }
  addLeaf(root, path, def);
  if (required) markRequired(root, path);
}

function markRequired(root: FieldNode & { kind: 'object' }, path: string[]): void {
  let node: FieldNode = root;
  for (const p of path) {
    if (node.kind !== 'object') return;
    (node.required ??= []).includes(p) || node.required.push(p);
    node = node.fields[p]!;
  }
}

/** The node at a path, made (as `leaf` at its end, objects on the way) where missing. */
function ensurePath(root: FieldNode & { kind: 'object' }, path: string[], leaf: FieldNode): FieldNode {
  let node: FieldNode = root;
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    const last = i === path.length - 1;
    const fields: Record<string, FieldNode> | undefined = node.kind === 'object' ? node.fields : node.kind === 'value' ? (node.fields ??= {}) : undefined;
    if (!fields) return node;
    let next: FieldNode | undefined = Object.hasOwn(fields, p) ? fields[p] : undefined;
    if (!next) fields[p] = next = last ? leaf : { kind: 'object', fields: {} };
    node = next;
  }
  return node;
}

function addLeaf(root: FieldNode & { kind: 'object' }, path: string[], def: FactDef): void {
  const leaf: FieldNode = def.type.kind === 'list' ? { kind: 'list', of: { kind: 'value', type: def.type.of } } : { kind: 'value', type: def.type, words: def.words };
  const at = ensurePath(root, path, leaf);
  // A yes-or-no field may be a record of its own (documented, with details), or false: both read.
  if (at !== leaf && at.kind === 'object' && leaf.kind === 'value') {
    replaceAt(root, path, { ...leaf, fields: at.fields });
  }
}

function replaceAt(root: FieldNode & { kind: 'object' }, path: string[], node: FieldNode): void {
  let parent: FieldNode = root;
  for (const p of path.slice(0, -1)) parent = parent.kind === 'object' ? parent.fields[p]! : parent.kind === 'value' ? parent.fields![p]! : parent;
  const fields = parent.kind === 'object' ? parent.fields : parent.kind === 'value' ? parent.fields : undefined;
  if (fields) fields[path[path.length - 1]!] = node;
}

export interface FieldIssue {
  /** Dotted path of the field (`request.treatment`, `diagnoses[0].icd10`), or '' for the whole case. */
  field: string;
  message: string;
  /** On the last issue only, when there were more than `caseLimits.maxIssues`: how many more. */
  more?: number;
}

/**
 * Limits on what a case may hold, so a hostile case cannot make checking it expensive, and the
 * earliest date a case may give: dates are counted as Date.UTC counts them, which reads the years
 * 0-99 as 1900-1999, so an earlier date would be decided as another.
 */
export const caseLimits = { maxText: 2000, maxItems: 100, maxIssues: 50, earliestDate: '1900-01-01' };

const codePattern = /^(?:[A-Za-z][0-9][0-9A-Za-z](?:\.?[0-9A-Za-z]{0,4})?|[0-9]{5}|[A-Za-z][0-9]{4})$/;
const countUnits = new Set(['visits']);

/** A value as a message names it: a text quoted (cut at 40 characters), a number as it is, anything else by its kind. */
export function shownValue(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  // What no JSON holds, by its kind: a case built in code can hold it.
  if (v === undefined) return 'undefined';
  if (typeof v === 'bigint') return `a BigInt (${v}n)`;
  if (typeof v === 'function' || typeof v === 'symbol') return `a ${typeof v}`;
  return Array.isArray(v) ? 'a list' : 'an object';
}

/**
 * Checks a case against a field tree; every bad field named, up to `caseLimits.maxIssues`. Past it
 * the rest are counted into one last issue for the whole case, with their number in `more`.
 */
export function checkFields(root: FieldNode & { kind: 'object' }, input: unknown): FieldIssue[] {
  // Most cases are valid: a first pass only answers whether, building no paths and no messages.
  return caseValidator(root)(input) ? [] : fieldIssues(root, input);
}

/** checkFields without its first pass: for a case that pass has found wanting (it may still have no issue). */
export function fieldIssues(root: FieldNode & { kind: 'object' }, input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let more = 0;
  const add = (field: string, message: string | (() => string)): void => {
    if (issues.length < caseLimits.maxIssues) issues.push({ field, message: typeof message === 'string' ? message : message() });
    else more++;
  };
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    add('', 'a case is a JSON object');
    return issues;
  }
  object(root, input as Record<string, unknown>, '', add, true);
  if (more) issues.push({ field: '', message: `${more} more problems not shown: a case reports at most ${caseLimits.maxIssues}`, more });
  return issues;
}

/** Reports a problem; a message that costs a search (the closest name) is given as a function, called only for a problem reported, not one only counted. */
type Add = (field: string, message: string | (() => string)) => void;

function object(node: FieldNode & { kind: 'object' }, v: Record<string, unknown>, at: string, add: Add, top = false): void {
  for (const r of node.required ?? []) {
    if (Object.hasOwn(v, r) && !Object.prototype.propertyIsEnumerable.call(v, r)) continue; // named below
    if (!Object.hasOwn(v, r) || v[r] === null || v[r] === undefined) add(join(at, r), 'is required');
    else if (v[r] === '') add(join(at, r), 'is required, and empty');
  }
  for (const key of Object.getOwnPropertyNames(v)) {
    const path = join(at, key);
    // Set in code as a property that is not enumerable: no JSON could hold it, and its value would go unchecked.
    if (!Object.prototype.propertyIsEnumerable.call(v, key)) {
      add(path, 'is a property that is not enumerable: a case holds its fields as JSON gives them, as plain properties');
      continue;
    }
    const child = Object.hasOwn(node.fields, key) ? node.fields[key] : undefined;
    if (!child) {
      // A key naming what the engine computes: the field it is computed from (computed-fields.ts).
      const from = node.computed && Object.hasOwn(node.computed, key) ? node.computed[key] : undefined;
      if (from) {
        add(path, `is computed, not a field of the case: the engine works it out from ${from}`);
        continue;
      }
      add(path, () => {
        const near = closestKey(key, Object.keys(node.fields));
        return `is not a field of the case${near ? `; did you mean ${join(at, near)}?` : top ? '' : `: ${at || 'the case'} has ${Object.keys(node.fields).join(', ')}`}`;
      });
      continue;
    }
    // A required field that is empty, null or undefined is reported above, once.
    if ((node.required ?? []).includes(key) && (v[key] === '' || v[key] === null || v[key] === undefined)) continue;
    check(child, v[key], path, add, (node.required ?? []).includes(key));
  }
}

function check(node: FieldNode, v: unknown, at: string, add: Add, required: boolean): void {
  if (v === null && !required) return;
  switch (node.kind) {
    case 'object':
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return add(at, `must be an object, got ${shownValue(v)}`);
      return object(node, v as Record<string, unknown>, at, add);
    case 'list': {
      if (!Array.isArray(v)) return add(at, `must be a list, got ${shownValue(v)}`);
      if (v.length > caseLimits.maxItems) return add(at, `has ${v.length} items; the limit is ${caseLimits.maxItems}`);
      // (A hole in an array built by code reads as undefined: as null, it is no item.)
      Array.from(v).forEach((x: unknown, i) => {
        if (x === null || x === undefined) return add(`${at}[${i}]`, 'must not be null');
        if (node.of.kind === 'object' && typeof x === 'object' && !Array.isArray(x) && saysNothing(x)) {
          const blanks = Object.keys(x).length ? ' (its fields are null or blank)' : '';
          return add(`${at}[${i}]`, `is empty${blanks}: give at least one of ${Object.keys(node.of.fields).join(', ')}`);
        }
        check(node.of, x, `${at}[${i}]`, add, true);
      });
      return;
    }
    case 'value':
      return value(node, v, at, add);
  }
}

function value(node: FieldNode & { kind: 'value' }, v: unknown, at: string, add: Add): void {
  const t = node.type;
  switch (t.kind) {
    case 'yes-no':
      if (typeof v === 'boolean') return;
      if (typeof v === 'object' && v !== null && !Array.isArray(v) && node.fields) return object({ kind: 'object', fields: node.fields }, v as Record<string, unknown>, at, add);
      return add(at, `must be true or false${node.fields ? ' (or the record, when documented)' : ''}, got ${shownValue(v)}`);
    case 'enum':
      if (typeof v === 'string' && t.values.includes(v)) return;
      return add(at, `must be one of ${t.values.map((x) => JSON.stringify(x)).join(', ')}, got ${shownValue(v)}`);
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return add(at, typeof v === 'number' ? `must be a finite number, got ${shownValue(v)}` : `must be a number, got ${shownValue(v)}`);
      if (t.min !== undefined && v < t.min) return add(at, `must be at least ${t.min}, got ${v}`);
      if (t.max !== undefined && v > t.max) return add(at, `must be at most ${t.max}, got ${v}`);
      if (t.unit && countUnits.has(t.unit) && !Number.isInteger(v)) return add(at, `must be a whole number of ${t.unit}, got ${v}`);
      return;
    case 'date':
      if (!isCalendarDate(v)) add(at, `must be a date (YYYY-MM-DD), got ${shownValue(v)}`);
      else if (v < caseLimits.earliestDate) add(at, `must be a date from ${caseLimits.earliestDate} on, got ${shownValue(v)}`);
      return;
    case 'code':
      if (typeof v !== 'string' || !codePattern.test(v)) add(at, `must be a code (ICD-10 such as M54.12, CPT such as 97110, or HCPCS such as G0283), got ${shownValue(v)}`);
      return;
    default:
      if (typeof v !== 'string') return add(at, `must be a text, got ${shownValue(v)}`);
      if (v.length > caseLimits.maxText) add(at, `is ${v.length} characters long; the limit is ${caseLimits.maxText}`);
  }
}

/** Whether a value has no issue at all: a closure per field of the tree, made once. */
type Valid = (v: unknown) => boolean;

const validators = new WeakMap<FieldNode, Valid>();

/**
 * Whether a case has no issue at all: `object` and `check` with nothing to report, building no paths
 * and no messages. The tree is compiled on its first use into a closure per field, each object's
 * children in a Map (looking names up in the tree's plain objects cost more than the rest of the
 * check), so a tree is complete before its first check.
 */
export function caseValidator(root: FieldNode & { kind: 'object' }): (input: unknown) => boolean {
  let valid = validators.get(root);
  if (!valid) validators.set(root, (valid = validator(root)));
  return valid;
}

/** The check of one field's value; null is handled by its object (allowed unless required). */
function validator(node: FieldNode): Valid {
  switch (node.kind) {
    case 'object':
      return objectValidator(node.fields, node.required ?? []);
    case 'list': {
      const of = validator(node.of);
      const objects = node.of.kind === 'object';
      return (v) => {
        if (!Array.isArray(v) || v.length > caseLimits.maxItems) return false;
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          if (x === null || x === undefined) return false;
          if (objects && typeof x === 'object' && !Array.isArray(x) && saysNothing(x as object)) return false;
          if (!of(x)) return false;
        }
        return true;
      };
    }
    case 'value':
      return valueValidator(node);
  }
}

function objectValidator(fields: Record<string, FieldNode>, required: readonly string[]): Valid {
  const children = new Map<string, { valid: Valid; required: boolean }>();
  for (const key of Object.keys(fields)) children.set(key, { valid: validator(fields[key]!), required: required.includes(key) });
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const v = value as Record<string, unknown>;
    // The required fields counted as they come (each key comes once): one pass over the object.
    // A field that is not enumerable is not counted among its own keys, and the full check then answers.
    let present = 0;
    let own = 0;
    for (const key in v) {
      if (!Object.hasOwn(v, key)) continue;
      own++;
      const child = children.get(key);
      if (child === undefined) return false;
      const x = v[key];
      if (child.required) {
        if (x === null || x === undefined || x === '') return false;
        present++;
      }
      if (x !== null && !child.valid(x)) return false;
    }
    return present === required.length && own === Object.getOwnPropertyNames(v).length;
  };
}

/** Whether a value gives nothing: null (or undefined), or a text of nothing but spaces. */
const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && !/\S/.test(v));

/**
 * Whether a list's item says nothing: it has no field, or every field it has is null or a blank text
 * (`{ "text": null, "icd10": null }`, `{ "text": "" }`). Such an item is refused as `{}` is: read
 * as an item, it would count as one (a diagnosis known to be there) that names nothing.
 */
function saysNothing(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k) && !blank((o as Record<string, unknown>)[k])) return false;
  return true;
}

function valueValidator(node: FieldNode & { kind: 'value' }): Valid {
  const t = node.type;
  switch (t.kind) {
    case 'yes-no': {
      // A yes-or-no field may be a record of its own (documented, with details).
      const record = node.fields === undefined ? undefined : objectValidator(node.fields, []);
      return (v) => typeof v === 'boolean' || (record !== undefined && record(v));
    }
    case 'enum': {
      const values = new Set<unknown>(t.values);
      return (v) => typeof v === 'string' && values.has(v);
    }
    case 'number': {
      const { min, max } = t;
      const whole = t.unit !== undefined && countUnits.has(t.unit);
      return (v) => typeof v === 'number' && Number.isFinite(v) && !(min !== undefined && v < min) && !(max !== undefined && v > max) && !(whole && !Number.isInteger(v));
    }
    case 'date': {
      const earliest = caseLimits.earliestDate;
      return (v) => isCalendarDate(v) && v >= earliest;
    }
    case 'code':
      return (v) => typeof v === 'string' && codePattern.test(v);
    default:
      return (v) => typeof v === 'string' && v.length <= caseLimits.maxText;
  }
}

const join = (at: string, key: string): string => (at ? `${at}.${key}` : key);

/** The defined key closest to a misspelt one (edit distance, case aside). */
export function closestKey(key: string, keys: readonly string[]): string | undefined {
  const byLower = new Map<string, string>();
  for (const k of keys) if (!byLower.has(k.toLowerCase())) byLower.set(k.toLowerCase(), k);
  const found = closest(key.toLowerCase(), byLower.keys());
  return found === undefined ? undefined : byLower.get(found);
}
