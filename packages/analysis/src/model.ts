// The analysis form of rule sets: each guideline's applicability and each criterion's statuses as
// regions, and each policy's evidence order, the region where each of its guidelines governs (it
// applies and none before it does or may), per treatment, since a guideline covers only its own.
import type { CompiledCriterion, CompiledPolicy, RuleSet } from '@guideline/language';
import { matchesPattern } from '@guideline/runtime';
import { meet, Solver, TOP, type Cell, type Region } from './cell.ts';
import { Conditions, SharedReadings } from './conditions.ts';
import { NotAnalyzed } from './linear.ts';
import { OverBudget } from './limits.ts';
import { always, Logic, maxCells, type Tri3 } from './logic.ts';
import { OTHER, Space, type Placed } from './space.ts';
import { finCell, Scope } from './values.ts';

/** A criterion's statuses as regions (needs review falls under unknown). */
export interface Statuses {
  notApplicable: Region;
  met: Region;
  notMet: Region;
  unknown: Region;
  /** Where its facts are known and it fails: not met, or sent to a physician under `needs clinical review unless met`. */
  fails: Region;
}

export type Status = Exclude<keyof Statuses, 'fails'>;

/** A guideline as a policy consults it: its place in the evidence order. */
export interface Consulted {
  placed: Placed;
  step: number;
}

/** One policy's analysis for one treatment: where each guideline governs, and where none applies. */
export interface Governing {
  /** The treatments (request.treatment values) it is for: those the same guidelines cover. */
  treatments: string[];
  /** By guideline key; absent for a guideline whose region could not be worked out. */
  governs: Map<string, Region>;
  /** Where no guideline of the policy applies (undefined when it could not be worked out). */
  none: Region | undefined;
  /** Where a guideline may apply but whether it does is unknown, and none before it applies (worked out when first read). */
  readonly undecided: Region | undefined;
  /** Why a part is missing: the guideline whose applicability is outside the method. */
  blocked?: { placed: Placed; error: NotAnalyzed };
}

export class Model {
  readonly space: Space;
  readonly solver: Solver;
  readonly logic: Logic;
  private readonly conditions = new Map<string, Conditions>();
  private readonly appliesMemo = new Map<string, Tri3 | NotAnalyzed>();

  constructor(readonly ruleSets: readonly RuleSet[]) {
    this.space = new Space(ruleSets);
    this.solver = new Solver(this.space);
    this.logic = new Logic(this.solver);
  }

  /**
   * The conditions of a guideline or policy as read with one guideline's classes and tables. A
   * policy's own conditions (`owner` starting `policy:`) read the rule set's tables only.
   */
  conditionsOf(owner: string, view: Placed | undefined): Conditions {
    const key = `${owner}@${view?.key ?? ''}`;
    let c = this.conditions.get(key);
    if (!c) {
      const own = owner.startsWith('policy:') ? undefined : view?.g;
      const ruleSet = view?.ruleSet ?? 0;
      const shared = this.shared(ruleSet);
      c = new Conditions(this.logic, new Scope(this.space, view, (id) => this.space.table(ruleSet, own, id), shared.facts), shared);
      this.conditions.set(key, c);
    }
    return c;
  }

  private shared(ruleSet: number): SharedReadings {
    let s = this.readings[ruleSet];
    if (!s) this.readings[ruleSet] = s = new SharedReadings(this.space.defs);
    return s;
  }

  private readonly readings: SharedReadings[] = [];

  /**
   * Where a guideline applies, does not, or may (NotAnalyzed when a condition is outside the method,
   * or reading them takes more than a part's budget of steps).
   */
  applies(p: Placed): Tri3 | NotAnalyzed {
    let out = this.appliesMemo.get(p.key);
    if (!out) {
      try {
        out = this.logic.part(() => this.conditionsOf(p.key, p).cond(p.g.applies));
      } catch (e) {
        if (!(e instanceof NotAnalyzed)) throw e;
        out = e;
      }
      this.appliesMemo.set(p.key, out);
    }
    return out;
  }

  /** A criterion's two halves, three-valued: its `only when`, and its requirement (or its parts' count). */
  private halves(c: CompiledCriterion, owner: string, view: Placed): { when: Tri3; met: Tri3 } {
    const conds = this.conditionsOf(owner, view);
    const when = c.when ? conds.cond(c.when) : always;
    let met: Tri3;
    if (c.group) {
      const parts = c.group.parts.map((p) => conds.cond(p.require));
      const need = c.group.need === 'any' ? 1 : c.group.need === 'all' ? parts.length : c.group.need;
      met = this.logic.atLeast(parts, need);
    } else met = c.require ? conds.cond(c.require) : { t: [], f: [], u: [TOP] };
    return { when, met };
  }

  /**
   * Where each status is, as alternatives each holding where all of a few regions do: what a check
   * asks of a search for one case (Logic.witnesses) without meeting the halves region by region.
   */
  statusTerms(c: CompiledCriterion, owner: string, view: Placed): Record<Status | 'fails', Region[][]> {
    const { when, met } = this.halves(c, owner, view);
    const L = this.logic;
    const fails = [[when.t, met.f]];
    const unknown = [[when.t, met.u], [when.u, L.union(met.f, met.u)]];
    const reviewed = c.review === true && c.reviewNotMet === true;
    return { notApplicable: [[when.f]], met: [[L.union(when.t, when.u), met.t]], notMet: reviewed ? [] : fails, unknown: reviewed ? [...unknown, ...fails] : unknown, fails };
  }

