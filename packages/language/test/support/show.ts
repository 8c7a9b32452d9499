// A fully parenthesised rendering of expressions, so tests can state precedence and grouping
// in one readable string (until format.ts offers formatDebug).
import { unitName } from '../../src/units.ts';
import type * as A from '../../src/ast.ts';

export function show(e: A.Expr): string {
  switch (e.kind) {
    case 'BoolExpr': return `(${e.operands.map(show).join(` ${e.op} `)})`;
    case 'NotExpr': return `not ${show(e.operand)}`;
    case 'CompareExpr': return `(${show(e.left)} ${e.op} ${show(e.right)}${e.elapsed ? ` ${e.elapsed}` : ''})`;
    case 'IsValuesExpr': return `(${show(e.subject)} is${e.negated ? ' not' : ''} [${e.values.map((v) => v.text).join(', ')}])`;
    case 'IsKnownExpr': return `(${show(e.subject)} is ${e.known ? 'known' : 'unknown'})`;
    case 'IsRecordedExpr': return `(${show(e.subject)} is${e.negated ? ' not' : ''} on file)`;
    case 'ArithExpr': return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'FactRef': return `{${e.name}}`;
    case 'Quantity': return e.unit ? `${e.value} ${unitName(e.unit)}` : `${e.value}`;
    case 'DateLit': return e.value;
    case 'StringLit': return JSON.stringify(e.value);
    case 'ParenExpr': return show(e.inner);
    case 'AggregateExpr': return `(${e.op} ${show(e.list)}${e.value ? ` of ${show(e.value)}` : ''}${e.where ? ` where ${show(e.where)}` : ''})`;
    case 'QuantifiedExpr': return `(${e.quantifier} ${show(e.list)}${e.by ? ` by ${show(e.by)}` : ''} where ${show(e.where)})`;
    case 'SinceExpr': return e.to ? `(${e.unit.text} from ${show(e.date)} to ${show(e.to)})` : `(${e.unit.text} since ${show(e.date)})`;
    case 'RoundExpr': return `round-${e.how}(${show(e.inner)})`;
    case 'IncludesExpr': return `(${show(e.subject)} includes [${e.values.map((v) => v.text).join(', ')}])`;
    case 'IsEmptyExpr': return `(${show(e.subject)} is${e.negated ? ' not' : ''} empty)`;
    case 'ErrorExpr': return '<error>';
  }
}

/** The criterion declared at `index` in a guideline; a test fails here if it is a `use criterion` line. */
export function criterionAt(g: A.GuidelineDecl | A.PolicyDecl | undefined, index: number): A.CriterionDecl {
  const c = g?.criteria[index];
  if (c?.kind !== 'CriterionDecl') throw new Error(`no criterion declared at ${index}`);
  return c;
}
