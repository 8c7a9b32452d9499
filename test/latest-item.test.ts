// `the latest <list> by <date> where ...` and `the earliest`, evaluated: a table of cases (the list
// left out, empty, ties, unknown dates, unknown fields), what a determination says and names as
// missing, an oracle that tries every way the unknowns could be filled in, and the evaluators held to
// each other on generated cases (the direct evaluator, json-rules-engine, and the SQL query).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../packages/language/src/index.ts';
import { compileSql, evaluateFast, validateCase, type Determination } from '../packages/runtime/src/index.ts';
import { agree, onEveryEngine } from './support/engines.ts';
import { runs, seed } from './support/fuzz.ts';

const text = `
vocabulary injections "Epidural steroid injections"

fact prior injections: list of injection, from history.priorInjections
  "The epidural injections already given; an empty list when there were none."

record injection "An epidural injection already given"
  field injection date: date, from date
    "The date of the injection."
  field relief weeks: number of weeks from 0 to 52, from reliefWeeks
    "How many weeks the injection relieved the pain."
  field pain relief: number of percent from 0 to 100, from painRelief
    "How much the injection relieved the pain."

guideline acme.epidural
  title  "Acme Epidural Steroid Injections"
  source "Acme Spine Guideline", 2020, pages 10-12
  covers epidural-injection
  uses   injections

criterion last "Six weeks of relief from the last injection"
  require the latest prior injections by injection date where relief weeks >= 6 weeks
  otherwise "The last injection relieved the pain for less than six weeks."

criterion earliest "Six weeks of relief from the first injection"
  require the earliest prior injections by injection date where relief weeks >= 6 weeks
  otherwise "The first injection relieved the pain for less than six weeks."

criterion both "Six weeks and half the pain from the last injection"
  require the latest prior injections by injection date where (relief weeks >= 6 weeks and pain relief >= 50 percent)
  otherwise "The last injection did not relieve half the pain for six weeks."

policy ca "California" jurisdiction CA first acme.*
`;

