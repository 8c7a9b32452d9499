#!/usr/bin/env node
// The `guideline` command: a thin shell over @guideline/language and @guideline/runtime
// (arguments, files, exit codes, terminal rendering). Exit 0 ok, 1 failed tests, 2 invalid input,
// 70 an internal error (a bug of guideline's, never the input's fault).
import { parseArgs } from 'node:util';
import { checkChoices, commandHelp, generalHelp, unknownWord, type Command, type Values } from './command.ts';
import { compile } from './commands/compile.ts';
import { check } from './commands/check.ts';
import { test } from './commands/test.ts';
import { fmt } from './commands/fmt.ts';
import { serve } from './commands/serve.ts';
import { replay } from './commands/replay.ts';
import { prep, sql } from './commands/sql.ts';
import { analyze, diff } from './commands/analyze.ts';
import { UsageError } from './paths.ts';
import { printable } from './render.ts';
import cliPackage from '../package.json' with { type: 'json' };

/** Every command, in the order the help lists them. */
const commands: readonly Command[] = [compile, check, test, fmt, analyze, diff, serve, replay, sql, prep];

const exitStatus = `Exit status: 0 success, 1 failed tests, 2 invalid input (a broken guideline, a malformed case, a file that
cannot be read or is over a limit, output that cannot be written, a mistake in the command line), 70 an internal error.`;

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(generalHelp(commands, exitStatus) + '\n');
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const named = rest[0] === undefined ? undefined : commandNamed(rest[0]);
    process.stdout.write((named ? commandHelp(named) : generalHelp(commands, exitStatus)) + '\n');
    return 0;
  }
  if (first === '--version' || first === '-V') {
    process.stdout.write(`guideline ${cliPackage.version}\n`);
    return 0;
  }
  if (first.startsWith('-')) throw new UsageError(`give a command before options: guideline <command> ${first} ...`);
  const command = commandNamed(first);
  const { values, positionals } = parseCommandLine(command, rest);
  if (values['help'] === true) {
    process.stdout.write(commandHelp(command) + '\n');
    return 0;
  }
  checkChoices(command, values);
  return command.run(positionals, values);
}

function commandNamed(name: string): Command {
  const c = commands.find((x) => x.name === name);
  if (!c) throw unknownWord('command', name, commands.map((x) => x.name), `\n${generalHelp(commands, exitStatus)}`);
  return c;
}

/** The command's options and positionals; an unknown option is named with the closest known one. */
function parseCommandLine(command: Command, args: string[]): { values: Values; positionals: string[] } {
  const options = { ...command.options, help: { type: 'boolean' as const, short: 'h' } };
  try {
    const parsed = parseArgs({ args, allowPositionals: true, strict: true, options, tokens: true });
    // An empty value (`--host "$HOST"` with HOST unset) is none: read as a path it would be the
    // current folder, as -o standard output, as --host every interface of the machine.
    // (The tokens' type, worked out from each command's options, is too wide for TypeScript to narrow.)
    for (const t of parsed.tokens as { kind: string; rawName?: string; value?: string }[]) if (t.kind === 'option' && t.value === '') throw new UsageError(`${t.rawName} needs a value, not an empty one`);
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as { code?: string }).code;
    const message = (e as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'(-[^']*)'/.exec(message)?.[1] ?? '';
      const long = Object.keys(options).map((o) => `--${o}`);
      throw unknownWord(`option for '${command.name}'`, flag.replace(/=.*/, ''), long, `Run 'guideline ${command.name} --help' for its options.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /'(--?[\w-]+)/.exec(message)?.[1] ?? 'an option';
      // A negative number after it (`--jobs -1`): parseArgs takes it for an option.
      const next = args[args.indexOf(flag) + 1];
      if (args.includes(flag) && next !== undefined && /^-\d/.test(next)) throw new UsageError(`${flag} needs a value: '${next}' is read as an option; give it as ${flag}=${next}`);
      throw new UsageError(`${flag} needs a value${options[flag.replace(/^-+/, '') as keyof typeof options]?.type === 'boolean' ? '' : ` (guideline ${command.name} ${flag} <value>)`}`);
    }
    throw e;
  }
}

/** A bug in guideline itself: said plainly, without a stack trace unless asked for; exit 70. */
function internalError(e: unknown): void {
  process.stderr.write(`guideline: internal error: ${printable((e as Error)?.message ?? String(e))}\n`);
  if (process.env['GUIDELINE_DEBUG']) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
  process.exitCode = 70;
}

// A reader that stops reading (`guideline check ... | head`) is not an error: stop writing, quietly.
// Output that cannot be written (a full disk, a device that fails) is said so, as an unwritable -o is.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`guideline: the output cannot be written: ${printable(e.message)}\n`);
  process.exit(2);
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
      // The message may quote the user's words, so it is escaped; the help after it is our own text.
      const help = e instanceof UsageError ? e.help : undefined;
      process.stderr.write(`guideline: ${printable((e as Error).message)}\n${help ? `${help}\n` : ''}`);
      process.exitCode = 2;
      return;
    }
    internalError(e);
  },
);
