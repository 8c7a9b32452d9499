// The guideline as a picture, in the worker: each guideline of a file (and each policy) with when it
// applies, its criteria, under each criterion its conditions in the order they are read (only when,
// require, each part), and its decision procedure; a policy's evidence order, step by step. Every box
// carries its source line. The page lays it out and draws it (diagram.ts).
import { isLeaf, leavesOf, type Cond, type CompiledCriterion, type LeafInfo, type RuleSet } from '@guideline/language';
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

/** The guidelines and policies of one file, for the picture (at most `diagramBoxesShown` conditions). */
export function diagramOf(rules: RuleSet | undefined, file: string): DiagramData {
  if (!rules) return { roots: [] };
  const budget = { left: diagramBoxesShown };
  const policies = rules.policies.filter((p) => p.source.file === file);
  const roots: DiagramNode[] = [
    ...rules.guidelines.filter((g) => g.location.file === file).map((g): DiagramNode => ({
      kind: 'guideline', id: g.id, label: g.edition ? `${g.title} (edition ${g.edition})` : g.title, role: '', line: g.location.line, file,
      children: [
        { kind: 'applicability', label: 'Applies when', role: 'applies', line: g.location.line, file, children: conditions(joins(g.applies) || 'require', g.applies, g.leaves, budget) },
        ...g.criteria.map((c) => criterion(c, g.leaves, budget)),
      ],
      decision: decisionRules(g.criteria),
    })),
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
