// The bundled library, analysed: every finding's example reproduces it through both evaluators (a
// finding whose example does not is a bug of the analysis), and each warning is one the library
// answers for, accepted with its reason where it is argued (docs/analysis.md says how).
import { describe, expect, it } from 'vitest';
import { standardVocabularySources } from '../../language/src/index.ts';
import { analyzeRules } from '../src/index.ts';
import { bundledRules, bundledSources } from '../../../test/support/bundled.ts';

describe('the bundled library', () => {
  it('has no finding whose example does not reproduce it', async () => {
    // Every acceptance read, the standard vocabularies' too, and every one that accepts nothing reported.
    const report = await analyzeRules(bundledRules(), { sources: [...bundledSources(), ...standardVocabularySources] });
    const failed = report.findings.filter((f) => f.example && !f.example.reproduced).map((f) => `${f.file}:${f.line} ${f.code} ${f.example!.problem}`);
    expect(failed).toEqual([]);
    expect(report.unreproduced).toBe(0);
    // Every warning and information has an example to show, except what is not analyzed.
    expect(report.findings.filter((f) => f.code !== 'A612' && !f.example).map((f) => `${f.file}:${f.line} ${f.code}`)).toEqual([]);
    // No warning stands unargued, and no acceptance accepts nothing: `guideline analyze guidelines` exits 0.
    expect(report.findings.filter((f) => f.severity !== 'info' && f.accepted === undefined).map((f) => `${f.file}:${f.line} ${f.code}`)).toEqual([]);
  }, 120_000);
});
