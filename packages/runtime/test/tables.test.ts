// Tables read for a case: the row the choice picks, three-valued when a key is unknown (the same
// value from every row that may apply is known; numbers are bounded; a table that may give no row
// gives unknown), what "Missing" names, and json-rules-engine deciding as the fast path does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { evaluateFast, type Determination } from '../src/index.ts';
import { agree, onEveryEngine } from '../../../test/support/engines.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

const guideline = (table: string, require: string, extra = ''): string => `
guideline t.tables
  title "Tables"
  source "Test", pages 1-2
  covers acupuncture
  uses physical-medicine

class myalgia "Myalgia and myositis" terms "myalgia"
class neuralgia "Neuralgia" terms "neuralgia"
class crps "CRPS" terms "crps"

${table}

criterion x "X"
  only when diagnosis is myalgia, neuralgia, crps or completed visits >= 0
  require ${require}
  otherwise "Limit {limit}."
${extra}
policy ca "CA"
  jurisdiction CA
  first t.*
`;

function rules(table: string, require = 'completed visits + requested visits <= limit', extra = ''): RuleSet {
  const r = compileProgram([{ text: guideline(table, require, extra), file: 't.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
}

type Case = Record<string, unknown>;
const base = (over: { diagnoses?: unknown; request?: Case; history?: Case } = {}): Case => ({
  jurisdiction: 'CA',
  asOf: '2015-06-01',
  diagnoses: over.diagnoses ?? [{ text: 'neuralgia' }, { text: 'myalgia' }],
  request: { treatment: 'acupuncture', visits: 4, bodyPart: 'lumbar spine', ...over.request },
  history: { visitsCompleted: 2, functionalImprovement: 'documented', ...over.history },
});

const byDiagnosis = (choose: string): string => `table course
  ${choose}
  | diagnosis || limit     |
  | crps      || 24 visits |
  | myalgia   || 10 visits |
  | neuralgia || 6 visits  |`;

/** The value the rationale shows for `{limit}` (placeholders show the table's value), and the status. */
const limit = (r: RuleSet, c: Case): [string, string] => {
  const d: Determination = evaluateFast(r, c);
  return [/Limit (.*)\./.exec(d.criteria[0]!.rationale)?.[1] ?? d.criteria[0]!.rationale, d.criteria[0]!.status];
};

describe('which row', () => {
  it('the first row that matches, in the table order', () => {
    expect(limit(rules(byDiagnosis('choose the first row that matches'), 'completed visits > 100'), base())).toEqual(['10', 'not-met']);
  });

  it('the row with the most, or the least, of a column', () => {
    expect(limit(rules(byDiagnosis('choose the row with the most limit'), 'completed visits > 100'), base())[0]).toBe('10');
    expect(limit(rules(byDiagnosis('choose the row with the least limit'), 'completed visits > 100'), base())[0]).toBe('6');
    expect(limit(rules(byDiagnosis('choose the row with the most limit'), 'completed visits > 100'), base({ diagnoses: [{ text: 'neuralgia' }, { text: 'crps' }] }))[0]).toBe('24');
  });

  it('the row of the first diagnosis listed, as a recommend block chooses', () => {
    expect(limit(rules(byDiagnosis('choose the row of the first diagnosis listed'), 'completed visits > 100'), base())[0]).toBe('6');
    expect(limit(rules(byDiagnosis('choose the row of the first diagnosis listed'), 'completed visits > 100'), base({ diagnoses: [{ text: 'myalgia' }, { text: 'neuralgia' }] }))[0]).toBe('10');
  });

  it('texts match without regard to case; numbers by ranges and comparisons', () => {
    const r = rules(`table course
  | body part | completed visits || limit |
  | "Lumbar Spine" | at most 3 || 5 |
  | "lumbar spine" | 4-6 || 7 |
  | any | more than 6 || 9 |`, 'completed visits > 100');
    expect([2, 5, 8].map((v) => limit(r, base({ history: { visitsCompleted: v } }))[0])).toEqual(['5', '7', '9']);
    // No row for the neck: the table gives no limit.
    expect(limit(r, base({ request: { bodyPart: 'neck' }, history: { visitsCompleted: 2 } }))[0]).toMatch(/^an unknown number/);
  });

  it('a column of plain numbers holds 0 or more, so a table that gives no row still bounds a sum from below', () => {
    const r = rules(`table course
  | body part || limit |
  | "lumbar spine" || 2 |`, 'completed visits + requested visits * limit <= 10');
    const at = (bodyPart: string, completed: number): string => limit(r, base({ request: { bodyPart }, history: { visitsCompleted: completed } }))[1];
    // No row for the neck: the factor is unknown but not negative, so 12 completed visits already exceed 10.
    expect([at('lumbar spine', 1), at('neck', 1), at('neck', 12)]).toEqual(['met', 'unknown', 'not-met']);
  });
});

describe('an unknown key', () => {
  const r = rules(`table course
  | body part | diagnosis || limit | weeks |
  | "lumbar spine" | myalgia || 6 visits | 4 weeks |
  | "neck" | myalgia || 8 visits | 4 weeks |
  | any | neuralgia || 10 visits | - |
  | any | myalgia || 8 visits | 4 weeks |`, 'completed visits + requested visits <= limit', `
criterion y "Y"
  require weeks <= 4
  otherwise "no"
`);
  const myalgia = [{ text: 'myalgia' }];

  it('leaves a column known when every row that may apply gives the same (and one surely does)', () => {
    const d = evaluateFast(r, base({ diagnoses: myalgia, request: { bodyPart: null } }));
    expect(d.criteria.find((c) => c.id === 'y')!.status).toBe('met');
  });

  it('bounds a number by the rows that may apply, and the bounds may decide', () => {
    const statusAt = (completed: number): string => evaluateFast(r, base({ diagnoses: myalgia, request: { bodyPart: null }, history: { visitsCompleted: completed } })).criteria[0]!.status;
    expect([statusAt(2), statusAt(3), statusAt(6)]).toEqual(['met', 'unknown', 'not-met']); // 6 or 8 allowed: 6 always fits, 7 may, 10 never
    const trace = evaluateFast(r, base({ diagnoses: myalgia, request: { bodyPart: null } })).criteria[0]!.trace.find((t) => t.condition.includes('limit'))!;
    expect(trace.says).toMatch(/limit is 6 to 8 visits, whichever row of table course applies/);
  });

  it('is unknown, naming the keys, when it may be that no row matches', () => {
    const d = evaluateFast(r, base({ diagnoses: [{ text: 'crps' }] }));
    expect([d.criteria[0]!.status, d.decision, d.missing]).toEqual(['unknown', 'insufficient-information', ['request.bodyPart', 'diagnoses']]);
  });

  it('names the unknown key in Missing', () => {
    const d = evaluateFast(r, base({ diagnoses: myalgia, request: { bodyPart: null }, history: { visitsCompleted: 3 } }));
    expect(d.missing).toEqual(['request.bodyPart']);
  });
});

describe('json-rules-engine decides as the fast path does', () => {
  const r = rules(`table course
  choose the row with the least limit
  | body region | diagnosis || limit | weeks |
  | "low back" or "neck" | myalgia or neuralgia || 6 visits | 4 weeks |
  | "knee" | any || 8 visits | 28 days |
  | any | crps || 12 visits | - |`, 'completed visits + requested visits <= limit and requested weeks <= weeks');
  const c = fc.record({
    diagnoses: fc.option(fc.array(fc.record({ text: fc.constantFrom('myalgia', 'neuralgia', 'crps', 'headache') }), { maxLength: 3 }), { nil: null }),
    request: fc.record({ bodyPart: fc.option(fc.constantFrom('lumbar spine', 'neck', 'knee', 'shoulder'), { nil: null }), visits: fc.integer({ min: 0, max: 12 }), weeks: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }) }),
    history: fc.record({ visitsCompleted: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }) }),
  });
  it('on random cases', async () => {
    await fc.assert(fc.asyncProperty(c, async (over) => {
      const x = base(over as never);
      expect(agree(await onEveryEngine(r, x)), JSON.stringify(x)).toBe(true);
    }), { ...seed(700), numRuns: runs(150) });
  });
});

