// The decision service's app in process (no sockets): a request is decided whole on the rule set
// current when it arrived, however the rule set is swapped while its answer is still being made;
// a batch past its time limit answers its remaining lines with `timeout`.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { compileProgram } from '../packages/language/src/index.ts';
import { decisionApp } from '../packages/cli/src/serve/app.ts';
import { DecisionLog } from '../packages/cli/src/serve/log.ts';
import { revisionOf, type LoadedRules } from '../packages/cli/src/serve/rules.ts';
import { seedCase } from './support/case-factory.ts';

const text = (most: number): string =>
  `guideline acme.demo\n  title "Demo"\n  source "Demo", pages 1-2\n  covers physical-therapy\n  uses physical-medicine\n\ncriterion few "Few visits"\n  require requested visits <= ${most} visits\n  otherwise "Too many."\n\npolicy acme "Acme"\n  jurisdiction CA\n  first acme.*\n`;
const loaded = (most: number): LoadedRules => {
  const rules = compileProgram([{ text: text(most), file: 'demo.guideline' }]).rules!;
  return { rules, revision: revisionOf(rules), loadedAt: new Date().toISOString(), from: 'guidelines' };
};
const batch = (n: number): string => Array.from({ length: n }, (_, i) => JSON.stringify({ ...seedCase(), id: `c${i}` })).join('\n');
const decisions = (body: string): string[] => body.trim().split('\n').map((l) => (JSON.parse(l) as { decision?: string; error?: { code: string } }).decision ?? `error ${(JSON.parse(l) as { error: { code: string } }).error.code}`);

