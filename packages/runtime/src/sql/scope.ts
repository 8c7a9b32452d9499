// One guideline's (or policy's) conditions and values as SQL, three-valued as plan.ts evaluates
// them: a value is its known value `v` (NULL when unknown) with the bounds `lo`/`hi` an unknown
// keeps (values.ts), a condition is TRUE, FALSE or NULL (unknown), and SQL's AND, OR and NOT are
// Kleene's. The facts are read once per case into columns of their own (see query.ts).
import type { CompareOp, Cond, FactDef, Scalar, SourceLocation, Value } from '@guideline/language/rules';
import type { Dialect } from './dialect.ts';
import { sqlText } from './dialect.ts';
import { dateParts, elapsedSql, type Columns, type DateParts } from './dates.ts';

/** A value's sort: a number, a date (ISO text), a text, yes or no, a list (or record), or nothing known. */
export type Kind = 'num' | 'date' | 'str' | 'bool' | 'list' | 'other';

/** A value as SQL: its known value (NULL when unknown), its bounds, and what kind of value it is. */
export interface SqlValue {
  v: string;
  lo: string;
  hi: string;
  kind: Kind;
  /** The first layer that may read it: 0 for a fact or a literal, one past its columns' for a computed value. */
  depth?: number;
  /** Already in columns of its own. */
  materialized?: boolean;
}

export type { Columns } from './dates.ts';

export type LeafOf = Extract<Cond, { leaf: number }>;

/** Why a rule set (or one of its guidelines) cannot become SQL, and where. */
export class NotSql extends Error {
  source: SourceLocation | undefined = undefined;
}

export function kindOf(def: FactDef | undefined): Kind {
  const t = def?.type;
  if (!t) return 'other';
  switch (t.kind) {
    case 'number': return 'num';
    case 'yes-no': return 'bool';
    case 'class': case 'list': case 'records': return 'list';
    case 'date': return 'date';
    default: return 'str';
  }
}

export const NULL: SqlValue = { v: 'NULL', lo: 'NULL', hi: 'NULL', kind: 'other' };

export function literal(x: Scalar): string {
  if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) throw new NotSql(`the number ${x} has no SQL literal`);
    return Number.isInteger(x) ? String(x) : `CAST(${String(x)} AS DOUBLE)`;
  }
  return sqlText(x);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const kindOfScalar = (x: Scalar): Kind => (typeof x === 'number' ? 'num' : typeof x === 'string' ? (isoDate.test(x) ? 'date' : 'str') : 'bool');
/** Whether values of two sorts may be equal: texts and dates are both texts. */
const comparable = (a: Kind, b: Kind): boolean => (a === 'date' ? 'str' : a) === (b === 'date' ? 'str' : b);
/** Sorts with an order (values.ts `ordinal`): numbers and dates. */
const ordered = (k: Kind): boolean => k === 'num' || k === 'date';

export class SqlScope {
  /** The facts this scope reads, by id, with the column name their value is kept in. */
  readonly facts = new Map<string, { column: string; kind: Kind }>();

  private readonly computed = new Map<string, SqlValue>();

  constructor(
    readonly name: string,
    readonly dialect: Dialect,
    private readonly defs: ReadonlyMap<string, FactDef>,
    private readonly columnFor: (id: string) => { column: string; kind: Kind },
    /** Keeps expressions in columns of a layer (computed values, the steps of date arithmetic). */
    private readonly columns: Columns,
    /** The review date's parts, as columns every layer has. */
    private readonly review: DateParts,
    /** The columns of what the prep step computes (computed.ts), by the value's or leaf's key; undefined when it does not. */
    private readonly prepared: (x: Value | LeafOf) => SqlValue | undefined,
  ) {}

  private materialize(depth: number, x: SqlValue): SqlValue {
    const c = this.columns(depth, { v: x.v, lo: x.lo, hi: x.hi });
    return { v: c.v!, lo: c.lo!, hi: c.hi!, kind: x.kind, depth: depth + 1 };
  }

  fact(id: string): SqlValue {
    if (id.includes('[].')) throw new NotSql(`'${id}' is a field of a list's items: conditions over each item of a list are not compiled to SQL`);
    let f = this.facts.get(id);
    if (!f) this.facts.set(id, (f = this.columnFor(id)));
    const q = this.dialect.id;
    return { v: q(`${f.column}_v`), lo: q(`${f.column}_lo`), hi: q(`${f.column}_hi`), kind: f.kind };
  }

