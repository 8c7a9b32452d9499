// Checker: one row per C3xx situation, the expected diagnostics marked with `<|…|>` in the input.
import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '../src/diagnostics.ts';
import { analyze, compileGuideline, compileProgram } from '../src/pipeline.ts';
import { expectMarked, markers } from './support/markers.ts';

const header = `guideline a.b
  title "T"
  source "S", pages 1-2
  covers physical-therapy
  uses physical-medicine
class myalgia "M" terms "myalgia"
procedure knee "K" terms "knee arthroplasty"
recommend
  myalgia: 9-10 visits over 8 weeks
  knee: 24 visits over 10 weeks within 4 months
`;
/** A file with one criterion whose clauses are `body`. */
const criterion = (body: string): string => `${header}criterion x "X"\n  ${body}\n`;
const requires = (condition: string): string => criterion(`require ${condition}\n  otherwise "no"`);
/** As `requires`, in a guideline that uses the imaging vocabulary too (a list of records, a yes-or-no fact). */
const imaging = (condition: string): string => requires(condition).replace('uses physical-medicine', 'uses physical-medicine, imaging');

type Row = [input: string, codes: string[]];

const expectDiagnostics = expectMarked;

describe('a valid file has no diagnostics', () => {
  it.each<[string]>([
    [requires('completed visits + requested visits <= recommended visits')],
    [requires('functional improvement is documented')],
    [requires('home exercise program is instructed, compliant or failed')],
    [requires('home exercise program is not none')],
    [requires('diagnosis is myalgia or surgery is knee')],
    [requires('surgery date is within treatment period')],
    [requires('injury date is more than 3 months ago')],
    [requires('injury date > 2013-01-01')],
    [requires('treatment is physical-therapy, chiropractic')],
    [requires('treatment = "physical-therapy"')],
    [requires('requested frequency <= 3 per week')],
    [requires('requested visits / 2 <= recommended visits')],
    [requires('requested weeks * 2 <= recommended weeks')],
    [requires('completed visits / recommended visits < 2')],
    // A count divided by a time is a rate in its unit: visits over weeks, per week.
    [requires('requested visits / requested weeks <= 3 per week')],
    [requires('requested visits / requested weeks <= recommended frequency')],
    [requires('patient age is at least 18 years')],
    [requires('review is utilization')],
    [criterion('require completed visits is known\n  certify at most recommended visits - completed visits\n  otherwise "no"')],
    [criterion('require completed visits is known\n  otherwise "{completed visits + requested visits} of {recommended visits}"')],
  ])('%j', (input) => {
    expectDiagnostics(input, []);
  });
});

