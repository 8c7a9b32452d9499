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
