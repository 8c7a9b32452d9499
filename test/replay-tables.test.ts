// `guideline replay` over the tables people hand it (CSV, Parquet), run as a user runs it: what
// cannot be read is refused naming the file (exit 2, never an internal error), each cell takes its
// case field's type, dates are ISO or refused, the named file alone is read, and a mapping that
// would drop a column is refused.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';
import { runCli, scratch } from './support/cli.ts';
import { withDuckDB } from '../packages/cli/src/replay/duckdb.ts';

const s = scratch('guideline-replay-tables-');
const rules = join(root, 'guidelines');
const header = 'id,jurisdiction,asOf,request.treatment';
const replay = (cases: string, ...more: string[]) => runCli(['replay', '--cases', cases, '--rules', rules, ...more]);
/** The error lines of stderr (a code frame's lines left out). */
const errors = (stderr: string): string[] => stderr.split('\n').filter((l) => / error R\d+ /.test(l));

describe('a table that cannot be read is named, with why (exit 2)', { timeout: 60_000 }, () => {
  it.each([
    ['a folder named .csv', () => folder('folder.csv'), /folder\.csv: a folder, not a file/],
    ['a folder named .parquet', () => folder('folder.parquet'), /folder\.parquet: a folder, not a file/],
    ['a text named .parquet', () => s.file('hello.parquet', 'hello'), /hello\.parquet: not a Parquet file/],
    ['a CSV with a byte that is not UTF-8', () => writeLatin1(), /latin1\.csv: line 3 .*is not UTF-8 text/],
    ['a CSV whose header is not UTF-8', () => writeLatin1Header(), /latin1-header\.csv: line 1, column 4 is not UTF-8 text/],
    ['an empty CSV', () => s.file('empty.csv', ''), /empty\.csv: no header/],
    ['a case file named .json, not JSON Lines', () => s.file('one-case.json', '{\n  "id": "a",\n  "jurisdiction": "CA"\n}\n'), /one-case\.json: not JSON Lines \(one case a line, as a \.jsonl file holds them\); a file of one case is decided by guideline check --case/],
  ])('%s', (_, make, message) => {
    const r = replay(make());
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
    expect(r.stderr).not.toMatch(/internal error|Error:/);
  });

  it.skipIf(process.platform === 'win32')('a FIFO named .csv is refused, not waited on', () => {
    const fifo = join(s.dir, 'pipe.csv');
    spawnSync('mkfifo', [fifo]);
    // Not runCli: a run that waits on the FIFO must end the test, not hang it.
    const r = spawnSync(process.execPath, [join(root, 'scripts/guideline.mjs'), 'replay', '--cases', fifo, '--rules', rules], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
    expect([r.status, r.stderr]).toEqual([2, expect.stringMatching(/pipe\.csv: not a regular file/)]);
  });

  it.each([
    ['too few', `${header}\na,CA,2014-01-24,physical-therapy\nb,CA\n`, /short\.csv: line 3 \("b,CA"\) has 2 cells where the header has 4 columns/],
    ['too many', `${header}\na,CA,2014-01-24,physical-therapy\nb,CA,2014-01-24,physical-therapy,x,y\n`, /short\.csv: line 3 \("b,CA.*"\) has more cells than the header has columns \(4\)/],
  ])('a CSV row with %s cells names the file and the line', (_, text, message) => {
    const r = replay(s.file('short.csv', text));
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
  });

  it('an empty mapping names the mapping file', () => {
    const r = replay(s.file('ok.csv', `${header}\na,CA,2014-01-24,physical-therapy\n`), '--map', s.file('empty-map.json', '{}'));
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/empty-map\.json: maps no column/)]);
  });
});

function folder(name: string): string {
  mkdirSync(join(s.dir, name));
  return join(s.dir, name);
}

/** A CSV with a Latin-1 é in its third line (and one with it in its header). */
function writeLatin1(): string {
  const p = join(s.dir, 'latin1.csv');
  writeFileSync(p, Buffer.concat([Buffer.from(`${header}\na,CA,2014-01-24,physical-therapy\nb,CA,2014-01-24,caf`), Buffer.from([0xe9]), Buffer.from('\n')]));
  return p;
}
function writeLatin1Header(): string {
  const p = join(s.dir, 'latin1-header.csv');
  writeFileSync(p, Buffer.concat([Buffer.from('id,'), Buffer.from([0xe9]), Buffer.from(',asOf\na,CA,2014-01-24\n')]));
  return p;
}

