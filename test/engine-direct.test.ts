// The rule set runs in an unmodified json-rules-engine Engine as docs/embedding.md tells an engineer
// to do it: the engine rules `engineRules` compiles, the facts `deriveFacts` computes, and one
// `success` handler that adds the facts each rule's event sets. No `evaluate`: the engine's events
// alone give the decision and every criterion's status, and they are the runtime's.
import { readFileSync } from 'node:fs';
import { Engine, type Event, type RuleProperties } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { engineRules, type RuleSet } from '../packages/language/src/index.ts';
import { assertCase, deriveFacts, evaluateFast } from '../packages/runtime/src/index.ts';
import { bundledRules, files, root } from './support/bundled.ts';

/** The documented way, whole: an engine built once, and one run per case. */
function documented(rules: RuleSet): (input: unknown) => Promise<{ decision: string; statuses: Record<string, string> }> {
  const engine = new Engine(engineRules(rules).rules as RuleProperties[], { allowUndefinedFacts: true });
  engine.on('success', (event: Event, almanac) => {
    const set = (event.params as { set?: { fact: string; value: unknown } }).set;
    if (set) almanac.addRuntimeFact(set.fact, set.value);
  });
  return async (input) => {
    const { events } = await engine.run(deriveFacts(rules, assertCase(input, rules)));
    const decision = events.find((e) => e.type === 'decision')?.params?.['decision'] ?? 'no-applicable-guideline';
    const statuses = Object.fromEntries(events.filter((e) => e.type === 'criterion').map((e) => [e.params!['criterion'], e.params!['status']]));
    return { decision: String(decision), statuses };
  };
}

describe('the engine rules in a plain json-rules-engine', { timeout: 120_000 }, () => {
  const rules = bundledRules();
  const run = documented(rules);
  const cases = files(`${root}/guidelines`, '.json').map((f) => ({ f, c: (JSON.parse(readFileSync(f, 'utf8')) as { case: unknown }).case }));

  it('decide every bundled case as evaluate does, with the same statuses', async () => {
    expect(cases.length).toBeGreaterThan(100);
    for (const { f, c } of cases) {
      const d = evaluateFast(rules, c);
      const engine = await run(c);
      expect(engine.decision, f).toBe(d.decision);
      // A criterion the engine leaves undecided is unknown (or waits for review) in a determination.
      const decided = Object.fromEntries(d.criteria.filter((x) => x.status !== 'unknown' && x.status !== 'needs-review').map((x) => [x.id, x.status]));
      expect(engine.statuses, f).toEqual(decided);
    }
  });

  it('use only json-rules-engine operators and no jsonpath', () => {
    const json = JSON.stringify(engineRules(rules));
    const operators = new Set([...json.matchAll(/"operator":"([a-zA-Z]+)"/g)].map((m) => m[1]));
    expect([...operators].every((o) => ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].includes(o!))).toBe(true);
    expect(json).not.toMatch(/"path"\s*:/);
  });
});
