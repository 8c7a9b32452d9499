// The analysis worker's report for the page (node): a finding accepted in the source is sent with its
// reason, counted apart from the warnings, and marked in the editor for information, not as a warning.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '@guideline/language';
import { analysisLimits, analyzeRules } from '@guideline/analysis';
import { findingsResult } from '../src/worker/findings.ts';

/** A guideline whose criterion is never met (A604), accepted when `accept` is given. */
const program = (accept: string): string => `guideline a.b
  title "T"
  source "S", pages 1-2
  covers physical-therapy
  uses physical-medicine
${accept}criterion x "X"
  require completed visits < 0
  otherwise "no"

policy p "P"
  jurisdiction CA
  first a.b
`;

async function result(accept: string) {
  const source = { text: program(accept), file: 'g.guideline' };
  const report = await analyzeRules(compileProgram([source]).rules!, { sources: [source], examples: false });
  return findingsResult(report, source.file, source.text, 0);
}

describe('findings for the page', () => {
  it.each([
    ['not accepted: a warning', '', { error: 0, warning: 1, info: 0, accepted: 0 }, undefined, 'warning'],
    ['accepted: apart, with its reason, marked for information', '# accept A604: by design\n', { error: 0, warning: 0, info: 0, accepted: 1 }, 'by design', 'info'],
  ])('%s', async (_, accept, counts, accepted, severity) => {
    const r = await result(accept);
    expect(r.counts).toEqual(counts);
    expect(r.findings.map((f) => [f.code, f.accepted])).toEqual([['A604', accepted]]);
    expect(r.markers.map((m) => [m.code, m.severity])).toEqual([['A604', severity]]);
  });
});

describe('a criterion past the analysis budget, pasted in the editor', () => {
  it('is one marker for information at its head, the analysis bounded', async () => {
    // The outside tester's chain: 2,000 alternatives, which once kept the analysis worker busy for minutes and gigabytes.
    const chain = Array.from({ length: 2000 }, (_, i) => `completed visits + requested visits > ${i} and requested visits < ${i + 3}`).join(' or ');
    const text = program('').replace('require completed visits < 0', `require ${chain}`);
    const source = { text, file: 'g.guideline' };
    const report = await analyzeRules(compileProgram([source]).rules!, { sources: [source] });
    expect(report.work).toBeLessThan(analysisLimits.workPerPart + 20_000);
    const r = findingsResult(report, source.file, source.text, 0);
    expect(r.counts).toEqual({ error: 0, warning: 0, info: 1, accepted: 0 });
    expect(r.findings.map((f) => [f.code, f.line, f.message.includes('the analysis budget')])).toEqual([['A612', 6, true]]);
    expect(r.markers.map((m) => [m.code, m.severity, m.startLineNumber, m.endLineNumber])).toEqual([['A612', 'info', 6, 6]]);
  });
});
