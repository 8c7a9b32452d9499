// Embedded DuckDB (@duckdb/node-api, a native module), loaded on first use and resolved from this
// package, whether the CLI runs from its sources or from the launcher's bundle.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

type DuckDB = typeof import('@duckdb/node-api');
let loaded: Promise<DuckDB> | undefined;

export function duckdb(): Promise<DuckDB> {
  return (loaded ??= import(pathToFileURL(createRequire(import.meta.url).resolve('@duckdb/node-api')).href) as Promise<DuckDB>);
}

/** An in-memory database and a connection to it, closed after `use`. */
export async function withDuckDB<T>(use: (con: import('@duckdb/node-api').DuckDBConnection) => Promise<T>): Promise<T> {
  const { DuckDBInstance } = await duckdb();
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    return await use(con);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

/**
 * Why DuckDB could not read a table, in a line: its CSV errors say the line and what is wrong with
 * it (more cells than the header, bytes that are not UTF-8, a quote never closed), and for any
 * other error its first line, without the error class. `paths` maps the paths DuckDB was given
 * (a link to the user's file) to what the user should read instead.
 */
export function duckdbReason(e: unknown, paths: ReadonlyMap<string, string>): string {
  let text = String((e as Error | undefined)?.message ?? e);
  for (const [from, to] of paths) text = text.split(from).join(to);
  const csv = /CSV Error on Line: (\d+)/.exec(text);
  if (csv) {
    // "Original Line" is the row as DuckDB read it: shown, shortened, so the row can be found
    // whatever the numbering (DuckDB counts a row whose cell holds a line break as one line).
    const original = /\nOriginal Line: ([^\n]*)/.exec(text)?.[1];
    const row = original === undefined ? '' : ` (${JSON.stringify(original.length > 60 ? original.slice(0, 60) + '…' : original)})`;
    const cells = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
    // DuckDB stops counting one cell past the header's columns: more is only "more".
    const what = cells
      ? Number(cells[2]) > Number(cells[1])
        ? `has more cells than the header has columns (${cells[1]})`
        : `has ${cells[2]} cells where the header has ${cells[1]} columns`
      : /Invalid unicode/i.test(text)
        ? 'is not UTF-8 text: save the table as UTF-8'
        : /unterminated quote/i.test(text)
          ? 'has a quote (") that is never closed'
          : `cannot be read: ${detail(text.slice(csv.index + csv[0].length))}`;
    return `line ${csv[1]}${row} ${what}`;
  }
  if (/too small to be a Parquet file|No magic bytes found/i.test(text)) return 'not a Parquet file (it does not have the bytes every Parquet file starts and ends with)';
  return detail(text);
}

/** The first line of DuckDB's own words, without its error class ("Invalid Input Error: "). */
function detail(text: string): string {
  const line = text.split('\n').find((l) => l.trim() && !/^(Original Line|Possible|LINE \d)/.test(l.trim())) ?? text;
  return line.replace(/^\s*[A-Za-z ]*Error: /, '').trim();
}
