// One straight path from a case to its determination: validate -> facts -> evaluate -> decide ->
// explain. The policy of the case's jurisdiction consults its guidelines in evidence order; the
// first that addresses the request governs, and its criteria, with the policy's own, decide.
import type { CompiledGuideline, CompiledPolicy, Cond, RuleSet } from '@guideline/language/rules';
import { CaseScope, CaseView } from './builtins.ts';
import { compiledOf, evaluateCriterion, reviewed, statusCodes, type Compiled, type CriterionPlan, type Evaluated } from './criteria.ts';
import { midTitlesOf, outcome, rationale, type Decided } from './decide.ts';
import { Describer, fieldWords, partResults, textFor, traceEntry, type Unsettled } from './explain.ts';
import { leafInputs, type Gaps } from './missing.ts';
import { recordedLeaves, Run } from './plan.ts';
import { guidelinesInOrder } from './policy.ts';
import type { Case, CriterionResult, Determination } from './types.ts';
import { caseCheckOf, checkedCase } from './validate.ts';
import { shownValue } from './fields.ts';
import { scopeName } from '@guideline/language/rules';
import type { EngineAnswers } from './engine.ts';
import { Unknown, type Tri } from './values.ts';
import { checkedRuleSet, revisionOf } from './load-rules.ts';
import { newDecisionId } from './decision-id.ts';
import { keep, keptResult, readOf, shared, worthReading } from './reuse.ts';

export interface EvaluateOptions {
  /**
   * 'full' (default): the whole determination, with each criterion's rationale and trace.
   * 'decision': decision, statuses and missing facts only (no trace, no rationale text).
   */
  detail?: 'full' | 'decision';
  /**
   * Makes each determination's decision id. Default: a random UUID (version 4), a new one for every
   * determination, as a decision log keys its entries; give your own to use your system's numbers.
   */
  decisionId?: () => string;
}

/** What names a determination: the case's id (when it has one), the decision's, and the rule set's revision. */
type Named = 'caseId' | 'decisionId' | 'revision';

/** One guideline (or the policy's criteria) evaluated for a case: the run and each criterion's evaluation. */
interface Evaluation {
  compiled: Compiled;
  run: Run;
  criteria: { k: CriterionPlan; e: Evaluated; from: number; to: number }[];
}

function evaluateAll(compiled: Compiled, run: Run): Evaluation {
  const criteria: Evaluation['criteria'] = [];
  const records = run.records;
  for (let i = 0; i < compiled.criteria.length; i++) {
    const k = compiled.criteria[i]!;
    const from = records ? records.length : 0;
    const e = evaluateCriterion(run, k);
    criteria.push({ k, e, from, to: records ? records.length : 0 });
  }
  return { compiled, run, criteria };
}

/**
 * The case fields behind the unknown facts of a test's unknown leaves, added to `gaps` in the order
 * found: the leaves a traced run would record, each tested again on the run's fact values, and the
 * unknown facts of those that stay unknown. `gaps.words`, when there, receives each field in the
 * words of the fact that read it (two vocabularies may name one field differently).
 */
function addMissing(compiled: Compiled, run: Run, conds: readonly (Cond | undefined)[], gaps: Gaps): void {
  const plan = compiled.plan;
  const quiet = run.untraced();
  for (const cond of conds) {
    if (!cond) continue;
    const leaves = recordedLeaves(cond);
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i]!;
      if (plan.leafTests[leaf.leaf]!(quiet) === null) leafInputs(leaf, plan, quiet, gaps);
    }
  }
}

/** The tests a criterion's status is evaluated from, in the order evaluateCriterion runs them (listed once a criterion). */
function testedBy(k: CriterionPlan['meta']): readonly (Cond | undefined)[] {
  let tests = testsOf.get(k);
  if (!tests) testsOf.set(k, (tests = [k.when, ...(k.group ? k.group.parts.map((p) => p.require) : [k.require])]));
  return tests;
}

const testsOf = new WeakMap<CriterionPlan['meta'], readonly (Cond | undefined)[]>();

