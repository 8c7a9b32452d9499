// What the records would need to settle a leaf left unknown: the case fields behind its unknown
// facts, each in the words of the fact that reads it. A table read by an unknown key names the fields
// behind that key; one that no row of which matches names the fields it is keyed by (the diagnoses,
// for a recommendation); a sum over a list names the fields its items leave out.
import type { Cond, Value } from '@guideline/language/rules';
import { factWords, tieWords } from './explain.ts';
import { pickItem, readPath, tiedCount, type LeafCond, type Plan, type Run, type Test } from './plan.ts';
import { openKeys } from './tables.ts';
import { Unknown } from './values.ts';

/** The case fields found, and (when asked for) each in the words of the fact that reads it. */
export interface Gaps {
  fields: Set<string>;
  words?: Map<string, string>;
  /**
   * When asked for: what leaves a leaf unknown that no field would settle, in words (items that tie
   * on the latest date and answer differently).
   */
  ties?: string[];
}

/** The fact ids a value reads (a table's: those its keys read), in order. */
export function factsIn(v: Value, plan: Plan, out: string[] = [], depth = 0): string[] {
  if ('fact' in v) out.push(v.fact);
  else if ('op' in v) for (const a of v.args) factsIn(a, plan, out, depth);
  else if ('round' in v) factsIn(v.arg, plan, out, depth);
  else if ('since' in v) {
    factsIn(v.since, plan, out, depth);
    if (v.to) factsIn(v.to, plan, out, depth);
  } else if ('count' in v) out.push(v.count);
  else if ('sum' in v) out.push(v.over);
  else if ('lookup' in v && depth < 8) for (const k of plan.table(v.lookup)?.keys ?? []) factsIn(k.value, plan, out, depth + 1);
  return out;
}

function add(gaps: Gaps, field: string, words: () => string): void {
  gaps.fields.add(field);
  if (gaps.words && !gaps.words.has(field)) gaps.words.set(field, words());
}

/** The case fields a fact's unknown value stands for (its inputs; the recommend block's frequency none). */
function inputsOf(id: string, plan: Plan, gaps: Gaps): void {
  if (id.startsWith('recommended.')) return;
  const def = plan.def(id);
  for (const input of def?.inputs.length ? def.inputs : [id]) {
    add(gaps, input, () => (def ? factWords(def.field === input ? def : { ...def, field: input }, input) : input));
  }
}

/** The item facts whose unknown value leaves a value unknown for the run's item: a table's, only its open keys. */
function openItemFacts(v: Value, plan: Plan, run: Run, out: Set<string>, depth = 0): void {
  if ('fact' in v) {
    if (v.fact.includes('[].') && plan.fact(v.fact)(run) instanceof Unknown) out.add(v.fact);
  } else if ('op' in v) for (const a of v.args) openItemFacts(a, plan, run, out, depth);
  else if ('round' in v) openItemFacts(v.arg, plan, run, out, depth);
  else if ('since' in v) for (const d of v.to ? [v.since, v.to] : [v.since]) openItemFacts(d, plan, run, out, depth);
  else if ('lookup' in v && depth < 8 && plan.value(v)(run) instanceof Unknown) {
    const t = plan.table(v.lookup);
    if (!t) return;
    const keys = t.keys.map((k) => plan.value(k.value)(run));
    for (const i of openKeys(t, keys)) openItemFacts(t.keys[i]!.value, plan, run, out, depth + 1);
  }
}

/**
 * The case fields of the items whose summand is unknown, by their place in the list
 * (`medications[1].dailyDose`): only fields the item leaves out that would settle it, for what the
 * case could give (not a table key no row the other keys allow tests).
 */
function itemGaps(plan: Plan, run: Run, list: string, each: Value, gaps: Gaps): void {
  const items = plan.fact(list)(run);
  if (!Array.isArray(items)) return;
  const summand = plan.value(each);
  const at = plan.def(list)?.field ?? list;
  let i = 0;
  run.forItems(items, (item) => {
    const open = new Set<string>();
    if (summand(run) instanceof Unknown) openItemFacts(each, plan, run, open);
    itemFields(plan, list, at, i++, item, open, gaps);
  });
}

/** Adds the fields of item `i` of a list (at case field `at`) behind its open item facts, those it leaves out. */
function itemFields(plan: Plan, list: string, at: string, i: number, item: unknown, open: ReadonlySet<string>, gaps: Gaps): void {
  for (const id of open) {
    for (const input of plan.def(id)?.inputs ?? []) {
      if (readPath(item, input.split('.')) != null) continue;
      const field = `${at}[${i}].${input}`;
      const words = plan.def(`${list}[].${input}`)?.words;
      add(gaps, field, () => (words ? `${words} (${field})` : field));
    }
  }
}

type PickLeaf = Extract<LeafCond, { by: unknown }>;

