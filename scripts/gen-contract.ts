// Generates the case contract from the standard vocabularies (packages/language/vocabularies): the
// field tree the runtime checks cases against (packages/runtime/src/contract.generated.ts) and the
// JSON Schema of the case it publishes (packages/runtime/schema/case.schema.json). Run by `pnpm gen`;
// a test fails when either is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtins } from '../packages/language/src/builtins.ts';
import { standardFiles } from '../packages/language/src/check/index.ts';
import { Vocabularies } from '../packages/language/src/check/vocabularies.ts';
import { factDef, factType } from '../packages/language/src/compile/index.ts';
import type { FactSym } from '../packages/language/src/check/symbols.ts';
import type { FactDef, FactType } from '../packages/language/src/artifact.ts';
import { addField, caseLimits, type FieldNode } from '../packages/runtime/src/fields.ts';

const root = join(import.meta.dirname, '..');

/** Every field the standard vocabularies define, as fact definitions (items' fields under their lists). */
export function contractFacts(): { defs: FactDef[]; required: Set<string> } {
  const vocabularies = new Vocabularies(standardFiles(), () => () => {});
  const defs: FactDef[] = [];
  const required = new Set<string>();
  for (const v of vocabularies.all()) {
    for (const s of v.own.all()) {
      if (s.kind !== 'fact') continue;
      if ('field' in s.source) defs.push(factDef(s));
      if (s.required) for (const i of s.inputs) required.add(i);
      if (s.ty.kind === 'list' && s.ty.of.kind === 'record') {
        for (const f of s.ty.of.record.fields.values()) defs.push(factDef({ ...f, id: `${s.id}[].${f.id}` } as FactSym));
      }
      if ('builtin' in s.source) {
        for (const [field, ty] of Object.entries(builtins[s.source.builtin]?.reads ?? {})) defs.push({ id: field, words: field, type: factType(ty), field, inputs: [field] });
      }
    }
  }
  return { defs, required };
}

export function contractTree(): FieldNode & { kind: 'object' } {
  const { defs, required } = contractFacts();
  const tree: FieldNode & { kind: 'object' } = { kind: 'object', fields: {} };
  for (const d of defs) addField(tree, d, d.field !== undefined && required.has(d.field));
  sortTree(tree);
  return tree;
}

function sortTree(n: FieldNode): void {
  const fields = n.kind === 'object' ? n.fields : n.kind === 'value' ? n.fields : undefined;
  if (n.kind === 'list') sortTree(n.of);
  if (!fields) return;
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const k of Object.keys(fields)) delete fields[k];
  Object.assign(fields, sorted);
  for (const v of Object.values(fields)) sortTree(v);
  if (n.kind === 'object' && n.required) n.required.sort();
}

type Schema = Record<string, unknown>;

function typeSchema(t: FactType, words?: string): Schema {
  const described = (s: Schema): Schema => (words ? { ...s, description: words } : s);
  switch (t.kind) {
    case 'yes-no': return described({ type: ['boolean', 'null'] });
    case 'enum': return described({ enum: [...t.values, null] });
    case 'number': {
      const s: Schema = { type: [t.unit === 'visits' ? 'integer' : 'number', 'null'] };
      if (t.min !== undefined) s['minimum'] = t.min;
      if (t.max !== undefined) s['maximum'] = t.max;
      return described(s);
    }
    case 'date': return described({ type: ['string', 'null'], format: 'date' });
    case 'code': return described({ type: ['string', 'null'], pattern: '^(?:[A-Za-z][0-9][0-9A-Za-z](?:\\.?[0-9A-Za-z]{0,4})?|[0-9]{5}|[A-Za-z][0-9]{4})$' });
    case 'list': return described({ type: ['array', 'null'], maxItems: caseLimits.maxItems, items: typeSchema(t.of) });
    default: return described({ type: ['string', 'null'], maxLength: caseLimits.maxText });
  }
}

function schemaOf(n: FieldNode, top = false): Schema {
  switch (n.kind) {
    case 'object': {
      const required = new Set(n.required ?? []);
      const properties = Object.fromEntries(Object.entries(n.fields).map(([k, v]) => {
        const p = schemaOf(v);
        // A required field is never null, and a required text never empty.
        if (!required.has(k)) return [k, p];
        const type = Array.isArray(p['type']) ? (p['type'] as string[]).filter((t) => t !== 'null') : p['type'];
        return [k, { ...p, type: Array.isArray(type) && type.length === 1 ? type[0] : type, ...(type === 'string' || (Array.isArray(type) && type[0] === 'string') ? { minLength: 1 } : {}) }];
      }));
      const s: Schema = { type: top ? 'object' : ['object', 'null'], additionalProperties: false, properties };
      if (n.required?.length) s['required'] = n.required;
      return s;
    }
    case 'list': return { type: ['array', 'null'], maxItems: caseLimits.maxItems, items: n.of.kind === 'object' ? { ...schemaOf(n.of), type: 'object', minProperties: 1 } : schemaOf(n.of) };
    case 'value': {
      const s = typeSchema(n.type, n.words);
      if (n.fields && n.type.kind === 'yes-no') {
        return { description: n.words, anyOf: [{ type: ['boolean', 'null'] }, { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.entries(n.fields).map(([k, v]) => [k, schemaOf(v)])) }] };
      }
      return s;
    }
  }
}

export function caseSchema(tree = contractTree()): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'guideline/case.schema.json',
    title: 'Case',
    description: 'One utilization-review request as a reviewer sees it (GENERATED from the standard vocabularies by `pnpm gen`). A field that is absent or null is unknown, never false; a field no vocabulary defines is an error.',
    ...schemaOf(tree, true),
  };
}

export function generatedContract(tree = contractTree()): string {
  return [
    '// GENERATED. DO NOT EDIT. Regenerate with `pnpm gen` (scripts/gen-contract.ts).',
    '// The fields of the case contract, from the standard vocabularies (packages/language/vocabularies).',
    "import type { FieldNode } from './fields.ts';",
    '',
    `export const contractFields: FieldNode & { kind: 'object' } = ${JSON.stringify(tree)};`,
    '',
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const tree = contractTree();
  writeFileSync(join(root, 'packages/runtime/src/contract.generated.ts'), generatedContract(tree));
  writeFileSync(join(root, 'packages/runtime/schema/case.schema.json'), JSON.stringify(caseSchema(tree), null, 2) + '\n');
}
