// An expression over lines, for the formatter. An `and`/`or` breaks one operand a line, each next
// line starting with its operator under the first operand, as the bundled guidelines are wrapped by
// hand: where the author broke it over several lines, or where it would pass the width on one line.
// The outermost chain breaks first; a part still too wide breaks in turn (an `and` inside an `or`, or
// a chain inside parentheses, `not` or `where`), and a part with no and/or left to break at stays long.
// `any/every/no/the latest ... where` breaks before `where` (the condition on the next line, under the
// quantifier's first word) where the author broke it, or where breaking inside the condition alone
// would not bring every line within the width.
import type * as A from './ast.ts';
import { around, printExpr, quantifierWords } from './format-expr.ts';
import { maxWidth } from './format-lines.ts';

/** A printed line of an expression, with the source range it stands for (to keep comments in place). */
export interface ExprLine {
  indent: number;
  text: string;
  start: number;
  end: number;
}

/** `head` (a clause's keywords) and then `e`, at `indent`, over as many lines as it takes. */
export function exprLines(src: string, head: string, e: A.Expr, indent: number): ExprLine[] {
  return lay(src, { head, tail: '', indent, start: e.range.start, end: e.range.end }, e);
}

/** Where an expression is printed: after `head` at `indent`, `tail` after it, for `start`..`end` of the source. */
interface Place {
  head: string;
  tail: string;
  indent: number;
  start: number;
  end: number;
}

function lay(src: string, at: Place, e: A.Expr): ExprLine[] {
  const column = at.indent + at.head.length;
  const text = at.head + printExpr(e, src, column) + at.tail;
  const tooWide = widest(at.indent, text) > maxWidth;
  if (e.kind === 'BoolExpr' && (tooWide || src.slice(e.range.start, e.range.end).includes('\n'))) {
    const last = e.operands.length - 1;
    return e.operands.flatMap((o, i) =>
      lay(src, {
        head: i ? `${e.op} ` : at.head,
        tail: i === last ? at.tail : '',
        indent: i ? column : at.indent,
        start: i ? o.range.start : at.start,
        end: i === last ? at.end : o.range.end,
      }, o),
    );
  }
  const a = tooWide ? around(e) : undefined;
  const inside = a && holdsChain(a.inner) ? lay(src, { ...at, head: at.head + a.open, tail: a.close + at.tail }, a.inner) : undefined;
  if (e.kind === 'QuantifiedExpr') {
    // Before `where`: where the author broke it, or where breaking only inside it leaves a line too wide.
    const words = (e.by ?? e.list).range.end;
    const where = whereKeyword(src, words, e.where.range.start);
    if (src.slice(words, where).includes('\n') || (tooWide && !inside?.every((l) => widest(l.indent, l.text) <= maxWidth))) {
      return [
        { indent: at.indent, text: at.head + quantifierWords(e), start: at.start, end: words },
        ...lay(src, { head: 'where ', tail: at.tail, indent: column, start: where, end: at.end }, e.where),
      ];
    }
  }
  return inside ?? [{ indent: at.indent, text, start: at.start, end: at.end }];
}

/** The offset of the `where` between a quantifier's words (ending at `from`) and its condition (at `to`), past any comment. */
function whereKeyword(src: string, from: number, to: number): number {
  const at = src.slice(from, to).replace(/#[^\n]*/g, (c) => ' '.repeat(c.length)).indexOf('where');
  return at < 0 ? to : from + at;
}

/** An and/or, a quantifier's `where`, or one inside parentheses or `not`: something to break a line at. */
function holdsChain(e: A.Expr): boolean {
  const a = around(e);
  return e.kind === 'BoolExpr' || e.kind === 'QuantifiedExpr' || (a !== undefined && holdsChain(a.inner));
}

/** The column a text ends at, printed at `indent`: its widest line (a list or a quoted text may hold line breaks). */
function widest(indent: number, text: string): number {
  const [first = '', ...rest] = text.split(/\r?\n/);
  return Math.max(indent + first.length, ...rest.map((l) => l.length));
}
