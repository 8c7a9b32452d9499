// A rule set as one SQL query over a relation `cases` (the case's fields as columns, structs for
// its objects, plus the prep step's columns and a row_id): each case's decision, governing
// guideline, criterion statuses, certified visits and missing fields, as evaluate.ts decides them:
// the policy of the jurisdiction, its guidelines in evidence order (editions by their in-force
// dates), the first that applies governs unless one before it is undecided.
import type { CompiledCriterion, CompiledGuideline, CompiledPolicy, Cond, FactDef, RuleSet, Value } from '@guideline/language';
import { leavesOf } from '@guideline/language';
import type { Dialect } from './dialect.ts';
import { sqlText } from './dialect.ts';
import { kindOf, literal, NotSql, SqlScope, type Kind } from './scope.ts';
import { daysFromCivil } from './dates.ts';
import { recommendationInput } from '../builtins.ts';

const RECOMMENDED = ['recommended.visits', 'recommended.minVisits', 'recommended.weeks', 'recommended.periodMonths', 'recommended.classTitle', 'recommended.frequency'];

/** A guideline that cannot be compiled to SQL, and why. */
export interface Refusal {
  guideline: string;
  reason: string;
}

interface Compiled {
  scope: SqlScope;
  leafSql: Map<number, string>;
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
  }

  private q = (name: string): string => this.d.id(name);
  /** A case field, read from the relation `cases` (struct fields by dots, which every dialect reads). */
  private path = (p: string): string => p.split('.').map(this.q).join('.');

  /** The raw value of a fact as the runtime's reader takes it from the case (or the prep step). */
  private raw(id: string, def: FactDef | undefined, g: CompiledGuideline | undefined, gi: number): string {
    if (RECOMMENDED.includes(id)) {
      if (!g) throw new NotSql(`'${id}' in a policy's criterion is the governing guideline's: not compiled to SQL`);
      if (id === 'recommended.frequency') return g.frequency ? literal(g.frequency.mostPerWeek) : 'NULL';
      const pick = (r: CompiledGuideline['recommendations'][number]): string | number | undefined =>
        id === 'recommended.visits' ? r.maxVisits : id === 'recommended.minVisits' ? r.minVisits : id === 'recommended.weeks' ? r.maxWeeks : id === 'recommended.periodMonths' ? r.periodMonths : g.classes.find((x) => x.id === r.class)?.title.toLowerCase();
      const arms = g.recommendations.map((r, k) => [k, pick(r)] as const).filter(([, v]) => v !== undefined).map(([k, v]) => `WHEN ${k} THEN ${literal(v!)}`);
      return arms.length ? `(CASE ${this.q(`prep_g${gi}_rec`)} ${arms.join(' ')} END)` : 'NULL';
    }
    if (def?.builtin) {
      const r = (f: string): string => this.path(`request.${f}`);
      const freq = `COALESCE(${r('frequencyPerWeek')}, ${this.q('prep_text_frequency')})`;
      const weeks = `COALESCE(${r('weeks')}, ${this.q('prep_text_weeks')})`;
      switch (def.builtin) {
        case 'requested-frequency': return freq;
        case 'requested-weeks': return weeks;
        case 'requested-visits': return `COALESCE(${r('visits')}, CASE WHEN ${freq} IS NOT NULL AND ${weeks} IS NOT NULL THEN ${freq} * ${weeks} END, ${this.q('prep_text_visits')})`;
        case 'body-region': return this.q('prep_body_region');
        case 'diagnosis-classes':
        case 'surgery-classes':
          if (!g) throw new NotSql(`'${id}' in a policy's criterion is matched against the governing guideline's classes: not compiled to SQL`);
          return this.q(`prep_g${gi}_${def.builtin === 'diagnosis-classes' ? 'dx' : 'px'}`);
        case 'jurisdiction-code': return `upper(${this.path('jurisdiction')})`;
        case 'effective-date': return `COALESCE(${r('serviceDate')}, ${this.path('asOf')})`;
        case 'morphine-equivalents': throw new NotSql(`'${id}' is computed for each item of a list: not compiled to SQL`);
        default: return 'NULL';
      }
    }
    return this.path(def?.field ?? id);
  }

  /** Registers a fact's columns for a scope: its value as valueOf gives it, and its bounds as unknownOf. */
  private column(scope: string, id: string, g: CompiledGuideline | undefined, gi: number): { column: string; kind: Kind } {
    const def = this.facts.get(id) ?? (RECOMMENDED.includes(id) ? ({ id, words: id, type: id === 'recommended.classTitle' ? { kind: 'text' } : { kind: 'number', min: 0 }, inputs: [] } as FactDef) : undefined);
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
    const ordered = kind === 'num' || kind === 'str';
    this.bounds.push(`${ordered ? `(CASE WHEN ${v} IS NOT NULL THEN ${v} ELSE ${lo} END)` : 'NULL'} AS ${this.q(`${column}_lo`)}`, `${ordered ? `(CASE WHEN ${v} IS NOT NULL THEN ${v} ELSE ${hi} END)` : 'NULL'} AS ${this.q(`${column}_hi`)}`);
    return { column, kind };
  }

  /** A guideline's or policy's leaves compiled into columns of their own. */
  private scope(name: string, owner: CompiledGuideline | CompiledPolicy, gi: number): Compiled {
    const g = 'applies' in owner ? owner : undefined;
    const columns = (depth: number, exprs: Record<string, string>): Record<string, string> => {
      const layer = (this.valueLayers[depth] ??= []);
      const base = `${name}_x${this.computedCount++}`;
      return Object.fromEntries(Object.entries(exprs).map(([k, e]) => {
        layer.push(`${e} AS ${this.q(`${base}_${k}`)}`);
        return [k, this.q(`${base}_${k}`)];
      }));
    };
    const review = { y: this.q('case_asof_y'), m: this.q('case_asof_m'), d: this.q('case_asof_d'), days: this.q('case_asof_days') };
    const scope = new SqlScope(name, this.d, this.facts, (id) => this.column(name, id, g, gi), columns, review);
    const leafSql = new Map<number, string>();
    const conds: Cond[] = [...(g ? [g.applies] : []), ...owner.criteria.flatMap((k) => [k.when, k.require, ...(k.group?.parts.map((p) => p.require) ?? [])].filter((x): x is Cond => x !== undefined))];
    for (const c of conds) {
      walkLeaves(c, (leaf) => {
        if (leafSql.has(leaf.leaf)) return;
        const column = `${name}_l${leaf.leaf}`;
        this.leafItems.push(`${scope.leaf(leaf)} AS ${this.q(column)}`);
        leafSql.set(leaf.leaf, this.q(column));
      });
    }
    return { scope, leafSql };
  }

  /** The fields a test's unknown leaves leave missing (evaluate.ts `missingOf`), in the order it finds them. */
  private missing(compiled: Compiled, owner: CompiledGuideline | CompiledPolicy, conds: Cond[]): string {
    const parts: string[] = [];
    for (const c of conds) {
      for (const n of leavesOf(c)) {
        const leaf = findLeaf(c, n)!;
        const facts = leafFactIds(leaf).map((id) => {
          const inputs = id.startsWith('recommended.') && 'applies' in owner ? [recommendationInput(owner)] : this.facts.get(id)?.inputs.length ? this.facts.get(id)!.inputs : [id];
          return `(CASE WHEN ${compiled.scope.fact(id).v} IS NULL THEN ${this.d.texts(inputs)} ELSE ${this.d.texts([])} END)`;
        });
        if (facts.length) parts.push(`(CASE WHEN ${compiled.leafSql.get(n)} IS NULL THEN ${this.d.concat(facts)} ELSE ${this.d.texts([])} END)`);
      }
    }
    return parts.length ? this.d.concat(parts) : this.d.texts([]);
  }

  /** A criterion's status, certify amount and missing fields as columns. */
  private criterion(compiled: Compiled, owner: CompiledGuideline | CompiledPolicy, name: string, k: CompiledCriterion): void {
    const cond = (c: Cond): string => compiled.scope.condition(c, (n) => compiled.leafSql.get(n)!);
    const applicable = k.when ? cond(k.when) : 'TRUE';
    let met: string;
    if (k.group) {
      const parts = k.group.parts.map((p) => cond(p.require));
      const yes = parts.map((p) => `(CASE WHEN ${p} THEN 1 ELSE 0 END)`).join(' + ');
      const unknown = parts.map((p) => `(CASE WHEN ${p} IS NULL THEN 1 ELSE 0 END)`).join(' + ');
      const need = k.group.need === 'any' ? 1 : k.group.need === 'all' ? parts.length : k.group.need;
      met = parts.length ? `(CASE WHEN ${yes} >= ${need} THEN TRUE WHEN ${yes} + ${unknown} < ${need} THEN FALSE END)` : `(CASE WHEN 0 >= ${need} THEN TRUE ELSE FALSE END)`;
    } else met = k.require ? cond(k.require) : 'CAST(NULL AS BOOLEAN)';
    const unknown = k.review ? 'needs-review' : 'unknown';
    const status = `(CASE WHEN ${applicable} = FALSE THEN 'not-applicable' WHEN ${applicable} IS NULL THEN (CASE WHEN ${met} = TRUE THEN 'met' ELSE '${unknown}' END) WHEN ${met} IS NULL THEN '${unknown}' WHEN ${met} THEN 'met' ELSE 'not-met' END)`;
    this.criterionItems.push(`${status} AS ${this.q(`${name}_status`)}`);
    const certify = k.certify ? compiled.scope.value(k.certify) : undefined;
    this.criterionItems.push(`${certify?.kind === 'num' ? certify.v : 'NULL'} AS ${this.q(`${name}_certify`)}`);
    const tested = [...(k.when ? [k.when] : []), ...(k.group ? k.group.parts.map((p) => p.require) : k.require ? [k.require] : [])];
    // Lists are costly to build: what is missing is worked out only for the rows that need it (see index.ts).
    this.missingOf.set(name, this.missing(compiled, owner, tested));
  }

  /** Whether the guideline applies, and what its applicability leaves missing. */
  private applies(compiled: Compiled, g: CompiledGuideline, name: string): void {
    this.criterionItems.push(`${compiled.scope.condition(g.applies, (n) => compiled.leafSql.get(n)!)} AS ${this.q(`${name}_applies`)}`);
    this.missingOf.set(`${name}_applies`, this.missing(compiled, g, [g.applies]));
  }

  /** Compiles every guideline and policy; a guideline that cannot be compiled is refused with its reason. */
  /** The missing fields of each criterion (and each guideline's applicability) as an expression, by column name. */
  readonly missingOf = new Map<string, string>();
  /** Each compiled guideline's requested visits (its `request.visits` fact's known value). */
  readonly requested = new Map<number, string>();

  build(): { ok: Set<number>; policies: Map<number, { name: string; criteria: CompiledCriterion[] }> } {
    const ok = new Set<number>();
    this.rules.guidelines.forEach((g, i) => {
      const marks = [this.values.length, this.bounds.length, this.leafItems.length, this.criterionItems.length, ...this.valueLayers.map((l) => l.length)];
      try {
        const compiled = this.scope(`g${i}`, g, i);
        this.applies(compiled, g, `g${i}`);
        g.criteria.forEach((k, j) => this.criterion(compiled, g, `g${i}_c${j}`, k));
        this.requested.set(i, compiled.scope.fact('request.visits').v);
        ok.add(i);
      } catch (e) {
        if (!(e instanceof NotSql)) throw e;
        this.refused.push({ guideline: g.edition ? `${g.id} (edition ${g.edition})` : g.id, reason: e.message });
        this.values.length = marks[0]!;
        this.bounds.length = marks[1]!;
        this.leafItems.length = marks[2]!;
        this.criterionItems.length = marks[3]!;
        this.valueLayers.forEach((l, k) => (l.length = marks[4 + k] ?? 0));
      }
    });
    const policies = new Map<number, { name: string; criteria: CompiledCriterion[] }>();
    this.rules.policies.forEach((p, i) => {
      try {
        const compiled = this.scope(`p${i}`, p, -1);
        p.criteria.forEach((k, j) => this.criterion(compiled, p, `p${i}_c${j}`, k));
        policies.set(i, { name: `p${i}`, criteria: p.criteria });
      } catch (e) {
        if (!(e instanceof NotSql)) throw e;
        this.refused.push({ guideline: `policy ${p.id}`, reason: e.message });
      }
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

function findLeaf(c: Cond, n: number): Extract<Cond, { leaf: number }> | undefined {
  let found: Extract<Cond, { leaf: number }> | undefined;
  walkLeaves(c, (l) => void (l.leaf === n && (found ??= l)));
  return found;
}

/** The facts a leaf's operands read, in order (explain.ts `factsIn`, evaluate.ts `leafFacts`). */
function leafFactIds(leaf: Extract<Cond, { leaf: number }>): string[] {
  const of = (v: Value, out: string[] = []): string[] => {
    if ('fact' in v) out.push(v.fact);
    else if ('op' in v) v.args.forEach((a) => of(a, out));
    else if ('round' in v) of(v.arg, out);
    else if ('since' in v) of(v.since, out);
    else if ('count' in v) out.push(v.count);
    else if ('sum' in v) out.push(v.over);
    return out;
  };
  if ('cmp' in leaf) return [...of(leaf.left), ...of(leaf.right)];
  if ('is' in leaf) return of(leaf.is);
  if ('known' in leaf) return of(leaf.known);
  if ('includes' in leaf) return of(leaf.includes);
  if ('empty' in leaf) return of(leaf.empty);
  if ('within' in leaf) return [...of(leaf.within), ...of(leaf.window)];
  if ('code' in leaf) return of(leaf.code);
  return [leaf.over];
}

export { sqlText };
