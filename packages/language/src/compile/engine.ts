// The rule set as rules an unmodified json-rules-engine runs and decides right. json-rules-engine is
// two-valued, so every condition becomes two: "definitely true" and "definitely false", each over
// facts known to be there (unknown is neither). Comparisons read the low and high bounds of each
// side (a known value is both), computed by the runtime's `deriveFacts`.
//
// Rules run in four priority levels, each level's events setting facts the next reads (an event
// whose params carry `set: { fact, value }`: the engine's `success` handler adds that fact):
// 40 each guideline's applicability; 30 which guideline the policy's evidence order lets govern;
// 20 the criteria of the governing guideline and of the policy; 10 the decision.
import type { NestedCondition, RuleProperties } from 'json-rules-engine';
import type { CompiledCriterion, CompiledPolicy, RuleSet } from '../artifact.ts';
import type { Cond, Leaf } from '../ir.ts';

export interface EngineRules {
  rules: RuleProperties[];
}

/** How a guideline or policy is named in fact names: `g3`, `p0`. */
export function scopeName(kind: 'g' | 'p', index: number): string {
  return `${kind}${index}`;
}

/** The derived facts a leaf's conditions read: its sides' bounds, its value, whether it is known. */
export const leafFact = {
  lo: (scope: string, leaf: number, side: 'a' | 'b'): string => `${scope}.${leaf}.${side}.lo`,
  hi: (scope: string, leaf: number, side: 'a' | 'b'): string => `${scope}.${leaf}.${side}.hi`,
  known: (scope: string, leaf: number, side: 'a' | 'b' = 'a'): string => `${scope}.${leaf}.${side}.known`,
  value: (scope: string, leaf: number): string => `${scope}.${leaf}.value`,
  count: (scope: string, leaf: number): string => `${scope}.${leaf}.count`,
  /** A leaf only the runtime can answer (a condition on each item of a list, a code pattern): true, false, or absent. */
  answer: (scope: string, leaf: number): string => `${scope}.${leaf}.answer`,
} as const;

/** Facts every case gives the engine besides the leaves': its jurisdiction, review kind, the visits requested. */
export const caseFact = { jurisdiction: 'case.jurisdiction', review: 'case.review', requested: 'case.requestedVisits' } as const;
/** A criterion's certify amount, for utilization review: `<scope>.<criterion>.certify`. */
export const certifyFact = (scope: string, criterion: string): string => `${scope}.${criterion}.certify`;
/** Facts the rules set for the rules after them. */
export const stepFact = {
  applies: (scope: string): string => `${scope}.applies`,
  governs: (scope: string): string => `${scope}.governs`,
  status: (scope: string, criterion: string): string => `${scope}.${criterion}.status`,
} as const;

type C = NestedCondition;
const ALWAYS: C = { all: [] };
// json-rules-engine takes an empty `any` for true, as it does an empty `all`: false is written as not true.
const NEVER: C = { not: { all: [] } } as C;
const fact = (f: string, operator: string, value: unknown, priority?: number): C => (priority === undefined ? { fact: f, operator, value } : { fact: f, operator, value, priority }) as C;
const vs = (f: string): { fact: string } => ({ fact: f });
const any = (cs: C[]): C => (cs.length ? { any: cs } : NEVER);

/** A condition as "definitely true" and "definitely false". */
interface TwoWay {
  yes: C;
  no: C;
}

/** The id of the fact that names the guideline that governs (core vocabulary, `governing id`). */
export const GOVERNING_ID = 'governingId';

/**
 * Which guideline governs is what the rules at priority 30 decide: a test of it reads their answer,
 * for the guidelines of the order (`order`: their ids, by scope).
 */
function governingLeaf(l: Extract<Leaf, { is: unknown }>, order: ReadonlyMap<string, string>): TwoWay {
  const governs = (inList: boolean): C[] => [...order].filter(([, id]) => l.values.includes(id) === inList).map(([s]) => fact(stepFact.governs(s), 'equal', true));
  return { yes: any(governs(true)), no: any(governs(false)) };
}