describe('C301 unknown-fact', () => {
  it.each<Row>([
    [requires('<|completed vists|> > 0'), ['C301']],
    [requires('<|visits|> > 0'), ['C301']],
    [requires('completed visits > 0 or <|foo bar|> is known'), ['C301']],
    [criterion('require completed visits is known\n  otherwise "{<|complete visits|>}"'), ['C301']],
    // Facts of a standard vocabulary the guideline does not use.
    [requires('<|red flags|> is empty'), ['C301']],
    [requires('<|total morphine equivalents|> <= 120 mg a day'), ['C301']],
    // A record's field outside the `where` of its list.
    [imaging('<|study date|> > 2013-01-01'), ['C301']],
    [imaging('any prior lumbar imaging where modality is mri and <|post-operative|>'), ['C301']],
    [imaging('any prior lumbar imaging where (modality is mri and post-operative)'), []],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it("names the list a record's field belongs to, and the parentheses a where of several needs", () => {
    expect(analyze(imaging('study date > 2013-01-01')).diagnostics[0]?.message).toBe(
      "Unknown fact 'study date': it is a field of each item of 'prior lumbar imaging', read after 'where' or 'over' on that list, as in 'any prior lumbar imaging where study date ...'; after 'where', put a condition of several in parentheses",
    );
  });

  it('names the vocabulary that declares the fact when the guideline does not use it', () => {
    const d = analyze(requires('red flags is empty')).diagnostics[0];
    expect([d?.message, d?.data?.['vocabulary']]).toEqual(["Unknown fact 'red flags': the vocabulary 'imaging' declares it, and it is not in use here: add 'uses imaging'", 'imaging']);
  });

  it('suggests the closest fact', () => {
    const d = analyze(requires('completed vists > 0')).diagnostics[0];
    expect(d?.message).toBe("Unknown fact 'completed vists'. Did you mean 'completed visits'?");
  });

  it('gives no suggestion when nothing is close', () => {
    expect(analyze(requires('zzzz > 0')).diagnostics[0]?.message).toBe("Unknown fact 'zzzz': no vocabulary in use declares it (declare it with 'fact zzzz: ...' in a vocabulary the guideline uses)");
  });
});

describe('C302 duplicate-name', () => {
  it.each<Row>([
    [requires('completed visits > 0') + 'criterion <|x|> "again"\n  require completed visits > 1\n  otherwise "no"\n', ['C302']],
    [header + 'class <|myalgia|> "again" terms "x"\n', ['C302']],
    [header + '  <|myalgia|>: 1 visits over 1 weeks\n', ['C302']],
    ['guideline a.b title "A" source "S" covers pt\nguideline <|a.b|> title "B" source "S" covers pt\n', ['C302']],
    ['policy p "P" jurisdiction CA first a.b\npolicy <|p|> "Q" jurisdiction TX first a.b\n' + 'guideline a.b title "A" source "S" covers pt\n', ['C302']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(header + 'class myalgia "again" terms "x"\n').diagnostics[0]?.message).toBe("Duplicate class 'myalgia'");
  });

  it('finds each name given again in short lists and long ones alike', () => {
    for (const n of [3, 40]) {
      const criteria = Array.from({ length: n }, (_, i) => `criterion c${i === n - 1 ? 1 : i} "C"\n  require completed visits > 0\n  otherwise "no"\n`).join('');
      const ds = analyze(header + criteria).diagnostics.filter((d) => d.code === 'C302');
      expect(ds.map((d) => d.message)).toEqual(["Duplicate criterion 'c1'"]);
    }
  });
});

describe('C303 unknown-class', () => {
  it.each<Row>([
    [requires('diagnosis is <|neuralgia|>'), ['C303']],
    [requires('diagnosis is myalgia, <|crps|>'), ['C303']],
    // A procedure is not a diagnosis class, and the other way round.
    [requires('diagnosis is <|knee|>'), ['C303']],
    [requires('surgery is <|myalgia|>'), ['C303']],
    [header + '  <|crps|>: 24 visits over 16 weeks\n', ['C303']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(requires('diagnosis is crps')).diagnostics[0]?.message).toBe("Unknown class 'crps' in guideline 'a.b'");
  });
});

describe("P204 a fact's unit that is none", () => {
  it.each<Row>([
    ['vocabulary v "V"\nfact injection levels: number of <|levels|>, from request.levels\n  "L"\n', ['P204']],
    ['vocabulary v "V"\nfact injection dose: number of <|mgs a day|>, from request.dose\n  "D"\n', ['P204']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message: a misspelt unit, or a count of something else', () => {
    const message = (unit: string): string | undefined => analyze(`vocabulary v "V"\nfact injection levels: number of ${unit}, from request.levels\n  "L"\n`).diagnostics[0]?.message;
    const units = 'use visits, hours, days, weeks, months, years, mg, mcg or percent, or one of them per a unit of time (3 per week, 120 mg a day)';
    expect(message('levels')).toBe(`'levels' is not a unit: ${units}; a count of anything else is a plain 'number'; or, to count levels, declare the unit in a vocabulary: 'unit level, levels "..."'`);
    expect(message('weks')).toBe(`'weks' is not a unit: ${units}. Did you mean 'weeks'?`);
  });
});

describe('C336 unit-arithmetic', () => {
  it.each<Row>([
    [requires('<|completed visits * 2 weeks|> > 3'), ['C336']],
    [requires('<|recommended weeks / 2 visits|> > 3'), ['C336']],
    [requires('<|requested frequency / 2 weeks|> > 3'), ['C336']],
    [requires('<|requested frequency * requested weeks|> > 3'), ['C336']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(requires('recommended weeks / 2 visits > 3')).diagnostics[0]?.message).toBe(
      'Cannot divide weeks by visits: divide by a plain number, by weeks for a ratio, or a count or an amount by a time for a rate (tablets / days is tablets a day)',
    );
  });
});

describe('two facts of fixed values', () => {
  const drugs = (values: string): string => `vocabulary v "V"
fact requested drug: one of cyclobenzaprine, tizanidine, from request.drug
  "R"
fact last drug: one of ${values}, from history.lastDrug
  "L"
guideline a.b
  title "T"
  source "S", pages 1-2
  covers medication
  uses v
criterion x "X"
  require CONDITION
  otherwise "no"
`;
  it.each<Row>([
    [drugs('tizanidine, baclofen').replace('CONDITION', 'last drug = requested drug'), []],
    [drugs('tizanidine, baclofen').replace('CONDITION', 'last drug != requested drug'), []],
    [drugs('baclofen, carisoprodol').replace('CONDITION', '<|last drug = requested drug|>'), ['C304']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message: no value in common', () => {
    expect(analyze(drugs('baclofen').replace('CONDITION', 'last drug = requested drug')).diagnostics[0]?.message).toBe(
      'Cannot compare last drug (baclofen) with requested drug (cyclobenzaprine, tizanidine): the two have no value in common, so they are never equal',
    );
  });
});

describe('C304 unit-mismatch', () => {
  it.each<Row>([
    [requires('<|completed visits > 4 weeks|>'), ['C304']],
    [requires('<|completed visits <= recommended weeks|>'), ['C304']],
    [requires('<|completed visits + 2 weeks|> > 3'), ['C304']],
    [requires('<|injury date > 3|>'), ['C304']],
    [requires('<|treatment = 3|>'), ['C304']],
    [requires('<|functional improvement = home exercise program|>') , ['C304']],
    [requires('<|home exercise program = "none"|>'), ['C304']],
    [requires('injury date is within <|6 visits|>'), ['C304']],
    [requires('injury date is more than <|3|> ago'), ['C304']],
    [criterion('require completed visits is known\n  certify at most <|4 weeks|>\n  otherwise "no"'), ['C304']],
    [header + '  <|x|>: 9 <|weeks|> over 4 weeks\n', ['C303', 'C304']],
    [header.replace('9-10 visits over 8 weeks', '9-10 visits over 8 <|months|>'), ['C304']],
    [header.replace('within 4 months', 'within 4 <|weeks|>'), ['C304']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(requires('completed visits > 4 weeks')).diagnostics[0]?.message).toBe('Cannot compare visits with weeks');
  });

  it("says how to test a value of a fact that a text is compared with", () => {
    expect(analyze(requires('home exercise program != "none"')).diagnostics[0]?.message).toBe(
      "Cannot compare home exercise program (none, instructed, compliant, failed) with a text: test a value with 'is', as in 'home exercise program is not none'",
    );
  });
});

describe('C305 type-mismatch', () => {
  it.each<Row>([
    [requires('<|completed visits|>'), ['C305']],
    [requires('completed visits > 0 and <|requested visits|>'), ['C305']],
    [requires('not <|3|>'), ['C305']],
    [requires('<|completed visits|> is documented'), ['C305']],
    [requires('<|injury date|> + 3 > 1'), ['C305']],
    [requires('4 / <|completed visits|> > 1'), ['C305']],
    [requires('<|completed visits|> is more than 3 months ago'), ['C305']],
    [requires('days from injury date to <|completed visits|> <= 3 days'), ['C305']],
    [requires('days from <|completed visits|> to injury date <= 3 days'), ['C305']],
    [requires('days from injury date to request date <= 3 days'), []],
    // A fixed date is measured from as a date of the case is (the time since it, to the review date).
    [requires('2014-01-24 is more than 3 months ago'), []],
    [requires('(2014-01-24) is within 6 months'), []],
    [requires('(injury date) is within 6 months'), []],
    [criterion('require completed visits is known\n  otherwise "{<|completed visits > 0|>}"'), ['C305']],
    // A value of the fact written as if it were a fact: `=` for `is`.
    [requires('<|home exercise program = compliant|>'), ['C305']],
    [requires('<|home exercise program != none|>'), ['C305']],
    [imaging('<|radicular symptoms = yes|>'), ['C305']],
    [requires('home exercise program = <|sometimes|>'), ['C301']],
    // A count whose `where` an `and` cuts short.
    [imaging('<|count of prior lumbar imaging where modality is mri|> and prior lumbar surgery'), ['C305']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it("says to test a fact's value with 'is'", () => {
    expect(analyze(imaging('radicular symptoms = yes')).diagnostics[0]?.message).toBe(
      "'yes' is a value of radicular symptoms, not a fact: test a value with 'is', as in 'radicular symptoms is yes'",
    );
  });

  it("says a where takes one condition", () => {
    expect(analyze(imaging('count of prior lumbar imaging where modality is mri and prior lumbar surgery')).diagnostics[0]?.message).toBe(
      "This is a number, not a condition: 'where' takes one condition, up to the next 'and'; put a condition of several in parentheses, as in 'count of prior lumbar imaging where (... and ...)'",
    );
  });

  it('message', () => {
    expect(analyze(requires('completed visits')).diagnostics[0]?.message).toBe(
      "This is visits, not a condition: compare it, as in 'completed visits > 0' or 'functional improvement is documented'",
    );
  });
});

describe('C305 type-mismatch: a define restated by a guideline', () => {
  const trials = 'vocabulary trials "T"\n  uses physical-medicine\ndefine trial visits "The trial": 6 visits\ncriterion trial "Trial"\n  require completed visits + requested visits <= trial visits\n  otherwise "no"\n';
  const using = (define: string): string => header.replace('uses physical-medicine', 'uses trials') + define + 'use criterion trial\n';
  it.each<[string, string[]]>([
    [using('define trial visits: 4 visits\n'), []],
    [using('define trial visits: 4\n'), []],
    [using('define <|trial visits|>: 2 weeks\n'), ['C305']],
    [using('define <|trial visits|>: completed visits > 4\n'), ['C305']],
  ])('%j', (input, codes) => expectProgram({ 'v.guideline': trials, 'g.guideline': input }, codes));

  it('message', () => {
    const d = compileProgram([{ file: 'v.guideline', text: trials }, { file: 'g.guideline', text: using('define trial visits: 2 weeks\n') }]).diagnostics.find((x) => x.code === 'C305');
    expect(d?.message).toBe("'trial visits' restates the define of vocabulary trials, which is visits; this is weeks");
  });
});

describe('C306 unknown-value', () => {
  it.each<Row>([
    [requires('home exercise program is <|sometimes|>'), ['C306']],
    [requires('home exercise program is instructed, <|complaint|>'), ['C306']],
    [requires('functional improvement is <|yes|>'), ['C306']],
    [requires('review is not <|imr|>'), ['C306']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(requires('functional improvement is yes')).diagnostics[0]?.message).toBe(
      "'yes' is not a value of functional improvement: expected documented, not-documented",
    );
  });
});

describe('C307 missing-clause', () => {
  it.each<Row>([
    [criterion('otherwise "no"').replace('criterion x', 'criterion <|x|>'), ['C307']],
    [header.replace('  title "T"\n', '').replace('guideline a.b', 'guideline <|a.b|>'), ['C307']],
    [header.replace('  source "S", pages 1-2\n', '').replace('guideline a.b', 'guideline <|a.b|>'), ['C307']],
    [header.replace('  covers physical-therapy\n  uses physical-medicine\n', '').replace('guideline a.b', 'guideline <|a.b|>'), ['C307']],
    [header + 'class <|blank|> "E"\n', ['C307', 'C313']],
    [header + 'policy <|p|> "P"\n  first a.b\n', ['C307']],
  ])('%j', (input, codes) => {
    // C313 marks the same name as C307 for an empty class: give it the same range.
    const { text, ranges } = markers(input);
    const expected = codes.map((code) => ({ code, range: ranges[0] }));
    expect(analyze(text).diagnostics.map(({ code, range }) => ({ code, range }))).toEqual(expected);
  });

  it('a policy without steps consults no guideline (C322 on the guideline, C307 on the policy)', () => {
    expectDiagnostics(header.replace('guideline a.b', 'guideline <|a.b|>') + 'policy <|p|> "P"\n  jurisdiction CA\n', ['C322', 'C307']);
  });

  it('message', () => {
    expect(analyze(criterion('otherwise "no"')).diagnostics[0]?.message).toBe("Criterion 'x' needs a 'require' clause");
  });
});

describe('C308 duplicate-clause', () => {
  it.each<Row>([
    [criterion('require completed visits > 0\n  <|require|> completed visits > 1\n  otherwise "no"'), ['C308']],
    [criterion('require completed visits > 0\n  otherwise "no"\n  <|otherwise|> "again"'), ['C308']],
    [criterion('only when completed visits > 0\n  <|only|> when completed visits > 1\n  require completed visits > 0\n  otherwise "no"'), ['C308']],
    [header.replace('covers', '<|title|> "again"\n  covers'), ['C308']],
    [header.replace('covers', '<|source|> "again"\n  covers'), ['C308']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(header.replace('covers', 'title "again"\n  covers')).diagnostics[0]?.message).toBe("'title' is given more than once");
  });
});

describe('C309 bad-range', () => {
  it.each<Row>([
    [header.replace('9-10', '<|10-9|>'), ['C309']],
    [header.replace('over 8 weeks', 'over <|8-4|> weeks'), ['C309']],
    [header.replace('pages 1-2', 'pages 2-1').replace('source', '<|source').replace('2-1', '2-1|>'), ['C309']],
    [header.replace('covers', 'in force 2010-01-01 to <|2009-01-01|>\n  covers'), ['C309']],
    [header + '  <|often|>: up to 3 per week\n', ['C309']],
    [header + '  <|frequency: up to 1 per week, fading to 3|>\n', ['C309']],
    // A range of codes that holds no code, whichever kind: it would match nothing, silently.
    [requires('any diagnoses where diagnosis code is <|64484-64479|>'), ['C309']],
    [requires('any diagnoses where diagnosis code is M54.1*, <|M54.18-M54.10|>'), ['C309']],
    [requires('any diagnoses where diagnosis code is <|M55-M54.9|>'), ['C309']],
    [requires('any diagnoses where diagnosis code is 64479-64484, M54.1-M54.18, C00-D49, M54.10-M54.1'), []],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(header.replace('9-10', '10-9')).diagnostics[0]?.message).toBe('The range 10-9 runs backwards');
  });
});

describe('C310 no-recommendation', () => {
  const bare = 'guideline a.b\n  title "T"\n  source "S"\n  covers pt\n  uses physical-medicine\n';
  it.each<Row>([
    [bare + 'criterion x "X"\n  require <|recommended visits|> > 0\n  otherwise "no"\n', ['C310']],
    [bare + 'criterion x "X"\n  require completed visits > 0\n  otherwise "over {<|recommended weeks|>} weeks"\n', ['C310']],
    // Reported once, at the first use.
    [bare + 'criterion x "X"\n  require <|recommended visits|> > recommended minimum visits\n  otherwise "no"\n', ['C310']],
    // At the first use in a condition, before any in a rationale.
    [bare + 'criterion x "X"\n  require completed visits > 0\n  otherwise "over {recommended weeks} weeks"\ncriterion y "Y"\n  require <|recommended visits|> > 0\n  otherwise "no"\n', ['C310']],
    [bare + 'criterion x "X"\n  require completed visits > 0\n  otherwise "no"\n', []],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('is a warning', () => {
    const [d] = analyze(bare + 'criterion x "X"\n  require recommended visits > 0\n  otherwise "no"\n').diagnostics;
    expect([d?.severity, d?.message]).toEqual(['warning', "Guideline 'a.b' uses recommended values but has no recommend block"]);
  });
});

describe('C311 unknown-guideline-pattern', () => {
  it.each<Row>([
    [header + 'policy p "P"\n  jurisdiction CA\n  first <|odg.*|>\n  then a.*\n', ['C311']],
    [header + 'policy p "P"\n  jurisdiction CA\n  first a.*\n  then a.b, <|a.c|>\n', ['C311']],
    [header + 'policy p "P"\n  jurisdiction CA\n  first a.*\n', []],
    // A test of the governing guideline names one by its id.
    [header + 'policy p "P"\n  jurisdiction CA\n  first a.*\n  uses physical-medicine\ncriterion c "C"\n  only when governing id is "a.b", <|"a.c"|>\n  require completed visits < 24\n  otherwise "no"\n', ['C311']],
    [header + 'policy p "P"\n  jurisdiction CA\n  first a.*\n  uses physical-medicine\ncriterion c "C"\n  only when governing id is not "a.b"\n  require completed visits < 24\n  otherwise "no"\n', []],
  ])('%j', (input, codes) => expectDiagnostics(input, codes, (text) => compileGuideline(text)));

  it('sees guidelines of the other files of a program', async () => {
    const { compileProgram } = await import('../src/pipeline.ts');
    const r = compileProgram([
      { text: 'policy p "P"\n  jurisdiction CA\n  first a.*\n', file: 'p.guideline' },
      { text: header, file: 'a.guideline' },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('message', () => {
    expect(compileGuideline(header + 'policy p "P"\n  jurisdiction CA\n  first odg.*\n  then a.*\n').diagnostics[0]?.message).toBe("No guideline matches 'odg.*'");
  });
});

describe('C312 bad-placeholder', () => {
  const says = (rationale: string): string => criterion(`require completed visits > 0\n  otherwise ${rationale}`);
  it.each<Row>([
    [says('"a <|{}|> b"'), ['C312']],
    [says('"a <|{>}|> b"'), ['C312']],
    [says('"a <|{completed visits >=}|> b"'), ['C312']],
    [says('"a <|{completed visits|>"'), ['C312']],
    [says('"a <|{@}|>"'), ['C312']],
    [says('"{completed visits} and <|{}|> and {requested visits}"'), ['C312']],
    // A lexer warning in a placeholder is reported where it stands; the placeholder is still one.
    [says('"a {completed visits - <|12.0000000000000000001|>} b"'), ['L105']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(says('"a {>} b"')).diagnostics[0]?.message).toBe("Placeholder '{>}' is not an expression: write a fact or a sum, as in {completed visits}");
  });
});

describe('C313 unused-class', () => {
  it.each<Row>([
    [header + 'class <|crps|> "C" terms "crps"\n', ['C313']],
    [header + 'class crps "C" terms "crps"\n' + 'criterion x "X"\n  require diagnosis is crps\n  otherwise "no"\n', []],
    [header + 'procedure <|hip|> "H" terms "hip"\n', ['C313']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('is a warning', () => {
    const [d] = analyze(header + 'class crps "C" terms "crps"\n').diagnostics;
    expect([d?.severity, d?.message]).toEqual(['warning', "Class 'crps' is never used"]);
  });
});

describe('C314 bad-date', () => {
  it.each<Row>([
    [header.replace('covers', 'in force <|2009-02-30|>\n  covers'), ['C314']],
    [header.replace('covers', 'in force 2009-01-01 to <|2009-13-01|>\n  covers'), ['C314']],
    [header.replace('covers', 'in force 2008-02-29\n  covers'), []],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(header.replace('covers', 'in force 2009-02-30\n  covers')).diagnostics[0]?.message).toBe("'2009-02-30' is not a calendar date");
  });
});

/** A vocabulary file with its own facts, for checks across files. */
const vocab = (body: string): string => `vocabulary spine-studies "Imaging"\n${body}`;
/** Diagnostics of a program of files, each marked with `<|…|>` in its text. */
function expectProgram(files: Record<string, string>, codes: string[]): void {
  const sources = Object.entries(files).map(([file, input]) => ({ file, ...markers(input) }));
  const actual = compileProgram(sources.map((s) => ({ file: s.file, text: s.text }))).diagnostics.map((d) => `${d.code} ${d.file}@${d.range.start}-${d.range.end}`);
  const expected = sources.flatMap((s) => s.ranges.map((r) => ({ file: s.file, r }))).map(({ file, r }, i) => `${codes[i]} ${file}@${r.start}-${r.end}`);
  expect(actual.sort()).toEqual(expected.sort());
}
const imagingGuideline = (clauses: string): string => `guideline i.g\n  title "T"\n  source "S"\n  covers mri-lumbar\n${clauses}`;

describe('C315 unknown-vocabulary', () => {
  const using = (uses: string, condition: string): string => requires(condition).replace('uses physical-medicine', `uses ${uses}`);
  it.each<Row>([
    [header.replace('uses physical-medicine', 'uses physical-medicine, <|imagin|>'), ['C315']],
    ['vocabulary v "V"\n  uses <|nothing-here|>\n', ['C315']],
    // A near miss is read as the vocabulary it misses: its facts are not reported each on its own, others are.
    [using('<|physical-medicin|>', 'completed visits + requested visits <= recommended visits'), ['C315']],
    [using('<|physical-medicin|>', 'completed visits > 0 and <|foo bar|> is known'), ['C315', 'C301']],
    [using('physical-medicine, <|imagin|>', 'red flags is empty'), ['C315']],
    // With no near miss, the facts no vocabulary in use declares may be the unknown one's: counted into its report.
    [using('<|zzz-nothing|>', 'completed visits > 0 and foo bar is known'), ['C315']],
    [using('physical-medicine, <|zzz-nothing|>', 'completed visits > 0 and foo bar is known'), ['C315']],
    ['vocabulary v "V"\n  uses <|zzz-nothing|>\ndefine d "D":\n  foo bar + 1\n', ['C315']],
    ['policy p "P"\n  jurisdiction CA\n  uses <|zzz-nothing|>\n  first <|a.b|>\ncriterion c "C"\n  require foo bar > 1\n  otherwise "no"\n', ['C315', 'C311']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message: the near miss', () => {
    expect(analyze(header.replace('uses physical-medicine', 'uses physical-medicin')).diagnostics[0]?.message).toBe(
      "Unknown vocabulary 'physical-medicin'. Did you mean 'physical-medicine'? The facts used here are checked against 'physical-medicine' meanwhile",
    );
  });

  it('message: the vocabularies known, and the facts not reported one by one', () => {
    const known = 'core, imaging, opioids, physical-medicine, work-programs';
    const message = (condition: string): string | undefined => analyze(using('esii', condition)).diagnostics.find((d) => d.code === 'C315')?.message;
    expect(message('completed visits > 0')).toBe(`Unknown vocabulary 'esii': the vocabularies known here are ${known} (another file's are known when it is compiled with this one); a fact read here that no vocabulary in use declares ('completed visits') may be its, and is reported once it is known`);
    expect(message('a > 0 and b > 0 and c > 0 and d > 0 and e > 0 and f > 0')).toBe(`Unknown vocabulary 'esii': the vocabularies known here are ${known} (another file's are known when it is compiled with this one); 6 facts read here that no vocabulary in use declares ('a', 'b', 'c', 'd', 'e' and 1 more) may be its, and are reported once it is known`);
    expect(analyze(header.replace('uses physical-medicine', 'uses esii')).diagnostics.find((d) => d.code === 'C315')?.message).toBe(`Unknown vocabulary 'esii': the vocabularies known here are ${known} (another file's are known when it is compiled with this one)`);
  });

  it("a vocabulary of another file is suggested, and its facts are read when the guideline misspells it", () => {
    const { diagnostics } = compileProgram([
      { file: 'esi.guideline', text: 'vocabulary esi "E"\nfact injection levels: number, from request.levels\n  "L"\n' },
      { file: 'g.guideline', text: using('esii', 'injection levels <= 2') },
    ]);
    expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(["C315 Unknown vocabulary 'esii'. Did you mean 'esi'? The facts used here are checked against 'esi' meanwhile"]);
  });
});

describe('C316 ambiguous-fact', () => {
  it('reports words two used vocabularies give to different facts, where the second is named', () => {
    expectProgram(
      {
        'v.guideline': 'vocabulary mine "Mine"\nfact completed visits: number of visits, from history.visitsDone\n',
        'g.guideline': header.replace('uses physical-medicine', 'uses physical-medicine, <|mine|>'),
      },
      ['C316'],
    );
  });

  it('message', () => {
    const r = compileProgram([
      { file: 'v.guideline', text: 'vocabulary mine "Mine"\nfact completed visits: number of visits, from history.visitsDone\n' },
      { file: 'g.guideline', text: header.replace('uses physical-medicine', 'uses physical-medicine, mine') },
    ]);
    expect(r.diagnostics[0]?.message).toBe("'completed visits' is a fact of both vocabulary physical-medicine and vocabulary mine: a guideline can use only one of them");
  });
});

describe('C317 unknown-computation', () => {
  it.each<Row>([
    [vocab('fact visits asked: number of visits, computed by <|requested-visit|>\n'), ['C317']],
    [vocab('fact visits asked: number of visits, computed by <|nonsense|>\n'), ['C317']],
    [vocab('fact visits asked: number of visits, computed by <|constructor|>\n'), ['C317']], // no inherited member of a plain object
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(vocab('fact visits asked: number of visits, computed by requested-visit\n')).diagnostics[0]?.message).toBe("Unknown computation 'requested-visit'. Did you mean 'requested-visits'?");
  });
});

describe('C318 bad-fact', () => {
  it.each<Row>([
    [vocab('fact visits asked: <|text|>, computed by requested-visits\n'), ['C318']],
    [vocab('fact when seen: date, from <|history.lastSeen.|>\n'), ['P202', 'C318']],
    [vocab('fact mme: number of mg a day, computed by <|morphine-equivalents|>\n'), ['C318']],
    [vocab('fact d: class of <|knee|>, computed by diagnosis-classes\n'), ['C318']],
  ])('%j', (input, codes) => {
    if (codes.length > 1) return void expect(analyze(markers(input).text).diagnostics.some((d) => d.code === 'C318' || d.code.startsWith('P'))).toBe(true);
    expectDiagnostics(input, codes);
  });

  it('message', () => {
    expect(analyze(vocab('fact visits asked: text, computed by requested-visits\n')).diagnostics[0]?.message).toBe("'requested-visits' gives visits, not a text");
  });
});

describe('C319 unknown-record', () => {
  it.each<Row>([
    [vocab('fact studies: list of <|studdy|>, from history.studies\nrecord study "S"\n  field modality: one of mri, ct, from modality\n'), ['C319']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(vocab('fact studies: list of studdy, from history.studies\nrecord study "S"\n  field modality: one of mri, ct, from modality\n')).diagnostics[0]?.message).toBe("Unknown record 'studdy'. Did you mean 'study'?");
  });
});

describe('C320 unknown-criterion', () => {
  it.each<Row>([
    [header + 'use criterion <|home-progam|>\n', ['C320']],
    [header + 'policy p "P"\n  jurisdiction CA\n  first a.*\nuse criterion <|nothing|>\n', ['C320']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('finds a shared criterion in a used vocabulary, and checks it where it is used', () => {
    const shared = 'vocabulary rehab "Rehab"\n  uses physical-medicine\ncriterion program "A home program"\n  only when completed visits > 0\n  require home exercise program is compliant\n  otherwise "No program."\n';
    expectProgram({ 'v.guideline': shared, 'g.guideline': header.replace('uses physical-medicine', 'uses rehab') + 'use criterion program\n' }, []);
  });
});

describe('C321 hidden-policy', () => {
  it.each<Row>([
    [header + 'policy p "P"\n  jurisdiction CA\n  first a.*\npolicy <|q|> "Q"\n  jurisdiction CA\n  first a.*\n', ['C321']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('is a warning', () => {
    const d = analyze(header + 'policy p "P"\n  jurisdiction CA\n  first a.*\npolicy q "Q"\n  jurisdiction \"ca\"\n  first a.*\n').diagnostics[0];
    expect([d?.severity, d?.message]).toEqual(['warning', "Policy 'q' is never consulted: policy 'p' (<input>) governs jurisdiction CA too, and comes first"]);
  });
});

describe('C322 unselected-guideline', () => {
  it.each<Row>([
    [header.replace('guideline a.b', 'guideline <|a.b|>') + 'policy p "P"\n  jurisdiction CA\n  first a.c\n', ['C322', 'C311']],
    [header + 'policy p "P"\n  jurisdiction CA\n  first a.*\n', []],
  ])('%j', (input, codes) => {
    const { text, ranges } = markers(input);
    const got = analyze(text).diagnostics.map((d) => d.code);
    expect(got.filter((c) => c === 'C322').length).toBe(codes.includes('C322') ? 1 : 0);
    if (ranges[0]) expect(analyze(text).diagnostics.find((d) => d.code === 'C322')?.range).toEqual(ranges[0]);
  });

  it('is a warning', () => {
    const d = analyze(header + 'policy p "P"\n  jurisdiction CA\n  first a.c\n').diagnostics.find((x) => x.code === 'C322');
    expect([d?.severity, d?.message]).toEqual(['warning', "No policy consults guideline 'a.b': no step of any policy matches it"]);
  });
});

describe('C323 unknown-edition', () => {
  it.each<Row>([
    [header.replace('covers', 'edition 2009\n  in force 2009-01-01 to 2017-11-30\n  covers') + 'guideline a.b\n  edition 2017\n  revises <|2007|>\n  in force 2017-12-01\n', ['C323']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    const d = analyze(header.replace('covers', 'edition 2009\n  in force 2009-01-01 to 2017-11-30\n  covers') + 'guideline a.b\n  edition 2017\n  revises 2007\n  in force 2017-12-01\n').diagnostics[0];
    expect(d?.message).toBe("Guideline 'a.b' has no edition '2007' to revise: its editions are 2009");
  });
});

describe('C324 overlapping-editions', () => {
  it.each<Row>([
    [header.replace('covers', 'edition 2009\n  in force 2009-01-01 to 2018-01-01\n  covers') + 'guideline a.b\n  edition <|2017|>\n  revises 2009\n  in force 2017-12-01\n', ['C324']],
    [header.replace('covers', 'edition 2009\n  in force 2009-01-01 to 2017-11-30\n  covers') + 'guideline a.b\n  edition 2017\n  revises 2009\n  in force 2017-12-01\n', []],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('is a warning naming a day both are in force', () => {
    const d = analyze(header.replace('covers', 'edition 2009\n  in force 2009-01-01 to 2018-01-01\n  covers') + 'guideline a.b\n  edition 2017\n  revises 2009\n  in force 2017-12-01\n').diagnostics[0];
    expect([d?.severity, d?.message]).toEqual(['warning', "Editions '2009' and '2017' of guideline 'a.b' are both in force on 2017-12-01"]);
  });
});

describe('C325 define-cycle', () => {
  it.each<Row>([
    [header + 'define <|busy|>: busy or completed visits > 3\ncriterion x "X"\n  require busy\n  otherwise "no"\n', ['C325']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(header + 'define busy: busy\ncriterion x "X"\n  require busy\n  otherwise "no"\n').diagnostics[0]?.message).toBe("'busy' is defined in terms of itself");
  });
});

describe('C326 not-a-list', () => {
  it.each<Row>([
    [requires('count of <|completed visits|> > 1'), ['C326']],
    [requires('<|completed visits|> is empty'), ['C326']],
    [requires('<|completed visits|> includes a'), ['C326']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(requires('count of completed visits > 1')).diagnostics[0]?.message).toBe("'completed visits' is visits, not a list: count, sum, any, every and no go over a list");
  });
});

describe('C334 bad-order-field', () => {
  it.each<Row>([
    [imaging('the latest prior lumbar imaging by study date where modality is mri'), []],
    [imaging('the earliest prior lumbar imaging by study date where study date < prior lumbar surgery date'), []],
    [imaging('not the latest prior lumbar imaging by study date where (modality is mri and post-operative)'), []],
    // A field that is no date; a fact of the case, the same for every item; a list of values, with no fields.
    [imaging('the latest prior lumbar imaging by <|modality|> where post-operative'), ['C334']],
    [imaging('the latest prior lumbar imaging by <|injury date|> where post-operative'), ['C334']],
    [imaging('the latest red flags by <|study date|> where radicular symptoms'), ['C334']],
    // Words that name nothing are an unknown fact; a list that is not a list, C326.
    [imaging('the latest prior lumbar imaging by <|study dat|> where post-operative'), ['C301']],
    [imaging('the latest <|injury date|> by study date where radicular symptoms'), ['C326']],
    // The `where` reads the item's fields, and is checked as any condition is.
    [imaging('the latest prior lumbar imaging by study date where modality is <|mr|>'), ['C306']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(imaging('the latest prior lumbar imaging by modality where post-operative')).diagnostics[0]?.message).toBe(
      "'by' orders the items of a list by one of their dates: 'modality' is not a date, and the latest or earliest item is chosen by a date of each item",
    );
  });
});

describe('C327 no-rationale', () => {
  it.each<Row>([
    [criterion('require completed visits > 0').replace('criterion x', 'criterion <|x|>'), ['C327']],
    [criterion('require completed visits > 0\n  otherwise "Too few."'), []],
    // Left to a physician with nothing to require, it is never not met: there is nothing to say then.
    [criterion('only when completed visits > 6\n  needs clinical review\n  when unknown "A physician compares."'), []],
    [criterion('require completed visits > 0\n  needs clinical review').replace('criterion x', 'criterion <|x|>'), ['C327']],
    // A requirement that can never be false (what is not on file is unknown) is never not met either.
    [criterion('require functional improvement is on file'), []],
    [criterion('require functional improvement is on file\n  needs clinical review'), []],
    [criterion('require functional improvement is on file or completed visits > 0').replace('criterion x', 'criterion <|x|>'), ['C327']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('is a warning that says what a determination will show', () => {
    const d = analyze(criterion('require completed visits > 0')).diagnostics[0];
    expect([d?.severity, d?.message]).toEqual(['warning', 'Criterion \'x\' has no \'otherwise\' text: when it is not met, a determination will say only "Not met: X."']);
  });
});

/** A vocabulary declaring the count units `level, levels` and `injection, injections`, then `rest`. */
const levels = (rest: string): string =>
  `vocabulary esi "E"\nunit level, levels "A vertebral level"\nunit injection, injections "An injection"\nfact levels requested: number of levels, from request.levels\n  "L"\n${rest}`;

describe('C332 unit-not-in-use', () => {
  it.each<Row>([
    // The declaring vocabulary, and a guideline that uses it, read its units.
    [levels(`${header.replace('uses physical-medicine', 'uses physical-medicine, esi')}criterion x "X"\n  require levels requested <= 2 levels\n  otherwise "no"\n`), []],
    [levels('criterion y "Y"\n  require levels requested <= 1 level\n  otherwise "no"\n'), []],
    // A guideline that does not use it does not.
    [levels(`${header}criterion x "X"\n  require completed visits <= <|2 levels|>\n  otherwise "no"\n`), ['C332']],
    [levels(`${header}criterion x "X"\n  require completed visits <= <|4 injections a year|>\n  otherwise "no"\n`), ['C332']],
    // Nor does another vocabulary's fact, unless that vocabulary uses the one that declares it.
    [levels('vocabulary other "O"\nfact other levels: number of <|levels|>, from request.otherLevels\n  "O"\n'), ['C332']],
    [levels('vocabulary other "O"\n  uses esi\nfact other levels: number of levels, from request.otherLevels\n  "O"\n'), []],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(levels(`${header}criterion x "X"\n  require completed visits <= 2 levels\n  otherwise "no"\n`)).diagnostics.map((d) => d.message)).toEqual([
      "'levels' is a unit the vocabulary 'esi' declares, and it is not in use here: add 'uses esi'",
    ]);
  });
});

describe('C333 bad-unit-word', () => {
  it.each<Row>([
    ['vocabulary v "V"\nunit <|visit|>, <|visits|> "V"\n', ['C333', 'C333']],
    ['vocabulary v "V"\nunit <|a|>, as "A"\n', ['C333']],
    // A reserved word is refused by the parser, as any name would be.
    ['vocabulary v "V"\nunit level, <|and|> "A"\n', ['P206']],
    // A word declared twice, in one vocabulary or two, is a duplicate name.
    ['vocabulary v "V"\nunit level, levels "L"\nunit <|level|>, <|levels|> "L"\n', ['C302', 'C302']],
    ['vocabulary v "V"\nunit level, levels "L"\nvocabulary w "W"\nunit tier, <|levels|> "L"\n', ['C302']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze('vocabulary v "V"\nunit week, weeks "W"\n').diagnostics[0]?.message).toBe("'week' cannot be declared as a unit: it is a unit of the language");
  });
});

/** Two vocabularies reading `history.careStart`, the second as `second` (its type and options). */
const twoReaders = (second: string): string =>
  `vocabulary va "A"\nfact start a: date, from history.careStart\n  "A"\nvocabulary vb "B"\nfact start b: ${second}\n  "B"\n`;

describe('C335 field-read-two-ways', () => {
  it.each<Row>([
    // Alike: another name and meaning for the same field is allowed.
    [twoReaders('date, from history.careStart'), []],
    // Another type, another kind of date.
    [twoReaders('<|text|>, from history.careStart'), ['C335']],
    [twoReaders('<|any date|>, from history.careStart'), ['C335']],
    // Another field is no conflict; nor are fields of records, read item by item.
    [twoReaders('text, from history.careEnd'), []],
    // Another value when absent, in one vocabulary.
    ['vocabulary v "V"\nfact flare: yes or no, from history.flare, when absent no\n  "F"\nfact flare again: <|yes or no|>, from history.flare\n  "F"\n', ['C335']],
    ['vocabulary v "V"\nfact tried: one of pt, hep, from history.tried\n  "T"\nfact tried too: one of hep, pt, from history.tried\n  "T"\n', []],
    // Bounds aside: a value beyond the first's is refused by the case check, not misread.
    ['vocabulary v "V"\nfact hours: number of hours a day from 0 to 24, from history.hours\n  "H"\nfact hours again: number of hours a day, from history.hours\n  "H"\n', []],
    ['vocabulary v "V"\nfact tried: one of pt, hep, from history.tried\n  "T"\nfact tried too: <|one of pt, hep, meds|>, from history.tried\n  "T"\n', ['C335']],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(twoReaders('text, from history.careStart')).diagnostics.map((d) => d.message)).toEqual([
      "'history.careStart' is read by 'start a' of vocabulary 'va' as a date never after the review date, here as a text: a case field is read one way, so declare both alike (or read another field)",
    ]);
  });

  it('a standard vocabulary\'s field read another way is reported at the editor\'s own declaration', () => {
    const d = analyze('vocabulary mine "M"\nfact care began: text, from history.conservativeCareStartDate\n  "C"\n').diagnostics;
    expect(d.map((x) => [x.code, x.message.slice(0, 60)])).toEqual([['C335', "'history.conservativeCareStartDate' is read by 'conservative"]]);
  });
});

describe('C331 never-true', () => {
  it.each<Row>([
    [requires('<|functional improvement is not on file|>'), ['C331']],
    [requires('functional improvement is on file'), []],
    [requires('completed visits is on file and home exercise program is on file'), []],
  ])('%j', (input, codes) => expectDiagnostics(input, codes));

  it('message', () => {
    expect(analyze(requires('completed visits is not on file')).diagnostics[0]?.message).toBe(
      "'is not on file' is never true: a fact not documented is unknown, and the records may yet show it; to test that the records do not give it, write 'is unknown'",
    );
  });
});

it('every C3xx code of the catalog has a describe block here (or, for tables, in tables.test.ts)', async () => {
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(new URL(import.meta.url), 'utf8') + readFileSync(new URL('./tables.test.ts', import.meta.url), 'utf8');
  const checkCodes = Object.keys(diagnosticCodes).filter((c) => c.startsWith('C'));
  for (const code of checkCodes) expect(source).toContain(`describe('${code} ${diagnosticCodes[code as keyof typeof diagnosticCodes].name}'`);
});
