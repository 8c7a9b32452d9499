// `guideline serve` end to end over real HTTP on a random port: decisions as `check` gives them,
// batches answered in order, 400/413/415/422 answers that name where, the rule set reloaded whole on
// a file change or SIGHUP (a broken edit keeps it and logs why), the decision log, a graceful stop,
// a case over the command line's limit refused as `check` refuses it, and a port or --host it cannot
// have, or a decision log it cannot open, said plainly, exit 2 (and no log left behind).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileProgram } from '../packages/language/src/index.ts';
import { evaluateFast } from '../packages/runtime/src/index.ts';
import { readLimits } from '../packages/cli/src/read.ts';
import { revisionOf } from '../packages/cli/src/serve/rules.ts';
import { listenError } from '../packages/cli/src/serve/server.ts';
import { seedCase } from './support/case-factory.ts';
import { runCli, scratch } from './support/cli.ts';
import { call, callStalled, startServe, type Served } from './support/serve.ts';

const guideline = (most: number): string => `guideline acme.demo
  title "Demo physical therapy"
  source "Demo", pages 1-2
  covers physical-therapy
  uses physical-medicine
  edition 2009
  in force 2009-01-01 to 2017-12-31

criterion few "Few visits"
  require requested visits <= ${most} visits
  otherwise "Too many."

guideline acme.demo
  title "Demo physical therapy"
  source "Demo", pages 1-2
  covers physical-therapy
  uses physical-medicine
  edition 2018
  revises 2009
  in force 2018-01-01

policy acme "Acme"
  jurisdiction CA
  first acme.*
`;

const { dir } = scratch('guideline-serve-');
const folder = join(dir, 'rules');
const source = join(folder, 'demo.guideline');
const decisionLog = join(dir, 'decisions.jsonl');
mkdirSync(folder);
writeFileSync(source, guideline(6));
// A log from an earlier run: the server appends to it.
writeFileSync(decisionLog, '{"decisionId":"earlier"}\n');
const seed = seedCase(); // 8 visits requested: over 6, within 10
const json = (s: string): unknown => JSON.parse(s);
/** The rule set the server starts with, compiled as it compiles the folder. */
const rules = compileProgram([{ text: guideline(6), file: 'rules/demo.guideline' }]).rules!;

