// A form generated from the workspace's case fields (the vocabularies' facts, as a schema): one input
// per field (a select for enums and yes-or-no, a date input for dates, rows for lists of records), each
// labelled with its fact's words and meaning, kept in step with the case JSON, problems beside the field.
import { el } from './dom.ts';
import type { FormSchema as Schema } from './protocol.ts';

type Json = Record<string, unknown>;

const types = (s: Schema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets (or, for undefined, removes) a value at a dotted path, creating objects on the way. */
export function setAt(root: Json, path: string[], value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

export interface FormOptions {
  /** Called with the whole case after any field changes. */
  onEdit: (value: Json) => void;
}

/** Builds the form for a case value; the value is copied, never changed in place. */
export function caseForm(schema: Schema, input: unknown, opts: FormOptions): HTMLElement {
  const value: Json = isObject(input) ? (structuredClone(input) as Json) : {};
  const edit = (path: string[], v: unknown): void => {
    setAt(value, path, v);
    opts.onEdit(value);
  };
  return el('div', { class: 'case-form' }, fields(schema, value, [], edit));
}

function fields(schema: Schema, value: Json, path: string[], edit: (path: string[], v: unknown) => void): HTMLElement[] {
  return Object.entries(schema.properties ?? {}).map(([key, s]) => {
    const p = [...path, key];
    const v = value[key];
    const t = types(s);
    if (t.includes('object') && s.properties) {
      return el('fieldset', { class: 'form-group', 'data-field': p.join('.') }, el('legend', {}, key), fields(s, isObject(v) ? v : {}, p, edit));
    }
    if (t.includes('array') && s.items && types(s.items).includes('object')) return rows(key, s, Array.isArray(v) ? v : [], p, edit);
    return field(key, s, v, p, edit, schema.required?.includes(key) ?? false);
  });
}

function field(key: string, s: Schema, v: unknown, path: string[], edit: (path: string[], v: unknown) => void, required: boolean): HTMLElement {
  const t = types(s);
  const id = `case-field-${path.join('-')}`;
  let input: HTMLInputElement | HTMLSelectElement;
  if (s.enum) {
    input = el('select', { id }, el('option', { value: '' }, '(unknown)'), s.enum.filter((x): x is string => x !== null).map((x) => el('option', { value: x }, x)));
    input.value = typeof v === 'string' ? v : '';
  } else if (t.includes('boolean')) {
    input = el('select', { id }, el('option', { value: '' }, '(unknown)'), el('option', { value: 'true' }, 'yes'), el('option', { value: 'false' }, 'no'));
    input.value = typeof v === 'boolean' ? String(v) : '';
  } else {
    const kind = s.format === 'date' ? 'date' : t.includes('number') || t.includes('integer') ? 'number' : 'text';
    input = el('input', { id, type: kind });
    input.value = Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v);
    if (t.includes('array')) input.placeholder = 'comma-separated';
  }
  input.dataset['field'] = path.join('.');
  input.addEventListener('change', () => {
    const raw = input.value.trim();
    if (raw === '') edit(path, undefined); // absent: unknown, never false
    else if (t.includes('boolean')) edit(path, raw === 'true');
    else if (t.includes('array')) edit(path, raw.split(',').map((x) => x.trim()).filter(Boolean));
    else if (input instanceof HTMLInputElement && input.type === 'number') edit(path, Number(raw));
    else edit(path, raw);
  });
  const words = s.description?.split(':')[0];
  return el('div', { class: 'form-field', title: s.description ?? '' },
    el('label', { for: id }, words && words !== path.join('.') ? `${key} (${words})` : key, required ? ' *' : ''), input, el('span', { class: 'field-problem', 'data-problem': path.join('.') }));
}

function rows(key: string, s: Schema, items: unknown[], path: string[], edit: (path: string[], v: unknown) => void): HTMLElement {
  const list = items.map((item, i) => {
    const row = isObject(item) ? item : {};
    const remove = el('button', { type: 'button', class: 'small', title: `Remove this ${key.replace(/s$/, '')}` }, 'Remove');
    remove.addEventListener('click', () => edit(path, items.filter((_, k) => k !== i)));
    return el('div', { class: 'form-row', 'data-field': [...path, String(i)].join('.') },
      fields(s.items!, row, [...path, String(i)], edit), remove);
  });
  const add = el('button', { type: 'button', class: 'small' }, `Add ${key.replace(/s$/, '')}`);
  add.addEventListener('click', () => edit(path, [...items, {}]));
  return el('fieldset', { class: 'form-group', 'data-field': path.join('.') }, el('legend', {}, key), list, add);
}

/** Shows each problem beside its field (or the nearest field above it). */
export function showFormProblems(form: HTMLElement, problems: readonly { field: string; message: string }[]): void {
  for (const span of form.querySelectorAll<HTMLElement>('[data-problem]')) span.textContent = '';
  for (const p of problems) {
    for (let path = p.field; path; path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '') {
      const span = form.querySelector<HTMLElement>(`[data-problem="${CSS.escape(path)}"]`);
      if (span) {
        span.textContent = p.message;
        break;
      }
    }
  }
}
