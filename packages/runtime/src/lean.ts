// The decision-only evaluator. One guideline's compiled rules are turned once into closures over an
// array of fact slots (no eval, no new Function: the rule JSON is read, never executed). A case
// fills only the slots its guideline reads, the applicability rule's first, so a guideline that
// does not cover the request costs almost nothing. A criterion's result depends only on its status
// here (no trace, no rationale text), so each of the four is built once, frozen and shared.
import type { Calc, CompiledCriterion, CompiledGuideline } from '@guideline/language';
import { compileCalc } from './calc.ts';
import { CaseView, catalogOf, factReaders, validatedDates, type Catalog } from './case-facts.ts';
import { missingInputs, type GuidelineRun } from './evaluate.ts';
import { criterionStatus, factsOf, type EvaluatedCondition, type Tri } from './explain.ts';
import { isDateShaped } from './iso-date.ts';
import { operatorOf } from './fast.ts';
import { conditionShape } from './load-rules.ts';
import { dateComparisons, numeric } from './operators.ts';
import type { Case, CriterionResult, CriterionStatus } from './types.ts';

/** A case's facts for one guideline, by slot; undefined is unknown. */
type Slots = unknown[];
type Read = (f: Slots) => unknown;
type Predicate = (f: Slots) => Tri;
type Condition = Record<string, unknown>;

/** A leaf, for finding the unknown facts behind an unknown answer. */
interface Leaf {
  unknown: (f: Slots) => boolean;
  /** The facts it reads, and the case fields behind each (what `missing` names when it is unknown). */
  reads: { slot: number; id: string; inputs: string[] }[];
}

/** A condition (applicability, or one half of a criterion) and its leaves in depth-first order. */
interface Part {
  test: Predicate;
  leaves: Leaf[];
}

interface CriterionPlan {
  id: string;
  when: Part;
  require: Part;
  results: Record<CriterionStatus, CriterionResult>;
}

interface Plan {
  catalog: Catalog;
  /** Fact id by slot; the applicability rule's facts come first. */
  ids: string[];
  readers: ((v: CaseView) => unknown)[];
  /** How many leading slots the applicability rule reads. */
  applicabilitySlots: number;
  requestedSlot: number;
  applicability: Part;
  criteria: CriterionPlan[];
  /** Each criterion's `certify` expression over the slots. */
  calcs: Map<Calc, (f: Slots) => number | string | null>;
}

const isUnknown = (v: unknown): boolean => v === undefined || v === null;

class PlanBuilder {
  readonly ids: string[] = [];
  readonly slotOf = new Map<string, number>();

  constructor(private readonly g: CompiledGuideline) {}

  slot(id: string): number {
    let s = this.slotOf.get(id);
    if (s === undefined) {
      s = this.ids.push(id) - 1;
      this.slotOf.set(id, s);
    }
    return s;
  }

  private read(ref: Condition): Read {
    if (ref['fact'] === 'calc') return this.calc((ref['params'] as { expr: Calc }).expr);
    return this.reader(ref['fact'] as string);
  }

  /** An expression over the slots (each fact it reads gets one). */
  calc(expr: Calc): (f: Slots) => number | string | null {
    return compileCalc<Slots>(expr, (id) => this.reader(id));
  }

  private reader(id: string): Read {
    const s = this.slot(id);
    return (f) => f[s];
  }

  part(c: Condition): Part {
    const leaves: Leaf[] = [];
    return { test: this.predicate(c, leaves), leaves };
  }

  private predicate(c: Condition, leaves: Leaf[]): Predicate {
    const shape = conditionShape(c);
    if (shape === 'all' || shape === 'any') {
      const isAll = shape === 'all';
      const parts = (c[isAll ? 'all' : 'any'] as Condition[]).map((x) => this.predicate(x, leaves));
      // The compiler wraps each half of a criterion in an `all`: one condition is its own answer, none is
      // the empty conjunction's (true) or disjunction's (false).
      if (parts.length === 1) return parts[0]!;
      if (parts.length === 0) return isAll ? () => true : () => false;
      // Kleene: false decides an `all`, true an `any`; otherwise any unknown makes it unknown.
      return isAll
        ? (f) => {
            let unknown = false;
            for (let i = 0; i < parts.length; i++) {
              const r = parts[i]!(f);
              if (r === false) return false;
              if (r === null) unknown = true;
            }
            return unknown ? null : true;
          }
        : (f) => {
            let unknown = false;
            for (let i = 0; i < parts.length; i++) {
              const r = parts[i]!(f);
              if (r === true) return true;
              if (r === null) unknown = true;
            }
            return unknown ? null : false;
          };
    }
    if (shape === 'not') {
      const inner = this.predicate(c['not'] as Condition, leaves);
      return (f) => {
        const r = inner(f);
        return r === null ? null : !r;
      };
    }
    return this.leaf(c, leaves);
  }

