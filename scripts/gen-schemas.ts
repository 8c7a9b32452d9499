// Embeds each package's JSON Schemas (packages/<name>/schema/*.schema.json, shipped as files too) in
// packages/<name>/src/schemas.generated.ts, so code imports them as plain modules: no JSON import,
// which Node 20 still calls experimental, and the same object in every build. Run by `pnpm gen`;
// test/schemas.test.ts fails when the module is stale.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');

/** The packages that ship schemas, by folder. */
export const schemaPackages = ['packages/language', 'packages/runtime'];

/** `test-case.schema.json` → `testCaseSchema`. */
export const exportName = (file: string): string => file.replace(/\.schema\.json$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) + 'Schema';

export function schemaFiles(pkg: string): string[] {
  const dir = join(root, pkg, 'schema');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort() : [];
}

/** The generated module of one package. */
export function generatedSchemas(pkg: string): string {
  const out = [
    '// GENERATED. DO NOT EDIT. Regenerate with `pnpm gen` (scripts/gen-schemas.ts).',
    `// The JSON Schemas of ${pkg}/schema, as modules (the files ship too, under the package's ./schema/).`,
  ];
  for (const f of schemaFiles(pkg)) {
    const schema = JSON.parse(readFileSync(join(root, pkg, 'schema', f), 'utf8')) as { title?: string };
    out.push('', `/** ${schema.title ?? f}: the JSON Schema of schema/${f} (draft-07). */`, `export const ${exportName(f)} = ${JSON.stringify(schema)};`);
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] === import.meta.filename) {
  for (const pkg of schemaPackages) if (schemaFiles(pkg).length) writeFileSync(join(root, pkg, 'src/schemas.generated.ts'), generatedSchemas(pkg));
}
