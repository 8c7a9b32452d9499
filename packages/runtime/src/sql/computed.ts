// What of a guideline (or policy) the prep step works out with the runtime itself, for the query to
// read as columns: a table's lookups (a recommendation is chosen by the classes of the diagnoses in
// the case's order, matched by their words) and what reads the items of a list (counts, sums, and
// some/every/no of its items: each item's fields, and per-item computations such as morphine
// equivalents). Each gets its value with its bounds (or its answer), and the case fields it leaves
// missing, as missing.ts names them.
import type { CompiledGuideline, CompiledPolicy, Cond, FactDef, RuleSet, Value } from '@guideline/language/rules';
import { leafInputs, type Gaps } from '../missing.ts';
import type { LeafCond, Plan, Run } from '../plan.ts';
import { Unknown, type Val } from '../values.ts';

/** The kinds of value a computed item holds: a number, a date, a text, yes or no; a condition's answer. */
export type ComputedKind = 'num' | 'date' | 'str' | 'bool';

export interface ComputedItem {
  /** Its columns' prefix in the prep step (`prep_g3_v0`): `_v`, `_lo`, `_hi`, `_gaps`; a condition's answer is the prefix itself. */
  name: string;
  /** The value the runtime works out, or the leaf (some/every/no of a list's items) it answers. */
  value?: Value;
  leaf?: QuantifierLeaf;
  kind: ComputedKind;
  /** Why no policy may have it: it reads the governing guideline's classes or recommendation. */
  guidelineOnly?: string;
}

/** Some, every or no item of a list meeting a condition; or its latest or earliest item. */
export type QuantifierLeaf = Extract<LeafCond, { quantifier: unknown }>;

/** Whether a value is one the prep step computes. */
export const isComputed = (v: Value): boolean => 'lookup' in v || 'count' in v || 'sum' in v;

/** The key a computed value is found by, in a scope's walk and in the query's. */
export const computedKey = (v: Value | LeafCond): string => JSON.stringify(v);

const items = new WeakMap<RuleSet, WeakMap<CompiledGuideline | CompiledPolicy, Map<string, ComputedItem[]>>>();

/** The conditions and values of a guideline or policy, in the order the query compiles them. */
function partsOf(owner: CompiledGuideline | CompiledPolicy): (Cond | Value)[] {
  const out: (Cond | Value)[] = 'applies' in owner ? [owner.applies] : [];
  for (const k of owner.criteria) {
    if (k.when) out.push(k.when);
    if (k.require) out.push(k.require);
    for (const p of k.group?.parts ?? []) out.push(p.require);
    if (k.certify) out.push(k.certify);
  }
  return out;
}

/** The values a leaf reads, in the order missing.ts `leafInputs` reads them. */
export function leafValues(leaf: LeafCond): Value[] {
  if ('cmp' in leaf) return [leaf.left, leaf.right];
  if ('within' in leaf) return [leaf.within, leaf.window];
  const subject = 'is' in leaf ? leaf.is : 'known' in leaf ? leaf.known : 'recorded' in leaf ? leaf.recorded : 'includes' in leaf ? leaf.includes : 'empty' in leaf ? leaf.empty : 'code' in leaf ? leaf.code : undefined;
  return subject ? [subject] : [];
}

/** A guideline's (or policy's) computed values and conditions, each once, in the order of the walk. */
export function computedItems(rules: RuleSet, owner: CompiledGuideline | CompiledPolicy, prefix: string): ComputedItem[] {
  let byOwner = items.get(rules);
  if (!byOwner) items.set(rules, (byOwner = new WeakMap()));
  let byPrefix = byOwner.get(owner);
  if (!byPrefix) byOwner.set(owner, (byPrefix = new Map()));
  let out = byPrefix.get(prefix);
  if (out) return out;
  out = [];
  const seen = new Set<string>();
  const facts = new Map(rules.facts.map((f) => [f.id, f]));
  const table = (id: string) => ('tables' in owner ? owner.tables.find((t) => t.id === id) : undefined) ?? rules.tables.find((t) => t.id === id);
  const add = (item: Omit<ComputedItem, 'name' | 'guidelineOnly'>, key: string, reads: Value | Cond): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const only = guidelineFacts(reads, facts, table);
    out!.push({ ...item, name: `${prefix}_v${out!.length}`, ...(only ? { guidelineOnly: only } : {}) });
  };
  const value = (v: Value): void => {
    if (isComputed(v)) {
      let kind: ComputedKind = 'num';
      if ('lookup' in v) {
        const t = table(v.lookup)?.columns.find((c) => c.id === v.column)?.type;
        kind = t?.kind === 'number' ? 'num' : t?.kind === 'date' ? 'date' : t?.kind === 'yes-no' ? 'bool' : 'str';
      }
      add({ value: v, kind }, computedKey(v), v);
    } else if ('op' in v) v.args.forEach(value);
    else if ('round' in v) value(v.arg);
    else if ('since' in v) {
      value(v.since);
      if (v.to) value(v.to);
    }
  };
  const cond = (c: Cond): void => {
    if ('all' in c) c.all.forEach(cond);
    else if ('any' in c) c.any.forEach(cond);
    else if ('not' in c) cond(c.not);
    else if ('quantifier' in c) add({ leaf: c, kind: 'bool' }, computedKey(c), c);
    else leafValues(c).forEach(value);
  };
  for (const p of partsOf(owner)) ('leaf' in p || 'all' in p || 'any' in p || 'not' in p ? cond(p as Cond) : value(p as Value));
  byPrefix.set(prefix, out);
  return out;
}

