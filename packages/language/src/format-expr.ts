// Expression printing for the formatter: one space around operators, parentheses exactly where the
// author put them (the AST keeps them), and the author's wording of a comparison (`is at most`, `<=`).
import type * as A from './ast.ts';
import { unitName } from './units.ts';

/** Wordings of each comparison that parse to the same node, the canonical one first. */
const wordings: Record<string, string[]> = {
  '<=': ['<=', 'is at most'],
  '>=': ['>=', 'is at least'],
  '<': ['<', 'is less than', 'is fewer than'],
  '>': ['>', 'is more than'],
  '=': ['='],
  '!=': ['!='],
  'within<=': ['within', 'is within'],
  'ago<': ['is less than', 'is fewer than'],
  'ago>': ['is more than'],
};

/** The text between two offsets, with comments dropped and blanks collapsed. */
function between(src: string, from: number, to: number): string {
  return src.slice(from, to).replace(/#[^\n]*/g, ' ').replace(/\s+/g, ' ').trim();
}

function compareWords(e: A.CompareExpr, src: string): string {
  const key = e.elapsed === 'within' ? 'within<=' : e.elapsed === 'ago' ? `ago${e.op}` : e.op;
  const options = wordings[key] ?? [e.op];
  const written = between(src, e.left.range.end, e.right.range.start);
  return options.includes(written) ? written : options[0]!;
}

function value(n: A.Name, src: string): string {
  const img = src.slice(n.range.start, n.range.end);
  return img.startsWith('"') ? img : n.text;
}

/**
 * An expression in canonical spacing. `src` is the text it was parsed from. With a `column`, a list
 * of values (`includes a, b`, `is a, b`) keeps the line breaks the author put after its commas, the
 * next line starting at that column; without one it is printed on one line.
 */
export function printExpr(e: A.Expr, src: string, column?: number): string {
  const print = (x: A.Expr): string => printExpr(x, src, column);
  const comma = (prev: A.Name, next: A.Name): string => (column !== undefined && src.slice(prev.range.end, next.range.start).includes('\n') ? `,\n${' '.repeat(column)}` : ', ');
  switch (e.kind) {
    case 'BoolExpr': return e.operands.map((o) => print(o)).join(` ${e.op} `);
    case 'NotExpr':
    case 'QuantifiedExpr':
    case 'ParenExpr': {
      const a = around(e)!;
      return a.open + print(a.inner) + a.close;
    }
    case 'CompareExpr': {
      const text = `${print(e.left)} ${compareWords(e, src)} ${print(e.right)}`;
      return e.elapsed === 'ago' ? `${text} ago` : text;
    }
    case 'IsValuesExpr': {
      // Separators as written (`a, b or c`): the parser reads a joining `or` by what follows it.
      const list = e.values.map((v, i) => (i === 0 ? '' : /\bor\b/.test(between(src, e.values[i - 1]!.range.end, v.range.start)) ? ' or ' : comma(e.values[i - 1]!, v)) + value(v, src)).join('');
      return `${print(e.subject)} is ${e.negated ? 'not ' : ''}${list}`;
    }
    case 'IsKnownExpr': return `${print(e.subject)} is ${e.known ? 'known' : 'unknown'}`;
    case 'IsRecordedExpr': return `${print(e.subject)} is ${e.negated ? 'not ' : ''}on file`;
    case 'ArithExpr':
      if (isHalf(e)) return `half of ${print(e.left)}`;
      return `${print(e.left)} ${e.op} ${print(e.right)}`;
    case 'FactRef': return e.name;
    case 'Quantity': {
      const written = between(src, e.range.start, e.range.end);
      if (/^\d+(?:\.\d+)?(?: [a-z]+){0,3}$/.test(written) && !src.slice(e.range.start, e.range.end).includes('#')) return written;
      return e.unit ? `${e.value} ${unitName(e.unit)}` : `${e.value}`;
    }
    case 'RoundExpr': return `${print(e.inner)}, rounded${e.how === 'nearest' ? '' : ` ${e.how}`}`;
    case 'SinceExpr': return e.to ? `${e.unit.text} from ${print(e.date)} to ${print(e.to)}` : `${e.unit.text} since ${print(e.date)}`;
    case 'AggregateExpr': {
      const where = e.where ? ` where ${print(e.where)}` : '';
      return e.op === 'count' ? `count of ${e.list.name}${where}` : `sum of ${e.value ? print(e.value) : '0'} over ${e.list.name}${where}`;
    }
    case 'IncludesExpr': return `${print(e.subject)} includes ${e.values.map((v, i) => (i ? comma(e.values[i - 1]!, v) : '') + value(v, src)).join('')}`;
    case 'IsEmptyExpr': return `${print(e.subject)} is ${e.negated ? 'not ' : ''}empty`;
    case 'DateLit': return e.value;
    case 'StringLit': return src.slice(e.range.start, e.range.end);
    case 'ErrorExpr': return src.slice(e.range.start, e.range.end);
  }
}

/**
 * The words around the one expression inside `not …`, `any x where …` or `(…)`: the formatter may
 * break a line inside it, the words staying before its first line and after its last.
 */
export function around(e: A.Expr): { open: string; inner: A.Expr; close: string } | undefined {
  switch (e.kind) {
    case 'NotExpr': return { open: 'not ', inner: e.operand, close: '' };
    case 'QuantifiedExpr': return { open: `${quantifierWords(e)} where `, inner: e.where, close: '' };
    case 'ParenExpr': return { open: '(', inner: e.inner, close: ')' };
    default: return undefined;
  }
}

/** The words before a quantified expression's `where`: `any medications`, `the latest prior injections by injection date`. */
export function quantifierWords(e: A.QuantifiedExpr): string {
  switch (e.quantifier) {
    case 'some': return `any ${e.list.name}`;
    case 'latest':
    case 'earliest': return `the ${e.quantifier} ${e.list.name} by ${e.by?.name ?? ''}`;
    default: return `${e.quantifier} ${e.list.name}`;
  }
}

/** `half of x`, which parses to `x / 2` with the 2 where `half` was written. */
function isHalf(e: A.ArithExpr): boolean {
  return e.op === '/' && e.right.kind === 'Quantity' && e.right.range.start < e.left.range.start;
}

/** Fully parenthesised form of an expression, for precedence tests: `((a + b) <= c)`. */
export function formatDebug(e: A.Expr, src: string): string {
  switch (e.kind) {
    case 'BoolExpr': return `(${e.operands.map((o) => formatDebug(o, src)).join(` ${e.op} `)})`;
    case 'NotExpr': return `(not ${formatDebug(e.operand, src)})`;
    case 'CompareExpr': return `(${formatDebug(e.left, src)} ${e.elapsed ? `${e.elapsed} ` : ''}${e.op} ${formatDebug(e.right, src)})`;
    case 'IsValuesExpr': return `(${formatDebug(e.subject, src)} is ${e.negated ? 'not ' : ''}[${e.values.map((v) => v.text).join(', ')}])`;
    case 'IsKnownExpr': return `(${formatDebug(e.subject, src)} is ${e.known ? 'known' : 'unknown'})`;
    case 'IsRecordedExpr': return `(${formatDebug(e.subject, src)} is ${e.negated ? 'not ' : ''}on file)`;
    case 'ArithExpr': return `(${formatDebug(e.left, src)} ${e.op} ${formatDebug(e.right, src)})`;
    case 'ParenExpr': return formatDebug(e.inner, src);
    case 'RoundExpr': return `(${formatDebug(e.inner, src)} rounded ${e.how})`;
    case 'AggregateExpr': return `(${e.op} ${e.value ? `${formatDebug(e.value, src)} over ` : ''}${e.list.name}${e.where ? ` where ${formatDebug(e.where, src)}` : ''})`;
    case 'QuantifiedExpr': return `(${e.by ? quantifierWords(e) : `${e.quantifier} ${e.list.name}`} where ${formatDebug(e.where, src)})`;
    default: return printExpr(e, src);
  }
}
