// Loads a compiled rule set from untrusted JSON: checks every part of it against the artifact's
// shape (each condition node exactly one of all, any, not or a known leaf; each value exactly one
// known form; texts, placeholders and facts complete) and its size, before any of it is evaluated.
// Nothing in a rule set is ever executed as code.
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, type RuleSet } from '@guideline/language';

/** What a rule set may hold at most (docs/limits.md); together they bound what one case can cost. */
export const ruleSetLimits = {
  /** Characters of JSON text. */
  maxBytes: 20_000_000,
  /**
   * Nesting of objects and arrays. The compiler's deepest output, an expression at the language's
   * depth limit (100 operations, each an object and its list of arguments), is about 210.
   */
  maxDepth: 256,
  /** Values (objects, arrays, texts, numbers) in the whole document. */
  maxNodes: 2_000_000,
  maxGuidelines: 2_000,
  /** Criteria of all guidelines and policies. */
  maxCriteria: 20_000,
  /** Characters of one text. */
  maxString: 100_000,
  /**
   * Lists walked inside one another (`any`, `every`, `no`, `count of`, `sum of` within a list's
   * condition): each walks up to a case's 100 items, so the cost is 100 to this power.
   */
  maxListNesting: 3,
};

export interface RuleSetIssue {
  /** Where in the document: `guidelines[2].criteria[0].require.all[1]`. */
  at: string;
  message: string;
}

