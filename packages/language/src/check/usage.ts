// Usage checks over a guideline's expressions: recommended values read with no recommend block to
// supply them (C310), and classes that neither a recommendation nor a condition refers to (C313).
// The expression checker gathers what they read while it types the expressions.
import type * as A from '../ast.ts';
import type { Report } from '../diagnostics.ts';
import type { ExprChecker } from './types.ts';

/** `checked`: the checker that has typed every expression of the guideline. */
export function checkUsage(g: A.GuidelineDecl, checked: ExprChecker, report: Report): void {
  const firstRecommended = checked.firstRecommended.clause ?? checked.firstRecommended.placeholder;
  const hasEntries = g.recommendations.some((r) => r.entries.length > 0);
  if (firstRecommended && !hasEntries) report('C310', firstRecommended, { guideline: g.id.text });
  const used = new Set<string>(checked.classesNamed);
  for (const r of g.recommendations) for (const e of r.entries) used.add(e.name.text);
  for (const c of g.classes) if (c.name.text && !used.has(c.name.text)) report('C313', c.name, { name: c.name.text });
}
