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
  /**
   * A field inside a yes-or-no field that may be a record (read as JSON: DuckDB's JSON, JSON text
   * elsewhere): NULL when the record is not one or lacks it. `as`: a number, a text, a list of texts
   * or of numbers, or yes or no (left as JSON, for `yesNo`).
   */
  jsonField(json: string, path: readonly string[], as: 'num' | 'str' | 'texts' | 'numbers' | 'json'): string;
  /** A field of the cases' struct columns, by the names of its path (`findings.fce.effort`). */
  field(names: readonly string[]): string;
  /** An unknown yes or no: NULL of the boolean type. */
  unknownBoolean: string;
}

/** A field as `a.b.c`, each name an identifier. */
const dotted = (id: (name: string) => string) => (names: readonly string[]): string => names.map(id).join('.');

/** A JSON path to a field: `$.a.b`, a name that is not plain in quotes. */
const jsonPath = (path: readonly string[]): string => str(`$.${path.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? p : `"${p.replaceAll('"', '\\"')}"`)).join('.')}`);

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
  field: dotted(quote('"')),
  unknownBoolean: 'CAST(NULL AS BOOLEAN)',
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
  // The runner reads yes-or-no fields as JSON: a record (an object) is documented. TRY_CAST, not
  // CAST, though only true and false reach it: DuckDB does not keep a CAST of a struct's field
  // inside its CASE branch (its unused-columns optimizer moves it to a projection of its own, run on
  // every row), so a record in a table or a Parquet file read straight (guideline prep's) would
  // fail the query.
  yesNo: (raw) => `(CASE json_type(${raw}) WHEN 'BOOLEAN' THEN TRY_CAST(${raw} AS BOOLEAN) WHEN 'OBJECT' THEN TRUE WHEN 'ARRAY' THEN TRUE END)`,
  jsonField: (json, path, as) => {
    const p = jsonPath(path);
    // A record's field of the wrong JSON type (a validated case has none) reads as unknown.
    switch (as) {
      case 'num': return `TRY_CAST(json_extract_string(${json}, ${p}) AS DOUBLE)`;
      case 'str': return `json_extract_string(${json}, ${p})`;
      case 'texts': return `TRY_CAST(json_extract(${json}, ${p}) AS VARCHAR[])`;
      case 'numbers': return `TRY_CAST(json_extract(${json}, ${p}) AS DOUBLE[])`;
      case 'json': return `json_extract(${json}, ${p})`;
    }
  },
};

export const spark: Dialect = {
  name: 'spark',
  id: quoteIfNeeded('`'),
  // A struct's field past the column's own, by subscript (`findings.fce['effort']`): Spark reads both
  // ways, and a parser of its SQL (HiveQL's grammar) reads no third name after a dot.
  field: (names) => names.slice(0, 2).map(quoteIfNeeded('`')).join('.') + names.slice(2).map((n) => `[${str(n)}]`).join(''),
  // (Spark reads CAST(NULL AS BOOLEAN) too; the HiveQL grammar has no BOOLEAN to cast to.)
  unknownBoolean: '(NULL = TRUE)',
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
  jsonField: (json, path, as) => {
    const p = jsonPath(path);
    switch (as) {
      case 'num': return `CAST(get_json_object(${json}, ${p}) AS DOUBLE)`;
      case 'str': case 'json': return `get_json_object(${json}, ${p})`;
      case 'texts': return `from_json(get_json_object(${json}, ${p}), 'array<string>')`;
      case 'numbers': return `from_json(get_json_object(${json}, ${p}), 'array<double>')`;
    }
  },
};

export const trino: Dialect = {
  name: 'trino',
  id: quoteIfNeeded('"'),
  field: dotted(quoteIfNeeded('"')),
  unknownBoolean: 'CAST(NULL AS BOOLEAN)',
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
  jsonField: (json, path, as) => {
    const p = jsonPath(path);
    switch (as) {
      case 'num': return `CAST(json_extract_scalar(${json}, ${p}) AS DOUBLE)`;
      case 'str': return `json_extract_scalar(${json}, ${p})`;
      case 'texts': return `CAST(json_extract(${json}, ${p}) AS ARRAY(VARCHAR))`;
      case 'numbers': return `CAST(json_extract(${json}, ${p}) AS ARRAY(DOUBLE))`;
      case 'json': return `json_format(json_extract(${json}, ${p}))`;
    }
  },
};

export const dialects = { duckdb, spark, trino } as const;

export { str as sqlText };