export class RuleSetError extends Error {
  constructor(readonly issues: RuleSetIssue[]) {
    super(`Invalid rule set: ${issues.slice(0, 5).map((i) => `${i.at || 'document'}: ${i.message}`).join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`);
    this.name = 'RuleSetError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

const leafKeys: Record<string, string[]> = {
  cmp: ['leaf', 'cmp', 'left', 'right'],
  is: ['leaf', 'is', 'values'],
  known: ['leaf', 'known', 'yes'],
  recorded: ['leaf', 'recorded'],
  includes: ['leaf', 'includes', 'values'],
  empty: ['leaf', 'empty'],
  within: ['leaf', 'within', 'window'],
  quantifier: ['leaf', 'quantifier', 'over', 'where'],
  code: ['leaf', 'code', 'patterns'],
};
const compareOps = new Set(['<', '<=', '>', '>=', '=', '!=']);
/** A name from the document for a message, bounded in length. */
const shown = (x: unknown): string => (typeof x === 'string' ? JSON.stringify(x.length > 60 ? `${x.slice(0, 60)}…` : x) : `a ${x === null ? 'null' : typeof x}`);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A table cell's match: exactly one of { is }, { from, to }, { cmp, value }, { code }. */
function keyMatch(m: unknown): boolean {
  if (!isObj(m)) return false;
  const keys = Object.keys(m).sort().join(',');
  if (keys === 'is') return typeof m['is'] === 'string' || typeof m['is'] === 'boolean' || finite(m['is']);
  if (keys === 'from,to') return finite(m['from']) && finite(m['to']);
  if (keys === 'cmp,value') return ['<=', '>=', '<', '>'].includes(m['cmp'] as string) && finite(m['value']);
  if (keys === 'code') return typeof m['code'] === 'string';
  return false;
}
const timeUnits = new Set(['days', 'weeks', 'months', 'years']);

class Checker {
  readonly issues: RuleSetIssue[] = [];
  nodes = 0;
  private leafCount = 0;
  /** The tables a value may read where it stands, with their columns: the guideline's own, then the rule set's. */
  private tables: Map<string, Obj> = new Map();
  /** The rule set's tables (a vocabulary's), which every guideline and policy may read. */
  ruleSetTables: Map<string, Obj> = new Map();

  add(at: string, message: string): void {
    if (this.issues.length < 100) this.issues.push({ at, message });
  }

  /** Depth, size and forbidden keys over the whole document, before anything else reads it. */
  structure(v: unknown, at: string, depth: number, lists = 0): void {
    if (++this.nodes > ruleSetLimits.maxNodes) {
      if (this.nodes === ruleSetLimits.maxNodes + 1) this.add(at, `more than ${ruleSetLimits.maxNodes} values in the document`);
      return;
    }
    if (depth > ruleSetLimits.maxDepth) return this.add(at, `nested more than ${ruleSetLimits.maxDepth} deep`);
    if (typeof v === 'string' && v.length > ruleSetLimits.maxString) return this.add(at, `a text of ${v.length} characters; the limit is ${ruleSetLimits.maxString}`);
    if (Array.isArray(v)) v.forEach((x, i) => this.structure(x, `${at}[${i}]`, depth + 1, lists));
    else if (isObj(v)) {
      if ('quantifier' in v || 'count' in v || ('sum' in v && 'over' in v)) {
        if (++lists > ruleSetLimits.maxListNesting) return this.add(at, `lists walked ${lists} deep inside one another; the limit is ${ruleSetLimits.maxListNesting}`);
      }
      for (const k of Object.keys(v)) {
        if (forbidden.has(k)) this.add(`${at}.${k}`, `the key '${k}' is not allowed`);
        else this.structure(v[k], at ? `${at}.${k}` : k, depth + 1, lists);
      }
    }
  }

  string(o: Obj, key: string, at: string, optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string') this.add(at ? `${at}.${key}` : key, 'must be a text');
  }

  exactKeys(o: Obj, allowed: readonly string[], at: string): void {
    for (const k of Object.keys(o)) {
      if (allowed.includes(k)) continue;
      if (k === 'path') this.add(`${at}.path`, 'jsonpath expressions are not allowed; facts are flat ids');
      else this.add(`${at}.${k}`, `is not part of this node (it has ${allowed.join(', ')})`);
    }
  }

  value(v: unknown, at: string): void {
    if (!isObj(v)) return this.add(at, 'a value must be an object');
    const keys = Object.keys(v);
    if ('fact' in v) {
      this.exactKeys(v, ['fact'], at);
      if (typeof v['fact'] !== 'string') this.add(at, 'fact must be a text');
    } else if ('const' in v) {
      this.exactKeys(v, ['const'], at);
      const c = v['const'];
      if (!(typeof c === 'string' || typeof c === 'boolean' || (typeof c === 'number' && Number.isFinite(c)))) this.add(at, 'const must be a number, a text or true/false');
    } else if ('op' in v) {
      this.exactKeys(v, ['op', 'args'], at);
      if (!['+', '-', '*', '/'].includes(v['op'] as string)) this.add(at, `unknown arithmetic '${String(v['op'])}'`);
      const args = v['args'];
      if (!Array.isArray(args) || args.length !== 2) this.add(at, 'op needs two args');
      else args.forEach((a, i) => this.value(a, `${at}.args[${i}]`));
    } else if ('round' in v) {
      this.exactKeys(v, ['round', 'arg'], at);
      if (!['down', 'up', 'nearest'].includes(v['round'] as string)) this.add(at, 'round is down, up or nearest');
      this.value(v['arg'], `${at}.arg`);
    } else if ('since' in v) {
      this.exactKeys(v, ['since', 'unit', 'to'], at);
      if (!timeUnits.has(v['unit'] as string)) this.add(at, 'since needs a unit: days, weeks, months or years');
      this.value(v['since'], `${at}.since`);
      if (v['to'] !== undefined) this.value(v['to'], `${at}.to`);
    } else if ('count' in v) {
      this.exactKeys(v, ['count', 'where'], at);
      if (typeof v['count'] !== 'string') this.add(at, 'count names a list fact');
      if (v['where'] !== undefined) this.condition(v['where'], `${at}.where`);
    } else if ('sum' in v) {
      this.exactKeys(v, ['sum', 'over', 'where'], at);
      if (typeof v['over'] !== 'string') this.add(at, 'sum names a list fact in over');
      this.value(v['sum'], `${at}.sum`);
      if (v['where'] !== undefined) this.condition(v['where'], `${at}.where`);
    } else if ('lookup' in v) {
      this.exactKeys(v, ['lookup', 'column'], at);
      const t = typeof v['lookup'] === 'string' ? this.tables.get(v['lookup']) : undefined;
      if (!t) this.add(at, `lookup names no table of this guideline or of the rule set: ${shown(v['lookup'])}`);
      else if (!Array.isArray(t['columns']) || !t['columns'].some((c) => isObj(c) && c['id'] === v['column'])) this.add(at, `table '${String(v['lookup'])}' has no column ${shown(v['column'])}`);
    } else this.add(at, `not a value (its keys are ${keys.join(', ') || 'none'})`);
  }

  /** The tables a guideline (its own, then the rule set's) or a policy (the rule set's) reads. */
  useTables(own: unknown): void {
    this.tables = new Map(this.ruleSetTables);
    if (!Array.isArray(own)) return;
    for (const t of own) if (isObj(t) && typeof t['id'] === 'string') this.tables.set(t['id'], t);
  }

  /** Tables, each whole; their keys' values are read with no conditions (no leaves) and never in a cycle. */
  tableList(list: unknown, at: string): void {
    if (!Array.isArray(list)) return this.add(at, 'must be a list');
    const leaves = this.leafCount;
    this.leafCount = 0;
    list.forEach((t, i) => this.table(t, `${at}[${i}]`));
    this.leafCount = leaves;
    this.cycles(list, at);
  }

  private table(t: unknown, at: string): void {
    if (!isObj(t)) return this.add(at, 'a table must be an object');
    this.exactKeys(t, ['id', 'title', 'keys', 'columns', 'choose', 'rows', 'source'], at);
    this.string(t, 'id', at);
    this.string(t, 'title', at, true);
    const keys = Array.isArray(t['keys']) ? t['keys'] : (this.add(`${at}.keys`, 'must be a list'), []);
    keys.forEach((k, i) => {
      if (!isObj(k) || typeof k['words'] !== 'string') return this.add(`${at}.keys[${i}]`, 'a key needs its words and value');
      this.value(k['value'], `${at}.keys[${i}].value`);
    });
    const columns = Array.isArray(t['columns']) ? t['columns'] : (this.add(`${at}.columns`, 'must be a list'), []);
    const ids = new Set<unknown>();
    columns.forEach((c, i) => {
      if (!isObj(c) || typeof c['id'] !== 'string' || typeof c['words'] !== 'string' || !isObj(c['type'])) return this.add(`${at}.columns[${i}]`, 'a column needs an id, words and a type');
      ids.add(c['id']);
    });
    const choose = t['choose'];
    const ok =
      choose === 'first' ||
      (isObj(choose) && Object.keys(choose).length === 1 &&
        (ids.has(choose['most']) || ids.has(choose['least']) || (typeof choose['listed'] === 'number' && Number.isInteger(choose['listed']) && choose['listed'] >= 0 && choose['listed'] < keys.length)));
    if (!ok) this.add(`${at}.choose`, "is 'first', { most: <column> }, { least: <column> } or { listed: <key> }");
    if (!Array.isArray(t['rows'])) return this.add(`${at}.rows`, 'must be a list');
    t['rows'].forEach((r, i) => {
      const rat = `${at}.rows[${i}]`;
      if (!isObj(r) || !Array.isArray(r['when']) || !Array.isArray(r['cells'])) return this.add(rat, 'a row needs when and cells');
      this.location(r['source'], `${rat}.source`);
      if (r['when'].length !== keys.length) this.add(`${rat}.when`, `has ${r['when'].length} key cells; the table has ${keys.length} keys`);
      if (r['cells'].length !== columns.length) this.add(`${rat}.cells`, `has ${r['cells'].length} cells; the table has ${columns.length} columns`);
      r['when'].forEach((ms, j) => {
        if (!Array.isArray(ms)) return this.add(`${rat}.when[${j}]`, 'must be a list of matches');
        ms.forEach((m, k) => { if (!keyMatch(m)) this.add(`${rat}.when[${j}][${k}]`, 'a match is { is }, { from, to }, { cmp, value } or { code }'); });
      });
      r['cells'].forEach((c, j) => { if (!(c === null || typeof c === 'string' || typeof c === 'boolean' || finite(c))) this.add(`${rat}.cells[${j}]`, 'a cell is a number, a text, true/false or null'); });
    });
  }

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
    for (const t of list) if (isObj(t) && typeof t['id'] === 'string') reads.set(t['id'], lookups(t['keys'], []));
    const state = new Map<string, 'open' | 'done'>();
    const cyclic = (id: string): boolean => {
      if (state.get(id) === 'done') return false;
      if (state.get(id) === 'open') return true;
      state.set(id, 'open');
      const found = (reads.get(id) ?? []).some(cyclic);
      state.set(id, 'done');
      return found;
    };
    for (const id of reads.keys()) if (cyclic(id)) return this.add(at, `table '${id}' is read, through its keys, by its own keys`);
  }

  condition(c: unknown, at: string): void {
    if (!isObj(c)) return this.add(at, 'a condition must be an object');
    for (const key of ['all', 'any'] as const) {
      if (key in c) {
        this.exactKeys(c, [key], at);
        const parts = c[key];
        if (!Array.isArray(parts)) return this.add(`${at}.${key}`, 'must be a list');
        parts.forEach((p, i) => this.condition(p, `${at}.${key}[${i}]`));
        return;
      }
    }
    if ('not' in c) {
      this.exactKeys(c, ['not'], at);
      return this.condition(c['not'], `${at}.not`);
    }
    const kind = Object.keys(leafKeys).find((k) => k in c);
    if (!kind) return this.add(at, 'not a condition: all, any, not, or a leaf (cmp, is, known, recorded, includes, empty, within, quantifier, code)');
    this.exactKeys(c, leafKeys[kind]!, at);
    const leaf = c['leaf'];
    if (typeof leaf !== 'number' || !Number.isInteger(leaf) || leaf < 0 || leaf >= this.leafCount) this.add(`${at}.leaf`, `must number one of the ${this.leafCount} leaves`);
    const strings = (v: unknown, what: string): void => {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) this.add(`${at}.${what}`, 'must be a list of texts');
    };
    switch (kind) {
      case 'cmp':
        if (!compareOps.has(c['cmp'] as string)) this.add(`${at}.cmp`, `unknown comparison '${String(c['cmp'])}'`);
        this.value(c['left'], `${at}.left`);
        this.value(c['right'], `${at}.right`);
        return;
      case 'is':
        this.value(c['is'], `${at}.is`);
        if (!Array.isArray(c['values']) || !c['values'].every((x) => ['string', 'number', 'boolean'].includes(typeof x))) this.add(`${at}.values`, 'must be a list of values');
        return;
      case 'known':
        this.value(c['known'], `${at}.known`);
        if (typeof c['yes'] !== 'boolean') this.add(`${at}.yes`, 'must be true or false');
        return;
      case 'recorded':
        return this.value(c['recorded'], `${at}.recorded`);
      case 'includes':
        this.value(c['includes'], `${at}.includes`);
        return strings(c['values'], 'values');
      case 'empty':
        return this.value(c['empty'], `${at}.empty`);
      case 'within':
        this.value(c['within'], `${at}.within`);
        return this.value(c['window'], `${at}.window`);
      case 'quantifier':
        if (!['some', 'every', 'no'].includes(c['quantifier'] as string)) this.add(`${at}.quantifier`, 'is some, every or no');
        if (typeof c['over'] !== 'string') this.add(`${at}.over`, 'names a list fact');
        return this.condition(c['where'], `${at}.where`);
      case 'code':
        this.value(c['code'], `${at}.code`);
        return strings(c['patterns'], 'patterns');
    }
  }

