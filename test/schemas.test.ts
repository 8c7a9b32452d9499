// The JSON Schemas the packages ship: each package's schema modules (src/schemas.generated.ts) hold
// exactly its schema files; every determination the runtime makes (every path, every detail) is one
// its schema accepts, and every guideline's test case is one the test-case schema accepts. (The
// artifact schema is held to the loader in artifact-schema.test.ts, the case schema to the case
// validator in case-check.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedSchemas, root, schemaFiles, schemaPackages } from '../scripts/gen-schemas.ts';
import { caseSchema, determinationSchema, evaluate, evaluateFast, testCaseSchema, validateCase } from '../packages/runtime/src/index.ts';
import { isCalendarDate } from '../packages/runtime/src/iso-date.ts';
import { bundledRules, files } from './support/bundled.ts';
import { caseArbitrary } from './support/case-arbitrary.ts';
import { runs, seed } from './support/fuzz.ts';

type AjvCtor = new (o: object) => import('ajv').default;
const AjvClass = ((Ajv as unknown as { default?: AjvCtor }).default ?? Ajv) as unknown as AjvCtor;
const ajv = new AjvClass({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addFormat('date', { type: 'string', validate: (s: string) => isCalendarDate(s) });
ajv.addSchema(caseSchema);
const determinationValid = ajv.compile(determinationSchema);
const testCaseValid = ajv.compile(testCaseSchema);

/** The schema's complaints about a value, in short. */
const complaints = (valid: typeof determinationValid, x: unknown): string[] => (valid(x) ? [] : (valid.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('schema modules (run `pnpm gen` when this fails)', () => {
  it.each(schemaPackages.filter((p) => schemaFiles(p).length))('%s/src/schemas.generated.ts is current', (pkg) => {
    expect(readFileSync(join(root, pkg, 'src/schemas.generated.ts'), 'utf8') === generatedSchemas(pkg)).toBe(true);
  });
});

const testCases = files(join(root, 'guidelines'), '.json').map((f) => [f.slice(root.length + 1), JSON.parse(readFileSync(f, 'utf8')) as { case: unknown }] as const);

describe('determination.schema.json', () => {
  const rules = bundledRules();

  it('accepts the determination of every bundled test case, on every path and in both details', async () => {
    // json-rules-engine's determinations are the fast path's byte for byte (differential.test.ts):
    // it decides only the first few here.
    for (const [i, [file, t]] of testCases.entries()) {
      const engine = i < 10 ? [await evaluate(rules, t.case, { engine: 'json-rules-engine' })] : [];
      for (const d of [evaluateFast(rules, t.case), evaluateFast(rules, t.case, { detail: 'decision' }), ...engine]) {
        expect(complaints(determinationValid, d), file).toEqual([]);
      }
    }
  });

  it('accepts the determination of random cases', () => {
    let decided = 0;
    fc.assert(
      fc.property(caseArbitrary(rules), (c) => {
        if (validateCase(c).length) return;
        decided++;
        expect(complaints(determinationValid, evaluateFast(rules, c))).toEqual([]);
      }),
      { ...seed(912), numRuns: runs(300) },
    );
    expect(decided).toBeGreaterThan(150);
  });

  it.each<[string, (d: Record<string, unknown>) => void]>([
    ['without a decision id', (d) => delete d['decisionId']],
    ['without a revision', (d) => delete d['revision']],
    ['with a revision that is not a digest', (d) => void (d['revision'] = 'v2')],
    ['with a decision of no kind', (d) => void (d['decision'] = 'approved')],
    ['with a member no determination has', (d) => void (d['score'] = 1)],
  ])('refuses a determination %s', (_, change) => {
    const d = structuredClone(evaluateFast(rules, testCases[0]![1].case)) as unknown as Record<string, unknown>;
    change(d);
    expect(determinationValid(d)).toBe(false);
  });
});

describe('test-case.schema.json', () => {
  it.each(testCases)('accepts %s', (_, t) => {
    expect(complaints(testCaseValid, t)).toEqual([]);
  });

  it.each<[string, (t: Record<string, unknown>) => void]>([
    ['without its case', (t) => delete t['case']],
    ['that expects nothing', (t) => void (t['expect'] = {})],
    ['expecting a status no criterion has', (t) => void ((t['expect'] as Record<string, unknown>)['criteria'] = { x: 'passed' })],
    ['expecting what a test case cannot', (t) => void ((t['expect'] as Record<string, unknown>)['rationale'] = 'x')],
    ['expecting part of a visit certified', (t) => void ((t['expect'] as Record<string, unknown>)['certifiedVisits'] = 2.5)],
    ['whose case has a field no vocabulary defines', (t) => void ((t['case'] as Record<string, unknown>)['extra'] = 1)],
  ])('refuses a test case %s', (_, change) => {
    const t = structuredClone(testCases[0]![1]) as unknown as Record<string, unknown>;
    change(t);
    expect(testCaseValid(t)).toBe(false);
  });
});
