// `guideline sql` prints a rule set compiled to one SQL query (DuckDB, Spark SQL or Trino);
// `guideline prep` runs the step that query needs first over a table of cases and writes the
// relation `cases` it reads: row_id, the case's fields, the prep columns (docs/scale.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileSql } from '@guideline/runtime';
import { UsageError } from '../paths.ts';
import { writeText } from '../read.ts';
import { printable } from '../render.ts';
import { ruleSet } from './check.ts';
import { casesView, prepare } from '../replay/sql-engine.ts';
import { sqlString, tableToJsonLines } from '../replay/table.ts';
import { withDuckDB } from '../replay/duckdb.ts';

export const sqlUsage = `  sql [paths | --rules r.json] [--dialect duckdb|spark|trino] [-o file]
                                            the rule set as one SQL query over a relation \`cases\`
  prep --cases <file> [--map map.json] [paths | --rules r.json] -o <file.parquet>
                                            the relation that query reads: docs/scale.md`;

const options = { rules: { type: 'string' }, dialect: { type: 'string', default: 'duckdb' }, output: { type: 'string', short: 'o' }, cases: { type: 'string' }, map: { type: 'string' } } as const;

export async function sqlCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  const dialect = values.dialect;
  if (dialect !== 'duckdb' && dialect !== 'spark' && dialect !== 'trino') throw new UsageError(`--dialect is duckdb, spark or trino, not '${dialect}'`);
  const rules = ruleSet(positionals, values.rules);
  if (!rules) return 2;
  const compiled = compileSql(rules, dialect);
  for (const r of compiled.refused) process.stderr.write(`guideline: ${printable(r.guideline)} is not compiled to SQL: ${printable(r.reason)}\n`);
  const text = `-- guideline rule set as ${dialect} SQL over a relation \`cases\` (guideline prep writes it); docs/scale.md\n${compiled.sql};\n`;
  if (values.output) writeText(values.output, text);
  else process.stdout.write(text);
  return compiled.refused.length ? 2 : 0;
}

export async function prepCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
  if (!values.cases) throw new UsageError('prep needs --cases <file> (.jsonl, .csv or .parquet)');
  if (!values.output?.endsWith('.parquet')) throw new UsageError('prep needs -o <file.parquet>');
  const rules = ruleSet(positionals, values.rules);
  if (!rules) return 2;
  const dir = mkdtempSync(join(tmpdir(), 'guideline-prep-'));
  try {
    let cases = values.cases;
    if (!/\.jsonl$/i.test(cases)) {
      cases = join(dir, 'cases.jsonl');
      await tableToJsonLines(values.cases, values.map, rules, cases);
    }
    const prepared = join(dir, 'prepared.jsonl');
    const { rows, invalid } = prepare([rules], cases, prepared);
    await withDuckDB(async (con) => {
      await casesView(con, [rules], prepared, 0, 'cases');
      await con.run(`COPY (SELECT * FROM cases) TO ${sqlString(values.output!)} (FORMAT parquet)`);
    });
    process.stderr.write(`${rows.toLocaleString('en-US')} cases prepared to ${printable(values.output)}${invalid ? `; ${invalid.toLocaleString('en-US')} invalid left out (guideline check names their problems)` : ''}\n`);
    return invalid ? 2 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
