// The space of cases, as the analysis sees it: one variable per fact a rule set reads. Facts with
// few values (enums, yes/no, texts compared with literals, codes matched with patterns (codes.ts),
// known-or-not flags, the recommendation row a guideline picks) are finite variables; numbers and
// dates (as day numbers) are numeric variables, each with a flag for whether the case gives it.
// Diagnoses and surgeries are sets of the classes they match (sets.ts).
import { builtins, type CompiledGuideline, type CompiledTable, type Cond, type FactDef, type RecordDef, type RuleSet, type Value } from '@guideline/language';
import { bodyRegions, dayNumber } from './calendar.ts';
import { SetUniverse } from './sets.ts';
import { CodeValues } from './codes.ts';
import type { Region } from './cell.ts';

/** The value of a finite variable that stands for "the case does not give it". */
export const UNKNOWN = '\u0000unknown';
/** The value of a text variable that stands for any text no condition names. */
export const OTHER = '\u0000other';

export interface FiniteVar {
  kind: 'finite';
  index: number;
  id: string;
  /** The fact's words, for descriptions. */
  words: string;
  values: string[];
  /** A code fact's: the patterns it is matched with, its values the codes that stand for each way of matching them. */
  codes?: CodeValues;
}

export interface NumVar {
  kind: 'num';
  index: number;
  id: string;
  words: string;
  integer: boolean;
  date: boolean;
  /** The values a case may give (a date's as day numbers). */
  min: number;
  max: number;
  /** The known-or-unknown flag, when the case may leave it out. */
  known?: FiniteVar;
  /** What an unknown value is bounded by (the fact type's range), as the runtime bounds it. */
  unknownMin?: number;
  unknownMax?: number;
  /** A date that may be unknown is no later than the review date (unless `any date`). */
  unknownBeforeReview?: boolean;
  /** A date of what has happened (`date`, not `any date`): a case that gives it later than the review date is refused. */
  notAfterReview?: boolean;
}

export type Var = FiniteVar | NumVar;

/** A guideline of one of the rule sets analysed, with the key that names its classes and row variables. */
export interface Placed {
  key: string;
  ruleSet: number;
  index: number;
  g: CompiledGuideline;
  /** Its tables whose row the first diagnosis (or the surgery) with one picks, by table id. */
  rows: Map<string, RowTable>;
}

/**
 * A table of a guideline keyed by the classes of the diagnoses (or of the surgery) alone, its row
 * chosen by the first diagnosis listed that any row matches (a recommend block): the row chosen is
 * a variable (values: row indices, then 'none'), linked to the items by the set solver.
 */
export interface RowTable {
  placed: Placed;
  table: CompiledTable;
  v: FiniteVar;
  kind: 'diagnosis' | 'procedure';
  /** Each row's classes (element ids, `<guideline key>:<class>`), in table order. */
  classes: string[][];
}

/** Numeric facts the requested-* computations read from the request, with the range the case allows. */
const requestNumbers: Record<string, string> = { 'requested-visits': 'request.visits', 'requested-frequency': 'request.frequencyPerWeek', 'requested-weeks': 'request.weeks' };

const minDay = dayNumber('1000-01-01');
const maxDay = dayNumber('9999-12-31');

export class Space {
  readonly vars: Var[] = [];
  private readonly byId = new Map<string, Var>();
  /** Fact definitions by id (the first rule set's, when several define one). */
  readonly defs = new Map<string, FactDef>();
  /** Record definitions by name. */
  readonly records = new Map<string, RecordDef>();
  readonly guidelines: Placed[] = [];
  private readonly placed = new Map<CompiledGuideline, Placed>();
  private readonly rows = new Map<number, RowTable>();
  readonly sets: SetUniverse;
  /** Required case fields: always known. */
  private readonly required = new Set(['asOf', 'jurisdiction', 'request.treatment']);

