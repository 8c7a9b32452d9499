// The bundled library, analysed: every finding's example reproduces it through both evaluators (a
// finding whose example does not is a bug of the analysis), and each finding is one the library
// answers for, fixed or argued in the guideline's comments (docs/analysis.md says how).
import { describe, expect, it } from 'vitest';
import { analyzeRules } from '../src/index.ts';
import { bundledRules } from '../../../test/support/bundled.ts';

describe('the bundled library', () => {
  it('has no finding whose example does not reproduce it', async () => {
    const report = await analyzeRules(bundledRules());
    const failed = report.findings.filter((f) => f.example && !f.example.reproduced).map((f) => `${f.file}:${f.line} ${f.code} ${f.example!.problem}`);
    expect(failed).toEqual([]);
    expect(report.unreproduced).toBe(0);
    // Every warning and information has an example to show, except what is not analyzed.
    expect(report.findings.filter((f) => f.code !== 'A612' && !f.example).map((f) => `${f.file}:${f.line} ${f.code}`)).toEqual([]);
  }, 120_000);
});
