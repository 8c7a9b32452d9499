// docs/diagnostics.md: each A6xx example, analysed (or, with a before and an after, compared),
// produces its code with the message the entry quotes, and its examples reproduce.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram, diagnosticCodes, type RuleSet } from '../../language/src/index.ts';
import { analyzeRules, diffRules } from '../src/index.ts';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/diagnostics.md'), 'utf8');
const entries = [...doc.matchAll(/^## (A\d{3}) (\S+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)].map((m) => ({ code: m[1]!, body: m[3]! }));

const block = (body: string, tag: string): string | undefined => new RegExp('```guideline' + tag + '\\n([\\s\\S]*?)```').exec(body)?.[1];
const rules = (text: string): RuleSet => {
  const r = compileProgram([{ text, file: 'example.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
};

describe('docs/diagnostics.md, the analysis codes', () => {
  it('documents every A code of the catalog', () => {
    expect(entries.map((e) => e.code)).toEqual(Object.keys(diagnosticCodes).filter((c) => c.startsWith('A')));
  });

  it.each(entries.map((e) => [e.code, e.body]))('%s: the example produces the code and the quoted message', async (code, body) => {
    const one = block(body, '');
    // The example is its own source, read for acceptances (A613, A614).
    const report = one ? await analyzeRules(rules(one), { sources: [{ text: one, file: 'example.guideline' }] }) : await diffRules(rules(block(body, ' before')!), rules(block(body, ' after')!));
    expect(report.unreproduced).toBe(0);
    const quoted = [...body.matchAll(/`(A\d{3}) ([^`]+)`/g)].filter((m) => m[1] === code).map((m) => m[2]);
    expect(quoted.length).toBeGreaterThan(0);
    const messages = report.findings.filter((f) => f.code === code).map((f) => f.message);
    for (const q of quoted) expect(messages).toContain(q);
  });
});
