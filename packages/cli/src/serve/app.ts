// The decision service's HTTP API (Hono): POST /v1/decide takes one case as JSON, or a batch as JSON
// Lines answered line by line in order; GET /v1/health and GET /v1/rules. A request is decided
// whole on the rule set that was current when it arrived, whatever is reloaded meanwhile.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { formatMessage, SourceFile } from '@guideline/language/rules';
import { CaseValidationError, determinationJson, evaluateFast, jsonFieldSpans, type Determination } from '@guideline/runtime';
import { parseJson } from '../json.ts';
import { decodeUtf8, readLimits } from '../read.ts';
import { logEvent, type DecisionLog } from './log.ts';
import type { LoadedRules } from './rules.ts';

export interface AppOptions {
  /** The rule set now; a request reads it once, when it arrives. */
  rules: () => LoadedRules;
  log: DecisionLog;
  /** The largest request body, in bytes (413 past it). */
  bodyLimit: number;
  /** How long a batch may take; lines not decided by then are answered with a `timeout` error. */
  timeoutMs: number;
  /** Whether the server is stopping: health says so, with 503. */
  stopping: () => boolean;
  /** How much of a batch's answer is made at a time (64 KiB). */
  chunkBytes?: number;
}

/** A problem with a request or one of its cases, as the API answers it. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  line?: number;
  column?: number;
  issues?: { field: string; message: string; line: number; column: number }[];
}

const jsonTypes = new Set(['application/json']);
const batchTypes = new Set(['application/x-ndjson', 'application/jsonl', 'application/jsonlines', 'application/x-jsonlines']);
type Detail = 'full' | 'decision';

export function decisionApp(options: AppOptions): Hono {
  const app = new Hono();
  const fail = (c: Context, e: ApiError): Response => c.json({ error: e }, e.status as 400);
  // Stopping, every answer closes its connection: the client goes elsewhere, and the stop waits on nothing idle.
  app.use(async (c, next) => {
    await next();
    if (options.stopping()) c.header('connection', 'close');
  });

  app.get('/v1/health', (c) => {
    const r = options.rules();
    if (options.stopping()) return c.json({ status: 'stopping', revision: r.revision }, 503);
    return c.json({ status: 'ok', revision: r.revision, loadedAt: r.loadedAt });
  });

  app.get('/v1/rules', (c) => c.json(describeRules(options.rules())));

  app.post(
    '/v1/decide',
    limitBody(options.bodyLimit, (c) => {
      // The rest of the body is never read: the connection cannot carry another request.
      c.header('connection', 'close');
      return fail(c, { status: 413, code: 'payload-too-large', message: `the body is over the limit of ${options.bodyLimit.toLocaleString('en-US')} bytes (--body-limit)` });
    }),
    async (c) => {
      const loaded = options.rules();
      const [type = '', ...parameters] = (c.req.header('content-type') ?? '').split(';').map((p) => p.trim());
      const batch = batchTypes.has(type.toLowerCase());
      if (!batch && !jsonTypes.has(type.toLowerCase())) {
        return fail(c, { status: 415, code: 'unsupported-media-type', message: `send one case as application/json or a batch as application/x-ndjson, not '${type.toLowerCase() || 'no content type'}'` });
      }
      // The body is read as UTF-8 whatever it is said to be: one in another charset would be misread without a word.
      const charset = charsetOf(parameters);
      if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
        return fail(c, { status: 415, code: 'unsupported-media-type', message: `send the body as UTF-8 (JSON is UTF-8), not in charset '${charset.slice(0, 60)}'` });
      }
      // A body in a content coding (gzip) would be read as its compressed bytes.
      const coding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
      if (coding !== 'identity') {
        c.header('accept-encoding', 'identity');
        return fail(c, { status: 415, code: 'unsupported-media-type', message: `send the body as it is, without a content encoding, not '${coding}'` });
      }
      // A parameter not known (`detial`), or given twice, would otherwise be passed over without a word.
      const query = c.req.queries();
      for (const [name, values] of Object.entries(query)) {
        if (name !== 'detail') return fail(c, { status: 400, code: 'bad-query', message: `no query parameter '${name.slice(0, 60)}': the one there is is detail (full or decision)` });
        if (values.length > 1) return fail(c, { status: 400, code: 'bad-query', message: `detail is given ${values.length} times: give it once` });
      }
      const detail = query['detail']?.[0] ?? 'full';
      if (detail !== 'full' && detail !== 'decision') return fail(c, { status: 400, code: 'bad-query', message: `detail is full or decision, not '${detail}'` });
      const bytes = Buffer.from(await c.req.arrayBuffer());
      const decider = new Decider(loaded, options.log, detail);
      c.header('guideline-revision', loaded.revision);
      // A batch's lines are each decoded, limited and answered on their own, as check reads them.
      if (batch) return c.body(batchAnswers(decider, bytes, Date.now() + options.timeoutMs, options.chunkBytes ?? 1 << 16), 200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
      // A case is held to the command line's limit, counted on its bytes before they are decoded, as
      // `guideline check --case` counts a file's.
      if (bytes.length > readLimits.caseBytes) return fail(c, caseTooLarge());
      const decoded = decodeUtf8(bytes);
      if ('badByte' in decoded) {
        // Its line, and its column in bytes on that line.
        const lineStart = bytes.lastIndexOf(10, decoded.badByte - 2) + 1;
        const line = bytes.subarray(0, lineStart).filter((b) => b === 10).length + 1;
        return fail(c, notUtf8(line, decoded.badByte - lineStart));
      }
      const answer = decider.decide(decoded.text);
      if ('error' in answer) return fail(c, answer.error);
      c.header('decision-id', answer.decisionId);
      return c.body(answer.json, 200, { 'content-type': 'application/json; charset=utf-8' });
    },
  );

  // A path the API has, asked with another method: 405 with the methods it takes (RFC 9110 asks for
  // Allow), and OPTIONS answered with them; only a path the API lacks is 404.
  const methodsOf = methodsByPath(app);
  const api = [...methodsOf].map(([path, methods]) => `${methods[0]} ${path}`).join(', ');
  app.notFound((c) => {
    const takes = methodsOf.get(c.req.path);
    if (!takes) return fail(c, { status: 404, code: 'not-found', message: `no ${c.req.method} ${c.req.path}: the API is ${api}` });
    c.header('allow', [...takes, 'OPTIONS'].join(', '));
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    return fail(c, { status: 405, code: 'method-not-allowed', message: `${c.req.method} ${c.req.path}: this path takes ${takes.join(' or ')}` });
  });
  app.onError((e, c) => {
    // A bug of ours: the operator reads it in the server's events too, not only the client in its 500.
    logEvent('internal-error', { method: c.req.method, path: c.req.path, message: e.message });
    return fail(c, { status: 500, code: 'internal-error', message: e.message });
  });
  return app;
}

/** The methods each path of the app's routes takes (HEAD with GET, as Hono answers it), by path in order. */
function methodsByPath(app: Hono): Map<string, string[]> {
  const by = new Map<string, Set<string>>();
  for (const r of app.routes) if (r.method !== 'ALL') by.set(r.path, (by.get(r.path) ?? new Set<string>()).add(r.method));
  return new Map([...by].sort(([a], [b]) => a.localeCompare(b)).map(([path, methods]) => [path, [...methods].flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]))]));
}

