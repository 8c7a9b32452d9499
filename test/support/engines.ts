// Runs one case through every evaluator (json-rules-engine, the direct evaluator, and its
// decision-only form) and says whether they agree: byte-equal full determinations, and the decision
// form equal to the full one without its rationale texts and traces.
import { evaluate, evaluateFast, type Determination } from '../../packages/runtime/src/index.ts';
import type { RuleSet } from '../../packages/language/src/index.ts';

/** A full determination as the decision-only form gives it: no rationale texts, no traces. */
export const decisionOnly = (d: Determination): unknown => ({
  ...d,
  rationale: '',
  criteria: d.criteria.map((x) => ({ ...x, rationale: '', trace: [], ...(x.parts ? { parts: x.parts.map((p) => ({ ...p, rationale: '' })) } : {}) })),
});

export interface EngineResults {
  slow: string;
  fast: string;
  lean: string;
  /** The full determination (json-rules-engine's), for asserting on. */
  determination: Determination;
}

/** One decision id for every evaluator (each makes a random one by default), so their determinations can be equal byte for byte. */
export const sameId = { decisionId: (): string => '00000000-0000-4000-8000-000000000000' };

/** The three evaluators' answers for one case, as JSON text, with `lean` stripped as `decisionOnly` strips. */
export async function onEveryEngine(rules: RuleSet, c: unknown): Promise<EngineResults> {
  const slow = await evaluate(rules, c, { engine: 'json-rules-engine', ...sameId });
  const fast = evaluateFast(rules, c, sameId);
  const lean = evaluateFast(rules, c, { detail: 'decision', ...sameId });
  return { slow: JSON.stringify(slow), fast: JSON.stringify(fast), lean: JSON.stringify(lean), determination: slow };
}

/** Whether the three agree (see the file's head). */
export function agree(r: EngineResults): boolean {
  return r.fast === r.slow && r.lean === JSON.stringify(decisionOnly(r.determination));
}
