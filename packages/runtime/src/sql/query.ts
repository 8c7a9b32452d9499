// A rule set as one SQL query over a relation `cases` (the case's fields as columns, structs for
// its objects, plus the prep step's columns and a row_id): each case's decision, governing
// guideline, criterion statuses, certified visits and missing fields, as evaluate.ts decides them:
// the policy of the jurisdiction, its guidelines in evidence order (editions by their in-force
// dates), the first that applies governs unless one before it is undecided.
import type { CompiledCriterion, CompiledGuideline, CompiledPolicy, Cond, FactDef, RuleSet, SourceLocation, Value } from '@guideline/language/rules';
import type { Dialect } from './dialect.ts';
import { sqlText } from './dialect.ts';
import { kindOf, literal, NotSql, SqlScope, type Kind, type LeafOf, type SqlValue } from './scope.ts';
import { daysFromCivil } from './dates.ts';
import { computedKey, guidelineFacts, leafValues, type ComputedItem } from './computed.ts';
import { matchesPattern } from '../policy.ts';
import { computedOf } from './prep.ts';
import { fieldsOf } from '../validate.ts';
import type { FieldNode } from '../fields.ts';

/** The recommend block's frequency: the governing guideline's own number. */
const FREQUENCY = 'recommended.frequency';

/** A policy's criteria as columns: `<name(gi)>_c<j>` when guideline `gi` governs. */
export interface PolicyColumns {
  index: number;
  criteria: CompiledCriterion[];
  name(gi: number): string;
}

/** The guideline indexes a policy consults, in evidence order (policy.ts). */
export function policyOrder(rules: RuleSet, pi: number): number[] {
  const out: number[] = [];
  for (const pattern of rules.policies[pi]!.steps.flat()) rules.guidelines.forEach((g, i) => void (!out.includes(i) && matchesPattern(pattern, g.id) && out.push(i)));
  return out;
}

/** A guideline that cannot be compiled to SQL, why, and where in its source. */
export interface Refusal {
  guideline: string;
  reason: string;
  /** The condition (or declaration) that cannot be expressed. */
  source?: SourceLocation;
}

interface Compiled {
  scope: SqlScope;
  leafSql: Map<number, string>;
  /** The prep step's computed items of the guideline or policy, by key. */
  computed: Map<string, ComputedItem>;
  /** A prep column, carried from the relation into the query. */
  carry(column: string): string;
}

export class QueryBuilder {
  private readonly facts: ReadonlyMap<string, FactDef>;
  /** `SELECT` items of the facts' known values, then of their bounds. */
  private readonly values: string[] = [];
  private readonly bounds: string[] = [];
  private readonly leafItems: string[] = [];
  /** Computed values, by layer (a value's operands are in the layers before it). */
  private readonly valueLayers: string[][] = [];
  private computedCount = 0;
  private readonly criterionItems: string[] = [];
  readonly refused: Refusal[] = [];

  constructor(
    private readonly rules: RuleSet,
    private readonly d: Dialect,
  ) {
    this.facts = new Map(rules.facts.map((f) => [f.id, f]));
    this.tree = fieldsOf(rules);
  }

  private readonly tree: FieldNode;

  private q = (name: string): string => this.d.id(name);
  /** A case field, read from the relation `cases` (struct fields by dots, which every dialect reads). */
  private path = (p: string): string => this.d.field(p.split('.'));

