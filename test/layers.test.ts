// The workspace's layers (.dependency-cruiser.cjs): dependency-cruiser finds no violation in the
// sources, and each rule does catch the mistake it is there for (test/fixtures/layers, one a file).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';
import { runAsync } from './support/packages.ts';

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** dependency-cruiser's violations of the workspace's rules over the paths given, from `cwd`. */
async function violations(cwd: string, paths: string[]): Promise<Violation[]> {
  const out = await runAsync(join(root, 'node_modules/.bin/depcruise'), ['--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', ...paths], cwd);
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

const said = (v: Violation): string => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('layers', { timeout: 120_000 }, () => {
  it('the packages, the CLI and the playground keep them', async () => {
    const found = await violations(root, ['packages/language/src', 'packages/runtime/src', 'packages/cli/src', 'playground/src', 'playground/scripts']);
    expect(found.map(said)).toEqual([]);
  });

  // (type-cycle-a.ts and type-cycle-b.ts import each other, one of them for a type only: no cycle.)
  it('each rule catches its mistake', async () => {
    const found = await violations(join(root, 'test/fixtures/layers'), ['packages']);
    expect(found.map(said).sort()).toEqual([
      'entries-by-name: packages/cli/src/main.ts → packages/runtime/src/index.ts',
      'language-not-runtime: packages/language/src/parse.ts → packages/runtime/src/index.ts',
      'no-cycles: packages/runtime/src/cycle-a.ts → packages/runtime/src/cycle-b.ts',
      'public-entries-only: packages/cli/src/main.ts → packages/language/src/parse.ts',
      'runtime-loads-no-parser: packages/runtime/src/cli.ts → packages/language/src/parse.ts',
      'runtime-loads-no-parser: packages/runtime/src/helper.ts → packages/language/src/parse.ts',
      'runtime-loads-no-parser: packages/runtime/src/via.ts → packages/language/src/parse.ts',
      'runtime-not-cli: packages/runtime/src/cli.ts → packages/cli/src/main.ts',
      'runtime-through-rules-entry: packages/runtime/src/deep.ts → packages/language/src/ir.ts',
      'runtime-through-rules-entry: packages/runtime/src/helper.ts → packages/language/src/parse.ts',
    ]);
  });
});