describe('each cell takes its case field type', { timeout: 60_000 }, () => {
  it('CSV: a number in a text field is text, one bad number names its row only, an empty cell is unknown', () => {
    const csv = s.file('types.csv', ['id,jurisdiction,asOf,request.treatment,request.text,history.visitsCompleted', '1001,CA,2014-01-24,physical-therapy,12,24', '1002,CA,2014-01-24,physical-therapy,2x4,twelve', '1003,CA,2014-01-24,physical-therapy,2x4,', ''].join('\n'));
    // At the row alone, by either engine: the JSON DuckDB made of the row is no place to show.
    for (const engine of ['fast', 'sql']) {
      const r = replay(csv, '--engine', engine);
      expect([r.code, r.stderr]).toEqual([2, `${csv}:2: error R501 history.visitsCompleted: must be a number, got "twelve"\n`]);
      expect(r.stdout).toMatch(/^2 cases decided/);
    }
  });

  it("CSV: a list item whose cells are empty or spaces is no item, so a row's second diagnosis may be left blank", () => {
    const csv = s.file('blank-items.csv', [`${header},diagnoses[0].text,diagnoses[1].text,diagnoses[1].icd10`, 'a,CA,2014-01-24,physical-therapy,lumbago,,', 'b,CA,2014-01-24,physical-therapy,lumbago,   ,', 'c,CA,2014-01-24,physical-therapy,lumbago,"",\t', 'd,CA,2014-01-24,physical-therapy,lumbago, ,M54.5', ''].join('\n'));
    for (const engine of ['fast', 'sql']) {
      const r = replay(csv, '--engine', engine);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/^4 cases decided/);
    }
  });

  it('CSV: true and false (in any case) in a yes-or-no field', () => {
    const csv = s.file('yes-no.csv', [`${header},history.painResolved`, 'a,CA,2014-01-24,physical-therapy,TRUE', 'b,CA,2014-01-24,physical-therapy,false', 'c,CA,2014-01-24,physical-therapy,yes', ''].join('\n'));
    const r = replay(csv);
    expect(errors(r.stderr)).toEqual([expect.stringMatching(/yes-no\.csv:3: error R501 history\.painResolved: must be true or false.*got "yes"$/)]);
    expect(r.stdout).toMatch(/^2 cases decided/);
  });

  it('Parquet: a number column in a text field is text, a DATE or TIMESTAMP an ISO date', async () => {
    const parquet = join(s.dir, 'typed.parquet');
    await withDuckDB(async (con) => {
      await con.run(`COPY (SELECT 1001::BIGINT AS claim, 'CA' AS state, DATE '2014-01-24' AS reviewed, TIMESTAMP '2014-01-20 10:30:00' AS served, 'physical-therapy' AS treatment, 12 AS note, 24::INTEGER AS done) TO '${parquet}' (FORMAT parquet)`);
    });
    const map = s.file('typed-map.json', JSON.stringify({ id: 'claim', jurisdiction: 'state', asOf: 'reviewed', 'request.serviceDate': 'served', 'request.treatment': 'treatment', 'request.text': 'note', 'history.visitsCompleted': 'done' }));
    const r = replay(parquet, '--map', map);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^1 cases decided/);
  });

  it('Parquet: NaN and the infinities in a number field are refused naming the row and the field, a finite DOUBLE decided', async () => {
    const parquet = join(s.dir, 'nan.parquet');
    await withDuckDB(async (con) => {
      const row = (id: string, visits: string) => `SELECT '${id}' AS claim, 'CA' AS state, DATE '2014-01-24' AS reviewed, 'physical-therapy' AS treatment, ${visits}::DOUBLE AS visits, 'cervical radiculitis' AS dx`;
      await con.run(`COPY (${[row('n1', "'nan'"), row('n2', '8.0'), row('n3', "'-inf'")].join(' UNION ALL ')} ORDER BY claim) TO '${parquet}' (FORMAT parquet)`);
    });
    const map = s.file('nan-map.json', JSON.stringify({ id: 'claim', jurisdiction: 'state', asOf: 'reviewed', 'request.treatment': 'treatment', 'request.visits': 'visits', 'diagnoses[0].text': 'dx' }));
    for (const engine of ['fast', 'sql']) {
      const r = replay(parquet, '--map', map, '--engine', engine);
      expect([r.code, errors(r.stderr)]).toEqual([2, [`${parquet}:1: error R501 request.visits: must be a number, got "nan"`, `${parquet}:3: error R501 request.visits: must be a number, got "-inf"`]]);
      expect(r.stdout).toMatch(/^1 cases decided/);
    }
  });

  it('Parquet: a column of instants (TIMESTAMP WITH TIME ZONE) is refused, whatever the machine\'s zone', async () => {
    // 17:00 in California on 30 November is 1 December in UTC: the day would be the machine's choice.
    const parquet = join(s.dir, 'zoned.parquet');
    await withDuckDB(async (con) => {
      await con.run(`COPY (SELECT 'z1' AS claim, 'CA' AS state, TIMESTAMPTZ '2017-11-30 17:00:00-08' AS reviewed, 'physical-therapy' AS treatment) TO '${parquet}' (FORMAT parquet)`);
    });
    const map = s.file('zoned-map.json', JSON.stringify({ id: 'claim', jurisdiction: 'state', asOf: 'reviewed', 'request.treatment': 'treatment' }));
    for (const TZ of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['replay', '--cases', parquet, '--rules', rules, '--map', map], { env: { TZ } });
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', expect.stringMatching(/zoned-map\.json: "asOf": column 'reviewed' holds instants \(TIMESTAMP WITH TIME ZONE\), whose day depends on a time zone: give it as a DATE, or a TIMESTAMP of the day as recorded\n$/)]);
    }
  });
});