/**
 * The latest (earliest) item of a list left unknown: the fields that would settle it are, for each
 * item that may be the one, its date when unknown, and what its `where` reads when that is unknown.
 */
function pickFinder(leaf: PickLeaf, plan: Plan): GapFinder {
  const list = plan.fact(leaf.over);
  const by = plan.value(leaf.by);
  const where = plan.condition(leaf.where);
  const reads = condValues(leaf.where, []);
  const latest = leaf.quantifier === 'latest';
  return (run, gaps) => {
    const items = list(run);
    if (!Array.isArray(items)) return;
    const pick = pickItem(run, items, by, latest);
    const { candidates } = pick;
    const answers = run.forItems(candidates.map((i) => items[i]), () => where(run));
    if (answers.every((r) => r === true) || answers.every((r) => r === false)) return;
    const tied = gaps.ties ? tiedCount(pick, answers) : 0;
    if (tied) gaps.ties!.push(tieWords(leaf, plan, tied, pick.date!));
    const at = plan.def(leaf.over)?.field ?? leaf.over;
    candidates.forEach((i, k) => {
      run.forItems([items[i]], (item) => {
        const open = new Set<string>();
        if (by(run) instanceof Unknown) openItemFacts(leaf.by, plan, run, open);
        if (answers[k] === null) for (const v of reads) openItemFacts(v, plan, run, open);
        itemFields(plan, leaf.over, at, i, item, open, gaps);
      });
    });
  };
}

/** The values the leaves of a condition read (not those inside a list's own `where`). */
function condValues(c: Cond, out: Value[]): Value[] {
  if ('all' in c) for (const x of c.all) condValues(x, out);
  else if ('any' in c) for (const x of c.any) condValues(x, out);
  else if ('not' in c) condValues(c.not, out);
  else out.push(...leafValues(c));
  return out;
}

/** Adds the case fields behind a value's unknown parts. */
function unknownInputs(v: Value, plan: Plan, run: Run, gaps: Gaps, depth = 0): void {
  if ('fact' in v) {
    if (plan.fact(v.fact)(run) instanceof Unknown) inputsOf(v.fact, plan, gaps);
  } else if ('op' in v) for (const a of v.args) unknownInputs(a, plan, run, gaps, depth);
  else if ('round' in v) unknownInputs(v.arg, plan, run, gaps, depth);
  else if ('since' in v) {
    unknownInputs(v.since, plan, run, gaps, depth);
    if (v.to) unknownInputs(v.to, plan, run, gaps, depth);
  } else if ('count' in v || 'sum' in v) {
    const list = 'count' in v ? v.count : v.over;
    if (plan.fact(list)(run) instanceof Unknown) inputsOf(list, plan, gaps);
    else {
      if ('sum' in v) itemGaps(plan, run, v.over, v.sum, gaps);
      if (v.where) whereGaps(plan, run, list, v.where, gaps);
    }
  } else if ('lookup' in v && depth < 8 && plan.value(v)(run) instanceof Unknown) {
    const keys = plan.table(v.lookup)?.keys ?? [];
    const found: Gaps = { fields: new Set(), ...(gaps.words ? { words: new Map() } : {}) };
    for (const k of keys) unknownInputs(k.value, plan, run, found, depth + 1);
    // Known keys that no row matches: the table is keyed by them.
    if (!found.fields.size) for (const k of keys) for (const id of factsIn(k.value, plan)) inputsOf(id, plan, found);
    for (const f of found.fields) add(gaps, f, () => found.words?.get(f) ?? f);
  }
}

/** The case fields behind an unknown leaf. */
export function leafInputs(leaf: LeafCond, plan: Plan, run: Run, gaps: Gaps): void {
  finderOf(leaf, plan)(run, gaps);
}

/**
 * unknownInputs of a leaf's values, made once per leaf of a plan into a function: cases left with
 * unknown facts go through the same leaves again and again, so which kind of value each is and what
 * a fact's inputs are is worked out once, not per case. Counts, sums and tables, whose fields depend
 * on the case's items and rows, are found as unknownInputs finds them.
 */
type GapFinder = (run: Run, gaps: Gaps) => void;

interface KeptFinder {
  leaf: LeafCond;
  find: GapFinder;
}

/** By plan, each leaf's finder at its number (a leaf made up outside the plan gets one of its own). */
const finders = new WeakMap<Plan, KeptFinder[]>();

function finderOf(leaf: LeafCond, plan: Plan): GapFinder {
  let kept = finders.get(plan);
  if (!kept) finders.set(plan, (kept = []));
  const n = leaf.leaf;
  const k = n >= 0 && n < 1e6 ? kept[n] : undefined;
  if (k && k.leaf === leaf) return k.find;
  const find = leafFinder(leaf, plan);
  if (n >= 0 && n < 1e6 && !k) kept[n] = { leaf, find };
  return find;
}

