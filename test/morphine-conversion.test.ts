// Morphine equivalents from one table: the opioids vocabulary's `morphine-conversion`, read by its field
// `morphine equivalents` (daily dose times the table's factor) and, compiled by `pnpm gen`, by the
// built-in `morphine-equivalents`. Both give the same value for every medication, at the bands' edges.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedConversions } from '../scripts/gen-conversions.ts';
import { compileProgram, type RuleSet } from '../packages/language/src/index.ts';
import { evaluateFast, morphineEquivalents } from '../packages/runtime/src/index.ts';
import { root } from './support/bundled.ts';
import { agree, onEveryEngine } from './support/engines.ts';
import { runs, seed } from './support/fuzz.ts';

const ceiling = `guideline t.mme
  title "Morphine equivalents"
  source "Test", pages 1-2
  covers opioid-continuation
  uses opioids
criterion ceiling "At most 120 mg a day"
  require total morphine equivalents <= 120 mg a day
  otherwise "{total morphine equivalents} mg a day."
policy ca "CA"
  jurisdiction CA
  first t.*
`;

let compiled: RuleSet | undefined;
function rules(): RuleSet {
  if (compiled) return compiled;
  const r = compileProgram([{ file: 't.guideline', text: ceiling }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (compiled = r.rules!);
}

type Medication = Record<string, unknown>;
const caseOf = (medications: readonly Medication[]): Record<string, unknown> => ({
  jurisdiction: 'CA', asOf: '2015-05-20', request: { treatment: 'opioid-continuation' }, medications,
});

/** The vocabulary's sum of morphine equivalents for these medications, as the ceiling's trace shows it (null: unknown). */
function vocabularySum(medications: readonly Medication[]): { value: unknown; status: string } {
  const k = evaluateFast(rules(), caseOf(medications)).criteria.find((c) => c.id === 'ceiling')!;
  return { value: k.trace[0]!.value, status: k.status };
}

const med = (name: string, dailyDose: number | undefined, unit?: string, formulation?: string): Medication => ({
  name, ...(dailyDose === undefined ? {} : { dailyDose }), ...(unit ? { unit } : {}), ...(formulation ? { formulation } : {}),
});

describe('the conversion table', () => {
  it('is compiled into the runtime as the vocabulary states it now (run `pnpm gen` when this fails)', () => {
    expect(readFileSync(`${root}/packages/runtime/src/morphine-conversion.generated.ts`, 'utf8') === generatedConversions()).toBe(true);
  });

  it.each<[string, Medication, number | undefined]>([
    ['methadone at the top of the first band', med('methadone', 20, 'mg'), 80],
    ['methadone just past it', med('methadone', 20.5, 'mg'), 164],
    ['methadone in the second band', med('methadone', 21, 'mg'), 168],
    ['methadone at the top of the second band', med('methadone', 40, 'mg'), 320],
    ['methadone in the third band', med('methadone', 41, 'mg'), 410],
    ['methadone at the top of the third band', med('methadone', 60, 'mg'), 600],
    ['methadone in the last band', med('methadone', 61, 'mg'), 732],
    ['methadone in mcg/h', med('methadone', 10, 'mcg/h'), undefined],
    ['methadone without a unit', med('methadone', 10), undefined],
    ['a fentanyl patch by its unit', med('fentanyl', 50, 'mcg/h'), 120],
    ['a fentanyl patch by its formulation', med('fentanyl', 25, undefined, 'transdermal'), 60],
    ['fentanyl taken otherwise', med('fentanyl', 25, 'mg', 'immediate-release'), undefined],
    ['a drug named in another case', med('OxyCodone', 60, 'mg'), 90],
    ['tramadol', med('tramadol', 200, 'mg'), 20],
    ['a drug the table does not list', med('buprenorphine', 10, 'mg'), undefined],
    ['a drug with no daily dose', med('oxycodone', undefined, 'mg'), undefined],
  ])('%s: the field and the built-in agree', (_, m, mme) => {
    expect(morphineEquivalents(m)).toBe(mme);
    expect(vocabularySum([m]).value).toBe(mme ?? null);
  });

  it('adds the opioids together; an unknown one adds 0 or more, so what is known may already exceed', () => {
    expect(vocabularySum([med('oxycodone', 60, 'mg'), med('hydrocodone', 40, 'mg')])).toEqual({ value: 130, status: 'not-met' });
    expect(vocabularySum([med('buprenorphine', 10, 'mg'), med('oxycodone', 90, 'mg')]).status).toBe('not-met');
    expect(vocabularySum([med('buprenorphine', 10, 'mg'), med('oxycodone', 40, 'mg')]).status).toBe('unknown');
  });
});

describe('on random medications', () => {
  const medication = fc.record({
    name: fc.constantFrom('methadone', 'Methadone', 'fentanyl', 'oxycodone', 'hydromorphone', 'codeine', 'tapentadol', 'buprenorphine', 'constructor'),
    dailyDose: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(20, 20.5, 40, 40.5, 60, 60.5)),
    unit: fc.constantFrom('mg', 'mcg/h'),
    formulation: fc.constantFrom('immediate-release', 'extended-release', 'transdermal'),
  }, { requiredKeys: ['name'] });

  it('the field and the built-in give the same value', () => {
    fc.assert(fc.property(medication, (m) => {
      expect(vocabularySum([m]).value).toBe(morphineEquivalents(m) ?? null);
    }), { ...seed(2016), numRuns: runs(200) });
  });

  it('json-rules-engine decides the sum as the fast path does', async () => {
    await fc.assert(fc.asyncProperty(fc.array(medication, { maxLength: 3 }), async (ms) => {
      const x = caseOf(ms);
      expect(agree(await onEveryEngine(rules(), x)), JSON.stringify(x)).toBe(true);
    }), { ...seed(2022), numRuns: runs(60) });
  });
});
