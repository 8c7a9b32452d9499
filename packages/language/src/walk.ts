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

/**
 * The first node, in pre-order, that lies more than `limit` expression levels deep (parentheses do
 * not count; P205 bounds those), if any. A loop over an explicit stack, not a recursion: it is what
 * keeps too deep an expression from every pass that recurses, so it must itself be safe at any
 * depth. It runs on every parse, so it visits only what can hold an expression (classes,
 * recommendations and policies cannot) and reads children in place rather than through `children`,
 * whose arrays made it a tenth of a compile.
 */
export function tooDeep(root: A.Node, limit: number): A.Node | undefined {
  const nodes: (A.Node | undefined)[] = [root];
  const depths: number[] = [0];
  const push = (n: A.Node | undefined, d: number): void => {
    if (n === undefined) return;
    nodes.push(n);
    depths.push(d);
  };
  while (nodes.length) {
    const n = nodes.pop()!;
    let d = depths.pop()!;
    if (n.kind !== 'ParenExpr' && n.kind !== 'GuidelineFile' && n.kind !== 'GuidelineDecl' && n.kind !== 'CriterionDecl' && ++d > limit) return n;
    switch (n.kind) {
      case 'GuidelineFile': for (let i = n.guidelines.length - 1; i >= 0; i--) push(n.guidelines[i], d); break;
      case 'GuidelineDecl':
        for (let i = n.criteria.length - 1; i >= 0; i--) push(n.criteria[i], d);
        push(n.unless, d);
        push(n.applies, d);
        break;
      case 'CriterionDecl': push(n.certify, d); push(n.require, d); push(n.onlyWhen, d); break;
      case 'BoolExpr': for (let i = n.operands.length - 1; i >= 0; i--) push(n.operands[i], d); break;
      case 'NotExpr': push(n.operand, d); break;
      case 'CompareExpr':
      case 'ArithExpr': push(n.right, d); push(n.left, d); break;
      case 'IsValuesExpr':
      case 'IsKnownExpr': push(n.subject, d); break;
      case 'ParenExpr': push(n.inner, d); break;
      default: break; // an operand
    }
  }
  return undefined;
}
