// The batch path: the same compiled rules, turned once into synchronous closures (no eval, no
// new Function: the rule JSON is read, never executed). Each closure yields the evaluated condition
// tree json-rules-engine would leave, so both paths share one explainer and decide identically.
import type { CompiledGuideline, RuleSet } from '@guideline/language';
import { compileCalc } from './calc.ts';
import { caseFacts, type Facts } from './case-facts.ts';
import { DecisionWalk, explainGuideline, type GuidelineRun } from './evaluate.ts';
import { runGuidelineLean } from './lean.ts';
import type { EvaluatedCondition } from './explain.ts';
import { allOperators } from './operators.ts';
import type { Case, Determination } from './types.ts';
import { assertCase, CaseValidationError, type CaseIssue } from './validate.ts';
import { conditionShape, RuleSetError } from './load-rules.ts';

type Evaluate = (facts: Facts) => EvaluatedCondition;
type Read = (facts: Facts) => unknown;

function reader(ref: { fact: string; params?: Record<string, unknown> }): Read {
  if (ref.fact === 'calc') {
    const expr = (ref.params as { expr: import('@guideline/language').Calc }).expr;
    return compileCalc<Facts>(expr, (id) => (f) => f[id]);
  }
  const id = ref.fact;
  return (f) => f[id];
}

/** A leaf's operator as a function; a rule set that names an unknown one is refused (RuleSetError). */
export function operatorOf(c: Record<string, unknown>): (a: unknown, b: unknown) => boolean {
  const name = c['operator'] as string;
  const op = Object.hasOwn(allOperators, name) ? allOperators[name] : undefined;
  if (!op) throw new RuleSetError([{ at: String(c['name'] ?? ''), message: `unknown operator '${String(c['operator'])}'` }]);
  return op;
}

/** What both compiled forms need of a leaf condition: its operator and how to read its two sides. */
function leafParts(c: Record<string, unknown>): { operator: string; op: (a: unknown, b: unknown) => boolean; readFact: Read; value: unknown; readValue: Read | undefined } {
  const operator = c['operator'] as string;
  const op = operatorOf(c);
  const value = c['value'];
  const valueIsFact = typeof value === 'object' && value !== null && 'fact' in value;
  return { operator, op, readFact: reader(c as { fact: string }), value, readValue: valueIsFact ? reader(value as { fact: string }) : undefined };
}

/**
 * A condition tree compiled to a function of some input giving the evaluated tree json-rules-engine
 * would leave; `leaf` says how one leaf is evaluated from that input (leaves are met in depth-first
 * order). Every leaf result has one object shape, which keeps the explainer's property reads monomorphic.
 */
export function compileTree<I>(c: Record<string, unknown>, leaf: (c: Record<string, unknown>) => (input: I) => EvaluatedCondition): (input: I) => EvaluatedCondition {
  const name = c['name'] as string | undefined;
  const shape = conditionShape(c);
  if (shape === 'all' || shape === 'any') {
    const isAll = shape === 'all';
    const parts = (c[isAll ? 'all' : 'any'] as Record<string, unknown>[]).map((x) => compileTree(x, leaf));
    const n = parts.length;
    const run = (f: I): EvaluatedCondition[] => {
      const out = new Array<EvaluatedCondition>(n);
      for (let i = 0; i < n; i++) out[i] = parts[i]!(f);
      return out;
    };
    return isAll ? (f) => ({ name, all: run(f) }) : (f) => ({ name, any: run(f) });
  }
  if (shape === 'not') {
    const inner = compileTree(c['not'] as Record<string, unknown>, leaf);
    return (f) => ({ name, not: inner(f) });
  }
  return leaf(c);
}

/** A leaf evaluated from the facts, as json-rules-engine would. */
function evaluatedLeaf(c: Record<string, unknown>): Evaluate {
  const { operator, op, readFact, value, readValue } = leafParts(c);
  const name = c['name'] as string | undefined;
  const fact = c['fact'] as string;
  const params = c['params'] as EvaluatedCondition['params'];
  return (f) => {
    const factResult = readFact(f);
    const valueResult = readValue ? readValue(f) : value;
    return { name, fact, params, operator, value, factResult, valueResult, result: op(factResult, valueResult) };
  };
}

interface FastGuideline {
  rules: Map<string, Evaluate>;
}

const compiled = new WeakMap<CompiledGuideline, FastGuideline>();

function fastGuideline(g: CompiledGuideline): FastGuideline {
  let fg = compiled.get(g);
  if (!fg) {
    const conditions = (r: CompiledGuideline['rules'][number]): Record<string, unknown> => r.conditions as unknown as Record<string, unknown>;
    fg = {
      rules: new Map(g.rules.map((r) => [r.name, compileTree(conditions(r), evaluatedLeaf)])),
    };
    compiled.set(g, fg);
  }
  return fg;
}

/** Runs one guideline on a case with the compiled closures. */
export function runGuidelineFast(g: CompiledGuideline, c: Case): GuidelineRun {
  const facts = caseFacts(g, c);
  const rules = fastGuideline(g).rules;
  return explainGuideline(g, facts, (name) => rules.get(name)?.(facts) ?? { all: [] });
}

export interface FastOptions {
  /**
   * 'full' (default): the whole determination. 'decision': decision, statuses and missing facts only
   * (no trace, no rationale text); its criterion results are frozen objects shared by every
   * determination, in arrays of each determination's own.
   */
  detail?: 'full' | 'decision';
}

/** The determination of one case, synchronously; identical to `evaluate`'s. Throws CaseValidationError on a malformed case. */
export function evaluateFast(ruleSet: RuleSet, input: unknown, options: FastOptions = {}): Determination {
  const c = assertCase(input);
  const lean = options.detail === 'decision';
  const walk = new DecisionWalk(ruleSet, c, lean);
  const { guidelines } = walk;
  for (let i = 0; i < guidelines.length; i++) {
    const g = guidelines[i]!;
    const d = walk.settle(g, lean ? runGuidelineLean(g, c) : runGuidelineFast(g, c));
    if (d) return d;
  }
  return walk.unsettled();
}

export type BatchResult = { index: number; determination: Determination } | { index: number; issues: CaseIssue[] };

/**
 * Evaluates many cases lazily, one result per case in input order; a malformed case yields its
 * issues and the batch goes on. Memory stays constant when the input is itself lazy.
 */
export function* evaluateMany(ruleSet: RuleSet, cases: Iterable<unknown>, options: FastOptions = {}): Generator<BatchResult> {
  let index = 0;
  for (const input of cases) {
    try {
      yield { index, determination: evaluateFast(ruleSet, input, options) };
    } catch (e) {
      if (!(e instanceof CaseValidationError)) throw e;
      yield { index, issues: e.issues };
    }
    index++;
  }
}
