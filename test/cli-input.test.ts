// The `guideline` command on hostile input: files that are not files, files over a limit, and JSON
// Lines batches whose lines are broken in every way. Each bad input is one named error with exit 2,
// and a batch gives every line its determination or its error, in order, however bad a line.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../packages/language/src/index.ts';
import { readLimits } from '../packages/cli/src/read.ts';
import { root } from './support/bundled.ts';
import { seedCase } from './support/case-factory.ts';
import { runCli, scratch } from './support/cli.ts';

const { dir: tmp, file } = scratch('guideline-input-');
const stackTrace = /^\s+at .*:\d+:\d+\)?$/m;
const seed = (id: string): string => JSON.stringify({ ...seedCase(), id });
const ids = (stdout: string): string[] => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).caseId);

/** A file of `size` bytes that takes no room on disk (sparse): enough to be over a limit without writing it. */
function sparse(name: string, size: number): string {
  const p = join(tmp, name);
  closeSync(openSync(p, 'w'));
  truncateSync(p, size);
  return p;
}

function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

describe('files that are not regular files are refused, never read or waited on', () => {
  const folder = join(tmp, 'folder');
  mkdirSync(folder);
  it.each([
    ['--rules /dev/zero', ['check', '--rules', '/dev/zero', '--case', '/dev/null'], /\/dev\/zero: not a regular file/],
    ['--rules a folder', ['check', '--rules', folder, '--case', '/dev/null'], /folder: a folder, not a file/],
    ['--case /dev/zero', ['check', '--case', '/dev/zero'], /\/dev\/zero: error not a regular file/],
    ['--case a FIFO', ['check', '--case', fifo(join(tmp, 'named.json'))], /named\.json: error not a regular file/],
    ['a guideline that is a FIFO', ['compile', fifo(join(tmp, 'named.guideline'))], /named\.guideline: not a regular file/],
    ['-o a folder', ['compile', '-o', folder], /folder: a folder: give a file to write/],
  ])('%s: exit 2 with a message', (_, args, message) => {
    const r = runCli(args);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
    expect(r.stderr).not.toMatch(stackTrace);
  });

  it.runIf(existsSync('/proc/version'))('-o a file that cannot be written: exit 2 with the reason', () => {
    const r = runCli(['compile', '-o', '/proc/version']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/\/proc\/version: cannot be written: /)]);
  });

  it.runIf(existsSync('/dev/full')).each([
    ['a case', ['check', '--case', 'guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json', '--json']],
    ['a batch on two threads', ['check', '--case', 'BATCH', '--json', '--jobs', '2']],
    ['help', ['fmt', '--help']],
  ])('standard output that cannot be written (a full disk): %s, exit 2 with the reason, no internal error', (_, args) => {
    const batch = file('full.jsonl', Array.from({ length: 2000 }, (_, i) => seed(`f${i}`)).join('\n'));
    const out = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [join(root, 'scripts/guideline.mjs'), ...args.map((a) => (a === 'BATCH' ? batch : a))], { cwd: root, encoding: 'utf8', stdio: ['ignore', out, 'pipe'] });
      expect([r.status, r.stderr]).toEqual([2, 'guideline: the output cannot be written: ENOSPC: no space left on device, write\n']);
    } finally {
      closeSync(out);
    }
  });

  it('a FIFO in a case folder is passed over; the regular files beside it are checked', () => {
    const dir = join(tmp, 'cases');
    mkdirSync(dir);
    fifo(join(dir, 'b.json'));
    file('cases/a.json', seed('a'));
    file('cases/c.jsonl', `${seed('c1')}\n${seed('c2')}\n`);
    const r = runCli(['check', '--case', dir, '--json']);
    expect([r.code, ids(r.stdout)]).toEqual([0, ['a', 'c1', 'c2']]);
  });
});

