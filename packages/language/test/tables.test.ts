// Tables in the checker and the compiler: keys resolved and their cells checked against the keys'
// types, one cell per key and column, columns of one kind and unit, the choice of row, and what a
// table compiles to. Diagnostics are marked with `<|…|>` in the input.
import { describe, expect, it } from 'vitest';
import { analyze, compileProgram } from '../src/pipeline.ts';
import { expectMarked } from './support/markers.ts';

const header = `guideline a.b
  title "T"
  source "S", pages 1-2
  covers physical-therapy
  uses physical-medicine
class myalgia "M" terms "myalgia"
class neuralgia "N" terms "neuralgia"
`;
/** A guideline with a table and a criterion that reads `read`. */
const withTable = (table: string, read = 'trial visits'): string => `${header}${table}\ncriterion x "X"\n  only when diagnosis is myalgia, neuralgia\n  require completed visits <= ${read}\n  otherwise "no"\n`;
const course = `table course "Visits by diagnosis"
  | diagnosis || trial visits | lowest total visits to total visits | total weeks |
  | myalgia   || 4 visits     | 8-12 visits                         | 6 weeks     |
  | neuralgia || 6            | 10                                  | 42 days     |`;

type Row = [input: string, codes: string[]];

const expectDiagnostics = expectMarked;

