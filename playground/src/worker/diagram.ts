// The guideline as a picture, in the worker: each guideline of a file (and each policy) with its
// criteria, and under each criterion its conditions in the order they are read (only when, require,
// each part), every box with its source line. The page lays it out and draws it (diagram.ts).
import { isLeaf, leavesOf, type Cond, type CompiledCriterion, type LeafInfo, type RuleSet } from '@guideline/language';
import { diagramBoxesShown } from '../limits.ts';
import type { DiagramData, DiagramNode } from '../protocol.ts';

/** How a condition combines its parts, in words. */
const joins = (c: Cond | undefined): string => (!c || isLeaf(c) ? '' : 'all' in c ? 'all of' : 'any' in c ? 'any of' : 'not');

function criterion(c: CompiledCriterion, leaves: readonly LeafInfo[], budget: { left: number }): DiagramNode {
  const conditions = (role: string, cond: Cond | undefined): DiagramNode[] =>
    (cond ? leavesOf(cond) : []).flatMap((i) => {
      const leaf = leaves[i];
      if (!leaf || budget.left-- <= 0) return [];
      return [{ kind: 'condition', label: leaf.text, role, line: leaf.source.line, file: leaf.source.file, children: [] }];
    });
  const parts = (c.group?.parts ?? []).map((p): DiagramNode => ({ kind: 'part', label: p.title, role: 'part', line: p.source.line, file: p.source.file, children: conditions(joins(p.require) || 'require', p.require) }));
  const need = c.group ? (c.group.need === 'any' ? 'any part' : c.group.need === 'all' ? 'every part' : `${c.group.need} parts`) : '';
  return {
    kind: 'criterion', id: c.id, label: c.title, role: need || joins(c.require) || 'require', line: c.source.line, file: c.source.file,
    children: [...conditions('only when', c.when), ...conditions(joins(c.require) || 'require', c.require), ...parts],
  };
}

/** The guidelines and policies of one file, for the picture (at most `diagramBoxesShown` conditions). */
export function diagramOf(rules: RuleSet | undefined, file: string): DiagramData {
  if (!rules) return { roots: [] };
  const budget = { left: diagramBoxesShown };
  const roots: DiagramNode[] = [
    ...rules.guidelines.filter((g) => g.location.file === file).map((g): DiagramNode => ({
      kind: 'guideline', id: g.id, label: g.edition ? `${g.title} (edition ${g.edition})` : g.title, role: '', line: g.location.line, file, children: g.criteria.map((c) => criterion(c, g.leaves, budget)),
    })),
    ...rules.policies.filter((p) => p.source.file === file).map((p): DiagramNode => ({
      kind: 'guideline', id: p.id, label: p.title, role: '', line: p.source.line, file, children: p.criteria.map((c) => criterion(c, p.leaves, budget)),
    })),
  ];
  return { roots, ...(budget.left < 0 ? { cut: true } : {}) };
}