  def(id: string): FactDef | undefined {
    return this.defs.get(id);
  }

  value(v: Value): SqlValue {
    if ('fact' in v || 'const' in v) return this.plain(v);
    const computed = this.prepared(v);
    if (computed) return computed;
    // A computed value is written once, in columns of its own, and its users read the columns:
    // written out in full at each use, nested values would grow the query exponentially.
    const key = JSON.stringify(v);
    let x = this.computed.get(key);
    if (!x) {
      x = this.plain(v);
      if (x.kind !== 'other' && !x.materialized) x = this.materialize(x.depth ?? 0, x);
      this.computed.set(key, x);
    }
    return x;
  }

  private plain(v: Value): SqlValue {
    if ('fact' in v) return this.fact(v.fact);
    if ('const' in v) {
      const x = literal(v.const);
      const kind = kindOfScalar(v.const);
      return { v: x, lo: kind === 'bool' ? 'NULL' : x, hi: kind === 'bool' ? 'NULL' : x, kind };
    }
    if ('op' in v) return this.arithmetic(v.op, this.value(v.args[0]), this.value(v.args[1]));
    if ('round' in v) {
      const a = this.value(v.arg);
      if (a.kind !== 'num') return NULL;
      const f = (x: string): string => (v.round === 'down' ? `FLOOR(${x})` : v.round === 'up' ? `CEIL(${x})` : `FLOOR(${x} + 0.5)`);
      return { v: f(a.v), lo: f(a.lo), hi: f(a.hi), kind: 'num', depth: a.depth ?? 0 };
    }
    if ('since' in v) {
      const d = this.value(v.since);
      if (d.kind !== 'date') return NULL;
      // Up to the review date, or to the date `to` gives (unknown, without bounds, when it is unknown).
      let depth = d.depth ?? 0;
      let end = this.review;
      let endKnown: string | undefined;
      if (v.to) {
        const t = this.value(v.to);
        if (t.kind !== 'date') return NULL;
        depth = Math.max(depth, t.depth ?? 0);
        end = dateParts(t.v, depth, this.columns, this.dialect).parts;
        endKnown = t.v;
      }
      // The time since the date's known value, and since its latest and earliest possible days: an
      // unknown date's latest day bounds the time since it from below, its earliest from above.
      const ends = (['v', 'hi', 'lo'] as const).map((k) => ({ k, p: dateParts(d[k], depth, this.columns, this.dialect) }));
      depth += 2;
      const e = ends.map(({ k, p }) => ({ k, ...elapsedSql(p.parts, end, v.unit, depth, this.columns), src: d[k] }));
      depth = e[0]!.depth;
      const at = (k: 'v' | 'hi' | 'lo'): string => {
        const x = e.find((y) => y.k === k)!;
        return `(CASE WHEN ${x.src} IS NULL${endKnown ? ` OR ${endKnown} IS NULL` : ''} THEN NULL ELSE ${x.value} END)`;
      };
      const c = this.columns(depth, { v: at('v'), lo: `(CASE WHEN ${d.v} IS NOT NULL THEN ${at('v')} ELSE ${at('hi')} END)`, hi: `(CASE WHEN ${d.v} IS NOT NULL THEN ${at('v')} ELSE ${at('lo')} END)` });
      return { v: c.v!, lo: c.lo!, hi: c.hi!, kind: 'num', depth: depth + 1, materialized: true };
    }
    throw new NotSql(`a value of a form the SQL compiler does not know (${Object.keys(v as object).join(', ')})`);
  }

