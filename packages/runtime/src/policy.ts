// The policy that governs a jurisdiction, and the guidelines it consults in evidence order: each
// step's patterns in the order written, every edition of a matched guideline (its in-force window,
// part of its applicability, picks the one that applies).
import type { CompiledGuideline, CompiledPolicy, RuleSet } from '@guideline/language/rules';

export interface PolicyOrder {
  policy: CompiledPolicy;
  guidelines: CompiledGuideline[];
}

/** Whether a guideline id matches a policy pattern: `mtus.*` matches every id under `mtus.`. */
export function matchesPattern(pattern: string, id: string): boolean {
  if (pattern.endsWith('.*')) return id.startsWith(pattern.slice(0, -1));
  return pattern === id;
}

const orders = new WeakMap<RuleSet, Map<string, PolicyOrder | undefined>>();

/** The policy of a jurisdiction and its guidelines in order (worked out once per rule set and jurisdiction). */
export function guidelinesInOrder(rules: RuleSet, jurisdiction: string): PolicyOrder | undefined {
  let byJurisdiction = orders.get(rules);
  if (!byJurisdiction) orders.set(rules, (byJurisdiction = new Map()));
  const key = jurisdiction.toUpperCase();
  if (byJurisdiction.has(key)) return byJurisdiction.get(key);
  // A batch of made-up jurisdictions stays bounded.
  if (byJurisdiction.size >= 1000) byJurisdiction.clear();
  const policy = rules.policies.find((p) => p.jurisdiction.toUpperCase() === key);
  let order: PolicyOrder | undefined;
  if (policy) {
    const guidelines: CompiledGuideline[] = [];
    for (const pattern of policy.steps.flat()) {
      for (const g of rules.guidelines) if (!guidelines.includes(g) && matchesPattern(pattern, g.id)) guidelines.push(g);
    }
    order = { policy, guidelines };
  }
  byJurisdiction.set(key, order);
  return order;
}
