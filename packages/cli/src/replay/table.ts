// Cases from the tables people keep (CSV, Parquet), read by embedded DuckDB: a column mapping
// names the case field each column fills (`request.treatment`, `diagnoses[0].icd10`); DuckDB builds
// each row's case as JSON and writes them as JSON Lines, which replay then decides like any batch.
import { closeSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RuleSet } from '@guideline/language';
import { closestKey, fieldsOf, type FieldNode } from '@guideline/runtime';
import { parseJson } from '../json.ts';
import { display, UsageError } from '../paths.ts';
import { decodeUtf8, openRegular, readLimits, readLines, readText } from '../read.ts';
import { makeScratch, removeScratch } from '../scratch.ts';
import { duckdbReason, withDuckDB } from './duckdb.ts';

/** A mapping from case fields (dotted paths, `[n]` for a list's item n) to the table's columns. */
export type ColumnMapping = Record<string, string>;

/** A problem of a mapping: which key of the mapping file, and why. */
export class MappingError extends UsageError {}

const quote = (id: string): string => `"${id.replace(/"/g, '""')}"`;
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

type TableFormat = 'parquet' | 'csv' | 'json';

/** How a file of cases is read, by its extension. */
export function tableFormat(path: string): TableFormat {
  if (/\.parquet$/i.test(path)) return 'parquet';
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.jsonl?$/i.test(path)) return 'json';
  throw new UsageError(`${display(path)}: cases are read from .jsonl, .csv or .parquet files`);
}

/**
 * The DuckDB table function that reads a file. A CSV file is read with the columns of its header
 * (csvHeader), every one as text, in the one dialect of RFC 4180 and strictly: DuckDB's sniffer
 * would otherwise guess each column's type from some rows (one "twelve" makes a column of numbers
 * text, 03/04/2014 is a day or a month by the other rows), and it gives up on a file with a short
 * row, taking the whole header for one column name.
 */
export function tableSource(format: TableFormat, path: string, csvColumns?: readonly string[]): string {
  if (format === 'parquet') return `read_parquet(${sqlString(path)})`;
  if (format === 'json') return `read_json(${sqlString(path)}, format = 'newline_delimited')`;
  const columns = (csvColumns ?? []).map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
  return `read_csv(${sqlString(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', strict_mode = true, columns = {${columns}})`;
}

/**
 * A CSV file's column names: its first record, as RFC 4180 writes it (a quoted name may hold
 * commas, doubled quotes, line breaks). An empty name is `column<i>` (from 0), as DuckDB names it;
 * two columns of one name (DuckDB tells names apart regardless of case) are refused.
 */
export function csvHeader(path: string): string[] {
  let text = '';
  for (const line of readLines(path, readLimits.caseBytes)) {
    if (line.tooLong !== undefined || text.length > readLimits.caseBytes) throw new UsageError(`${display(path)}: the header (line 1) is more than ${readLimits.caseBytes} bytes long`);
    const decoded = decodeUtf8(line.bytes);
    if ('badByte' in decoded) throw new UsageError(`${display(path)}: line ${line.number}, column ${decoded.badByte} is not UTF-8 text: save the table as UTF-8`);
    text += (line.number > 1 ? '\n' : '') + decoded.text;
    if (line.number === 1 && !text.trim()) break;
    const names = csvRecord(text);
    if (!names) continue; // a quoted name goes on to the next line
    const columns = names.map((n, i) => n || `column${i}`);
    if (columns.length === 1 && /[;\t|]/.test(columns[0]!)) throw new UsageError(`${display(path)}: line 1 has no comma: a CSV table is read with commas between its columns`);
    const seen = new Map<string, number>();
    columns.forEach((c, i) => {
      const first = seen.get(c.toLowerCase());
      if (first !== undefined) throw new UsageError(`${display(path)}: columns ${first + 1} and ${i + 1} of the header are both named '${c}'${columns[first] === c ? '' : ' (names are told apart regardless of case)'}: a mapping could not tell them apart`);
      seen.set(c.toLowerCase(), i);
    });
    return columns;
  }
  throw new UsageError(`${display(path)}: ${text.trim() ? 'the header has a quote (") that is never closed' : 'no header: a CSV table starts with a line naming its columns (line 1 is empty)'}`);
}

