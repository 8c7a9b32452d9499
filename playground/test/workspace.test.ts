// The workspace in the worker (node): every file, edited or not, is one program, so a run, the tests
// and an edit's impact are the same whichever file is open; test cases written from a determination
// pass; the downloaded folder is one `guideline test` runs; the case form comes from the vocabularies;
// a compile of a changed workspace is a new revision of its rule set.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '@guideline/language';
import { evaluate } from '@guideline/runtime';
import { bundledSources, root } from '../../test/support/bundled.ts';
import { compareExpectation } from '../src/expect.ts';
import { expectationOf, testCaseOf, testCaseText, type TestCase } from '../src/test-cases.ts';
import { runCase, runTests } from '../src/worker/cases.ts';
import { formSchema } from '../src/worker/form-schema.ts';
import { impactOf } from '../src/worker/impact.ts';
import { Workspace } from '../src/worker/workspace.ts';
import { zipFiles } from '../src/zip.ts';
import { files } from '../../test/support/bundled.ts';

/** The massage criteria, which MTUS's and ODG's massage guidelines both apply. */
const massage = 'guidelines/shared/massage.guideline';
/** MTUS's massage guideline, which applies them. */
const massageGuideline = 'guidelines/mtus/massage/massage.guideline';
const seedGuideline = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
const bundled = bundledSources();
const allCases: TestCase[] = files(join(root, 'guidelines'), '.json').filter((f) => f.includes('/cases/')).map((f) => testCaseOf(f.slice(root.length + 1), readFileSync(f, 'utf8')));
/** Only the massage guidelines' own cases and the policies' (which include massage requests) may change. */
const elsewhere = (f: string): boolean => !/^guidelines\/((mtus|odg)\/massage|policies)\//.test(f);
const overSix = allCases.find((c) => c.file === 'guidelines/mtus/massage/cases/over-six.json')!;
/** Massage allowed up to 60 visits instead of 6. */
const lenient = bundled.find((s) => s.file === massage)!.text.replaceAll('<= 6 visits', '<= 60 visits').replaceAll('at most 6 visits', 'at most 60 visits');

function edited(): Workspace {
  const ws = new Workspace();
  ws.reset(bundled, [{ file: massage, text: lenient }]);
  return ws;
}

describe('one workspace', () => {
  it.each([massage, seedGuideline, 'guidelines/policies/california.guideline'])('an edit to massage decides its case the same with %s open', async (open) => {
    const ws = edited();
    expect(ws.analyze(open).compiled).toBe(true);
    const r = await runCase(ws.compile(), JSON.stringify(overSix.case));
    expect(r.kind === 'determination' && r.determination.decision).toBe('medically-necessary');
  });

  it('runs the tests against the edit: the massage cases that hinge on the cap fail, whatever is open', async () => {
    const ws = edited();
    ws.analyze(seedGuideline);
    const failed = (await runTests(ws.compile()!, allCases)).outcomes.filter((o) => o.diffs.length || o.error).map((o) => o.file);
    expect(failed).toContain(overSix.file);
    expect(failed.filter(elsewhere)).toEqual([]);
  });

  it('names the edited files, and an edit back to the bundled text is none', () => {
    const ws = edited();
    expect(ws.edited()).toEqual([massage]);
    ws.edit(massage, bundled.find((s) => s.file === massage)!.text);
    expect(ws.edited()).toEqual([]);
  });

  it.each(bundled.filter((s) => [seedGuideline, massage, massageGuideline, 'guidelines/policies/california.guideline'].includes(s.file)).map((s) => [s.file, s.text] as const))('the quick check of %s, edited, knows the other files: only what the compile reports', (file, text) => {
    const ws = new Workspace();
    ws.reset(bundled, []);
    const spaced = text.replace(/\n/, ' \n'); // a space typed at the end of the first line
    ws.edit(file, spaced);
    expect(ws.check(file, spaced).markers.map((m) => m.code)).toEqual(ws.analyze(file).markers.markers.map((m) => m.code));
  });

  it('the quick check still finds an error of the file itself', () => {
    const ws = new Workspace();
    ws.reset(bundled, []);
    const broken = `${ws.text(seedGuideline)}\ncriterion ((( oops\n`;
    expect(ws.check(seedGuideline, broken).counts.error).toBeGreaterThan(0);
  });

  it('a new empty file: a warning marker at its start, in the quick check and the compile; the rules still compile', () => {
    const ws = new Workspace();
    const file = 'guidelines/new.guideline';
    ws.reset(bundled, [{ file, text: '' }]);
    const marker = { code: 'P209', severity: 'warning', startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 1 };
    expect(ws.check(file, '').markers).toMatchObject([marker]);
    const a = ws.analyze(file);
    expect(a.markers.markers).toMatchObject([marker]);
    expect(a.compiled).toBe(true);
  });

  it('an error in a file that is not open: no rule set, and the file named', async () => {
    const ws = new Workspace();
    ws.reset(bundled, [{ file: massageGuideline, text: 'criterion ((( oops' }]);
    const a = ws.analyze(seedGuideline);
    expect(a.compiled).toBe(false);
    expect(a.markers.counts.error).toBe(0);
    expect(a.otherErrors.map((o) => o.file)).toEqual([massageGuideline]);
    expect(await runCase(ws.compile(), JSON.stringify(overSix.case), () => ws.otherErrors(''))).toMatchObject({ kind: 'no-rules', otherErrors: [{ file: massageGuideline }] });
  });
});

