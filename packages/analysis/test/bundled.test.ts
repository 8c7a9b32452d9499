// The bundled library, analysed: every finding's example reproduces it through both evaluators (a
// finding whose example does not is a bug of the analysis), and each warning is one the library
// answers for, accepted with its reason where it is argued (docs/analysis.md says how); an edit of it
// is compared to the end.
import { describe, expect, it } from 'vitest';
import { compileProgram, standardVocabularySources, type RuleSet, type SourceText } from '../../language/src/index.ts';
import { analyzeRules, diffRules } from '../src/index.ts';
import { bundledRules, bundledSources } from '../../../test/support/bundled.ts';

describe('the bundled library', () => {
  it('has no finding whose example does not reproduce it', async () => {
    // Every acceptance read, the standard vocabularies' too, and every one that accepts nothing reported.
    const report = await analyzeRules(bundledRules(), { sources: [...bundledSources(), ...standardVocabularySources] });
    const failed = report.findings.filter((f) => f.example && !f.example.reproduced).map((f) => `${f.file}:${f.line} ${f.code} ${f.example!.problem}`);
    expect(failed).toEqual([]);
    expect(report.unreproduced).toBe(0);
    // Every part is analyzed within its budget of steps (docs/limits.md): what is not analyzed is outside the method, never past the budget.
    expect(report.findings.filter((f) => f.message.includes('the analysis budget')).map((f) => `${f.file}:${f.line}`)).toEqual([]);
    // Every warning and information has an example to show, except what is not analyzed.
    expect(report.findings.filter((f) => f.code !== 'A612' && !f.example).map((f) => `${f.file}:${f.line} ${f.code}`)).toEqual([]);
    // No warning stands unargued, and no acceptance accepts nothing: `guideline analyze guidelines` exits 0.
    expect(report.findings.filter((f) => f.severity !== 'info' && f.accepted === undefined).map((f) => `${f.file}:${f.line} ${f.code}`)).toEqual([]);
  }, 120_000);
});

describe('what changed in the bundled library', () => {
  it('compares ODG postsurgical to the end: a row made longer is found, nothing is left not analyzed', async () => {
    // The California policy with the postsurgical guidelines it consults first (the MTUS schedule
    // governs before ODG's rows): the regions of months since surgery, rows and visits all meet here.
    const sources = bundledSources().filter((s) => /postsurgical|odg\/preface|policies\/california|guidelines\/shared\//.test(s.file!));
    const compiled = (ss: SourceText[]): RuleSet => compileProgram(ss).rules!;
    const after = sources.map((s) => (s.file!.endsWith('odg/postsurgical/postsurgical.guideline') ? { ...s, text: s.text.replace('meniscectomy:          12 visits', 'meniscectomy:          14 visits') } : s));
    expect(after).not.toEqual(sources);
    const report = await diffRules(compiled(sources), compiled(after));
    expect(report.findings.filter((f) => f.code === 'A612').map((f) => `${f.file}:${f.line}`)).toEqual([]);
    expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set(['A608', 'A609', 'A610']));
    expect(report.unreproduced).toBe(0);
  }, 300_000);
});