function rules(): RuleSet {
  const r = compileProgram([{ text, file: 'epidural.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
}

type Injection = { date?: string; reliefWeeks?: number; painRelief?: number };
const caseOf = (injections: Injection[] | undefined): unknown => ({
  jurisdiction: 'CA',
  asOf: '2024-06-01',
  request: { treatment: 'epidural-injection' },
  history: injections === undefined ? {} : { priorInjections: injections },
});
const statuses = (d: Determination): Record<string, string> => Object.fromEntries(d.criteria.map((c) => [c.id, c.status]));
const criterion = (d: Determination, id: string): Determination['criteria'][number] => d.criteria.find((c) => c.id === id)!;

const jan = '2024-01-10';
const mar = '2024-03-10';

describe('the latest and the earliest item', () => {
  const rs = rules();

  it.each<[string, Injection[] | undefined, { last: string; earliest: string; both: string }]>([
    ['the list left out: unknown', undefined, { last: 'unknown', earliest: 'unknown', both: 'unknown' }],
    ['an empty list: no item meets it', [], { last: 'not-met', earliest: 'not-met', both: 'not-met' }],
    ['one item, the latest and the earliest', [{ date: jan, reliefWeeks: 8, painRelief: 60 }], { last: 'met', earliest: 'met', both: 'met' }],
    ['the latest does not, the earliest does', [{ date: mar, reliefWeeks: 2 }, { date: jan, reliefWeeks: 8 }], { last: 'not-met', earliest: 'met', both: 'not-met' }],
    ['a tie at the latest date, both meet it', [{ date: mar, reliefWeeks: 8 }, { date: mar, reliefWeeks: 7 }, { date: jan, reliefWeeks: 1 }], { last: 'met', earliest: 'not-met', both: 'unknown' }],
    ['a tie at the latest date, neither meets it', [{ date: mar, reliefWeeks: 1 }, { date: mar, reliefWeeks: 2 }], { last: 'not-met', earliest: 'not-met', both: 'not-met' }],
    ['a tie at the latest date, one meets it', [{ date: mar, reliefWeeks: 8 }, { date: mar, reliefWeeks: 2 }], { last: 'unknown', earliest: 'unknown', both: 'unknown' }],
    ['an item of no date that answers as the latest does', [{ date: jan, reliefWeeks: 8 }, { reliefWeeks: 9 }], { last: 'met', earliest: 'met', both: 'unknown' }],
    ['an item of no date that could be the latest and answers otherwise', [{ date: jan, reliefWeeks: 8 }, { date: mar, reliefWeeks: 2 }, { reliefWeeks: 9 }], { last: 'unknown', earliest: 'met', both: 'unknown' }],
    ['every date unknown, every item the same', [{ reliefWeeks: 1 }, { reliefWeeks: 3 }], { last: 'not-met', earliest: 'not-met', both: 'not-met' }],
    ['an unknown field of the latest item', [{ date: jan, reliefWeeks: 8 }, { date: mar }], { last: 'unknown', earliest: 'met', both: 'unknown' }],
    ['an unknown field of an earlier item: not read', [{ date: jan }, { date: mar, reliefWeeks: 8, painRelief: 70 }], { last: 'met', earliest: 'unknown', both: 'met' }],
    // Kleene inside the condition: false and unknown is false.
    ['false and unknown, for the latest item', [{ date: mar, reliefWeeks: 2 }], { last: 'not-met', earliest: 'not-met', both: 'not-met' }],
    ['a date that is the same day however written is a tie', [{ date: '2024-03-10', reliefWeeks: 8 }, { date: '2024-03-10', reliefWeeks: 9, painRelief: 80 }], { last: 'met', earliest: 'met', both: 'unknown' }],
  ])('%s', (_, injections, expected) => {
    const c = caseOf(injections);
    expect(validateCase(c, rs)).toEqual([]);
    expect(statuses(evaluateFast(rs, c))).toEqual(expected);
  });

  it.each<[string, Injection[] | undefined, string[]]>([
    ['the list, when it is left out', undefined, ['history.priorInjections']],
    // For the latest item the date of the one that could be it; for 'both', its pain relief as well.
    ['the date of an item that could be the latest', [{ date: jan, reliefWeeks: 8 }, { date: mar, reliefWeeks: 2 }, { reliefWeeks: 9 }], ['history.priorInjections[2].date', 'history.priorInjections[2].painRelief']],
    ['the fields the condition reads of the latest item (and of the earliest), not of the others', [{ date: jan }, { date: mar }], ['history.priorInjections[1].reliefWeeks', 'history.priorInjections[0].reliefWeeks', 'history.priorInjections[1].painRelief']],
    // A tie of known answers that differ: no field settles 'last' and 'earliest'; the pain relief of the first could settle 'both' (false).
    ['only what could settle a tie', [{ date: mar, reliefWeeks: 8 }, { date: mar, reliefWeeks: 2 }], ['history.priorInjections[0].painRelief']],
  ])('names as missing %s', (_, injections, missing) => {
    const d = evaluateFast(rs, caseOf(injections));
    expect(d.missing).toEqual(missing);
  });

  it('says in the trace which item was the latest, and why it is not decided', () => {
    const met = criterion(evaluateFast(rs, caseOf([{ date: jan, reliefWeeks: 2 }, { date: mar, reliefWeeks: 8 }])), 'last');
    expect(met.trace.map((t) => t.says)).toEqual([`the latest prior injections by injection date where relief weeks >= 6 weeks: yes (the latest item is of ${mar})`]);
    const open = criterion(evaluateFast(rs, caseOf([{ date: mar, reliefWeeks: 8 }, { reliefWeeks: 2 }])), 'last');
    expect(open.trace.map((t) => t.says)).toEqual(['the latest prior injections by injection date where relief weeks >= 6 weeks: not decided (items that may be the latest answer differently)']);
    expect(open.rationale).toContain('injection date (history.priorInjections[1].date)');
    const tie = criterion(evaluateFast(rs, caseOf([{ date: mar, reliefWeeks: 8 }, { date: mar, reliefWeeks: 2 }])), 'last');
    expect(tie.trace.map((t) => t.says)).toEqual([`the latest prior injections by injection date where relief weeks >= 6 weeks: not decided (2 prior injections share the latest injection date, ${mar}, and the records do not say which is the latest)`]);
    const empty = criterion(evaluateFast(rs, caseOf([])), 'earliest');
    expect(empty.trace.map((t) => t.says)).toEqual(['the earliest prior injections by injection date where relief weeks >= 6 weeks: no (the list has no items)']);
  });

  // A tie names no field to ask for (the determination's `missing` stays the case's fields), so the text says why.
  it.each<[string, Injection[], string, string]>([
    ['a tie of two that answer differently', [{ date: mar, reliefWeeks: 8 }, { date: mar, reliefWeeks: 2 }, { date: jan, reliefWeeks: 9 }], 'last', `Six weeks of relief from the last injection: cannot be determined, because 2 prior injections share the latest injection date, ${mar}, and the records do not say which is the latest.`],
    ['a tie on the earliest date', [{ date: jan, reliefWeeks: 8 }, { date: jan, reliefWeeks: 2 }, { date: jan, reliefWeeks: 3 }, { date: mar, reliefWeeks: 9 }], 'earliest', `Six weeks of relief from the first injection: cannot be determined, because 3 prior injections share the earliest injection date, ${jan}, and the records do not say which is the earliest.`],
    ['a tie and a field left out', [{ date: mar, reliefWeeks: 8 }, { date: mar, reliefWeeks: 2 }], 'both', `Six weeks and half the pain from the last injection: cannot be determined, because the records do not document pain relief (history.priorInjections[0].painRelief).`],
    ['a tie beside an item of no date', [{ date: mar, reliefWeeks: 8 }, { date: mar, reliefWeeks: 2 }, { reliefWeeks: 2 }], 'last', `Six weeks of relief from the last injection: cannot be determined, because the records do not document injection date (history.priorInjections[2].date); 2 prior injections share the latest injection date, ${mar}, and the records do not say which is the latest.`],
  ])('says why it is unknown: %s', async (_, injections, id, rationale) => {
    const c = caseOf(injections);
    const results = await onEveryEngine(rs, c);
    expect(agree(results)).toBe(true);
    expect(criterion(results.determination, id).rationale).toBe(rationale);
  });

  it('keeps no tie text for a case that has no tie, though it reads the same values', () => {
    // Same list length, same latest date, same answer (unknown): one ties, one has an item of no date.
    for (let i = 0; i < 3; i++) {
      const tie = criterion(evaluateFast(rs, caseOf([{ date: mar, reliefWeeks: 8 }, { date: mar, reliefWeeks: 2 }])), 'last');
      const open = criterion(evaluateFast(rs, caseOf([{ date: mar, reliefWeeks: 8 }, { reliefWeeks: 2 }])), 'last');
      expect(tie.rationale).toContain('share the latest');
      expect(open.rationale).not.toContain('share the latest');
    }
  });
});

// ---- Generated cases ----------------------------------------------------------------------------

const dates = ['2024-01-10', '2024-02-10', '2024-03-10'];
const injection: fc.Arbitrary<Injection> = fc
  .record({ date: fc.option(fc.constantFrom(...dates), { nil: undefined }), reliefWeeks: fc.option(fc.constantFrom(2, 6, 9), { nil: undefined }), painRelief: fc.option(fc.constantFrom(40, 50, 80), { nil: undefined }) })
  .map((x) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as Injection);
const injections = fc.option(fc.array(injection, { maxLength: 4 }), { nil: undefined, freq: 8 });

/**
 * What a reviewer would answer, by trying every way to fill in the unknowns: each unknown date before
 * all the known ones, on one of them, or after them all; each unknown field one that meets the
 * condition or one that does not. In each filling, the latest items (all of them, on a tie) decide:
 * all meet it, true; none, false; else unknown. Over the fillings: true when every one is true,
 * false when every one is false, unknown otherwise.
 */
function oracle(list: Injection[] | undefined, latest: boolean, meets: (x: Injection) => boolean | null): string {
  if (list === undefined) return 'unknown';
  if (list.length === 0) return 'not-met';
  const known = [...new Set(list.flatMap((x) => (x.date ? [Date.parse(x.date)] : [])))];
  const slots = [...known, Math.min(...known, 0) - 1, Math.max(...known, 0) + 1];
  if (!known.length) slots.splice(0, slots.length, 0);
  const answers = new Set<string>();
  const fill = (i: number, days: number[], results: boolean[]): void => {
    if (i === list.length) {
      const best = latest ? Math.max(...days) : Math.min(...days);
      const tied = results.filter((_, k) => days[k] === best);
      answers.add(tied.every(Boolean) ? 'met' : tied.some(Boolean) ? 'unknown' : 'not-met');
      return;
    }
    const x = list[i]!;
    const m = meets(x);
    for (const d of x.date ? [Date.parse(x.date)] : slots) for (const r of m === null ? [true, false] : [m]) fill(i + 1, [...days, d], [...results, r]);
  };
  fill(0, [], []);
  return answers.size === 1 ? [...answers][0]! : 'unknown';
}

const atLeast = (v: number | undefined, n: number): boolean | null => (v === undefined ? null : v >= n);
const kleeneAnd = (a: boolean | null, b: boolean | null): boolean | null => (a === false || b === false ? false : a === null || b === null ? null : true);

describe('the latest and the earliest item, on generated cases', () => {
  const rs = rules();

  it('answers as every filling-in of the unknowns does (an oracle)', () => {
    fc.assert(
      fc.property(injections, (list) => {
        fc.pre(validateCase(caseOf(list), rs).length === 0); // an item with no field at all is refused
        const d = evaluateFast(rs, caseOf(list));
        expect(statuses(d)).toEqual({
          last: oracle(list, true, (x) => atLeast(x.reliefWeeks, 6)),
          earliest: oracle(list, false, (x) => atLeast(x.reliefWeeks, 6)),
          both: oracle(list, true, (x) => kleeneAnd(atLeast(x.reliefWeeks, 6), atLeast(x.painRelief, 50))),
        });
      }),
      { ...seed(41), numRuns: runs(400) },
    );
  });

  it('the direct evaluator and json-rules-engine give byte-equal determinations', async () => {
    await fc.assert(
      fc.asyncProperty(injections, async (list) => {
        fc.pre(validateCase(caseOf(list), rs).length === 0);
        expect(agree(await onEveryEngine(rs, caseOf(list)))).toBe(true);
      }),
      { ...seed(42), numRuns: runs(150) },
    );
  });

  it('compiles to SQL (the prep step works out the condition with the runtime)', () => {
    expect(compileSql(rs).refused).toEqual([]);
  });
});
