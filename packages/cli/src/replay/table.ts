// Cases from the tables people keep (CSV, Parquet), read by embedded DuckDB: a column mapping
// names the case field each column fills (`request.treatment`, `diagnoses[0].icd10`); DuckDB builds
// each row's case as JSON and writes them as JSON Lines, which replay then decides like any batch.
import { readFileSync } from 'node:fs';
import type { RuleSet } from '@guideline/language';
import { closestKey, fieldsOf, type FieldNode } from '@guideline/runtime';
import { display, UsageError } from '../paths.ts';
import { withDuckDB } from './duckdb.ts';

/** A mapping from case fields (dotted paths, `[n]` for a list's item n) to the table's columns. */
export type ColumnMapping = Record<string, string>;

/** A problem of a mapping: which key of the mapping file, and why. */
export class MappingError extends UsageError {}

const quote = (id: string): string => `"${id.replace(/"/g, '""')}"`;
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The DuckDB table function that reads a file, by its extension. */
export function tableSource(path: string): string {
  if (/\.parquet$/i.test(path)) return `read_parquet(${sqlString(path)})`;
  if (/\.csv$/i.test(path)) return `read_csv(${sqlString(path)}, header = true, auto_detect = true)`;
  if (/\.jsonl?$/i.test(path)) return `read_json(${sqlString(path)}, format = 'newline_delimited')`;
  throw new UsageError(`${display(path)}: cases are read from .jsonl, .csv or .parquet files`);
}

interface Tree {
  kind: 'object' | 'list' | 'value';
  column?: string;
  fields: Map<string, Tree>;
  items: Map<number, Tree>;
}

const tree = (): Tree => ({ kind: 'object', fields: new Map(), items: new Map() });

/** Reads and checks a mapping file: every key a field of the case, every value a column of the table. */
export function readMapping(path: string): ColumnMapping {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new MappingError(`${path}: not a JSON object of case field to column (${(e as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new MappingError(`${path}: not a JSON object of case field to column`);
  for (const [k, v] of Object.entries(value)) if (typeof v !== 'string') throw new MappingError(`${path}: "${k}": the column must be a text, the name of a column`);
  return value as ColumnMapping;
}

/**
 * The mapping as a tree over the case's fields, each step checked against the fields the rule
 * set's cases may have; `where` names the mapping (a file) in errors.
 */
export function mappingTree(mapping: ColumnMapping, columns: readonly string[], rules: RuleSet, where: string): Tree {
  const root = tree();
  for (const [field, column] of Object.entries(mapping)) {
    if (!columns.includes(column)) {
      const near = closestKey(column, columns);
      throw new MappingError(`${where}: "${field}": the table has no column '${column}'${near ? `; did you mean '${near}'?` : `: its columns are ${columns.join(', ')}`}`);
    }
    let node: FieldNode = fieldsOf(rules);
    let at = root;
    const steps = field.split('.');
    for (let i = 0; i < steps.length; i++) {
      const m = /^([^[\]]+)(?:\[(\d{1,2})\])?$/.exec(steps[i]!);
      const fields = node.kind === 'object' ? node.fields : node.kind === 'value' ? node.fields : undefined;
      const name = m?.[1];
      const child = name && fields && Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (!m || !child) {
        const near = name && fields ? closestKey(name, Object.keys(fields)) : undefined;
        throw new MappingError(`${where}: "${field}" is not a field of the case${near ? `; did you mean ${[...steps.slice(0, i), near].join('.')}?` : ''}`);
      }
      let next = at.fields.get(name!) ?? tree();
      at.fields.set(name!, next);
      node = child;
      if (m[2] !== undefined) {
        if (child.kind !== 'list') throw new MappingError(`${where}: "${field}": ${steps.slice(0, i + 1).join('.').replace(/\[\d+\]$/, '')} is not a list`);
        next.kind = 'list';
        const item = next.items.get(Number(m[2])) ?? tree();
        next.items.set(Number(m[2]), item);
        next = item;
        node = child.of;
      }
      at = next;
    }
    if (at.fields.size || at.items.size) throw new MappingError(`${where}: "${field}" has fields of its own mapped too`);
    at.kind = 'value';
    at.column = column;
  }
  return root;
}

/** The columns a mapped part reads. */
function columnsOf(t: Tree): string[] {
  if (t.kind === 'value') return [t.column!];
  return [...t.fields.values(), ...t.items.values()].flatMap(columnsOf);
}

/** The SQL expression that builds a mapped object (or list, or value) from a row's columns. */
function expression(t: Tree): string {
  if (t.kind === 'value') return quote(t.column!);
  if (t.kind === 'list') {
    // An item whose columns are all NULL is no item: a row with one diagnosis leaves dx2 empty.
    const items = [...t.items.keys()].sort((a, b) => a - b).map((i) => {
      const item = t.items.get(i)!;
      return `CASE WHEN ${columnsOf(item).map((c) => `${quote(c)} IS NULL`).join(' AND ')} THEN NULL ELSE ${expression(item)} END`;
    });
    return `list_filter([${items.join(', ')}], x -> x IS NOT NULL)`;
  }
  const fields = [...t.fields].map(([k, v]) => `${quote(k)} := ${expression(v)}`);
  return `struct_pack(${fields.join(', ')})`;
}

/** The identity mapping: every column named as a case field fills that field. */
export function identityMapping(columns: readonly string[]): ColumnMapping {
  return Object.fromEntries(columns.map((c) => [c, c]));
}

/** A query whose rows are the cases, a column for each top-level field. */
export function casesQuery(source: string, t: Tree): string {
  return `SELECT ${[...t.fields].map(([k, v]) => `${expression(v)} AS ${quote(k)}`).join(', ')} FROM ${source}`;
}

/** Writes a table's cases as JSON Lines (DuckDB's COPY, in the table's row order). */
export async function tableToJsonLines(path: string, mappingFile: string | undefined, rules: RuleSet, out: string): Promise<void> {
  await withDuckDB(async (con) => {
    const source = tableSource(path);
    const described = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const columns = described.getRowObjects().map((r) => String(r['column_name']));
    const mapping = mappingFile ? readMapping(mappingFile) : identityMapping(columns);
    const t = mappingTree(mapping, columns, rules, mappingFile ?? `${path} (columns named as case fields; give --map to name others)`);
    await con.run(`COPY (${casesQuery(source, t)}) TO ${sqlString(out)} (FORMAT json)`);
  });
}
