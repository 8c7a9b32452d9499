// docs/analysis.md: every check's example is reported with the check's code by `analyzeRules` (or,
// for the section on what changed, by `diffRules` between its 'before' and 'after' blocks), and every
// example of every finding reproduces through both evaluators.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../language/src/index.ts';
import { analyzeRules, diffRules } from '../src/index.ts';

const doc = readFileSync(new URL('../../../docs/analysis.md', import.meta.url), 'utf8');
const sections = [...doc.matchAll(/^### (A\d{3})[^\n]*\n([\s\S]*?)(?=^##|(?![\s\S]))/gm)].map((m) => ({ code: m[1]!, body: m[2]! }));
const block = (body: string, info: string): string | undefined => new RegExp('```' + info + '\\n([\\s\\S]*?)```').exec(body)?.[1];

function rules(text: string) {
  const r = compileProgram([{ text, file: 'example.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
}

describe('docs/analysis.md', () => {
  it('has an example for each check', () => {
    expect(sections.map((s) => s.code)).toEqual(['A601', 'A602', 'A603', 'A604', 'A605', 'A606', 'A607', 'A611', 'A612', 'A608']);
  });

  it.each(sections.map((s) => [s.code, s.body] as const))('%s: the example is reported with its code', async (code, body) => {
    const one = block(body, 'guideline');
    const report = one ? await analyzeRules(rules(one)) : await diffRules(rules(block(body, 'guideline before')!), rules(block(body, 'guideline after')!));
    expect(report.findings.map((f) => f.code)).toContain(code);
    expect(report.unreproduced).toBe(0);
  });
});