const nothing: GapFinder = () => {};

function leafFinder(leaf: LeafCond, plan: Plan): GapFinder {
  const parts = leafValues(leaf).map((v) => valueFinder(v, plan));
  if ('quantifier' in leaf) parts.push(factFinder(leaf.over, plan));
  if ('by' in leaf) parts.push(pickFinder(leaf, plan));
  else if ('quantifier' in leaf) {
    const { over, where } = leaf;
    parts.push((run, gaps) => whereGaps(plan, run, over, where, gaps));
  }
  return both(parts);
}

/**
 * Whether some, every or no item of a list meets a condition, or how many do, left unknown: the
 * fields of each item whose condition is unknown that it leaves out (`priorLumbarImaging[1].modality`),
 * and the case's own facts the condition reads that are unknown.
 */
function whereGaps(plan: Plan, run: Run, list: string, where: Cond, gaps: Gaps): void {
  const items = plan.fact(list)(run);
  if (!Array.isArray(items)) return;
  const { test, reads, caseReads } = whereReaderOf(plan, where);
  const at = plan.def(list)?.field ?? list;
  let i = 0;
  let open = false;
  run.forItems(items, (item) => {
    const k = i++;
    if (test(run) !== null) return;
    open = true;
    const facts = new Set<string>();
    for (const v of reads) openItemFacts(v, plan, run, facts);
    itemFields(plan, list, at, k, item, facts, gaps);
  });
  if (open) for (const v of caseReads) unknownInputs(v, plan, run, gaps);
}

/** A `where` as whereGaps reads it: its test, the values it reads, and those that read no item's field. */
interface WhereReader {
  test: Test;
  reads: Value[];
  caseReads: Value[];
}

/** Made once per plan and condition, not for every case that leaves it unknown. */
const whereReaders = new WeakMap<Plan, WeakMap<Cond, WhereReader>>();
function whereReaderOf(plan: Plan, where: Cond): WhereReader {
  let byCond = whereReaders.get(plan);
  if (!byCond) whereReaders.set(plan, (byCond = new WeakMap()));
  let r = byCond.get(where);
  if (!r) {
    const reads = condValues(where, []);
    r = { test: plan.condition(where), reads, caseReads: reads.filter((v) => !factsIn(v, plan).some((f) => f.includes('[].'))) };
    byCond.set(where, r);
  }
  return r;
}

/** The values a leaf tests (none for a condition on the items of a list). */
function leafValues(leaf: LeafCond): Value[] {
  return 'cmp' in leaf ? [leaf.left, leaf.right]
    : 'is' in leaf ? [leaf.is]
    : 'known' in leaf ? [leaf.known]
    : 'recorded' in leaf ? [leaf.recorded]
    : 'includes' in leaf ? [leaf.includes]
    : 'empty' in leaf ? [leaf.empty]
    : 'within' in leaf ? [leaf.within, leaf.window]
    : 'code' in leaf ? [leaf.code]
    : [];
}

/** One finder running each of several in turn. */
function both(parts: readonly GapFinder[]): GapFinder {
  const live = parts.filter((p) => p !== nothing);
  if (live.length === 0) return nothing;
  if (live.length === 1) return live[0]!;
  if (live.length === 2) {
    const [a, b] = live as [GapFinder, GapFinder];
    return (run, gaps) => {
      a(run, gaps);
      b(run, gaps);
    };
  }
  return (run, gaps) => {
    for (let i = 0; i < live.length; i++) live[i]!(run, gaps);
  };
}

/** unknownInputs of one value, as a function. */
function valueFinder(v: Value, plan: Plan): GapFinder {
  if ('fact' in v) return factFinder(v.fact, plan);
  if ('const' in v) return nothing;
  if ('op' in v) return both(v.args.map((a) => valueFinder(a, plan)));
  if ('round' in v) return valueFinder(v.arg, plan);
  if ('since' in v) return both(v.to ? [valueFinder(v.since, plan), valueFinder(v.to, plan)] : [valueFinder(v.since, plan)]);
  return (run, gaps) => unknownInputs(v, plan, run, gaps);
}

/** inputsOf a fact, when its value is unknown: its inputs and their words worked out once. */
function factFinder(id: string, plan: Plan): GapFinder {
  if (id.startsWith('recommended.')) return nothing;
  const value = plan.fact(id);
  const def = plan.def(id);
  const inputs = (def?.inputs.length ? def.inputs : [id]).map((input) => {
    let words: string | undefined;
    return { input, words: (): string => (words ??= def ? factWords(def.field === input ? def : { ...def, field: input }, input) : input) };
  });
  return (run, gaps) => {
    if (!(value(run) instanceof Unknown)) return;
    for (let i = 0; i < inputs.length; i++) add(gaps, inputs[i]!.input, inputs[i]!.words);
  };
}
