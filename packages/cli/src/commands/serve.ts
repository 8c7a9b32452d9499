// `guideline serve [paths | --rules rules.json] [options]`: the decision service (serve/): decides
// cases over HTTP, reloads the rule set when its files change or on SIGHUP, logs each decision, and
// stops gracefully on SIGTERM or SIGINT.
import { booleanOption, stringOption, type Command } from '../command.ts';
import { UsageError } from '../paths.ts';
import { serveLimits } from '../serve/limits.ts';

/** A whole number option within bounds, or a usage error naming it. */
function whole(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`--${name} is a whole number from ${min} to ${max}, not '${text}'`);
  return n;
}

export async function serveCommand(paths: string[], values: Parameters<Command['run']>[1]): Promise<number> {
  const rules = stringOption(values, 'rules');
  if (rules !== undefined && paths.length) throw new UsageError('give either guideline paths or --rules, not both');
  // Signals are taken from the start: one that comes while the server starts stops it once started.
  let signalled: string | undefined;
  let stop = (signal: string): void => void (signalled ??= signal);
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  let reload = (): void => {};
  process.on('SIGHUP', () => reload());
  // The HTTP stack is loaded only to serve: every other command starts without it.
  const { startServer } = await import('../serve/server.ts');
  const running = await startServer({
    paths,
    rules,
    host: stringOption(values, 'host') ?? '127.0.0.1',
    port: whole('port', stringOption(values, 'port'), 8181, 0, 65535),
    decisionLog: stringOption(values, 'decision-log'),
    bodyLimit: whole('body-limit', stringOption(values, 'body-limit'), serveLimits.bodyBytes, 1, 1 << 30),
    timeoutMs: whole('timeout', stringOption(values, 'timeout'), serveLimits.timeoutSeconds, 1, 3600) * 1000,
    watch: !booleanOption(values, 'no-watch'),
  });
  if ('errors' in running) {
    process.stderr.write(`guideline: the rule set does not load; not serving\n${running.errors.join('\n')}\n`);
    return 2;
  }
  reload = () => void running.reload('SIGHUP');
  return new Promise<number>((done) => {
    stop = (signal) => void running.stop(signal).then(() => done(0));
    if (signalled) stop(signalled);
  });
}

export const serve: Command = {
  name: 'serve',
  synopsis: '[paths | --rules rules.json] [options]',
  summary: 'serve decisions over HTTP: POST /v1/decide, GET /v1/health, GET /v1/rules',
  description: [
    'POST /v1/decide takes one case (application/json) and answers its determination, or a batch',
    '(application/x-ndjson, one case per line) and answers a line per case in order: the determination',
    'or { "line", "error" }. A body that is not JSON is answered 400, a case that breaks the contract 422,',
    'each naming the field with its line and column; a case over 1 MiB 413 (R505), as check refuses it.',
    'A port in use, a --host that is no address of this machine, or a --decision-log that cannot be',
    'opened exits 2, leaving no log behind. The rule set (guideline folders, default the bundled',
    'guidelines/, or a compiled artifact) is reloaded when its files change or on SIGHUP; a broken edit',
    'keeps the rule set in service and logs the errors on stderr. SIGTERM or SIGINT stops after the',
    'requests in flight are answered. See docs/serve.md.',
  ].join('\n'),
  options: {
    rules: { type: 'string', value: 'rules.json', description: 'serve a compiled rule set (guideline compile -o) instead of guideline sources' },
    host: { type: 'string', value: 'address', default: '127.0.0.1', description: 'the address to listen on' },
    port: { type: 'string', value: 'number', default: '8181', description: 'the port to listen on; 0 picks a free one' },
    'decision-log': { type: 'string', value: 'file', description: "append a JSON line per decision to this file ('-' for stdout)" },
    'body-limit': { type: 'string', value: 'bytes', default: String(serveLimits.bodyBytes), description: 'the largest request body' },
    timeout: { type: 'string', value: 'seconds', default: String(serveLimits.timeoutSeconds), description: 'how long a request may take to arrive and be answered' },
    'no-watch': { type: 'boolean', description: 'reload only on SIGHUP, not when the files change' },
  },
  run: serveCommand,
};
