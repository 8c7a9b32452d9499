// The guideline as a picture, in the worker: each guideline of a file (and each policy) with when it
// applies, its criteria, under each criterion its conditions in the order they are read (only when,
// require, each part), the criteria of each policy that consults it and can apply them to it, and its
// decision procedure; a policy's evidence order, step by step. Every box carries its source line. The
// page lays it out and draws it (diagram.ts).
import { isLeaf, leavesOf, type Cond, type CompiledCriterion, type CompiledGuideline, type LeafInfo, type RuleSet } from '@guideline/language';
import { matchesPattern } from '@guideline/runtime';
import { diagramBoxesShown } from '../limits.ts';
import type { DiagramData, DiagramNode, EvidenceOrder } from '../protocol.ts';
import { decisionRules } from './decision.ts';

/** How a condition combines its parts, in words. */
const joins = (c: Cond | undefined): string => (!c || isLeaf(c) ? '' : 'all' in c ? 'all of' : 'any' in c ? 'any of' : 'not');

/** The leaf conditions of a condition, in the guideline's own words, as boxes (while the budget lasts). */
function conditions(role: string, cond: Cond | undefined, leaves: readonly LeafInfo[], budget: { left: number }): DiagramNode[] {
  return (cond ? leavesOf(cond) : []).flatMap((i) => {
    const leaf = leaves[i];
    if (!leaf || budget.left-- <= 0) return [];
    return [{ kind: 'condition', label: leaf.text, role, line: leaf.source.line, file: leaf.source.file, children: [] }];
  });
}

function criterion(c: CompiledCriterion, leaves: readonly LeafInfo[], budget: { left: number }): DiagramNode {
  const parts = (c.group?.parts ?? []).map((p): DiagramNode => ({ kind: 'part', label: p.title, role: 'part', line: p.source.line, file: p.source.file, children: conditions(joins(p.require) || 'require', p.require, leaves, budget) }));
  const need = c.group ? (c.group.need === 'any' ? 'any part' : c.group.need === 'all' ? 'every part' : `${c.group.need} parts`) : '';
  return {
    kind: 'criterion', id: c.id, label: c.title, role: need || joins(c.require) || 'require', line: c.source.line, file: c.source.file,
    children: [...conditions('only when', c.when, leaves, budget), ...conditions(joins(c.require) || 'require', c.require, leaves, budget), ...parts],
  };
}

/** A policy's steps, each with the guidelines its patterns match in the rule set's order (each guideline in its first step only, as the runtime orders them). */
function evidenceOrder(rules: RuleSet, p: RuleSet['policies'][number]): EvidenceOrder {
  const seen = new Set<string>();
  return {
    policy: p.id, label: p.title, file: p.source.file, line: p.source.line,
    steps: p.steps.map((patterns) => ({
      patterns,
      guidelines: patterns.flatMap((pattern) => rules.guidelines.filter((g) => matchesPattern(pattern, g.id) && !seen.has(`${g.id}@${g.edition ?? ''}`)).map((g) => {
        seen.add(`${g.id}@${g.edition ?? ''}`);
        return { id: g.id, label: g.edition ? `${g.title} (edition ${g.edition})` : g.title, file: g.location.file, line: g.location.line };
      })),
    })),
  };
}

const conjuncts = (c: Cond): Cond[] => ('all' in c ? c.all.flatMap(conjuncts) : [c]);
/** The values an `is` test of a fact allows; undefined when the condition is no such test. */
function valuesOf(c: Cond, fact: string): readonly unknown[] | undefined {
  const t = c as { is?: { fact?: string }; values?: readonly unknown[] };
  return t.is?.fact === fact ? t.values : undefined;
}

/**
 * Whether a policy's criterion can apply when guideline `g` governs, as far as its `only when` says at
 * its top: the governing guideline's id (California's cap excepts the postsurgical schedule) and the
 * treatment, against the treatments `g` applies to. The runtime evaluates every criterion of the
 * policy with the guideline's own (packages/runtime/src/evaluate.ts); one that cannot apply is left out.
 */
function canApplyUnder(c: CompiledCriterion, g: CompiledGuideline): boolean {
  const covered = conjuncts(g.applies).map((x) => valuesOf(x, 'request.treatment')).find((v) => v !== undefined);
  for (const x of c.when ? conjuncts(c.when) : []) {
    const negated = (x as { not?: Cond }).not;
    const ids = valuesOf(negated ?? x, 'governingId');
    if (ids && ids.includes(g.id) === (negated !== undefined)) return false;
    const treatments = negated ? undefined : valuesOf(x, 'request.treatment');
    if (treatments && covered && !covered.some((t) => treatments.includes(t))) return false;
  }
  return true;
}

/** The criteria of each policy whose evidence order reaches guideline `g` that can apply under it (as the runtime adds them to the guideline's own). */
function policyCriteriaOf(rules: RuleSet, g: CompiledGuideline): { policy: RuleSet['policies'][number]; criteria: CompiledCriterion[] }[] {
  return rules.policies
    .filter((p) => p.steps.some((patterns) => patterns.some((pattern) => matchesPattern(pattern, g.id))))
    .map((policy) => ({ policy, criteria: policy.criteria.filter((c) => canApplyUnder(c, g)) }))
    .filter((x) => x.criteria.length > 0);
}

/** The guidelines and policies of one file, for the picture (at most `diagramBoxesShown` conditions). */
export function diagramOf(rules: RuleSet | undefined, file: string): DiagramData {
  if (!rules) return { roots: [] };
  const budget = { left: diagramBoxesShown };
  const policies = rules.policies.filter((p) => p.source.file === file);
  const roots: DiagramNode[] = [
    ...rules.guidelines.filter((g) => g.location.file === file).map((g): DiagramNode => {
      const policyCriteria = policyCriteriaOf(rules, g);
      return {
        kind: 'guideline', id: g.id, label: g.edition ? `${g.title} (edition ${g.edition})` : g.title, role: '', line: g.location.line, file,
        children: [
          { kind: 'applicability', label: 'Applies when', role: 'applies', line: g.location.line, file, children: conditions(joins(g.applies) || 'require', g.applies, g.leaves, budget) },
          ...g.criteria.map((c) => criterion(c, g.leaves, budget)),
          ...policyCriteria.map(({ policy: p, criteria }): DiagramNode => ({
            kind: 'policy', id: p.id, label: `${p.title}: its criteria, when this guideline governs in ${p.jurisdiction}`, role: `policy (${p.jurisdiction})`, line: p.source.line, file: p.source.file,
            children: criteria.map((c) => criterion(c, p.leaves, budget)),
          })),
        ],
        decision: decisionRules([...g.criteria, ...policyCriteria.flatMap((x) => x.criteria)]),
      };
    }),
    ...policies.map((p): DiagramNode => ({
      kind: 'policy', id: p.id, label: p.title, role: '', line: p.source.line, file,
      children: [
        { kind: 'applicability', label: `Applies to cases in ${p.jurisdiction}, in addition to the guideline that governs`, role: 'applies', line: p.source.line, file, children: [] },
        ...p.criteria.map((c) => criterion(c, p.leaves, budget)),
      ],
      decision: decisionRules(p.criteria),
    })),
  ];
  const order = policies.map((p) => evidenceOrder(rules, p));
  return { roots, ...(order.length ? { order } : {}), ...(budget.left < 0 ? { cut: true } : {}) };
}