describe('guideline serve, from guideline folders', () => {
  let served: Served;
  beforeAll(async () => {
    served = await startServe([folder, '--decision-log', decisionLog, '--body-limit', '200000']);
  });
  afterAll(() => {
    served.proc.kill('SIGKILL');
  });

  it('answers health with the revision, and /v1/rules with the guidelines, their editions and the revision', async () => {
    const health = await call(served.port, 'GET', '/v1/health');
    expect([health.status, json(health.body)]).toEqual([200, expect.objectContaining({ status: 'ok', revision: revisionOf(rules) })]);
    const listed = json((await call(served.port, 'GET', '/v1/rules')).body) as Record<string, unknown>;
    expect(listed['revision']).toBe(revisionOf(rules));
    expect(listed['guidelines']).toEqual([
      expect.objectContaining({ id: 'acme.demo', editions: [{ edition: '2009', inForce: { from: '2009-01-01', to: '2017-12-31' } }, { edition: '2018', inForce: { from: '2018-01-01' } }] }),
    ]);
    expect(listed['policies']).toEqual([expect.objectContaining({ id: 'acme', jurisdiction: 'CA' })]);
  });

  it('decides one case as `guideline check --json` does, naming the decision and revision in headers', async () => {
    const a = await call(served.port, 'POST', '/v1/decide', JSON.stringify(seed));
    expect(a.status).toBe(200);
    const cli = runCli(['check', folder, '--case', scratch('guideline-serve-case-').file('seed.json', JSON.stringify(seed)), '--json']);
    // Every determination has an id of its own; all else is the command line's.
    const { decisionId, ...answer } = json(a.body) as Record<string, unknown>;
    const { decisionId: cliId, ...checked } = json(cli.stdout) as Record<string, unknown>;
    expect(answer).toEqual(checked);
    expect(decisionId).not.toBe(cliId);
    expect(answer['decision']).toBe('not-medically-necessary');
    // The headers name the determination's own id and revision, the rule set's.
    expect(a.headers['decision-id']).toBe(decisionId);
    expect(decisionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([a.headers['guideline-revision'], answer['revision']]).toEqual([revisionOf(rules), revisionOf(rules)]);
  });

  it('answers a JSON Lines batch a line per case, in order, bad lines named by number', async () => {
    const twice = `${JSON.stringify({ ...seed, id: 'six' }).slice(0, -1)},"jurisdiction":"TX"}`;
    const lines = [JSON.stringify({ ...seed, id: 'one' }), '{broken', '', JSON.stringify({ ...seed, id: 'four', history: { visitsCompleted: 'many' } }), JSON.stringify({ ...seed, id: 'five' }), twice];
    const a = await call(served.port, 'POST', '/v1/decide?detail=decision', lines.join('\n'), 'application/x-ndjson');
    expect(a.status).toBe(200);
    const answers = a.body.trim().split('\n').map((l) => json(l) as { caseId?: string; line?: number; error?: { status: number; code: string; line?: number; issues?: unknown[] } });
    expect(answers.map((x) => x.caseId ?? x.line)).toEqual(['one', 2, 4, 'five', 6]);
    expect(answers[1]!.error).toMatchObject({ status: 400, code: 'R501', line: 2, column: 2 });
    expect(answers[2]!.error).toMatchObject({ status: 422, code: 'R501', issues: [{ field: 'history.visitsCompleted', line: 4 }] });
    expect(answers[4]!.error).toMatchObject({ status: 400, code: 'R501', message: expect.stringMatching(/^key "jurisdiction" is given twice \(first at column \d+\)$/), line: 6, column: twice.lastIndexOf('"jurisdiction"') + 1 });
  });

  it.each([
    ['not JSON: 400 at the line and column', '{\n  "jurisdiction": "CA",\n  "asOf" 2014\n}', 'application/json', 400, { code: 'R501', line: 3, column: 10 }],
    ['a key given twice: 400 at the second', `{\n  "jurisdiction": "CA",\n  ${JSON.stringify({ ...seed, jurisdiction: undefined }).slice(1, -1)},\n  "jurisdiction": "TX"\n}`, 'application/json', 400, { code: 'R501', message: 'key "jurisdiction" is given twice (first at line 2)', line: 4, column: 3 }],
    ['a case that breaks the contract: 422 naming each field where it stands', '{\n  "jurisdiction": "CA",\n  "asOf": "2014-01-24",\n  "request": { "treatmnt": "physical-therapy" }\n}', 'application/json', 422, { code: 'R501', issues: [{ field: 'request.treatment', message: 'is required', line: 4, column: 3 }, { field: 'request.treatmnt', message: expect.stringMatching(/did you mean request\.treatment/), line: 4, column: 16 }] }],
    ['another media type: 415', 'jurisdiction=CA', 'application/x-www-form-urlencoded', 415, { code: 'unsupported-media-type' }],
    ['a body over the limit: 413', JSON.stringify({ ...seed, request: { ...seed.request, text: 'x'.repeat(300_000) } }), 'application/json', 413, { code: 'payload-too-large', message: 'the body is over the limit of 200,000 bytes (--body-limit)' }],
  ])('%s', async (_, body, type, status, error) => {
    const a = await call(served.port, 'POST', '/v1/decide', body, type);
    expect([a.status, json(a.body)]).toEqual([status, { error: expect.objectContaining({ status, ...error }) }]);
  });

  it('answers 415 with Accept-Encoding to a body in a content coding, which it would read as its compressed bytes', async () => {
    const a = await call(served.port, 'POST', '/v1/decide', gzipSync(JSON.stringify(seed)), 'application/json', { 'content-encoding': 'gzip' });
    expect([a.status, a.headers['accept-encoding'], json(a.body)]).toEqual([415, 'identity', { error: { status: 415, code: 'unsupported-media-type', message: "send the body as it is, without a content encoding, not 'gzip'" } }]);
  });

  it.each([
    ['?detail=decision&detail=bogus', 'detail is given 2 times: give it once'],
    ['?detail=bogus&detail=decision', 'detail is given 2 times: give it once'],
    ['?detial=decision', "no query parameter 'detial': the one there is is detail (full or decision)"],
    ['?detail=decision&x=1', "no query parameter 'x': the one there is is detail (full or decision)"],
  ])('answers 400 to a query of %s, which it would otherwise read in part', async (query, message) => {
    const a = await call(served.port, 'POST', `/v1/decide${query}`, JSON.stringify(seed));
    expect([a.status, json(a.body)]).toEqual([400, { error: { status: 400, code: 'bad-query', message } }]);
  });

  it('answers 405 with Allow to a method a path does not take, and 404 elsewhere', async () => {
    const wrong = await call(served.port, 'GET', '/v1/decide');
    expect([wrong.status, wrong.headers['allow']]).toEqual([405, 'POST, OPTIONS']);
    expect((await call(served.port, 'GET', '/v1/decisions')).status).toBe(404);
  });

  it('logs each decision: id, time, revision, case id, decision, duration', async () => {
    const a = await call(served.port, 'POST', '/v1/decide', JSON.stringify({ ...seed, id: 'logged' }));
    // The log is written as the answer goes out: wait for its line.
    let entry: Record<string, unknown> | undefined;
    for (let tries = 0; !entry && tries < 100; tries++) {
      if (tries) await new Promise((r) => setTimeout(r, 50));
      const entries = readFileSync(decisionLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => json(l) as Record<string, unknown>);
      entry = entries.find((e) => e['decisionId'] === a.headers['decision-id']);
    }
    expect(readFileSync(decisionLog, 'utf8')).toMatch(/^\{"decisionId":"earlier"\}\n\{/);
    expect(entry).toEqual({ decisionId: a.headers['decision-id'], time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), revision: a.headers['guideline-revision'], caseId: 'logged', decision: 'not-medically-necessary', durationMs: expect.any(Number) });
  });

  it('reloads when a file changes, keeps the rule set when an edit breaks it, and reloads on SIGHUP', async () => {
    const decision = async (): Promise<string> => (json((await call(served.port, 'POST', '/v1/decide', JSON.stringify(seed))).body) as { decision: string }).decision;
    const revision = async (): Promise<string> => (json((await call(served.port, 'GET', '/v1/health')).body) as { revision: string }).revision;
    const before = await revision();

    let n = served.events.length;
    writeFileSync(source, guideline(10));
    const reloaded = await served.next('reloaded', n);
    expect(reloaded).toMatchObject({ previous: before, reason: 'files changed' });
    expect([await revision(), await decision()]).toEqual([reloaded['revision'], 'medically-necessary']);

    n = served.events.length;
    writeFileSync(source, guideline(10).replace('requested visits', 'requested vists'));
    const refused = await served.next('reload-refused', n);
    expect(refused['keeping']).toBe(reloaded['revision']);
    expect(String(refused['errors'])).toMatch(/demo\.guideline:\d+:\d+: error C301/);
    expect([await revision(), await decision()]).toEqual([reloaded['revision'], 'medically-necessary']);

    // Mended while the watcher is told nothing: SIGHUP reloads.
    n = served.events.length;
    writeFileSync(source, guideline(6));
    served.proc.kill('SIGHUP');
    await served.next('reloaded', n);
    expect([await revision(), await decision()]).toEqual([before, 'not-medically-necessary']);
  });
});

describe('guideline serve, from an artifact', () => {
  it('names an artifact without its revision by the one worked out for it, as its determinations do', async () => {
    const artifact = join(dir, 'unstamped.json');
    expect(runCli(['compile', folder, '-o', artifact]).code).toBe(0);
    const { revision, compiler, ...content } = json(readFileSync(artifact, 'utf8')) as Record<string, unknown>;
    expect([revision, compiler]).toEqual([revisionOf(rules), expect.anything()]);
    writeFileSync(artifact, JSON.stringify(content));
    const served = await startServe(['--rules', artifact, '--no-watch']);
    try {
      expect((json((await call(served.port, 'GET', '/v1/health')).body) as { revision: string }).revision).toBe(revision);
      const a = await call(served.port, 'POST', '/v1/decide', JSON.stringify(seed));
      expect([a.headers['guideline-revision'], (json(a.body) as { revision: string }).revision]).toEqual([revision, revision]);
    } finally {
      served.proc.kill('SIGKILL');
    }
  });
});

describe('guideline serve, timeouts', () => {
  // Node's own sweep for late requests runs every 30 s by default: a 1 s timeout held only by it
  // would answer after up to 31 s, past this test's own time limit.
  it('answers a body that stops short with 408 at about --timeout, not at the next 30 s sweep', { timeout: 10_000 }, async () => {
    const served = await startServe([folder, '--no-watch', '--timeout', '1']);
    try {
      const answer = await callStalled(served.port, '/v1/decide', 100, '{"id":');
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      served.proc.kill('SIGKILL');
    }
  });
});

describe('guideline serve, stopping', () => {
  it('answers the request in flight, then exits 0 on SIGTERM', async () => {
    const artifact = join(dir, 'rules.json');
    expect(runCli(['compile', folder, '-o', artifact]).code).toBe(0);
    const served = await startServe(['--rules', artifact, '--no-watch']);
    const batch = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ ...seed, id: `c${i}` })).join('\n');
    const answer = call(served.port, 'POST', '/v1/decide', batch, 'application/x-ndjson');
    // The batch is being answered: its first bytes are on their way before the signal.
    await new Promise((r) => setTimeout(r, 300));
    served.proc.kill('SIGTERM');
    const a = await answer;
    expect(a.body.trim().split('\n').map((l) => (json(l) as { caseId: string }).caseId)).toHaveLength(3000);
    expect(await served.exited).toBe(0);
    expect(served.events.map((e) => e.event)).toEqual(['started', 'stopping', 'stopped']);
  });

  it('refuses to start on a rule set with errors, exit 2, the errors on stderr', () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'b.guideline'), guideline(6).replace('requested visits', 'requested vists'));
    const r = runCli(['serve', broken, '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.guideline:\d+:\d+: error C301/);
  });
});

