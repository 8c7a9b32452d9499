// The guideline side of the CLI: finds guideline and case files, and the bundled guidelines
// (compile-files.ts compiles them).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFiles, type FoundFile } from './paths.ts';

export { display, UsageError } from './paths.ts';

const here = dirname(fileURLToPath(import.meta.url));
/**
 * The bundled guidelines: beside the built CLI in its package (dist/guidelines), else this
 * repository's, found upwards from wherever this module was bundled to (the CLI's bundle, the
 * bench's, the sources): the nearest folder with a `guidelines/policies` folder.
 */
export const bundledGuidelines = existsSync(join(here, 'guidelines')) ? join(here, 'guidelines') : repositoryGuidelines(here);

function repositoryGuidelines(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'guidelines', 'policies'))) return join(dir, 'guidelines');
    if (dirname(dir) === dir) return resolve(from, '../../../guidelines');
  }
}

/** Guideline files under the given paths (default: the bundled guidelines), ordered by name. */
export function guidelineFiles(paths: readonly string[]): FoundFile[] {
  return findFiles(paths.length ? paths : [bundledGuidelines], (n) => n.endsWith('.guideline'));
}

/** Case files (.json, .jsonl) under the given paths, ordered by name. */
export function jsonFiles(paths: readonly string[]): FoundFile[] {
  return findFiles(paths, (n) => n.endsWith('.json') || n.endsWith('.jsonl'));
}
