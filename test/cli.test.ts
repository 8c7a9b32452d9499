// End-to-end tests of the `guideline` command: exit codes, located errors, reviewer output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';
import { seedCase } from './support/case-factory.ts';
import { runCli, scratch } from './support/cli.ts';
import { ownVocabularyGuideline } from './support/own-vocabulary.ts';

const run = runCli;
const { dir: tmp, file } = scratch('guideline-cli-');
const stackTrace = /^\s+at .*:\d+:\d+\)?$/m;

describe('guideline check', () => {
  it('decides the seed as the reviewer did, one JSON determination per line', () => {
    const r = run(['check', '--case', file('seed.json', JSON.stringify(seedCase())), '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const d = JSON.parse(lines[0]!);
    expect(d.decision).toBe('not-medically-necessary');
    expect(d.guideline.citation).toMatch(/pp\. 98-99/);
    expect(d.criteria.filter((c: { status: string }) => c.status === 'not-met').map((c: { id: string }) => c.id)).toEqual(['visit-count', 'functional-improvement', 'home-program']);
  });

  it('prints a determination a reviewer reads', () => {
    const r = run(['check', '--case', file('seed2.json', JSON.stringify(seedCase()))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Additional Physical Therapy 2 times 4: {2}Not medically necessary/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/Decision rationale: .*Therefore, the request for "Additional Physical Therapy 2 times 4" is not medically necessary\./);
    // A California denial says who must sign it (Labor Code 4610), in both outputs.
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/Note: .*physician reviewer/);
    const json = run(['check', '--case', file('seed3.json', JSON.stringify(seedCase())), '--json']);
    expect(JSON.parse(json.stdout).notes.join(' ')).toMatch(/physician reviewer/);
  });

  it('names what is missing in the vocabulary\'s words, each with its field; --json keeps the fields alone', () => {
    const open = { ...seedCase(), history: { visitsCompleted: null, functionalImprovement: null, homeExerciseProgram: null } };
    const r = run(['check', '--case', file('open.json', JSON.stringify(open))]);
    const line = r.stdout.split('\n').find((l) => l.startsWith('Missing: '));
    expect(line).toMatch(/^Missing: [a-z][^(]* \(history\.visitsCompleted\), /);
    const json = run(['check', '--case', file('open2.json', JSON.stringify(open)), '--json']);
    expect(JSON.parse(json.stdout).missing).toContain('history.visitsCompleted');
  });

  it('evaluates every case of a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-cases-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(seedCase()));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...seedCase(), id: 'b', history: { visitsCompleted: 0 } }));
    const r = run(['check', '--case', dir, '--json']);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).caseId)).toEqual(['imr-seed', 'b']);
  });

  it('streams a JSON Lines batch, reporting a bad line by its number without stopping', () => {
    const lines = [JSON.stringify({ ...seedCase(), id: 'one' }), '{broken', JSON.stringify({ jurisdiction: 'CA' }), '', JSON.stringify({ ...seedCase(), id: 'four' })];
    const r = run(['check', '--case', file('batch.jsonl', lines.join('\n') + '\n'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).caseId)).toEqual(['one', 'four']);
    expect(r.stderr).toMatch(/batch\.jsonl:2:2: error R501 invalid JSON/);
    expect(r.stderr).toMatch(/batch\.jsonl:3:1: error R501 asOf: is required\n> 3 \| /);
    expect(r.stderr).not.toMatch(/\r\[/); // no progress bar when stderr is not a terminal
  });

  it('gives the same determinations through json-rules-engine', () => {
    const seed = file('seed4.json', JSON.stringify(seedCase()));
    const fast = run(['check', '--case', seed, '--json']);
    const jre = run(['check', '--case', seed, '--json', '--engine', 'json-rules-engine']);
    expect(jre.code).toBe(0);
    // Equal but for the decision ids, a new one for each determination.
    const withoutIds = (out: string): unknown[] => out.trim().split('\n').map((l) => ({ ...(JSON.parse(l) as object), decisionId: undefined }));
    expect(withoutIds(jre.stdout)).toEqual(withoutIds(fast.stdout));
  });

  it('gives decisions without traces or rationale text with --detail decision, the same decisions as in full', () => {
    const cases = [
      seedCase(),
      { ...seedCase(), id: 'unknown-history', history: {} },
      { ...seedCase(), id: 'early', history: { visitsCompleted: 0 } },
      { ...seedCase(), id: 'other', request: { treatment: 'acupuncture' } },
    ];
    const batch = file('detail.jsonl', cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const full = run(['check', '--case', batch, '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const lean = run(['check', '--case', batch, '--json', '--detail', 'decision']);
    expect(lean.code).toBe(0);
    const decided = lean.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(full.map((d) => d.decision)).size).toBeGreaterThan(2);
    for (const [i, d] of decided.entries()) {
      const f = full[i];
      expect([d.caseId, d.decision, d.certifiedVisits, d.missing, d.guideline]).toEqual([f.caseId, f.decision, f.certifiedVisits, f.missing, f.guideline]);
      expect(d.criteria.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual(f.criteria.map((c: { id: string; status: string }) => [c.id, c.status]));
      expect(d.rationale).toBe('');
      expect(d.criteria.every((c: { rationale: string; trace: unknown[] }) => c.rationale === '' && c.trace.length === 0)).toBe(true);
    }
    // Read by a person: the criteria and their statuses, no empty rationale lines.
    const text = run(['check', '--case', batch, '--detail', 'decision']).stdout;
    expect(text).toMatch(/Not medically necessary/);
    expect(text).not.toMatch(/Decision rationale/);
  });

  it('refuses --detail values it does not know, and decision detail on json-rules-engine', () => {
    const seed = file('seed5.json', JSON.stringify(seedCase()));
    const bad = run(['check', '--case', seed, '--detail', 'summary']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, "guideline: --detail is full or decision, not 'summary'"]);
    const jre = run(['check', '--case', seed, '--detail', 'decision', '--engine', 'json-rules-engine']);
    expect(jre.code).toBe(2);
    expect(jre.stderr).toMatch(/--detail decision is the fast engine's form/);
  });

  it('locates errors in a broken guideline, exits 2, prints no stack trace', () => {
    const g = file('broken.guideline', 'guideline "broken" {\n  criterion x when visits >>= 3 and (\n}\n');
    const r = run(['check', g, '--case', file('seed3.json', JSON.stringify(seedCase()))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.guideline:1:11: error P202 /);
    expect(r.stderr).toMatch(/broken\.guideline:2:15: error P201 /);
    expect(r.stderr).toMatch(/> 2 \| {3}criterion x when/);
    expect(r.stderr.indexOf(':1:11:')).toBeLessThan(r.stderr.indexOf(':1:20:'));
    expect(r.stderr + r.stdout).not.toMatch(stackTrace);
  });

  it('names every bad field of a malformed case and exits 2', () => {
    const r = run(['check', '--case', file('bad.json', '{"jurisdiction": "CA", "asOf": "not a date", "request": {"treatment": 7}}')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/R501 asOf: must be a date/);
    expect(r.stderr).toMatch(/R501 request\.treatment: must be a text, got 7/);
    expect(r.stderr).not.toMatch(stackTrace);
  });

  it('locates a JSON syntax error in a case file', () => {
    const r = run(['check', '--case', file('syntax.json', '{\n  "jurisdiction": "CA",\n  oops\n}')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/syntax\.json:3:3: error R501 invalid JSON/);
  });

  it('refuses a missing case file with exit 2', () => {
    const r = run(['check', '--case', join(tmp, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.json: no such file or folder/);
  });
});

describe('guideline compile', () => {
  it('writes a versioned artifact', () => {
    const out = join(tmp, 'rules.json');
    const r = run(['compile', '-o', out]);
    expect(r.code).toBe(0);
    const artifact = JSON.parse(execFileSync('cat', [out], { encoding: 'utf8' }));
    expect(artifact.format).toBe('guideline-rules');
    expect(artifact.version).toBe(4);
    expect(artifact.guidelines.map((g: { id: string }) => g.id)).toContain('mtus.chronic-pain.physical-medicine');
    expect(JSON.stringify(artifact)).not.toMatch(/"path"\s*:/);
  });

  it('compiles a folder with an empty file beside a guideline, warning of the empty one (P209)', () => {
    const dir = mkdtempSync(join(tmp, 'empty-'));
    writeFileSync(join(dir, 'acme.guideline'), ownVocabularyGuideline);
    writeFileSync(join(dir, 'saved-by-mistake.guideline'), '');
    const r = run(['compile', '.', '-o', 'rules.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^saved-by-mistake\.guideline:1:1: warning P209 /m);
    expect(r.stderr).not.toMatch(/acme\.guideline:\d+:\d+: warning P209/);
    expect(r.stderr).toMatch(/^compiled 1 guideline /m);
  });
});

describe('guideline compile --case-schema', () => {
  it("writes the JSON Schema of the rule set's cases, with its own vocabularies' fields", () => {
    const dir = mkdtempSync(join(tmp, 'schema-'));
    writeFileSync(join(dir, 'acme.guideline'), ownVocabularyGuideline);
    const r = run(['compile', 'acme.guideline', '-o', 'rules.json', '--case-schema', 'case.schema.json'], { cwd: dir });
    expect(r.code).toBe(0);
    const schema = JSON.parse(execFileSync('cat', [join(dir, 'case.schema.json')], { encoding: 'utf8' }));
    expect(schema.properties.history.properties.acmeCareStart).toMatchObject({ format: 'date' });
    expect(schema.properties.request.required).toContain('treatment');
  });
});

describe('guideline check --rules', () => {
  it('evaluates with a compiled artifact', () => {
    const out = join(tmp, 'rules2.json');
    expect(run(['compile', '-o', out]).code).toBe(0);
    const r = run(['check', '--rules', out, '--case', file('seed5.json', JSON.stringify(seedCase())), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).decision).toBe('not-medically-necessary');
  });

  it('refuses a tampered artifact, naming where', () => {
    const out = join(tmp, 'rules3.json');
    run(['compile', '-o', out]);
    const doc = JSON.parse(execFileSync('cat', [out], { encoding: 'utf8' }));
    doc.guidelines[0].criteria[0].require.path = '$.x';
    writeFileSync(out, JSON.stringify(doc));
    const r = run(['check', '--rules', out, '--case', file('seed6.json', JSON.stringify(seedCase()))]);
    expect(r.code).toBe(2);
    // At its place in the document, with a code frame under it.
    expect(r.stderr).toMatch(/rules3\.json:1:\d+: error R502 guidelines\[0\]\.criteria\[0\]\.require\.path: jsonpath expressions are not allowed.*\n> 1 \| /);
    expect(r.stderr).not.toMatch(stackTrace);
  });
});

describe('guideline test', () => {
  it('runs the bundled cases and ends with the summary line', () => {
    const r = run(['test']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('fails with a diff when a case expects another decision', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-test-'));
    execFileSync('mkdir', ['-p', join(dir, 'g/cases')]);
    writeFileSync(join(dir, 'g/g.guideline'), 'guideline t.g title "T" source "S", pages 1 covers physical-therapy uses physical-medicine\n  uses physical-medicine\ncriterion c "C" require completed visits < 3 otherwise "Too many: {completed visits}."\npolicy p "P" jurisdiction CA first t.*\n');
    writeFileSync(join(dir, 'g/cases/one.json'), JSON.stringify({ description: 'expects approval', case: seedCase(), expect: { decision: 'medically-necessary' } }));
    const r = run(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL .*one\.json — expects approval\n {2}decision\n {6}- expected "medically-necessary"\n {6}\+ actual {3}"not-medically-necessary"/);
    expect(r.stdout).toMatch(/^0 passed, 1 failed$/m);
  });
});

describe('the pnpm guideline launcher', () => {
  it('runs the CLI from its bundle, finding the bundled guidelines', () => {
    const out = execFileSync(process.execPath, [join(root, 'scripts/guideline.mjs'), 'check', '--case', file('seed7.json', JSON.stringify(seedCase())), '--json'], { cwd: root, encoding: 'utf8' });
    const d = JSON.parse(out);
    expect(d.decision).toBe('not-medically-necessary');
    expect(d.criteria[0].source.file).toMatch(/^guidelines\/mtus\/chronic-pain-physical-medicine\//);
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('says the closest command, option or choice to a mistyped one, exit 2', () => {
    const said = (args: string[]): [number, string] => {
      const r = run(args);
      return [r.code, r.stderr.split('\n')[0]!];
    };
    expect(said(['chek'])).toEqual([2, "guideline: unknown command 'chek'; did you mean 'check'?"]);
    expect(said(['check', '--jsn'])).toEqual([2, expect.stringMatching(/'--jsn'; did you mean '--json'\?$/)]);
    expect(said(['test', '--coverag'])).toEqual([2, expect.stringMatching(/'--coverag'; did you mean '--coverage'\?$/)]);
    expect(said(['check', '--case', 'x.json', '--engine', 'fsat'])).toEqual([2, expect.stringMatching(/not 'fsat'; did you mean 'fast'\?$/)]);
    expect(said(['check', '--case'])).toEqual([2, expect.stringMatching(/--case needs a value/)]);
    // A negative number is read as an option: say how to give it; a real option after the flag is a value forgotten.
    expect(said(['check', '--case', '--json'])).toEqual([2, 'guideline: --case needs a value (guideline check --case <value>)']);
    expect(said(['check', '--case', 'x.jsonl', '--jobs', '-1'])).toEqual([2, "guideline: --jobs needs a value: '-1' is read as an option; give it as --jobs=-1"]);
    expect(said(['check', '--jobs=-1', '--case', 'x.jsonl'])).toEqual([2, "guideline: --jobs is a whole number from 1, not '-1'"]);
    expect(said(['replay', '--jbos', '2'])).toEqual([2, expect.stringMatching(/'--jbos'; did you mean '--jobs'\?$/)]);
    expect(said(['replay', '--cases', 'x.jsonl', '--rules', 'r', '--engine', 'sq'])).toEqual([2, expect.stringMatching(/not 'sq'; did you mean 'sql'\?$/)]);
    expect(said(['sql', '--dialect', 'sprak'])).toEqual([2, expect.stringMatching(/not 'sprak'; did you mean 'spark'\?$/)]);
    expect(said(['prep', '--case', 'x.jsonl'])).toEqual([2, expect.stringMatching(/'--case'; did you mean '--cases'\?$/)]);
  });

  // An empty value (`--host "$HOST"` with HOST unset) is no value: read as a path it was the current
  // folder (check read every JSON file under it), as -o it was stdout, as --host every interface.
  it.each([
    [['check', '--case', ''], '--case'],
    [['compile', 'guidelines', '-o', ''], '-o'],
    [['compile', 'guidelines', '--output='], '--output'],
    [['serve', '--host', '', '--port', '0'], '--host'],
    [['serve', '--decision-log', '', '--port', '0'], '--decision-log'],
    [['replay', '--cases', 'x.jsonl', '--rules', ''], '--rules'],
  ])('%j is refused: an empty value is none, exit 2', (args, flag) => {
    const r = run(args, { timeoutMs: 20_000 });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `guideline: ${flag} needs a value, not an empty one\n`]);
  });

  it('prints the version, and usage on stderr with exit 2 when no command is given', () => {
    expect(run(['--version'])).toEqual({ code: 0, stdout: expect.stringMatching(/^guideline \d+\.\d+\.\d+\n$/), stderr: '' });
    const r = run([]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^Usage: guideline <command>/);
  });

  it.each(['compile', 'check', 'test', 'fmt', 'serve', 'replay', 'sql', 'prep'])('%s --help lists its options, exit 0', (command) => {
    const r = run([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: guideline ${command} `));
    const options = [...r.stdout.matchAll(/^\s+(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]);
    expect(options).toContain('help');
    expect(options.length).toBeGreaterThan(1);
    // The general help names every command.
    expect(run(['--help']).stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});

describe('a criterion in parts', () => {
  it("lines up its parts' titles whatever their statuses, as the criteria's are", () => {
    const r = run(['check', '--case', join(root, 'guidelines/mtus/low-back-mri/cases/care-27-days.json')]);
    const parts = r.stdout.split('\n').filter((l) => /^ {20}(met|not met|unknown) /.test(l));
    expect(parts.some((l) => /^ {20}met /.test(l))).toBe(true);
    expect(parts.some((l) => /^ {20}not met /.test(l))).toBe(true);
    expect(new Set(parts.map((l) => /^ {20}(?:met|not met|unknown) +/.exec(l)![0].length)).size).toBe(1);
  });
});
