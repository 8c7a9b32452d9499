// The step the SQL path runs first: what only code computes exactly (the request text's numbers,
// the body region its words name, the classes a diagnosis or procedure falls in by its words, and
// so the recommendation that applies), worked out once per case into columns the query reads.
import type { CompiledGuideline, RuleSet } from '@guideline/language';
import { bodyRegion, CaseScope, CaseView } from '../builtins.ts';
import { readRequestText } from '../request-text.ts';
import type { Case } from '../types.ts';

/** A column of the step: its name, its SQL type, and what it holds. */
export interface PrepColumn {
  name: string;
  type: 'DOUBLE' | 'VARCHAR' | 'VARCHAR[]' | 'INTEGER';
  meaning: string;
}

/** The guidelines whose classes the query reads, by their index in the rule set. */
export function classGuidelines(rules: RuleSet): number[] {
  return rules.guidelines.flatMap((g, i) => (g.classes.length || g.recommendations.length ? [i] : []));
}

/** The step's columns for a rule set. */
export function prepColumns(rules: RuleSet): PrepColumn[] {
  const out: PrepColumn[] = [
    { name: 'prep_text_frequency', type: 'DOUBLE', meaning: 'visits a week read from request.text (readRequestText)' },
    { name: 'prep_text_weeks', type: 'DOUBLE', meaning: 'weeks read from request.text' },
    { name: 'prep_text_visits', type: 'DOUBLE', meaning: 'visits read from request.text' },
    { name: 'prep_body_region', type: 'VARCHAR', meaning: 'the body region request.bodyPart names (bodyRegion)' },
  ];
  for (const i of classGuidelines(rules)) {
    const id = rules.guidelines[i]!.id;
    out.push(
      { name: `prep_g${i}_dx`, type: 'VARCHAR[]', meaning: `the classes of ${id} the case's diagnoses fall in (NULL: diagnoses unknown)` },
      { name: `prep_g${i}_px`, type: 'VARCHAR[]', meaning: `the classes of ${id} the surgery's procedure falls in` },
      { name: `prep_g${i}_rec`, type: 'INTEGER', meaning: `the index of ${id}'s recommendation that applies (NULL: none)` },
    );
  }
  return out;
}

const plans = new WeakMap<RuleSet, { columns: PrepColumn[]; guidelines: [number, CompiledGuideline][] }>();

function planOf(rules: RuleSet): { columns: PrepColumn[]; guidelines: [number, CompiledGuideline][] } {
  let p = plans.get(rules);
  if (!p) plans.set(rules, (p = { columns: prepColumns(rules), guidelines: classGuidelines(rules).map((i) => [i, rules.guidelines[i]!]) }));
  return p;
}

/** The step's values for one (valid) case, in the order of `prepColumns`. */
export function prepValues(rules: RuleSet, c: Case): unknown[] {
  const t = c.request?.text;
  const text = typeof t === 'string' && t ? readRequestText(t) : {};
  const out: unknown[] = [text.frequencyPerWeek ?? null, text.weeks ?? null, text.visits ?? null, bodyRegion(c.request?.bodyPart) ?? null];
  // Each diagnosis is matched once against each distinct class, whichever guideline holds it.
  const scope = new CaseScope();
  for (const [, g] of planOf(rules).guidelines) {
    const view = new CaseView(c, g, scope);
    const r = view.recommendation();
    out.push(view.diagnosis().classes ?? null, view.surgery().classes ?? null, r ? g.recommendations.indexOf(r) : null);
  }
  return out;
}

/** The step's values for one (valid) case, by column name. */
export function prepRow(rules: RuleSet, c: Case): Record<string, unknown> {
  const values = prepValues(rules, c);
  return Object.fromEntries(planOf(rules).columns.map((col, i) => [col.name, values[i]]));
}
