// The SQL path: the prep step (what only code computes, prep.ts) runs over the cases first and
// writes them, with its columns, as JSON Lines; embedded DuckDB reads them with the schema the
// rule set's fields give and runs the compiled query. Replay with --engine sql counts from it.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSet } from '@guideline/language';
import { formatMessage } from '@guideline/language/rules';
import { assertCase, CaseValidationError, compileSql, fieldsOf, prepColumns, prepValues, type Case, type FieldNode, type Refusal } from '@guideline/runtime';
import { readLimits, readLines } from '../read.ts';
import { makeScratch, removeScratch } from '../scratch.ts';
import { caseDocument, lineDocument } from '../batch/decide.ts';
import { withDuckDB } from './duckdb.ts';
import { sqlString } from './table.ts';
import { refusedCase, replayCase, type Counts, type ReplayConfig } from './process.ts';
import type { Problem } from '../batch/segments.ts';
import type { ChangeSink } from '../commands/replay.ts';
import { UsageError } from '../paths.ts';
import { printable, red, renderError } from '../render.ts';

/** A guideline the SQL compiler refused, at the condition it could not express (X402). */
export function renderRefusal(r: Refusal): string {
  const message = formatMessage('X402', { guideline: r.guideline, reason: r.reason });
  return r.source ? renderError(r.source.file, r.source.line, r.source.column, 'X402', message) : `guideline: ${red('error')} X402 ${printable(message)}`;
}

/** A case's row as the query gives it. */
export interface SqlRow {
  row_id: number;
  case_id: string | null;
  decision: string | null;
  guideline: string | null;
  edition: string | null;
  certified_visits: number;
  criteria: string[];
  missing: string[];
}

const quote = (id: string): string => `"${id.replace(/"/g, '""')}"`;

/** A field tree as a DuckDB type: structs of the fields the rule set defines, yes-or-no as JSON (a record is documented). */
function duckType(node: FieldNode): string {
  switch (node.kind) {
    case 'object': return `STRUCT(${Object.entries(node.fields).map(([k, v]) => `${quote(k)} ${duckType(v)}`).join(', ')})`;
    // A list of values is an array the query reads; a list of records only the prep step reads.
    case 'list': return node.of.kind === 'value' ? `${duckType(node.of)}[]` : 'JSON[]';
    case 'value': {
      const t = node.type;
      if (t.kind === 'number') return 'DOUBLE';
      if (t.kind === 'yes-no') return 'JSON';
      if (t.kind === 'list') return t.of.kind === 'number' ? 'DOUBLE[]' : 'VARCHAR[]';
      return 'VARCHAR';
    }
  }
}

/**
 * Runs the prep step over a JSON Lines file: every valid case, by its line number, with its prep
 * columns. A line that is not a valid case is left out and handed to `report` as check and the fast
 * engine name it (`name` is the file as messages show it).
 */
