// Criteria, evaluated: a guideline's (or a policy's) compiled once into tests over a run, and each
// one's status from its two halves (`only when`, `require`), its parts when it is a group, and its
// clinical review: not applicable, met, not met, unknown, or needs review.
import type { CompiledCriterion, CompiledGuideline, CompiledPolicy, CompiledTable, FactDef, RuleSet } from '@guideline/language/rules';
import { Plan, type Calc, type Run, type Test } from './plan.ts';
import { lookupCalc } from './tables.ts';
import { ungatedApplies } from './policy.ts';
import type { CriterionResult, CriterionStatus } from './types.ts';
import type { Tri } from './values.ts';
import type { Kept, Results } from './reuse.ts';

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
  /** The decision-only results of this criterion, built once each and shared (evaluate.ts sharedResult). */
  shared: Map<number | string, CriterionResult>;
  /** Its full results, by what each read of its case (reuse.ts). */
  explained: Results;
}

const keptByRules = new WeakMap<RuleSet, Kept>();
function keptOf(rules: RuleSet): Kept {
  let k = keptByRules.get(rules);
  if (!k) keptByRules.set(rules, (k = { size: 0 }));
  return k;
}

/** A guideline or policy with its tests compiled. */
export interface Compiled {
  plan: Plan;
  applies: Test | undefined;
  /** Applicability without the conjuncts the policy's index stands for (policy.ts ungatedApplies). */
  ungated: Test | undefined;
  criteria: CriterionPlan[];
  /** How many full results the rule set keeps, over all its guidelines and policies (reuse.ts). */
  kept: Kept;
}

const compiled = new WeakMap<CompiledGuideline | CompiledPolicy, Compiled>();
const factMaps = new WeakMap<RuleSet, Map<string, FactDef>>();

function factsOf(rules: RuleSet): Map<string, FactDef> {
  let m = factMaps.get(rules);
  if (!m) factMaps.set(rules, (m = new Map(rules.facts.map((f) => [f.id, f]))));
  return m;
}

const tableMaps = new WeakMap<object, Map<string, CompiledTable>>();
function tablesOf(owner: RuleSet | CompiledGuideline): Map<string, CompiledTable> {
  let m = tableMaps.get(owner);
  if (!m) tableMaps.set(owner, (m = new Map(owner.tables.map((t) => [t.id, t]))));
  return m;
}

/** A guideline's (or policy's) criteria and applicability as tests, compiled on first use. */
export function compiledOf(rules: RuleSet, g: CompiledGuideline | CompiledPolicy): Compiled {
  let c = compiled.get(g);
  if (!c) {
    // A table is the guideline's own, or else a vocabulary's (the rule set's).
    const own = 'tables' in g ? tablesOf(g) : undefined;
    const plan = new Plan(factsOf(rules), g.leaves, (id) => own?.get(id) ?? tablesOf(rules).get(id), lookupCalc);
    c = {
      plan,
      applies: 'applies' in g ? plan.condition(g.applies) : undefined,
      ungated: 'applies' in g ? plan.condition(ungatedApplies(g, factsOf(rules))) : undefined,
      criteria: g.criteria.map((meta) => ({
        meta,
        when: meta.when ? plan.condition(meta.when) : undefined,
        require: meta.require ? plan.condition(meta.require) : undefined,
        parts: meta.group?.parts.map((p) => ({ id: p.id, require: plan.condition(p.require) })),
        certify: meta.certify ? plan.value(meta.certify) : undefined,
        shared: new Map(),
        explained: { byHash: new Map(), seenOnce: new Set(), found: 0, missed: 0, skip: 0 },
      })),
      kept: keptOf(rules),
    };
    compiled.set(g, c);
  }
  return c;
}

/** Each status as a small number (for keys and hashes), in the order of CriterionStatus. */
export const statusCodes: Readonly<Record<CriterionStatus, number>> = { 'not-applicable': 0, met: 1, 'not-met': 2, unknown: 3, 'needs-review': 4 };

export interface Evaluated {
  status: CriterionStatus;
  /** Each part's answer, for a group. */
  parts?: Tri[];
  /** For a criterion sent to a physician: what the case showed, unknown or (`unless met`) not met. */
  basis?: 'not-met' | 'unknown';
}

/**
 * A criterion's status. Not applicable when `only when` is false; met when the requirement holds even
 * if applicability is unknown; not met when both are known and it fails; otherwise unknown, or, for a
 * criterion a physician must judge, needs review (and, for `needs clinical review unless met`, not
 * met needs review too).
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
  if (parts) return reviewed(k.meta, status) ? { status: 'needs-review', basis: status as 'not-met' | 'unknown', parts } : { status, parts };
  return reviewed(k.meta, status) ? plainReviewed[status as 'not-met' | 'unknown'] : plain[status];
}

/** The evaluations of a criterion without parts, one of each, frozen: nothing of them belongs to a case. */
const plain: Readonly<Record<ReturnType<typeof criterionStatus>, Evaluated>> = {
  'not-applicable': Object.freeze({ status: 'not-applicable' }),
  met: Object.freeze({ status: 'met' }),
  'not-met': Object.freeze({ status: 'not-met' }),
  unknown: Object.freeze({ status: 'unknown' }),
};
const plainReviewed: Readonly<Record<'not-met' | 'unknown', Evaluated>> = {
  'not-met': Object.freeze({ status: 'needs-review', basis: 'not-met' }),
  unknown: Object.freeze({ status: 'needs-review', basis: 'unknown' }),
};

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

/** Whether a physician judges a criterion that reached `status`: unknown, or not met under `unless met`. */
export function reviewed(meta: CompiledCriterion, status: CriterionStatus): boolean {
  return meta.review === true && (status === 'unknown' || (status === 'not-met' && meta.reviewNotMet === true));
}

export function criterionStatus(applicable: Tri, met: Tri): 'met' | 'not-met' | 'not-applicable' | 'unknown' {
  if (applicable === false) return 'not-applicable';
  if (applicable === null) return met === true ? 'met' : 'unknown';
  return met === null ? 'unknown' : met ? 'met' : 'not-met';
}
