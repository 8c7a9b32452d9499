// The guideline side of the CLI: finds guideline and case files, reads them within limits, compiles.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileProgram, type CompileResult, type SourceText } from '@guideline/language';
import { display, findFiles, nameUnder, type FoundFile } from './paths.ts';
import { readLimits, readText } from './read.ts';

export { display, UsageError } from './paths.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** The bundled guidelines: beside the built CLI in its package (dist/guidelines), else this repository's. */
export const bundledGuidelines = existsSync(join(here, 'guidelines')) ? join(here, 'guidelines') : resolve(here, '../../../guidelines');

/** Guideline files under the given paths (default: the bundled guidelines), ordered by name. */
export function guidelineFiles(paths: readonly string[]): FoundFile[] {
  return findFiles(paths.length ? paths : [bundledGuidelines], (n) => n.endsWith('.guideline'));
}

/** Case files (.json, .jsonl) under the given paths, ordered by name. */
export function jsonFiles(paths: readonly string[]): FoundFile[] {
  return findFiles(paths, (n) => n.endsWith('.json') || n.endsWith('.jsonl'));
}

/** A guideline file as compiled: `file` is its name (what the artifact records), `shown` its path for the user. */
export interface LoadedSource extends SourceText {
  path: string;
  shown: string;
}

/**
 * Compiles guideline files. A rule set needs a policy: when the given paths hold guidelines but no
 * policy, the bundled policies are added so a lone guideline file can still be checked. Files are
 * named and ordered as `findFiles` does, so the rule set is the same byte for byte from any working
 * directory, under any locale, with the paths in any order.
 */
export function compileFiles(paths: readonly string[]): CompileResult & { sources: LoadedSource[] } {
  const load = (f: FoundFile, name = f.name): LoadedSource => ({ text: readText(f.path, readLimits.guidelineBytes), file: name, path: f.path, shown: display(f.path) });
  const sources = guidelineFiles(paths).map((f) => load(f));
  const added = new Set<string>();
  if (paths.length && !sources.some((s) => /^\s*policy\b/m.test(s.text))) {
    for (const f of guidelineFiles([join(bundledGuidelines, 'policies')])) {
      // Named as they are among the bundled guidelines.
      const s = load(f, nameUnder(bundledGuidelines, f.path));
      sources.push(s);
      added.add(s.file);
    }
  }
  const result = compileProgram(sources);
  // The bundled policies were borrowed: their patterns that match none of the user's guidelines are not news.
  result.diagnostics = result.diagnostics.filter((d) => !(d.code === 'C311' && added.has(d.file ?? '')));
  return { ...result, sources };
}