  template(t: unknown, at: string): void {
    if (t === undefined) return;
    if (!isObj(t) || typeof t['text'] !== 'string' || !Array.isArray(t['placeholders'])) return this.add(at, 'a text needs text and placeholders');
    const n = t['placeholders'].length;
    for (const m of t['text'].matchAll(/\{(\d+)\}/g)) if (Number(m[1]) >= n) this.add(at, `refers to placeholder {${m[1]}} of ${n}`);
    t['placeholders'].forEach((p, i) => {
      if (!isObj(p) || typeof p['text'] !== 'string') return this.add(`${at}.placeholders[${i}]`, 'needs text and value');
      this.value(p['value'], `${at}.placeholders[${i}].value`);
    });
  }

  texts(t: unknown, at: string): void {
    if (!isObj(t)) return this.add(at, 'texts must be an object');
    this.exactKeys(t, ['met', 'notMet', 'unknown'], at);
    for (const k of ['met', 'notMet', 'unknown']) this.template(t[k], `${at}.${k}`);
  }

  location(l: unknown, at: string): void {
    if (!isObj(l) || typeof l['file'] !== 'string' || typeof l['line'] !== 'number') this.add(at, 'a source location needs a file and a line');
  }

  criterion(c: unknown, at: string): void {
    if (!isObj(c)) return this.add(at, 'a criterion must be an object');
    this.string(c, 'id', at);
    this.string(c, 'title', at);
    this.location(c['source'], `${at}.source`);
    this.texts(c['texts'], `${at}.texts`);
    if (c['when'] !== undefined) this.condition(c['when'], `${at}.when`);
    if (c['require'] !== undefined) this.condition(c['require'], `${at}.require`);
    if (c['certify'] !== undefined) this.value(c['certify'], `${at}.certify`);
    const g = c['group'];
    if (g !== undefined) {
      if (!isObj(g) || !Array.isArray(g['parts'])) return this.add(`${at}.group`, 'a group needs its need and parts');
      const need = g['need'];
      if (!(need === 'any' || need === 'all' || (typeof need === 'number' && Number.isInteger(need) && need >= 1))) this.add(`${at}.group.need`, 'is any, all or a whole number');
      g['parts'].forEach((p, i) => {
        const pat = `${at}.group.parts[${i}]`;
        if (!isObj(p)) return this.add(pat, 'a part must be an object');
        this.string(p, 'id', pat);
        this.string(p, 'title', pat);
        this.condition(p['require'], `${pat}.require`);
        this.texts(p['texts'], `${pat}.texts`);
      });
    } else if (c['require'] === undefined && c['review'] !== true) this.add(at, 'a criterion needs a require, a group, or review');
    if (c['reviewNotMet'] !== undefined && (c['reviewNotMet'] !== true || c['review'] !== true)) this.add(`${at}.reviewNotMet`, 'is true, and only with review');
  }

