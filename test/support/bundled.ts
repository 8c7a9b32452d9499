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
