// The batch path: the same compiled rules, turned once into synchronous closures (no eval, no
// new Function: the rule JSON is read, never executed). Each closure yields the evaluated condition
// tree json-rules-engine would leave, so both paths share one explainer and decide identically.
import type { CompiledGuideline, RuleSet } from '@guideline/language';
import { evaluateCalc } from './calc.ts';
import { caseFacts, type Facts } from './case-facts.ts';
import { DecisionWalk, explainGuideline, missingInputs, type GuidelineRun } from './evaluate.ts';
import { criterionStatus, factsOf, leafUnknown, type EvaluatedCondition, type Tri } from './explain.ts';
import { operators } from './operators.ts';
import type { Case, CriterionResult, Determination } from './types.ts';
import { assertCase, CaseValidationError, type CaseIssue } from './validate.ts';
import { RuleSetError } from './load-rules.ts';

type Evaluate = (facts: Facts) => EvaluatedCondition;
type Read = (facts: Facts) => unknown;

const numeric = (v: unknown): boolean => (typeof v === 'number' ? !Number.isNaN(v) : Number.parseFloat(v as string).toString() !== 'NaN');

/** json-rules-engine's built-in operators, with the same fact-value validators, plus ours. */
const allOperators: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
  ...operators,
};

function reader(ref: { fact: string; params?: Record<string, unknown> }): Read {
  if (ref.fact === 'calc') {
    const expr = (ref.params as { expr: import('@guideline/language').Calc }).expr;
    return (f) => evaluateCalc(expr, (id) => f[id]);
  }
  const id = ref.fact;
  return (f) => f[id];
}

/** What both compiled forms need of a leaf condition: its operator and how to read its two sides. */
function leafParts(c: Record<string, unknown>): { operator: string; op: (a: unknown, b: unknown) => boolean; readFact: Read; value: unknown; readValue: Read | undefined } {
  const operator = c['operator'] as string;
  const op = allOperators[operator];
  if (!op) throw new RuleSetError([{ at: String(c['name'] ?? ''), message: `unknown operator '${String(operator)}'` }]);
  const value = c['value'];
  const valueIsFact = typeof value === 'object' && value !== null && 'fact' in value;
  return { operator, op, readFact: reader(c as { fact: string }), value, readValue: valueIsFact ? reader(value as { fact: string }) : undefined };
}

function compileCondition(c: Record<string, unknown>): Evaluate {
  const name = c['name'] as string | undefined;
  if (Array.isArray(c['all']) || Array.isArray(c['any'])) {
    const isAll = Array.isArray(c['all']);
    const parts = (c[isAll ? 'all' : 'any'] as Record<string, unknown>[]).map(compileCondition);
    const n = parts.length;
    const run = (f: Facts): EvaluatedCondition[] => {
      const out = new Array<EvaluatedCondition>(n);
      for (let i = 0; i < n; i++) out[i] = parts[i]!(f);
      return out;
    };
    return isAll ? (f) => ({ name, all: run(f) }) : (f) => ({ name, any: run(f) });
  }
  if (c['not'] !== undefined) {
    const inner = compileCondition(c['not'] as Record<string, unknown>);
    return (f) => ({ name, not: inner(f) });
  }
  const { operator, op, readFact, value, readValue } = leafParts(c);
  const fact = c['fact'] as string;
  const params = c['params'] as EvaluatedCondition['params'];
  // One object shape per leaf result keeps property access monomorphic in the explainer.
  return (f) => {
    const factResult = readFact(f);
    const valueResult = readValue ? readValue(f) : value;
    return { name, fact, params, operator, value, factResult, valueResult, result: op(factResult, valueResult) };
  };
}

type Predicate = (facts: Facts, unknown: Set<string> | null) => Tri;