describe('coverage of the conditions by the test cases', () => {
  it('counts each condition of every criterion, and finds the gaps an edit opens', async () => {
    const ws = new Workspace();
    ws.reset(bundled, []);
    const { coverage } = await runTests(ws.compile()!, allCases);
    const visits = coverage.find((c) => c.file === massage && c.condition === 'completed visits + requested visits <= 6 visits');
    expect(visits).toMatchObject({ true: expect.any(Number), false: expect.any(Number) });
    expect(visits!.true).toBeGreaterThan(0);
    expect(visits!.false).toBeGreaterThan(0);
    // Without the massage guidelines' own cases and the policies' (some of which are massage requests), nothing reaches it.
    const others = allCases.filter((c) => elsewhere(c.file));
    const fewer = (await runTests(ws.compile()!, others)).coverage.find((c) => c.file === massage && c.condition === visits!.condition);
    expect(fewer).toMatchObject({ true: 0, false: 0 });
  });
});

describe('impact of an edit', () => {
  it('lists the cases whose decision or statuses change, compared with the bundled texts', async () => {
    const ws = edited();
    const impact = await impactOf(ws.baseline(), ws.compile(), ws.edited(), allCases);
    const change = impact.changes.find((c) => c.file === overSix.file);
    expect(change).toMatchObject({ before: 'not-medically-necessary', after: 'medically-necessary', criteria: [{ id: 'visit-count', before: 'not-met', after: 'met' }] });
    expect(impact.changes.map((c) => c.file).filter(elsewhere)).toEqual([]);
    expect(impact.changed).toBe(impact.changes.length);
  });

  it('nothing edited: nothing to compare', async () => {
    const ws = new Workspace();
    ws.reset(bundled, []);
    expect(await impactOf(ws.baseline(), ws.compile(), ws.edited(), allCases)).toMatchObject({ edited: [], changes: [], changed: 0 });
  });
});

describe('test cases written from a determination', () => {
  it.each(allCases.slice(0, 40).map((c) => [c.file, c] as const))('%s: the expectation taken from its determination passes', async (_file, c) => {
    const ws = new Workspace();
    ws.reset(bundled, []);
    const d = await evaluate(ws.compile()!, c.case);
    expect(compareExpectation(expectationOf(d), d)).toEqual([]);
  });
});

describe('the workspace downloaded as a folder', () => {
  it('is a zip that `guideline test` runs: every file, a test case written here among them', () => {
    const written: TestCase = { ...overSix, file: 'guidelines/mtus/massage/cases/written-here.json', name: 'written-here', description: 'written in the playground', expect: { decision: 'not-medically-necessary' } };
    const entries = [...bundled.map((s) => ({ path: s.file, text: s.text })), ...[...allCases, written].map((t) => ({ path: t.file, text: testCaseText(t) }))];
    const dir = mkdtempSync(join(tmpdir(), 'playground-zip-'));
    writeFileSync(join(dir, 'workspace.zip'), zipFiles(entries));
    execFileSync('unzip', ['-q', 'workspace.zip'], { cwd: dir });
    const out = execFileSync(process.execPath, [join(root, 'scripts/guideline.mjs'), 'test', join(dir, 'guidelines')], { encoding: 'utf8' });
    expect(out).toMatch(new RegExp(`^${allCases.filter((c) => c.expect).length + 1} passed, 0 failed$`, 'm'));
  });
});