function leaf(scope: string, l: Leaf, order?: ReadonlyMap<string, string>): TwoWay {
  const n = l.leaf;
  if (order && 'is' in l && 'fact' in l.is && l.is.fact === GOVERNING_ID) return governingLeaf(l, order);
  if ('cmp' in l || 'within' in l) {
    const aLo = leafFact.lo(scope, n, 'a'), aHi = leafFact.hi(scope, n, 'a'), bLo = leafFact.lo(scope, n, 'b'), bHi = leafFact.hi(scope, n, 'b');
    if ('within' in l) {
      return {
        yes: { all: [fact(aLo, 'greaterThanInclusive', 0), fact(aHi, 'lessThanInclusive', vs(bLo))] },
        no: { any: [fact(aHi, 'lessThan', 0), fact(aLo, 'greaterThan', vs(bHi))] },
      };
    }
    const bothKnown: C[] = [fact(leafFact.known(scope, n, 'a'), 'equal', true), fact(leafFact.known(scope, n, 'b'), 'equal', true)];
    const equal: C = { all: [...bothKnown, fact(aLo, 'equal', vs(bLo))] };
    const apart: C = { any: [{ all: [...bothKnown, fact(aLo, 'notEqual', vs(bLo))] }, fact(aHi, 'lessThan', vs(bLo)), fact(aLo, 'greaterThan', vs(bHi))] };
    switch (l.cmp) {
      case '<=': return { yes: fact(aHi, 'lessThanInclusive', vs(bLo)), no: fact(aLo, 'greaterThan', vs(bHi)) };
      case '<': return { yes: fact(aHi, 'lessThan', vs(bLo)), no: fact(aLo, 'greaterThanInclusive', vs(bHi)) };
      case '>=': return { yes: fact(aLo, 'greaterThanInclusive', vs(bHi)), no: fact(aHi, 'lessThan', vs(bLo)) };
      case '>': return { yes: fact(aLo, 'greaterThan', vs(bHi)), no: fact(aHi, 'lessThanInclusive', vs(bLo)) };
      case '=': return { yes: equal, no: apart };
      case '!=': return { yes: apart, no: equal };
    }
  }
  const known = fact(leafFact.known(scope, n), 'equal', true);
  if ('is' in l) return { yes: fact(leafFact.value(scope, n), 'in', l.values), no: { all: [known, fact(leafFact.value(scope, n), 'notIn', l.values)] } };
  if ('known' in l) return { yes: fact(leafFact.known(scope, n), 'equal', l.yes), no: fact(leafFact.known(scope, n), 'equal', !l.yes) };
  // Documented: true when known; never definitely false (what is not documented may yet be).
  if ('recorded' in l) return { yes: known, no: NEVER };
  if ('includes' in l) {
    const v = leafFact.value(scope, n);
    return { yes: any(l.values.map((x) => fact(v, 'contains', x))), no: { all: [known, ...l.values.map((x) => fact(v, 'doesNotContain', x))] } };
  }
  if ('empty' in l) return { yes: fact(leafFact.count(scope, n), 'equal', 0), no: fact(leafFact.count(scope, n), 'greaterThan', 0) };
  return { yes: fact(leafFact.answer(scope, n), 'equal', true), no: fact(leafFact.answer(scope, n), 'equal', false) };
}

/**
 * A condition tree as "definitely true" and "definitely false" (Kleene's rules, two-valued each).
 * `order`: for a policy's criteria, the ids of the guidelines it consults, by scope.
 */
export function twoWay(scope: string, c: Cond, order?: ReadonlyMap<string, string>): TwoWay {
  if ('all' in c) {
    const parts = c.all.map((x) => twoWay(scope, x, order));
    return { yes: { all: parts.map((p) => p.yes) }, no: any(parts.map((p) => p.no)) };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => twoWay(scope, x, order));
    return { yes: any(parts.map((p) => p.yes)), no: { all: parts.map((p) => p.no) } };
  }
  if ('not' in c) {
    const inner = twoWay(scope, c.not, order);
    return { yes: inner.no, no: inner.yes };
  }
  return leaf(scope, c, order);
}

/** At least `n` of the conditions: any choice of `n` of them, all together (a group's parts are few). */
function atLeast(n: number, cs: readonly C[]): C {
  if (n <= 0) return ALWAYS;
  if (n > cs.length) return NEVER;
  const out: C[] = [];
  const pick = (from: number, chosen: C[]): void => {
    if (chosen.length === n) return void out.push({ all: [...chosen] });
    for (let i = from; i <= cs.length - (n - chosen.length); i++) pick(i + 1, [...chosen, cs[i]!]);
  };
  pick(0, []);
  return any(out);
}