  /** The raw value of a fact as the runtime's reader takes it from the case (or the prep step). */
  private raw(id: string, def: FactDef | undefined, g: CompiledGuideline | undefined, gi: number): string {
    if (id === FREQUENCY) {
      if (!g) throw new NotSql(`'${id}' in a policy's criterion is the governing guideline's: not compiled to SQL`);
      return g.frequency ? literal(g.frequency.mostPerWeek) : 'NULL';
    }
    if (def?.builtin) {
      const r = (f: string): string => this.path(`request.${f}`);
      const freq = `COALESCE(${r('frequencyPerWeek')}, ${this.q('prep_text_frequency')})`;
      const weeks = `COALESCE(${r('weeks')}, ${this.q('prep_text_weeks')})`;
      switch (def.builtin) {
        case 'requested-frequency': return freq;
        case 'requested-weeks': return weeks;
        case 'requested-visits': return `COALESCE(${r('visits')}, CASE WHEN ${freq} IS NOT NULL AND ${weeks} IS NOT NULL THEN CEIL(${this.d.double(freq)} * ${weeks} - CAST(1e-9 AS DOUBLE)) END, ${this.q('prep_text_visits')})`;
        case 'body-region': return this.q('prep_body_region');
        case 'diagnosis-classes':
        case 'surgery-classes':
          if (!g) throw new NotSql(`'${id}' in a policy's criterion is the governing guideline's: not compiled to SQL`);
          return this.q(`prep_g${gi}_${def.builtin === 'diagnosis-classes' ? 'dx' : 'px'}`);
        case 'jurisdiction-code': return `upper(${this.path('jurisdiction')})`;
        case 'governing-id':
          if (!g) throw new NotSql(`'${id}' in a policy's criterion is the governing guideline's: not compiled to SQL`);
          return literal(g.id);
        case 'effective-date': return `COALESCE(${r('serviceDate')}, ${this.path('asOf')})`;
        case 'morphine-equivalents': throw new NotSql(`'${id}' is computed for each item of a list: not compiled to SQL`);
        default: return 'NULL';
      }
    }
    return this.read(def?.field ?? id, def);
  }

  /**
   * A case field as the relation holds it: a path of struct fields, except inside a yes-or-no field
   * that may be a record of its own (documented, with details), which the relation holds as JSON.
   */
  private read(field: string, def: FactDef | undefined): string {
    const path = field.split('.');
    let node: FieldNode | undefined = this.tree;
    for (let i = 0; i < path.length - 1; i++) {
      node = node?.kind === 'object' ? node.fields[path[i]!] : node?.kind === 'value' ? node.fields?.[path[i]!] : undefined;
      if (node?.kind === 'value' && node.type.kind === 'yes-no') {
        const t = def?.type;
        const as = t?.kind === 'number' ? 'num' : t?.kind === 'yes-no' ? 'json' : t?.kind === 'list' ? (t.of.kind === 'number' ? 'numbers' : 'texts') : t?.kind === 'records' || t?.kind === 'class' ? undefined : 'str';
        if (!as) throw new NotSql(`'${field}' is a list of records inside the record of a yes-or-no field: not compiled to SQL`);
        return this.d.jsonField(this.path(path.slice(0, i + 1).join('.')), path.slice(i + 1), as);
      }
    }
    return this.path(field);
  }

  /** Registers a fact's columns for a scope: its value as valueOf gives it, and its bounds as unknownOf. */
  private column(scope: string, id: string, g: CompiledGuideline | undefined, gi: number): { column: string; kind: Kind } {
    const def = this.facts.get(id) ?? (id === FREQUENCY ? ({ id, words: id, type: { kind: 'number', min: 0 }, inputs: [] } as FactDef) : undefined);
    const column = `${scope}_f${this.values.length}`;
    const kind = kindOf(def);
    const raw = this.raw(id, def, g, gi);
    const absent = def?.absent === undefined ? 'NULL' : Array.isArray(def.absent) ? this.d.texts([]) : literal(def.absent);
    const conv = kind === 'bool' && !def?.builtin ? this.d.yesNo(raw) : raw;
    this.values.push(`(CASE WHEN ${raw} IS NULL THEN ${absent} ELSE ${conv} END) AS ${this.q(`${column}_v`)}`);
    const t = def?.type;
    let lo = 'NULL';
    let hi = 'NULL';
    if (t?.kind === 'number' && (t.min !== undefined || t.max !== undefined)) [lo, hi] = [t.min === undefined ? 'NULL' : literal(t.min), t.max === undefined ? 'NULL' : literal(t.max)];
    if (t?.kind === 'date' && !t.anyDate) hi = this.q('case_asof');
    const v = this.q(`${column}_v`);
    const ordered = kind === 'num' || kind === 'date';
    this.bounds.push(`${ordered ? `(CASE WHEN ${v} IS NOT NULL THEN ${v} ELSE ${lo} END)` : 'NULL'} AS ${this.q(`${column}_lo`)}`, `${ordered ? `(CASE WHEN ${v} IS NOT NULL THEN ${v} ELSE ${hi} END)` : 'NULL'} AS ${this.q(`${column}_hi`)}`);
    return { column, kind };
  }