  /** A criterion's statuses, read with the view guideline's classes (its own, or the governing one for a policy's). */
  statuses(c: CompiledCriterion, owner: string, view: Placed): Statuses {
    const { when, met } = this.halves(c, owner, view);
    const L = this.logic;
    const maybe = L.union(when.t, when.u);
    const fails = L.meet(when.t, met.f);
    const unknown = L.union(L.meet(when.t, met.u), L.meet(when.u, L.union(met.f, met.u)));
    // Under `needs clinical review unless met`, a physician judges what fails too.
    const reviewed = c.review === true && c.reviewNotMet === true;
    return { notApplicable: when.f, met: L.meet(maybe, met.t), notMet: reviewed ? [] : fails, unknown: reviewed ? L.union(unknown, fails) : unknown, fails };
  }

  /** The guidelines a policy consults, in evidence order (each step's patterns in turn, every edition). */
  order(ruleSet: number, policy: CompiledPolicy): Consulted[] {
    let out = this.orderMemo.get(policy);
    if (!out) this.orderMemo.set(policy, (out = this.consulted(ruleSet, policy)));
    return out;
  }

  private readonly orderMemo = new Map<CompiledPolicy, Consulted[]>();

  private consulted(ruleSet: number, policy: CompiledPolicy): Consulted[] {
    const out: Consulted[] = [];
    const seen = new Set<string>();
    policy.steps.forEach((step, s) => {
      for (const pattern of step) {
        for (const p of this.space.guidelines) {
          if (p.ruleSet !== ruleSet || seen.has(p.key) || !matchesPattern(pattern, p.g.id)) continue;
          seen.add(p.key);
          out.push({ placed: p, step: s });
        }
      }
    });
    return out;
  }

  /** The policies that govern some jurisdiction (a later one for the same jurisdiction is never consulted). */
  policies(ruleSet: number): CompiledPolicy[] {
    const seen = new Set<string>();
    return this.ruleSets[ruleSet]!.policies.filter((p) => {
      const key = p.jurisdiction.toUpperCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** The cases of a policy's jurisdiction. */
  context(policy: CompiledPolicy): Cell {
    return finCell(this.space.finiteVar('jurisdiction')!, [policy.jurisdiction.toUpperCase()]);
  }

  /** The treatments a guideline's applicability can hold for: those it covers, or every one. */
  treatments(p: Placed): string[] {
    return p.g.covers.length ? p.g.covers : this.space.finiteVar('request.treatment')!.values;
  }

  /**
   * For each treatment, the region where each guideline of the policy governs, where none applies
   * and where the first that may apply is undecided: the evidence order walked with what remains.
   */
  governing(ruleSet: number, policy: CompiledPolicy): Governing[] {
    let out = this.governingMemo.get(policy);
    if (!out) this.governingMemo.set(policy, (out = this.walkPolicy(ruleSet, policy)));
    return out;
  }

  private readonly governingMemo = new Map<CompiledPolicy, Governing[]>();

  private walkPolicy(ruleSet: number, policy: CompiledPolicy): Governing[] {
    const order = this.order(ruleSet, policy);
    const treatmentVar = this.space.finiteVar('request.treatment')!;
    // Treatments the same guidelines cover are worked out together.
    const groups = new Map<string, { treatments: string[]; consulted: Placed[] }>();
    for (const t of treatmentVar.values) {
      const consulted = order.map((c) => c.placed).filter((p) => this.treatments(p).includes(t));
      if (t === OTHER && !consulted.length) continue;
      const key = consulted.map((p) => p.key).join(',');
      const g = groups.get(key);
      if (g) g.treatments.push(t);
      else groups.set(key, { treatments: [t], consulted });
    }
    return [...groups.values()].map(({ treatments, consulted }) => this.walk(meet(this.context(policy), finCell(treatmentVar, treatments)), treatments, consulted));
  }

  /**
   * The evidence order walked from `ctx`: each guideline governs where it applies and none before it
   * does or may. Where the first that may apply is undecided is worked out when asked (the diff asks;
   * the checks do not), from the requests left before each guideline; at once only where its cells
   * could pass the method's limit, so that a walk past it stops at the same guideline as ever.
   */
  private walk(ctx: Cell, treatments: string[], consulted: readonly Placed[]): Governing {
    const L = this.logic;
    let rest: Region = [ctx];
    let undecided: Region = [];
    // Each guideline's unknown region with the requests left before it, not yet met; and at most how many cells the union may reach.
    let pending: [Region, Region][] = [];
    let bound = 0;
    const settle = (): Region => {
      for (const [r, u] of pending) undecided = L.union(undecided, L.meet(r, u));
      pending = [];
      bound = undecided.length;
      return undecided;
    };
    let walked: Region | undefined;
    let done = false;
    const g: Governing = {
      treatments,
      governs: new Map(),
      none: undefined,
      get undecided(): Region | undefined {
        return done ? (walked ??= L.compact(settle())) : undefined;
      },
    };
    for (const placed of consulted) {
      const a = this.applies(placed);
      try {
        if (a instanceof NotAnalyzed) throw a;
        g.governs.set(placed.key, L.compact(L.meet(rest, a.t)));
        if (a.u.length) {
          pending.push([rest, a.u]);
          bound += rest.length * a.u.length;
          if (bound > maxCells) settle();
        }
        rest = L.compact(L.meet(rest, a.f));
      } catch (e) {
        if (!(e instanceof NotAnalyzed)) throw e;
        // The walk's own steps past the budget of the part it runs in are that part's to report, not this guideline's.
        if (e instanceof OverBudget && e !== a) throw e;
        g.blocked = { placed, error: e };
        return g;
      }
    }
    g.none = rest;
    done = true;
    return g;
  }

}