/**
 * The facts a criterion's own text for an unknown status names: the fields behind the unknown leaves
 * of its own tests (or of one part's `require`), in words. Another criterion's gaps are not its own:
 * "cannot be determined, because the records do not document ..." lists only what this one reads.
 */
function ownMissingWords(ev: Evaluation, conds: readonly (Cond | undefined)[]): Unsettled {
  const gaps: Gaps = { fields: new Set(), words: new Map(), ties: [] };
  addMissing(ev.compiled, ev.run, conds, gaps);
  return { missing: [...gaps.words!.values()], ties: gaps.ties! };
}

/** The words of what a criterion, and each of its parts, leaves unknown: worked out once each, when a text asks. */
interface OwnWords {
  criterion: () => Unsettled;
  part: (i: number) => Unsettled;
  /** Everything the texts may list, in one list (a part's and the ties marked off), for a read's hash. */
  all: () => string[];
}

function ownWords(meta: CompiledGuideline['criteria'][number], ev: Evaluation): OwnWords {
  let own: Unsettled | undefined;
  const parts: (Unsettled | undefined)[] = [];
  const criterion = (): Unsettled => (own ??= ownMissingWords(ev, testedBy(meta)));
  const part = (i: number): Unsettled => (parts[i] ??= ownMissingWords(ev, [meta.group?.parts[i]?.require]));
  const listed = (u: Unsettled): string[] => [...u.missing, '\u0001', ...u.ties];
  return { criterion, part, all: () => [...listed(criterion()), ...(meta.group?.parts.flatMap((_, i) => ['\u0000', ...listed(part(i))]) ?? [])] };
}

/** What every case of a rule set needs before its own work: the rule set checked, its revision, the case check. */
interface Prepared {
  rules: RuleSet;
  revision: string;
  valid: (input: unknown) => boolean;
}

const prepared = new WeakMap<RuleSet, Prepared>();

/** The determination of one case. Throws CaseValidationError (naming every bad field) on a malformed case. */
export function evaluateCase(rules: RuleSet, input: unknown, given: EvaluateOptions = {}): Determination {
  const options = checkedOptions(given);
  // One lookup a case for what the rule set gives every case (it is checked once, on first use).
  let p = prepared.get(rules);
  if (!p) {
    const checked = checkedRuleSet(rules);
    prepared.set(rules, (p = { rules: checked, revision: revisionOf(checked), valid: caseCheckOf(rules) }));
  }
  return named(p.rules, p.revision, checkedCase(input, rules, p.valid), options);
}

/**
 * The determination of a validated case. `answers`: what json-rules-engine decided (the decision,
 * the guideline that governs, each criterion's status), explained here as the fast path's are.
 */
export function determine(rules: RuleSet, c: Case, options: EvaluateOptions = {}, answers?: EngineAnswers): Determination {
  return named(rules, revisionOf(rules), c, checkedOptions(options), answers);
}

/**
 * The options a caller gave, checked: a mistake in them is the caller's code, said as a TypeError
 * naming the option, never a default taken in silence (`detail: 'ful'` is not a full determination
 * by chance). Null is no options, as undefined is.
 */
export function checkedOptions<T extends EvaluateOptions>(options: T | null | undefined): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object') throw new TypeError(`the options are an object ({ detail, decisionId }), not ${typeof options}`);
  const { detail, decisionId } = options;
  if (detail !== undefined && detail !== 'full' && detail !== 'decision') throw new TypeError(`options.detail is 'full' or 'decision', not ${shownValue(detail)}`);
  if (decisionId !== undefined && typeof decisionId !== 'function') throw new TypeError(`options.decisionId is a function that gives a decision id (a text), not ${typeof decisionId}`);
  return options;
}