/** A criterion's requirement, met and not met (a group through its parts). */
function requirement(scope: string, c: CompiledCriterion, order?: ReadonlyMap<string, string>): TwoWay {
  if (c.group) {
    const parts = c.group.parts.map((p) => twoWay(scope, p.require, order));
    const total = parts.length;
    const need = c.group.need === 'any' ? 1 : c.group.need === 'all' ? total : c.group.need;
    return { yes: atLeast(need, parts.map((p) => p.yes)), no: atLeast(total - need + 1, parts.map((p) => p.no)) };
  }
  return c.require ? twoWay(scope, c.require, order) : { yes: NEVER, no: NEVER };
}

/** Whether a guideline id matches a policy pattern (as the runtime matches it). */
function matches(pattern: string, id: string): boolean {
  return pattern.endsWith('.*') ? id.startsWith(pattern.slice(0, -1)) : pattern === id;
}

/** The guidelines a policy consults, in order (every edition of each), by index. */
export function policyGuidelines(rules: RuleSet, p: CompiledPolicy): number[] {
  const out: number[] = [];
  for (const pattern of p.steps.flat()) rules.guidelines.forEach((g, i) => { if (!out.includes(i) && matches(pattern, g.id)) out.push(i); });
  return out;
}

const set = (f: string, value: unknown): { set: { fact: string; value: unknown } } => ({ set: { fact: f, value } });

