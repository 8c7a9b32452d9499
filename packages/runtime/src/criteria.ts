// Criteria, evaluated: a guideline's (or a policy's) compiled once into tests over a run, and each
// one's status from its two halves (`only when`, `require`), its parts when it is a group, and its
// clinical review: not applicable, met, not met, unknown, or needs review.
import type { CompiledCriterion, CompiledGuideline, CompiledPolicy, FactDef, RuleSet } from '@guideline/language/rules';
import { Plan, type Calc, type Run, type Test } from './plan.ts';
import type { CriterionStatus } from './types.ts';
import type { Tri } from './values.ts';

export interface PartPlan {
  id: string;
  require: Test;
}

export interface CriterionPlan {
  meta: CompiledCriterion;
  when: Test | undefined;
  require: Test | undefined;
  parts: PartPlan[] | undefined;
  certify: Calc | undefined;
}

/** A guideline or policy with its tests compiled. */
export interface Compiled {
  plan: Plan;
  applies: Test | undefined;
  criteria: CriterionPlan[];
}

const compiled = new WeakMap<CompiledGuideline | CompiledPolicy, Compiled>();
const factMaps = new WeakMap<RuleSet, Map<string, FactDef>>();

function factsOf(rules: RuleSet): Map<string, FactDef> {
  let m = factMaps.get(rules);
  if (!m) factMaps.set(rules, (m = new Map(rules.facts.map((f) => [f.id, f]))));
  return m;
}

/** A guideline's (or policy's) criteria and applicability as tests, compiled on first use. */
export function compiledOf(rules: RuleSet, g: CompiledGuideline | CompiledPolicy): Compiled {
  let c = compiled.get(g);
  if (!c) {
    const plan = new Plan(factsOf(rules), g.leaves);
    c = {
      plan,
      applies: 'applies' in g ? plan.condition(g.applies) : undefined,
      criteria: g.criteria.map((meta) => ({
        meta,
        when: meta.when ? plan.condition(meta.when) : undefined,
        require: meta.require ? plan.condition(meta.require) : undefined,
        parts: meta.group?.parts.map((p) => ({ id: p.id, require: plan.condition(p.require) })),
        certify: meta.certify ? plan.value(meta.certify) : undefined,
      })),
    };
    compiled.set(g, c);
  }
  return c;
}

export interface Evaluated {
  status: CriterionStatus;
  /** Each part's answer, for a group. */
  parts?: Tri[];
}

/**
 * A criterion's status. Not applicable when `only when` is false; met when the requirement holds even
 * if applicability is unknown; not met when both are known and it fails; otherwise unknown, or, for a
 * criterion a physician must judge, needs review.
 */
export function evaluateCriterion(run: Run, k: CriterionPlan): Evaluated {
  const applicable: Tri = k.when ? k.when(run) : true;
  let met: Tri;
  let parts: Tri[] | undefined;
  if (k.parts) {
    parts = k.parts.map((p) => p.require(run));
    met = groupMet(k.meta.group!.need, parts);
  } else met = k.require ? k.require(run) : null;
  const status = criterionStatus(applicable, met);
  const out: Evaluated = { status: status === 'unknown' && k.meta.review ? 'needs-review' : status };
  if (parts) out.parts = parts;
  return out;
}

/** Whether a group is met: any, all, or at least N of its parts. */
export function groupMet(need: 'any' | 'all' | number, parts: readonly Tri[]): Tri {
  let yes = 0;
  let unknown = 0;
  for (const p of parts) {
    if (p === true) yes++;
    else if (p === null) unknown++;
  }
  const n = need === 'any' ? 1 : need === 'all' ? parts.length : need;
  if (yes >= n) return true;
  return yes + unknown < n ? false : null;
}

export function criterionStatus(applicable: Tri, met: Tri): 'met' | 'not-met' | 'not-applicable' | 'unknown' {
  if (applicable === false) return 'not-applicable';
  if (applicable === null) return met === true ? 'met' : 'unknown';
  return met === null ? 'unknown' : met ? 'met' : 'not-met';
}
