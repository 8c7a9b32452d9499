// The derived facts json-rules-engine reads to run a rule set's engine rules (compile/engine.ts):
// for every leaf condition, the low and high bounds of each side (a known value is both; dates as
// day numbers), its value and whether it is known; for a leaf only the runtime can answer (each
// item of a list, a code pattern), its answer; and the case's jurisdiction, review kind and visits.
import { caseFact, certifyFact, leafFact, scopeName, type RuleSet } from '@guideline/language/rules';
import { CaseView } from './builtins.ts';
import { compiledOf, type Compiled } from './criteria.ts';
import { Run, type LeafCond } from './plan.ts';
import type { Case } from './types.ts';
import { dayNumber, Unknown, type Val } from './values.ts';
import { checkedRuleSet } from './load-rules.ts';

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * A value's low or high bound in a form the engine's operators compare: numbers, dates as day
 * numbers, and a text (or yes or no) marked so that no numeric operator takes it for a number ("5",
 * false): it has no order, and is only ever equal or not.
 */
function bound(v: Val, end: 'lo' | 'hi'): unknown {
  const x = v instanceof Unknown ? v[end] : v;
  if (x === undefined) return undefined;
  if (typeof x === 'boolean') return `yes-no:${x}`;
  if (typeof x !== 'string') return x;
  return isDate(x) ? dayNumber(x) : `text:${x}`;
}

function sides(facts: Record<string, unknown>, scope: string, n: number, a: Val, b: Val): void {
  for (const [side, v] of [['a', a], ['b', b]] as const) {
    // A list or a record compares with nothing: as if unknown, neither equal nor ordered.
    const list = typeof v === 'object' && !(v instanceof Unknown);
    facts[leafFact.lo(scope, n, side)] = list ? undefined : bound(v, 'lo');
    facts[leafFact.hi(scope, n, side)] = list ? undefined : bound(v, 'hi');
    facts[leafFact.known(scope, n, side)] = !(v instanceof Unknown) && !list;
  }
}

function leafFacts(facts: Record<string, unknown>, scope: string, compiled: Compiled, run: Run): void {
  const plan = compiled.plan;
  plan.leafConditions.forEach((l: LeafCond, n) => {
    if ('cmp' in l) return sides(facts, scope, n, plan.value(l.left)(run), plan.value(l.right)(run));
    if ('within' in l) return sides(facts, scope, n, plan.value(l.within)(run), plan.value(l.window)(run));
    const subject = 'is' in l ? l.is : 'known' in l ? l.known : 'recorded' in l ? l.recorded : 'includes' in l ? l.includes : 'empty' in l ? l.empty : undefined;
    if (subject) {
      const v = plan.value(subject)(run);
      const known = !(v instanceof Unknown);
      facts[leafFact.known(scope, n)] = known;
      facts[leafFact.value(scope, n)] = known ? v : undefined;
      facts[leafFact.count(scope, n)] = Array.isArray(v) ? v.length : undefined;
      return;
    }
    const answer = plan.condition(l)(run);
    facts[leafFact.answer(scope, n)] = answer === null ? undefined : answer;
  });
}

/**
 * The facts a rule set's engine rules read for a case (a validated one). Every guideline and policy
 * is worked out: this is the engine's way, not the fast one.
 */
export function deriveFacts(rules: RuleSet, c: Case): Record<string, unknown> {
  checkedRuleSet(rules);
  const facts: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const view = new CaseView(c, undefined);
  facts[caseFact.jurisdiction] = typeof c.jurisdiction === 'string' ? c.jurisdiction.toUpperCase() : undefined;
  facts[caseFact.review] = c.review ?? 'independent';
  facts[caseFact.requested] = view.visits();
  const scoped = (scope: string, g: RuleSet['guidelines'][number] | RuleSet['policies'][number], gView: CaseView): void => {
    const compiled = compiledOf(rules, g);
    const run = new Run(compiled.plan, c, gView, false);
    leafFacts(facts, scope, compiled, run);
    for (const k of compiled.criteria) {
      if (!k.certify) continue;
      const v = k.certify(run);
      facts[certifyFact(scope, k.meta.id)] = typeof v === 'number' ? v : undefined;
    }
  };
  rules.guidelines.forEach((g, i) => scoped(scopeName('g', i), g, new CaseView(c, g)));
  rules.policies.forEach((p, i) => scoped(scopeName('p', i), p, view));
  return facts;
}
