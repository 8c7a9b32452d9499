// The entry points: one case (`evaluate`, `evaluateFast`) or many, lazily (`evaluateMany`). Each runs
// the one straight path of evaluate.ts; `evaluate` may run the conditions through json-rules-engine.
import type { RuleSet } from '@guideline/language/rules';
import { checkedOptions, determine, evaluateCase, type EvaluateOptions } from './evaluate.ts';
import { shownValue } from './fields.ts';
import { engineAnswers } from './engine.ts';
import { checkedRuleSet } from './load-rules.ts';
import { assertCase } from './validate.ts';
import type { Determination } from './types.ts';
import { CaseValidationError, type CaseIssue } from './validate.ts';

/** The determination of one case, synchronously. Throws CaseValidationError on a malformed case. */
export function evaluateFast(ruleSet: RuleSet, input: unknown, options: EvaluateOptions = {}): Determination {
  return evaluateCase(ruleSet, input, options);
}

export interface Options extends EvaluateOptions {
  /**
   * 'fast' (default): the runtime's evaluator. 'json-rules-engine': an unmodified json-rules-engine
   * runs the rule set's engine rules and decides; the determination is explained the same way.
   */
  engine?: 'fast' | 'json-rules-engine';
}

/** The determination of one case. Rejects with CaseValidationError (every bad field named) on a malformed case. */
export async function evaluate(ruleSet: RuleSet, input: unknown, given: Options = {}): Promise<Determination> {
  const options = checkedOptions(given);
  if (options.engine !== undefined && options.engine !== 'fast' && options.engine !== 'json-rules-engine') throw new TypeError(`options.engine is 'fast' or 'json-rules-engine', not ${shownValue(options.engine)}`);
  if (options.engine !== 'json-rules-engine') return evaluateCase(ruleSet, input, options);
  const c = assertCase(input, checkedRuleSet(ruleSet));
  return determine(ruleSet, c, options, await engineAnswers(ruleSet, c));
}

export type BatchResult = { index: number; determination: Determination } | { index: number; issues: CaseIssue[] };

/**
 * Evaluates many cases lazily, one result per case in input order; a malformed case yields its
 * issues and the batch goes on. Memory stays constant when the input is itself lazy.
 */
export function* evaluateMany(ruleSet: RuleSet, cases: Iterable<unknown>, options: EvaluateOptions = {}): Generator<BatchResult> {
  let index = 0;
  for (const input of cases) {
    try {
      yield { index, determination: evaluateCase(ruleSet, input, options) };
    } catch (e) {
      if (!(e instanceof CaseValidationError)) throw e;
      yield { index, issues: e.issues };
    }
    index++;
  }
}
