// Guideline files compiled to a rule set, with the bundled files a lone guideline or policy needs.
// The language package's parser and checker are reached from here alone, and this module is loaded
// only by commands that compile (`await import`): a run with a compiled rule set never sets them up.
import { join } from 'node:path';
import { alonePolicyFile, compileProgram, declaringText, policiesFor, type CompileResult, type SourceText } from '@guideline/language';
import { bundledGuidelines, guidelineFiles } from './load.ts';
import { display, nameUnder, UsageError, type FoundFile } from './paths.ts';
import { readLimits, readText } from './read.ts';

/** A guideline file as compiled: `file` is its name (what the artifact records), `shown` its path for the user. */
export interface LoadedSource extends SourceText {
  path: string;
  shown: string;
  /** A bundled file added to the paths given (a policy, a guideline, a vocabulary), not one of them. */
  borrowed?: boolean;
}

export interface CompileOptions {
  /**
   * The jurisdictions the cases name (`guideline test`): of the bundled policies, only theirs are
   * borrowed, and a jurisdiction whose bundled policy consults none of the given guidelines (or that
   * has none) gets a policy of its own that consults the given guidelines alone. Without it, every
   * bundled policy is borrowed, or, when none of them consults the given guidelines, each of their
   * jurisdictions gets such a policy of its own.
   */
  jurisdictions?: readonly string[];
  /** How a given file is shown to the user (a file of a git revision, by the revision's name for it); `display` by default. */
  shownAs?: (path: string) => string;
}

/**
 * Compiles guideline files. A rule set needs a policy: when the given paths hold guidelines but no
 * policy, bundled policies are added (see `CompileOptions`) so a lone guideline can still be checked
 * and tested; when they hold policies but no guideline, the bundled guidelines are added; the
 * bundled vocabularies they use and do not declare are added too. Files are named and ordered as
 * `findFiles` does, so the rule set is the same byte for byte from any working directory, under any
 * locale, with the paths in any order.
 */
export function compileFiles(paths: readonly string[], options: CompileOptions = {}): CompileResult & { sources: LoadedSource[] } {
  // Each file's declaring text, made once a compile.
  const codes = new Map<string, string>();
  const code = (text: string): string => {
    let c = codes.get(text);
    if (c === undefined) codes.set(text, (c = declaringText(text)));
    return c;
  };
  const load = (f: FoundFile, name = f.name): LoadedSource => ({ text: readText(f.given, readLimits.guidelineBytes), file: name, path: f.path, shown: (options.shownAs ?? display)(f.given) });
  const sources = guidelineFiles(paths).map((f) => load(f));
  if (paths.length && !sources.length) throw new UsageError(`no .guideline files in ${paths.map((p) => (options.shownAs ?? display)(p)).join(', ')}`);
  const own = sources.length;
  const added = new Set<string>();
  const ids = [...new Set(sources.flatMap((s) => [...code(s.text).matchAll(/^guideline\s+([\w.-]+)/gm)].map((m) => m[1]!)))];
  const ownPolicies = sources.some((s) => /^\s*policy\b/m.test(code(s.text)));
  // Guidelines given without a policy are decided under the bundled policies (or one of their own).
  if (paths.length && ids.length && !ownPolicies) {
    // Named as they are among the bundled guidelines.
    const bundled = guidelineFiles([join(bundledGuidelines, 'policies')]).map((f) => load(f, nameUnder(bundledGuidelines, f.path)));
    // Without the cases' jurisdictions (check, analyze, compile), every bundled policy is borrowed,
    // unless none consults the given guidelines: under them no case would reach one, so each of their
    // jurisdictions gets a policy that consults the given guidelines alone, as `guideline test` does.
    const { borrowed, alone } = policiesFor(ids, bundled, options.jurisdictions);
    for (const s of borrowed) {
      sources.push(s);
      added.add(s.file);
    }
    if (alone) {
      sources.push({ ...alone, path: alonePolicyFile, shown: alonePolicyFile });
      added.add(alonePolicyFile);
    }
  }
  // Policies given without guidelines (a policies folder) are tested and checked over the bundled guidelines.
  if (paths.length && ownPolicies && !ids.length) {
    const given = new Set(sources.map((s) => s.path));
    for (const f of guidelineFiles([bundledGuidelines])) {
      if (given.has(f.path) || /^\s*policy\b/m.test(code(readText(f.given, readLimits.guidelineBytes)))) continue;
      sources.push(load(f, nameUnder(bundledGuidelines, f.path)));
    }
  }
  if (paths.length) for (const s of borrowedVocabularies(sources, load, code)) {
    sources.push(s);
    added.add(s.file);
  }
  // What follows the files under the paths given was borrowed (none are, without paths: the bundled guidelines are the ones given).
  for (const s of sources.slice(own)) s.borrowed = true;
  const result = compileProgram(sources);
  // The bundled files were borrowed: their patterns that match none of the user's guidelines, and
  // their guidelines no policy consults, are not news.
  result.diagnostics = result.diagnostics.filter((d) => !((d.code === 'C311' || d.code === 'C322') && added.has(d.file ?? '')));
  return { ...result, sources };
}

const declaredVocabularies = (code: string): string[] => [...code.matchAll(/^vocabulary\s+([\w-]+)/gm)].map((m) => m[1]!);
const usedVocabularies = (code: string): string[] => [...code.matchAll(/^\s*uses\s+(.+)$/gm)].flatMap((m) => m[1]!.split(',').map((u) => u.trim()));

/**
 * The bundled files that declare the vocabularies the sources use and do not declare (the rules
 * several bundled guidelines share, guidelines/shared), and those that these use in turn, so a
 * bundled guideline can be checked and tested alone. A vocabulary no bundled file declares is left
 * to the checker (a standard one, or a mistake it reports).
 */
function borrowedVocabularies(sources: readonly LoadedSource[], load: (f: FoundFile, name: string) => LoadedSource, code: (text: string) => string): LoadedSource[] {
  const have = new Set(sources.map((s) => s.path));
  const declared = new Set(sources.flatMap((s) => declaredVocabularies(code(s.text))));
  const wanted = sources.flatMap((s) => usedVocabularies(code(s.text))).filter((v) => !declared.has(v));
  if (!wanted.length) return [];
  const bundled = new Map<string, LoadedSource>();
  for (const f of guidelineFiles([bundledGuidelines])) {
    if (have.has(f.path)) continue;
    const s = load(f, nameUnder(bundledGuidelines, f.path));
    for (const v of declaredVocabularies(code(s.text))) if (!bundled.has(v)) bundled.set(v, s);
  }
  const out: LoadedSource[] = [];
  for (let v = wanted.shift(); v !== undefined; v = wanted.shift()) {
    const s = bundled.get(v);
    if (declared.has(v) || !s) continue;
    out.push(s);
    for (const d of declaredVocabularies(code(s.text))) declared.add(d);
    wanted.push(...usedVocabularies(code(s.text)));
  }
  return out;
}
