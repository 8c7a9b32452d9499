// Public API of @guideline/runtime: evaluate cases against compiled rule sets, in Node or a browser.
export { evaluate, evaluateFast, evaluateMany, type BatchResult, type Options } from './api.ts';
export { engineOf, engineAnswers, type EngineAnswers } from './engine.ts';
export { deriveFacts } from './engine-facts.ts';
export { evaluateCase, type EvaluateOptions } from './evaluate.ts';
export { determinationJson } from './serialize.ts';
export { guidelinesInOrder, matchesPattern, type PolicyOrder } from './policy.ts';
export { matchesClass, bodyRegion, morphineEquivalents, builtinComputations } from './builtins.ts';
export { readRequestText, type RequestNumbers } from './request-text.ts';
export { compare, elapsed, Unknown } from './values.ts';
export { codeMatcher } from './codes.ts';
export { rowOrder } from './tables.ts';
export { validateCase, assertCase, fieldsOf, CaseValidationError, type CaseIssue } from './validate.ts';
export { checkFields, caseLimits, closestKey, type FieldNode } from './fields.ts';
export { caseSchema, determinationSchema, testCaseSchema } from './schemas.generated.ts';
export type { Case, Determination, Decision, CriterionResult, CriterionStatus, TraceEntry, PartResult } from './types.ts';
export { loadRuleSet, RuleSetError, ruleSetLimits, type RuleSetIssue } from './load-rules.ts';
export { compileSql, prepColumns, prepRow, prepValues, dialects, type CompiledSql, type Dialect, type PrepColumn, type Refusal } from './sql/index.ts';
