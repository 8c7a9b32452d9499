// The checker: declaration checks and expression checks over a parsed file. Reports; never throws.
import type * as A from '../ast.ts';
import { collector, maxDiagnosticsPerFile, type Diagnostic, type Report } from '../diagnostics.ts';
import { parseExpressionAt, type ExpressionMemo } from '../parse.ts';
import { checkFileNames, checkGuidelineNames } from './names.ts';
import { ExprChecker } from './types.ts';
import { checkUsage } from './usage.ts';

export interface Placeholder {
  /** Range of the whole `{...}` inside the source text. */
  range: A.NodeBase['range'];
  expr: A.Expr;
}

/**
 * The `{...}` placeholders of a rationale string, parsed. `text` is the whole source text; `memo`
 * holds expressions parsed before (rationales repeat the same few).
 */
export function placeholders(text: string, str: A.Name, report: Report, memo: ExpressionMemo): Placeholder[] {
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
    const expr = parseExpressionAt(text, start + 1, whole.end - 1, (code, at, args) => report(code, code === 'C312' ? whole : at, args), memo);
    if (expr) out.push({ range: { start, end: start + m[0].length }, expr });
  }
  return out;
}

/**
 * Checks a parsed file: names, clauses, facts, values and units. `text` is the source the AST came
 * from. Each criterion's rationale placeholders, parsed, go into `found` when given (the compiler
 * reads them there rather than parse them again).
 */
export function check(file: A.GuidelineFile, text: string, fileName: string | undefined, memo: ExpressionMemo, found?: Map<A.CriterionDecl, Placeholder[]>): Diagnostic[] {
  const { diagnostics, report } = collector(fileName, maxDiagnosticsPerFile);
  checkFileNames(file, report);
  for (const g of file.guidelines) {
    checkGuidelineNames(g, report);
    const exprs = new ExprChecker(g, report);
    if (g.applies) exprs.condition(g.applies);
    if (g.unless) exprs.condition(g.unless);
    for (const c of g.criteria) {
      if (c.onlyWhen) exprs.condition(c.onlyWhen);
      if (c.require) exprs.condition(c.require);
      if (c.certify) {
        const t = exprs.value(c.certify);
        if (t.kind !== 'error' && !(t.kind === 'number' && (t.unit === undefined || t.unit === 'visits'))) {
          report('C304', c.certify, { left: 'certified visits', right: t.kind === 'number' ? t.unit : t.kind });
        }
      }
      if (c.otherwise) {
        const holes = placeholders(text, c.otherwise, report, memo);
        found?.set(c, holes);
        exprs.inPlaceholders = true;
        for (const p of holes) exprs.value(p.expr);
        exprs.inPlaceholders = false;
      }
    }
    checkUsage(g, exprs, report);
  }
  return diagnostics;
}
