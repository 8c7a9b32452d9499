// Every example is replayed before it is shown: the witness made a case, checked against the case
// contract, and decided by both evaluators (the fast path and json-rules-engine), which must both
// show what the finding says. An example that does not is kept, marked, and counted: a bug.
import type { CompiledPolicy, RuleSet } from '@guideline/language';
import { evaluate, validateCase, type Determination } from '@guideline/runtime';
import type { Claim, Example, Pending } from './findings.ts';
import type { Model, Status } from './model.ts';
import type { Placed } from './space.ts';
import { caseOf } from './witness.ts';

const statusWords: Record<Status, string[]> = { met: ['met'], notMet: ['not-met'], notApplicable: ['not-applicable'], unknown: ['unknown', 'needs-review'] };

const invalid = (issues: readonly { field: string; message: string }[]): string => `the example is not a valid case: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`;

const governedBy = (d: Determination, p: Placed): boolean => d.guideline?.id === p.g.id && d.guideline.edition === p.g.edition;

/** One decision id for every example: determinations are compared whole, and a random id would always differ. */
const decisionId = (): string => 'example';

/** Both evaluators' determinations of a case. */
export async function decideBoth(rules: RuleSet, c: unknown): Promise<[Determination, Determination]> {
  return [await evaluate(rules, c, { decisionId }), await evaluate(rules, c, { engine: 'json-rules-engine', decisionId })];
}

const forTreatment = new WeakMap<RuleSet, Map<string, RuleSet>>();

/** A rule set made from another with some of its parts replaced: without the other's revision, which no longer names its content (the loader works one out). */
function derived(rules: RuleSet, parts: Partial<RuleSet>): RuleSet {
  const { revision: _, ...rest } = rules;
  void _;
  return { ...rest, ...parts };
}

/**
 * The rule set with only the guidelines that cover the case's treatment (and those that cover any):
 * the others never apply to it, so both evaluators decide it the same without them, and
 * json-rules-engine, which runs every rule it holds, runs a library's worth fewer.
 */
function coveringRules(rules: RuleSet, c: Record<string, unknown>): RuleSet {
  const treatment = (c['request'] as { treatment?: unknown } | undefined)?.treatment;
  if (typeof treatment !== 'string') return rules;
  let byTreatment = forTreatment.get(rules);
  if (!byTreatment) forTreatment.set(rules, (byTreatment = new Map()));
  let out = byTreatment.get(treatment);
  if (!out) byTreatment.set(treatment, (out = derived(rules, { guidelines: rules.guidelines.filter((g) => !g.covers.length || g.covers.includes(treatment)) })));
  return out;
}

export class Replayer {
  private readonly alone = new Map<string, RuleSet>();

  constructor(readonly model: Model) {}

  /** The rule set with only this guideline, consulted by the policy alone: what the guideline decides on its own. */
  private aloneRules(p: Placed, policy: CompiledPolicy): RuleSet {
    const key = `${p.key}@${policy.id}`;
    let r = this.alone.get(key);
    if (!r) {
      const rules = this.model.ruleSets[p.ruleSet]!;
      r = derived(rules, { guidelines: [p.g], policies: [{ ...policy, steps: [[p.g.id]] }] });
      this.alone.set(key, r);
    }
    return r;
  }

  /** The example of a finding, replayed; undefined when it has none. */
  async example(p: Pending): Promise<Example | undefined> {
    if (!p.example) return undefined;
    const { cell, policy, claim } = p.example;
    const solution = this.model.solver.witness(cell);
    if (!solution) return { case: {}, reproduced: false, problem: 'the region has no witness' };
    const c = caseOf(this.model.space, solution);
    c['jurisdiction'] = policy.jurisdiction;
    if (claim.kind === 'differs') return this.difference(claim, c);
    const ruleSet = claim.kind === 'governs' && claim.guideline ? claim.guideline.ruleSet : 'guideline' in claim && claim.guideline ? claim.guideline.ruleSet : 0;
    const rules = this.model.ruleSets[ruleSet]!;
    const issues = validateCase(c, rules);
    if (issues.length) return { case: c, reproduced: false, problem: invalid(issues) };
    const [fast, engine] = await decideBoth(coveringRules(rules, c), c);
    const out: Example = { case: c, determination: fast, reproduced: true };
    const fail = (problem: string): Example => ({ ...out, reproduced: false, problem });
    if (JSON.stringify(fast) !== JSON.stringify(engine)) return fail('the two evaluators decide it differently');
    const problem = await this.check(claim, fast, c, policy, out);
    return problem ? fail(problem) : out;
  }

