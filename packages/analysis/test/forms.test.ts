// Every form of condition the artifact has is read: tables split per row (a guideline's own and a
// vocabulary's), time up to the request date, 'is on file'; what is outside the exact class (an
// aggregate over a list, a product of two facts, a quantifier, the latest item of a list) is reported as not analyzed (A612)
// at the condition, never a crash and never a verdict. Expected findings are marked `<|…|>`.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../language/src/index.ts';
import { markers } from '../../language/test/support/markers.ts';
import { analyzeRules } from '../src/index.ts';

const head = `guideline a.b
  title "T"
  source "S", pages 1-2
  covers physical-therapy
  uses physical-medicine, opioids
`;
const policy = `
policy p "P"
  jurisdiction CA
  first a.b
`;
const course = `table course
  | completed visits || trial visits |
  | at most 2 || 4 |
  | more than 2 || 6 |
`;
/** A guideline (with `extra` declarations) whose one criterion requires `require`. */
const program = (require: string, extra = ''): string => `${head}${extra}\n<|criterion x|> "X"\n  require ${require}\n  otherwise "no"\n${policy}`;

async function findings(input: string): Promise<{ code: string; range: { start: number; end: number } }[]> {
  const { text, ranges } = markers(input);
  const r = compileProgram([{ text, file: 'g.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const report = await analyzeRules(r.rules!);
  expect(report.unreproduced).toBe(0);
  // The criterion's head is marked in every program: keep it only where a finding is about the criterion.
  const found = report.findings.map(({ code, range }) => ({ code, range }));
  return found.filter((f) => ranges.some((x) => x.start === f.range.start && x.end === f.range.end) || f.code !== 'A612');
}

const at = (input: string, n: number): { start: number; end: number } => markers(input).ranges[n]!;

describe('forms outside the method are not analyzed, at the condition', () => {
  it.each<[string]>([
    ['<|count of diagnoses <= 3|>'],
    ['<|pain with medication * pain without medication <= 20|>'],
    ['<|requested visits / completed visits <= 2|>'],
    ['<|any diagnoses where diagnosis code is M54.1*|>'],
    ['<|the latest medications by medication start date where daily dose <= 90|>'],
    ['completed visits <= 10 and not <|the earliest medications by medication start date where formulation is extended-release|>'],
    ['completed visits <= 10 and <|sum of morphine equivalents over medications <= 90 mg a day|>'],
  ])('%s', async (require) => {
    const input = program(require);
    expect(await findings(input)).toEqual([{ code: 'A612', range: at(input, 1) }]);
  });
});

describe('forms within the method get verdicts', () => {
  it.each<[string, string, string[]]>([
    ['a criterion made of what is on file never denies', 'pain with medication is on file', ['A606']],
    ['months up to the request date', 'months from opioid therapy start to request date >= 6', []],
    ['months up to the request date, both ways at once', 'months from opioid therapy start to request date >= 6 and months from opioid therapy start to request date < 6', ['A604']],
    ['a table no row of which allows it', 'completed visits + 10 <= trial visits', ['A604']],
    ['a table every row of which allows it', 'completed visits >= trial visits - 10', ['A606']],
    ['a table whose rows decide it', 'completed visits + 3 <= trial visits', []],
    // With 'any' second: 4 visits up to 2 completed, else 6; the most: 6 always.
    ['the first row, where rows overlap', 'completed visits + 5 <= trial visits', ['A604']],
    ['the row with the most, where rows overlap', 'completed visits + 5 <= trial visits', []],
  ])('%s', async (name, require, codes) => {
    const overlapping = course.replace('more than 2', 'any');
    const table = name.includes('most') ? overlapping.replace('table course', 'table course\n  choose the row with the most trial visits') : name.includes('overlap') ? overlapping : course;
    const input = program(require, table);
    expect((await findings(input)).map((f) => f.code)).toEqual(codes);
    for (const f of await findings(input)) expect(f.range).toEqual(at(input, 0));
  });

  it("a policy's criterion that reads which guideline governs", async () => {
    const text = `${head}\ncriterion x "X"\n  require completed visits <= 30\n  otherwise "no"\n${policy}  uses physical-medicine\n\ncriterion cap "Cap"\n  only when governing id is "z.other"\n  require completed visits <= 24\n  otherwise "no"\n`;
    const r = compileProgram([{ text, file: 'g.guideline' }]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = await analyzeRules(r.rules!);
    // Only a.b governs, so the 'only when' never holds.
    expect(report.findings.map((f) => f.code)).toEqual(['A605']);
    expect(report.unreproduced).toBe(0);
  });

  it("a vocabulary's table, keyed by a fact of a few values", async () => {
    const vocabulary = `vocabulary caps "Caps"
  uses physical-medicine
table cap
  | functional improvement || visit cap |
  | documented || 6 |
  | not-documented || 2 |
`;
    const guideline = program('completed visits + 3 <= visit cap').replace('uses physical-medicine, opioids', 'uses physical-medicine, caps');
    const { text } = markers(guideline);
    const r = compileProgram([{ text: vocabulary, file: 'v.guideline' }, { text, file: 'g.guideline' }]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = await analyzeRules(r.rules!);
    expect(report.findings.map((f) => f.code)).toEqual([]);
    // Never met with a cap of 2 at most: only when the improvement is not documented.
    const never = compileProgram([{ text: vocabulary.replace('| 6 |', '| 2 |'), file: 'v.guideline' }, { text, file: 'g.guideline' }]);
    expect((await analyzeRules(never.rules!)).findings.map((f) => f.code)).toEqual(['A604']);
  });
});
