// @guideline/language/rules: the parser-free part of the language, what a runtime needs to read and
// run compiled rule sets: the artifact's types (tables among them), constants and JSON Schema, the IR,
// units, revisions, and the engine rules; and for tools around them, the diagnostics' messages, places
// in a source text, the closest of a list of names and the front end's limits. Nothing here reaches
// the lexer, parser or checker (or Chevrotain), so loading it sets none of them up.
export { ARTIFACT_FORMAT, ARTIFACT_VERSION, ARTIFACT_VERSIONS_READ, caseKey, criterionLeaves } from './artifact.ts';
export type {
  CompiledClass,
  CompiledCriterion,
  CompiledGuideline,
  CompiledPart,
  CompiledPolicy,
  CompiledTable,
  CompilerInfo,
  FactDef,
  FactType,
  KeyMatch,
  LeafInfo,
  RecordDef,
  RuleSet,
  SourceLocation,
  Template,
  Texts,
  UnitWords,
} from './artifact.ts';
export { isLeaf, leavesOf, type CompareOp, type Cond, type Leaf, type LeafBody, type Scalar, type TimeUnit, type Value } from './ir.ts';
export * from './units.ts';
export { canonicalJson, ruleSetRevision } from './revision.ts';
export { compilerName, compilerVersion } from './version.ts';
export { artifactSchema } from './schemas.generated.ts';
export { condReads, valueReads, type Reads } from './reads.ts';
export { engineRules, twoWay, scopeName, leafFact, caseFact, certifyFact, stepFact, policyGuidelines, type EngineRules } from './compile/engine.ts';
export { formatMessage, hasErrors } from './diagnostics.ts';
export { SourceFile } from './source.ts';
export { closest, misspeltKeyword } from './spelling.ts';
export { limits } from './limits.ts';
