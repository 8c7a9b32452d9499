// The case form's schema from the workspace's vocabularies: the fields `fieldsOf(rules)` defines (the
// contract's and those a guideline's own vocabulary adds), each with the words and meaning its fact
// declares, so the form offers exactly what the rules can read.
import type { FactType, RuleSet } from '@guideline/language';
import { fieldsOf, type FieldNode } from '@guideline/runtime';
import type { FormSchema } from '../protocol.ts';

function valueSchema(t: FactType): FormSchema {
  switch (t.kind) {
    case 'yes-no': return { type: 'boolean' };
    case 'enum': return { type: 'string', enum: t.values };
    case 'number': return { type: 'number' };
    case 'date': return { type: 'string', format: 'date' };
    case 'list': return { type: 'array', items: valueSchema(t.of) };
    default: return { type: 'string' };
  }
}

function schemaOf(node: FieldNode, meanings: Map<string, string>, path: string): FormSchema {
  switch (node.kind) {
    case 'object': {
      const properties: Record<string, FormSchema> = {};
      for (const [k, v] of Object.entries(node.fields)) properties[k] = schemaOf(v, meanings, path ? `${path}.${k}` : k);
      return { type: 'object', properties, ...(node.required ? { required: [...node.required] } : {}) };
    }
    case 'list': return { type: 'array', items: schemaOf(node.of, meanings, `${path}[]`) };
    case 'value': {
      const meaning = meanings.get(path);
      const described = [node.words, meaning].filter(Boolean).join(': ');
      return { ...valueSchema(node.type), ...(described ? { description: described } : {}) };
    }
  }
}

/** The form schema of a rule set's case fields (the contract's alone when there is no rule set). */
export function formSchema(rules: RuleSet | undefined): FormSchema {
  const meanings = new Map<string, string>();
  for (const f of rules?.facts ?? []) if (f.field && f.meaning) meanings.set(f.field, f.meaning);
  return schemaOf(fieldsOf(rules), meanings, '');
}