  /**
   * A guideline's or policy's leaves compiled into columns of their own. A policy's criteria that
   * read the governing guideline's own facts (its id, classes, recommend block) are compiled once
   * for each guideline that may govern (`governing`, at index `gi`).
   */
  private scope(name: string, owner: CompiledGuideline | CompiledPolicy, gi: number, governing?: CompiledGuideline): Compiled {
    const g = 'applies' in owner ? owner : governing;
    const columns = (depth: number, exprs: Record<string, string>): Record<string, string> => {
      const layer = (this.valueLayers[depth] ??= []);
      const base = `${name}_x${this.computedCount++}`;
      return Object.fromEntries(Object.entries(exprs).map(([k, e]) => {
        layer.push(`${e} AS ${this.q(`${base}_${k}`)}`);
        return [k, this.q(`${base}_${k}`)];
      }));
    };
    const review = { y: this.q('case_asof_y'), m: this.q('case_asof_m'), d: this.q('case_asof_d'), days: this.q('case_asof_days') };
    const computed = new Map(computedOf(this.rules, owner).map((x) => [computedKey(x.value ?? x.leaf!), x]));
    const carried = new Set<string>();
    const carry = (c: string): string => {
      if (!carried.has(c)) this.values.push(`${this.q(c)} AS ${this.q(c)}`);
      carried.add(c);
      return this.q(c);
    };
    // What the prep step computes is read from its columns, carried from the relation into the query.
    const prepared = (x: Value | LeafOf): SqlValue | undefined => {
      const item = computed.get(computedKey(x));
      if (!item) return undefined;
      if (!('applies' in owner) && item.guidelineOnly) throw new NotSql(`'${item.guidelineOnly}' in a policy's criterion is the governing guideline's: not compiled to SQL`);
      const col = (suffix: string): string => carry(item.name + suffix);
      if (item.leaf) return { v: col(''), lo: 'NULL', hi: 'NULL', kind: 'bool' };
      const v = col('_v');
      return item.kind === 'num' || item.kind === 'date' ? { v, lo: col('_lo'), hi: col('_hi'), kind: item.kind } : { v, lo: 'NULL', hi: 'NULL', kind: item.kind };
    };
    const scope = new SqlScope(name, this.d, this.facts, (id) => this.column(name, id, g, gi), columns, review, prepared);
    const leafSql = new Map<number, string>();
    const conds: Cond[] = [...('applies' in owner ? [owner.applies] : []), ...owner.criteria.flatMap((k) => [k.when, k.require, ...(k.group?.parts.map((p) => p.require) ?? [])].filter((x): x is Cond => x !== undefined))];
    for (const c of conds) {
      walkLeaves(c, (leaf) => {
        if (leafSql.has(leaf.leaf)) return;
        const column = `${name}_l${leaf.leaf}`;
        this.leafItems.push(`${located(() => scope.leaf(leaf), owner.leaves[leaf.leaf]?.source)} AS ${this.q(column)}`);
        leafSql.set(leaf.leaf, this.q(column));
      });
    }
    return { scope, leafSql, computed, carry };
  }

  /**
   * The fields a test's unknown leaves leave missing (evaluate.ts `missingOf`, missing.ts
   * `leafInputs`), in the order it finds them: the leaves a trace records (not those inside a
   * list's condition), each value's unknown facts, and what the prep step found for its own.
   */
  private missing(compiled: Compiled, conds: Cond[]): string {
    const parts: string[] = [];
    for (const c of conds) {
      walkLeaves(c, (leaf) => {
        const lists = 'quantifier' in leaf ? [compiled.carry(`${compiled.computed.get(computedKey(leaf))!.name}_gaps`)] : leafValues(leaf).flatMap((v) => this.inputs(compiled, v));
        if (lists.length) parts.push(`(CASE WHEN ${compiled.leafSql.get(leaf.leaf)} IS NULL THEN ${this.d.concat(lists)} ELSE ${this.d.texts([])} END)`);
      });
    }
    return parts.length ? this.d.concat(parts) : this.d.texts([]);
  }