/**
 * The body limit. A body that declares its length is judged by it without touching the body, so
 * @hono/node-server reads it straight from the socket later (Hono's bodyLimit looks at the request's
 * body stream, which makes the adapter build a web stream for every request: most of an HTTP
 * request's cost); a chunked body is counted as it streams, by Hono's bodyLimit.
 */
function limitBody(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    if (Number(length) > maxSize) return onError(c);
    await next();
  };
}

/** The charset parameter of a media type's parameters (`charset="utf-8"`), unquoted; undefined when none is given. */
function charsetOf(parameters: readonly string[]): string | undefined {
  for (const p of parameters) {
    const eq = p.indexOf('=');
    if (eq >= 0 && p.slice(0, eq).trim().toLowerCase() === 'charset') return p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** A case (the body, or a line of a batch) over `readLimits.caseBytes`: R505, as the command line says it. */
function caseTooLarge(): ApiError {
  return { status: 413, code: 'R505', message: formatMessage('R505', { limit: readLimits.caseBytes }) };
}

/** A byte that is not UTF-8, at its line and its column in bytes on that line. */
function notUtf8(line: number, column: number): ApiError {
  return { status: 400, code: 'R501', message: 'not UTF-8 text: a byte here belongs to no character', line, column };
}

/** Decides cases on one rule set, logging each decision. */
class Decider {
  constructor(
    private readonly loaded: LoadedRules,
    private readonly log: DecisionLog,
    private readonly detail: Detail,
  ) {}

  /** One case document: its determination as JSON, or the error that answers it. */
  decide(text: string, line?: number): { json: string; decisionId: string } | { error: ApiError } {
    const started = performance.now();
    const parsed = parseJson(text);
    if (parsed.error) {
      const e = parsed.error;
      return { error: { status: 400, code: 'R501', message: e.message, ...(e.line ? { line: line ?? e.line, column: e.column } : {}) } };
    }
    let d: Determination;
    try {
      d = evaluateFast(this.loaded.rules, parsed.value, { detail: this.detail });
    } catch (e) {
      if (!(e instanceof CaseValidationError)) throw e;
      const src = new SourceFile(text, '');
      const spans = jsonFieldSpans(text, e.issues.map((i) => i.field));
      const issues = e.issues.map((i, n) => {
        const at = src.position(spans[n]!.start);
        return { field: i.field, message: i.message, line: line ?? at.line, column: at.column };
      });
      return { error: { status: 422, code: 'R501', message: `the case does not follow the contract: ${issues.map((i) => `${i.field || 'case'}: ${i.message}`).join('; ')}`, issues } };
    }
    // The determination's own id and revision name it in the headers and the log too.
    const decisionId = d.decisionId;
    this.log.write({ decisionId, time: new Date().toISOString(), revision: this.loaded.revision, caseId: d.caseId ?? null, decision: d.decision, durationMs: Math.round((performance.now() - started) * 1000) / 1000 });
    return { json: determinationJson(d), decisionId };
  }
}

/**
 * A batch's answers, a line each in the order of its lines (blank lines skipped): the determination,
 * or `{ "line": n, "error": {...} }` (a line over the case limit, not UTF-8, not JSON, not a case).
 * Made a chunk at a time as the client reads, so a large batch is never held answered in memory.
 */
function batchAnswers(decider: Decider, body: Buffer, deadline: number, chunkBytes: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let from = 0;
  let n = 0;
  const answer = (bytes: Buffer): string | undefined => {
    let error: ApiError | undefined;
    if (bytes.length > readLimits.caseBytes) error = caseTooLarge();
    else {
      const decoded = decodeUtf8(bytes);
      if ('badByte' in decoded) error = notUtf8(n, decoded.badByte);
      else if (!decoded.text.trim()) return undefined;
      else if (Date.now() >= deadline) error = { status: 503, code: 'timeout', message: 'not decided: the batch ran past its time limit' };
      else {
        try {
          const a = decider.decide(decoded.text, n);
          if ('json' in a) return a.json + '\n';
          error = a.error;
        } catch (e) {
          // A bug of ours on one line: named with the line, in the answer and the server's events, and the batch goes on.
          error = { status: 500, code: 'internal-error', message: (e as Error)?.message ?? String(e) };
          logEvent('internal-error', { method: 'POST', path: '/v1/decide', line: n, message: error.message });
        }
      }
    }
    return JSON.stringify({ line: n, error }) + '\n';
  };
  return new ReadableStream({
    pull(controller) {
      let chunk = '';
      while (from < body.length && chunk.length < chunkBytes) {
        const newline = body.indexOf(10, from);
        let end = newline < 0 ? body.length : newline;
        const next = end + 1;
        if (end > from && body[end - 1] === 13) end--; // CRLF: the line without its CR
        n++;
        chunk += answer(body.subarray(from, end)) ?? '';
        from = next;
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (from >= body.length) controller.close();
    },
  });
}

/** GET /v1/rules: the revision, and the guidelines (with their editions) and policies of the rule set. */
export function describeRules(loaded: LoadedRules): Record<string, unknown> {
  const guidelines = new Map<string, { id: string; title: string; citation: string; covers: string[]; editions: { edition: string; inForce?: { from: string; to?: string } }[] }>();
  for (const g of loaded.rules.guidelines) {
    const entry = guidelines.get(g.id) ?? { id: g.id, title: g.title, citation: g.citation, covers: g.covers, editions: [] };
    if (g.edition !== undefined) entry.editions.push({ edition: g.edition, ...(g.inForce ? { inForce: g.inForce } : {}) });
    guidelines.set(g.id, entry);
  }
  return {
    revision: loaded.revision,
    loadedAt: loaded.loadedAt,
    from: loaded.from,
    guidelines: [...guidelines.values()],
    policies: loaded.rules.policies.map((p) => ({ id: p.id, title: p.title, jurisdiction: p.jurisdiction, steps: p.steps })),
  };
}