describe('output to what is not a regular file', () => {
  const guideline = 'guidelines/mtus/acupuncture';

  it('-o /dev/null compiles only to check: exit 0, nothing written', () => {
    const r = runCli(['compile', guideline, '-o', '/dev/null']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'compiled 2 guidelines and 2 policies to /dev/null\n']);
  });

  it('-o /dev/stdout (here a pipe the test reads) prints the artifact', () => {
    const r = runCli(['compile', guideline, '-o', '/dev/stdout']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('guideline-rules');
  });

  it.runIf(existsSync('/dev/full'))('-o a character device that cannot take it: exit 2 with the reason', () => {
    const r = runCli(['compile', guideline, '-o', '/dev/full']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/\/dev\/full: cannot be written: no space left on device/)]);
  });

  it('-o a FIFO no program reads is refused at once, not waited on', () => {
    const r = runCli(['compile', guideline, '-o', fifo(join(tmp, 'unread.json'))], { timeoutMs: 20_000 });
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/unread\.json: a pipe that no program reads: give a file to write/)]);
  });

  it('-o a FIFO a program reads is written', () => {
    const path = fifo(join(tmp, 'read.json'));
    // A reader on the pipe first (cat, in a shell that starts it before the command), then the compile.
    const r = spawnSync('sh', ['-c', `cat "$1" > "$1.out" & sleep 0.3; node scripts/guideline.mjs compile ${guideline} -o "$1"; status=$?; wait; exit $status`, 'sh', path], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect([r.status, r.stderr]).toEqual([0, `compiled 2 guidelines and 2 policies to ${path}\n`]);
    expect(JSON.parse(readFileSync(`${path}.out`, 'utf8')).format).toBe('guideline-rules');
  });
});

describe('files over a limit are refused by their size, before they are read', () => {
  it('a rule set over the runtime limit: R502', () => {
    const r = runCli(['check', '--rules', sparse('big-rules.json', readLimits.ruleSetBytes + 1), '--case', '/dev/null']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(new RegExp(`big-rules\\.json: error R502 document: the document is over ${readLimits.ruleSetBytes} bytes`))]);
  });

  it('a guideline file over the limit: exit 2', () => {
    const r = runCli(['compile', sparse('big.guideline', readLimits.guidelineBytes + 1)]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/big\.guideline: \d+ bytes long; the limit is 6000000/)]);
  });

  it('a case file over the limit: R505, and the other cases are still decided', () => {
    const dir = join(tmp, 'big-cases');
    mkdirSync(dir);
    file('big-cases/a.json', seed('a'));
    truncateSync(file('big-cases/b.json', ''), readLimits.caseBytes + 1);
    file('big-cases/c.json', seed('c'));
    const r = runCli(['check', '--case', dir, '--json']);
    expect([r.code, ids(r.stdout)]).toEqual([2, ['a', 'c']]);
    expect(r.stderr).toMatch(/b\.json: error R505 /);
  });
});

describe('a line at the limit', () => {
  // A case padded with spaces to `bytes` bytes.
  const padded = (id: string, bytes: number): string => seed(id).padEnd(bytes, ' ');
  it.each([['\n'], ['\r\n']])('of exactly the limit is read, one byte more is not, whatever ends it (%j)', (newline) => {
    const path = join(tmp, 'at-the-limit.jsonl');
    writeFileSync(path, [padded('at', readLimits.caseBytes), padded('over', readLimits.caseBytes + 1), seed('after')].join(newline) + newline);
    const r = runCli(['check', '--case', path, '--json', '--detail', 'decision']);
    expect(ids(r.stdout)).toEqual(['at', 'after']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^\S+:2:1: error R505 /)]);
  });
});

