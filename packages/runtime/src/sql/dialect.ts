// The SQL dialects a rule set compiles to: what differs between DuckDB, Spark SQL and Trino in the
// few constructs the compiled query uses (identifiers, arrays, infinities); the rest is plain SQL.

export interface Dialect {
  name: 'duckdb' | 'spark' | 'trino';
  id(name: string): string;
  /** An array of texts. */
  texts(values: readonly string[]): string;
  /** An array of text expressions. */
  list(items: readonly string[]): string;
  concat(lists: readonly string[]): string;
  /** The list without repeats, each kept where it first occurs. */
  distinct(list: string): string;
  /** Whether two arrays share an item (NULL never: neither holds NULL). */
  overlap(a: string, b: string): string;
  length(list: string): string;
  infinity: string;
  isFinite(x: string): string;
  isNan(x: string): string;
  double(x: string): string;
  /** A yes-or-no field as the runtime reads it: false, true (or a record: documented), else unknown (NULL). */
  yesNo(raw: string): string;
}

const quote = (q: string) => (name: string): string => `${q}${name.replaceAll(q, q + q)}${q}`;
/** Quoted only when it must be: a plain lower-case name is written bare (what every parser reads). */
const quoteIfNeeded = (q: string) => (name: string): string => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : quote(q)(name));
const str = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * A yes-or-no field read as text, so a BOOLEAN column and the JSON text guideline prep writes read
 * alike: 'true', 'false', or a record (documented).
 */
const yesNoAsText = (t: string): string => `(CASE WHEN ${t} = 'true' THEN TRUE WHEN ${t} = 'false' THEN FALSE WHEN ${t} LIKE '{%' OR ${t} LIKE '[%' THEN TRUE END)`;

export const duckdb: Dialect = {
  name: 'duckdb',
  id: quote('"'),
  texts: (values) => (values.length ? `[${values.map(str).join(', ')}]` : '[]::VARCHAR[]'),
  list: (items) => (items.length ? `[${items.join(', ')}]` : '[]::VARCHAR[]'),
  concat: (lists) => (lists.length === 1 ? lists[0]! : `list_concat(${lists.join(', ')})`),
  distinct: (list) => `list_filter(${list}, (x, i) -> list_position(${list}, x) = i)`,
  overlap: (a, b) => `list_has_any(${a}, ${b})`,
  length: (list) => `len(${list})`,
  infinity: `'inf'::DOUBLE`,
  isFinite: (x) => `isfinite(${x})`,
  isNan: (x) => `isnan(${x})`,
  double: (x) => `CAST(${x} AS DOUBLE)`,
  // The runner reads yes-or-no fields as JSON: a record (an object) is documented.
  yesNo: (raw) => `(CASE json_type(${raw}) WHEN 'BOOLEAN' THEN CAST(${raw} AS BOOLEAN) WHEN 'OBJECT' THEN TRUE WHEN 'ARRAY' THEN TRUE END)`,
};

export const spark: Dialect = {
  name: 'spark',
  id: quoteIfNeeded('`'),
  texts: (values) => (values.length ? `array(${values.map(str).join(', ')})` : "array_remove(array(''), '')"),
  list: (items) => (items.length ? `array(${items.join(', ')})` : "array_remove(array(''), '')"),
  concat: (lists) => (lists.length === 1 ? lists[0]! : `concat(${lists.join(', ')})`),
  distinct: (list) => `array_distinct(${list})`,
  overlap: (a, b) => `arrays_overlap(${a}, ${b})`,
  length: (list) => `size(${list})`,
  infinity: `CAST('Infinity' AS DOUBLE)`,
  isFinite: (x) => `(NOT isnan(${x}) AND abs(${x}) <> CAST('Infinity' AS DOUBLE))`,
  isNan: (x) => `isnan(${x})`,
  double: (x) => `CAST(${x} AS DOUBLE)`,
  yesNo: (raw) => yesNoAsText(`CAST(${raw} AS STRING)`),
};

export const trino: Dialect = {
  name: 'trino',
  id: quoteIfNeeded('"'),
  texts: (values) => (values.length ? `ARRAY[${values.map(str).join(', ')}]` : "slice(ARRAY[''], 1, 0)"),
  list: (items) => (items.length ? `ARRAY[${items.join(', ')}]` : "slice(ARRAY[''], 1, 0)"),
  concat: (lists) => (lists.length === 1 ? lists[0]! : `concat(${lists.join(', ')})`),
  distinct: (list) => `array_distinct(${list})`,
  overlap: (a, b) => `arrays_overlap(${a}, ${b})`,
  length: (list) => `cardinality(${list})`,
  infinity: 'infinity()',
  isFinite: (x) => `is_finite(${x})`,
  isNan: (x) => `is_nan(${x})`,
  double: (x) => `CAST(${x} AS DOUBLE)`,
  yesNo: (raw) => yesNoAsText(`CAST(${raw} AS VARCHAR)`),
};

export const dialects = { duckdb, spark, trino } as const;

export { str as sqlText };