/** The cells of one CSV record, or undefined while a quoted cell is still open. */
function csvRecord(text: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] !== '"') quoted = false;
      else {
        cell += '"';
        i++;
      }
    } else if (c === '"') quoted = true;
    else if (c !== ',') cell += c;
    else {
      cells.push(cell);
      cell = '';
    }
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}

interface Tree {
  kind: 'object' | 'list' | 'value';
  column?: string;
  /** For a value: the key of the mapping that names it, and the field of the case it fills. */
  key?: string;
  field?: FieldNode;
  fields: Map<string, Tree>;
  items: Map<number, Tree>;
}

const tree = (): Tree => ({ kind: 'object', fields: new Map(), items: new Map() });

/** Reads and checks a mapping file: a JSON object, each value the name of a column. */
export function readMapping(path: string): ColumnMapping {
  // readText refuses a folder or a FIFO (which readFileSync would wait on for ever).
  const text = readText(path, readLimits.caseBytes);
  // parseJson: a key mapped twice would otherwise take its last column without a word.
  const parsed = parseJson(text);
  if (parsed.error) {
    const e = parsed.error;
    throw new MappingError(`${path}${e.line ? `:${e.line}:${e.column}` : ''}: ${e.message}; a mapping is a JSON object of case field to column`);
  }
  const value = parsed.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new MappingError(`${path}: not a JSON object of case field to column`);
  for (const [k, v] of Object.entries(value)) if (typeof v !== 'string') throw new MappingError(`${path}: "${k}": the column must be a text, the name of a column`);
  return value as ColumnMapping;
}

/** A mapped field and one of its own fields both mapped: the same words whichever comes first in the file. */
const nested = (where: string, parent: string, child: string): MappingError =>
  new MappingError(`${where}: "${parent}" is mapped to a column, and so is its field "${child}": map the one or the other`);

/** The key of some value mapped under a part of the tree. */
function someKey(t: Tree): string | undefined {
  if (t.kind === 'value') return t.key;
  for (const c of [...t.fields.values(), ...t.items.values()]) {
    const k = someKey(c);
    if (k) return k;
  }
  return undefined;
}

/**
 * The mapping as a tree over the case's fields, each step checked against the fields the rule
 * set's cases may have; `where` names the mapping (a file) in errors.
 */
export function mappingTree(mapping: ColumnMapping, columns: readonly string[], rules: RuleSet, where: string): Tree {
  if (!Object.keys(mapping).length) throw new MappingError(`${where}: maps no column: give at least one "<case field>": "<column>"`);
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
      if (m[2] !== undefined && child.kind !== 'list') throw new MappingError(`${where}: "${field}": ${steps.slice(0, i + 1).join('.').replace(/\[\d+\]$/, '')} is not a list`);
      let next = at.fields.get(name!) ?? tree();
      const last = i === steps.length - 1;
      // A field already mapped whole, and now one of its own: it would be one or the other.
      if (next.kind === 'value' && !(last && m[2] === undefined)) throw nested(where, next.key!, field);
      at.fields.set(name!, next);
      node = child;
      if (m[2] !== undefined && child.kind === 'list') {
        next.kind = 'list';
        const item = next.items.get(Number(m[2])) ?? tree();
        if (item.kind === 'value' && !last) throw nested(where, item.key!, field);
        next.items.set(Number(m[2]), item);
        next = item;
        node = child.of;
      }
      at = next;
    }
    if (at.kind === 'value') throw new MappingError(`${where}: "${at.key}" and "${field}" are the same field: map it once`);
    const own = someKey(at);
    if (own) throw nested(where, field, own);
    at.kind = 'value';
    at.column = column;
    at.key = field;
    at.field = node;
  }
  return root;
}

