// docs/dependencies.md records the shipped packages' production dependencies: it is what the
// generator makes from the installed tree now, every package and version in it is one the lockfile
// holds (so a lockfile change that was not regenerated fails here), and every license is one we allow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDependencies, outputPath, productionTree, root, shipped } from '../scripts/gen-dependencies.ts';

const lockfile = readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8');
const allowed = new Set(['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', '(this repository)']);

describe('docs/dependencies.md', () => {
  it('is committed as the generator writes it now (run `pnpm gen` when this fails)', () => {
    expect(readFileSync(outputPath, 'utf8') === generateDependencies()).toBe(true);
  });

  it.each(shipped)('names only packages and versions the lockfile holds, for %s', (dir) => {
    for (const d of productionTree(dir)) {
      if (d.version === 'workspace') continue;
      // pnpm-lock.yaml v9: each package is a key `name@version:` (quoted when it starts with @).
      expect(lockfile, `${d.name}@${d.version}`).toMatch(new RegExp(`^  '?${d.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@${d.version.replace(/\./g, '\\.')}'?:`, 'm'));
    }
  });

  it.each(shipped)('holds licenses we allow, for %s', (dir) => {
    expect(productionTree(dir).filter((d) => !allowed.has(d.license)).map((d) => `${d.name}: ${d.license}`)).toEqual([]);
  });
});
