// The decision a governing guideline (with its policy's criteria) reaches, as regions: the runtime's
// rule (decide.ts) walked over the criteria's status regions. Any criterion not met denies, unless
// in utilization review every one not met caps the visits and the cap certifies some of those
// requested; otherwise any unknown leaves the information insufficient; otherwise a criterion a
// physician must judge sends it to review; otherwise the request is medically necessary.
import type { CompiledCriterion, CompiledPolicy, Cond, Value } from '@guideline/language';
import type { Determination } from '@guideline/runtime';
import type { Region } from './cell.ts';
import { NotAnalyzed } from './linear.ts';
import type { Model, Statuses } from './model.ts';
import type { Placed } from './space.ts';
import type { Scope } from './values.ts';

export type Decision = Determination['decision'];

/** A criterion as a determination lists it: its id, and the policy when it is the policy's. */
export interface Decided {
  id: string;
  policy?: string;
  c: CompiledCriterion;
  statuses: Statuses;
}

export interface Outcome {
  placed: Placed;
  criteria: Decided[];
  decisions: Map<Decision, Region>;
  /** Where part is certified: the region, and the values the certified visits are the least of (floored). */
  partial: { region: Region; terms: Value[] }[];
  scope: Scope;
}

const leaf = -1;

/** The outcome of a guideline governing within `within`, under a policy (whose criteria it adds). */
export function outcomeOf(model: Model, p: Placed, policy: CompiledPolicy, within: Region): Outcome {
  const L = model.logic;
  const criteria: Decided[] = [
    ...p.g.criteria.map((c) => ({ id: c.id, c, statuses: model.statuses(c, p.key, p) })),
    ...policy.criteria.map((c) => ({ id: c.id, policy: policy.id, c, statuses: model.statuses(c, `policy:${p.ruleSet}:${policy.id}`, p) })),
  ];
  interface State { plain: boolean; capped: number[]; unknown: boolean; review: boolean; r: Region }
  let states = new Map<string, State>([['', { plain: false, capped: [], unknown: false, review: false, r: within }]]);
  criteria.forEach((k, i) => {
    const next = new Map<string, State>();
    const put = (s: Omit<State, 'r'>, r: Region): void => {
      if (!r.length) return;
      const key = `${+s.plain}|${s.capped.join(',')}|${+s.unknown}|${+s.review}`;
      const old = next.get(key);
      next.set(key, { ...s, r: old ? L.union(old.r, r) : r });
    };
    for (const s of states.values()) {
      put(s, L.meet(s.r, L.union(k.statuses.met, k.statuses.notApplicable)));
      const notMet = L.meet(s.r, k.statuses.notMet);
      put(k.c.certify ? { ...s, capped: [...s.capped, i] } : { ...s, plain: true }, notMet);
      put(k.c.review ? { ...s, review: true } : { ...s, unknown: true }, L.meet(s.r, k.statuses.unknown));
    }
    if (next.size > 256) throw new NotAnalyzed('its criteria combine into too many outcomes');
    states = next;
  });
  const scope = model.conditionsOf(`decision:${p.key}`, p);
  const decisions = new Map<Decision, Region>();
  const partial: Outcome['partial'] = [];
  const add = (d: Decision, r: Region): void => {
    if (r.length) decisions.set(d, L.union(decisions.get(d) ?? [], r));
  };
  for (const s of states.values()) {
    if (!s.plain && !s.capped.length) add(s.unknown ? 'insufficient-information' : s.review ? 'needs-clinical-review' : 'medically-necessary', s.r);
    else if (s.plain || s.unknown || s.review) add('not-medically-necessary', s.r);
    else {
      const certifies = s.capped.map((i) => criteria[i]!.c.certify!);
      const cond = scope.cond(partOf(certifies));
      const part = L.meet(s.r, cond.t);
      add('partially-medically-necessary', part);
      add('not-medically-necessary', L.meet(s.r, L.union(cond.f, cond.u)));
      if (part.length) partial.push({ region: part, terms: [{ fact: 'request.visits' }, ...certifies.map((v): Value => ({ round: 'down', arg: v }))] });
    }
  }
  return { placed: p, criteria, decisions, partial, scope: scope.scope };
}

/**
 * When part is certified (decide.ts): utilization review, the requested visits known and at least
 * 1, and each cap known and at least 1 (its floor is then, and so is the least of them).
 */
function partOf(certifies: readonly Value[]): Cond {
  return {
    all: [
      { leaf, is: { fact: 'review' }, values: ['utilization'] },
      { leaf, known: { fact: 'request.visits' }, yes: true },
      { leaf, cmp: '>=', left: { fact: 'request.visits' }, right: { const: 1 } },
      ...certifies.flatMap((v): Cond[] => [{ leaf, known: v, yes: true }, { leaf, cmp: '>=', left: v, right: { const: 1 } }]),
    ],
  };
}