  /** values.ts `arithmetic`: exact when both are known, else interval arithmetic on the bounds (±infinity when unbounded). */
  private arithmetic(op: '+' | '-' | '*' | '/', a: SqlValue, b: SqlValue): SqlValue {
    if (a.kind !== 'num' || b.kind !== 'num') return NULL;
    const known = `${a.v} IS NOT NULL AND ${b.v} IS NOT NULL`;
    const d = this.dialect;
    const v = op === '/' ? `(CASE WHEN ${known} AND ${b.v} <> 0 THEN ${d.double(a.v)} / ${b.v} END)` : `(CASE WHEN ${known} THEN ${a.v} ${op} ${b.v} END)`;
    const inf = d.infinity;
    const [aLo, aHi, bLo, bHi] = [`COALESCE(${d.double(a.lo)}, -${inf})`, `COALESCE(${d.double(a.hi)}, ${inf})`, `COALESCE(${d.double(b.lo)}, -${inf})`, `COALESCE(${d.double(b.hi)}, ${inf})`];
    const bound = (x: string): string => `(CASE WHEN ${d.isFinite(x)} THEN ${x} END)`;
    const span = (xs: string[]): [string, string] => [bound(`LEAST(${xs.join(', ')})`), bound(`GREATEST(${xs.join(', ')})`)];
    const mul = (x: string, y: string): string => `(CASE WHEN ${x} = 0 OR ${y} = 0 THEN 0 ELSE ${x} * ${y} END)`;
    const nan0 = (x: string): string => `(CASE WHEN ${d.isNan(x)} THEN 0 ELSE ${x} END)`;
    let lo: string;
    let hi: string;
    switch (op) {
      case '+': [lo, hi] = [bound(`${aLo} + ${bLo}`), bound(`${aHi} + ${bHi}`)]; break;
      case '-': [lo, hi] = [bound(`${aLo} - ${bHi}`), bound(`${aHi} - ${bLo}`)]; break;
      case '*': [lo, hi] = span([mul(aLo, bLo), mul(aLo, bHi), mul(aHi, bLo), mul(aHi, bHi)]); break;
      case '/': {
        const [l, h] = span([`${aLo} / ${bLo}`, `${aLo} / ${bHi}`, `${aHi} / ${bLo}`, `${aHi} / ${bHi}`].map(nan0));
        // A divisor that may be 0 bounds nothing.
        const zero = `${bLo} <= 0 AND ${bHi} >= 0`;
        [lo, hi] = [`(CASE WHEN ${zero} THEN NULL ELSE ${l} END)`, `(CASE WHEN ${zero} THEN NULL ELSE ${h} END)`];
      }
    }
    return { v, lo: `(CASE WHEN ${v} IS NOT NULL THEN ${v} ELSE ${lo} END)`, hi: `(CASE WHEN ${v} IS NOT NULL THEN ${v} ELSE ${hi} END)`, kind: 'num', depth: Math.max(a.depth ?? 0, b.depth ?? 0) };
  }

  /**
   * values.ts `compare`: decided when both are known, or when the bounds alone decide. Only numbers
   * and dates have an order; a list or a record compares with nothing (unknown).
   */
  compare(op: CompareOp, a: SqlValue, b: SqlValue): string {
    const known = `${a.v} IS NOT NULL AND ${b.v} IS NOT NULL`;
    if (a.kind === 'list' || b.kind === 'list' || a.kind === 'other' || b.kind === 'other') return this.dialect.unknownBoolean;
    if (op === '=' || op === '!=') {
      // Values of sorts that cannot be equal: known, they differ.
      if (!comparable(a.kind, b.kind)) return `(CASE WHEN ${known} THEN ${op === '!=' ? 'TRUE' : 'FALSE'} END)`;
    } else if (!ordered(a.kind) || a.kind !== b.kind) return this.dialect.unknownBoolean;
    const sqlOp = op === '!=' ? '<>' : op;
    const bounded = ordered(a.kind) && a.kind === b.kind;
    const le = (x: string, y: string): string => (bounded ? `(${x} IS NOT NULL AND ${y} IS NOT NULL AND ${x} <= ${y})` : 'FALSE');
    const lt = (x: string, y: string): string => (bounded ? `(${x} IS NOT NULL AND ${y} IS NOT NULL AND ${x} < ${y})` : 'FALSE');
    let t: string;
    let f: string;
    switch (op) {
      case '<=': [t, f] = [le(a.hi, b.lo), lt(b.hi, a.lo)]; break;
      case '<': [t, f] = [lt(a.hi, b.lo), le(b.hi, a.lo)]; break;
      case '>=': [t, f] = [le(b.hi, a.lo), lt(a.hi, b.lo)]; break;
      case '>': [t, f] = [lt(b.hi, a.lo), le(a.hi, b.lo)]; break;
      case '=': [t, f] = ['FALSE', `(${lt(a.hi, b.lo)} OR ${lt(b.hi, a.lo)})`]; break;
      case '!=': [t, f] = [`(${lt(a.hi, b.lo)} OR ${lt(b.hi, a.lo)})`, 'FALSE']; break;
    }
    return `(CASE WHEN ${known} THEN ${a.v} ${sqlOp} ${b.v} WHEN ${t} THEN TRUE WHEN ${f} THEN FALSE END)`;
  }

