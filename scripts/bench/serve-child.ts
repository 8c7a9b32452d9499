// A server for the HTTP benchmark, in a process of its own (the load generator has the other core):
// `bare`, a Hono server on @hono/node-server that reads the body and answers a constant, or `decide`,
// `guideline serve` on the bench fixture with its decision log. Says its port in a `started` line on stderr.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { startServer } from '../../packages/cli/src/serve/server.ts';

const kind = process.argv[2];
if (kind === 'bare') {
  const app = new Hono();
  const constant = JSON.stringify({ decision: 'medically-necessary' });
  app.post('/v1/decide', async (c) => {
    await c.req.arrayBuffer();
    return c.body(constant, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => process.stderr.write(JSON.stringify({ event: 'started', port: info.port }) + '\n'));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  const running = await startServer({
    paths: [join(import.meta.dirname, 'physical-medicine.guideline')],
    host: '127.0.0.1',
    port: 0,
    decisionLog: join(mkdtempSync(join(tmpdir(), 'guideline-bench-')), 'decisions.jsonl'),
    bodyLimit: 10_485_760,
    timeoutMs: 30_000,
    watch: false,
  });
  if ('errors' in running) throw new Error(running.errors.join('\n'));
  process.once('SIGTERM', () => void running.stop('SIGTERM').then(() => process.exit(0)));
}