  private leaf(c: Condition, leaves: Leaf[]): Predicate {
    const operator = c['operator'] as string;
    const op = operatorOf(c);
    const a = this.read(c);
    const value = c['value'];
    const b = typeof value === 'object' && value !== null && 'fact' in value ? this.read(value as Condition) : undefined;
    const reads = factsOf(c as EvaluatedCondition).map((id) => ({ slot: this.slot(id), id, inputs: missingInputs(this.g, [id]) }));
    // `is known` always has an answer; any other leaf is unknown when a side it compares is.
    if (operator === 'known') {
      leaves.push({ unknown: () => false, reads });
      return b ? (f) => op(a(f), b(f)) : (f) => op(a(f), value);
    }
    if (b) {
      leaves.push({ unknown: (f) => isUnknown(a(f)) || isUnknown(b(f)), reads });
      if (c['fact'] !== 'calc' && (value as Condition)['fact'] !== 'calc') {
        // Two facts: both slots read in place (a slot is never null).
        const sa = this.slot(c['fact'] as string);
        const sb = this.slot((value as Condition)['fact'] as string);
        return (f) => (f[sa] === undefined || f[sb] === undefined ? null : op(f[sa], f[sb]));
      }
      return (f) => {
        const x = a(f);
        const y = b(f);
        return isUnknown(x) || isUnknown(y) ? null : op(x, y);
      };
    }
    leaves.push({ unknown: (f) => isUnknown(a(f)), reads });
    if (c['fact'] === 'calc') {
      return (f) => {
        const x = a(f);
        return x === undefined || x === null ? null : op(x, value);
      };
    }
    // The commonest leaf, a fact against a constant: the slot read in place (a slot is never null)
    // and the comparison fused into the leaf's own closure, so no call goes through a shared site.
    return factAgainstConstant(this.slot(c['fact'] as string), validatedDates.has(c['fact'] as string), operator, value, op);
  }
}

/**
 * A constant with its strings interned. Compiled in the same process, they are slices of the
 * guideline's text, which compare slowly; as property keys they become plain interned strings.
 */
function interned(value: unknown): unknown {
  if (typeof value === 'string') return Object.keys({ [value]: 0 })[0];
  if (Array.isArray(value)) return value.map(interned);
  return value;
}

/**
 * A fact's slot against a constant, with json-rules-engine's operator semantics (allOperators)
 * spelled out for the operators the compiler emits most; a date constant is checked once, here, and
 * a fact the case schema already checked as a date (`validatedDates`) is not checked again.
 */
function factAgainstConstant(s: number, isDate: boolean, operator: string, constant: unknown, op: (a: unknown, b: unknown) => boolean): Predicate {
  const value = interned(constant);
  const v = value as number;
  const cmp = Object.hasOwn(dateComparisons, operator) ? dateComparisons[operator] : undefined;
  if (cmp && isDateShaped(value)) {
    const date = value as string;
    if (isDate) return (f) => (f[s] === undefined ? null : cmp(f[s] as string, date));
    return (f) => {
      const x = f[s];
      return x === undefined ? null : isDateShaped(x) && cmp(x, value);
    };
  }
  switch (operator) {
    case 'equal':
      return (f) => (f[s] === undefined ? null : f[s] === value);
    case 'notEqual':
      return (f) => (f[s] === undefined ? null : f[s] !== value);
    case 'in': {
      const list = value as unknown[];
      return (f) => {
        const x = f[s];
        if (x === undefined) return null;
        for (let i = 0; i < list.length; i++) if (list[i] === x) return true;
        return false;
      };
    }
    case 'lessThan':
      return (f) => (f[s] === undefined ? null : numeric(f[s]) && (f[s] as number) < v);
    case 'lessThanInclusive':
      return (f) => (f[s] === undefined ? null : numeric(f[s]) && (f[s] as number) <= v);
    case 'greaterThan':
      return (f) => (f[s] === undefined ? null : numeric(f[s]) && (f[s] as number) > v);
    case 'greaterThanInclusive':
      return (f) => (f[s] === undefined ? null : numeric(f[s]) && (f[s] as number) >= v);
    default:
      return (f) => (f[s] === undefined ? null : op(f[s], value));
  }
}

/** A status's shared result, chosen by comparing interned strings (a lookup keyed by the status was slower). */
function resultFor(r: Record<CriterionStatus, CriterionResult>, status: CriterionStatus): CriterionResult {
  return status === 'met' ? r.met : status === 'not-met' ? r['not-met'] : status === 'unknown' ? r.unknown : r['not-applicable'];
}

/** The four results a criterion can have in a decision-only determination, frozen. */
function resultsOf(meta: CompiledCriterion): Record<CriterionStatus, CriterionResult> {
  const result = (status: CriterionStatus): CriterionResult =>
    Object.freeze({ id: meta.id, title: meta.title, status, rationale: '', source: Object.freeze({ file: meta.source.file, line: meta.source.line }), trace: Object.freeze([]) as unknown as [] });
  return { met: result('met'), 'not-met': result('not-met'), 'not-applicable': result('not-applicable'), unknown: result('unknown') };
}