describe('a JSON Lines batch: one determination or one named error per line, in order', () => {
  const deep = `{"request": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
  // Each line and what it should give: 'decided' (its determination, in order), a blank line
  // nothing, any other line the error matched. Line 5 has a byte (0xff) that is no UTF-8.
  const lines: [string | Buffer, 'decided' | 'blank' | RegExp][] = [
    [seed('one'), 'decided'],
    [deep, /:2: error R501 request\[0\]\[0\].*…: nests more than 64 deep$/],
    [`{"a": "${'x'.repeat(readLimits.caseBytes)}"}`, /:3:1: error R505 /],
    [seed('four'), 'decided'],
    [Buffer.from([...Buffer.from('{"request": "'), 0xff, ...Buffer.from('"}')]), /:5:14: error R501 not UTF-8 text/],
    ['{"jurisdiction": "CA", "asOf": "2014-01-24", "request": {"treatment": "physical-therapy", "visits": 1e999}}', /:6:101: error R501 a number too large: 1e999$/],
    ['{broken', /:7:2: error R501 invalid JSON/],
    ['   ', 'blank'],
    [JSON.stringify({ jurisdiction: 'CA' }), /:9:1: error R501 asOf: is required$/],
    [seed('ten'), 'decided'],
  ];

  it('decides the good lines and names each bad one, exit 2, no stack trace', () => {
    const path = join(tmp, 'batch.jsonl');
    writeFileSync(path, Buffer.concat(lines.flatMap(([l]) => [Buffer.from(l), Buffer.from('\n')])));
    const r = runCli(['check', '--case', path, '--json']);
    expect(r.code).toBe(2);
    expect(ids(r.stdout)).toEqual(['one', 'four', 'ten']);
    // Each bad line is named, in order (an invalid case by as many lines as it has bad fields).
    const prefix = `${path}:`;
    // Each error's line, without the code frame under it.
    const errors = r.stderr.trim().split('\n').filter((e) => !/^[> ] /.test(e));
    expect(errors.filter((e) => !e.startsWith(prefix))).toEqual([]);
    const named = errors.map((e) => Number(/^(\d+)/.exec(e.slice(prefix.length))![1]));
    const bad = lines.flatMap(([, e], i) => (e instanceof RegExp ? [[i + 1, e] as const] : []));
    expect(named.filter((n, i) => n !== named[i - 1])).toEqual(bad.map(([n]) => n));
    for (const [n, e] of bad) expect(errors.filter((x) => x.startsWith(`${prefix}${n}:`))).toContainEqual(expect.stringMatching(e));
    expect(r.stderr).not.toMatch(stackTrace);
  });

  it('stops quietly, exit 0, when the reader of its output goes away (| head)', () => {
    const batch = file('many.jsonl', Array.from({ length: 3000 }, (_, i) => seed(`c${i}`)).join('\n'));
    const script = `node ${join(root, 'scripts/guideline.mjs')} check --case ${batch} --json 2>${join(tmp, 'pipe.err')} | head -c 10 >/dev/null; echo \${PIPESTATUS[0]}`;
    expect(execFileSync('bash', ['-c', script], { encoding: 'utf8' }).trim()).toBe('0');
    expect(execFileSync('cat', [join(tmp, 'pipe.err')], { encoding: 'utf8' })).toBe('');
  });

  it('R505 says the limit', () => {
    expect(formatMessage('R505', { limit: readLimits.caseBytes })).toBe('The case is over 1048576 bytes long; a case is read up to that size');
  });

  it('reads a batch with a byte-order mark, CRLF line ends and no final line end', () => {
    const r = runCli(['check', '--case', file('bom.jsonl', `\ufeff${seed('a')}\r\n${seed('b')}\r\n${seed('c')}`), '--json']);
    expect([r.code, ids(r.stdout), r.stderr]).toEqual([0, ['a', 'b', 'c'], '']);
  });

  it('reads a case file with a byte-order mark', () => {
    const r = runCli(['check', '--case', file('bom.json', `\ufeff${seed('a')}`), '--json']);
    expect([r.code, ids(r.stdout)]).toEqual([0, ['a']]);
  });

  it('a number too large in a case file is named where it stands', () => {
    const r = runCli(['check', '--case', file('huge.json', '{\n  "jurisdiction": "CA",\n  "asOf": "2014-01-24",\n  "request": { "treatment": "physical-therapy", "visits": -2e308 }\n}')]);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, expect.stringMatching(/huge\.json:4:59: error R501 a number too large: -2e308$/)]);
  });

  it('a key given twice in a case file is named at the second, with the line of the first, exit 2', () => {
    const r = runCli(['check', '--case', file('twice.json', '{\n  "jurisdiction": "CA",\n  "asOf": "2014-01-24",\n  "jurisdiction": "TX",\n  "request": { "treatment": "physical-therapy" }\n}')]);
    expect([r.code, r.stdout, r.stderr.split('\n')[0]]).toEqual([2, '', expect.stringMatching(/twice\.json:4:3: error R501 key "jurisdiction" is given twice \(first at line 2\)$/)]);
  });

  it('a key given twice in a line of a batch is named at that line; the other lines are decided, exit 2', () => {
    // A colon in a text, too: the quick count of colons is not fooled by it.
    const twice = `{"id": "b", "request": {"text": "PT: 2x4", "treatment": "physical-therapy"}, "jurisdiction": "CA", "asOf": "2014-01-24", "jurisdiction": "TX"}`;
    const colon = JSON.stringify({ ...seedCase(), id: 'c', request: { ...seedCase().request, text: 'PT: 2x4 "to" {date: 10:30}' } });
    const r = runCli(['check', '--case', file('twice.jsonl', [seed('a'), twice, colon].join('\n')), '--json']);
    expect([r.code, ids(r.stdout), r.stderr.split('\n')[0]]).toEqual([2, ['a', 'c'], expect.stringMatching(/twice\.jsonl:2:122: error R501 key "jurisdiction" is given twice \(first at column 78\)$/)]);
  });

  it('a case nested too deep in a case file: R501 naming the field, exit 2', () => {
    const r = runCli(['check', '--case', file('deep.json', `{"id": "x", "history": {"a": ${'['.repeat(100)}${']'.repeat(100)}}}`)]);
    expect([r.code, r.stderr.trim()]).toEqual([2, expect.stringMatching(/deep\.json: error R501 history\.a\[0\].*…: nests more than 64 deep$/)]);
  });

});
