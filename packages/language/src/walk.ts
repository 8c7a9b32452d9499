// The single generic traversal of the AST: every pass (check, compile, format helpers) walks with it.
import type * as A from './ast.ts';

/** The direct child nodes of a node, in source order. */
export function children(n: A.Node): A.Node[] {
  switch (n.kind) {
    case 'GuidelineFile': return [...n.guidelines, ...n.policies];
    case 'GuidelineDecl': return [n.id, ...(n.title ? [n.title] : []), ...n.covers, ...(n.applies ? [n.applies] : []), ...(n.unless ? [n.unless] : []), ...n.classes, ...n.recommendations, ...n.criteria];
    case 'PolicyDecl': return [n.name, ...n.steps.flat()];
    case 'ClassDecl': return [n.name, ...n.terms, ...n.codes];
    case 'RecommendBlock': return n.entries;
    case 'CourseEntry': return [n.name, n.visits, n.duration];
    case 'FrequencyEntry': return [n.name];
    case 'CriterionDecl': return [n.name, ...(n.onlyWhen ? [n.onlyWhen] : []), ...(n.require ? [n.require] : []), ...(n.certify ? [n.certify] : [])];
    case 'BoolExpr': return n.operands;
    case 'NotExpr': return [n.operand];
    case 'CompareExpr': return [n.left, n.right];
    case 'IsValuesExpr': return [n.subject, ...n.values];
    case 'IsKnownExpr': return [n.subject];
    case 'ArithExpr': return [n.left, n.right];
    case 'ParenExpr': return [n.inner];
    default: return [];
  }
}

/** Depth-first, pre-order. Return false from the visitor to skip a node's children. */
export function walk(n: A.Node, visit: (n: A.Node) => boolean | void): void {
  if (visit(n) === false) return;
  for (const c of children(n)) walk(c, visit);
}

/** The innermost node whose range contains the offset (for hover and go-to-definition). */
export function nodeAt(root: A.Node, offset: number): A.Node | undefined {
  let found: A.Node | undefined;
  walk(root, (n) => {
    if (offset < n.range.start || offset > n.range.end) return false;
    found = n;
    return true;
  });
  return found;
}