  constructor(readonly ruleSets: readonly RuleSet[]) {
    for (const rules of ruleSets) for (const d of rules.facts) if (!this.defs.has(d.id)) this.defs.set(d.id, d);
    for (const rules of ruleSets) for (const r of rules.records) if (!this.records.has(r.name)) this.records.set(r.name, r);
    const { literals, patterns } = collectLiterals(ruleSets);
    ruleSets.forEach((rules, r) => rules.guidelines.forEach((g, i) => {
      const p: Placed = { key: `${r}/${i}`, ruleSet: r, index: i, g, rows: new Map() };
      this.guidelines.push(p);
      this.placed.set(g, p);
    }));
    this.sets = new SetUniverse(this.guidelines, literals, (id) => {
      const t = this.defs.get(id)?.type;
      // A list of records is only ever asked whether it has items: one item stands for any.
      if (t?.kind === 'records') return [ANY_ITEM];
      return t?.kind === 'list' && t.of.kind === 'enum' ? t.of.values : undefined;
    });
    this.date('asOf', 'review date', false);
    // The edition date reads it (effective date: the service date, else the review date).
    this.date('request.serviceDate', this.defs.get('request.serviceDate')?.words ?? 'service date', true, true);
    this.finite('jurisdiction', 'state', [...new Set([...ruleSets.flatMap((r) => r.policies.map((p) => p.jurisdiction.toUpperCase())), ...(literals.get('jurisdiction') ?? [])]), OTHER], false);
    this.finite('request.treatment', 'treatment', [...new Set([...this.guidelines.flatMap((p) => p.g.covers), ...(literals.get('request.treatment') ?? [])]), OTHER], false);
    for (const d of this.defs.values()) this.declare(d, literals.get(d.id) ?? [], patterns.get(d.id) ?? []);
    // A decision reads the review kind and the requested visits, whether or not a condition does.
    if (!this.byId.has('review')) this.finite('review', 'review', ['independent', 'utilization'], false);
    if (!this.byId.has('request.visits')) this.number({ id: 'request.visits', words: 'requested visits', type: { kind: 'number', min: 0 }, inputs: [] }, true, 0, 1000);
    for (const p of this.guidelines) {
      for (const t of p.g.tables) {
        const kind = this.rowKind(t);
        if (!kind) continue;
        // A cell names a class; the runtime compares the names without regard to case.
        const classes = t.rows.map((r) => p.g.classes.filter((c) => c.of === kind && r.when[0]!.some((m) => 'is' in m && typeof m.is === 'string' && m.is.toLowerCase() === c.id.toLowerCase())).map((c) => `${p.key}:${c.id}`));
        const v = this.finite(`row:${p.key}:${t.id}`, `the row of table ${t.id} of ${p.g.id}`, [...t.rows.map((_, k) => `r${k}`), 'none'], false);
        const rt: RowTable = { placed: p, table: t, v, kind, classes };
        p.rows.set(t.id, rt);
        this.rows.set(v.index, rt);
      }
    }
    this.setFlags.set(this.flag('diagnoses', 'the diagnoses').index, 'diagnosis');
    this.setFlags.set(this.flag('surgery', 'the surgery').index, 'procedure');
    for (const d of this.defs.values()) {
      const flag = isSetList(d) ? this.finiteVar(`?${d.id}`) : undefined;
      if (flag) this.setFlags.set(flag.index, `list:${d.id}`);
    }
  }

  /** Whether the set solver reads a variable: a recommendation row, or a set's known flag. */
  readBySets(index: number): boolean {
    return this.rows.has(index) || this.setFlags.has(index);
  }

  /** The set each known flag is of, by the flag's index. */
  private readonly setFlags = new Map<number, string>();

  /** The set a variable is the known flag of, if it is one. */
  setOfFlag(index: number): string | undefined {
    return this.setFlags.get(index);
  }

  /** The table whose chosen row a variable is, if it is one. */
  rowOwner(index: number): RowTable | undefined {
    return this.rows.get(index);
  }

  /** The set a table's row is picked from, when its one key is the classes of the diagnoses (or of the surgery) and each row names classes. */
  private rowKind(t: CompiledTable): 'diagnosis' | 'procedure' | undefined {
    if (typeof t.choose !== 'object' || !('listed' in t.choose) || t.choose.listed !== 0 || t.keys.length !== 1) return undefined;
    const key = t.keys[0]!.value;
    const def = 'fact' in key ? this.defs.get(key.fact) : undefined;
    const kind = def?.builtin === 'diagnosis-classes' ? 'diagnosis' : def?.builtin === 'surgery-classes' ? 'procedure' : undefined;
    return kind && t.rows.every((r) => r.when.length === 1 && r.when[0]!.length > 0 && r.when[0]!.every((m) => 'is' in m && typeof m.is === 'string')) ? kind : undefined;
  }

  /** The table a `{ lookup }` names, read by a guideline's conditions (its own first) or a policy's (the rule set's). */
  table(ruleSet: number, own: CompiledGuideline | undefined, id: string): CompiledTable | undefined {
    return own?.tables.find((t) => t.id === id) ?? this.ruleSets[ruleSet]?.tables.find((t) => t.id === id);
  }

  placedOf(g: CompiledGuideline): Placed {
    const p = this.placed.get(g);
    if (!p) throw new Error(`guideline ${g.id} is not in the analysed rule sets`);
    return p;
  }

  get(id: string): Var | undefined {
    return this.byId.get(id);
  }

  finiteVar(id: string): FiniteVar | undefined {
    const v = this.byId.get(id);
    return v?.kind === 'finite' ? v : undefined;
  }

  numVar(id: string): NumVar | undefined {
    const v = this.byId.get(id);
    return v?.kind === 'num' ? v : undefined;
  }

