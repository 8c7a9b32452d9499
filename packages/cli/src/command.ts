// What a command of the `guideline` CLI declares: its name, synopsis, options with their help text,
// and what it runs. main.ts parses arguments against these declarations, prints `--help`, and
// suggests the closest command or option; a new command is one more entry in its list.
import { closest } from '@guideline/language/rules';
import { UsageError } from './paths.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The value's name in help (`file`), for a string option. */
  value?: string;
  description: string;
  /** The values a string option takes; anything else is a usage error with the closest. */
  choices?: readonly string[];
  default?: string | boolean;
}

/** Parsed option values, by option name. */
export type Values = Readonly<Record<string, string | boolean | string[] | undefined>>;

export interface Command {
  name: string;
  /** What follows the name in the usage line: `[paths] [-o file]`. */
  synopsis: string;
  /** One line for the command list. */
  summary: string;
  /** Paragraphs for `guideline <command> --help`. */
  description?: string;
  options: Record<string, OptionSpec>;
  run(positionals: string[], values: Values): number | Promise<number>;
}

/** A string option's value (the last one given). */
export function stringOption(values: Values, name: string): string | undefined {
  const v = values[name];
  return Array.isArray(v) ? v[v.length - 1] : typeof v === 'string' ? v : undefined;
}

export function booleanOption(values: Values, name: string): boolean {
  return values[name] === true;
}

export function listOption(values: Values, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** A usage error naming a word that is not one of `known`, with the closest as a suggestion. */
export function unknownWord(what: string, word: string, known: Iterable<string>, help?: string): UsageError {
  const near = closest(word, known);
  return new UsageError(`unknown ${what} '${word}'${near ? `; did you mean '${near}'?` : ''}`, help);
}

/** Checks a parsed option against its choices. */
export function checkChoices(command: Command, values: Values): void {
  for (const [name, spec] of Object.entries(command.options)) {
    const v = stringOption(values, name);
    if (!spec.choices || v === undefined || spec.choices.includes(v)) continue;
    const near = closest(v, spec.choices);
    throw new UsageError(`--${name} is ${spec.choices.join(' or ')}, not '${v}'${near ? `; did you mean '${near}'?` : ''}`);
  }
}

/** `--help` of one command: usage, description, options. */
export function commandHelp(c: Command): string {
  const rows = Object.entries(c.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` <${o.value ?? 'value'}>` : ''}`;
    const extra = [o.choices ? `one of: ${o.choices.join(', ')}` : '', o.default !== undefined && o.default !== false ? `default: ${String(o.default)}` : '', o.multiple ? 'may be repeated' : ''].filter(Boolean);
    return [flag, o.description + (extra.length ? ` (${extra.join('; ')})` : '')];
  });
  rows.push(['-h, --help', 'this help']);
  const width = Math.max(...rows.map((r) => r[0]!.length));
  const lines = [`Usage: guideline ${c.name} ${c.synopsis}`.trimEnd(), '', c.summary];
  if (c.description) lines.push('', c.description);
  lines.push('', 'Options:', ...rows.map(([f, d]) => `  ${f!.padEnd(width)}  ${d}`));
  return lines.join('\n');
}

/** The general help: every command with its summary. */
export function generalHelp(commands: readonly Command[], exitStatus: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: guideline <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'guideline <command> --help' for a command's options; 'guideline --version' for the version.",
    '',
    exitStatus,
  ].join('\n');
}