  /** missing.ts `unknownInputs`: the case fields behind a value's unknown parts, as lists. */
  private inputs(compiled: Compiled, v: Value): string[] {
    const item = compiled.computed.get(computedKey(v));
    if (item) return [compiled.carry(`${item.name}_gaps`)];
    if ('fact' in v) {
      // The recommend block's frequency is the guideline's: no case field settles it.
      if (v.fact.startsWith('recommended.')) return [];
      const def = this.facts.get(v.fact);
      return [`(CASE WHEN ${compiled.scope.fact(v.fact).v} IS NULL THEN ${this.d.texts(def?.inputs.length ? def.inputs : [v.fact])} ELSE ${this.d.texts([])} END)`];
    }
    if ('op' in v) return v.args.flatMap((a) => this.inputs(compiled, a));
    if ('round' in v) return this.inputs(compiled, v.arg);
    if ('since' in v) return [...this.inputs(compiled, v.since), ...(v.to ? this.inputs(compiled, v.to) : [])];
    return [];
  }

  /** A criterion's status, certify amount and missing fields as columns. */
  private criterion(compiled: Compiled, name: string, k: CompiledCriterion): void {
    const cond = (c: Cond): string => compiled.scope.condition(c, (n) => compiled.leafSql.get(n)!);
    const applicable = k.when ? cond(k.when) : 'TRUE';
    let met: string;
    if (k.group) {
      const parts = k.group.parts.map((p) => cond(p.require));
      const yes = parts.map((p) => `(CASE WHEN ${p} THEN 1 ELSE 0 END)`).join(' + ');
      const unknown = parts.map((p) => `(CASE WHEN ${p} IS NULL THEN 1 ELSE 0 END)`).join(' + ');
      const need = k.group.need === 'any' ? 1 : k.group.need === 'all' ? parts.length : k.group.need;
      met = parts.length ? `(CASE WHEN ${yes} >= ${need} THEN TRUE WHEN ${yes} + ${unknown} < ${need} THEN FALSE END)` : `(CASE WHEN 0 >= ${need} THEN TRUE ELSE FALSE END)`;
    } else met = k.require ? cond(k.require) : this.d.unknownBoolean;
    // A physician judges what the case leaves unknown, and under `unless met` what it does not meet.
    const unknown = k.review ? 'needs-review' : 'unknown';
    const notMet = k.review && k.reviewNotMet ? 'needs-review' : 'not-met';
    const status = `(CASE WHEN ${applicable} = FALSE THEN 'not-applicable' WHEN ${applicable} IS NULL THEN (CASE WHEN ${met} = TRUE THEN 'met' ELSE '${unknown}' END) WHEN ${met} IS NULL THEN '${unknown}' WHEN ${met} THEN 'met' ELSE '${notMet}' END)`;
    this.criterionItems.push(`${status} AS ${this.q(`${name}_status`)}`);
    const certify = k.certify ? located(() => compiled.scope.value(k.certify!), k.source) : undefined;
    this.criterionItems.push(`${certify?.kind === 'num' ? certify.v : 'NULL'} AS ${this.q(`${name}_certify`)}`);
    const tested = [...(k.when ? [k.when] : []), ...(k.group ? k.group.parts.map((p) => p.require) : k.require ? [k.require] : [])];
    // Lists are costly to build: what is missing is worked out only for the rows that need it (see index.ts).
    this.missingOf.set(name, this.missing(compiled, tested));
  }

  /** Whether the guideline applies, and what its applicability leaves missing. */
  private applies(compiled: Compiled, g: CompiledGuideline, name: string): void {
    this.criterionItems.push(`${compiled.scope.condition(g.applies, (n) => compiled.leafSql.get(n)!)} AS ${this.q(`${name}_applies`)}`);
    this.missingOf.set(`${name}_applies`, this.missing(compiled, [g.applies]));
  }

  /** Compiles every guideline and policy; a guideline that cannot be compiled is refused with its reason. */
  /** The missing fields of each criterion (and each guideline's applicability) as an expression, by column name. */
  readonly missingOf = new Map<string, string>();
  /** Each compiled guideline's requested visits (its `request.visits` fact's known value). */
  readonly requested = new Map<number, string>();

  /** Compiles `f`'s columns, or refuses `what` with the reason and place, leaving no column of it behind. */
  private attempt(what: string, f: () => void): void {
    const marks = [this.values.length, this.bounds.length, this.leafItems.length, this.criterionItems.length, ...this.valueLayers.map((l) => l.length)];
    try {
      f();
    } catch (e) {
      if (!(e instanceof NotSql)) throw e;
      this.refused.push({ guideline: what, reason: e.message, ...(e.source ? { source: e.source } : {}) });
      this.values.length = marks[0]!;
      this.bounds.length = marks[1]!;
      this.leafItems.length = marks[2]!;
      this.criterionItems.length = marks[3]!;
      this.valueLayers.forEach((l, k) => (l.length = marks[4 + k] ?? 0));
    }
  }

