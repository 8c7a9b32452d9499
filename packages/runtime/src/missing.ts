// What the records would need to settle a leaf left unknown: the case fields behind its unknown
// facts. A table read by an unknown key names the fields behind that key; one that no row of which
// matches names the fields it is keyed by (the diagnoses, for a recommendation).
import type { Value } from '@guideline/language';
import type { LeafCond, Plan, Run } from './plan.ts';
import { Unknown } from './values.ts';

/** The fact ids a value reads (a table's: those its keys read), in order. */
export function factsIn(v: Value, plan: Plan, out: string[] = [], depth = 0): string[] {
  if ('fact' in v) out.push(v.fact);
  else if ('op' in v) for (const a of v.args) factsIn(a, plan, out, depth);
  else if ('round' in v) factsIn(v.arg, plan, out, depth);
  else if ('since' in v) factsIn(v.since, plan, out, depth);
  else if ('count' in v) out.push(v.count);
  else if ('sum' in v) out.push(v.over);
  else if ('lookup' in v && depth < 8) for (const k of plan.table(v.lookup)?.keys ?? []) factsIn(k.value, plan, out, depth + 1);
  return out;
}

/** The case fields a fact's unknown value stands for (its inputs; the recommend block's frequency none). */
function inputsOf(id: string, plan: Plan, out: Set<string>): void {
  if (id.startsWith('recommended.')) return;
  const def = plan.def(id);
  for (const input of def?.inputs.length ? def.inputs : [id]) out.add(input);
}

/** Adds the case fields behind a value's unknown parts to `out`. */
function unknownInputs(v: Value, plan: Plan, run: Run, out: Set<string>, depth = 0): void {
  if ('fact' in v) {
    if (plan.fact(v.fact)(run) instanceof Unknown) inputsOf(v.fact, plan, out);
  } else if ('op' in v) for (const a of v.args) unknownInputs(a, plan, run, out, depth);
  else if ('round' in v) unknownInputs(v.arg, plan, run, out, depth);
  else if ('since' in v) unknownInputs(v.since, plan, run, out, depth);
  else if ('count' in v || 'sum' in v) {
    const list = 'count' in v ? v.count : v.over;
    if (plan.fact(list)(run) instanceof Unknown) inputsOf(list, plan, out);
  } else if ('lookup' in v && depth < 8 && plan.value(v)(run) instanceof Unknown) {
    const keys = plan.table(v.lookup)?.keys ?? [];
    const found = new Set<string>();
    for (const k of keys) unknownInputs(k.value, plan, run, found, depth + 1);
    // Known keys that no row matches: the table is keyed by them.
    if (!found.size) for (const k of keys) for (const id of factsIn(k.value, plan)) inputsOf(id, plan, found);
    for (const f of found) out.add(f);
  }
}

/** The case fields behind an unknown leaf. */
export function leafInputs(leaf: LeafCond, plan: Plan, run: Run, out: Set<string>): void {
  const values: Value[] =
    'cmp' in leaf ? [leaf.left, leaf.right]
    : 'is' in leaf ? [leaf.is]
    : 'known' in leaf ? [leaf.known]
    : 'includes' in leaf ? [leaf.includes]
    : 'empty' in leaf ? [leaf.empty]
    : 'within' in leaf ? [leaf.within, leaf.window]
    : 'code' in leaf ? [leaf.code]
    : [];
  for (const v of values) unknownInputs(v, plan, run, out);
  if ('quantifier' in leaf && plan.fact(leaf.over)(run) instanceof Unknown) inputsOf(leaf.over, plan, out);
}
