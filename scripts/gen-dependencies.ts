// Generates docs/dependencies.md: the production dependency tree of the packages that ship (the
// language, the runtime and the CLI), each package with its version and license, read from the installed
// node_modules (what `pnpm install --frozen-lockfile` laid out from the lockfile). No advisory
// service is reachable from here, so this record is what a review of the supply chain starts from.
// `pnpm gen` runs it; test/dependencies.test.ts fails when the file is stale or names a package
// the lockfile does not hold.
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const root = join(import.meta.dirname, '..');
export const outputPath = join(root, 'docs/dependencies.md');

/** The workspace packages that ship, by folder. */
export const shipped = ['packages/language', 'packages/runtime', 'packages/cli'];

interface Manifest {
  name: string;
  version: string;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface Dependency {
  name: string;
  version: string;
  license: string;
  /** The packages that require it (name@version, or the workspace package). */
  requiredBy: string[];
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Where `name` resolves from `dir`, as Node resolves it (the nearest node_modules up the tree), real path. */
function resolve(name: string, dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(d) === d) return undefined;
  }
}

/** The production tree of one workspace package: every package it needs at run time, transitively. */
export function productionTree(pkgDir: string): Dependency[] {
  const found = new Map<string, Dependency>();
  const visit = (dir: string, by: string): void => {
    const m = manifest(dir);
    // Peers are listed when installed: they are what a plugin runs with.
    const peers = Object.keys(m.peerDependencies ?? {}).filter((n) => resolve(n, dir));
    for (const name of [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.optionalDependencies ?? {}), ...peers]) {
      const at = resolve(name, dir);
      if (!at) {
        if (m.optionalDependencies?.[name]) continue;
        throw new Error(`${by} needs ${name}, which is not installed: run pnpm install`);
      }
      const dep = manifest(at);
      const key = `${dep.name}@${dep.version}`;
      const seen = found.get(key);
      if (seen) {
        if (!seen.requiredBy.includes(by)) seen.requiredBy.push(by);
        continue;
      }
      const workspace = !relative(root, at).startsWith('node_modules');
      found.set(key, { name: dep.name, version: workspace ? 'workspace' : dep.version, license: workspace ? '(this repository)' : dep.license ?? 'UNKNOWN', requiredBy: [by] });
      visit(at, workspace ? dep.name : key);
    }
  };
  visit(join(root, pkgDir), manifest(join(root, pkgDir)).name);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The document's text. */
export function generateDependencies(): string {
  const out = [
    '<!-- GENERATED. DO NOT EDIT. Regenerate with `pnpm gen` (scripts/gen-dependencies.ts). -->',
    '# Production dependencies',
    '',
    'What the shipped packages load at run time, transitively, with each version and license, as the',
    'lockfile installs them (development tools, ajv among them, are left out: nothing of theirs ships).',
    'A test keeps this file in step with the lockfile and the licenses within the list it allows.',
    '',
    'This is what installing a package brings. What it loads can be less: the runtime installs the',
    'language, and with it Chevrotain, but imports only its parser-free entry (`@guideline/language/rules`),',
    'so a program or a browser bundle that uses the runtime alone loads no parser (test/consumer.test.ts).',
  ];
  for (const dir of shipped) {
    const tree = productionTree(dir);
    out.push('', `## ${manifest(join(root, dir)).name}`, '', '| package | version | license | required by |', '| --- | --- | --- | --- |');
    for (const d of tree) out.push(`| ${d.name} | ${d.version} | ${d.license} | ${d.requiredBy.sort().join(', ')} |`);
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(outputPath, generateDependencies());
  console.log(`wrote ${relative(root, outputPath)}`);
}
