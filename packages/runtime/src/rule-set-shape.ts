// The shape of a compiled rule set, checked by hand the way packages/language/schema/artifact.schema.json
// states it (every object closed, each condition and value exactly one form), plus what a schema
// cannot say, kept apart: leaf numbers within their guideline's leaves, placeholders within their
// text's, lookups of tables in reach and of their columns, tables' rows as wide as their keys and
// columns, no table read by its own keys. test/artifact-schema.test.ts holds this checker and the
// schema to the same answers.
import { ARTIFACT_FORMAT, ARTIFACT_VERSIONS_READ } from '@guideline/language/rules';

export interface RuleSetIssue {
  /** Where in the document: `guidelines[2].criteria[0].require.all[1]`. */
  at: string;
  message: string;
}

type Obj = Record<string, unknown>;
/** A member's place: `guidelines[0].id`, or `format` at the top. */
const member = (at: string, key: string): string => (at ? `${at}.${key}` : key);
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const leafKeys: Record<string, string[]> = {
  cmp: ['leaf', 'cmp', 'left', 'right'],
  is: ['leaf', 'is', 'values'],
  known: ['leaf', 'known', 'yes'],
  recorded: ['leaf', 'recorded'],
  includes: ['leaf', 'includes', 'values'],
  empty: ['leaf', 'empty'],
  within: ['leaf', 'within', 'window'],
  quantifier: ['leaf', 'quantifier', 'over', 'by', 'where'],
  code: ['leaf', 'code', 'patterns'],
};
const compareOps = ['<', '<=', '>', '>=', '=', '!='];
const timeUnits = ['days', 'weeks', 'months', 'years'];
const isScalar = (x: unknown): boolean => typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));
/** A name from the document for a message, bounded in length. */
const shown = (x: unknown): string => (typeof x === 'string' ? JSON.stringify(x.length > 60 ? `${x.slice(0, 60)}…` : x) : `a ${x === null ? 'null' : typeof x}`);

/** A member's check, and whether the member must be there. */
type Member = [check: (v: unknown, at: string) => void, required: boolean];

export class ShapeChecker {
  /** Against the schema. */
  readonly shape: RuleSetIssue[] = [];
  /** Beyond it: references within the document. */
  readonly meaning: RuleSetIssue[] = [];
  private leafCount = 0;
  /** The tables a value may read where it stands: the guideline's own, then the rule set's. */
  private tables = new Map<string, Obj>();
  /** The rule set's tables (a vocabulary's), which every guideline and policy may read. */
  private ruleSetTables = new Map<string, Obj>();

  add(at: string, message: string): void {
    if (this.shape.length + this.meaning.length < 100) this.shape.push({ at, message });
  }

  private mean(at: string, message: string): void {
    if (this.shape.length + this.meaning.length < 100) this.meaning.push({ at, message });
  }

  // ---- Kinds of value --------------------------------------------------------------------------

