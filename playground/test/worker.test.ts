// What the language worker sends the page is bounded (node): markers errors first and counted, case
// problems, criteria and trace rows cut at their limits with the rest counted.
import { describe, expect, it } from 'vitest';
import { analyze, SourceFile } from '@guideline/language';
import { bundledRules } from '../../test/support/bundled.ts';
import { caseProblemsShown, compiledShownChars, criteriaShown, problemsShown } from '../src/limits.ts';
import { checkCase, compiledJson, runCase } from '../src/worker/cases.ts';
import { markerList } from '../src/worker/markers.ts';
import { seedCaseText } from './support/share-attacks.ts';


describe('markerList', () => {
  it.each([0, 1, problemsShown, problemsShown + 1, 100_000])('%i lexical errors: at most the limit sent, all counted', (n) => {
    const text = '@\n'.repeat(n); // one L101 a line (a run on one line is one)
    const list = markerList(analyze(text, 'f.guideline').diagnostics, new SourceFile(text, 'f.guideline'));
    expect(list.counts.error).toBe(n);
    // (Of no text, the one marker is the warning that the file is empty.)
    expect(list.markers.filter((m) => m.severity === 'error')).toHaveLength(Math.min(n, problemsShown));
  });

  it('sends errors before warnings, each in source order', () => {
    const d = (severity: 'error' | 'warning', start: number) => ({ code: 'C301' as const, severity, message: '', range: { start, end: start + 1 } });
    const list = markerList([d('warning', 0), d('error', 4), d('warning', 2), d('error', 6)], new SourceFile('abcdefgh'), 3);
    expect(list.markers.map((m) => `${m.severity}@${m.startColumn}`)).toEqual(['error@5', 'error@7', 'warning@1']);
    expect(list.counts).toEqual({ error: 2, warning: 2, info: 0 });
  });
});

describe('cases in the worker', () => {
  it('a case with more problems than the limit: the first ones, each marked, and the total', () => {
    // 90 bad diagnoses (a list may hold 100), each a problem, and the fields the case lacks.
    const text = JSON.stringify({ diagnoses: Array.from({ length: 90 }, () => ({ code: 5 })) });
    const check = checkCase(text);
    expect(check.total).toBeGreaterThan(90);
    expect(check.problems).toHaveLength(caseProblemsShown);
    expect(check.marks).toHaveLength(caseProblemsShown);
  });

  it('a case that is not JSON: one problem, marked where the parser stopped', () => {
    expect(checkCase('{"asOf": }')).toMatchObject({ total: 1, marks: [{ start: 9 }] });
  });

  it('marks a problem inside a list item at its field, as the case check names it (diagnoses[0].icd10)', () => {
    const text = '{\n  "jurisdiction": "CA",\n  "asOf": "2014-01-24",\n  "diagnoses": [{ "text": "neck pain", "icd10": 12 }],\n  "request": { "treatment": "physical-therapy" }\n}';
    const check = checkCase(text, bundledRules());
    expect(check.problems.map((p) => p.field)).toEqual(['diagnoses[0].icd10']);
    expect(text.slice(check.marks[0]!.start, check.marks[0]!.end)).toBe('"icd10"');
  });

  it('marks a problem with an item of a list, or with the whole case, over its value, as the command line frames it', () => {
    const text = '{\n  "jurisdiction": "CA",\n  "asOf": "2014-01-24",\n  "diagnoses": ["neck pain", { "text": "neck pain" }],\n  "request": { "treatment": "physical-therapy" }\n}';
    const check = checkCase(text, bundledRules());
    expect(check.problems.map((p) => p.field)).toEqual(['diagnoses[0]']);
    expect(text.slice(check.marks[0]!.start, check.marks[0]!.end)).toBe('"neck pain"');
    const list = '[1, 2]';
    expect(checkCase(list).marks.map((m) => [list.slice(m.start, m.end), m.message])).toEqual([[list, expect.stringMatching(/^case: /)]]);
  });

  // JSON.parse keeps the last of a key given twice: which one the editor meant cannot be told, so the
  // case is refused, as the command line refuses it, with the second marked.
  it('a case that gives a key twice: refused, naming the field and where it was first, the second marked', async () => {
    const text = seedCaseText.replace('"jurisdiction": "CA",', '"jurisdiction": "CA",\n  "jurisdiction": "TX",').replace('"visitsCompleted": 24', '"visitsCompleted": 24, "visitsCompleted": 2');
    expect(text).not.toBe(seedCaseText);
    const check = checkCase(text, bundledRules());
    const line = (offset: number): number => text.slice(0, offset).split('\n').length;
    const first = text.indexOf('"jurisdiction"');
    expect(check.problems).toEqual([
      { field: 'jurisdiction', message: `is given twice (first at line ${line(first)})` },
      { field: 'history.visitsCompleted', message: `is given twice (first at column ${text.indexOf('"visitsCompleted"') - text.lastIndexOf('\n', text.indexOf('"visitsCompleted"'))})` },
    ]);
    const second = text.indexOf('"jurisdiction"', first + 1);
    expect(check.marks[0]).toMatchObject({ start: second, end: second + '"jurisdiction"'.length });
    expect((await runCase(bundledRules(), text)).kind).toBe('invalid-case');
  });

  it('runs the seed case against the bundled rules', async () => {
    const r = await runCase(bundledRules(), seedCaseText);
    expect(r.kind === 'determination' && r.determination.decision).toBe('not-medically-necessary');
    expect(r.kind === 'determination' && Object.keys(r.sources)).toContain('visit-count');
    expect(r.kind === 'determination' && r.guidelineFile).toBe('guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline');
  });

  it('no rule set (the guideline has errors): says so, runs nothing', async () => {
    expect(await runCase(undefined, seedCaseText)).toEqual({ kind: 'no-rules', otherErrors: [] });
  });

  it('a guideline with more criteria than the limit: the first ones sent, the rest counted', async () => {
    const rules = structuredClone(bundledRules());
    const g = rules.guidelines.find((x) => x.id === 'mtus.chronic-pain.physical-medicine')!;
    const extra = g.criteria.find((c) => c.id === 'functional-improvement')!;
    for (let i = 0; i < criteriaShown + 5; i++) g.criteria.push({ ...extra, id: `copy-${i}` });
    delete rules.revision; // changed after compiling: its revision is worked out again
    const r = await runCase(rules, seedCaseText);
    if (r.kind !== 'determination') throw new Error(r.kind);
    expect(r.determination.criteria).toHaveLength(criteriaShown);
    // The California policy's own criteria apply besides the guideline's, and are counted with them.
    const policy = rules.policies.find((p) => p.jurisdiction === 'CA')!;
    expect(r.hidden.criteria).toBe(g.criteria.length + policy.criteria.length - criteriaShown);
  });

  it('compiled JSON: the rules of the file, or a note when they are past the limit or absent', () => {
    const rules = structuredClone(bundledRules());
    const g = rules.guidelines.find((x) => x.id === 'mtus.chronic-pain.physical-medicine')!;
    expect(JSON.parse(compiledJson(rules, g.location.file))).toMatchObject({ guidelines: [{ id: g.id }] });
    const first = g.criteria[0]!;
    while (JSON.stringify(g).length < compiledShownChars) for (let i = 0; i < 100; i++) g.criteria.push({ ...first, id: `${first.id}-${g.criteria.length}` });
    expect(compiledJson(rules, g.location.file)).toMatch(/^\/\/ The compiled rules of this file are \d+ characters/);
    expect(compiledJson(undefined, g.location.file)).toMatch(/^\/\//);
  });
});