function named(rules: RuleSet, revision: string, c: Case, options: EvaluateOptions, answers?: EngineAnswers): Determination {
  const decisionId = (options.decisionId ?? newDecisionId)();
  if (typeof decisionId !== 'string') throw new TypeError(`options.decisionId gave ${shownValue(decisionId)}: a decision id is a text`);
  const d = unnamed(rules, c, options, answers);
  // Built key by key: spreading the unnamed determination into a new object takes V8's generic
  // copy, which cost more than deciding a simple case.
  const out: Determination = c.id === undefined
    ? { decisionId, revision, decision: d.decision, certifiedVisits: d.certifiedVisits, guideline: d.guideline, criteria: d.criteria, rationale: d.rationale, missing: d.missing }
    : { caseId: c.id, decisionId, revision, decision: d.decision, certifiedVisits: d.certifiedVisits, guideline: d.guideline, criteria: d.criteria, rationale: d.rationale, missing: d.missing };
  if (d.review !== undefined) out.review = d.review;
  if (d.notes !== undefined) out.notes = d.notes;
  return out;
}

/** The determination without what names it. */
function unnamed(rules: RuleSet, c: Case, options: EvaluateOptions, answers?: EngineAnswers): Omit<Determination, Named> {
  const full = options.detail !== 'decision';
  const order = guidelinesInOrder(rules, c.jurisdiction);
  const none = (decision: Determination['decision'], text: () => string, missing: string[]): Omit<Determination, Named> =>
    ({ decision, certifiedVisits: 0, guideline: null, criteria: [], rationale: full ? text() : '', missing });
  if (!order) return none('no-applicable-guideline', () => `No policy governs jurisdiction ${c.jurisdiction}, so no guideline could be applied.`, []);
  if (answers) {
    const g = answers.guideline && order.guidelines.find((x) => x.id === answers.guideline!.id && x.edition === answers.guideline!.edition);
    if (g) {
      const compiled = compiledOf(rules, g);
      const view = new CaseView(c, g);
      const run = new Run(compiled.plan, c, view, full);
      compiled.applies!(run);
      return governed(rules, g, order.policy, c, view, run, full, answers);
    }
  }
  let undecided: Set<string> | undefined;
  // Only the guidelines the case's treatment and date leave; each one's applicability untraced (only
  // the guideline that governs is explained), and what is read of the case itself shared among them.
  // What the index already decided of each candidate's applicability (screened) is not tested again.
  const { guidelines: candidates, screened } = order.candidates(c);
  const scope = new CaseScope();
  for (let i = 0; i < candidates.length; i++) {
    const g = candidates[i]!;
    const compiled = compiledOf(rules, g);
    const view = new CaseView(c, g, scope);
    const run = new Run(compiled.plan, c, view, false);
    const applies: Tri = (screened ? compiled.ungated : compiled.applies)!(run);
    if (applies === false) continue;
    if (applies === null) {
      undecided ??= new Set();
      addMissing(compiled, run, [g.applies], { fields: undecided });
      continue;
    }
    // A guideline earlier in the order might govern, but whether it does is unknown.
    if (undecided) break;
    if (full) run.records = [];
    return governed(rules, g, order.policy, c, view, run, full);
  }
  if (undecided || answers?.decision === 'insufficient-information') {
    const missing = [...(undecided ?? [])];
    // The facts in their vocabulary's words, as a criterion's text names them; the policy's title as its author wrote it, a name.
    return none('insufficient-information', () => `Whether a guideline covers this request under ${order.policy.title} depends on what the records do not give: ${missing.map((f) => fieldWords(rules.facts, f)).join(', ')}.`, missing);
  }
  return none('no-applicable-guideline', () => `No guideline under ${order.policy.title} addresses ${c.request.treatment} on ${c.request.serviceDate ?? c.asOf}.`, []);
}

