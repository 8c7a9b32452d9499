// The single generic traversal of the AST: every pass (check, compile, format helpers) walks with it.
import type * as A from './ast.ts';

/** The direct child nodes of a node, in source order. */
export function children(n: A.Node): A.Node[] {
  const opt = <T extends A.Node>(x: T | undefined): T[] => (x ? [x] : []);
  switch (n.kind) {
    case 'GuidelineFile': return [...n.vocabularies, ...n.guidelines, ...n.policies];
    case 'GuidelineDecl': return [n.id, ...opt(n.title), ...opt(n.edition), ...opt(n.revises), ...n.drops, ...n.covers, ...n.uses, ...opt(n.applies), ...opt(n.unless), ...n.classes, ...n.recommendations, ...n.tables, ...n.defines, ...n.criteria];
    case 'VocabularyDecl': return [n.name, ...n.uses, ...n.facts, ...n.records, ...n.defines, ...n.tables, ...n.criteria, ...n.units];
    case 'UnitDecl': return [n.one, n.many, ...opt(n.meaning)];
    case 'FactDecl': return [n.words, ...opt(n.type), ...opt(n.from), ...opt(n.computed), ...opt(n.computedAs), ...opt(n.absent)];
    case 'TypeExpr': return [...n.values, ...opt(n.unit), ...opt(n.of), ...opt(n.record)];
    case 'RecordDecl': return [n.name, ...n.fields];
    case 'DefineDecl': return [n.words, ...opt(n.expr)];
    case 'UseDecl': return n.names;
    case 'PolicyDecl': return [n.name, ...n.steps.flat(), ...n.uses, ...n.defines, ...n.criteria];
    case 'ClassDecl': return [n.name, ...n.terms, ...n.codes];
    case 'RecommendBlock': return n.entries;
    case 'CourseEntry': return [n.name, n.visits, n.duration];
    case 'TableDecl': return [n.name, ...opt(n.title), ...opt(n.forEach), ...opt(n.choose), ...n.keys, ...n.columns, ...n.rows];
    case 'TableChoice': return opt(n.words);
    case 'TableColumn': return [...opt(n.low), n.words];
    case 'TableRow': return [...n.keys, ...n.cells];
    case 'TableCell': return n.values;
    case 'FrequencyEntry': return [n.name];
    case 'CriterionDecl': return [n.name, ...opt(n.onlyWhen), ...opt(n.require), ...opt(n.certify), ...n.parts];
    case 'PartDecl': return [n.name, ...opt(n.require)];
    case 'BoolExpr': return n.operands;
    case 'NotExpr': return [n.operand];
    case 'CompareExpr': return [n.left, n.right];
    case 'IsValuesExpr': return [n.subject, ...n.values];
    case 'IsKnownExpr': return [n.subject];
    case 'IsRecordedExpr': return [n.subject];
    case 'IsEmptyExpr': return [n.subject];
    case 'IncludesExpr': return [n.subject, ...n.values];
    case 'ArithExpr': return [n.left, n.right];
    case 'ParenExpr': return [n.inner];
    case 'RoundExpr': return [n.inner];
    case 'SinceExpr': return [n.unit, n.date, ...opt(n.to)];
    case 'AggregateExpr': return [n.list, ...opt(n.value), ...opt(n.where)];
    case 'QuantifiedExpr': return [n.list, ...opt(n.by), n.where];
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