/**
 * A column of instants (TIMESTAMP WITH TIME ZONE) is refused: the day one falls on depends on a
 * time zone, and DuckDB would take the machine's, so that one table gave two decisions on two
 * machines. A DATE, or a TIMESTAMP as recorded (its day as written), says the day itself.
 */
function refuseZoned(t: Tree, types: ReadonlyMap<string, string>, where: string): void {
  if (t.kind === 'value') {
    if (/^TIMESTAMP WITH TIME ZONE\b/.test(types.get(t.column!) ?? '')) {
      throw new MappingError(`${where}: "${t.key}": column '${t.column}' holds instants (TIMESTAMP WITH TIME ZONE), whose day depends on a time zone: give it as a DATE, or a TIMESTAMP of the day as recorded`);
    }
    return;
  }
  for (const c of [...t.fields.values(), ...t.items.values()]) refuseZoned(c, types, where);
}

/** The columns a mapped part reads. */
function columnsOf(t: Tree): string[] {
  if (t.kind === 'value') return [t.column!];
  return [...t.fields.values(), ...t.items.values()].flatMap(columnsOf);
}

/** A JSON number, as a cell of text must be written to fill a number field. */
const jsonNumber = '-?(0|[1-9][0-9]*)([.][0-9]+)?([eE][+-]?[0-9]+)?';
const numberOrBoolean = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL|BOOLEAN)\b/;

/**
 * A column's value as its field's type, from the column's type (every column of a CSV is text).
 * Text in a number field is a number when it is written as JSON writes one, and true or false
 * (in any case) in a yes-or-no field is that; any other text stays text, so that the case check
 * names the row's field and what it holds. A number (a claim id) in a field of text becomes text,
 * and a date or timestamp an ISO date. NULL (an empty cell) stays NULL: unknown.
 */
function valueExpression(t: Tree, types: ReadonlyMap<string, string>): string {
  const c = quote(t.column!);
  const type = types.get(t.column!) ?? 'VARCHAR';
  if (t.field?.kind !== 'value') return c; // an object or a list mapped whole (a STRUCT or LIST column): as it is
  if (/^(DATE|TIMESTAMP)\b/.test(type)) return `CAST(CAST(${c} AS DATE) AS VARCHAR)`;
  const text = type === 'VARCHAR';
  switch (t.field.type.kind) {
    case 'number':
      if (text) return `CASE WHEN regexp_full_match(${c}, '${jsonNumber}') THEN CAST(${c} AS JSON) ELSE to_json(${c}) END`;
      // NaN and the infinities are no JSON number: as text ("nan", "inf"), which the case check names.
      return /^(FLOAT|DOUBLE)\b/.test(type) ? `CASE WHEN isfinite(${c}) THEN to_json(${c}) ELSE to_json(CAST(${c} AS VARCHAR)) END` : c;
    case 'yes-no':
      return text ? `CASE WHEN lower(${c}) IN ('true', 'false') THEN to_json(lower(${c}) = 'true') ELSE to_json(${c}) END` : c;
    default:
      return numberOrBoolean.test(type) ? `CAST(${c} AS VARCHAR)` : c;
  }
}

/** JavaScript's `\s` in RE2's words: the spaces that make a text blank (fields.ts). */
const blankText = '[\\s\\pZ\\x0B\\x{FEFF}]*';

/** Whether a column's cell gives nothing: NULL, or (a text column) a blank text. */
function emptyCell(column: string, types: ReadonlyMap<string, string>): string {
  const c = quote(column);
  return (types.get(column) ?? 'VARCHAR') === 'VARCHAR' ? `(${c} IS NULL OR regexp_full_match(${c}, '${blankText}'))` : `${c} IS NULL`;
}