/** Lean form: a condition straight to its three-valued result, noting unknown facts when asked. */
function compilePredicate(c: Record<string, unknown>): Predicate {
  if (Array.isArray(c['all']) || Array.isArray(c['any'])) {
    const isAll = Array.isArray(c['all']);
    const parts = (c[isAll ? 'all' : 'any'] as Record<string, unknown>[]).map(compilePredicate);
    const decisive = !isAll; // true decides an `any`, false decides an `all`
    return (f, u) => {
      let sawUnknown = false;
      let decided = false;
      for (const p of parts) {
        const r = p(f, u);
        if (r === decisive) {
          decided = true;
          // Noting unknowns visits every leaf, as the full explainer does; otherwise stop here.
          if (!u) return decisive;
        } else if (r === null) sawUnknown = true;
      }
      return decided ? decisive : sawUnknown ? null : !decisive;
    };
  }
  if (c['not'] !== undefined) {
    const inner = compilePredicate(c['not'] as Record<string, unknown>);
    return (f, u) => {
      const r = inner(f, u);
      return r === null ? null : !r;
    };
  }
  const { operator, op, readFact, value, readValue } = leafParts(c);
  const reads = factsOf(c as EvaluatedCondition);
  return (f, u) => {
    const a = readFact(f);
    const b = readValue ? readValue(f) : value;
    if (leafUnknown(operator, a, readValue !== undefined, b)) {
      if (u) for (const id of reads) if (f[id] === undefined) u.add(id);
      return null;
    }
    return op(a, b);
  };
}

interface FastGuideline {
  rules: Map<string, Evaluate>;
  /** Per rule: its 'only when' and 'require' halves (criteria) or its whole condition (applicability). */
  lean: Map<string, Predicate[]>;
}

const compiled = new WeakMap<CompiledGuideline, FastGuideline>();

function fastGuideline(g: CompiledGuideline): FastGuideline {
  let fg = compiled.get(g);
  if (!fg) {
    const conditions = (r: CompiledGuideline['rules'][number]): Record<string, unknown> => r.conditions as unknown as Record<string, unknown>;
    fg = {
      rules: new Map(g.rules.map((r) => [r.name, compileCondition(conditions(r))])),
      lean: new Map(g.rules.map((r) => [r.name, r.name === g.applicabilityRule ? [compilePredicate(conditions(r))] : ((conditions(r)['all'] as Record<string, unknown>[]) ?? []).map(compilePredicate)])),
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

/** Runs one guideline in lean form: statuses and missing facts, no trace and no rationale text. */
export function runGuidelineLean(g: CompiledGuideline, c: Case): GuidelineRun {
  const facts = caseFacts(g, c);
  const lean = fastGuideline(g).lean;
  const [applicability] = lean.get(g.applicabilityRule)!;
  let applies = applicability!(facts, null);
  const missingApp = new Set<string>();
  if (applies === null) applicability!(facts, missingApp);
  const unknownByCriterion = new Map<string, string[]>();
  const criteria = g.criteria.map((meta): CriterionResult => {
    const [when, require] = lean.get(meta.rule)!;
    const applicable = when ? when(facts, null) : true;
    const met = require ? require(facts, null) : true;
    const status = criterionStatus(applicable, met);
    if (status === 'unknown') {
      const u = new Set<string>();
      when?.(facts, u);
      require?.(facts, u);
      unknownByCriterion.set(meta.id, missingInputs(g, [...u]));
    }
    return { id: meta.id, title: meta.title, status, rationale: '', source: { file: meta.source.file, line: meta.source.line }, trace: [] };
  });
  return { applies, missingForApplicability: missingInputs(g, [...missingApp]), criteria, unknownByCriterion, facts };
}

export interface FastOptions {
  /** 'full' (default): the whole determination. 'decision': decision, statuses and missing facts only (no trace, no rationale text). */
  detail?: 'full' | 'decision';
}

/** The determination of one case, synchronously; identical to `evaluate`'s. Throws CaseValidationError on a malformed case. */
export function evaluateFast(ruleSet: RuleSet, input: unknown, options: FastOptions = {}): Determination {
  const c = assertCase(input);
  const lean = options.detail === 'decision';
  const walk = new DecisionWalk(ruleSet, c, lean);
  for (const g of walk.guidelines) {
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
