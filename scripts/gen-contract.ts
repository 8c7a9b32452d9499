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
import type { FactDef } from '../packages/language/src/artifact.ts';
import { addField, type FieldNode } from '../packages/runtime/src/fields.ts';
import { schemaForTree, sortedTree, type Schema } from '../packages/runtime/src/case-schema.ts';
import { markComputedAs } from '../packages/runtime/src/computed-fields.ts';
import { computedFields } from '../packages/language/src/compile/computed.ts';

const root = join(import.meta.dirname, '..');

const standardVocabularies = (): Vocabularies => new Vocabularies(standardFiles(), () => () => {});

/** Every field the standard vocabularies define, as fact definitions (items' fields under their lists). */
export function contractFacts(vocabularies = standardVocabularies()): { defs: FactDef[]; required: Set<string> } {
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
  const vocabularies = standardVocabularies();
  const { defs, required } = contractFacts(vocabularies);
  const tree: FieldNode & { kind: 'object' } = { kind: 'object', fields: {} };
  for (const d of defs) addField(tree, d, d.field !== undefined && required.has(d.field));
  markComputedFields(tree, vocabularies);
  return sortedTree(tree);
}

/**
 * What the standard vocabularies compute by an expression (a medication's morphine equivalents) is no
 * field of the case: an item that gives one is refused as computed, naming the fields the expression
 * reads. The compiler carries a program's own in the rule set (`computedAs`); the contract marks these.
 */
function markComputedFields(tree: FieldNode & { kind: 'object' }, vocabularies: Vocabularies): void {
  for (const v of vocabularies.all()) {
    for (const c of computedFields(v)) markComputedAs(tree, c.id, c.inputs.join(', '));
  }
}

export function caseSchema(tree = contractTree()): Schema {
  return schemaForTree(tree, 'the standard vocabularies by `pnpm gen`');
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