describe('the case form from the vocabularies', () => {
  it('has every field the rules read, with its fact words', () => {
    const ws = new Workspace();
    ws.reset(bundled, []);
    const schema = formSchema(ws.compile());
    expect(schema.properties?.['history']?.properties?.['visitsCompleted']).toMatchObject({ type: 'number', description: expect.stringMatching(/^completed visits/) });
    expect(schema.required).toEqual(expect.arrayContaining(['asOf', 'jurisdiction', 'request']));
  });
});

describe('the guideline as a picture', () => {
  it('has each criterion of the file with its conditions, in order, and their lines', async () => {
    const { diagramOf } = await import('../src/worker/diagram.ts');
    const ws = new Workspace();
    ws.reset(bundled, []);
    const [g] = diagramOf(ws.compile(), massageGuideline).roots;
    const [applies, ...criteria] = g!.children;
    expect(applies?.children.map((c) => c.label)).toEqual(['covers massage', 'in force from 2009-07-18', 'in force to 2017-11-30']);
    expect(criteria.map((c) => c.id)).toEqual(['adjunct', 'visit-count', 'functional-improvement']);
    const improvement = criteria[2]!;
    expect(improvement.children.map((c) => [c.role, c.label])).toEqual([['only when', 'completed visits > 0'], ['require', 'functional improvement is documented']]);
    expect(diagramOf(undefined, massageGuideline).roots).toEqual([]);
  });
});

describe('the rule set\'s revision, which a picture of it is keyed by', () => {
  it.each<[string, (ws: Workspace) => void, boolean]>([
    ['compiled again, nothing changed', () => {}, false],
    ['a file set to the text it has', (ws) => ws.edit(massage, ws.text(massage)), false],
    ['a file edited', (ws) => ws.edit(massage, lenient), true],
    ['the workspace set again', (ws) => ws.reset(undefined, []), true],
  ])('%s: a new revision, %s', (_, change, renewed) => {
    const ws = new Workspace();
    ws.reset(bundled, []);
    ws.compile();
    const before = ws.revision;
    change(ws);
    ws.compile();
    expect(ws.revision !== before).toBe(renewed);
  });
});

describe('guidelines no policy consults', () => {
  const lone = 'guideline acme.lone\n  title "Lone"\n  source "Acme", 2024, pages 1-2\n  covers physical-therapy\n  uses physical-medicine\ncriterion cap "Cap"\n  require completed visits < 20\n  otherwise "no"\n';

  it('none in the bundled library', () => {
    const ws = new Workspace();
    ws.reset(bundled, []);
    expect(ws.unconsulted()).toBeUndefined();
  });

  it('a new file\'s guideline: decided in the workspace without its policies, under a stand-in for each of their jurisdictions', async () => {
    const ws = new Workspace();
    ws.reset(bundled, [{ file: 'guidelines/acme/lone.guideline', text: lone }]);
    const u = ws.unconsulted()!;
    expect(u.ids).toEqual(['acme.lone']);
    expect(u.files).toEqual(['guidelines/acme/lone.guideline']);
    expect(u.program.some((s) => s.file.startsWith('guidelines/policies/'))).toBe(false);
    const standIn = u.program.find((s) => s.file === '(guidelines alone)')!;
    expect(standIn.text).toMatch(/jurisdiction CA\n {2}first acme\.lone\n/);
    // The stand-in decides a request the guideline covers, as the CLI's does.
    const rules = compileProgram(u.program).rules!;
    const d = await evaluate(rules, { jurisdiction: 'CA', asOf: '2024-03-01', request: { treatment: 'physical-therapy' }, history: { visitsCompleted: 2 } });
    expect(d.guideline?.id).toBe('acme.lone');
  });
});