  /** A condition, three-valued; `leaf` turns each leaf's number into the column holding its answer. */
  condition(c: Cond, leaf: (n: number) => string): string {
    if ('all' in c || 'any' in c) {
      const parts = ('all' in c ? c.all : c.any).map((x) => this.condition(x, leaf));
      if (parts.length === 0) return 'all' in c ? 'TRUE' : 'FALSE';
      return parts.length === 1 ? parts[0]! : `(${parts.join('all' in c ? ' AND ' : ' OR ')})`;
    }
    if ('not' in c) return `(NOT ${this.condition(c.not, leaf)})`;
    return leaf(c.leaf);
  }

  /** A leaf's answer, three-valued. */
  leaf(c: LeafOf): string {
    if ('quantifier' in c) {
      const computed = this.prepared(c);
      if (!computed) throw new NotSql(`'${'by' in c ? `the ${c.quantifier}` : c.quantifier}' over '${c.over}': conditions over each item of a list are computed by the prep step, which does not have this one`);
      return computed.v;
    }
    if ('cmp' in c) return this.compare(c.cmp, this.value(c.left), this.value(c.right));
    if ('is' in c) {
      const a = this.value(c.is);
      const values = c.values.filter((x) => comparable(kindOfScalar(x), a.kind));
      return `(CASE WHEN ${a.v} IS NULL THEN NULL ELSE ${values.length ? `${a.v} IN (${values.map(literal).join(', ')})` : 'FALSE'} END)`;
    }
    if ('known' in c) return `(${this.value(c.known).v} IS ${c.yes ? 'NOT ' : ''}NULL)`;
    // On file: true when known, unknown when not; never false.
    if ('recorded' in c) return `(CASE WHEN ${this.value(c.recorded).v} IS NULL THEN NULL ELSE TRUE END)`;
    if ('includes' in c) {
      const a = this.value(c.includes);
      if (a.kind !== 'list') return this.dialect.unknownBoolean;
      return `(CASE WHEN ${a.v} IS NULL THEN NULL ELSE ${this.dialect.overlap(a.v, this.dialect.texts(c.values))} END)`;
    }
    if ('empty' in c) {
      const a = this.value(c.empty);
      return a.kind === 'list' ? `(CASE WHEN ${a.v} IS NULL THEN NULL ELSE ${this.dialect.length(a.v)} = 0 END)` : this.dialect.unknownBoolean;
    }
    if ('within' in c) {
      const x = this.value(c.within);
      const from = this.compare('>=', x, this.value({ const: 0 }));
      const to = this.compare('<=', x, this.value(c.window));
      return `(CASE WHEN ${from} = FALSE OR ${to} = FALSE THEN FALSE WHEN ${from} IS NULL OR ${to} IS NULL THEN NULL ELSE TRUE END)`;
    }
    if ('code' in c) {
      const a = this.value(c.code);
      if (a.kind !== 'str' && a.kind !== 'date') return this.dialect.unknownBoolean;
      return `(CASE WHEN ${a.v} IS NULL THEN NULL ELSE ${codeTest(`replace(upper(${a.v}), '.', '')`, c.patterns)} END)`;
    }
    throw new NotSql(`a condition of a form the SQL compiler does not know (${Object.keys(c).join(', ')})`);
  }
}

/** plan.ts `codeMatcher`: prefixes, ranges of categories and exact codes, without dots, in upper case. */
function codeTest(k: string, patterns: readonly string[]): string {
  const norm = (s: string): string => s.toUpperCase().replace(/\./g, '');
  const tests = patterns.map((p) => {
    if (p.endsWith('*')) return `substr(${k}, 1, ${norm(p.slice(0, -1)).length}) = ${sqlText(norm(p.slice(0, -1)))}`;
    const dash = p.indexOf('-');
    if (dash > 0) {
      const lo = norm(p.slice(0, dash));
      const hi = norm(p.slice(dash + 1));
      return `(substr(${k}, 1, ${lo.length}) >= ${sqlText(lo)} AND substr(${k}, 1, ${hi.length}) <= ${sqlText(hi)})`;
    }
    return `${k} = ${sqlText(norm(p))}`;
  });
  return tests.length ? `(${tests.join(' OR ')})` : 'FALSE';
}
