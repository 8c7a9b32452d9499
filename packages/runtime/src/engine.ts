// The json-rules-engine adapter: an unmodified json-rules-engine runs the rule set's engine rules
// (compiled from the same conditions) on the derived facts, and its events are the decision and
// every criterion's status. The determination is then explained in the guideline's words by the
// same explainer as the fast path.
import { Engine, type RuleProperties } from 'json-rules-engine';
import { engineRules, scopeName, type RuleSet } from '@guideline/language/rules';
import { deriveFacts } from './engine-facts.ts';
import type { Case, Decision } from './types.ts';

/** What the engine decided: the decision, the governing guideline, and each criterion's status by `<scope>/<criterion>`. */
export interface EngineAnswers {
  decision: Decision;
  guideline?: { id: string; edition?: string };
  statuses: Map<string, 'met' | 'not-met' | 'not-applicable'>;
}

const engines = new WeakMap<RuleSet, Engine>();

/** An unmodified json-rules-engine Engine holding a rule set's engine rules, built once per rule set. */
export function engineOf(rules: RuleSet): Engine {
  let engine = engines.get(rules);
  if (!engine) {
    engine = new Engine(engineRules(rules).rules as RuleProperties[], { allowUndefinedFacts: true });
    // What a rule found, the rules after it read: an event that says `set` adds that fact.
    engine.on('success', (event, almanac) => {
      const set = (event.params as { set?: { fact: string; value: unknown } } | undefined)?.set;
      if (set) almanac.addRuntimeFact(set.fact, set.value);
    });
    engines.set(rules, engine);
  }
  return engine;
}

/** Runs the engine on a (validated) case and reads its events. */
export async function engineAnswers(rules: RuleSet, c: Case): Promise<EngineAnswers> {
  const facts = deriveFacts(rules, c);
  const { events } = await engineOf(rules).run(facts);
  const answers: EngineAnswers = { decision: 'no-applicable-guideline', statuses: new Map() };
  for (const e of events) {
    const p = (e.params ?? {}) as Record<string, string>;
    if (e.type === 'decision') {
      answers.decision = p['decision'] as Decision;
      if (p['guideline']) answers.guideline = p['edition'] ? { id: p['guideline'], edition: p['edition'] } : { id: p['guideline'] };
    } else if (e.type === 'criterion') answers.statuses.set(`${p['scope']}/${p['criterion']}`, p['status'] as 'met');
  }
  return answers;
}

export { scopeName };
