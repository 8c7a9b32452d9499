// The step the SQL path runs first: what only code computes exactly (the request text's numbers,
// the body region its words name, the classes a diagnosis or procedure falls in by its words, the
// tables' rows those classes choose, and what reads a list's items: computed.ts), worked out once
// per case into columns the query reads.
import type { CompiledGuideline, CompiledPolicy, RuleSet } from '@guideline/language/rules';
import { bodyRegion, CaseScope, CaseView } from '../builtins.ts';
import { compiledOf } from '../criteria.ts';
import { guidelinesInOrder } from '../policy.ts';
import { readRequestText } from '../request-text.ts';
import { Run } from '../plan.ts';
import type { Case } from '../types.ts';
import { computedColumns, computedItems, computedValues, type ComputedItem } from './computed.ts';

/** A column of the step: its name, its SQL type, and what it holds. */
export interface PrepColumn {
  name: string;
  type: 'DOUBLE' | 'VARCHAR' | 'VARCHAR[]' | 'BOOLEAN';
  meaning: string;
}

/**
 * The guidelines whose classes the query reads, by their index in the rule set: those with classes,
 * and every one when a policy's criteria read the classes of whichever guideline governs.
 */
export function classGuidelines(rules: RuleSet): number[] {
  const byPolicy = rules.facts.some((f) => (f.builtin === 'diagnosis-classes' || f.builtin === 'surgery-classes') && rules.policies.some((p) => JSON.stringify(p.criteria).includes(`"fact":${JSON.stringify(f.id)}`)));
  return rules.guidelines.flatMap((g, i) => (g.classes.length || byPolicy ? [i] : []));
}

/** A guideline's or policy's computed items, with the prefix of their columns. */
export function computedOf(rules: RuleSet, owner: CompiledGuideline | CompiledPolicy): ComputedItem[] {
  const g = rules.guidelines.indexOf(owner as CompiledGuideline);
  return computedItems(rules, owner, g >= 0 ? `prep_g${g}` : `prep_p${rules.policies.indexOf(owner as CompiledPolicy)}`);
}

interface PrepPlan {
  columns: PrepColumn[];
  classes: [number, CompiledGuideline][];
  /** Each guideline or policy with computed items, and how many columns they take. */
  owners: { owner: CompiledGuideline | CompiledPolicy; items: ComputedItem[]; width: number }[];
}

const plans = new WeakMap<RuleSet, PrepPlan>();

function planOf(rules: RuleSet): PrepPlan {
  let p = plans.get(rules);
  if (p) return p;
  const columns: PrepColumn[] = [
    { name: 'prep_text_frequency', type: 'DOUBLE', meaning: 'visits a week read from request.text (readRequestText)' },
    { name: 'prep_text_weeks', type: 'DOUBLE', meaning: 'weeks read from request.text' },
    { name: 'prep_text_visits', type: 'DOUBLE', meaning: 'visits read from request.text' },
    { name: 'prep_body_region', type: 'VARCHAR', meaning: 'the body region request.bodyPart names (bodyRegion)' },
  ];
  const classes = classGuidelines(rules).map((i) => [i, rules.guidelines[i]!] as [number, CompiledGuideline]);
  for (const [i, g] of classes) {
    columns.push(
      { name: `prep_g${i}_dx`, type: 'VARCHAR[]', meaning: `the classes of ${g.id} the case's diagnoses fall in (NULL: diagnoses unknown)` },
      { name: `prep_g${i}_px`, type: 'VARCHAR[]', meaning: `the classes of ${g.id} the surgery's procedure falls in` },
    );
  }
  const owners = [...rules.guidelines, ...rules.policies].map((owner) => {
    const items = computedOf(rules, owner);
    return { owner, items, width: items.reduce((n, item) => n + computedColumns(item).length, 0) };
  }).filter((x) => x.items.length);
  for (const { owner, items } of owners) {
    for (const item of items) {
      const what = item.leaf ? `whether ${'by' in item.leaf ? `the ${item.leaf.quantifier}` : item.leaf.quantifier} item of ${item.leaf.over} meets its condition` : 'lookup' in item.value! ? `column '${item.value.column}' of table '${item.value.lookup}'` : 'count' in item.value! ? `the count of ${item.value.count}` : `a sum over ${(item.value as { over: string }).over}`;
      for (const c of computedColumns(item)) columns.push({ name: item.name + c.suffix, type: c.type, meaning: `${owner.id}: ${what}${c.suffix === '_gaps' ? ' (the case fields it leaves missing)' : c.suffix === '_lo' || c.suffix === '_hi' ? ` (its ${c.suffix === '_lo' ? 'least' : 'most'}, when unknown)` : ''}` });
    }
  }
  plans.set(rules, (p = { columns, classes, owners }));
  return p;
}

/** The step's columns for a rule set. */
export function prepColumns(rules: RuleSet): PrepColumn[] {
  return planOf(rules).columns;
}

/** The step's values for one (valid) case, in the order of `prepColumns`. */
export function prepValues(rules: RuleSet, c: Case): unknown[] {
  const plan = planOf(rules);
  const t = c.request?.text;
  const text = typeof t === 'string' && t ? readRequestText(t) : {};
  const out: unknown[] = [text.frequencyPerWeek ?? null, text.weeks ?? null, text.visits ?? null, bodyRegion(c.request?.bodyPart) ?? null];
  // Only the guidelines the case's treatment and dates leave (policy.ts) can govern it: the query
  // finds every other one not applying whatever its columns hold, so they are left empty.
  const candidates = new Set(guidelinesInOrder(rules, c.jurisdiction)?.candidates(c).guidelines ?? []);
  // Each diagnosis is matched once against each distinct class, whichever guideline holds it.
  const scope = new CaseScope();
  for (const [, g] of plan.classes) {
    if (!candidates.has(g)) {
      out.push(null, null);
      continue;
    }
    const view = new CaseView(c, g, scope);
    out.push(view.diagnosis().classes ?? null, view.surgery().classes ?? null);
  }
  for (const { owner, items, width } of plan.owners) {
    if ('applies' in owner && !candidates.has(owner)) {
      for (let k = 0; k < width; k++) out.push(null);
      continue;
    }
    // A policy's values are worked out without a guideline: those that need one are not compiled (computed.ts).
    const compiled = compiledOf(rules, owner);
    const run = new Run(compiled.plan, c, new CaseView(c, 'applies' in owner ? owner : undefined, scope), false);
    for (const item of items) out.push(...computedValues(item, compiled.plan, run));
  }
  return out;
}

/** The step's values for one (valid) case, by column name. */
export function prepRow(rules: RuleSet, c: Case): Record<string, unknown> {
  const values = prepValues(rules, c);
  return Object.fromEntries(planOf(rules).columns.map((col, i) => [col.name, values[i]]));
}
