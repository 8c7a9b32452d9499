// Public API of @guideline/runtime: evaluate cases against compiled rule sets, in Node or a browser.
export { evaluate, runGuideline, engineFor, guidelinesInOrder, missingInputs } from './evaluate.ts';
export { evaluateFast, evaluateMany, runGuidelineFast, type BatchResult, type FastOptions } from './fast.ts';
export { runGuidelineLean } from './lean.ts';
export { installRuntime, operators, builtinOperators, calcFact } from './operators.ts';
export { caseFacts, matchesClass, type Facts } from './case-facts.ts';
export { readRequestText, type RequestNumbers } from './request-text.ts';
export { evaluateCalc, elapsed } from './calc.ts';
export { validateCase, assertCase, CaseValidationError, type CaseIssue } from './validate.ts';
export { default as caseSchema } from '../schema/case.schema.json' with { type: 'json' };
export { default as ruleSetSchema } from '../schema/rule-set.schema.json' with { type: 'json' };
export type { Case, Determination, Decision, CriterionResult, CriterionStatus, TraceEntry } from './types.ts';
export { loadRuleSet, RuleSetError, ruleSetLimits, type RuleSetIssue } from './load-rules.ts';