  leaves(l: unknown, at: string): number {
    if (!Array.isArray(l)) {
      this.add(at, 'must be a list');
      return 0;
    }
    l.forEach((x, i) => {
      if (!isObj(x) || typeof x['text'] !== 'string') return this.add(`${at}[${i}]`, 'a leaf needs its text and source');
      this.location(x['source'], `${at}[${i}].source`);
    });
    return l.length;
  }

  guideline(g: unknown, at: string): void {
    if (!isObj(g)) return this.add(at, 'a guideline must be an object');
    for (const k of ['id', 'title', 'citation']) this.string(g, k, at);
    this.string(g, 'edition', at, true);
    if (!Array.isArray(g['covers']) || !g['covers'].every((x) => typeof x === 'string')) this.add(`${at}.covers`, 'must be a list of treatments');
    if (!Array.isArray(g['classes'])) this.add(`${at}.classes`, 'must be a list');
    else g['classes'].forEach((c, i) => {
      if (!isObj(c) || typeof c['id'] !== 'string' || !Array.isArray(c['terms']) || !c['terms'].every((t) => typeof t === 'string') || !Array.isArray(c['codes']) || !c['codes'].every((t) => typeof t === 'string')) this.add(`${at}.classes[${i}]`, 'a class needs an id, terms and codes');
    });
    this.useTables(g['tables']);
    this.tableList(g['tables'], `${at}.tables`);
    this.leafCount = this.leaves(g['leaves'], `${at}.leaves`);
    this.condition(g['applies'], `${at}.applies`);
    if (!Array.isArray(g['criteria'])) this.add(`${at}.criteria`, 'must be a list');
    else g['criteria'].forEach((c, i) => this.criterion(c, `${at}.criteria[${i}]`));
  }

