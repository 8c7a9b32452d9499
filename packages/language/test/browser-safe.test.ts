// packages/language runs in the browser (the playground's worker): its sources import no Node
// built-in modules and touch no Node globals. Scans every source file.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));
const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|mts|js|mjs)$/.test(f))
  .map((f) => ({ file: f, text: readFileSync(join(srcDir, f), 'utf8') }));

/** Every module specifier of a source: static and dynamic imports, re-exports, import types, require. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\bimport\s+['"]([^'"]+)['"]/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]!);
  return out;
}

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeModule = (s: string): boolean => s.startsWith('node:') || nodeBuiltins.has(s) || nodeBuiltins.has(s.split('/')[0]!);

describe('browser-safe sources', () => {
  it('finds the sources', () => {
    expect(sources.map((s) => s.file)).toEqual(expect.arrayContaining(['lexer.ts', 'parser/index.ts', 'check/index.ts']));
  });

  it.each(sources.map((s) => [s.file, s.text]))('%s imports no node:* module', (_, text) => {
    expect(specifiers(text).filter(isNodeModule)).toEqual([]);
  });

  it.each(sources.map((s) => [s.file, s.text]))('%s uses no Node globals', (_, text) => {
    const code = text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
    expect(code.match(/(?<![.\w])(process|Buffer|__dirname|__filename|require)\s*[.(]/g) ?? []).toEqual([]); // (a property named require is not the global)
  });

  it.each([
    ["import { readFileSync } from 'node:fs';", ['node:fs']],
    ["import * as path from 'path';", ['path']],
    ["const m = await import('node:child_process');", ['node:child_process']],
    ["export { x } from 'fs/promises';", ['fs/promises']],
    ["import type { IToken } from 'chevrotain';", []],
    ["import { lex } from './lexer.ts';", []],
  ])('the scan catches %s', (line, expected) => {
    expect(specifiers(line).filter(isNodeModule)).toEqual(expected);
  });
});
