// `guideline test <paths>` tests what it is given: a guideline folder with its own cases and no
// others, by the policy its cases name or alone; test cases checked against their format, each
// problem at its place (R506, R501) rather than a diff.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../packages/language/src/index.ts';
import { root } from './support/bundled.ts';
import { seedCase } from './support/case-factory.ts';
import { runCli, scratch } from './support/cli.ts';

const summary = (stdout: string): string => /^\d+ passed, \d+ failed$/m.exec(stdout)?.[0] ?? stdout;
const caseCount = (folder: string): number => readdirSync(join(root, folder, 'cases')).filter((f) => f.endsWith('.json')).length;

const { dir: scratchDir, file: writeScratch } = scratch('guideline-test-declares-');

describe('guideline test <one guideline folder>', () => {
  it.each(['guidelines/mtus/acupuncture', 'guidelines/odg/knee', 'guidelines/mtus/postsurgical'])('%s: its own cases, all passing', (folder) => {
    const r = runCli(['test', folder]);
    expect([r.code, summary(r.stdout)]).toEqual([0, `${caseCount(folder)} passed, 0 failed`]);
    expect(r.stdout).not.toMatch(/policies\/cases/);
  });

  it('runs from a subfolder with paths relative to it, through pnpm', () => {
    const r = spawnSync('pnpm', ['--silent', 'guideline', 'test', 'acupuncture'], { cwd: join(root, 'guidelines/mtus'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect([r.status, summary(r.stdout)]).toEqual([0, `${caseCount('guidelines/mtus/acupuncture')} passed, 0 failed`]);
  });

  it('reads what a file declares, not what its texts say: a wrapped line of a rationale beginning "policy" is no policy', () => {
    const folder = join(scratchDir, 'acupuncture');
    cpSync(join(root, 'guidelines/mtus/acupuncture'), folder, { recursive: true });
    const file = join(folder, 'acupuncture.guideline');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/^ +an adjunct to physical rehabilitation/m, 'policy: an adjunct to physical rehabilitation');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const r = runCli(['test', folder]);
    expect([r.code, summary(r.stdout)]).toEqual([0, `${caseCount('guidelines/mtus/acupuncture')} passed, 0 failed`]);
  });

  it('refuses a folder with no .guideline files, and makes an empty file no guideline rather than the bundled library', () => {
    const empty = join(scratchDir, 'no-guidelines');
    mkdirSync(empty);
    expect(runCli(['compile', empty])).toMatchObject({ code: 2, stderr: `guideline: no .guideline files in ${empty}\n` });
    const out = join(scratchDir, 'empty.json');
    const compiled = runCli(['compile', writeScratch('empty.guideline', '# nothing yet\n'), '-o', out]);
    expect(compiled.code).toBe(0);
    const rules = JSON.parse(readFileSync(out, 'utf8')) as { guidelines: unknown[]; policies: unknown[] };
    expect([rules.guidelines.length, rules.policies.length]).toEqual([0, 0]);
  });

  it("docs/test-cases.md's example passes as written, beside the guideline it names", () => {
    const doc = readFileSync(join(root, 'docs/test-cases.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)![1]!;
    const folder = join(scratchDir, 'documented', 'acupuncture');
    mkdirSync(join(folder, 'cases'), { recursive: true });
    cpSync(join(root, 'guidelines/mtus/acupuncture/acupuncture.guideline'), join(folder, 'acupuncture.guideline'));
    writeFileSync(join(folder, 'cases', 'example.json'), example);
    const r = runCli(['test', folder]);
    expect([r.code, summary(r.stdout), r.stderr]).toEqual([0, '1 passed, 0 failed', '']);
  });

  it('tests a policies folder over the bundled guidelines', () => {
    const r = runCli(['test', 'guidelines/policies']);
    expect([r.code, summary(r.stdout)]).toEqual([0, `${caseCount('guidelines/policies')} passed, 0 failed`]);
  });

  const { dir } = scratch('guideline-test-cmd-');
  const guideline = (id: string): string =>
    `guideline ${id}\n  title "Demo"\n  source "Demo", pages 1-2\n  covers physical-therapy\n  uses physical-medicine\n\ncriterion few "Few visits"\n  require requested visits <= 6 visits\n  otherwise "Too many."\n`;
  const testCase = (jurisdiction: string, decision: string): string => JSON.stringify({ description: 'demo', case: { ...seedCase(), jurisdiction }, expect: { decision, criteria: { few: decision === 'medically-necessary' ? 'met' : 'not-met' } } });

  it.each([
    ['a jurisdiction with no bundled policy', 'acme.demo', 'NV'],
    ['a bundled policy that does not consult it', 'acme.demo', 'CA'],
  ])('tests a guideline alone under %s', (_, id, jurisdiction) => {
    const folder = join(dir, `${id}-${jurisdiction}`);
    mkdirSync(join(folder, 'cases'), { recursive: true });
    writeFileSync(join(folder, 'demo.guideline'), guideline(id));
    writeFileSync(join(folder, 'cases/over.json'), testCase(jurisdiction, 'not-medically-necessary'));
    const r = runCli(['test', folder]);
    expect([r.code, summary(r.stdout)]).toEqual([0, '1 passed, 0 failed']);
  });

  it('checks and analyzes a guideline no bundled policy consults as it tests it: under a policy of its own', () => {
    const folder = join(dir, 'acme-check');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'demo.guideline'), guideline('acme.demo'));
    const casePath = join(folder, 'over.json');
    writeFileSync(casePath, JSON.stringify({ ...seedCase(), jurisdiction: 'CA' }));
    const checked = runCli(['check', folder, '--case', casePath, '--json']);
    const d = JSON.parse(checked.stdout) as { decision: string; guideline: { id: string } | null };
    expect([checked.code, d.decision, d.guideline?.id, checked.stderr]).toEqual([0, 'not-medically-necessary', 'acme.demo', '']);
    // A criterion never met is found, not passed over as a guideline no case reaches.
    writeFileSync(join(folder, 'demo.guideline'), guideline('acme.demo').replace('require requested visits <= 6 visits', 'require requested visits <= 6 visits and requested visits > 6 visits'));
    const analyzed = runCli(['analyze', folder]);
    expect([analyzed.code, /A604 Criterion 'few' is never met/.test(analyzed.stdout)]).toEqual([1, true]);
  });

  it('compiles a guideline with the bundled shared rules it uses, its own numbers restated', () => {
    const folder = join(dir, 'shared-trial');
    mkdirSync(join(folder, 'cases'), { recursive: true });
    const text = guideline('acme.trial').replace('uses physical-medicine', 'uses treatment-trial').replace(/\ncriterion few[^]*$/, '\ndefine trial visits: 4 visits\ndefine total visits: 8 visits\nuse criterion trial, total\n');
    writeFileSync(join(folder, 'trial.guideline'), text);
    writeFileSync(join(folder, 'cases/over.json'), JSON.stringify({ description: 'demo', case: { ...seedCase(), jurisdiction: 'NV' }, expect: { decision: 'not-medically-necessary', criteria: { trial: 'not-applicable', total: 'not-met' } } }));
    const r = runCli(['test', folder]);
    expect([r.code, summary(r.stdout), r.stderr]).toEqual([0, '1 passed, 0 failed', '']);
  });

  it('lets no file of the guideline folder name a policy it does not give', () => {
    // The seed is decided by the bundled California policy's first MTUS guideline; alone, by the demo.
    const folder = join(dir, 'mtus-like');
    mkdirSync(join(folder, 'cases'), { recursive: true });
    writeFileSync(join(folder, 'demo.guideline'), guideline('mtus.demo'));
    writeFileSync(join(folder, 'cases/over.json'), testCase('CA', 'not-medically-necessary'));
    const r = runCli(['test', folder]);
    expect([r.code, summary(r.stdout)]).toEqual([0, '1 passed, 0 failed']);
  });
});

/** A test-case text with `<|…|>` around the place of the one problem expected, and that place as line:col. */
function marked(text: string): { text: string; at: string } {
  const start = text.indexOf('<|');
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const column = start - before.lastIndexOf('\n');
  return { text: text.replace('<|', '').replace('|>', ''), at: `${line}:${column}` };
}

describe('test cases are checked against their format', () => {
  const { dir } = scratch('guideline-test-format-');
  const folder = join(dir, 'g');
  mkdirSync(join(folder, 'cases'), { recursive: true });
  writeFileSync(
    join(folder, 'g.guideline'),
    'guideline t.g\n  title "T"\n  source "S", pages 1\n  covers physical-therapy\n  uses physical-medicine\n\ncriterion visit-count "C"\n  require completed visits < 3\n  otherwise "Too many."\n\npolicy p "P"\n  jurisdiction CA\n  first t.*\n',
  );
  const seed = JSON.stringify(seedCase());
  const cases: [string, string, string][] = [
    ['an unknown expect key', 'R506', `{\n  "case": ${seed},\n  "expect": { <|"decison"|>: "medically-necessary" }\n}`],
    ['a misspelled decision', 'R506', `{\n  "case": ${seed},\n  "expect": { <|"decision"|>: "not-medicaly-necessary" }\n}`],
    ['an unknown criterion', 'R506', `{\n  "case": ${seed},\n  "expect": {\n    "criteria": { <|"visit-cont"|>: "met" }\n  }\n}`],
    ['a status that does not exist', 'R506', `{\n  "case": ${seed},\n  "expect": {\n    "criteria": { <|"visit-count"|>: "passed" }\n  }\n}`],
    ['an unknown guideline', 'R506', `{\n  "case": ${seed},\n  "expect": { <|"guideline"|>: "t.h" }\n}`],
    ['an unknown key of the test case', 'R506', `{\n  "case": ${seed},\n  <|"expected"|>: {},\n  "expect": { "decision": "medically-necessary" }\n}`],
    ['nothing to check', 'R506', `{\n  "case": ${seed},\n  <|"expect"|>: {}\n}`],
    ['a case field the contract lacks', 'R501', `{\n  "expect": { "decision": "medically-necessary" },\n  "case": {\n    "jurisdiction": "CA", "asOf": "2014-01-24",\n    "request": { "treatment": "physical-therapy" },\n    <|"histroy"|>: {}\n  }\n}`],
    ['not JSON', 'R501', `{\n  "case": {},\n  "expect": <|}|>\n}`],
    ['an expected decision given twice', 'R501', `{\n  "case": ${seed},\n  "expect": {\n    "decision": "medically-necessary",\n    <|"decision"|>: "not-medically-necessary"\n  }\n}`],
    ['a case field given twice', 'R501', `{\n  "expect": { "decision": "medically-necessary" },\n  "case": {\n    "jurisdiction": "CA", "asOf": "2014-01-24", <|"jurisdiction"|>: "TX",\n    "request": { "treatment": "physical-therapy" }\n  }\n}`],
  ];

  // Written and run once: each case's own line is what each test reads.
  const files = cases.map(([name, code, source]) => {
    const { text, at } = marked(source);
    const path = join(folder, 'cases', `${name.replace(/\W+/g, '-')}.json`);
    writeFileSync(path, text);
    return { name, code, at, path };
  });
  const r = runCli(['test', folder]);

  it('exits 2 with every one failed', () => {
    expect([r.code, summary(r.stdout)]).toEqual([2, `0 passed, ${cases.length} failed`]);
  });

  it.each(files.map((f) => [f.name, f.code, f]))('%s: %s at its place, no diff', (_, code, f) => {
    expect(r.stdout).toContain(`${f.path}:${f.at}: error ${code} `);
    expect(r.stdout).not.toMatch(/- expected/);
  });

  it('a key given twice is named, with where the first is', () => {
    expect(r.stdout).toContain('error R501 key "decision" is given twice (first at line 4)\n');
    expect(r.stdout).toContain('error R501 key "jurisdiction" is given twice (first at column 5)\n');
  });

  it('R506 names the closest decision', () => {
    const message = formatMessage('R506', { message: 'expect.decision: "not-medicaly-necessary" is not a decision; did you mean \'not-medically-necessary\'?' });
    expect(r.stdout).toContain(message);
  });
});