/** The SQL expression that builds a mapped object (or list, or value) from a row's columns of these types. */
function expression(t: Tree, types: ReadonlyMap<string, string>): string {
  if (t.kind === 'value') return valueExpression(t, types);
  if (t.kind === 'list') {
    // An item whose columns are all NULL (or blank text, as a cell of spaces is) is no item: a row
    // with one diagnosis leaves dx2 empty. (In a case, such an item is refused: fields.ts.)
    const items = [...t.items.keys()].sort((a, b) => a - b).map((i) => {
      const item = t.items.get(i)!;
      return `CASE WHEN ${columnsOf(item).map((c) => emptyCell(c, types)).join(' AND ')} THEN NULL ELSE ${expression(item, types)} END`;
    });
    return `list_filter([${items.join(', ')}], x -> x IS NOT NULL)`;
  }
  const fields = [...t.fields].map(([k, v]) => `${quote(k)} := ${expression(v, types)}`);
  return `struct_pack(${fields.join(', ')})`;
}

/** The identity mapping: every column named as a case field fills that field. */
export function identityMapping(columns: readonly string[]): ColumnMapping {
  return Object.fromEntries(columns.map((c) => [c, c]));
}

/** A query whose rows are the cases, a column for each top-level field; `types` has each column's DuckDB type. */
export function casesQuery(source: string, t: Tree, types: ReadonlyMap<string, string>): string {
  return `SELECT ${[...t.fields].map(([k, v]) => `${expression(v, types)} AS ${quote(k)}`).join(', ')} FROM ${source}`;
}

/**
 * Writes a table's cases as JSON Lines (DuckDB's COPY, in the table's row order). What DuckDB
 * cannot read in the table (a short row, a byte that is not UTF-8, a file that is no Parquet) is
 * the user's to mend: a UsageError naming the file.
 */
export async function tableToJsonLines(path: string, mappingFile: string | undefined, rules: RuleSet, out: string): Promise<void> {
  const format = tableFormat(path);
  // What is not a regular file is refused before DuckDB opens it: it would wait on a FIFO for ever,
  // and read a folder as a pattern of files.
  closeSync(openRegular(path).fd);
  const header = format === 'csv' ? csvHeader(path) : undefined;
  const mapping = mappingFile ? readMapping(mappingFile) : undefined;
  // DuckDB reads a name holding * ? [ or { as a pattern of names: it is given a link of a plain
  // name in a folder of our own instead, so that the file named, and it alone, is read.
  const dir = makeScratch('guideline-table-');
  try {
    const link = join(dir, `cases.${format}`);
    symlinkSync(resolve(path), link);
    await withDuckDB(async (con) => {
      const run = async (sql: string) => {
        try {
          return await con.runAndReadAll(sql);
        } catch (e) {
          // Our own SQL, or writing the cases out, failing is ours to mend (exit 70).
          const message = String((e as Error).message);
          if (message.startsWith('Parser Error') || message.includes(out)) throw e;
          // A .json file is read as JSON Lines: one that is not (a case file, pretty-printed) is said so.
          if (format === 'json' && message.includes('Malformed JSON')) throw new UsageError(`${display(path)}: not JSON Lines (one case a line, as a .jsonl file holds them); a file of one case is decided by guideline check --case`);
          throw new UsageError(`${display(path)}: ${duckdbReason(e, new Map([[link, display(path)]]))}`);
        }
      };
      const source = tableSource(format, link, header);
      const types = new Map(header ? header.map((c) => [c, 'VARCHAR']) : (await run(`DESCRIBE SELECT * FROM ${source}`)).getRowObjects().map((r) => [String(r['column_name']), String(r['column_type'])]));
      const columns = [...types.keys()];
      const where = mappingFile ?? `${path} (columns named as case fields; give --map to name others)`;
      const t = mappingTree(mapping ?? identityMapping(columns), columns, rules, where);
      refuseZoned(t, types, where);
      await run(`COPY (${casesQuery(source, t, types)}) TO ${sqlString(out)} (FORMAT json)`);
    });
  } finally {
    removeScratch(dir);
  }
}
