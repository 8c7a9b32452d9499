// docs/diagnostics.md documents every code of the catalog, with its name and severity, and each
// example there produces the code it documents (and the message it quotes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram, diagnosticCodes, type DiagnosticCode } from '../packages/language/src/index.ts';
import { validateCase } from '../packages/runtime/src/index.ts';

const doc = readFileSync(join(import.meta.dirname, '../docs/diagnostics.md'), 'utf8');
const context = /```guideline context\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

interface Entry {
  code: string;
  name: string;
  body: string;
}
const entries: Entry[] = [...doc.matchAll(/^## (\w\d{3}) (\S+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)].map((m) => ({ code: m[1]!, name: m[2]!, body: m[3]! }));
const codes = Object.keys(diagnosticCodes) as DiagnosticCode[];
const reserved = (e: Entry): boolean => e.body.includes('**not reported yet**');

/**
 * The example of an entry: its first ```guideline block, under the context unless it is a whole file
 * (it starts with a guideline or a policy, or it has only comments).
 */
function example(e: Entry): string | undefined {
  const block = /```guideline\n([\s\S]*?)```/.exec(e.body)?.[1];
  if (block === undefined) return undefined;
  const comments = block.split('\n').every((line) => /^\s*(#.*)?$/.test(line));
  return comments || /^(guideline|policy) /.test(block) ? block : context + block;
}

/** The messages an entry quotes as `CODE message`. */
function quoted(e: Entry): string[] {
  return [...e.body.matchAll(/`(?:[^`]*: error )?([A-Z]\d{3}) ([^`]+)`/g)].filter((m) => m[1] === e.code).map((m) => m[2]!);
}

describe('docs/diagnostics.md', () => {
  it('has the context the examples are written under, and it has no diagnostics', () => {
    expect(context).toContain('guideline ');
    expect(compileProgram([{ text: context, file: 'context.guideline' }]).diagnostics).toEqual([]);
  });

  it('documents every code of the catalog, in catalog order, and no other', () => {
    expect(entries.map((e) => e.code)).toEqual(codes);
  });

  it.each(codes)('%s has its catalog name and severity', (code) => {
    const e = entries.find((x) => x.code === code);
    expect(e, `no '## ${code} ...' section`).toBeDefined();
    expect(e!.name).toBe(diagnosticCodes[code].name);
    const severity = diagnosticCodes[code].severity;
    expect(e!.body.trimStart().startsWith(severity[0]!.toUpperCase() + severity.slice(1) + '.')).toBe(true);
  });

  const compiled = entries.filter((e) => /^[LPC]/.test(e.code) && !e.body.includes('**no inline example**'));
  it.each(compiled.map((e) => [e.code, e]))('%s: the example produces the code and the quoted message', (_, e) => {
    const text = example(e);
    expect(text, 'no ```guideline example').toBeDefined();
    const found = compileProgram([{ text: text!, file: 'example.guideline' }]).diagnostics;
    expect(found.map((d) => d.code)).toContain(e.code);
    const messages = found.filter((d) => d.code === e.code).map((d) => d.message);
    expect(quoted(e).length).toBeGreaterThan(0);
    for (const q of quoted(e)) expect(messages).toContain(q);
  });

  it('R501: the example case is invalid for the field the entry names', () => {
    const e = entries.find((x) => x.code === 'R501')!;
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(e.body)![1]!);
    const issues = validateCase(example).map((i) => `${i.field}: ${i.message}`);
    for (const q of quoted(e)) expect(issues).toContain(q);
  });

  it('marks the codes nothing reports yet as reserved, and only those', () => {
    expect(entries.filter(reserved).map((e) => e.code)).toEqual(['X401', 'R503', 'R504']);
  });
});
