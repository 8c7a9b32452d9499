// The bundled guidelines compiled once for tests, read from guidelines/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileProgram, type RuleSet, type SourceText } from '../../packages/language/src/index.ts';

export const root = join(import.meta.dirname, '../..');

export function files(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (p.endsWith(ext)) out.push(p);
  }
  return out;
}

export function bundledSources(): SourceText[] {
  return files(join(root, 'guidelines'), '.guideline').map((f) => ({ text: readFileSync(f, 'utf8'), file: relative(root, f) }));
}

let cached: RuleSet | undefined;
export function bundledRules(): RuleSet {
  if (!cached) {
    const r = compileProgram(bundledSources());
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length || !r.rules) throw new Error(`bundled guidelines do not compile: ${errors.map((d) => `${d.file} ${d.code} ${d.message}`).join('; ')}`);
    cached = r.rules;
  }
  return cached;
}

/** A small compiled artifact as JSON: one guideline (with the shared rules it uses) and the California policy. */
export function compiledBase(): Record<string, unknown> {
  const sources = bundledSources().filter((s) => s.file.includes('chronic-pain-physical-medicine') || s.file.includes('california') || s.file.startsWith('guidelines/shared/'));
  return JSON.parse(JSON.stringify(compileProgram(sources).rules)) as Record<string, unknown>;
}

/** Each bundled file with the vocabularies the library declares (which it may use), and without the rest. */
export function eachFileWithVocabularies(): [file: string, sources: SourceText[]][] {
  const vocabularies = bundledSources().filter((s) => /^vocabulary /m.test(s.text));
  return bundledSources().map((s) => [s.file, [s, ...vocabularies.filter((v) => v.file !== s.file)]]);
}
