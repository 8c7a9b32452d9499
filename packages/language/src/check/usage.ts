// Usage checks over a guideline's expressions: recommended values read with no recommend block to
// supply them (C310), and classes that neither a recommendation nor a condition refers to (C313).
import type * as A from '../ast.ts';
import type { Report } from '../diagnostics.ts';
import { lookupFact } from '../facts.ts';
import { walk } from '../walk.ts';

/** `exprs`: every expression of the guideline (conditions, certify amounts, rationale placeholders). */
export function checkUsage(g: A.GuidelineDecl, exprs: readonly A.Expr[], report: Report): void {
  let firstRecommended: A.FactRef | undefined;
  const used = new Set<string>();
  for (const r of g.recommendations) for (const e of r.entries) used.add(e.name.text);
  for (const e of exprs) {
    walk(e, (n) => {
      if (n.kind === 'FactRef' && !firstRecommended && lookupFact(n.name)?.id.startsWith('recommended.')) firstRecommended = n;
      if (n.kind === 'IsValuesExpr' && n.subject.kind === 'FactRef' && lookupFact(n.subject.name)?.type.kind === 'class') {
        for (const v of n.values) used.add(v.text);
      }
    });
  }
  const hasEntries = g.recommendations.some((r) => r.entries.length > 0);
  if (firstRecommended && !hasEntries) report('C310', firstRecommended, { guideline: g.id.text });
  for (const c of g.classes) if (c.name.text && !used.has(c.name.text)) report('C313', c.name, { name: c.name.text });
}
