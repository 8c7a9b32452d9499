// The `{...}` placeholders of a criterion's texts: each one an expression, parsed where it stands in
// the source text, so its diagnostics point into the string.
import type * as A from '../ast.ts';
import type { Report } from '../diagnostics.ts';
import { parseExpressionAt, type ExpressionMemo } from '../parse.ts';
import type { DeclaredUnits } from '../units.ts';

export interface Placeholder {
  /** Range of the whole `{...}` inside the source text. */
  range: A.NodeBase['range'];
  expr: A.Expr;
}

/**
 * The placeholders of a text, parsed. `text` is the whole source text; `memo` holds expressions
 * parsed before (texts repeat the same few).
 */
export function placeholders(text: string, str: A.Name, report: Report, memo: ExpressionMemo, units?: DeclaredUnits): Placeholder[] {
  const out: Placeholder[] = [];
  const quoted = text.slice(str.range.start, str.range.end);
  // Without the closing quote, so an unclosed placeholder ends where the string does.
  const raw = quoted.length > 1 && quoted.endsWith('"') ? quoted.slice(0, -1) : quoted;
  const re = /\{([^{}]*)\}?/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = str.range.start + m.index;
    const whole = { start, end: start + m[0].length };
    if (!m[0].endsWith('}')) {
      report('C312', whole, { message: "is not closed: a '}' is missing" });
      continue;
    }
    // A C312 covers the whole placeholder, braces included (an empty `{}` has nothing else to point at).
    const expr = parseExpressionAt(text, start + 1, whole.end - 1, (code, at, args) => report(code, code === 'C312' ? whole : at, args), memo, units);
    if (expr) out.push({ range: { start, end: start + m[0].length }, expr });
  }
  return out;
}
