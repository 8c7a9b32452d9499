// What an unknown criterion, or an unknown part of one, says by default when the guideline gives it no
// `when unknown` text: the facts it reads that the records leave out, and not those only another
// criterion reads (the determination's `missing` lists them all), on every evaluator alike.
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { evaluateFast, type Determination } from '../src/index.ts';
import { agree, onEveryEngine } from '../../../test/support/engines.ts';

const source = `
vocabulary blocks "Blocks"
fact fluoroscopy: yes or no, from request.fluoroscopy
fact prior blocks: number from 0 to 20, from history.priorBlocks
fact last relief: number of percent from 0 to 100, from history.lastRelief
fact relief weeks: number of weeks from 0 to 52, from history.reliefWeeks

guideline t.blocks
  title  "Blocks"
  source "Test", pages 1-2
  covers nerve-block
  uses   blocks

criterion guided "Under fluoroscopy"
  require fluoroscopy
  otherwise "Not under fluoroscopy."

criterion repeat "A repeat block after relief from the last"
  only when prior blocks > 0
  require all of the following
  otherwise "Too little relief from the last block."
  part relief "Half the pain relieved"
    require last relief >= 50 percent
  part lasting "For six weeks"
    require relief weeks >= 6 weeks

policy p "P"
  jurisdiction CA
  first t.*
`;

function rules(): RuleSet {
  const r = compileProgram([{ text: source, file: 'blocks.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.rules!;
}

type Case = Record<string, unknown>;
const base = (request: Case = {}, history: Case = {}): Case => ({
  jurisdiction: 'CA',
  asOf: '2015-06-01',
  request: { treatment: 'nerve-block', fluoroscopy: true, ...request },
  history: { priorBlocks: 1, lastRelief: 60, reliefWeeks: 8, ...history },
});
const criterion = (d: Determination, id: string) => d.criteria.find((c) => c.id === id)!;

describe('an unknown criterion names what it reads, not what another criterion reads', () => {
  const r = rules();
  it.each<[string, Case, string, string]>([
    ['another criterion unknown too', base({ fluoroscopy: null }, { lastRelief: null }), 'guided', 'Under fluoroscopy: cannot be determined, because the records do not document fluoroscopy (request.fluoroscopy).'],
    ['its only when and its require', base({ fluoroscopy: null }, { priorBlocks: null, lastRelief: null }), 'repeat', 'A repeat block after relief from the last: cannot be determined, because the records do not document prior blocks (history.priorBlocks) and last relief (history.lastRelief).'],
  ])('%s', (_, c, id, rationale) => {
    expect(criterion(evaluateFast(r, c), id).rationale).toBe(rationale);
  });

  it('a part names its own facts', () => {
    const d = evaluateFast(r, base({ fluoroscopy: null }, { lastRelief: null, reliefWeeks: null }));
    expect(criterion(d, 'repeat').parts?.map((p) => p.rationale)).toEqual([
      'Half the pain relieved: cannot be determined, because the records do not document last relief (history.lastRelief).',
      'For six weeks: cannot be determined, because the records do not document relief weeks (history.reliefWeeks).',
    ]);
  });

  it('the determination still lists every missing fact', () => {
    expect(evaluateFast(r, base({ fluoroscopy: null }, { lastRelief: null })).missing).toEqual(['request.fluoroscopy', 'history.lastRelief']);
  });

  it('a result kept for one case is not given to another whose other criteria miss other facts', () => {
    // The same read of `guided` (fluoroscopy unknown) beside different gaps elsewhere, three times each,
    // so that results are kept and reused.
    for (let i = 0; i < 3; i++) {
      for (const history of [{ lastRelief: null }, { reliefWeeks: null }, {}]) {
        expect(criterion(evaluateFast(r, base({ fluoroscopy: null }, history)), 'guided').rationale).toBe('Under fluoroscopy: cannot be determined, because the records do not document fluoroscopy (request.fluoroscopy).');
      }
    }
  });

  it.each<[string, Case]>([
    ['two unknown criteria', base({ fluoroscopy: null }, { lastRelief: null })],
    ['an unknown part', base({}, { reliefWeeks: null })],
    ['an unknown only when', base({}, { priorBlocks: null, lastRelief: 20 })],
  ])('json-rules-engine says the same: %s', async (_, c) => {
    expect(agree(await onEveryEngine(rules(), c))).toBe(true);
  });
});

describe('an unknown value in a placeholder reads as its unit does', () => {
  const guideline = (text: string): string => `
vocabulary doses "Doses"
fact relief: number of percent, from history.relief
fact dose: number of mg a day, from request.doseMg
fact patch: number of mcg, from request.patchMcg
fact frequency: number per week, from request.perWeek
fact hours: number of hours, from request.hours
fact blocks: number of visits, from history.blocks

guideline t.units
  title  "Units"
  source "Test", pages 1
  covers nerve-block
  uses   doses

criterion c "C"
  require relief > 0 and dose > 0 and patch > 0 and frequency > 0 and hours > 0 and blocks > 0
  when unknown "${text}"
  otherwise "no"

policy p "P"
  jurisdiction CA
  first t.*
`;
  it.each<[string, string]>([
    ['The last block relieved {relief} percent of the pain.', 'The last block relieved an unknown percentage of the pain.'],
    ['{relief} percent relief.', 'An unknown percentage relief.'],
    ['A dose of {dose} mg a day.', 'A dose of an unknown amount in mg a day.'],
    ['The {dose} mg a day requested.', 'An unknown amount in mg a day requested.'],
    ['A patch of {patch} mcg.', 'A patch of an unknown amount in mcg.'],
    ['Blocks {frequency} per week.', 'Blocks an unknown number per week.'],
    // Counts and spans of time read well as they are.
    ['For {hours} hours.', 'For an unknown number of hours.'],
    ['The {blocks} blocks already given.', 'An unknown number of blocks already given.'],
    ['The {blocks} visits.', 'An unknown number of visits.'],
    ['Blocks given: {blocks}.', 'Blocks given: an unknown number.'],
  ])('%j', (text, rationale) => {
    const program = compileProgram([{ file: 'units.guideline', text: guideline(text) }]);
    expect(program.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const d = evaluateFast(program.rules!, { jurisdiction: 'CA', asOf: '2015-06-01', request: { treatment: 'nerve-block' } });
    expect(criterion(d, 'c').rationale).toBe(rationale);
  });
});
