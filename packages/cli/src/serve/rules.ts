// The rule set a decision server serves: compiled from guideline folders or read from a compiled
// artifact, named by a revision, and reloaded when its files change. A load either yields a whole
// new rule set or the errors that kept it from loading; the caller swaps only a whole one in. The
// compiler (the language's full entry: lexer, parser, checker) is loaded only to serve sources.
import { statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { hasErrors, ruleSetRevision, type RuleSet } from '@guideline/language/rules';
import { readArtifact } from '../artifact.ts';
import { bundledGuidelines } from '../load.ts';
import { findFiles, UsageError } from '../paths.ts';
import { printable, renderDiagnostics } from '../render.ts';

/** Where the rules come from: guideline files and folders, or a compiled artifact (`rules`). */
export interface RuleSource {
  paths: readonly string[];
  rules?: string | undefined;
}

export interface LoadedRules {
  rules: RuleSet;
  /** The rule set's revision, as its determinations name it (docs/determination.md). */
  revision: string;
  /** When it was loaded (ISO 8601). */
  loadedAt: string;
  from: 'artifact' | 'guidelines';
}

/** Errors and warnings are text for a person, escaped for a terminal. */
export type LoadResult = { loaded: LoadedRules; warnings: string[]; errors?: undefined } | { loaded?: undefined; errors: string[] };

/**
 * The revision of a rule set: the one it carries (a loaded artifact's was checked against its
 * content), or its content's hash worked out as the compiler does; the same from sources as from their artifact.
 */
export function revisionOf(rules: RuleSet): string {
  return rules.revision ?? ruleSetRevision(rules);
}

/**
 * The loader of a rule source, which loads it anew at each call: guideline errors with code frames,
 * artifact problems by place. An artifact is only read; for guideline sources the compiler is
 * loaded first, once, so that serving an artifact never sets it up.
 */
export async function ruleLoader(source: RuleSource): Promise<() => LoadResult> {
  const file = source.rules;
  if (file !== undefined) {
    if (source.paths.length) return () => ({ errors: ['give either guideline paths or --rules, not both'] });
    return () =>
      named(() => {
        const artifact = readArtifact(file);
        return artifact.errors ? { errors: artifact.errors } : { loaded: loaded(artifact.rules, 'artifact'), warnings: [] };
      });
  }
  const { compileFiles } = await import('../compile-files.ts');
  return () =>
    named(() => {
      const compiled = compileFiles(source.paths);
      const rendered = compiled.diagnostics.length ? [renderDiagnostics(compiled.diagnostics, compiled.sources)] : [];
      if (hasErrors(compiled.diagnostics) || !compiled.rules) return { errors: rendered };
      return { loaded: loaded(compiled.rules, 'guidelines'), warnings: rendered };
    });
}

function loaded(rules: RuleSet, from: LoadedRules['from']): LoadedRules {
  return { rules, revision: revisionOf(rules), loadedAt: new Date().toISOString(), from };
}

/** A load, with a file that went missing or over a limit between two edits named: the old rules stay. */
function named(load: () => LoadResult): LoadResult {
  try {
    return load();
  } catch (e) {
    if (e instanceof UsageError) return { errors: [printable(e.message)] };
    throw e;
  }
}

/**
 * Calls `changed` (once, after edits settle for `settleMs`) whenever a file under the rule source
 * changes, is added or removed. Folders are watched one by one (recursive watching is not on every
 * platform), and watched anew after each change, so a new folder is seen. Returns a stop function.
 */
export function watchRules(source: RuleSource, changed: () => void, settleMs = 150): () => void {
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const roots = source.rules !== undefined ? [source.rules] : source.paths.length ? source.paths : [bundledGuidelines];
  const arm = (): void => {
    for (const w of watchers) w.close();
    watchers = [];
    for (const dir of foldersToWatch(roots)) {
      try {
        const w = watch(dir, () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            arm();
            changed();
          }, settleMs);
        });
        w.on('error', () => w.close()); // a folder removed: the next change re-arms without it
        watchers.push(w);
      } catch {
        // gone already
      }
    }
  };
  arm();
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

/** The folders whose entries decide the rule set: each folder given and those under it; a file's own folder. */
function foldersToWatch(roots: readonly string[]): string[] {
  const out = new Set<string>();
  for (const r of roots) {
    const path = resolve(r);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isDirectory()) {
      out.add(dirname(path));
      continue;
    }
    out.add(path);
    try {
      for (const f of findFiles([path], () => true)) for (let d = dirname(f.path); d.startsWith(path) && !out.has(d); d = dirname(d)) out.add(d);
    } catch {
      // unreadable: watched as far as it could be read
    }
  }
  return [...out];
}
