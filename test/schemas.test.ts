// The JSON Schemas the packages ship: each package's schema modules (src/schemas.generated.ts) hold
// exactly its schema files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedSchemas, root, schemaFiles, schemaPackages } from '../scripts/gen-schemas.ts';

describe('schema modules (run `pnpm gen` when this fails)', () => {
  it.each(schemaPackages.filter((p) => schemaFiles(p).length))('%s/src/schemas.generated.ts is current', (pkg) => {
    expect(readFileSync(join(root, pkg, 'src/schemas.generated.ts'), 'utf8') === generatedSchemas(pkg)).toBe(true);
  });
});
