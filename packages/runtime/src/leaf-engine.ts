// How our runtime drives json-rules-engine. The three-valued explanation needs every leaf's values
// and result, never the engine's two-valued and/or: so an unmodified Engine is given one rule whose
// conditions are all the guideline's leaves, flat under one `any` (siblings without priority are all
// evaluated), and each evaluated leaf is put back in its rule's own tree afterwards. The engine's
// cost is mostly per rule (results, events, promises) and per condition object (it deep-copies the
// conditions on every run, at a cost growing with the square of their objects): one rule of flat,
// unnamed leaves, with calc expressions referred to by number, is a fraction of both.
import { Engine, Fact, type Almanac } from 'json-rules-engine';
import type { Calc, CompiledGuideline } from '@guideline/language';
import { emptyFacts, type Facts } from './case-facts.ts';
import { factsOf, type EvaluatedCondition } from './explain.ts';
import { compileTree } from './fast.ts';
import { conditionShape } from './load-rules.ts';
import { calcFact, installRuntime } from './operators.ts';

type Condition = Record<string, unknown>;

/** The leaves of a condition tree in depth-first order (the compiler's leaf order). */
function leavesOf(c: Condition, out: Condition[] = []): Condition[] {
  const shape = conditionShape(c);
  if (shape === 'leaf') out.push(c);
  else if (shape === 'not') leavesOf(c['not'] as Condition, out);
  else for (const x of c[shape] as Condition[]) leavesOf(x, out);
  return out;
}

export interface LeafEngine {
  engine: Engine;
  /** Per rule: its tree as compiled, each leaf filled from the engine's evaluated leaf at its place in the flat list. */
  trees: ((evaluated: EvaluatedCondition[]) => EvaluatedCondition)[];
  /** The fact ids the leaves read: the engine is given these alone, as it makes an object of every fact each run. */
  reads: string[];
}

const prepared = new WeakMap<CompiledGuideline, LeafEngine>();

/** The engine for one guideline's rules, built once. */
export function leafEngine(g: CompiledGuideline): LeafEngine {
  let p = prepared.get(g);
  if (p) return p;
  const exprs: Calc[] = [];
  const side = (ref: Condition): Condition =>
    ref['fact'] === 'calc' ? { fact: 'calc', params: { i: exprs.push((ref['params'] as { expr: Calc }).expr) - 1 } } : { fact: ref['fact'] };
  const leaf = (c: Condition): Condition => {
    const value = c['value'];
    const valueIsFact = typeof value === 'object' && value !== null && 'fact' in value;
    return { ...side(c), operator: c['operator'], value: valueIsFact ? side(value as Condition) : value };
  };
  const compiled = g.rules.map((r) => r.conditions as unknown as Condition);
  let k = 0;
  const trees = compiled.map((t) => compileTree<EvaluatedCondition[]>(t, (c) => filledLeaf(c, k++)));
  const original = compiled.flatMap((t) => leavesOf(t));
  const leaves = original.map(leaf);
  const reads = [...new Set(original.flatMap((c) => factsOf(c as EvaluatedCondition)))];
  const engine = installRuntime(new Engine([{ name: g.id, conditions: { any: leaves } as never, event: { type: 'evaluated' } }], { allowUndefinedFacts: true }));
  engine.addFact('calc', ((params: { i: number }, almanac: Almanac) => calcFact({ expr: exprs[params.i]! }, almanac)) as never, { cache: false });
  p = { engine, trees, reads };
  prepared.set(g, p);
  return p;
}

/** A leaf as compiled, carrying the values and result of the engine's evaluated leaf k. */
function filledLeaf(c: Condition, k: number): (evaluated: EvaluatedCondition[]) => EvaluatedCondition {
  const name = c['name'] as string | undefined;
  const fact = c['fact'] as string;
  const params = c['params'] as EvaluatedCondition['params'];
  const operator = c['operator'] as string;
  const value = c['value'];
  return (evaluated) => {
    const e = evaluated[k];
    // Every leaf is evaluated (no priorities, no short circuit); were one not, it reads as unknown.
    return { name, fact, params, operator, value, factResult: e?.factResult, valueResult: e?.valueResult, result: e?.result ?? false };
  };
}

/** Runs a guideline's rules on the facts given; answers each rule's evaluated tree by rule name. */
export async function runLeaves(g: CompiledGuideline, facts: Facts): Promise<Map<string, EvaluatedCondition>> {
  const { engine, trees, reads } = leafEngine(g);
  // The facts the rules read, as Fact objects uncached: the engine would otherwise hash each one for a cache key.
  // Without a prototype: a fact named __proto__ is then a key like any other.
  const constants = emptyFacts() as Record<string, Fact>;
  for (const id of reads) if (id in facts) constants[id] = new Fact(id, facts[id], { cache: false });
  const { results, failureResults } = await engine.run(constants);
  const evaluated = ((results[0] ?? failureResults[0])?.conditions as unknown as EvaluatedCondition | undefined)?.any ?? [];
  const byName = new Map<string, EvaluatedCondition>();
  for (let i = 0; i < trees.length; i++) byName.set(g.rules[i]!.name, trees[i]!(evaluated));
  return byName;
}