/** The first fact a value or condition reads (its tables' keys too) that is the governing guideline's own, if any. */
export function guidelineFacts(x: Value | Cond, facts: ReadonlyMap<string, FactDef>, table: (id: string) => { keys: { value: Value }[] } | undefined, depth = 0): string | undefined {
  if (depth > 16) return undefined;
  const v = x as Record<string, unknown>;
  if (typeof v['fact'] === 'string') {
    const id = v['fact'];
    const b = facts.get(id)?.builtin;
    return id.startsWith('recommended.') || b === 'diagnosis-classes' || b === 'surgery-classes' || b === 'recommendation' || b === 'governing-id' ? id : undefined;
  }
  if (typeof v['lookup'] === 'string') {
    for (const k of table(v['lookup'])?.keys ?? []) {
      const f = guidelineFacts(k.value, facts, table, depth + 1);
      if (f) return f;
    }
    return undefined;
  }
  if (typeof v['count'] === 'string' || typeof v['over'] === 'string') {
    const list = (v['count'] ?? v['over']) as string;
    const f = guidelineFacts({ fact: list }, facts, table, depth);
    if (f) return f;
  }
  for (const child of Object.values(v)) {
    const items = Array.isArray(child) ? child : [child];
    for (const c of items) {
      if (!c || typeof c !== 'object') continue;
      const f = guidelineFacts(c as Value, facts, table, depth + 1);
      if (f) return f;
    }
  }
  return undefined;
}

/** A computed item's values for one case, in the order of its columns (see `computedColumns`). */
export function computedValues(item: ComputedItem, plan: Plan, run: Run): unknown[] {
  const gaps: Gaps = { fields: new Set() };
  if (item.leaf) {
    const t = plan.leafTests[item.leaf.leaf]?.(run) ?? null;
    leafInputs(item.leaf, plan, run, gaps);
    return [t, [...gaps.fields]];
  }
  const v: Val = plan.value(item.value!)(run);
  leafInputs({ leaf: -1, known: item.value!, yes: true }, plan, run, gaps);
  const plain = (x: unknown): unknown => (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean' ? x : null);
  const known = !(v instanceof Unknown);
  if (item.kind === 'num' || item.kind === 'date') {
    // An ordered value keeps its bounds (the value itself when known), as the query's columns do.
    const lo = known ? plain(v) : v.lo;
    const hi = known ? plain(v) : v.hi;
    const fit = (b: unknown): unknown => (item.kind === 'num' ? (typeof b === 'number' ? b : null) : typeof b === 'string' ? b : null);
    return [fit(known ? v : null), fit(lo), fit(hi), [...gaps.fields]];
  }
  return [known ? plain(v) : null, [...gaps.fields]];
}

/** A computed item's columns: its name's suffix and SQL type. */
export function computedColumns(item: ComputedItem): { suffix: string; type: 'DOUBLE' | 'VARCHAR' | 'BOOLEAN' | 'VARCHAR[]' }[] {
  if (item.leaf) return [{ suffix: '', type: 'BOOLEAN' }, { suffix: '_gaps', type: 'VARCHAR[]' }];
  const t = item.kind === 'num' ? 'DOUBLE' : item.kind === 'bool' ? 'BOOLEAN' : 'VARCHAR';
  if (item.kind === 'num' || item.kind === 'date') return [{ suffix: '_v', type: t }, { suffix: '_lo', type: t }, { suffix: '_hi', type: t }, { suffix: '_gaps', type: 'VARCHAR[]' }];
  return [{ suffix: '_v', type: t }, { suffix: '_gaps', type: 'VARCHAR[]' }];
}