  private add<V extends Var>(v: Omit<V, 'index'>): V {
    const out = { ...v, index: this.vars.length } as V;
    this.vars.push(out);
    this.byId.set(out.id, out);
    return out;
  }

  private finite(id: string, words: string, values: string[], mayBeUnknown: boolean, codes?: CodeValues): FiniteVar {
    const known = this.byId.get(id);
    if (known?.kind === 'finite') return known;
    return this.add<FiniteVar>({ kind: 'finite', id, words, values: mayBeUnknown ? [...values, UNKNOWN] : values, ...(codes ? { codes } : {}) });
  }

  private flag(id: string, words: string): FiniteVar {
    return this.finite(`?${id}`, words, ['known', UNKNOWN], false);
  }

  private date(id: string, words: string, mayBeUnknown: boolean, anyDate = false): NumVar {
    const v: Omit<NumVar, 'index'> = { kind: 'num', id, words, integer: true, date: true, min: minDay, max: maxDay };
    if (!anyDate && id !== 'asOf') v.notAfterReview = true;
    if (mayBeUnknown) {
      v.known = this.flag(id, words);
      if (!anyDate) v.unknownBeforeReview = true;
    }
    return this.add<NumVar>(v);
  }

  private number(d: FactDef, integer: boolean, min: number, max: number): NumVar {
    const t = d.type as { min?: number; max?: number };
    const v: Omit<NumVar, 'index'> = { kind: 'num', id: d.id, words: d.words, integer, date: false, min, max };
    if (d.absent === undefined) {
      v.known = this.flag(d.id, d.words);
      if (t.min !== undefined) v.unknownMin = t.min;
      if (t.max !== undefined) v.unknownMax = t.max;
    }
    return this.add<NumVar>(v);
  }

  /** The variable of a fact, by its type and where it comes from; facts beyond the method get none. */
  private declare(d: FactDef, literals: readonly string[], patterns: readonly string[]): void {
    if (this.byId.has(d.id) || d.id.includes('[].') || d.id.startsWith('recommended.')) return;
    const unknown = d.absent === undefined && !this.required.has(d.field ?? d.id);
    if (d.builtin) {
      const read = requestNumbers[d.builtin];
      if (read) {
        const ty = builtins[d.builtin]!.reads?.[read] as { min?: number; max?: number } | undefined;
        this.number(d, d.builtin === 'requested-visits', ty?.min ?? 0, ty?.max ?? Number.MAX_SAFE_INTEGER);
      } else if (d.builtin === 'body-region') this.finite(d.id, d.words, [...bodyRegions, 'other'], true);
      return;
    }
    if (d.field === 'asOf' || d.id === 'jurisdiction' || d.id === 'request.treatment') return;
    switch (d.type.kind) {
      case 'yes-no': this.finite(d.id, d.words, ['yes', 'no'], unknown); return;
      case 'enum': this.finite(d.id, d.words, [...d.type.values], unknown); return;
      case 'text': this.finite(d.id, d.words, [...new Set(literals), OTHER], unknown); return;
      case 'number': {
        const min = d.type.min ?? -Number.MAX_SAFE_INTEGER;
        const max = d.type.max ?? Number.MAX_SAFE_INTEGER;
        this.number(d, d.type.unit === 'visits', min, max);
        return;
      }
      case 'date': this.date(d.id, d.words, unknown, d.type.anyDate); return;
      case 'code': {
        // A code read from a case field, given or not (no code fact has a value when absent).
        if (d.field === undefined || d.absent !== undefined) return;
        const codes = new CodeValues(patterns);
        this.finite(d.id, d.words, codes.values, unknown, codes);
        return;
      }
      case 'list': case 'records':
        if (isSetList(d)) this.flag(d.id, d.words);
        return;
      default:
    }
  }