describe('guideline serve, a case over the limit', () => {
  /** The seed case padded with spaces to exactly `bytes` bytes. */
  const sized = (bytes: number): string => {
    const text = JSON.stringify(seed);
    return text.slice(0, -1) + ' '.repeat(bytes - Buffer.byteLength(text)) + '}';
  };

  it('decides a case of readLimits.caseBytes and refuses one a byte over with R505, as `guideline check --case` and a batch line do', async () => {
    const { file } = scratch('guideline-serve-size-');
    const atLimit = sized(readLimits.caseBytes);
    const over = sized(readLimits.caseBytes + 1);
    // The default body limit, 10 MiB, lets both through to the case's own limit.
    const served = await startServe([folder, '--no-watch']);
    try {
      const decided = await call(served.port, 'POST', '/v1/decide', atLimit);
      expect([decided.status, (json(decided.body) as { decision: string }).decision]).toEqual([200, 'not-medically-necessary']);
      const refused = await call(served.port, 'POST', '/v1/decide', over);
      const line = await call(served.port, 'POST', '/v1/decide', over, 'application/x-ndjson');
      expect([refused.status, json(refused.body)]).toEqual([413, { error: { status: 413, code: 'R505', message: expect.stringContaining(String(readLimits.caseBytes)) } }]);
      expect(json(line.body)).toEqual({ line: 1, ...(json(refused.body) as object) });
    } finally {
      served.proc.kill('SIGKILL');
    }
    expect(runCli(['check', folder, '--case', file('at-limit.json', atLimit)]).code).toBe(0);
    const cli = runCli(['check', folder, '--case', file('over.json', over)]);
    expect([cli.code, cli.stderr]).toEqual([2, expect.stringMatching(/over\.json: error R505 /)]);
  });
});

