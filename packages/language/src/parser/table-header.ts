// A syntax error in a table's header, in words: what a header is (`| key ... || column ... |`) and
// what this one lacks where it went wrong, for the P201 the parser's own message leaves vague
// ("Unexpected '|' in a table's header", on the row after a header with no `||`).
import type { IToken } from 'chevrotain';
import type { Range } from '../diagnostics.ts';
import { DoublePipe, Pipe, TableKw } from '../tokens.ts';

/** What a table's header is, for the messages. */
export const headerShape = "a header is '| key ... || column ... |', the words of each key and column between bars";

/**
 * The problem with the header of the table whose error token is `t` (of the segment's `tokens`, in `text`): a
 * header with no `||` on its line, reported over the line; else what was expected at `t`, before
 * or after the `||`. Undefined when `t` is not after a table's header began.
 */
export function headerProblem(text: string, tokens: readonly IToken[], t: IToken): { range: Range; message: string } | undefined {
  const at = tokens.indexOf(t);
  if (at < 0) return undefined;
  let table = at;
  while (table >= 0 && tokens[table]!.tokenType !== TableKw) table--;
  if (table < 0) return undefined;
  // The header is the first line that starts with a bar after the table's name and clauses (no clause holds one).
  let first = table + 1;
  while (first < at && tokens[first]!.tokenType !== Pipe) first++;
  const open = tokens[first];
  if (!open || open.tokenType !== Pipe) return undefined;
  const line: IToken[] = [];
  const eol = text.indexOf('\n', open.startOffset);
  for (let i = first; i < tokens.length && (eol < 0 || tokens[i]!.startOffset < eol); i++) line.push(tokens[i]!);
  const last = line[line.length - 1]!;
  const split = line.findIndex((x) => x.tokenType === DoublePipe);
  if (split < 0) {
    return {
      range: { start: open.startOffset, end: last.endOffset! + 1 },
      message: `This table's header has no '||' after its keys: ${headerShape}`,
    };
  }
  const found = `'${t.image.length > 30 ? `${t.image.slice(0, 30)}…` : t.image}'`;
  const k = line.indexOf(t);
  if (k < 0) return { range: { start: t.startOffset, end: t.endOffset! + 1 }, message: `Unexpected ${found} after a table's header, which ends with '|' on its line: ${headerShape}` };
  const before = line[k - 1]?.tokenType;
  const wanted = k <= split ? "a key's words" : "a column's words";
  const what = before === Pipe || before === DoublePipe ? wanted : `'|' or ${wanted}`;
  return { range: { start: t.startOffset, end: t.endOffset! + 1 }, message: `Expected ${what} but found ${found} in a table's header: ${headerShape}` };
}