  policy(p: unknown, at: string): void {
    if (!isObj(p)) return this.add(at, 'a policy must be an object');
    for (const k of ['id', 'title', 'jurisdiction']) this.string(p, k, at);
    if (!Array.isArray(p['steps']) || !p['steps'].every((s) => Array.isArray(s) && s.every((x) => typeof x === 'string'))) this.add(`${at}.steps`, 'must be a list of lists of guideline patterns');
    this.useTables(undefined);
    this.leafCount = this.leaves(p['leaves'], `${at}.leaves`);
    if (!Array.isArray(p['criteria'])) this.add(`${at}.criteria`, 'must be a list');
    else p['criteria'].forEach((c, i) => this.criterion(c, `${at}.criteria[${i}]`));
    this.string(p, 'denialNote', at, true);
  }

  fact(f: unknown, at: string): void {
    if (!isObj(f) || typeof f['id'] !== 'string' || typeof f['words'] !== 'string' || !isObj(f['type']) || !Array.isArray(f['inputs'])) return this.add(at, 'a fact needs an id, words, a type and inputs');
    if (f['field'] !== undefined && (typeof f['field'] !== 'string' || !/^[a-zA-Z][A-Za-z0-9]*(\.[a-zA-Z][A-Za-z0-9]*)*$/.test(f['field']))) this.add(`${at}.field`, 'must be a case field path');
  }
}

