// The shipped packages' manifests: licensed, versioned so every packer and installer reads them
// (no `workspace:` specifier), and every entry point in three forms: the TypeScript source the
// workspace runs (the `@guideline/source` condition), then the declarations and the JavaScript a
// consumer gets. test/consumer.test.ts packs and installs them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';
import { manifest, shipped } from './support/packages.ts';
import { compilerName, compilerVersion } from '../packages/language/src/index.ts';

const workspaceVersions = new Map(shipped.map((p) => [manifest(p).name, manifest(p).version]));

describe.each(shipped)('packages/%s/package.json', (pkg) => {
  const m = manifest(pkg);
  const dir = join(root, 'packages', pkg);

  it('is licensed Apache-2.0, with the license text beside it', () => {
    expect(m.license).toBe('Apache-2.0');
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8') === readFileSync(join(root, 'LICENSE'), 'utf8')).toBe(true);
  });

  it('names the workspace packages it needs by their exact version', () => {
    const own = Object.entries(m.dependencies ?? {}).filter(([name]) => workspaceVersions.has(name));
    expect(own.map(([name, spec]) => [name, spec])).toEqual(own.map(([name]) => [name, workspaceVersions.get(name)]));
    expect(JSON.stringify(m)).not.toContain('workspace:');
  });

  it('ships its build and sources only (the files list)', () => {
    expect(m.files).toEqual(expect.arrayContaining(['dist', 'src']));
    expect(m.files!.filter((f) => !['dist', 'src', 'schema'].includes(f))).toEqual([]);
  });

  it.each(Object.entries(m.exports ?? {}).filter(([, v]) => typeof v === 'object'))('export %s: source, then types, then JavaScript, of one module', (_, target) => {
    const t = target as Record<string, string>;
    expect(Object.keys(t)).toEqual(['@guideline/source', 'types', 'default']);
    const source = t['@guideline/source']!;
    expect(existsSync(join(dir, source))).toBe(true);
    const built = source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '');
    expect([t['types'], t['default']]).toEqual([`${built}.d.ts`, `${built}.js`]);
  });
});

describe('versions', () => {
  it('a compiled rule set names the compiler by its package name and version', () => {
    expect([compilerName, compilerVersion]).toEqual([manifest('language').name, manifest('language').version]);
  });

  it('the three packages are released together, at one version', () => {
    expect(new Set(shipped.map((p) => manifest(p).version)).size).toBe(1);
  });
});

describe('the command', () => {
  it('points its bin at the built main, a script with a shebang', () => {
    expect(manifest('cli').bin).toEqual({ guideline: './dist/main.js' });
    expect(readFileSync(join(root, 'packages/cli/src/main.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