  /** A difference: the case decided by the rule set before and the one after, each by both evaluators. */
  private async difference(claim: Extract<Claim, { kind: 'differs' }>, c: Record<string, unknown>): Promise<Example> {
    const [before, after] = this.model.ruleSets as [RuleSet, RuleSet];
    const issues = [...validateCase(c, before), ...validateCase(c, after)];
    if (issues.length) return { case: c, reproduced: false, problem: invalid(issues) };
    const [b, b2] = await decideBoth(coveringRules(before, c), c);
    const [a, a2] = await decideBoth(coveringRules(after, c), c);
    const out: Example = { case: c, determination: a, other: { label: 'before', determination: b }, reproduced: true };
    const fail = (problem: string): Example => ({ ...out, reproduced: false, problem });
    if (JSON.stringify(a) !== JSON.stringify(a2) || JSON.stringify(b) !== JSON.stringify(b2)) return fail('the two evaluators decide it differently');
    switch (claim.what) {
      case 'decision':
        return b.decision === claim.before && a.decision === claim.after ? out : fail(`expected ${claim.before} before and ${claim.after} after, but got ${b.decision} and ${a.decision}`);
      case 'guideline':
        return (b.guideline?.id ?? null) === claim.before && (a.guideline?.id ?? null) === claim.after && a.decision === b.decision ? out : fail(`expected '${claim.before}' to govern before and '${claim.after}' after, with one decision`);
      case 'status': {
        const status = (d: Determination): string | undefined => d.criteria.find((x) => x.id === claim.criterion.id && x.policy === claim.criterion.policy)?.status;
        const ok = (got: string | undefined, want: Status | undefined): boolean => (want === undefined ? got === undefined : got !== undefined && statusWords[want].includes(got));
        return a.decision === b.decision && ok(status(b), claim.before) && ok(status(a), claim.after) ? out : fail(`expected criterion '${claim.criterion.id}' ${claim.before ?? 'absent'} before and ${claim.after ?? 'absent'} after with one decision, but got ${status(b) ?? 'absent'} and ${status(a) ?? 'absent'}`);
      }
      case 'certified':
        return a.decision === 'partially-medically-necessary' && b.decision === a.decision && a.certifiedVisits !== b.certifiedVisits ? out : fail(`expected different certified visits, but got ${b.certifiedVisits} and ${a.certifiedVisits}`);
    }
  }

  /** What is wrong with the determination for the claim, or undefined when it shows it. */
  private async check(claim: Claim, d: Determination, c: unknown, policy: CompiledPolicy, out: Example): Promise<string | undefined> {
    const got = d.guideline ? `'${d.guideline.id}' governs` : `no guideline governs (${d.decision})`;
    switch (claim.kind) {
      case 'governs': {
        if (claim.guideline === null) return d.decision === 'no-applicable-guideline' ? undefined : `expected no applicable guideline, but ${got}`;
        if (!governedBy(d, claim.guideline)) return `expected '${claim.guideline.g.id}' to govern, but ${got}`;
        const k = claim.criterion;
        if (!k) return undefined;
        const r = d.criteria.find((x) => x.id === k.id && x.policy === k.policy);
        return r && statusWords[k.status].includes(r.status) ? undefined : `expected criterion '${k.id}' ${statusWords[k.status][0]}, but it is ${r?.status ?? 'absent'}`;
      }
      case 'passed-over': {
        if (governedBy(d, claim.guideline)) return `expected another guideline than '${claim.guideline.g.id}' to govern, but it does`;
        if (claim.by && !governedBy(d, claim.by)) return `expected '${claim.by.g.id}' to govern, but ${got}`;
        const alone = await this.aloneSide(claim.guideline, policy, c, out);
        return alone && governedBy(alone, claim.guideline) ? undefined : `consulted alone, '${claim.guideline.g.id}' does not govern`;
      }
      case 'not-applying': {
        const alone = await this.aloneSide(claim.guideline, policy, c, out);
        return alone && !governedBy(alone, claim.guideline) ? undefined : `consulted alone, '${claim.guideline.g.id}' governs`;
      }
    }
  }

  /** What the guideline decides consulted alone, by both evaluators (undefined when they disagree). */
  private async aloneSide(p: Placed, policy: CompiledPolicy, c: unknown, out: Example): Promise<Determination | undefined> {
    const [fast, engine] = await decideBoth(this.aloneRules(p, policy), c);
    if (JSON.stringify(fast) !== JSON.stringify(engine)) return undefined;
    out.other = { label: `${p.g.id} consulted alone`, determination: fast };
    return fast;
  }
}
