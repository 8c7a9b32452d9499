// Evaluates a case against a rule set: the policy picks the governing guideline (first that covers
// the request, in the jurisdiction's evidence order), json-rules-engine runs its rules, and the
// determination is assembled from the criteria's statuses in their own words.
import { Engine } from 'json-rules-engine';
import { factById, matchesPattern, type Calc, type CompiledGuideline, type RuleSet } from '@guideline/language';
import { caseFacts, recommendationInput, type Facts } from './case-facts.ts';
import { evaluateCalc } from './calc.ts';
import { criterionStatus, Explainer, fillRationale, type EvaluatedCondition, type Tri } from './explain.ts';
import { installRuntime } from './operators.ts';
import { runLeaves } from './leaf-engine.ts';
import type { Case, CriterionResult, Determination } from './types.ts';
import { assertCase } from './validate.ts';
import { assemble, outcome, requestedVisits } from './decide.ts';

const engines = new WeakMap<CompiledGuideline, Engine>();

/** A json-rules-engine Engine holding one guideline's rules as compiled, with our operators and facts installed. */
export function engineFor(g: CompiledGuideline): Engine {
  let engine = engines.get(g);
  if (!engine) engines.set(g, (engine = installRuntime(new Engine(g.rules, { allowUndefinedFacts: true }))));
  return engine;
}

type PolicyOrder = { policy: RuleSet['policies'][number]; guidelines: CompiledGuideline[] } | undefined;
const orders = new WeakMap<RuleSet, Map<string, { order: PolicyOrder }>>();
let lastOrder: { ruleSet: RuleSet; jurisdiction: string; order: PolicyOrder } | undefined;

/** The guidelines a jurisdiction's policy consults, in evidence order (computed once per rule set and spelling). */
export function guidelinesInOrder(ruleSet: RuleSet, jurisdiction: string): PolicyOrder {
  // A batch asks the same rule set about the same jurisdiction case after case.
  if (lastOrder?.ruleSet === ruleSet && lastOrder.jurisdiction === jurisdiction) return lastOrder.order;
  let byJurisdiction = orders.get(ruleSet);
  if (!byJurisdiction) orders.set(ruleSet, (byJurisdiction = new Map()));
  let hit = byJurisdiction.get(jurisdiction);
  if (!hit) {
    if (byJurisdiction.size >= 1000) byJurisdiction.clear(); // a batch of made-up jurisdictions stays bounded
    byJurisdiction.set(jurisdiction, (hit = { order: policyOrder(ruleSet, jurisdiction.toUpperCase()) }));
  }
  lastOrder = { ruleSet, jurisdiction, order: hit.order };
  return hit.order;
}

function policyOrder(ruleSet: RuleSet, jurisdiction: string): PolicyOrder {
  const policy = ruleSet.policies.find((p) => p.jurisdiction.toUpperCase() === jurisdiction.toUpperCase());
  if (!policy) return undefined;
  const out: CompiledGuideline[] = [];
  // Patterns are consulted in the order written, within a step as across steps; the guidelines
  // one pattern matches keep the rule set's order.
  for (const pattern of policy.steps.flat()) {
    for (const g of ruleSet.guidelines) {
      if (!out.includes(g) && matchesPattern(pattern, g.id)) out.push(g);
    }
  }
  return { policy, guidelines: out };
}

/** One guideline run on a case, however it was evaluated: what the decision procedure needs of it. */
export interface GuidelineRun {
  applies: Tri;
  /** The case fields that left applicability unknown (read only when it is). */
  missingForApplicability: string[];
  /** One result per criterion, in the guideline's order (when it applies). */
  criteria: CriterionResult[];
  /** The case fields behind the unknown facts of the unknown criteria, in criterion order. */
  missing: () => string[];
  /** An expression's value over the run's facts (a criterion's `certify at most`). */
  calc: (e: Calc) => number | string | null;
  /** The visits requested, when known. */
  requested: number | undefined;
}

/** Runs one guideline's rules on a case through json-rules-engine and explains every criterion. */
export async function runGuideline(g: CompiledGuideline, c: Case): Promise<GuidelineRun> {
  const facts = caseFacts(g, c);
  const byName = await runLeaves(g, facts);
  return explainGuideline(g, facts, (name) => byName.get(name) ?? { all: [] });
}

/** Explains a guideline from its evaluated condition trees (however they were evaluated). */
export function explainGuideline(g: CompiledGuideline, facts: Facts, conditions: (rule: string) => EvaluatedCondition): GuidelineRun {
  const app = new Explainer(g.applicabilityLeaves, facts);
  const applies = app.truth(conditions(g.applicabilityRule));
  const missing: string[] = [];
  const criteria = g.criteria.map((meta): CriterionResult => {
    const root = conditions(meta.rule);
    const ex = new Explainer(meta.leaves, facts);
    const [when, require] = root.all ?? [];
    const applicable = when ? ex.truth(when) : true;
    const met = require ? ex.truth(require) : true;
    const status = criterionStatus(applicable, met);
    if (status === 'unknown') missing.push(...missingInputs(g, [...ex.unknownFacts]));
    return {
      id: meta.id,
      title: meta.title,
      status,
      rationale: status === 'not-met' || status === 'unknown' ? fillRationale(meta, facts) : metRationale(status, meta.title),
      source: { file: meta.source.file, line: meta.source.line },
      trace: ex.trace,
    };
  });
  return {
    applies,
    missingForApplicability: missingInputs(g, [...app.unknownFacts]),
    criteria,
    missing: () => [...new Set(missing)],
    calc: (e) => evaluateCalc(e, (id) => facts[id]),
    requested: requestedVisits(facts),
  };
}