/** The determination when guideline `g` governs: its criteria and the policy's, decided and explained. */
function governed(rules: RuleSet, g: CompiledGuideline, policy: CompiledPolicy, c: Case, view: CaseView, run: Run, full: boolean, answers?: EngineAnswers): Omit<Determination, Named> {
  if (run.records) run.records.length = 0;
  const own = evaluateAll(compiledOf(rules, g), run);
  const policyCompiled = compiledOf(rules, policy);
  const extra = policy.criteria.length ? evaluateAll(policyCompiled, new Run(policyCompiled.plan, c, view, full)) : undefined;
  if (answers) {
    // The engine's statuses stand; what it leaves undecided is unknown, or waits for a physician.
    const take = (ev: Evaluation | undefined, scope: string): void => {
      for (const x of ev?.criteria ?? []) {
        const status = answers.statuses.get(`${scope}/${x.k.meta.id}`);
        // Undecided: unknown, or waiting for a physician, for what the case left unknown or (unless
        // met) failed, as the fast path's evaluation of it explains.
        const e: Evaluated = status !== undefined ? { status } : reviewed(x.k.meta, 'unknown') ? { status: 'needs-review', basis: x.e.basis ?? 'unknown' } : { status: 'unknown' };
        if (x.e.parts) e.parts = x.e.parts;
        x.e = e;
      }
    };
    take(own, scopeName('g', rules.guidelines.indexOf(g)));
    take(extra, scopeName('p', rules.policies.indexOf(policy)));
  }
  const requestedValue = own.compiled.plan.fact('request.visits')(run);
  const requested = typeof requestedValue === 'number' ? requestedValue : undefined;

  // The missing facts of the unknown criteria, in order, worked out only when asked for.
  let missing: { fields: string[]; words: string[] } | undefined;
  const missingFacts = (): { fields: string[]; words: string[] } => {
    if (missing) return missing;
    // One set for every criterion: a field keeps the place where it was first found.
    const gaps: Gaps = full ? { fields: new Set(), words: new Map() } : { fields: new Set() };
    for (let n = 0; n < 2; n++) {
      const ev = n === 0 ? own : extra;
      if (!ev) continue;
      for (const x of ev.criteria) if (x.e.status === 'unknown') addMissing(ev.compiled, ev.run, testedBy(x.k.meta), gaps);
    }
    const { fields, words } = gaps;
    return (missing = { fields: [...fields], words: words ? [...words.values()] : [] });
  };

  const decided: Decided[] = [];
  const results: CriterionResult[] = [];
  for (let n = 0; n < 2; n++) {
    const ev = n === 0 ? own : extra;
    if (!ev) continue;
    const policyId = n === 0 ? undefined : policy.id;
    const d = new Describer(ev.compiled.plan);
    for (let i = 0; i < ev.criteria.length; i++) {
      const x = ev.criteria[i]!;
      const meta = x.k.meta;
      const result = full ? explainedResult(meta, x, ev, d, policyId) : sharedResult(meta, x, ev, d, policyId);
      results.push(result);
      decided.push({ result, certify: x.k.certify, run: ev.run });
    }
  }
  const o = outcome(c, decided, requested);
  if (answers && answers.decision !== o.decision) o.decision = answers.decision;
  const guideline = sharedGuideline(g);
  const d: Omit<Determination, Named> = {
    decision: o.decision,
    certifiedVisits: o.certifiedVisits,
    guideline,
    criteria: results,
    rationale: full ? rationale(g, c, o, results, midTitlesOf(g, policy, results), o.decision === 'insufficient-information' ? missingFacts().words : [], requested) : '',
    missing: o.decision === 'insufficient-information' ? missingFacts().fields : [],
  };
  if (o.decision === 'needs-clinical-review') d.review = results.filter((r) => r.status === 'needs-review').map((r) => r.id);
  if (policy.denialNote && (o.decision === 'not-medically-necessary' || o.decision === 'partially-medically-necessary')) d.notes = [policy.denialNote];
  return d;
}