  /**
   * Regions grouped so that no two groups say anything of the same case value: each group's cells
   * read variables (and sets) of the group alone, a number together with whether it is given, a set
   * with its flag and the rows picked from it, the requested visits with the frequency and weeks
   * they are computed from. A conjunction of such groups holds cases when each group does.
   */
  independent(regions: readonly Region[]): Region[][] {
    const parent = new Map<string, string>();
    const find = (x: string): string => {
      let r = x;
      while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
      parent.set(x, r);
      return r;
    };
    const join = (a: string, b: string): void => {
      const [x, y] = [find(a), find(b)];
      if (x !== y) parent.set(x, y);
    };
    const node = (index: number): string => {
      // A number and whether it is given; a set's flag and its rows: one node each.
      const n = this.vars[index]!;
      const i = n.kind === 'num' && n.known ? n.known.index : index;
      const v = this.vars[i]!;
      const set = this.setOfFlag(i) ?? this.rowOwner(i)?.kind;
      if (set) return `s${set}`;
      if (v.id === '?request.frequencyPerWeek' || v.id === '?request.weeks' || v.id === '?request.visits') return 'requested';
      return `v${i}`;
    };
    const supports = regions.map((r) => {
      const nodes = new Set<string>();
      for (const c of r) {
        for (const i of c.fin.keys()) nodes.add(node(i));
        for (const k of c.atoms) {
          nodes.add(node(k.x));
          if (k.y !== undefined) nodes.add(node(k.y));
        }
        for (const kind of c.sets.keys()) nodes.add(`s${kind}`);
        for (const k of c.months) {
          nodes.add(node(k.to));
          if (k.date !== undefined) nodes.add(node(k.date));
        }
      }
      const list = [...nodes];
      for (const n of list.slice(1)) join(list[0]!, n);
      return list;
    });
    const groups = new Map<string, Region[]>();
    regions.forEach((r, i) => {
      const root = supports[i]!.length ? find(supports[i]![0]!) : `#${i}`;
      groups.set(root, [...(groups.get(root) ?? []), r]);
    });
    return [...groups.values()];
  }

  /** The known flag of a set (diagnoses, a surgery, a list of texts). */
  setFlag(kind: string): FiniteVar {
    const id = kind === 'diagnosis' ? '?diagnoses' : kind === 'procedure' ? '?surgery' : `?${kind.slice(5)}`;
    const v = this.finiteVar(id);
    if (!v) throw new Error(`no flag for the set ${kind}`);
    return v;
  }
}

/**
 * The texts each text fact is compared with, and the literals of each list of texts; and the
 * patterns each code fact is matched with (by a condition, or by a table's cells).
 */
function collectLiterals(ruleSets: readonly RuleSet[]): { literals: Map<string, string[]>; patterns: Map<string, string[]> } {
  const out = new Map<string, string[]>();
  const patterns = new Map<string, string[]>();
  const add = (id: string, s: string, to = out): void => {
    const list = to.get(id) ?? [];
    if (!list.includes(s)) list.push(s);
    to.set(id, list);
  };
  const value = (v: Value): string | undefined => ('fact' in v ? v.fact : undefined);
  const cond = (c: Cond): void => {
    if ('all' in c) c.all.forEach(cond);
    else if ('any' in c) c.any.forEach(cond);
    else if ('not' in c) cond(c.not);
    else if ('is' in c) {
      const f = value(c.is);
      if (f) for (const s of c.values) if (typeof s === 'string') add(f, s);
    } else if ('includes' in c) {
      const f = value(c.includes);
      if (f) for (const s of c.values) add(f, s);
    } else if ('cmp' in c && (c.cmp === '=' || c.cmp === '!=')) {
      for (const [a, b] of [[c.left, c.right], [c.right, c.left]] as const) {
        const f = value(a);
        if (f && 'const' in b && typeof b.const === 'string') add(f, b.const);
      }
    } else if ('code' in c) {
      const f = value(c.code);
      if (f) for (const p of c.patterns) add(f, p, patterns);
    } else if ('quantifier' in c) cond(c.where);
  };
  // A table compares texts without regard to case: a spelling in another case is a value of its own.
  const table = (t: CompiledTable): void => {
    t.keys.forEach((k, i) => {
      const f = value(k.value);
      if (!f) return;
      for (const r of t.rows) {
        for (const m of r.when[i] ?? []) {
          if ('code' in m) add(f, m.code, patterns);
          if (!('is' in m) || typeof m.is !== 'string') continue;
          add(f, m.is);
          // The state is upper case whatever the case says.
          if (f === 'jurisdiction') continue;
          const other = [m.is.toUpperCase(), m.is.toLowerCase()].find((x) => x !== m.is && !(out.get(f) ?? []).includes(x));
          if (other !== undefined) add(f, other);
        }
      }
    });
  };
  for (const rules of ruleSets) {
    rules.tables.forEach(table);
    for (const g of rules.guidelines) {
      g.tables.forEach(table);
      cond(g.applies);
      for (const c of g.criteria) [c.when, c.require, ...(c.group?.parts.map((p) => p.require) ?? [])].forEach((x) => x && cond(x));
    }
    for (const p of rules.policies) for (const c of p.criteria) [c.when, c.require, ...(c.group?.parts.map((x) => x.require) ?? [])].forEach((x) => x && cond(x));
  }
  return { literals: out, patterns };
}

/** A list whose items the set solver places: texts, or one of a few values, read from a case field. */
function isSetList(d: FactDef): boolean {
  if (d.field === undefined || d.id.includes('[].')) return false;
  return d.type.kind === 'records' || (d.type.kind === 'list' && (d.type.of.kind === 'text' || d.type.of.kind === 'enum'));
}

/** The element of a list of records: any item. */
export const ANY_ITEM = '\u0000item';