describe('a table keyed by a CPT code', () => {
  const program = `vocabulary surgery-codes "S"
fact cpt code: code, from request.procedureCode
  "The CPT code of the requested procedure."
${guideline(`table course
  | cpt code       || limit     |
  | 29880 or 29881 || 12 visits |
  | 64479-64484    || 6 visits  |
  | 00100          || 2 visits  |
  | any            || 0 visits  |`, 'completed visits + requested visits <= limit').replace('uses physical-medicine', 'uses physical-medicine, surgery-codes')}`;
  const compiled = compileProgram([{ text: program, file: 't.guideline' }]);
  const r = compiled.rules!;
  const coded = (code: string): Case => base({ request: { procedureCode: code } });

  it('reads the row of the code written in digits: exact, in a range, with a leading zero, or none', async () => {
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // 2 visits completed and 4 requested: within 12 and 6, over 2 and 0 (the text shows the limit).
    for (const [code, shown] of [['29881', 'met'], ['64480', 'met'], ['00100', '2'], ['64485', '0'], ['99999', '0']] as const) {
      const [text, status] = limit(r, coded(code));
      expect(status === 'met' ? status : text, code).toBe(shown);
      expect(agree(await onEveryEngine(r, coded(code))), code).toBe(true);
    }
  });
});
