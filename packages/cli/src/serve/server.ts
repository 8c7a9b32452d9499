// The decision server's life: listen with timeouts, swap in a reloaded rule set atomically (on a
// file change or SIGHUP; a broken edit keeps the rule set in service and logs why), and stop
// gracefully on SIGTERM or SIGINT: no new connections, requests in flight answered, then exit.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
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

/** Starts the server, or returns the errors that kept the rule set from loading. */
export async function startServer(options: ServeOptions): Promise<RunningServer | { errors: string[] }> {
  const loadRules = await ruleLoader(options);
  const first = loadRules();
  if (first.errors) return { errors: first.errors };
  for (const w of first.warnings) logEvent('warnings', { warnings: w });
  let current = first.loaded;
  let stopping = false;
  const log = new DecisionLog(options.decisionLog);
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