/** Rule sets loadRuleSet has passed, by identity. */
const checked = new WeakSet<object>();

/**
 * The rule set, once loadRuleSet has passed it: every evaluator calls this first, so a rule set built
 * or changed in code is held to the same checks as one read from a file (once per object; a rule set
 * changed after its first use is not checked again). Throws RuleSetError.
 */
export function checkedRuleSet(rules: RuleSet): RuleSet {
  return checked.has(rules) ? rules : loadRuleSet(rules);
}

/**
 * Validates a compiled rule set (a JSON string or its parsed value) and returns it typed.
 * Throws RuleSetError naming every problem found (up to 100).
 */
export function loadRuleSet(input: unknown): RuleSet {
  const ck = new Checker();
  let doc = input;
  if (typeof input === 'string') {
    if (input.length > ruleSetLimits.maxBytes) throw new RuleSetError([{ at: '', message: `the document is ${input.length} characters; the limit is ${ruleSetLimits.maxBytes}` }]);
    try {
      doc = JSON.parse(input);
    } catch (e) {
      throw new RuleSetError([{ at: '', message: `not JSON: ${(e as Error).message}` }]);
    }
  }
  if (!isObj(doc)) throw new RuleSetError([{ at: '', message: 'a rule set is a JSON object' }]);
  ck.structure(doc, '', 0);
  if (ck.issues.length) throw new RuleSetError(ck.issues);
  if (doc['format'] !== ARTIFACT_FORMAT) ck.add('format', `expected '${ARTIFACT_FORMAT}', got ${JSON.stringify(doc['format'])}`);
  if (doc['version'] !== ARTIFACT_VERSION) ck.add('version', `this runtime reads version ${ARTIFACT_VERSION}, not ${JSON.stringify(doc['version'])}`);
  for (const k of ['facts', 'records', 'guidelines', 'policies', 'tables']) if (!Array.isArray(doc[k])) ck.add(k, 'must be a list');
  if (ck.issues.length) throw new RuleSetError(ck.issues);
  // The rule set's tables first: any guideline or policy may read them.
  for (const t of doc['tables'] as unknown[]) if (isObj(t) && typeof t['id'] === 'string') ck.ruleSetTables.set(t['id'], t);
  ck.useTables(undefined);
  ck.tableList(doc['tables'], 'tables');
  const guidelines = doc['guidelines'] as unknown[];
  if (guidelines.length > ruleSetLimits.maxGuidelines) ck.add('guidelines', `more than ${ruleSetLimits.maxGuidelines} guidelines`);
  (doc['facts'] as unknown[]).forEach((f, i) => ck.fact(f, `facts[${i}]`));
  guidelines.forEach((g, i) => ck.guideline(g, `guidelines[${i}]`));
  (doc['policies'] as unknown[]).forEach((p, i) => ck.policy(p, `policies[${i}]`));
  if (ck.issues.length) throw new RuleSetError(ck.issues);
  checked.add(doc);
  return doc as unknown as RuleSet;
}