  build(): { ok: Set<number>; policies: Map<number, PolicyColumns> } {
    const ok = new Set<number>();
    this.rules.guidelines.forEach((g, i) => {
      this.attempt(g.edition ? `${g.id} (edition ${g.edition})` : g.id, () => {
        const compiled = this.scope(`g${i}`, g, i);
        this.applies(compiled, g, `g${i}`);
        g.criteria.forEach((k, j) => this.criterion(compiled, `g${i}_c${j}`, k));
        this.requested.set(i, compiled.scope.fact('request.visits').v);
        ok.add(i);
      });
    });
    const policies = new Map<number, PolicyColumns>();
    this.rules.policies.forEach((p, pi) => {
      // Once for every guideline that may govern, when its criteria read what is that guideline's.
      const each = p.criteria.some((k) => [k.when, k.require, k.certify, ...(k.group?.parts.map((x) => x.require) ?? [])].some((c) => c !== undefined && guidelineFacts(c, this.facts, (id) => this.rules.tables.find((t) => t.id === id)) !== undefined));
      const name = (gi: number): string => (each ? `p${pi}_g${gi}` : `p${pi}`);
      this.attempt(`policy ${p.id}`, () => {
        for (const gi of each ? policyOrder(this.rules, pi) : [-1]) {
          const compiled = this.scope(name(gi), p, gi, this.rules.guidelines[gi]);
          p.criteria.forEach((k, j) => this.criterion(compiled, `${name(gi)}_c${j}`, k));
        }
        policies.set(pi, { index: pi, criteria: p.criteria, name });
      });
    });
    return { ok, policies };
  }

  /** The review date's parts, for the time since a date. */
  private reviewParts(): string[] {
    const part = (from: number, n: number): string => this.d.double(`substr(${this.q('case_asof')}, ${from}, ${n})`);
    const [y, m, d] = [part(1, 4), part(6, 2), part(9, 2)];
    return [`${y} AS ${this.q('case_asof_y')}`, `${m} AS ${this.q('case_asof_m')}`, `${d} AS ${this.q('case_asof_d')}`, `${daysFromCivil(y, m, d)} AS ${this.q('case_asof_days')}`];
  }

  /** The layers of the query before the decision: facts, their bounds, leaves, criteria. */
  layers(): string {
    const q = this.q;
    const carried = [`${q('row_id')} AS ${q('row_id')}`, `${this.path('asOf')} AS ${q('case_asof')}`, `${this.path('review')} AS ${q('case_review')}`, `upper(${this.path('jurisdiction')}) AS ${q('case_jurisdiction')}`, `${this.path('id')} AS ${q('case_id')}`];
    const layer = (name: string, from: string, items: string[]): string => `${q(name)} AS (SELECT ${[`${from}.*`, ...items].join(',\n  ')} FROM ${q(from)})`;
    return [
      `${q('facts')} AS (SELECT ${[...carried, ...this.values].join(',\n  ')} FROM ${q('cases')})`,
      layer('bounded', 'facts', [...this.bounds, ...this.reviewParts()]),
      ...[...this.valueLayers].map((items, k) => layer(`values${k + 1}`, k ? `values${k}` : 'bounded', items ?? [])),
      layer('leaves', this.valueLayers.length ? `values${this.valueLayers.length}` : 'bounded', this.leafItems),
      layer('criteria', 'leaves', this.criterionItems),
    ].join(',\n');
  }
}

function walkLeaves(c: Cond, f: (leaf: Extract<Cond, { leaf: number }>) => void): void {
  if ('all' in c) c.all.forEach((x) => walkLeaves(x, f));
  else if ('any' in c) c.any.forEach((x) => walkLeaves(x, f));
  else if ('not' in c) walkLeaves(c.not, f);
  else f(c);
}

/** `f`'s answer; a NotSql it throws is placed at `source` when it has no place yet. */
function located<T>(f: () => T, source: SourceLocation | undefined): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof NotSql && !e.source && source) e.source = source;
    throw e;
  }
}

export { sqlText };