function metRationale(status: CriterionResult['status'], title: string): string {
  return status === 'met' ? `Met: ${title.toLowerCase()}.` : `Not applicable to this request.`;
}

/** The case fields behind unknown facts, for a determination's `missing`. */
export function missingInputs(g: CompiledGuideline, factIds: string[]): string[] {
  const out = new Set<string>();
  for (const id of factIds) {
    if (id.startsWith('recommended.') && id !== 'recommended.frequency') {
      out.add(recommendationInput(g));
      continue;
    }
    const info = factById(id);
    if (id === 'request.visits' || id === 'request.frequencyPerWeek' || id === 'request.weeks') out.add(id);
    else if (info) for (const i of info.inputs) out.add(i);
    else out.add(id);
  }
  return [...out];
}

type Rest = Omit<Determination, 'caseId'>;

/** The case id first, then the rest (key order is part of byte-equal determinations). */
function withId(c: Case, rest: Rest): Determination {
  return c.id === undefined ? rest : { caseId: c.id, ...rest };
}

const noGuidelines: CompiledGuideline[] = Object.freeze([]) as unknown as CompiledGuideline[];

/**
 * The decision procedure, written once for both evaluators. The caller runs the policy's
 * guidelines in order and hands each run to `settle`, which answers the determination once a
 * run decides the case (or `undefined` to run the next), and `unsettled` when none did.
 */
export class DecisionWalk {
  // Declared, then set in the constructor: one walk per case, and defined class fields cost more to set up.
  /** Case fields that left an earlier guideline's applicability unknown (allocated when there are any). */
  declare private undecided: string[] | undefined;
  /** The guidelines to run, in the policy's evidence order (empty when no policy governs). */
  declare readonly guidelines: CompiledGuideline[];
  declare private readonly c: Case;
  declare private readonly lean: boolean;
  declare private readonly order: PolicyOrder;

  constructor(ruleSet: RuleSet, c: Case, lean = false) {
    const order = guidelinesInOrder(ruleSet, c.jurisdiction);
    this.undecided = undefined;
    this.guidelines = order ? order.guidelines : noGuidelines;
    this.c = c;
    this.lean = lean;
    this.order = order;
  }

  settle(g: CompiledGuideline, run: GuidelineRun): Determination | undefined {
    if (run.applies === false) return undefined;
    if (run.applies === null) {
      (this.undecided ??= []).push(...run.missingForApplicability);
      return undefined;
    }
    // A guideline earlier in the order might govern, but whether it does is unknown.
    if (this.undecided) return this.unsettled();
    const c = this.c;
    if (this.lean) {
      const { decision, certifiedVisits, missing } = outcome(g, c, run);
      const guideline = { id: g.id, title: g.title, citation: g.citation };
      const criteria = run.criteria;
      // Built in place rather than spread: this is the batch path's every case.
      return c.id === undefined
        ? { decision, certifiedVisits, guideline, criteria, missing, rationale: '' }
        : { caseId: c.id, decision, certifiedVisits, guideline, criteria, missing, rationale: '' };
    }
    return withId(c, assemble(g, c, run));
  }

  unsettled(): Determination {
    const { c, order, lean } = this;
    // The rationale is written only for a full determination.
    // Built in place rather than spread, as in `settle`.
    const none = (decision: Determination['decision'], rationale: () => string, missing: string[]): Determination => {
      const text = lean ? '' : rationale();
      return c.id === undefined
        ? { decision, certifiedVisits: 0, guideline: null, criteria: [], rationale: text, missing }
        : { caseId: c.id, decision, certifiedVisits: 0, guideline: null, criteria: [], rationale: text, missing };
    };
    if (!order) return none('no-applicable-guideline', () => `No policy governs jurisdiction ${c.jurisdiction}, so no guideline could be applied.`, []);
    if (this.undecided) {
      const missing = [...new Set(this.undecided)];
      return none('insufficient-information', () => `Whether the guidelines of the ${order.policy.title} policy cover this request depends on facts the records do not give: ${missing.join(', ')}.`, missing);
    }
    return none('no-applicable-guideline', () => `No guideline of the ${order.policy.title} policy addresses ${c.request.treatment} on ${c.asOf}.`, []);
  }
}

/**
 * Evaluates a case against a rule set through json-rules-engine and returns the determination.
 * Throws CaseValidationError (with every bad field named) when the case does not follow the contract.
 */
export async function evaluate(ruleSet: RuleSet, input: unknown): Promise<Determination> {
  const c = assertCase(input);
  const walk = new DecisionWalk(ruleSet, c);
  for (const g of walk.guidelines) {
    const d = walk.settle(g, await runGuideline(g, c));
    if (d) return d;
  }
  return walk.unsettled();
}