function criterionResult(meta: CompiledGuideline['criteria'][number], x: Evaluation['criteria'][number], ev: Evaluation, d: Describer, full: boolean, own: OwnWords = ownWords(meta, ev)): CriterionResult {
  const r: CriterionResult = {
    id: meta.id,
    title: meta.title,
    status: x.e.status,
    rationale: '',
    source: { file: meta.source.file, line: meta.source.line },
    trace: [],
  };
  if (meta.group) {
    const i = x.e.parts?.findIndex((p) => p === true) ?? -1;
    if (i >= 0 && x.e.status === 'met') r.met = meta.group.parts[i]!.id;
  }
  if (!full) {
    if (meta.group) r.parts = meta.group.parts.map((p, i) => ({ id: p.id, title: p.title, status: statusOf(x.e.parts?.[i]), rationale: '' }));
    return r;
  }
  // A criterion sent to a physician because the case does not meet it says what the case shows.
  const says = x.e.status === 'needs-review' && x.e.basis === 'not-met' && meta.texts.notMet ? 'not-met' : x.e.status;
  let text = textFor(says, meta.texts, meta.title, ev.run, own.criterion);
  if (meta.group) {
    r.parts = partResults(meta, x.e.parts, ev.run, own.part);
    // A group met through a part says which, in the part's words.
    const part = r.parts.find((p) => p.id === r.met);
    if (part && x.e.status === 'met' && !meta.texts.met) text = part.rationale.startsWith('Met: ') ? `Met: ${meta.title} (${part.title}).` : part.rationale;
  }
  r.rationale = text;
  const records = ev.run.records?.slice(x.from, x.to) ?? [];
  r.trace = records.map((rec) => traceEntry(rec, ev.compiled.plan.leafConditions[rec.leaf]!, ev.compiled.plan, ev.run, d));
  return r;
}

/**
 * A full result: the one kept for what this case's criterion read (reuse.ts), or made and kept. Its
 * policy, when it is a policy's criterion, is set before it is shared.
 */
function explainedResult(meta: CompiledGuideline['criteria'][number], x: Evaluation['criteria'][number], ev: Evaluation, d: Describer, policyId: string | undefined): CriterionResult {
  const own = ownWords(meta, ev);
  const read = worthReading(x.k.explained) ? readOf(x.k, x.e, ev.run, x.from, x.to, own.all) : undefined;
  const kept = read === undefined ? undefined : keptResult(x.k.explained, read);
  if (kept) return kept;
  const r = criterionResult(meta, x, ev, d, true, own);
  if (policyId) r.policy = policyId;
  return read === undefined ? r : keep(x.k.explained, ev.compiled.kept, read, r);
}

/**
 * A decision-only result depends on nothing but the criterion, its status and its parts' statuses:
 * each is built once, frozen, and shared by every determination (and its JSON text is made once).
 * Kept on the criterion's plan, by a number (its status, and each part's answer in base 3) while that
 * stays exact; a criterion belongs to one guideline or policy, so `policyId` is the same for every key.
 */
function sharedResult(meta: CompiledGuideline['criteria'][number], x: Evaluation['criteria'][number], ev: Evaluation, d: Describer, policyId: string | undefined): CriterionResult {
  const byKey = x.k.shared;
  const parts = x.e.parts;
  let key: number | string = statusCodes[x.e.status];
  if (parts) {
    if (parts.length <= 30) {
      // A leading 1, then a digit a part: distinct for every number of parts and answers (< 2^53).
      let code = 1;
      for (let i = 0; i < parts.length; i++) code = code * 3 + (parts[i] === true ? 1 : parts[i] === false ? 2 : 0);
      key += 5 * code;
    } else key = x.e.status + parts.map((p) => (p === true ? 'y' : p === false ? 'n' : 'u')).join('');
  }
  let r = byKey.get(key);
  if (!r) {
    r = criterionResult(meta, x, ev, d, false);
    if (policyId) r.policy = policyId;
    byKey.set(key, shared(r));
  }
  return r;
}

/** What a determination says of the guideline that governs it. */
const guidelineOf = (g: CompiledGuideline): NonNullable<Determination['guideline']> =>
  g.edition === undefined ? { id: g.id, title: g.title, citation: g.citation } : { id: g.id, title: g.title, citation: g.citation, edition: g.edition };

const guidelines = new WeakMap<CompiledGuideline, NonNullable<Determination['guideline']>>();

/** guidelineOf, built once and frozen: decision-only determinations share it, as they share their criteria's results. */
function sharedGuideline(g: CompiledGuideline): NonNullable<Determination['guideline']> {
  let x = guidelines.get(g);
  if (!x) guidelines.set(g, (x = Object.freeze(guidelineOf(g))));
  return x;
}

function statusOf(t: Tri | undefined): 'met' | 'not-met' | 'unknown' {
  return t === true ? 'met' : t === false ? 'not-met' : 'unknown';
}
