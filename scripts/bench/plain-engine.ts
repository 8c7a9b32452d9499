// A hand-tuned plain json-rules-engine setup of the fixture guideline, as an engineer would write it
// without our compiler: flat precomputed facts (the sum included), a guard rule with priority, one
// rule per criterion, statuses read from the run's results.
import { Engine } from 'json-rules-engine';
import type { RuleSet } from '../../packages/language/src/index.ts';
import { assertCase, deriveFacts, engineOf, readRequestText, type Case } from '../../packages/runtime/src/index.ts';

const covered = ['physical-therapy', 'occupational-therapy', 'aquatic-therapy'];
const caps: [RegExp, string[], number][] = [
  [/(?:^|[^a-z0-9])(?:myalgia|myositis)s?(?![a-z0-9])/i, ['M791', 'M60'], 10],
  [/(?:^|[^a-z0-9])(?:neuralgia|neuritis|radiculitis|radiculopathy|radicular)s?(?![a-z0-9])/i, ['M792', 'M541'], 10],
  [/(?:^|[^a-z0-9])(?:reflex[\s.]+sympathetic[\s.]+dystrophy|complex[\s.]+regional[\s.]+pain[\s.]+syndrome|crps)s?(?![a-z0-9])/i, ['G905'], 24],
];

export function plainEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ name: 'applies', priority: 10, conditions: { all: [{ fact: 'treatment', operator: 'in', value: covered }, { fact: 'asOf', operator: 'greaterThanInclusive', value: 20090718 }, { fact: 'asOf', operator: 'lessThanInclusive', value: 20171231 }] }, event: { type: 'applies' } });
  engine.addRule({ name: 'visit-count', conditions: { all: [{ fact: 'total', operator: 'lessThanInclusive', value: { fact: 'recommended' } }] }, event: { type: 'met' } });
  engine.addRule({ name: 'frequency', conditions: { all: [{ fact: 'frequency', operator: 'lessThanInclusive', value: 3 }] }, event: { type: 'met' } });
  engine.addRule({ name: 'functional-improvement', conditions: { all: [{ fact: 'improvement', operator: 'equal', value: 'documented' }] }, event: { type: 'met' } });
  engine.addRule({ name: 'home-program', conditions: { all: [{ fact: 'homeProgram', operator: 'in', value: ['instructed', 'compliant', 'failed'] }] }, event: { type: 'met' } });
  return engine;
}

/** Facts precomputed by hand for the plain engine. */
export function plainFacts(c: Case): Record<string, unknown> {
  const r = c.request;
  const t = r.text ? readRequestText(r.text) : {};
  const freq = r.frequencyPerWeek ?? t.frequencyPerWeek;
  const weeks = r.weeks ?? t.weeks;
  const visits = r.visits ?? (freq != null && weeks != null ? freq * weeks : t.visits);
  let recommended: number | undefined;
  outer: for (const d of c.diagnoses ?? []) {
    const code = d.icd10?.toUpperCase().replace(/\./g, '');
    for (const [re, codes, max] of caps) {
      if ((d.text && re.test(d.text)) || (code && codes.some((p) => code.startsWith(p)))) {
        recommended = max;
        break outer;
      }
    }
  }
  const completed = c.history?.visitsCompleted ?? undefined;
  return {
    treatment: r.treatment,
    asOf: Number(c.asOf.replace(/-/g, '')),
    total: completed !== undefined && visits != null ? completed + visits : undefined,
    recommended,
    frequency: freq,
    completed,
    improvement: c.history?.functionalImprovement ?? undefined,
    homeProgram: c.history?.homeExerciseProgram ?? undefined,
  };
}

/** Runs the plain engine and reads which criteria passed (decision assembly left to the caller). */
export async function runPlain(engine: Engine, c: Case): Promise<string[]> {
  const { events } = await engine.run(plainFacts(c));
  return events.map((e) => e.type);
}

/**
 * Our compiled rules in a plain engine, run as an engineer embedding them would (docs/embedding.md):
 * the engine rules, the derived facts of the case, one run, the events read; no explanation.
 */
export function plainCompiled(rules: RuleSet): (c: Case) => Promise<string[]> {
  const engine = engineOf(rules);
  return async (c) => (await engine.run(deriveFacts(rules, assertCase(c, rules)))).events.map((e) => e.type);
}
