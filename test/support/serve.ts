// Runs `guideline serve` as a user would (a child process on a random port of 127.0.0.1), reads its
// events from stderr, and sends it requests over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { root } from './bundled.ts';

export interface ServerEvent {
  event: string;
  [field: string]: unknown;
}

export interface Served {
  port: number;
  proc: ChildProcess;
  events: ServerEvent[];
  /** The first event of this kind after the `after`-th event (waits up to 20 s). */
  next(event: string, after?: number): Promise<ServerEvent>;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

export async function startServe(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const proc = spawn(process.execPath, [join(root, 'scripts/guideline.mjs'), 'serve', '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
  const events: ServerEvent[] = [];
  const waiting: (() => void)[] = [];
  let buffered = '';
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try {
        events.push(JSON.parse(line) as ServerEvent);
      } catch {
        events.push({ event: 'text', text: line });
      }
      for (const w of waiting.splice(0)) w();
    }
  });
  const exited = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));
  const next = (event: string, after = 0): Promise<ServerEvent> =>
    new Promise((found, failed) => {
      const timer = setTimeout(() => failed(new Error(`no '${event}' event; events: ${JSON.stringify(events)}`)), 20_000);
      const look = (): void => {
        const e = events.slice(after).find((x) => x.event === event);
        if (e) {
          clearTimeout(timer);
          found(e);
        } else waiting.push(look);
      };
      look();
      void exited.then(() => setTimeout(() => look(), 50));
    });
  const started = await Promise.race([next('started'), exited.then((code) => Promise.reject(new Error(`serve exited ${code}: ${JSON.stringify(events)}`)))]);
  return { port: started['port'] as number, proc, events, next, exited };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request to 127.0.0.1:port. */
export function call(port: number, method: string, path: string, body?: string | Buffer, contentType = 'application/json', headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, failed) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...(body === undefined ? {} : { 'content-type': contentType }), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', failed);
    });
    req.on('error', failed);
    req.end(body);
  });
}

/**
 * A request whose body stops short of its Content-Length, the connection left open: resolves with
 * everything the server sends back before it closes the connection.
 */
export function callStalled(port: number, path: string, declaredBytes: number, sentBody: string): Promise<string> {
  return new Promise((done, failed) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${declaredBytes}\r\n\r\n${sentBody}`);
    });
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => done(received));
    socket.on('error', failed);
  });
}