  readonly text = (v: unknown, at: string): void => {
    if (typeof v !== 'string') this.add(at, 'must be a text');
  };
  readonly number = (v: unknown, at: string): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.add(at, 'must be a number');
  };
  private integer(min: number): (v: unknown, at: string) => void {
    return (v, at) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min) this.add(at, `must be a whole number, at least ${min}`);
    };
  }
  private oneOf(values: readonly unknown[], what: string): (v: unknown, at: string) => void {
    return (v, at) => {
      if (!values.includes(v)) this.add(at, `is ${what}, not ${JSON.stringify(v) ?? String(v)}`);
    };
  }
  private list(item: (v: unknown, at: string) => void, most = Infinity): (v: unknown, at: string) => void {
    return (v, at) => {
      if (!Array.isArray(v)) return this.add(at, 'must be a list');
      if (v.length > most) this.add(at, `more than ${most} items`);
      v.forEach((x, i) => item(x, `${at}[${i}]`));
    };
  }
  readonly texts = this.list(this.text);

  /** A closed object: only the members named, the required ones there, each of its kind. */
  record(v: unknown, at: string, members: Record<string, Member>, what = 'this'): v is Obj {
    if (!isObj(v)) {
      this.add(at, `${what} must be an object`);
      return false;
    }
    this.exactKeys(v, Object.keys(members), at);
    for (const [k, [check, required]] of Object.entries(members)) {
      const x = v[k];
      if (x === undefined) {
        if (required) this.add(member(at, k), 'is missing');
      } else check(x, member(at, k));
    }
    return true;
  }

  exactKeys(o: Obj, allowed: readonly string[], at: string): void {
    for (const k of Object.keys(o)) {
      if (allowed.includes(k)) continue;
      if (k === 'path') this.add(member(at, 'path'), 'jsonpath expressions are not allowed; facts are flat ids');
      else this.add(member(at, k), `is not part of this node (it has ${allowed.join(', ')})`);
    }
  }

  // ---- Values and conditions (the IR) ------------------------------------------------------------

  readonly value = (v: unknown, at: string): void => {
    if (!isObj(v)) return this.add(at, 'a value must be an object');
    if ('fact' in v) this.record(v, at, { fact: [this.text, true] });
    else if ('const' in v) {
      this.exactKeys(v, ['const'], at);
      if (!isScalar(v['const'])) this.add(at, 'const must be a number, a text or true/false');
    } else if ('op' in v) {
      this.exactKeys(v, ['op', 'args'], at);
      if (!['+', '-', '*', '/'].includes(v['op'] as string)) this.add(at, `unknown arithmetic '${String(v['op'])}'`);
      const args = v['args'];
      if (!Array.isArray(args) || args.length !== 2) this.add(at, 'op needs two args');
      else args.forEach((a, i) => this.value(a, `${at}.args[${i}]`));
    } else if ('round' in v) this.record(v, at, { round: [this.oneOf(['down', 'up', 'nearest'], 'down, up or nearest'), true], arg: [this.value, true] });
    else if ('since' in v) this.record(v, at, { since: [this.value, true], unit: [this.oneOf(timeUnits, 'days, weeks, months or years'), true], to: [this.value, false] });
    else if ('count' in v) this.record(v, at, { count: [this.text, true], where: [this.condition, false] });
    else if ('sum' in v) this.record(v, at, { sum: [this.value, true], over: [this.text, true], where: [this.condition, false] });
    else if ('lookup' in v) {
      if (!this.record(v, at, { lookup: [this.text, true], column: [this.text, true] }) || typeof v['lookup'] !== 'string' || typeof v['column'] !== 'string') return;
      const t = this.tables.get(v['lookup']);
      if (!t) this.mean(at, `lookup names no table of this guideline or of the rule set: ${shown(v['lookup'])}`);
      else if (!columnIds(t).has(v['column'])) this.mean(at, `table '${v['lookup']}' has no column ${shown(v['column'])}`);
    } else this.add(at, `not a value (its keys are ${Object.keys(v).join(', ') || 'none'})`);
  };

  readonly condition = (c: unknown, at: string): void => {
    if (!isObj(c)) return this.add(at, 'a condition must be an object');
    for (const key of ['all', 'any'] as const) if (key in c) return void this.record(c, at, { [key]: [this.list(this.condition), true] });
    if ('not' in c) return void this.record(c, at, { not: [this.condition, true] });
    const kind = Object.keys(leafKeys).find((k) => k in c);
    if (!kind) return this.add(at, 'not a condition: all, any, not, or a leaf (cmp, is, known, recorded, includes, empty, within, quantifier, code)');
    this.exactKeys(c, leafKeys[kind]!, at);
    const leaf = c['leaf'];
    if (typeof leaf !== 'number' || !Number.isInteger(leaf) || leaf < 0) this.add(`${at}.leaf`, 'must be a leaf number');
    else if (leaf >= this.leafCount) this.mean(`${at}.leaf`, `must number one of the ${this.leafCount} leaves`);
    const required = (k: string, check: (v: unknown, at: string) => void): void => {
      if (c[k] === undefined) this.add(`${at}.${k}`, 'is missing');
      else check(c[k], `${at}.${k}`);
    };
    switch (kind) {
      case 'cmp':
        if (!compareOps.includes(c['cmp'] as string)) this.add(`${at}.cmp`, `unknown comparison '${String(c['cmp'])}'`);
        required('left', this.value);
        return required('right', this.value);
      case 'is':
        required('is', this.value);
        if (!Array.isArray(c['values']) || !c['values'].every(isScalar)) this.add(`${at}.values`, 'must be a list of values');
        return;
      case 'known':
        required('known', this.value);
        if (typeof c['yes'] !== 'boolean') this.add(`${at}.yes`, 'must be true or false');
        return;
      case 'recorded':
        return required('recorded', this.value);
      case 'includes':
        required('includes', this.value);
        return required('values', this.texts);
      case 'empty':
        return required('empty', this.value);
      case 'within':
        required('within', this.value);
        return required('window', this.value);
      case 'quantifier':
        this.oneOf(['some', 'every', 'no', 'latest', 'earliest'], 'some, every, no, latest or earliest')(c['quantifier'], `${at}.quantifier`);
        required('over', this.text);
        // The latest or earliest item is chosen by a value of each item (a date); the others have none.
        if (c['quantifier'] === 'latest' || c['quantifier'] === 'earliest') required('by', this.value);
        else if ('by' in c) this.add(`${at}.by`, `is not part of a '${String(c['quantifier'])}' (only the latest or earliest item is chosen by a value)`);
        return required('where', this.condition);
      case 'code':
        required('code', this.value);
        return required('patterns', this.texts);
    }
  };

  // ---- Tables ------------------------------------------------------------------------------------

  /** The tables a guideline (its own, then the rule set's) or a policy (the rule set's) reads. */
  private useTables(own: unknown): void {
    this.tables = new Map([...this.ruleSetTables, ...tablesById(own)]);
  }

  readonly keyMatch = (m: unknown, at: string): void => {
    const forms: Record<string, Record<string, Member>> = {
      is: { is: [(v, vat) => void (isScalar(v) || this.add(vat, 'must be a number, a text or true/false')), true] },
      from: { from: [this.number, true], to: [this.number, true] },
      cmp: { cmp: [this.oneOf(['<=', '>=', '<', '>'], '<=, >=, < or >'), true], value: [this.number, true] },
      code: { code: [this.text, true] },
    };
    const form = isObj(m) ? Object.keys(forms).find((k) => k in m) : undefined;
    if (!form) return this.add(at, 'a match is { is }, { from, to }, { cmp, value } or { code }');
    this.record(m, at, forms[form]!, 'a match');
  };

  /** Tables, each whole; their keys' values are read with no conditions (no leaves) and never in a cycle. */
  readonly tableList = (list: unknown, at: string): void => {
    const leaves = this.leafCount;
    this.leafCount = 0;
    this.list(this.table)(list, at);
    this.leafCount = leaves;
    if (Array.isArray(list)) this.cycles(list, at);
  };

  readonly table = (t: unknown, at: string): void => {
    const key = (k: unknown, kat: string): void => void this.record(k, kat, { words: [this.text, true], value: [this.value, true] }, 'a key');
    const column = (c: unknown, cat: string): void => void this.record(c, cat, { id: [this.text, true], words: [this.text, true], type: [this.factType, true] }, 'a column');
    const cell = (c: unknown, cat: string): void => void (c === null || isScalar(c) || this.add(cat, 'a cell is a number, a text, true/false or null'));
    const row = (r: unknown, rat: string): void => void this.record(r, rat, { when: [this.list(this.list(this.keyMatch)), true], cells: [this.list(cell), true], source: [this.location, true] }, 'a row');
    const choose = (c: unknown, cat: string): void => {
      const forms: Record<string, Member> = { most: [this.text, true], least: [this.text, true], listed: [this.integer(0), true] };
      const form = isObj(c) ? Object.keys(forms).find((k) => k in c) : undefined;
      if (c !== 'first' && !form) return this.add(cat, "is 'first', { most: <column> }, { least: <column> } or { listed: <key> }");
      if (form) this.record(c, cat, { [form]: forms[form]! });
    };
    if (!this.record(t, at, { id: [this.text, true], title: [this.text, false], keys: [this.list(key), true], columns: [this.list(column), true], choose: [choose, true], rows: [this.list(row), true], source: [this.location, false] }, 'a table')) return;
    // What a schema cannot say: the choice names a column or a key, every row is as wide as the table.
    const keys = Array.isArray(t['keys']) ? t['keys'].length : 0;
    const columns = columnIds(t);
    const c = t['choose'];
    if (isObj(c)) {
      for (const k of ['most', 'least']) if (typeof c[k] === 'string' && !columns.has(c[k])) this.mean(`${at}.choose.${k}`, `names no column of the table: ${shown(c[k])}`);
      if (typeof c['listed'] === 'number' && c['listed'] >= keys) this.mean(`${at}.choose.listed`, `names key ${c['listed']}; the table has ${keys} keys`);
    }
    if (!Array.isArray(t['rows']) || !Array.isArray(t['columns'])) return;
    const width = t['columns'].length;
    t['rows'].forEach((r, i) => {
      if (!isObj(r)) return;
      const [when, cells] = [r['when'], r['cells']];
      if (Array.isArray(when) && when.length !== keys) this.mean(`${at}.rows[${i}].when`, `has ${when.length} key cells; the table has ${keys} keys`);
      if (Array.isArray(cells) && cells.length !== width) this.mean(`${at}.rows[${i}].cells`, `has ${cells.length} cells; the table has ${width} columns`);
    });
  };

  /** Tables whose keys read, in turn, the table itself: a lookup that could never end. */
  private cycles(list: unknown[], at: string): void {
    const lookups = (v: unknown, out: string[]): string[] => {
      if (Array.isArray(v)) for (const x of v) lookups(x, out);
      else if (isObj(v)) {
        if (typeof v['lookup'] === 'string') out.push(v['lookup']);
        for (const k of Object.keys(v)) lookups(v[k], out);
      }
      return out;
    };
    // What each table's keys read, as the runtime resolves them: these tables first, then the rule set's.
    const reads = new Map<string, string[]>();
    for (const [id, t] of this.ruleSetTables) reads.set(id, lookups(t['keys'], []));
    for (const [id, t] of tablesById(list)) reads.set(id, lookups(t['keys'], []));
    const state = new Map<string, 'open' | 'done'>();
    const cyclic = (id: string): boolean => {
      if (state.get(id) === 'done') return false;
      if (state.get(id) === 'open') return true;
      state.set(id, 'open');
      const found = (reads.get(id) ?? []).some(cyclic);
      state.set(id, 'done');
      return found;
    };
    for (const id of reads.keys()) if (cyclic(id)) return this.mean(at, `table '${id}' is read, through its keys, by its own keys`);
  }

  // ---- The artifact ------------------------------------------------------------------------------

  readonly location = (l: unknown, at: string): void => {
    const line = this.integer(1);
    const offset = this.integer(0);
    this.record(l, at, { file: [this.text, true], line: [line, true], column: [line, true], endLine: [line, true], endColumn: [line, true], start: [offset, true], end: [offset, true] }, 'a source location');
  };

  readonly template = (t: unknown, at: string): void => {
    const unit = (u: unknown, uat: string): void => void this.record(u, uat, { one: [this.text, true], other: [this.text, true], also: [this.texts, false], unknown: [this.text, true] }, "a placeholder's unit");
    const placeholder = (p: unknown, pat: string): void => void this.record(p, pat, { text: [this.text, true], value: [this.value, true], unit: [unit, false] }, 'a placeholder');
    if (!this.record(t, at, { text: [this.text, true], placeholders: [this.list(placeholder), true] }, 'a text') || typeof t['text'] !== 'string' || !Array.isArray(t['placeholders'])) return;
    const n = t['placeholders'].length;
    for (const m of t['text'].matchAll(/\{(\d+)\}/g)) if (Number(m[1]) >= n) this.mean(at, `refers to placeholder {${m[1]}} of ${n}`);
  };

  readonly textsOf = (t: unknown, at: string): void => void this.record(t, at, { met: [this.template, false], notMet: [this.template, false], unknown: [this.template, false] }, 'texts');

  readonly part = (p: unknown, at: string): void => void this.record(p, at, { id: [this.text, true], title: [this.text, true], require: [this.condition, true], texts: [this.textsOf, true], source: [this.location, true] }, 'a part');

  readonly criterion = (c: unknown, at: string): void => {
    const need = (v: unknown, nat: string): void => {
      if (!(v === 'any' || v === 'all' || (typeof v === 'number' && Number.isInteger(v) && v >= 1))) this.add(nat, 'is any, all or a whole number');
    };
    const ok = this.record(c, at, {
      id: [this.text, true], title: [this.text, true], citation: [this.text, false],
      when: [this.condition, false], require: [this.condition, false],
      group: [(g, gat) => void this.record(g, gat, { need: [need, true], parts: [this.list(this.part), true] }, 'a group'), false],
      certify: [this.value, false], review: [this.oneOf([true], 'true when present'), false], reviewNotMet: [this.oneOf([true], 'true when present'), false],
      texts: [this.textsOf, true], vocabulary: [this.text, false], source: [this.location, true],
    }, 'a criterion');
    if (ok && c['require'] === undefined && c['group'] === undefined && c['review'] === undefined) this.add(at, 'a criterion needs a require, a group, or review');
    if (ok && c['reviewNotMet'] !== undefined && c['review'] === undefined) this.add(`${at}.reviewNotMet`, 'is there only with review');
  };

  readonly leafInfo = (l: unknown, at: string): void => void this.record(l, at, { text: [this.text, true], source: [this.location, true] }, 'a leaf');

  /** A guideline's or policy's leaves, numbered for the conditions checked after them. */
  private leaves(o: Obj, at: string): void {
    this.leafCount = Array.isArray(o['leaves']) ? o['leaves'].length : 0;
  }

  readonly guideline = (g: unknown, at: string): void => {
    this.useTables(isObj(g) ? g['tables'] : undefined);
    if (isObj(g)) this.leaves(g, at);
    const cls = (c: unknown, cat: string): void => void this.record(c, cat, { id: [this.text, true], of: [this.oneOf(['diagnosis', 'procedure'], 'diagnosis or procedure'), true], title: [this.text, true], terms: [this.texts, true], codes: [this.texts, true] }, 'a class');
    this.record(g, at, {
      id: [this.text, true], edition: [this.text, false], title: [this.text, true], citation: [this.text, true],
      source: [(s, sat) => void this.record(s, sat, { document: [this.text, true], edition: [this.number, false], pages: [this.text, false], parts: [this.texts, true] }, 'a source'), true],
      inForce: [(s, sat) => void this.record(s, sat, { from: [this.text, true], to: [this.text, false] }, 'in force'), false],
      covers: [this.texts, true], classes: [this.list(cls), true], tables: [this.tableList, true],
      frequency: [(f, fat) => void this.record(f, fat, { mostPerWeek: [this.number, true], fadeTo: [this.number, false] }, 'a frequency'), false],
      applies: [this.condition, true], criteria: [this.list(this.criterion), true], leaves: [this.list(this.leafInfo), true], location: [this.location, true],
    }, 'a guideline');
  };

  readonly policy = (p: unknown, at: string): void => {
    this.useTables(undefined);
    if (isObj(p)) this.leaves(p, at);
    this.record(p, at, {
      id: [this.text, true], title: [this.text, true], jurisdiction: [this.text, true], steps: [this.list(this.texts), true],
      criteria: [this.list(this.criterion), true], leaves: [this.list(this.leafInfo), true], denialNote: [this.text, false], source: [this.location, true],
    }, 'a policy');
  };

  readonly factType = (t: unknown, at: string): void => {
    if (!isObj(t)) return this.add(at, 'a fact type must be an object');
    const of = this.oneOf(['diagnosis', 'procedure'], 'diagnosis or procedure');
    const kinds: Record<string, Record<string, Member>> = {
      'yes-no': {}, text: {}, code: {},
      enum: { values: [this.texts, true] },
      number: { unit: [this.text, false], min: [this.number, false], max: [this.number, false] },
      date: { anyDate: [this.oneOf([true], 'true when present'), false] },
      class: { of: [of, true] },
      list: { of: [this.factType, true] },
      records: { record: [this.text, true] },
    };
    // (An own key only: `constructor` or `toString` is no kind, though every object answers to it.)
    const kind = t['kind'];
    const members = typeof kind === 'string' && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
    if (!members) return this.add(`${at}.kind`, `is one of ${Object.keys(kinds).join(', ')}`);
    this.record(t, at, { kind: [() => undefined, true], ...members });
  };

  readonly fact = (f: unknown, at: string): void => {
    const field = (v: unknown, fat: string): void => {
      if (typeof v !== 'string' || !/^[a-zA-Z][A-Za-z0-9]*(\.[a-zA-Z][A-Za-z0-9]*)*$/.test(v)) this.add(fat, 'must be a case field path');
    };
    const absent = (v: unknown, aat: string): void => {
      if (!isScalar(v) && !(Array.isArray(v) && v.length === 0)) this.add(aat, 'is a number, a text, true/false or []');
    };
    this.record(f, at, {
      id: [this.text, true], words: [this.text, true], meaning: [this.text, false], type: [this.factType, true],
      field: [field, false], builtin: [this.text, false], computedAs: [this.text, false], absent: [absent, false], inputs: [this.texts, true],
    }, 'a fact');
  };

  readonly recordDef = (r: unknown, at: string): void => void this.record(r, at, { name: [this.text, true], title: [this.text, false], fields: [this.list(this.fact), true] }, 'a record');

  /** The whole document, as artifact.schema.json describes it. */
  document(doc: Obj, maxGuidelines: number): void {
    this.ruleSetTables = tablesById(doc['tables']);
    const revision = (v: unknown, rat: string): void => {
      if (typeof v !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(v)) this.add(rat, 'must be sha256: and 64 hex digits');
    };
    const format = (v: unknown, fat: string): void => {
      if (v !== ARTIFACT_FORMAT) this.add(fat, `expected '${ARTIFACT_FORMAT}', got ${JSON.stringify(v)}`);
    };
    const version = (v: unknown, vat: string): void => {
      if (typeof v !== 'number' || !ARTIFACT_VERSIONS_READ.includes(v)) this.add(vat, `this runtime reads versions ${ARTIFACT_VERSIONS_READ.join(' and ')}, not ${JSON.stringify(v)}`);
    };
    this.record(doc, '', {
      format: [format, true], version: [version, true],
      compiler: [(c, cat) => void this.record(c, cat, { name: [this.text, true], version: [this.text, true] }, 'the compiler'), false],
      revision: [revision, false],
      // The rule set's tables before the guidelines and policies that may read them.
      tables: [(t, tat) => { this.useTables(undefined); this.tableList(t, tat); }, true],
      guidelines: [this.list(this.guideline, maxGuidelines), true], policies: [this.list(this.policy), true],
      facts: [this.list(this.fact), true], records: [this.list(this.recordDef), true],
    }, 'a rule set');
  }
}

/** The tables of a list by id (the last of an id wins, as the runtime reads them). */
function tablesById(list: unknown): Map<string, Obj> {
  const out = new Map<string, Obj>();
  if (Array.isArray(list)) for (const t of list) if (isObj(t) && typeof t['id'] === 'string') out.set(t['id'], t);
  return out;
}

/** The ids of a table's columns. */
function columnIds(t: Obj): Set<unknown> {
  return new Set(Array.isArray(t['columns']) ? t['columns'].map((c) => (isObj(c) ? c['id'] : undefined)) : []);
}
