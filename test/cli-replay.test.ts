// `guideline replay` and `check --jobs` as a user runs them: the same bytes from every number of
// worker threads, what changed between two rule sets (from folders, artifacts, git revisions,
// JSON Lines, CSV or Parquet through a column mapping), and the report written beside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledRules, files, root } from './support/bundled.ts';
import { runCli, scratch } from './support/cli.ts';
import { libraryCases } from '../scripts/corpus/cases.ts';
import { writeNextEdition } from '../scripts/corpus/edition.ts';
import { withDuckDB } from '../packages/cli/src/replay/duckdb.ts';

const s = scratch('guideline-replay-');
let cases: string;
let after: string;

beforeAll(() => {
  const lines = [...libraryCases(bundledRules(), 300, 21)].map((c) => JSON.stringify(c));
  // Problems among the cases: bad JSON, a case that breaks the contract, blank lines, a key given twice.
  lines.splice(10, 0, '{"jurisdiction": "CA",');
  lines.splice(20, 0, '');
  lines.splice(30, 0, JSON.stringify({ jurisdiction: 'CA', asOf: '2014-01-24', request: { treatment: 'physical-therapy', visitz: 3 } }));
  lines.splice(40, 0, `{"jurisdiction": "TX", ${lines[40]!.slice(1)}`);
  cases = s.file('cases.jsonl', lines.join('\n') + '\n');
  // The next edition: a lower statutory cap, a longer neuralgia course.
  after = join(s.dir, 'after');
  cpSync(join(root, 'guidelines'), after, { recursive: true });
  const f = join(after, 'mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline');
  const text = readFileSync(f, 'utf8');
  const edited = text.replace('neuralgia: 8-10 visits over 4 weeks', 'neuralgia: 8-12 visits over 4 weeks').replace('completed visits + requested visits <= 24 visits', 'completed visits + requested visits <= 20 visits');
  expect(edited).not.toBe(text);
  writeFileSync(f, edited);
});

describe('the next edition pnpm gen:corpus writes (docs/replay.md)', () => {
  it('compiles, the 2009 edition ending the day before the 2016 one begins', () => {
    const dir = join(s.dir, 'next-edition');
    writeNextEdition(dir);
    const r = runCli(['compile', dir, '-o', join(s.dir, 'next-edition.json')]);
    // Its one line, no warning before it.
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/^compiled \d+ guidelines and \d+ policies to \S+\n$/)]);
    const rules = JSON.parse(readFileSync(join(s.dir, 'next-edition.json'), 'utf8')) as { guidelines: { id: string; edition?: string; inForce?: { from: string; to?: string } }[] };
    const editions = rules.guidelines.filter((g) => g.id === 'mtus.chronic-pain.physical-medicine').map((g) => [g.edition, g.inForce?.from, g.inForce?.to]);
    expect(editions).toEqual([['2009', '2009-07-18', '2015-12-31'], ['2016', '2016-01-01', expect.any(String)]]);
  });
});

describe('pnpm gen:corpus', { timeout: 120_000 }, () => {
  const generate = (...args: string[]): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/corpus/generate.ts'), ...args], { cwd: root, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('writes the cases, as JSON Lines, Parquet and a CSV sample of as many rows, and the next edition', () => {
    const out = join(s.dir, 'corpus-25');
    const r = generate('--cases', '25', '--out', out);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('a CSV sample of 25 rows');
    expect(readFileSync(join(out, 'cases.jsonl'), 'utf8').trim().split('\n')).toHaveLength(25);
    expect(readFileSync(join(out, 'cases-sample.csv'), 'utf8').trim().split('\n')).toHaveLength(26);
    const replayed = runCli(['replay', '--cases', join(out, 'cases-sample.csv'), '--map', join(out, 'mapping.json'), '--before', join(root, 'guidelines'), '--after', join(out, 'after')]);
    expect([replayed.code, replayed.stderr]).toEqual([0, '']);
    expect(replayed.stdout).toMatch(/^25 cases decided/);
  });

  it('writes a CSV sample that, through its mapping, decides each case as the JSON Lines do', () => {
    const out = join(s.dir, 'corpus-400');
    expect(generate('--cases', '400', '--out', out).code).toBe(0);
    const replay = (cases: string, ...map: string[]): { code: number; stdout: string; changes: string } => {
      const dir = join(out, `report-${cases}`);
      const r = runCli(['replay', '--cases', join(out, cases), ...map, '--before', join(root, 'guidelines'), '--after', join(out, 'after'), '--out', dir, '--jobs', '1']);
      return { code: r.code, stdout: r.stdout.replace(/ in [\d.]+ s /, ' in N s ').replace(/^Wrote .*\n/m, ''), changes: readFileSync(join(dir, 'changes.jsonl'), 'utf8') };
    };
    const csv = replay('cases-sample.csv', '--map', join(out, 'mapping.json'));
    expect(csv.stdout).toMatch(/^400 cases decided/);
    expect(csv).toEqual(replay('cases.jsonl'));
  });

  it.each([[['--cases', 'many'], "--cases is a whole number of cases from 1, not 'many'"], [['--bogus'], "Unknown option '--bogus'"]])('%j is refused with its reason and the usage, exit 2', (args, why) => {
    const r = generate(...args);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`gen:corpus: ${why}\nusage: pnpm gen:corpus [--cases N] [--out dir] [--seed N]  (N cases, 1,000,000 by default, under corpus/)\n`);
  });
});

