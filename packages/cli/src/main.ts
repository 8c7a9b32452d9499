#!/usr/bin/env node
// The `guideline` command: a thin shell over @guideline/language and @guideline/runtime
// (arguments, files, exit codes, terminal rendering). Exit 0 ok, 1 failed tests, 2 invalid input,
// 70 an internal error (a bug of guideline's, never the input's fault).
import { parseArgs } from 'node:util';
import { compileCommand } from './commands/compile.ts';
import { checkCommand } from './commands/check.ts';
import { testCommand } from './commands/test.ts';
import { fmtCommand } from './commands/fmt.ts';
import { replayCommand, replayUsage } from './commands/replay.ts';
import { prepCommand, sqlCommand, sqlUsage } from './commands/sql.ts';
import { UsageError } from './load.ts';
import { printable } from './render.ts';

const usage = `Usage: guideline <command> [options]

Commands:
  compile [paths] [-o file]                 compile guideline files or folders (default: the bundled guidelines/)
  check [paths | --rules rules.json] --case <file|dir>... [--json] [--engine fast|json-rules-engine]
        [--detail full|decision] [--jobs N] evaluate cases (.json, or .jsonl with one case per line) against the
                                            guidelines; --json prints one determination per line; --detail
                                            decision gives decisions, criterion statuses and missing facts
                                            without traces or rationale text (the fast engine's batch form)
  test [paths] [--coverage]                 run the guidelines' test cases (cases/*.json beside each guideline);
                                            --coverage reports the criteria and condition outcomes they reach
                                            and fails when a criterion is reached by no case
  fmt [paths] [--check]                     format guideline files in place; --check only lists those not formatted
${replayUsage}
${sqlUsage}

Exit status: 0 success, 1 failed tests, 2 invalid input (a broken guideline, a malformed case, a file that
cannot be read or is over a limit), 70 an internal error.`;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'replay') return replayCommand(argv.slice(1));
  if (argv[0] === 'sql' || argv[0] === 'prep') return (argv[0] === 'sql' ? sqlCommand : prepCommand)(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      case: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      engine: { type: 'string', default: 'fast' },
      detail: { type: 'string', default: 'full' },
      rules: { type: 'string' },
      jobs: { type: 'string' },
      check: { type: 'boolean', default: false },
      coverage: { type: 'boolean', default: false },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...paths] = positionals;
  if (values.help || !command) {
    process.stdout.write(usage + '\n');
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'compile': return compileCommand(paths, values.output);
    case 'check': return checkCommand(paths, values.case ?? [], { json: values.json, engine: values.engine, detail: values.detail, rulesFile: values.rules, jobs: values.jobs });
    case 'test': return testCommand(paths, { coverage: values.coverage });
    case 'fmt': return fmtCommand(paths, values.check);
    default: throw new UsageError(`unknown command '${command}'\n\n${usage}`);
  }
}

/** A bug in guideline itself: said plainly, without a stack trace unless asked for; exit 70. */
function internalError(e: unknown): void {
  process.stderr.write(`guideline: internal error: ${printable((e as Error)?.message ?? String(e))}\n`);
  if (process.env['GUIDELINE_DEBUG']) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
  process.exitCode = 70;
}

// A reader that stops reading (`guideline check ... | head`) is not an error: stop writing, quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

// Not even an error thrown outside main's promise (in a stream's callback) prints a raw stack trace.
process.on('uncaughtException', (e) => {
  internalError(e);
  process.exit(70);
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`guideline: ${printable((e as Error).message)}\n`);
      process.exitCode = 2;
      return;
    }
    internalError(e);
  },
);