describe('the decision app', () => {
  it('finishes a batch in flight on the rule set it started with', async () => {
    const strict = loaded(6);
    const lenient = loaded(10);
    let current = strict;
    // One case per chunk: the answer is made as it is read.
    const app = decisionApp({ rules: () => current, log: new DecisionLog(undefined), bodyLimit: 1 << 20, timeoutMs: 60_000, stopping: () => false, chunkBytes: 1 });
    const post = (body: string): Promise<Response> => Promise.resolve(app.request('/v1/decide?detail=decision', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body }));
    const inFlight = await post(batch(6));
    expect(inFlight.headers.get('guideline-revision')).toBe(strict.revision);
    const reader = inFlight.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    current = lenient; // a reload lands while the batch is half answered
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(decisions(first + rest)).toEqual(Array(6).fill('not-medically-necessary'));
    // A request that arrives after the swap is decided on the new rule set.
    const after = await post(batch(1));
    expect([after.headers.get('guideline-revision'), decisions(await after.text())]).toEqual([lenient.revision, ['medically-necessary']]);
  });

  it('answers the lines of a batch past its time limit with timeout, in order', async () => {
    const app = decisionApp({ rules: () => loaded(6), log: new DecisionLog(undefined), bodyLimit: 1 << 20, timeoutMs: 0, stopping: () => false });
    const res = await app.request('/v1/decide', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: batch(3) });
    expect(decisions(await res.text())).toEqual(['error timeout', 'error timeout', 'error timeout']);
  });

  it('names the line and column of a byte that is not UTF-8: a case is refused, a batch goes on past the line', async () => {
    const app = decisionApp({ rules: () => loaded(6), log: new DecisionLog(undefined), bodyLimit: 1 << 20, timeoutMs: 1000, stopping: () => false });
    const bad = Buffer.concat([Buffer.from('{"id": "'), Buffer.from([0xff]), Buffer.from('"}')]);
    const one = await app.request('/v1/decide', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat([Buffer.from('{"id": "a",\n "x": 1,\n'), bad.subarray(1)]) });
    expect([one.status, ((await one.json()) as { error: unknown }).error]).toEqual([400, expect.objectContaining({ code: 'R501', line: 3, column: 8 })]);
    const seed = JSON.stringify(seedCase());
    const body = Buffer.concat([Buffer.from(`${seed}\r\n`), bad, Buffer.from(`\r\n\n${seed}`)]);
    const res = await app.request('/v1/decide?detail=decision', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { decision?: string; line?: number; error?: unknown });
    expect(res.status).toBe(200);
    expect(lines.map((l) => l.decision ?? l.error)).toEqual(['not-medically-necessary', { status: 400, code: 'R501', message: 'not UTF-8 text: a byte here belongs to no character', line: 2, column: 9 }, 'not-medically-necessary']);
  });

  it('says it is stopping on health, 503, and closes each connection it answers', async () => {
    const app = decisionApp({ rules: () => loaded(6), log: new DecisionLog(undefined), bodyLimit: 1 << 20, timeoutMs: 1000, stopping: () => true });
    const res = await app.request('/v1/health');
    expect([res.status, res.headers.get('connection'), ((await res.json()) as { status: string }).status]).toEqual([503, 'close', 'stopping']);
  });

  // HTTP's own answers (RFC 9110): a path the API has, asked with a method it does not take, is 405
  // with the methods it takes in Allow; OPTIONS names them; only a path the API lacks is 404.
  it('answers a method a path does not take with 405 and Allow, OPTIONS with Allow, an unknown path with 404', async () => {
    const app = decisionApp({ rules: () => loaded(6), log: new DecisionLog(undefined), bodyLimit: 1 << 20, timeoutMs: 1000, stopping: () => false });
    const asked = async (method: string, path: string): Promise<unknown[]> => {
      const res = await app.request(path, { method });
      const text = await res.text();
      const body = text ? (JSON.parse(text) as { error?: { code: string; message: string } }).error : undefined;
      return [res.status, res.headers.get('allow'), body?.code, body?.message];
    };
    expect(await asked('GET', '/v1/decide')).toEqual([405, 'POST, OPTIONS', 'method-not-allowed', 'GET /v1/decide: this path takes POST']);
    expect(await asked('DELETE', '/v1/rules')).toEqual([405, 'GET, HEAD, OPTIONS', 'method-not-allowed', 'DELETE /v1/rules: this path takes GET or HEAD']);
    expect(await asked('PUT', '/v1/health')).toEqual([405, 'GET, HEAD, OPTIONS', 'method-not-allowed', 'PUT /v1/health: this path takes GET or HEAD']);
    expect(await asked('OPTIONS', '/v1/decide')).toEqual([204, 'POST, OPTIONS', undefined, undefined]);
    expect(await asked('GET', '/v1/decisions')).toEqual([404, null, 'not-found', 'no GET /v1/decisions: the API is POST /v1/decide, GET /v1/health, GET /v1/rules']);
    expect(await asked('HEAD', '/v1/health')).toEqual([200, null, undefined, undefined]);
  });

  // JSON is UTF-8 (RFC 8259): a body said to be in another charset would be read as UTF-8 all the
  // same, its Latin-1 'Ã©' taken for 'é' without a word; it is refused, and UTF-8 said any way is read.
  it.each([
    ['application/json; charset=iso-8859-1', 415],
    ['application/json;charset="windows-1252"', 415],
    ['application/x-ndjson; charset=utf-16', 415],
    ['application/json; charset=', 415],
    ['application/json; charset=utf-8', 200],
    ['application/json; charset="UTF-8"', 200],
    ['application/json;charset=utf8', 200],
    ['application/x-ndjson; charset=utf-8', 200],
    ['application/json; foo=bar', 200],
  ])('answers a body of %s with %i', async (type, status) => {
    const app = decisionApp({ rules: () => loaded(6), log: new DecisionLog(undefined), bodyLimit: 1 << 20, timeoutMs: 1000, stopping: () => false });
    const res = await app.request('/v1/decide?detail=decision', { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(seedCase()) });
    const body = (await res.json()) as { decision?: string; error?: { code: string; message: string } };
    expect([res.status, body.error?.code ?? 'decided']).toEqual([status, status === 200 ? 'decided' : 'unsupported-media-type']);
    if (status === 415) expect(body.error!.message).toMatch(/^send the body as UTF-8/);
  });

  // A bug of ours is answered 500 and said on stderr as a server event, without a stack trace: an
  // operator watching the log sees it, not only the client that got the 500.
  it('logs an internal error as an event, and answers 500', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (written.push(String(s)), true));
    onTestFinished(() => void vi.restoreAllMocks());
    const app = decisionApp({ rules: () => { throw new Error('a rule set that cannot be read'); }, log: new DecisionLog(undefined), bodyLimit: 1 << 20, timeoutMs: 1000, stopping: () => false });
    const res = await app.request('/v1/decide', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(seedCase()) });
    expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([500, 'internal-error']);
    const events = written.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events).toEqual([{ time: expect.any(String), event: 'internal-error', method: 'POST', path: '/v1/decide', message: 'a rule set that cannot be read' }]);
  });
});
