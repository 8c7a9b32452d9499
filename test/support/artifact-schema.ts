// The artifact's JSON Schema, compiled with ajv, and the verdict of the schema and loadRuleSet on a
// document, asserting that they agree (test/artifact-schema.test.ts, test/compiled-rules.test.ts).
import Ajv from 'ajv';
import { expect } from 'vitest';
import { artifactSchema } from '../../packages/language/src/index.ts';
import { inspectRuleSet } from '../../packages/runtime/src/load-rules.ts';

type AjvCtor = new (o: object) => import('ajv').default;
const AjvClass = ((Ajv as unknown as { default?: AjvCtor }).default ?? Ajv) as unknown as AjvCtor;
// strictRequired off: `anyOf: [{ required: ['require'] }, ...]` names members defined beside it, as draft-07 allows.
export const schemaValid = new AjvClass({ strict: true, allowUnionTypes: true, strictRequired: false }).compile(artifactSchema);

export type Verdict = 'accepted' | 'shape' | 'meaning' | 'limits';

/** What both say of a document, asserting that they agree; `limits` when the loader stops at a limit the schema does not state. */
export function verdict(doc: unknown): Verdict {
  const found = inspectRuleSet(doc);
  if (found.limits.length) return 'limits';
  const valid = schemaValid(doc);
  expect(valid, `schema ${valid ? 'accepts' : 'refuses'}, the loader finds ${JSON.stringify(found.shape.slice(0, 3))}`).toBe(found.shape.length === 0);
  return found.shape.length ? 'shape' : found.meaning.length ? 'meaning' : 'accepted';
}
