// The HTTP benchmark: requests per second and latency (p50, p99) of `guideline serve` against a bare
// Hono server that reads the body and answers a constant, each in a child process, driven by a load
// generator here (http.Agent with keep-alive, a fixed number of connections each sending its next
// request when the last is answered). Interleaved rounds; ratios are medians of the rounds' ratios.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { generateCases } from './cases.ts';

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  /** The server process's CPU time per request, in microseconds (Linux; NaN elsewhere). */
  cpuMicros: number;
}

/** A process's user and system CPU time so far, in seconds, from /proc (NaN where there is none). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 a second)
  } catch {
    return NaN;
  }
}

/** Starts `serve-child.mjs <kind>` (bundled beside this file) and waits for its port. */
async function child(kind: string): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, [fileURLToPath(new URL('./serve-child.mjs', import.meta.url)), kind], { stdio: ['ignore', 'ignore', 'pipe'] });
  let text = '';
  const port = await new Promise<number>((found, failed) => {
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const m = /"event":"started"[^\n]*"port":(\d+)/.exec(text);
      if (m) found(Number(m[1]));
    });
    proc.once('exit', (code) => failed(new Error(`${kind} server exited ${code}: ${text}`)));
  });
  return { proc, port };
}

/**
 * Request bodies, each sent once while they last: the cursor goes on from one load to the next, so
 * that no round sends a case an earlier one sent (a server keeps full results by what cases read, and
 * the same case again would find its results kept).
 */
export interface Bodies {
  readonly texts: readonly string[];
  next: number;
}

/** Keeps `connections` requests in flight for `seconds`, each with the next body (cycling if they run out). */
export async function load(port: number, path: string, bodies: Bodies, seconds: number, connections: number, pid = 0): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const post = (body: string): Promise<number> =>
    new Promise((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.on('data', () => {});
        res.on('end', () => done(res.statusCode ?? 0));
      });
      req.on('error', fail);
      req.end(body);
    });
  const started = performance.now();
  const cpuBefore = cpuSeconds(pid);
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const status = await post(bodies.texts[bodies.next++ % bodies.texts.length]!);
        latencies.push(performance.now() - t);
        if (status !== 200) failed++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuMicros = ((cpuSeconds(pid) - cpuBefore) * 1e6) / latencies.length;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), failed, cpuMicros };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The table rows: each target's median req/s, p50 and p99 (ms), and its ratio to the bare server. */
export async function serving(quick: boolean): Promise<string[][]> {
  const rounds = quick ? 2 : 5;
  const seconds = quick ? 2 : 3;
  const connections = 8;
  // More distinct cases than the rounds send to one server path (about 11,000 a second here at most
  // for a full determination), each path going through them from the first.
  const texts = generateCases(quick ? 100_000 : 300_000).map((c) => JSON.stringify(c));
  const bare = await child('bare');
  const decide = await child('decide');
  const targets = [
    { label: 'bare Hono server, constant answer (the limit)', port: bare.port, pid: bare.proc.pid!, path: '/v1/decide' },
    { label: 'guideline serve, full determination', port: decide.port, pid: decide.proc.pid!, path: '/v1/decide' },
    { label: 'guideline serve, ?detail=decision', port: decide.port, pid: decide.proc.pid!, path: '/v1/decide?detail=decision' },
  ].map((t) => ({ ...t, bodies: { texts, next: 0 } as Bodies }));
  try {
    // Warm-up: JIT, connections, the decision path's first cases.
    for (const t of targets) await load(t.port, t.path, t.bodies, 1, connections);
    const results: LoadResult[][] = targets.map(() => []);
    for (let r = 0; r < rounds; r++) for (const [i, t] of targets.entries()) results[i]!.push(await load(t.port, t.path, t.bodies, seconds, connections, t.pid));
    for (const t of targets.slice(1)) if (t.bodies.next > texts.length) console.log(`  (${t.label}: ${t.bodies.next.toLocaleString('en-US')} requests sent ${texts.length.toLocaleString('en-US')} distinct cases, some twice)`);
    return targets.map((t, i) => {
      const rs = results[i]!;
      const ratio = median(rs.map((x, r) => x.perSecond / results[0]![r]!.perSecond));
      // The CPU ratio: what the throughput ratio would be with the server alone on its core.
      const cpuRatio = median(rs.map((x, r) => results[0]![r]!.cpuMicros / x.cpuMicros));
      return [t.label, Math.round(median(rs.map((x) => x.perSecond))).toLocaleString('en-US'), median(rs.map((x) => x.p50)).toFixed(2), median(rs.map((x) => x.p99)).toFixed(2), ratio.toFixed(2), median(rs.map((x) => x.cpuMicros)).toFixed(0), cpuRatio.toFixed(2), String(rs.reduce((n, x) => n + x.failed, 0))];
    });
  } finally {
    bare.proc.kill('SIGTERM');
    decide.proc.kill('SIGTERM');
  }
}