describe('guideline serve, where it cannot listen', () => {
  const portTaken = async (): Promise<{ port: number; free: () => void }> => {
    const taken: Server = createServer();
    const port = await new Promise<number>((done) => taken.listen(0, '127.0.0.1', () => done((taken.address() as { port: number }).port)));
    return { port, free: () => taken.close() };
  };

  it('says a port in use is in use, exit 2', async () => {
    const { port, free } = await portTaken();
    try {
      const r = runCli(['serve', folder, '--no-watch', '--port', String(port)]);
      expect([r.code, r.stderr]).toEqual([2, `guideline: port ${port} on 127.0.0.1 is in use by another program; give another --port (0 takes any free one)\n`]);
    } finally {
      free();
    }
  });

  it('leaves no decision log behind when it cannot listen, and an earlier log as it was', async () => {
    const { dir: logs, file } = scratch('guideline-serve-log-');
    const earlier = file('earlier.jsonl', '{"decisionId":"earlier"}\n');
    const { port, free } = await portTaken();
    try {
      for (const log of [join(logs, 'new.jsonl'), earlier]) expect(runCli(['serve', folder, '--no-watch', '--port', String(port), '--decision-log', log]).code).toBe(2);
    } finally {
      free();
    }
    expect(readdirSync(logs)).toEqual(['earlier.jsonl']);
    expect(readFileSync(earlier, 'utf8')).toBe('{"decisionId":"earlier"}\n');
  });

  it('says a decision log it cannot open is one, exit 2, before serving', () => {
    const r = runCli(['serve', folder, '--no-watch', '--port', '0', '--decision-log', join(dir, 'no-such-folder', 'decisions.jsonl')], { timeoutMs: 10_000 });
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^guideline: --decision-log \S*no-such-folder\/decisions\.jsonl: no such file or folder; not serving\n$/)]);
  });

  it('says a --host that is no address is none, exit 2', () => {
    const r = runCli(['serve', folder, '--no-watch', '--port', '0', '--host', '256.1.1.1']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^guideline: --host 256\.1\.1\.1: no such address /)]);
  });

  // As Node words them: "listen EADDRINUSE: address already in use 127.0.0.1:8181".
  const failure = (code: string, syscall: string): Error => Object.assign(new Error(`${syscall} ${code}: what Node says 127.0.0.1:8181`), { code, syscall });
  it.each([
    ['EACCES', 'listen', 80, /^port 80 on 127\.0\.0\.1: permission denied \(ports below 1024 need privileges/],
    ['EACCES', 'listen', 8181, /^port 8181 on 127\.0\.0\.1: permission denied; give another --port$/],
    ['EPERM', 'listen', 443, /^port 443 on 127\.0\.0\.1: permission denied \(ports below 1024/],
    ['EADDRNOTAVAIL', 'listen', 8181, /^--host 127\.0\.0\.1: not an address of this machine/],
    ['EAI_AGAIN', 'getaddrinfo', 8181, /^--host 127\.0\.0\.1: the name could not be looked up now/],
    ['EMFILE', 'listen', 8181, /^cannot listen on port 8181 on 127\.0\.0\.1: what Node says \(EMFILE\)$/],
  ])('%s from %s on port %i: a usage error that says why', (code, syscall, port, message) => {
    expect(listenError(failure(code, syscall), '127.0.0.1', port)?.message).toMatch(message);
  });

  it('leaves an error that is not about listening an internal one', () => {
    expect([listenError(new TypeError('a bug'), '127.0.0.1', 8181), listenError(failure('ENOENT', 'open'), '127.0.0.1', 8181)]).toEqual([undefined, undefined]);
  });
});
