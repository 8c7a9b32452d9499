// `guideline sql` prints a rule set compiled to one SQL query (DuckDB, Spark SQL or Trino);
// `guideline prep` runs the step that query needs first over a table of cases and writes the
// relation `cases` it reads: row_id, the case's fields, the prep columns (docs/scale.md).
import { join } from 'node:path';
import { compileSql } from '@guideline/runtime';
import { stringOption, type Command } from '../command.ts';
import { display, UsageError } from '../paths.ts';
import { writeText } from '../read.ts';
import { makeScratch, removeScratch } from '../scratch.ts';
import { printable } from '../render.ts';
import { ruleSet } from './check.ts';
import { prepare, renderRefusal, writePrepared } from '../replay/sql-engine.ts';
import { tableToJsonLines } from '../replay/table.ts';
import { withDuckDB } from '../replay/duckdb.ts';

interface SqlOptions {
  rules: string | undefined;
  dialect: string;
  output: string | undefined;
}

export async function sqlCommand(positionals: string[], values: SqlOptions): Promise<number> {
  const dialect = values.dialect;
  if (dialect !== 'duckdb' && dialect !== 'spark' && dialect !== 'trino') throw new UsageError(`--dialect is duckdb, spark or trino, not '${dialect}'`);
  const rules = await ruleSet(positionals, values.rules);
  if (!rules) return 2;
  const compiled = compileSql(rules, dialect);
  for (const r of compiled.refused) process.stderr.write(renderRefusal(r) + '\n');
  const text = `-- guideline rule set as ${dialect} SQL over a relation \`cases\` (guideline prep writes it); docs/scale.md\n${compiled.sql};\n`;
  if (values.output) writeText(values.output, text);
  else process.stdout.write(text);
  return compiled.refused.length ? 2 : 0;
}

interface PrepOptions {
  rules: string | undefined;
  cases: string | undefined;
  map: string | undefined;
  output: string | undefined;
}

export async function prepCommand(positionals: string[], values: PrepOptions): Promise<number> {
  if (!values.cases) throw new UsageError('prep needs --cases <file> (.jsonl, .csv or .parquet)', "Run 'guideline prep --help' for its options.");
  if (!values.output?.endsWith('.parquet')) throw new UsageError('prep needs -o <file.parquet>', "Run 'guideline prep --help' for its options.");
  const rules = await ruleSet(positionals, values.rules);
  if (!rules) return 2;
  const dir = makeScratch('guideline-prep-');
  try {
    let cases = values.cases;
    if (!/\.jsonl$/i.test(cases)) {
      cases = join(dir, 'cases.jsonl');
      await tableToJsonLines(values.cases, values.map, rules, cases);
    }
    const prepared = join(dir, 'prepared.jsonl');
    const { rows, invalid } = prepare([rules], cases, prepared, { name: display(values.cases), table: cases !== values.cases }, (p) => process.stderr.write(p.err + '\n'));
    await withDuckDB((con) => writePrepared(con, rules, prepared, values.output!));
    process.stderr.write(`${rows.toLocaleString('en-US')} cases prepared to ${printable(values.output)}${invalid ? `; ${invalid.toLocaleString('en-US')} invalid left out (named above)` : ''}\n`);
    return invalid ? 2 : 0;
  } finally {
    removeScratch(dir);
  }
}

export const sql: Command = {
  name: 'sql',
  synopsis: '[paths | --rules rules.json] [--dialect duckdb|spark|trino] [-o file]',
  summary: 'print the rule set as one SQL query over a relation `cases` (guideline prep writes it)',
  description: [
    'Each case of the relation gets its decision, governing guideline and edition, criterion statuses,',
    'certified visits and missing fields, three-valued as the runtime decides them (NULL is unknown).',
    'A guideline the compiler cannot express is named with the reason and left out (exit 2), never',
    'decided wrongly. Paths are relative to the current folder. See docs/scale.md.',
  ].join('\n'),
  options: {
    rules: { type: 'string', value: 'rules.json', description: 'a compiled rule set (guideline compile -o), validated on load' },
    dialect: { type: 'string', default: 'duckdb', choices: ['duckdb', 'spark', 'trino'], description: 'the SQL dialect' },
    output: { type: 'string', short: 'o', value: 'file', description: 'write the query here instead of stdout' },
  },
  run: (paths, values) => sqlCommand(paths, { rules: stringOption(values, 'rules'), dialect: stringOption(values, 'dialect') ?? 'duckdb', output: stringOption(values, 'output') }),
};

export const prep: Command = {
  name: 'prep',
  synopsis: '--cases <file> [--map map.json] [paths | --rules rules.json] -o <file.parquet>',
  summary: 'write the relation `cases` the SQL query reads: the cases with what only code computes',
  description: [
    'Reads the cases (.jsonl, .csv or .parquet, with --map for a table\'s own column names), computes once',
    'per case what SQL cannot (the request text\'s numbers, the body region, the classes each diagnosis',
    'falls in), and writes row_id, the case\'s fields and those columns as Parquet. Invalid cases are',
    'left out and counted (exit 2). Paths are relative to the current folder. See docs/scale.md.',
  ].join('\n'),
  options: {
    cases: { type: 'string', value: 'file', description: 'the cases: .jsonl, .csv or .parquet' },
    map: { type: 'string', value: 'map.json', description: 'a table\'s columns as case fields: { "<case field>": "<column>" }' },
    rules: { type: 'string', value: 'rules.json', description: 'a compiled rule set instead of guideline sources' },
    output: { type: 'string', short: 'o', value: 'file.parquet', description: 'the Parquet file to write' },
  },
  run: (paths, values) => prepCommand(paths, { rules: stringOption(values, 'rules'), cases: stringOption(values, 'cases'), map: stringOption(values, 'map'), output: stringOption(values, 'output') }),
};