/** The json-rules-engine rules of a rule set. */
export function engineRules(rules: RuleSet): EngineRules {
  const out: RuleProperties[] = [];
  const rule = (name: string, priority: number, conditions: C[], type: string, params: Record<string, unknown>): void => {
    out.push({ name, priority, conditions: { all: conditions }, event: { type, params } } as RuleProperties);
  };
  /** The status rules of a scope's criteria, each guarded by a fact another rule sets. */
  const criteria = (scope: string, list: readonly CompiledCriterion[], guard: C, order?: ReadonlyMap<string, string>): void => {
    for (const c of list) {
      const when = c.when ? twoWay(scope, c.when, order) : { yes: ALWAYS, no: NEVER };
      const req = requirement(scope, c, order);
      const status = (st: string, conditions: C[]): void =>
        rule(`${scope}/${c.id}/${st}`, 20, [guard, ...conditions], 'criterion', { scope, criterion: c.id, status: st, ...set(stepFact.status(scope, c.id), st) });
      status('not-applicable', [when.no]);
      status('met', [req.yes, { not: when.no } as C]);
      // `needs clinical review unless met`: a requirement that fails leaves it to a physician, undecided here.
      if (!c.reviewNotMet) status('not-met', [when.yes, req.no]);
    }
  };

  rules.guidelines.forEach((g, gi) => {
    const s = scopeName('g', gi);
    const applies = twoWay(s, g.applies);
    rule(`${s}/applies`, 40, [applies.yes], 'applies', { scope: s, ...set(stepFact.applies(s), 'yes') });
    rule(`${s}/does-not-apply`, 40, [applies.no], 'applies', { scope: s, ...set(stepFact.applies(s), 'no') });
    criteria(s, g.criteria, fact(stepFact.governs(s), 'equal', true, 10));
  });

  const jurisdictions = new Set<string>();
  rules.policies.forEach((p, pi) => {
    // A second policy for a jurisdiction is never consulted (C321), by the engine either.
    const j = p.jurisdiction.toUpperCase();
    if (jurisdictions.has(j)) return;
    jurisdictions.add(j);
    const ps = scopeName('p', pi);
    const inJurisdiction = fact(caseFact.jurisdiction, 'equal', j, 10);
    const order = policyGuidelines(rules, p);
    const applies = (gi: number, answer: 'yes' | 'no'): C => fact(stepFact.applies(scopeName('g', gi)), 'equal', answer);
    const undecided = (gi: number): C => fact(stepFact.applies(scopeName('g', gi)), 'notIn', ['yes', 'no']);
    order.forEach((gi, k) => {
      const s = scopeName('g', gi);
      const earlier = order.slice(0, k);
      // Governs: it applies, and every guideline before it in the order does not.
      rule(`${p.id}:${s}/governs`, 30, [inJurisdiction, applies(gi, 'yes'), ...earlier.map((e) => applies(e, 'no'))], 'governs', { policy: p.id, scope: s, ...set(stepFact.governs(s), true) });
      // It applies, but whether one before it does is unknown: the information is insufficient.
      if (earlier.length) {
        rule(`${p.id}:${s}/blocked`, 30, [inJurisdiction, applies(gi, 'yes'), ...earlier.map((e) => ({ not: applies(e, 'yes') } as C)), any(earlier.map(undecided))], 'decision', { decision: 'insufficient-information', criteria: [] });
      }
    });
    // No guideline applies for certain, or none applies and some might.
    rule(`${p.id}:none`, 30, [inJurisdiction, ...order.map((gi) => applies(gi, 'no'))], 'decision', { decision: 'no-applicable-guideline', criteria: [] });
    if (order.length) rule(`${p.id}:undecided`, 30, [inJurisdiction, ...order.map((gi) => ({ not: applies(gi, 'yes') } as C)), any(order.map(undecided))], 'decision', { decision: 'insufficient-information', criteria: [] });
    // The policy's own criteria, under whichever guideline governs in its jurisdiction; a test of the
    // governing id reads which one that is.
    const ids = new Map(order.map((gi) => [scopeName('g', gi), rules.guidelines[gi]!.id]));
    criteria(ps, p.criteria, { all: [inJurisdiction, any(order.map((gi) => fact(stepFact.governs(scopeName('g', gi)), 'equal', true)))] } as C, ids);

    for (const gi of order) {
      const s = scopeName('g', gi);
      const g = rules.guidelines[gi]!;
      const all = [...g.criteria.map((c) => ({ scope: s, c })), ...p.criteria.map((c) => ({ scope: ps, c }))];
      const status = (x: { scope: string; c: CompiledCriterion }, op: string, value: unknown): C => fact(stepFact.status(x.scope, x.c.id), op, value);
      const decided = ['met', 'not-met', 'not-applicable'];
      const notMet = any(all.map((x) => status(x, 'equal', 'not-met')));
      const unknown = any(all.filter((x) => !x.c.review).map((x) => status(x, 'notIn', decided)));
      const review = any(all.filter((x) => x.c.review).map((x) => status(x, 'notIn', decided)));
      // Utilization review certifies part when every criterion not met has a certify amount of a visit or more.
      const capsHold: C = {
        all: [
          fact(caseFact.review, 'equal', 'utilization'),
          fact(caseFact.requested, 'greaterThanInclusive', 1),
          ...all.map((x) => (x.c.certify ? any([status(x, 'notEqual', 'not-met'), fact(certifyFact(x.scope, x.c.id), 'greaterThanInclusive', 1)]) : status(x, 'notEqual', 'not-met'))),
        ],
      };
      // A guideline two policies consult governs under one: the jurisdiction's, which alone decides.
      const governs = fact(stepFact.governs(s), 'equal', true, 10);
      // The criteria a determination lists, in its order: a status event of each scope decides it; none, unknown (or needs review).
      const listed = all.map((x) => ({ scope: x.scope, id: x.c.id, ...(x.c.review ? { review: true } : {}) }));
      const decide = (decision: string, ...when: C[]): void =>
        rule(`${p.id}:${s}/${decision}`, 10, [inJurisdiction, governs, ...when], 'decision', { decision, guideline: g.id, ...(g.edition ? { edition: g.edition } : {}), policy: p.id, criteria: listed });
      decide('partially-medically-necessary', notMet, { not: unknown } as C, { not: review } as C, capsHold);
      decide('not-medically-necessary', notMet, { not: { all: [{ not: unknown } as C, { not: review } as C, capsHold] } } as C);
      decide('insufficient-information', { not: notMet } as C, unknown);
      decide('needs-clinical-review', { not: notMet } as C, { not: unknown } as C, review);
      decide('medically-necessary', { not: notMet } as C, { not: unknown } as C, { not: review } as C);
    }
  });
  return { rules: out };
}