describe('dates must be ISO (YYYY-MM-DD)', { timeout: 60_000 }, () => {
  // DuckDB would read 03/04/2014 as 3 April or 4 March by the other rows of the file: never guessed.
  it('03/04/2014 is refused, naming its row and field', () => {
    const csv = s.file('dates.csv', [header, 'a,CA,2014-01-24,physical-therapy', 'b,CA,03/04/2014,physical-therapy', 'c,CA,13/04/2014,physical-therapy', ''].join('\n'));
    const r = replay(csv);
    expect(r.code).toBe(2);
    expect(errors(r.stderr)).toEqual([expect.stringMatching(/dates\.csv:2: error R501 asOf: must be a date \(YYYY-MM-DD\), got "03\/04\/2014"$/), expect.stringMatching(/dates\.csv:3: error R501 asOf: must be a date \(YYYY-MM-DD\), got "13\/04\/2014"$/)]);
    expect(r.stdout).toMatch(/^1 cases decided/);
  });
});

describe('the file named is the file read', { timeout: 60_000 }, () => {
  it.skipIf(process.platform === 'win32')('a name with * is no pattern', () => {
    const dir = join(s.dir, 'wild');
    mkdirSync(dir);
    const row = `${header}\na,CA,2014-01-24,physical-therapy\n`;
    writeFileSync(join(dir, 'x*.csv'), row);
    writeFileSync(join(dir, 'xa.csv'), row);
    const r = replay(join(dir, 'x*.csv'));
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^1 cases decided/);
  });
});

describe('a mapping that would drop a column is refused', { timeout: 60_000 }, () => {
  let csv: string;
  beforeAll(() => {
    csv = s.file('nested.csv', 'claim,state,date,treatment,req,txt\na,CA,2014-01-24,physical-therapy,x,2x4\n');
  });
  const base = { id: 'claim', jurisdiction: 'state', asOf: 'date' };

  it.each([
    ['the field, then its own field', { ...base, request: 'req', 'request.text': 'txt' }],
    ['its own field, then the field', { 'request.text': 'txt', ...base, request: 'req' }],
  ])('%s: the same words', (_, mapping) => {
    const r = replay(csv, '--map', s.file('nested-map.json', JSON.stringify(mapping)));
    expect([r.code, r.stderr]).toEqual([2, 'guideline: ' + join(s.dir, 'nested-map.json') + ': "request" is mapped to a column, and so is its field "request.text": map the one or the other\n']);
  });

  it('a list mapped whole and an item of it', () => {
    const r = replay(csv, '--map', s.file('list-map.json', JSON.stringify({ ...base, diagnoses: 'req', 'diagnoses[0].text': 'txt' })));
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/list-map\.json: "diagnoses" is mapped to a column, and so is its field "diagnoses\[0\]\.text"/)]);
  });
});