describe('a valid table has no diagnostics', () => {
  it.each<[string]>([
    [withTable(course)],
    [withTable(course, 'total visits - lowest total visits')],
    [withTable(`${course}\n  | any || 3 | 6 | 2 weeks |`.replace('table course "Visits by diagnosis"', 'table course\n  choose the row of the first diagnosis listed'))],
    [withTable(`table course
  choose the row with the most trial visits
  | body region | completed visits || trial visits |
  | "low back" or "neck" | at most 6 || 4 visits |
  | any | 7-10 || 6 visits |
  | "knee" | more than 10 || - |`)],
    [withTable(`table course
  | functional improvement || trial visits |
  | documented || 6 |
  | not-documented || 3 |`)],
  ])('%j', (input) => {
    expectDiagnostics(input, []);
  });

  it('in a vocabulary, keyed by the fields of a record, read inside a sum', () => {
    const vocabulary = `vocabulary pills "Pills"
fact pills: list of pill, from pills
record pill "A pill"
  field drug: text, from name
  field dose: number, from dose
  field strength: number, computed as dose * factor
table factors "Factors"
  for each pill
  | drug | dose || factor |
  | "aspirin" | at most 100 || 1 |
  | any | any || 2 |
`;
    const guideline = `${header.replace('uses physical-medicine', 'uses physical-medicine, pills')}criterion x "X"\n  only when diagnosis is myalgia, neuralgia\n  require sum of strength over pills <= 300\n  otherwise "no"\n`;
    const r = compileProgram([{ text: vocabulary, file: 'v.guideline' }, { text: guideline, file: 'g.guideline' }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.rules!.tables.map((t) => t.id)).toEqual(['pills.factors']);
  });
});

describe('C328 table-row-shape', () => {
  it.each<Row>([
    [withTable(`table course\n  | diagnosis || trial visits |\n  <|| myalgia || 4 | 5 ||>`), ['C328']],
    [withTable(`table course\n  | diagnosis || trial visits |\n  <|| myalgia | any || 4 ||>`), ['C328']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    const d = analyze(withTable(`table course\n  | diagnosis || trial visits |\n  | myalgia || 4 | 5 |`)).diagnostics[0];
    expect(d?.message).toBe("This row has 1 key cell and 2 column cells; the table's header has 1 key and 1 column");
  });
});

describe('C329 bad-table-key', () => {
  it.each<Row>([
    [withTable(`table course\n  | <|injury date|> || trial visits |\n  | any || 4 |`), ['C329']],
    [withTable(`table course\n  | diagnosis || trial visits |\n  | <|-|> || 4 |`), ['C329']],
    [withTable(`table course\n  | completed visits || trial visits |\n  | <|many|> || 4 |`), ['C329']],
    [withTable(`table course\n  | functional improvement || trial visits |\n  | <|8|> || 4 |`), ['C329']],
    [withTable(`table course\n  | diagnosis || trial visits |\n  | <|at most 3|> || 4 |`), ['C329']],
    [withTable(`table course\n  | <|busy|> || trial visits |\n  | yes || 4 |`).replace('table course', 'define busy: completed visits > 3\ntable course'), ['C329']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    const d = analyze(withTable(`table course\n  | injury date || trial visits |\n  | any || 4 |`)).diagnostics[0];
    expect(d?.message).toBe("A key is a value a cell can match (a value of a list, a text, a code, a number, yes or no, or a class), and 'injury date' is a date");
  });
});

describe('C330 bad-table-column', () => {
  it.each<Row>([
    [withTable(`table course\n  | diagnosis || trial visits |\n  | myalgia || <|3-4|> |`), ['C330']],
    [withTable(`table course\n  | diagnosis || <|trial visits|> |\n  | myalgia || 3 |\n  | neuralgia || many |`), ['C330']],
    [withTable(`table course\n  | diagnosis || trial visits |\n  | myalgia || <|any|> |`), ['C330']],
    [withTable(`table course\n  choose the row with the most <|weeks|>\n  | diagnosis || trial visits |\n  | myalgia || 3 |`), ['C330']],
    [withTable(`table course\n  choose the row of the first <|completed visits|> listed\n  | completed visits || trial visits |\n  | any || 3 |`), ['C330']],
    [withTable(`table course\n  for each <|medication|>\n  | diagnosis || trial visits |\n  | myalgia || 3 |`), ['C330']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    const d = analyze(withTable(`table course\n  | diagnosis || trial visits |\n  | myalgia || 3-4 |`)).diagnostics[0];
    expect(d?.message).toBe("3-4 is a range, and column 'trial visits' holds one number a row: name its low end too, as in '| ... || lowest trial visits to trial visits |'");
  });
});

describe('tables and the other checks', () => {
  it.each<Row>([
    // The key's words are a fact's; its cells are values of it, classes of the guideline, numbers in its unit.
    [withTable(`table course\n  | <|diagnoses group|> || trial visits |\n  | any || 4 |`), ['C301']],
    [withTable(`table course\n  | diagnosis || trial visits |\n  | <|myalga|> || 4 |`), ['C303']],
    [withTable(`table course\n  | functional improvement || trial visits |\n  | <|maybe|> || 4 |`), ['C306']],
    [withTable(`table course\n  | completed visits || trial visits |\n  | at most <|3 weeks|> || 4 |`), ['C304']],
    [withTable(`table course\n  | diagnosis || trial visits |\n  | myalgia || 4 visits |\n  | neuralgia || <|4 weeks|> |`), ['C304']],
    [withTable(`table course\n  | diagnosis || trial visits |\n  | myalgia || <|10-8|> |`.replace('trial visits |', 'low to trial visits |')), ['C309']],
    // A column's words are new: not a fact's, a define's or another column's.
    [withTable(`table course\n  | diagnosis || <|completed visits|> |\n  | myalgia || 4 |`, '3'), ['C302']],
    [withTable(`table course\n  | diagnosis || a |\n  | myalgia || 4 |\ntable <|course|>\n  | diagnosis || b |\n  | myalgia || 4 |`, '3'), ['C302']],
    [withTable(`table <|course|>\n  | diagnosis || trial visits |`), ['C307']],
    // A table read by its own keys.
    [withTable(`table course\n  | <|trial visits|> || trial visits |\n  | any || 4 |`), ['C325']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('a class named only in a table is used', () => {
    expect(analyze(withTable(course)).diagnostics.map((d) => d.code)).not.toContain('C313');
  });
});

describe('what a table compiles to', () => {
  const rules = (): NonNullable<ReturnType<typeof compileProgram>['rules']> => {
    const r = compileProgram([{ text: withTable(course.replace('table course "Visits by diagnosis"', 'table course "Visits by diagnosis"\n  choose the row with the least trial visits'), 'total visits'), file: 'g.guideline' }]);
    expect(r.diagnostics).toEqual([]);
    return r.rules!;
  };

  it('a column read is a lookup of the guideline table', () => {
    expect(rules().guidelines[0]!.criteria[0]!.require).toMatchObject({ cmp: '<=', right: { lookup: 'course', column: 'total visits' } });
  });

  it('the table: keys as values, a column of ranges as two columns, cells in the column unit', () => {
    const t = rules().guidelines[0]!.tables[0]!;
    expect({ ...t, rows: t.rows.map((r) => ({ when: r.when, cells: r.cells })), source: undefined }).toEqual({
      id: 'course',
      title: 'Visits by diagnosis',
      keys: [{ words: 'diagnosis', value: { fact: 'diagnoses.classes' } }],
      columns: [
        { id: 'trial visits', words: 'trial visits', type: { kind: 'number', unit: 'visits', min: 0 } },
        { id: 'lowest total visits', words: 'lowest total visits', type: { kind: 'number', unit: 'visits', min: 0 } },
        { id: 'total visits', words: 'total visits', type: { kind: 'number', unit: 'visits', min: 0 } },
        { id: 'total weeks', words: 'total weeks', type: { kind: 'number', unit: 'weeks', min: 0 } },
      ],
      choose: { least: 'trial visits' },
      rows: [
        { when: [[{ is: 'myalgia' }]], cells: [4, 8, 12, 6] },
        { when: [[{ is: 'neuralgia' }]], cells: [6, 10, 10, 6] },
      ],
      source: undefined,
    });
  });

  it('a recommend block is the table `recommend`, the row of the first diagnosis listed', () => {
    const r = compileProgram([{ text: `${header}recommend\n  myalgia: 9-10 visits over 8 weeks\n  neuralgia: 8 visits over 4 weeks\ncriterion x "X"\n  require completed visits <= recommended visits\n  otherwise "{diagnosis group}"\n`, file: 'g.guideline' }]);
    const t = r.rules!.guidelines[0]!.tables[0]!;
    expect([t.id, t.choose, t.rows[0]!.cells]).toEqual(['recommend', { listed: 0 }, [9, 10, 8, null, 'm']]);
  });
});

describe('a code key', () => {
  /** A guideline keyed by a CPT code of its own vocabulary, with the rows given. */
  const cpt = (rows: string): string => `vocabulary surgery-codes "S"
fact cpt code: code, from request.procedureCode
  "The CPT code of the requested procedure."
${header.replace('uses physical-medicine', 'uses physical-medicine, surgery-codes').replace(/class .*\n/g, '')}table course
  | cpt code || trial visits |
${rows}
criterion x "X"
  require completed visits <= trial visits
  otherwise "no"
`;

  it('takes CPT codes and ranges written in digits, a leading zero kept', () => {
    const r = compileProgram([{ text: cpt('  | 29880 or 29881 || 12 |\n  | 64479-64484 || 6 |\n  | 00100 || 2 |\n  | M54.1* || 4 |\n  | any || 0 |'), file: 't.guideline' }]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.rules!.guidelines[0]!.tables[0]!.rows.map((row) => row.when[0])).toEqual([
      [{ code: '29880' }, { code: '29881' }], [{ code: '64479-64484' }], [{ code: '00100' }], [{ code: 'M54.1*' }], [],
    ]);
  });

  it.each<Row>([
    // A number that is no CPT code: too short, or with a unit.
    [cpt('  | <|123|> || 2 |'), ['C306']],
    [cpt('  | <|29880 visits|> || 2 |'), ['C306']],
    [cpt('  | <|6447-64484|> || 2 |'), ['C306']],
    // A range that runs backwards holds no code: no case would ever be read by its row.
    [cpt('  | <|64484-64479|> || 2 |'), ['C309']],
    [cpt('  | 29880 or <|M54.18-M54.10|> || 2 |'), ['C309']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));
});
