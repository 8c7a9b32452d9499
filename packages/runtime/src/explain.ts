// From json-rules-engine results to criterion statuses, traces and rationales. Statuses use
// three-valued logic: a leaf whose facts are unknown is unknown, and unknown propagates (Kleene).
import type { CompiledCriterion, CompiledLeaf } from '@guideline/language';
import { calcFacts, evaluateCalc } from './calc.ts';
import type { Facts } from './case-facts.ts';
import type { CriterionStatus, TraceEntry } from './types.ts';

export type Tri = true | false | null;

/** The evaluated condition tree json-rules-engine leaves on a rule result. */
export interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  name?: string;
  fact?: string;
  params?: { expr?: import('@guideline/language').Calc };
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

const isUnknown = (v: unknown): boolean => v === undefined || v === null;

/**
 * Whether a leaf's answer is unknown: a side it compares is absent. `is known` / `is unknown`
 * (operator `known`) always has an answer.
 */
export function leafUnknown(operator: string, factResult: unknown, valueIsFact: boolean, valueResult: unknown): boolean {
  return operator !== 'known' && (isUnknown(factResult) || (valueIsFact && isUnknown(valueResult)));
}

/** Walks an evaluated tree in the compiler's leaf order, computing the three-valued result and the trace. */
export class Explainer {
  private index = 0;
  readonly trace: TraceEntry[] = [];
  readonly unknownFacts = new Set<string>();

  constructor(
    private readonly leaves: CompiledLeaf[],
    private readonly facts: Facts,
  ) {}

  truth(c: EvaluatedCondition): Tri {
    if (c.all) return and(c.all.map((x) => this.truth(x)));
    if (c.any) return or(c.any.map((x) => this.truth(x)));
    if (c.not) {
      const t = this.truth(c.not);
      return t === null ? null : !t;
    }
    return this.leaf(c);
  }

  private leaf(c: EvaluatedCondition): Tri {
    const meta = this.leaves[this.index++];
    const valueIsFact = typeof c.value === 'object' && c.value !== null && 'fact' in (c.value as object);
    const evaluated = 'result' in c;
    let result: Tri;
    if (!evaluated) result = null;
    else result = leafUnknown(c.operator ?? '', c.factResult, valueIsFact, c.valueResult) ? null : Boolean(c.result);
    if (result === null) {
      for (const f of factsOf(c)) if (isUnknown(this.facts[f])) this.unknownFacts.add(f);
    }
    const fact = c.fact === 'calc' ? (meta?.fact ?? 'calc') : (c.fact ?? '');
    this.trace.push({
      fact,
      value: c.factResult ?? null,
      operator: c.operator ?? '',
      expected: valueIsFact ? (c.valueResult ?? null) : (c.value ?? null),
      result,
      condition: meta?.text ?? c.name ?? '',
      line: meta?.source.line ?? 0,
    });
    return result;
  }
}

/** Fact ids a leaf reads (directly, through calc, or as its value). */
export function factsOf(c: EvaluatedCondition): string[] {
  const out: string[] = [];
  const add = (fact: string | undefined, params: EvaluatedCondition['params']): void => {
    if (fact === 'calc' && params?.expr) calcFacts(params.expr, out);
    else if (fact) out.push(fact);
  };
  add(c.fact, c.params);
  if (typeof c.value === 'object' && c.value !== null && 'fact' in c.value) {
    const v = c.value as { fact: string; params?: EvaluatedCondition['params'] };
    add(v.fact, v.params);
  }
  return out;
}

/**
 * A criterion's status from its two halves: not applicable when 'only when' is false; met when the
 * requirement holds even if applicability is unknown; otherwise unknown unless both are known.
 */
export function criterionStatus(applicable: Tri, met: Tri): CriterionStatus {
  if (applicable === false) return 'not-applicable';
  if (applicable === null) return met === true ? 'met' : 'unknown';
  return met === null ? 'unknown' : met ? 'met' : 'not-met';
}

export function and(xs: Tri[]): Tri {
  if (xs.includes(false)) return false;
  return xs.includes(null) ? null : true;
}
export function or(xs: Tri[]): Tri {
  if (xs.includes(true)) return true;
  return xs.includes(null) ? null : false;
}

/** Formats a fact value for a rationale. */
export function show(v: unknown): string {
  if (v === null || v === undefined) return 'an unknown number of';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10);
  return String(v);
}

const templates = new WeakMap<CompiledCriterion, (string | number)[]>();

/** A rationale template split once into text and placeholder indexes. */
function templateOf(c: CompiledCriterion): (string | number)[] {
  let t = templates.get(c);
  if (!t) {
    t = c.rationale.split(/\{(\d+)\}/).map((part, i) => (i % 2 ? Number(part) : part));
    templates.set(c, t);
  }
  return t;
}

/** A criterion's rationale with the case's values in its placeholders. */
export function fillRationale(c: CompiledCriterion, facts: Facts): string {
  let out = '';
  for (const part of templateOf(c)) {
    if (typeof part === 'string') out += part;
    else {
      const p = c.placeholders[part];
      if (p) out += show(evaluateCalc(p.expr, (id) => facts[id]));
    }
  }
  return out;
}