export function prepare(rules: RuleSet[], cases: string, out: string, shown: { name: string; table?: boolean }, report: (problem: Problem) => void): { rows: number; invalid: number } {
  const { name, table } = shown;
  const fd = openSync(out, 'w');
  const names = rules.map((r) => prepColumns(r).map((c) => c.name));
  let buffer = '';
  let rows = 0;
  let invalid = 0;
  try {
    for (const line of readLines(cases, readLimits.caseBytes)) {
      const problem = lineDocument(line, name, (text): Problem | undefined => {
        const d = caseDocument(text, name, line.number);
        if ('err' in d) return d;
        let c: Case;
        try {
          c = assertCase(d.input, rules[0]);
        } catch (e) {
          if (!(e instanceof CaseValidationError)) throw e;
          return refusedCase(name, line.number, e.issues, d.doc, table);
        }
        // The case as it was read, then each rule set's prep columns. Written anew, not as its
        // line: the line may be wrapped as a test case or begin with a byte-order mark.
        let row = `{"row_id":${line.number},"case":${JSON.stringify(d.input)}`;
        rules.forEach((r, i) => prepValues(r, c).forEach((v, k) => (row += `,"r${i}_${names[i]![k]}":${JSON.stringify(v)}`)));
        buffer += row + '}\n';
        rows++;
        return undefined;
      });
      if (problem && 'err' in problem) {
        invalid++;
        report(problem);
      }
      if (buffer.length > 1 << 16) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
  return { rows, invalid };
}

/** The view `cases` over a prepared file, for rule set `i`: row_id, the case's fields, its prep columns. */
export async function casesView(con: import('@duckdb/node-api').DuckDBConnection, rules: RuleSet[], prepared: string, i: number, name = 'cases'): Promise<void> {
  const columns: Record<string, string> = { row_id: 'BIGINT', case: duckType(fieldsOf(rules[0])) };
  for (const [k, r] of rules.entries()) for (const c of compileSql(r).prep) columns[`r${k}_${c.name}`] = c.type;
  const spec = `{${Object.entries(columns).map(([k, t]) => `${sqlString(k)}: ${sqlString(t)}`).join(', ')}}`;
  const prep = compileSql(rules[i]!).prep.map((c) => `${quote(`r${i}_${c.name}`)} AS ${quote(c.name)}`);
  await con.run(`CREATE OR REPLACE VIEW ${quote(name)} AS SELECT row_id, ${prep.join(', ')}, unnest("case") FROM read_json(${sqlString(prepared)}, format = 'newline_delimited', columns = ${spec})`);
}

/** Writes the relation `cases` over a prepared file as Parquet: what guideline prep gives (docs/scale.md). */
export async function writePrepared(con: import('@duckdb/node-api').DuckDBConnection, rules: RuleSet, prepared: string, out: string): Promise<void> {
  await casesView(con, [rules], prepared, 0, 'cases');
  await con.run(`COPY (SELECT * FROM cases) TO ${sqlString(out)} (FORMAT parquet)`);
}

/**
 * Every prepared case decided by a rule set's query, in row order: over the view replay reads, or,
 * given `parquet`, over that file written as guideline prep writes it and read as docs/scale.md
 * reads it by hand (DuckDB plans the two differently).
 */
export async function runSql(rules: RuleSet, prepared: string, parquet?: string): Promise<SqlRow[]> {
  return withDuckDB(async (con) => {
    const compiled = compileSql(rules);
    if (parquet) {
      await writePrepared(con, rules, prepared, parquet);
      await con.run(`CREATE OR REPLACE VIEW cases AS SELECT * FROM read_parquet(${sqlString(parquet)})`);
    } else await casesView(con, [rules], prepared, 0);
    const r = await con.runAndReadAll(`SELECT * FROM (${compiled.sql}) ORDER BY row_id`);
    return r.getRowObjectsJson() as unknown as SqlRow[];
  });
}

/**
 * Replay with the SQL engine: each rule set's query decides every prepared case and the counts are
 * read from SQL; the cases whose answers differ are then explained by the runtime (the numbers
 * that moved each criterion), which the differential test holds to the same answers. `given` names
 * each rule set as the command line gave it (`--after next/`), for a refusal to say which.
 */
export async function sqlReplay(config: ReplayConfig, given: readonly string[], cases: string, name: string, counts: Counts, changed: ChangeSink, report: (problem: Problem) => void): Promise<void> {
  const sets = config.after ? [config.before, config.after] : [config.before];
  const compiled = sets.map((r) => compileSql(r));
  for (const [i, c] of compiled.entries()) if (c.refused.length) throw new UsageError(`--engine sql: ${given[i]} is not all compiled to SQL (--engine fast decides it)`, c.refused.map(renderRefusal).join('\n'));
  const dir = makeScratch('guideline-sql-');
  try {
    const prepared = join(dir, 'prepared.jsonl');
    prepare(sets, cases, prepared, { name, table: config.table }, report);
    const differing = await withDuckDB(async (con) => {
      for (const [i, c] of compiled.entries()) {
        await casesView(con, sets, prepared, i, 'cases');
        await con.run(`CREATE TABLE r${i} AS ${c.sql}`);
      }
      const sides = ['before', 'after'];
      for (const i of sets.keys()) {
        const r = await con.runAndReadAll(`SELECT case_jurisdiction AS j, COALESCE(guideline || COALESCE('@' || edition, ''), '(none)') AS g, decision AS d, count(*) AS n FROM r${i} JOIN (SELECT row_id, upper(jurisdiction) AS case_jurisdiction FROM cases) USING (row_id) GROUP BY ALL`);
        for (const x of r.getRowObjectsJson()) counts[`decision\t${sides[i]}\t${x['j']}\t${x['g']}\t${x['d']}`] = Number(x['n']);
      }
      if (sets.length < 2) return new Set<number>();
      const r = await con.runAndReadAll(`SELECT row_id FROM r0 JOIN r1 USING (row_id) WHERE r0.decision IS DISTINCT FROM r1.decision OR r0.guideline IS DISTINCT FROM r1.guideline OR r0.certified_visits <> r1.certified_visits OR r0.criteria <> r1.criteria ORDER BY row_id`);
      return new Set(r.getRowObjectsJson().map((x) => Number(x['row_id'])));
    });
    if (!differing.size) return;
    // The changed cases, explained: read back from the prepared file in row order.
    for (const line of readLines(prepared, Number.MAX_SAFE_INTEGER)) {
      if (!line.bytes?.length) continue;
      const row = JSON.parse(line.bytes.toString('utf8')) as { row_id: number; case: unknown };
      if (!differing.has(row.row_id)) continue;
      const result = { counts: {} as Counts, changed: [] as string[], errors: [] };
      replayCase(config, row.case, row.row_id, result);
      for (const [k, n] of Object.entries(result.counts)) if (!k.startsWith('decision\t')) counts[k] = (counts[k] ?? 0) + n;
      for (const x of result.changed) changed.add(x);
    }
  } finally {
    removeScratch(dir);
  }
}