describe('check --jobs', { timeout: 120_000 }, () => {
  // Every determination has an id of its own (a random UUID): apart from those, the same bytes.
  const sameBut = (r: { code: number; stdout: string; stderr: string }): unknown => ({ ...r, stdout: r.stdout.replace(/"decisionId":"[0-9a-f-]{36}"/g, '"decisionId":"…"') });
  it.each([['--json'], []])('%j: the same bytes from two worker threads as from one', (...flags) => {
    const one = runCli(['check', '--case', cases, '--jobs', '1', ...flags]);
    const two = runCli(['check', '--case', cases, '--jobs', '2', ...flags]);
    expect(one.code).toBe(2);
    expect(one.stdout.split('\n').length).toBeGreaterThan(290);
    expect(sameBut(two)).toEqual(sameBut(one));
  });

  it.each(['0', 'x', '-1'])('--jobs %s is refused', (n) => {
    const r = runCli(['check', '--case', cases, '--jobs', n]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('--jobs')]);
  });
});

describe('replay', { timeout: 180_000 }, () => {
  it('reports what the next edition changes: the summary, every changed case and an HTML report', () => {
    const out = join(s.dir, 'out');
    const r = runCli(['replay', '--cases', cases, '--before', join(root, 'guidelines'), '--after', after, '--out', out, '--jobs', '2']);
    expect(r.code).toBe(2); // the two bad lines are named, the rest decided
    expect(r.stdout).toMatch(/300 cases decided .* under both rule sets; \d+ changed/);
    const changes = readFileSync(join(out, 'changes.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; before: { guideline: string }; criteria: { id: string; numbers: { after: unknown[] } }[] });
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) {
      expect(c.before.guideline).toBe('mtus.chronic-pain.physical-medicine');
      expect(c.criteria.length + Number('needs' in c)).toBeGreaterThan(0);
    }
    // The numbers that moved a criterion: the reading of its conditions before and after.
    expect(changes.some((c) => c.criteria.some((k) => k.numbers.after.length > 0))).toBe(true);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('echarts');
    expect(html).not.toMatch(/<script[^>]+src=|<link /); // everything inlined: viewable offline
  });

  it('names a bad line as check does: at its place in the line, with a code frame', () => {
    const r = runCli(['replay', '--cases', cases, '--rules', join(root, 'guidelines'), '--jobs', '1']);
    const check = runCli(['check', '--case', cases, '--jobs', '1', '--detail', 'decision', '--json']);
    const errors = (stderr: string): string[] => stderr.split('\n').filter((l) => /: error R50\d /.test(l));
    expect(errors(r.stderr).map((l) => /:(\d+):(\d+): error (R50\d)/.exec(l)?.slice(1))).toEqual([['11', '23', 'R501'], ['31', '84', 'R501'], ['41', expect.any(String), 'R501']]);
    expect(r.stderr).toEqual(check.stderr);
  });

  it('with one rule set counts decisions per guideline and jurisdiction', () => {
    const r = runCli(['replay', '--cases', cases, '--rules', join(root, 'guidelines')]);
    expect(r.stdout).toMatch(/By guideline and jurisdiction\n\s+guideline\s+jurisdiction\s+cases/);
    expect(r.stdout).not.toContain('changed');
  });

  it('the SQL engine (DuckDB) finds the same changes, and names the same bad lines', () => {
    const [fast, sql] = ['fast', 'sql'].map((engine) => {
      const out = join(s.dir, `engine-${engine}`);
      const r = runCli(['replay', '--cases', cases, '--before', join(root, 'guidelines'), '--after', after, '--out', out, '--engine', engine]);
      return { code: r.code, stderr: r.stderr, changes: readFileSync(join(out, 'changes.jsonl'), 'utf8') };
    });
    expect(sql!.changes.length).toBeGreaterThan(0);
    expect(sql!.stderr).toMatch(/cases\.jsonl:11:\d+: error R501/);
    expect(sql!.stderr).toMatch(/cases\.jsonl:41:\d+: error R501 key "jurisdiction" is given twice \(first at column 2\)/);
    expect(sql).toEqual(fast);
  });

  it('the SQL engine and prep read a line that begins with a byte-order mark as check does', () => {
    const lines = [...libraryCases(bundledRules(), 3, 5)].map((c) => JSON.stringify(c));
    const file = s.file('bom-inside.jsonl', `${lines[0]}\n\uFEFF${lines[1]}\n${lines[2]}\n`);
    for (const engine of ['fast', 'sql']) {
      const r = runCli(['replay', '--cases', file, '--rules', join(root, 'guidelines'), '--engine', engine]);
      expect([r.code, r.stderr, r.stdout.split('\n')[0]]).toEqual([0, '', expect.stringMatching(/^3 cases decided/)]);
    }
    const prep = runCli(['prep', '--cases', file, '-o', join(s.dir, 'bom-inside.parquet')]);
    expect([prep.code, prep.stderr]).toEqual([0, expect.stringMatching(/^3 cases prepared/)]);
  });

  /** A link, in the scratch folder, to what is not there. */
  const linkToNothing = (): string => {
    const link = join(s.dir, 'dangling');
    if (!lstatSync(link, { throwIfNoEntry: false })) symlinkSync(join(s.dir, 'nothing-here'), link);
    return link;
  };
  it.each([
    ['a file', (f: string) => f, 'a file, not a folder'],
    ['under a file', (f: string) => join(f, 'sub'), 'a file on its path is not a folder'],
    // Node 20's mkdirSync({ recursive: true }) called mkdir here forever.
    ['under /proc', () => '/proc/guideline-out/sub', '/proc takes no new folders'],
    ['under a link to nothing', () => join(linkToNothing(), 'sub'), `${join(s.dir, 'dangling')} is a link to nothing`],
  ])('--out %s is refused with why, exit 2', (_, out, reason) => {
    const file = s.file('not-a-folder', 'x');
    const r = runCli(['replay', '--cases', cases, '--rules', join(root, 'guidelines'), '--out', out(file)], { timeoutMs: 30_000 });
    expect([r.code, r.stderr]).toEqual([2, `guideline: --out ${out(file)}: ${reason}; --out names a folder for report.html and changes.jsonl\n`]);
  });

  // Found before any case is decided, not after (report.html) or as an internal error (changes.jsonl).
  it.each([
    ['changes.jsonl', (out: string) => mkdirSync(join(out, 'changes.jsonl'), { recursive: true }), 'a folder: give a file to write'],
    ['report.html', (out: string) => mkdirSync(join(out, 'report.html'), { recursive: true }), 'a folder: give a file to write'],
  ])('--out with a folder where %s goes is refused before deciding, exit 2', (file, prepare, reason) => {
    const out = join(s.dir, `taken-${file}`);
    prepare(out);
    const r = runCli(['replay', '--cases', cases, '--before', join(root, 'guidelines'), '--after', after, '--out', out]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `guideline: ${join(out, file)}: ${reason}\n`]);
  });

  it('with one rule set, --out writes the report alone: nothing changes to list', () => {
    const out = join(s.dir, 'one-rule-set');
    const r = runCli(['replay', '--cases', cases, '--rules', join(root, 'guidelines'), '--out', out]);
    expect(r.stdout.trim().split('\n').pop()).toBe(`Wrote ${join(out, 'report.html')}.`);
    expect(readdirSync(out)).toEqual(['report.html']);
  });

  it.runIf(existsSync('/dev/full'))('says changes.jsonl cannot be written when the disk is full, exit 2', () => {
    const out = join(s.dir, 'full');
    mkdirSync(out);
    symlinkSync('/dev/full', join(out, 'changes.jsonl'));
    const r = runCli(['replay', '--cases', cases, '--before', join(root, 'guidelines'), '--after', after, '--out', out]);
    expect([r.code, r.stderr.split('\n').filter((l) => !/error R50\d|^[ >]/.test(l))]).toEqual([2, [`guideline: ${join(out, 'changes.jsonl')}: cannot be written: no space left on device (ENOSPC)`, '']]);
  });

  it('reads rule sets at a git revision, in the repository of the current folder', () => {
    // A repository of its own, so that what is committed is known whatever the worktree holds.
    const repo = join(s.dir, 'repo');
    cpSync(join(root, 'guidelines'), join(repo, 'guidelines'), { recursive: true });
    const git = (...args: string[]): void => void execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'guidelines');
    const r = runCli(['replay', '--cases', cases, '--before', 'HEAD:guidelines', '--after', 'guidelines'], { cwd: repo });
    expect(r.stdout).toMatch(/under both rule sets; 0 changed/);
    expect(runCli(['replay', '--cases', cases, '--before', 'no-such-rev:guidelines', '--after', after], { cwd: repo })).toMatchObject({ code: 2, stderr: expect.stringContaining('no such revision') });
    // A revision that git would take for an option (git show's --output writes a file) is not passed on.
    const written = join(s.dir, 'written-by-git');
    expect(runCli(['replay', '--cases', cases, `--before=--output=${written}:guidelines`, '--after', after], { cwd: repo })).toMatchObject({ code: 2, stderr: `guideline: '--output=${written}:guidelines': a git revision does not begin with '-'\n` });
    expect(existsSync(written)).toBe(false);
    // A problem in a rule set at a revision is shown at the file as git names it there, not at a copy since removed.
    writeFileSync(join(repo, 'guidelines/policies/california.guideline'), `${readFileSync(join(repo, 'guidelines/policies/california.guideline'), 'utf8')}\ncriterion broken "x"\n  require completed visits >\n  otherwise "no"\n`);
    writeFileSync(join(repo, 'broken.json'), '{}\n');
    git('add', '.');
    git('commit', '-qm', 'broken');
    for (const [spec, at] of [['HEAD:guidelines', /^HEAD:guidelines\/policies\/california\.guideline:\d+:3: error P201 /m], ['HEAD:broken.json', /^HEAD:broken\.json:1:1: error R502 /m]] as const) {
      const broken = runCli(['replay', '--cases', cases, '--before', 'HEAD~1:guidelines', '--after', spec], { cwd: repo });
      expect([broken.code, broken.stderr]).toEqual([2, expect.stringMatching(at)]);
      expect(broken.stderr).not.toContain('guideline-rev-');
    }
    // A tree named from a folder of the repository, as git reads it there: `./` and `../` from that folder.
    const within = join(repo, 'guidelines');
    expect(runCli(['replay', '--cases', cases, '--before', 'HEAD~1:./', '--after', 'HEAD~1:../guidelines'], { cwd: within }).stdout).toMatch(/under both rule sets; 0 changed/);
    // A folder without guidelines is named as given, not as the copy made of it.
    mkdirSync(join(repo, 'notes'));
    writeFileSync(join(repo, 'notes/a.txt'), 'x\n');
    git('add', '.');
    git('commit', '-qm', 'notes');
    expect(runCli(['replay', '--cases', cases, '--before', 'HEAD:./notes', '--after', after], { cwd: repo })).toMatchObject({ code: 2, stderr: "guideline: no .guideline files in HEAD:./notes\n" });
    // A tree git holds and no folder can: a link to a folder and a folder, of one name (git mktree makes
    // it; git fsck would not pass it). tar writes nothing through the link, and says why it stops.
    const elsewhere = join(s.dir, 'elsewhere');
    mkdirSync(elsewhere);
    const gitOut = (args: string[], input?: string): string => execFileSync('git', args, { cwd: repo, input }).toString().trim();
    const link = gitOut(['hash-object', '-w', '--stdin'], elsewhere);
    const odd = gitOut(['mktree'], `120000 blob ${link}\ta\n040000 tree ${gitOut(['rev-parse', 'HEAD:guidelines'])}\ta\n`);
    const unwritable = runCli(['replay', '--cases', cases, '--before', `${odd}:`, '--after', after], { cwd: repo });
    expect([unwritable.code, unwritable.stderr]).toEqual([2, expect.stringMatching(new RegExp(`^guideline: '${odd}:': the tree at that revision cannot be written out as files \\(tar: .+\\)\n$`))]);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  describe('tables through DuckDB', () => {
    let parquet: string;
    let csv: string;
    beforeAll(async () => {
      parquet = join(s.dir, 'cases.parquet');
      csv = join(s.dir, 'cases.csv');
      const clean = s.file('clean.jsonl', [...libraryCases(bundledRules(), 300, 21)].map((c) => JSON.stringify(c)).join('\n') + '\n');
      await withDuckDB(async (con) => {
        await con.run(`COPY (SELECT * FROM read_json('${clean}', format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`);
        await con.run(`COPY (SELECT id AS claim, jurisdiction AS state, "asOf" AS review_date, request.treatment AS treatment, request.visits AS visits, history."visitsCompleted" AS done, diagnoses[1].text AS dx1, diagnoses[2].text AS dx2 FROM read_json('${clean}', format = 'newline_delimited')) TO '${csv}' (HEADER)`);
      });
    });

    it('Parquet: the same changes as its JSON Lines', () => {
      const out = join(s.dir, 'parquet');
      const r = runCli(['replay', '--cases', parquet, '--before', join(root, 'guidelines'), '--after', after, '--out', out]);
      expect(r.code).toBe(0);
      const fromJsonLines = readFileSync(join(s.dir, 'engine-fast', 'changes.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { caseId: string }).caseId);
      const fromParquet = readFileSync(join(out, 'changes.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { caseId: string }).caseId);
      expect(fromParquet).toEqual(fromJsonLines);
    });

    const mapping = { id: 'claim', jurisdiction: 'state', asOf: 'review_date', 'request.treatment': 'treatment', 'request.visits': 'visits', 'history.visitsCompleted': 'done', 'diagnoses[0].text': 'dx1', 'diagnoses[1].text': 'dx2' };

    it('CSV with a column mapping', () => {
      const r = runCli(['replay', '--cases', csv, '--map', s.file('map.json', JSON.stringify(mapping)), '--rules', join(root, 'guidelines')]);
      expect([r.code, r.stdout]).toEqual([0, expect.stringMatching(/^300 cases decided/)]);
    });

    it.each([
      ['a column', { ...mapping, 'history.visitsCompleted': 'don' }, /"history.visitsCompleted": the table has no column 'don'; did you mean 'done'\?/],
      ['a field', { ...mapping, 'history.visitCompleted': 'done' }, /"history.visitCompleted" is not a field of the case; did you mean history.visitsCompleted\?/],
      ['a list', { ...mapping, 'request.treatment[0]': 'treatment' }, /"request.treatment\[0\]": request.treatment is not a list/],
    ])('a mapping naming %s that is not there', (_, m, message) => {
      const file = s.file('bad-map.json', JSON.stringify(m));
      const r = runCli(['replay', '--cases', csv, '--map', file, '--rules', join(root, 'guidelines')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('bad-map.json');
    });

    it('a mapping that gives a field twice is refused at the second, exit 2', () => {
      const file = s.file('twice-map.json', `{\n  "jurisdiction": "state",\n  "asOf": "review_date",\n  "jurisdiction": "claim"\n}`);
      const r = runCli(['replay', '--cases', csv, '--map', file, '--rules', join(root, 'guidelines')]);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', expect.stringMatching(/twice-map\.json:4:3: key "jurisdiction" is given twice \(first at line 2\); a mapping is a JSON object of case field to column\n/)]);
    });
  });

  it('guideline prep writes the relation `guideline sql` reads: the query decides every bundled case as check does', async () => {
    // docs/scale.md by hand: prep to Parquet, the query written to a file, a view `cases` over the
    // Parquet and the file's text run as it is. Every bundled test case (records in yes-or-no fields,
    // lists of records, editions, policies) and generated cases of the library, each held to check
    // on its decision, governing guideline and edition, certified visits, criterion statuses and
    // missing fields.
    const bundled = files(join(root, 'guidelines'), '.json').filter((f) => f.includes('/cases/'));
    expect(bundled.length).toBeGreaterThan(300);
    const cases = [...bundled.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { case: unknown }).case), ...libraryCases(bundledRules(), 200, 8)];
    const names = [...bundled.map((f) => relative(root, f)), ...cases.slice(bundled.length).map((_, i) => `generated case ${i + 1}`)];
    const clean = s.file('clean-prep.jsonl', cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const [prepared, decide] = [join(s.dir, 'prepared.parquet'), join(s.dir, 'decide.sql')];
    expect(runCli(['prep', '--cases', clean, '-o', prepared])).toEqual({ code: 0, stdout: '', stderr: `${cases.length.toLocaleString('en-US')} cases prepared to ${prepared}\n` });
    expect(runCli(['sql', '-o', decide])).toEqual({ code: 0, stdout: '', stderr: '' });
    const rows = await withDuckDB(async (con) => {
      await con.run(`CREATE VIEW cases AS SELECT * FROM read_parquet('${prepared}')`);
      return (await con.runAndReadAll(readFileSync(decide, 'utf8'))).getRowObjectsJson().sort((a, b) => Number(a['row_id']) - Number(b['row_id']));
    });
    expect(rows.map((r) => Number(r['row_id']))).toEqual(cases.map((_, i) => i + 1));
    const checked = runCli(['check', '--case', clean, '--json', '--detail', 'decision']).stdout.trim().split('\n');
    expect(checked).toHaveLength(cases.length);
    const answer = (x: { decision: unknown; guideline: unknown; edition: unknown; certified: unknown; criteria: unknown; missing: unknown }): string => JSON.stringify(x);
    const differing = checked.flatMap((line, i) => {
      const d = JSON.parse(line) as { decision: string; certifiedVisits: number; guideline?: { id: string; edition?: string }; criteria: { id: string; policy?: string; status: string }[]; missing: string[] };
      const r = rows[i]!;
      const want = answer({ decision: d.decision, guideline: d.guideline?.id ?? null, edition: d.guideline?.edition ?? null, certified: d.certifiedVisits, criteria: d.criteria.map((k) => `${k.policy ? `${k.policy}/` : ''}${k.id}:${k.status}`), missing: d.missing });
      const got = answer({ decision: r['decision'], guideline: r['guideline'], edition: r['edition'], certified: Number(r['certified_visits']), criteria: r['criteria'], missing: r['missing'] });
      return want === got ? [] : [`${names[i]}\n  check ${want}\n  sql   ${got}`];
    });
    expect(differing).toEqual([]);
  });

  /**
   * An artifact with a policy criterion counting the governing guideline's classes: the checker
   * refuses it in guideline sources, an artifact can still hold it, and the prep step works out a
   * policy's counts without a guideline; the SQL compiler cannot express it (X402).
   */
  const x402Artifact = (): string => {
    const artifact = join(s.dir, 'rules.json');
    expect(runCli(['compile', join(root, 'guidelines'), '-o', artifact]).code).toBe(0);
    const rules = JSON.parse(readFileSync(artifact, 'utf8')) as { revision?: string; policies: { jurisdiction: string; leaves: unknown[]; criteria: unknown[] }[] };
    delete rules.revision; // the content changes: its revision is worked out again on load
    const policy = rules.policies.find((p) => p.jurisdiction === 'CA')!;
    const source = { file: 'policies/california.guideline', line: 31, column: 11, endLine: 31, endColumn: 60, start: 1000, end: 1049 };
    policy.leaves.push({ text: 'count of diagnosis > 1', source });
    policy.criteria.push({ id: 'two-diagnoses', title: 'Two diagnoses the guideline names', require: { leaf: policy.leaves.length - 1, cmp: '>', left: { count: 'diagnoses.classes' }, right: { const: 1 } }, texts: { notMet: { text: 'Fewer than two.', placeholders: [] } }, source });
    return s.file('rules-x402.json', JSON.stringify(rules));
  };
  const x402 = "policies/california.guideline:31:11: error X402 policy california is not compiled to SQL: 'diagnoses.classes' in a policy's criterion is the governing guideline's: not compiled to SQL";

  it('guideline sql reports what it cannot express at its place (X402), and exits 2', () => {
    const r = runCli(['sql', '--rules', x402Artifact()]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(x402);
  });

  // With two rule sets, which one the SQL compiler refused.
  it.each([
    ['--after', (x: string) => ['--before', join(root, 'guidelines'), '--after', x]],
    ['--before', (x: string) => ['--before', x, '--after', join(root, 'guidelines')]],
    ['--rules', (x: string) => ['--rules', x]],
  ])('replay --engine sql names the rule set given as %s that it cannot compile to SQL, exit 2', (flag, sets) => {
    const artifact = x402Artifact();
    const r = runCli(['replay', '--cases', cases, ...sets(artifact), '--engine', 'sql']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `guideline: --engine sql: ${flag} ${artifact} is not all compiled to SQL (--engine fast decides it)\n${x402}\n`]);
  });
});
