// File-system side of the CLI: finds guideline and case files, compiles, reads JSON with located errors.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileProgram, type CompileResult, type SourceText } from '@guideline/language';

/** The bundled guidelines folder of this repository. */
export const bundledGuidelines = resolve(dirname(fileURLToPath(import.meta.url)), '../../../guidelines');

export class UsageError extends Error {}

/** Path as shown to the user: relative to the working directory when inside it. */
export function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function walkFiles(root: string, accept: (name: string) => boolean, out: string[] = []): string[] {
  const st = statSync(root, { throwIfNoEntry: false });
  if (!st) throw new UsageError(`${display(root)}: no such file or folder`);
  if (st.isFile()) {
    out.push(root);
    return out;
  }
  for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(root, entry.name);
    if (entry.isDirectory()) walkFiles(p, accept, out);
    else if (accept(entry.name)) out.push(p);
  }
  return out;
}

export function guidelineFiles(paths: string[]): string[] {
  const roots = paths.length ? paths.map((p) => resolve(p)) : [bundledGuidelines];
  return roots.flatMap((r) => walkFiles(r, (n) => n.endsWith('.guideline')));
}

export function jsonFiles(paths: string[]): string[] {
  return paths.flatMap((p) => walkFiles(resolve(p), (n) => n.endsWith('.json') || n.endsWith('.jsonl')));
}

/**
 * Compiles guideline files. A rule set needs a policy: when the given paths hold guidelines but no
 * policy, the bundled policies are added so a lone guideline file can still be checked.
 */
export function compileFiles(paths: string[]): CompileResult & { sources: SourceText[] } {
  const files = guidelineFiles(paths);
  const sources: SourceText[] = files.map((f) => ({ text: readFileSync(f, 'utf8'), file: display(f) }));
  const added = new Set<string>();
  if (paths.length && !sources.some((s) => /^\s*policy\b/m.test(s.text))) {
    for (const f of guidelineFiles([join(bundledGuidelines, 'policies')])) {
      sources.push({ text: readFileSync(f, 'utf8'), file: display(f) });
      added.add(display(f));
    }
  }
  const result = compileProgram(sources);
  // The bundled policies were borrowed: their patterns that match none of the user's guidelines are not news.
  result.diagnostics = result.diagnostics.filter((d) => !(d.code === 'C311' && added.has(d.file ?? '')));
  return { ...result, sources };
}

export interface JsonError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Parses JSON, turning a syntax error into a located message. */
export function parseJson(text: string, file: string): { value?: unknown; error?: JsonError } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const offset = m ? Number(m[1]) : 0;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { error: { file, line, column, message: `invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}` } };
  }
}