const plans = new WeakMap<CompiledGuideline, Plan>();
let last: { g: CompiledGuideline; plan: Plan } | undefined;

function planOf(g: CompiledGuideline): Plan {
  if (last?.g === g) return last.plan; // a batch runs one guideline case after case
  let plan = plans.get(g);
  if (plan) {
    last = { g, plan };
    return plan;
  }
  const b = new PlanBuilder(g);
  const rules = new Map(g.rules.map((r) => [r.name, r.conditions as unknown as Condition]));
  const applicability = b.part(rules.get(g.applicabilityRule) ?? { all: [] });
  const applicabilitySlots = b.ids.length;
  const criteria = g.criteria.map((meta): CriterionPlan => {
    const [when, require] = ((rules.get(meta.rule) ?? {})['all'] as Condition[] | undefined) ?? [];
    return { id: meta.id, when: b.part(when ?? { all: [] }), require: b.part(require ?? { all: [] }), results: resultsOf(meta) };
  });
  // The decision reads these besides the rules: the visits requested, and what `certify` computes.
  const requestedSlot = b.slot('request.visits');
  const calcs = new Map<Calc, (f: Slots) => number | string | null>();
  for (const meta of g.criteria) if (meta.certify) calcs.set(meta.certify, b.calc(meta.certify));
  const none = (): undefined => undefined;
  plan = { catalog: catalogOf(g), ids: b.ids, readers: b.ids.map((id) => factReaders.get(id) ?? none), applicabilitySlots, requestedSlot, applicability, criteria, calcs };
  plans.set(g, plan);
  last = { g, plan };
  return plan;
}

function fill(plan: Plan, view: CaseView, f: Slots, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const v = plan.readers[i]!(view);
    f[i] = v === null ? undefined : v;
  }
}

/** The case fields behind a part's unknown leaves, added to `out` in leaf order. */
function missingOf(part: Part, f: Slots, out: Set<string>): void {
  const { leaves } = part;
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    if (!leaf.unknown(f)) continue;
    for (let j = 0; j < leaf.reads.length; j++) {
      const r = leaf.reads[j]!;
      if (f[r.slot] === undefined) for (let k = 0; k < r.inputs.length; k++) out.add(r.inputs[k]!);
    }
  }
}

const none: string[] = Object.freeze([]) as unknown as string[];

/** One guideline's decision-only run on a case: what the decision procedure asks of it, answered from the slots. */
class LeanRun implements GuidelineRun {
  // Declared, then set in the constructor: one run per case, and defined class fields cost more to set up.
  declare missingForApplicability: string[];
  declare readonly criteria: CriterionResult[];
  declare private readonly plan: Plan;
  declare private readonly f: Slots;
  declare readonly applies: Tri;

  constructor(plan: Plan, f: Slots, applies: Tri) {
    this.missingForApplicability = none;
    this.criteria = [];
    this.plan = plan;
    this.f = f;
    this.applies = applies;
  }

  get requested(): number | undefined {
    const v = this.f[this.plan.requestedSlot];
    return typeof v === 'number' ? v : undefined;
  }

  missing(): string[] {
    const out = new Set<string>();
    const { criteria } = this.plan;
    for (let i = 0; i < criteria.length; i++) {
      if (this.criteria[i]!.status !== 'unknown') continue;
      missingOf(criteria[i]!.when, this.f, out);
      missingOf(criteria[i]!.require, this.f, out);
    }
    return Array.from(out);
  }

  calc(e: Calc): number | string | null {
    const run = this.plan.calcs.get(e);
    // The decision asks only for the guideline's own certify expressions, each compiled with the plan.
    if (!run) throw new Error('calc: not a certify expression of this guideline');
    return run(this.f);
  }
}

/**
 * Runs one guideline in decision-only form: statuses and missing facts, no trace and no rationale
 * text. The case must be one the case schema accepts (`assertCase`, as `evaluateFast` does first):
 * its dates are compared as the schema checked them.
 */
export function runGuidelineLean(g: CompiledGuideline, c: Case): GuidelineRun {
  const plan = planOf(g);
  const view = new CaseView(g, c, plan.catalog);
  const f: Slots = new Array(plan.ids.length);
  fill(plan, view, f, 0, plan.applicabilitySlots);
  const run = new LeanRun(plan, f, plan.applicability.test(f));
  if (run.applies === null) {
    const out = new Set<string>();
    missingOf(plan.applicability, f, out);
    run.missingForApplicability = [...out];
  } else if (run.applies) {
    fill(plan, view, f, plan.applicabilitySlots, plan.ids.length);
    const { criteria } = plan;
    for (let i = 0; i < criteria.length; i++) {
      const k = criteria[i]!;
      run.criteria.push(resultFor(k.results, criterionStatus(k.when.test(f), k.require.test(f))));
    }
  }
  return run;
}
