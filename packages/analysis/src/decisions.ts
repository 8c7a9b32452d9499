// The decision a governing guideline (with its policy's criteria) reaches, as the runtime's rule
// (decide.ts) has it: any criterion not met denies, unless in utilization review every one not met
// caps the visits and the cap certifies some of those requested; otherwise any unknown leaves the
// information insufficient; otherwise a criterion a physician must judge sends it to review;
// otherwise the request is medically necessary. Each decision holds where each of a few regions
// does (a conjunction of unions of the criteria's status regions): asked of a search for cases
// (Logic.witnesses), never multiplied out, since a product over several criteria explodes.
import type { CompiledCriterion, CompiledPolicy, Cond, Value } from '@guideline/language';
import type { Determination } from '@guideline/runtime';
import type { Region } from './cell.ts';
import type { Model, Statuses } from './model.ts';
import type { Placed } from './space.ts';
import type { Scope } from './values.ts';

export type Decision = Determination['decision'];

export const decisions: readonly Decision[] = ['medically-necessary', 'partially-medically-necessary', 'not-medically-necessary', 'insufficient-information', 'needs-clinical-review'];

/** A criterion as a determination lists it: its id, and the policy when it is the policy's. */
export interface Decided {
  id: string;
  policy?: string;
  c: CompiledCriterion;
  statuses: Statuses;
  /** Met or not applicable: it stands in no decision's way. */
  ok: Region;
  /** Where its `certify` amount is known and at least 1 (a cap that certifies a visit or more); and where not. */
  capOk?: Region;
  capFails?: Region;
}

const leaf = -1;

/** What a governing guideline decides, region by region. */
export class Outcome {
  readonly criteria: Decided[];
  private readonly utilization: Region;
  private readonly notUtilization: Region;
  private readonly requested: Region;
  private readonly notRequested: Region;

  constructor(
    private readonly model: Model,
    readonly placed: Placed,
    policy: CompiledPolicy,
    /** Reads the certify values (the guideline's view of classes and tables). */
    readonly scope: Scope,
  ) {
    const L = model.logic;
    const conds = model.conditionsOf(`decision:${placed.key}`, placed);
    const decided = (c: CompiledCriterion, owner: string, policyId?: string): Decided => {
      const statuses = model.statuses(c, owner, placed);
      const d: Decided = { id: c.id, c, statuses, ok: L.union(statuses.met, statuses.notApplicable), ...(policyId ? { policy: policyId } : {}) };
      if (c.certify) {
        const cap = conds.cond(capHolds(c.certify));
        d.capOk = cap.t;
        d.capFails = L.union(cap.f, cap.u);
      }
      return d;
    };
    this.criteria = [
      ...placed.g.criteria.map((c) => decided(c, placed.key)),
      ...policy.criteria.map((c) => decided(c, `policy:${placed.ruleSet}:${policy.id}`, policy.id)),
    ];
    const review = conds.cond({ leaf, is: { fact: 'review' }, values: ['utilization'] });
    this.utilization = review.t;
    this.notUtilization = L.union(review.f, review.u);
    const requested = conds.cond({ all: [{ leaf, known: { fact: 'request.visits' }, yes: true }, { leaf, cmp: '>=', left: { fact: 'request.visits' }, right: { const: 1 } }] });
    this.requested = requested.t;
    this.notRequested = L.union(requested.f, requested.u);
  }

  /** The criteria whose failing a cap forgives (those with `certify`), by index. */
  get capped(): number[] {
    return this.criteria.flatMap((k, i) => (k.c.certify ? [i] : []));
  }

  /**
   * Where the decision is `d`: every region of the list at once. A physician's criterion left
   * unknown (or failing, under `unless met`) is in `unknown` too: `reviewed` tells them apart.
   */
  where(d: Decision): Region[] {
    const L = this.model.logic;
    const ks = this.criteria;
    const reviewed = (k: Decided): boolean => k.c.review === true;
    const okOr = (k: Decided, r: Region): Region => L.union(k.ok, r);
    switch (d) {
      case 'medically-necessary': return ks.map((k) => k.ok);
      case 'insufficient-information': return [...ks.map((k) => okOr(k, k.statuses.unknown)), L.union(...ks.filter((k) => !reviewed(k)).map((k) => k.statuses.unknown))];
      case 'needs-clinical-review': return [...ks.map((k) => (reviewed(k) ? okOr(k, k.statuses.unknown) : k.ok)), L.union(...ks.filter(reviewed).map((k) => k.statuses.unknown))];
      case 'partially-medically-necessary': return this.partial(new Set(this.capped), false);
      case 'not-medically-necessary': {
        // Something not met, and no part certified: not in utilization review, nothing requested,
        // something not met without a cap, something unknown, or a cap that certifies nothing.
        const fails = L.union(this.notUtilization, this.notRequested, ...ks.map((k) => (k.capOk ? L.meet(k.statuses.notMet, k.capFails!) : k.statuses.notMet)), ...ks.map((k) => k.statuses.unknown));
        return [L.union(...ks.map((k) => k.statuses.notMet)), fails];
      }
      case 'no-applicable-guideline': return [[]];
    }
  }

  /**
   * Where part is certified with the capped criteria of `notMet` (by index) not met, each with a cap of a
   * visit or more, and every other one met or not applicable (`exactly`); without `exactly`, any of them
   * may fail so, and one must.
   */
  partial(notMet: ReadonlySet<number>, exactly: boolean): Region[] {
    const L = this.model.logic;
    const failsCapped = (k: Decided): Region => L.meet(k.statuses.notMet, k.capOk!);
    const each = this.criteria.map((k, i) => (!notMet.has(i) ? k.ok : exactly ? failsCapped(k) : L.union(k.ok, failsCapped(k))));
    return [this.utilization, this.requested, ...each, ...(exactly ? [] : [L.union(...[...notMet].map((i) => this.criteria[i]!.statuses.notMet))])];
  }

  /** The values the certified visits are the least of, for a set of capped criteria not met: the requested visits, each cap rounded down. */
  certified(notMet: ReadonlySet<number>): Value[] {
    return [{ fact: 'request.visits' }, ...[...notMet].map((i): Value => ({ round: 'down', arg: this.criteria[i]!.c.certify! }))];
  }
}

/** A cap that certifies a visit or more: its value known and at least 1 (then so is its floor). */
function capHolds(v: Value): Cond {
  return { all: [{ leaf, known: v, yes: true }, { leaf, cmp: '>=', left: v, right: { const: 1 } }] };
}
