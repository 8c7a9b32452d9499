// The space of cases, as the analysis sees it: one variable per fact a rule set reads. Facts with
// few values (enums, yes/no, texts compared with literals, known-or-not flags, the recommendation
// row a guideline picks) are finite variables; numbers and dates (as day numbers) are numeric
// variables, each with a flag for whether the case gives it. Diagnoses and surgeries are sets of
// the classes they match (sets.ts).
import { builtins, type CompiledGuideline, type Cond, type FactDef, type RuleSet, type Value } from '@guideline/language';
import { bodyRegions, dayNumber } from './calendar.ts';
import { SetUniverse } from './sets.ts';

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
}

export type Var = FiniteVar | NumVar;

/** A guideline of one of the rule sets analysed, with the key that names its classes and row. */
export interface Placed {
  key: string;
  ruleSet: number;
  index: number;
  g: CompiledGuideline;
  /** Its recommendation row variable (values: row indices, then 'none'), when it recommends. */
  row?: FiniteVar;
  /** Which set its rows are picked from. */
  rowKind?: 'diagnosis' | 'procedure';
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
  readonly guidelines: Placed[] = [];
  private readonly placed = new Map<CompiledGuideline, Placed>();
  private readonly rows = new Map<number, Placed>();
  readonly sets: SetUniverse;
  /** Required case fields: always known. */
  private readonly required = new Set(['asOf', 'jurisdiction', 'request.treatment']);

  constructor(readonly ruleSets: readonly RuleSet[]) {
    for (const rules of ruleSets) for (const d of rules.facts) if (!this.defs.has(d.id)) this.defs.set(d.id, d);
    const literals = collectLiterals(ruleSets);
    ruleSets.forEach((rules, r) => rules.guidelines.forEach((g, i) => {
      const p: Placed = { key: `${r}/${i}`, ruleSet: r, index: i, g };
      this.guidelines.push(p);
      this.placed.set(g, p);
    }));
    this.sets = new SetUniverse(this.guidelines, literals);
    this.date('asOf', 'review date', false);
    // The edition date reads it (effective date: the service date, else the review date).
    this.date('request.serviceDate', this.defs.get('request.serviceDate')?.words ?? 'service date', true, true);
    this.finite('jurisdiction', 'state', [...new Set([...ruleSets.flatMap((r) => r.policies.map((p) => p.jurisdiction.toUpperCase())), ...(literals.get('jurisdiction') ?? [])]), OTHER], false);
    this.finite('request.treatment', 'treatment', [...new Set([...this.guidelines.flatMap((p) => p.g.covers), ...(literals.get('request.treatment') ?? [])]), OTHER], false);
    for (const d of this.defs.values()) this.declare(d, literals.get(d.id) ?? []);
    // A decision reads the review kind and the requested visits, whether or not a condition does.
    if (!this.byId.has('review')) this.finite('review', 'review', ['independent', 'utilization'], false);
    if (!this.byId.has('request.visits')) this.number({ id: 'request.visits', words: 'requested visits', type: { kind: 'number', min: 0 }, inputs: [] }, true, 0, 1000);
    for (const p of this.guidelines) {
      if (!p.g.recommendations.length) continue;
      const first = p.g.classes.find((c) => c.id === p.g.recommendations[0]!.class);
      p.rowKind = first?.of === 'procedure' ? 'procedure' : 'diagnosis';
      p.row = this.finite(`row:${p.key}`, `the recommendation ${p.g.id} applies`, [...p.g.recommendations.map((_, k) => `r${k}`), 'none'], false);
      this.rows.set(p.row.index, p);
    }
    this.setFlags.add(this.flag('diagnoses', 'the diagnoses').index);
    this.setFlags.add(this.flag('surgery', 'the surgery').index);
    for (const d of this.defs.values()) {
      const flag = d.type.kind === 'list' && d.type.of.kind === 'text' && d.field ? this.finiteVar(`?${d.id}`) : undefined;
      if (flag) this.setFlags.add(flag.index);
    }
  }

  /** Whether the set solver reads a variable: a recommendation row, or a set's known flag. */
  readBySets(index: number): boolean {
    return this.rows.has(index) || this.setFlags.has(index);
  }

  private readonly setFlags = new Set<number>();

  /** The guideline whose recommendation row a variable is, if it is one. */
  rowOwner(index: number): Placed | undefined {
    return this.rows.get(index);
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

  private finite(id: string, words: string, values: string[], mayBeUnknown: boolean): FiniteVar {
    const known = this.byId.get(id);
    if (known?.kind === 'finite') return known;
    return this.add<FiniteVar>({ kind: 'finite', id, words, values: mayBeUnknown ? [...values, UNKNOWN] : values });
  }

  private flag(id: string, words: string): FiniteVar {
    return this.finite(`?${id}`, words, ['known', UNKNOWN], false);
  }

  private date(id: string, words: string, mayBeUnknown: boolean, anyDate = false): NumVar {
    const v: Omit<NumVar, 'index'> = { kind: 'num', id, words, integer: true, date: true, min: minDay, max: maxDay };
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
  private declare(d: FactDef, literals: readonly string[]): void {
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
      case 'list':
        if (d.type.of.kind === 'text' && d.field) this.flag(d.id, d.words);
        return;
      default:
    }
  }

  /** The known flag of a set (diagnoses, a surgery, a list of texts). */
  setFlag(kind: string): FiniteVar {
    const id = kind === 'diagnosis' ? '?diagnoses' : kind === 'procedure' ? '?surgery' : `?${kind.slice(5)}`;
    const v = this.finiteVar(id);
    if (!v) throw new Error(`no flag for the set ${kind}`);
    return v;
  }
}

/** The texts each text fact is compared with, and the literals of each list of texts. */
function collectLiterals(ruleSets: readonly RuleSet[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (id: string, s: string): void => {
    const list = out.get(id) ?? [];
    if (!list.includes(s)) list.push(s);
    out.set(id, list);
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
    } else if ('quantifier' in c) cond(c.where);
  };
  for (const rules of ruleSets) {
    for (const g of rules.guidelines) {
      cond(g.applies);
      for (const c of g.criteria) [c.when, c.require, ...(c.group?.parts.map((p) => p.require) ?? [])].forEach((x) => x && cond(x));
    }
    for (const p of rules.policies) for (const c of p.criteria) [c.when, c.require, ...(c.group?.parts.map((x) => x.require) ?? [])].forEach((x) => x && cond(x));
  }
  return out;
}
