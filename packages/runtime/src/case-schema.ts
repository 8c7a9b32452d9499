// The JSON Schema of a case, from a field tree: the published schema of the standard vocabularies
// (packages/runtime/schema/case.schema.json, written by `pnpm gen`) and, for a rule set whose own
// vocabularies define more fields, the schema of its cases (`caseSchemaOf`, `guideline compile
// --case-schema`). The schema states what the case check (fields.ts) enforces; a test holds the two
// to the same answers.
import type { FactType, RuleSet } from '@guideline/language/rules';
import { caseLimits, type FieldNode } from './fields.ts';
import { revisionOf } from './load-rules.ts';
import { fieldsOf } from './validate.ts';

export type Schema = Record<string, unknown>;

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
    case 'date': return described({ type: ['string', 'null'], format: 'date', pattern: '^(?:19|[2-9][0-9])[0-9]{2}-' }); // from caseLimits.earliestDate
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
    case 'list': return { type: ['array', 'null'], maxItems: caseLimits.maxItems, items: n.of.kind === 'object' ? { ...schemaOf(n.of), type: 'object', ...somethingIn(n.of) } : schemaOf(n.of) };
    case 'value': {
      const s = typeSchema(n.type, n.words);
      if (n.fields && n.type.kind === 'yes-no') {
        return { description: n.words, anyOf: [{ type: ['boolean', 'null'] }, { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.entries(n.fields).map(([k, v]) => [k, schemaOf(v)])) }] };
      }
      return s;
    }
  }
}

/** A value that gives nothing (fields.ts `blank`): null, or a text of nothing but spaces. */
const nothing: Schema = { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^\\s*$' }] };

/** What a list's item must hold (fields.ts `saysNothing`): one of its fields, neither null nor a blank text. */
function somethingIn(n: FieldNode & { kind: 'object' }): Schema {
  const keys = Object.keys(n.fields);
  return keys.length ? { anyOf: keys.map((k) => ({ required: [k], properties: { [k]: { not: nothing } } })) } : { minProperties: 1 };
}

/** The published case schema's frame around a tree's schema. */
export function schemaForTree(tree: FieldNode & { kind: 'object' }, about = 'the standard vocabularies', id = 'guideline/case.schema.json'): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: id,
    title: 'Case',
    description: `One utilization-review request as a reviewer sees it (GENERATED from ${about}). A field that is absent or null is unknown, never false; a field no vocabulary defines is an error.`,
    ...schemaOf(sortedTree(tree), true),
  };
}

/** The JSON Schema of the cases a rule set decides: the contract's fields and those its own vocabularies define. */
export function caseSchemaOf(rules: RuleSet): Schema {
  const revision = revisionOf(rules);
  // Its own id, by revision: a validator may hold the published schema and this one side by side.
  return schemaForTree(fieldsOf(rules), `the vocabularies of rule set ${revision}`, `guideline/case.${revision.replace(/^sha256:/, '').slice(0, 16)}.schema.json`);
}

/** A copy of a tree with every object's fields, and its required ones, in name order. */
export function sortedTree<T extends FieldNode>(n: T): T {
  const byName = (fields: Record<string, FieldNode>): Record<string, FieldNode> =>
    Object.fromEntries(Object.keys(fields).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => [k, sortedTree(fields[k]!)]));
  switch (n.kind) {
    case 'list': return { ...n, of: sortedTree(n.of) };
    case 'object': return { ...n, fields: byName(n.fields), ...(n.required ? { required: [...n.required].sort() } : {}) };
    default: return n.fields ? { ...n, fields: byName(n.fields) } : n;
  }
}
