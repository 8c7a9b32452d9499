// The decision server's life: listen with timeouts, swap in a reloaded rule set atomically (on a
// file change or SIGHUP; a broken edit keeps the rule set in service and logs why), and stop
// gracefully on SIGTERM or SIGINT: no new connections, requests in flight answered, then exit.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { UsageError } from '../paths.ts';
import { decisionApp } from './app.ts';
import { DecisionLog, logEvent } from './log.ts';
import { ruleLoader, watchRules, type LoadedRules, type RuleSource } from './rules.ts';
import { serveLimits } from './limits.ts';

export { serveLimits } from './limits.ts';

export interface ServeOptions extends RuleSource {
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Where decisions are logged, a line each: a file, `-` for stdout, or nowhere. */
  decisionLog?: string | undefined;
  bodyLimit: number;
  /** How long a request may take to arrive and be answered, in milliseconds. */
  timeoutMs: number;
  /** Reload when the rule files change (SIGHUP reloads either way). */
  watch: boolean;
  /** How long a stop waits for requests in flight before closing their connections. */
  graceMs?: number;
}

export interface RunningServer {
  port: number;
  /** The rule set in service now. */
  current(): LoadedRules;
  /** Loads the rule set again; swaps it in only when it loads whole. Returns whether it changed. */
  reload(reason: string): boolean;
  /** Stops listening, lets requests in flight finish (up to the grace period), and closes the log. */
  stop(signal?: string): Promise<void>;
}

/**
 * Why the server could not listen, as a usage error (exit 2): the host and port come from the
 * command line, and whether the machine lets us have them is for the user to mend, not a bug of
 * ours. Undefined for an error that is not about listening, which stays an internal error.
 */
export function listenError(e: unknown, host: string, port: number): UsageError | undefined {
  const { code, syscall } = (e ?? {}) as { code?: unknown; syscall?: unknown };
  if (typeof code !== 'string' || !['listen', 'bind', 'getaddrinfo'].includes(String(syscall))) return undefined;
  const where = `port ${port} on ${host}`;
  switch (code) {
    case 'EADDRINUSE':
      return new UsageError(`${where} is in use by another program; give another --port (0 takes any free one)`);
    case 'EACCES':
    case 'EPERM':
      // Below 1024 that is most likely why (root or CAP_NET_BIND_SERVICE); above it, a policy of the machine's.
      return new UsageError(`${where}: permission denied${port > 0 && port < 1024 ? ' (ports below 1024 need privileges this user does not have)' : ''}; give another --port`);
    case 'ENOTFOUND':
      return new UsageError(`--host ${host}: no such address (neither an IP address nor a name that resolves)`);
    case 'EAI_AGAIN':
      return new UsageError(`--host ${host}: the name could not be looked up now (EAI_AGAIN); give an IP address, or try again`);
    case 'EADDRNOTAVAIL':
      return new UsageError(`--host ${host}: not an address of this machine; give one of its own (127.0.0.1, or 0.0.0.0 for all)`);
    default: {
      // Node's own words without the call, the code and the address: "listen EMFILE: too many open
      // files 127.0.0.1:8181" is "too many open files (EMFILE)".
      const words = /^\w+ \w+: (.+?)(?: \S+:\d+)?$/.exec((e as Error).message ?? '')?.[1];
      return new UsageError(`cannot listen on ${where}: ${words ? `${words} (${code})` : code}`);
    }
  }
}

/**
 * Starts the server, or returns the errors that kept the rule set from loading. Throws UsageError
 * when it cannot open the decision log, or listen on the host and port given (see listenError).
 */
export async function startServer(options: ServeOptions): Promise<RunningServer | { errors: string[] }> {
  const loadRules = await ruleLoader(options);
  const first = loadRules();
  if (first.errors) return { errors: first.errors };
  for (const w of first.warnings) logEvent('warnings', { warnings: w });
  let current = first.loaded;
  let stopping = false;
  const log = await DecisionLog.open(options.decisionLog);
  const app = decisionApp({ rules: () => current, log, bodyLimit: options.bodyLimit, timeoutMs: options.timeoutMs, stopping: () => stopping });

  const server = await new Promise<Server>((ready, failed) => {
    const s = serve(
      {
        fetch: app.fetch,
        hostname: options.host,
        port: options.port,
        serverOptions: {
          requestTimeout: options.timeoutMs,
          headersTimeout: Math.min(options.timeoutMs, serveLimits.headersMs),
          keepAliveTimeout: serveLimits.keepAliveMs,
          // Node enforces the two timeouts above only when it sweeps its connections; sweeping often
          // keeps a stated timeout to within this much.
          connectionsCheckingInterval: serveLimits.timeoutCheckMs,
        },
      },
      () => ready(s as Server),
    );
    s.once('error', failed);
  }).catch(async (e: unknown) => {
    // A server that never started leaves nothing behind: not even the empty log it would have kept.
    await log.discard();
    throw listenError(e, options.host, options.port) ?? e;
  });
  const port = (server.address() as AddressInfo).port;
  logEvent('started', { host: options.host, port, revision: current.revision, from: current.from, guidelines: current.rules.guidelines.length });

  const reload = (reason: string): boolean => {
    const next = loadRules();
    if (next.errors) {
      logEvent('reload-refused', { reason, keeping: current.revision, errors: next.errors });
      return false;
    }
    if (next.loaded.revision === current.revision) return false;
    const previous = current.revision;
    // One assignment: a request reads `current` once, so it runs wholly on the old or the new rule set.
    current = next.loaded;
    logEvent('reloaded', { reason, previous, revision: current.revision });
    return true;
  };
  const unwatch = options.watch ? watchRules(options, () => reload('files changed')) : () => {};

  let stopped: Promise<void> | undefined;
  const stop = (signal?: string): Promise<void> =>
    (stopped ??= new Promise<void>((done) => {
      stopping = true;
      unwatch();
      logEvent('stopping', { signal: signal ?? 'stop' });
      // Idle keep-alive connections close now; busy ones after their response, or at the grace's end.
      const force = setTimeout(() => server.closeAllConnections(), options.graceMs ?? serveLimits.graceMs);
      server.close(() => {
        clearTimeout(force);
        void log.close().then(() => {
          logEvent('stopped');
          done();
        });
      });
      server.closeIdleConnections();
    }));

  return { port, current: () => current, reload, stop };
}
