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
import { camel, mark } from '../packages/runtime/src/computed-fields.ts';

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
 * A record's fields `computed as` an expression (a medication's morphine equivalents) are no fields of
 * the case: an item that gives one is refused as computed, naming the item's fields the expression
 * reads. The rule set does not carry them (a computed field is compiled into the conditions that
 * read it), so the contract marks them, from the vocabularies' sources.
 */
function markComputedFields(tree: FieldNode & { kind: 'object' }, vocabularies: Vocabularies): void {
  const files = standardFiles();
  for (const v of vocabularies.all()) {
    for (const s of v.own.all()) {
      if (s.kind !== 'fact' || s.ty.kind !== 'list' || s.ty.of.kind !== 'record' || !('field' in s.source)) continue;
      const list = tree.fields[s.source.field];
      if (list?.kind !== 'list' || list.of.kind !== 'object') continue;
      const item = list.of;
      const record = s.ty.of.record;
      for (const c of record.computed.values()) {
        const expr = c.kind === 'define' ? c.decl.expr : undefined;
        if (!expr || c.kind !== 'define') continue;
        const text = files.find((f) => f.file === c.file)?.text.slice(expr.range.start, expr.range.end) ?? '';
        const reads: string[] = [];
        for (const f of record.fields.values()) if ('field' in f.source && new RegExp(`\\b${f.words}\\b`).test(text)) reads.push(`${s.source.field}[].${f.source.field}`);
        if (reads.length) mark(item, camel(c.words), reads.join(', '));
      }
    }
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
