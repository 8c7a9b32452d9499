// Parser and AST builder: diagnostics as {code, range} from `<|…|>` markers, and the AST's shape.
import { describe, expect, it } from 'vitest';
import type * as A from '../src/ast.ts';
import { parse } from '../src/parse.ts';
import { walk } from '../src/walk.ts';
import { markers } from './support/markers.ts';
import { criterionAt, show } from './support/show.ts';

const header = 'guideline a.b\n  title "T"\n  source "S", pages 1-2\n  covers physical-therapy\n  uses physical-medicine\n';

/** Parse diagnostics of the marked input next to what the markers and codes expect, both sorted. */
function diagnose(input: string, codes: string[]): { actual: unknown[]; expected: unknown[] } {
  const { text, ranges } = markers(input);
  const byStart = (a: { range: { start: number } }, b: { range: { start: number } }): number => a.range.start - b.range.start;
  return {
    actual: parse(text).diagnostics.map(({ code, range }) => ({ code, range })).sort(byStart),
    expected: ranges.map((range, i) => ({ code: codes[i], range })).sort(byStart),
  };
}

describe('syntax errors', () => {
  it.each<[string, string[]]>([
    [header + 'criterion x "X"\n  require completed visits <= <|otherwise|> "no"\n', ['P201']],
    [header + 'criterion x "X"\n  require completed visits > 0 and\n  <|otherwise|> "no"\n', ['P201']],
    [header + 'criterion x "X"\n  require (completed visits > 0\n  <|otherwise|> "no"\n', ['P202']],
    [header + 'criterion x "X"\n  require completed visits >= <|>=|> 3\n  otherwise "no"\n', ['P201']],
    [header + 'criterion x "X"\n  only <|completed|> visits > 0\n', ['P202']],
    ['guideline <|"quoted"|>\n  title "T"\n', ['P202']],
    ['guideline a.b\n  title "T" <|"U"|>\ncriterion x\n', ['P201']],
    ['guideline a.b\n  title "T"\n  <|tilte|> "U"\n', ['P221']],
    ['guideline a.b\n  title "T"\n  <|frobnicate "U"|>\n', ['P201']],
    [header + 'criterion x "X"\n  <|requre|> completed visits > 0\n  otherwise "no"\n', ['P221']],
    [header + 'criterion x "X"\n  require completed visits > 0\n  <|otherwse|> "no"\n', ['P221']],
    [header + 'criterion x "X"\n  require functional improvement\n  <|otherwse|> "no"\n', ['P221']],
    [header + 'criterion x "X"\n  only <|wen|> completed visits > 0\n  require completed visits > 0\n  otherwise "no"\n', ['P221']],
    [header + '<|critrion|> x "X"\n  require completed visits > 0\n  otherwise "no"\n', ['P221']],
    [header.replace('  covers', '  <|aplies|> when completed visits > 0\n  covers'), ['P221']],
    // `is no more than`, as a guideline writes it: `is no` reads as the value no, and the bound is skipped.
    [header + 'criterion x "X"\n  require completed visits is no <|more than|> 3\n  otherwise "no"\n', ['P201']],
    [header + 'criterion x "X"\n  require completed visits is no <|fewer than|> 3\n  otherwise "no"\n', ['P201']],
    // The latest item without the date that picks it; without the condition it must meet.
    [header + 'criterion x "X"\n  require the latest prior injections <|where|> relief weeks >= 6 weeks\n  otherwise "no"\n', ['P202']],
    [header + 'criterion x "X"\n  require the latest prior injections by injection date relief weeks <|>=|> 6 weeks\n  otherwise "no"\n', ['P202']],
    [header + 'recommend\n  myalgia: 9-10 visits <|8|> weeks\n', ['P202']],
    // A table's header with no `||`: over the header, not on the row after it.
    [header + 'table caps "Caps"\n  <|| cpt code | visits allowed ||>\n  | 97110 || 12 visits |\n', ['P201']],
    [header + 'table caps "Caps"\n  <|| cpt code ||>\n  | 97110 || 12 visits |\n', ['P201']],
    [header + 'table caps "Caps"\n  | cpt code || <|12|> |\n  | 97110 || 12 visits |\n', ['P201']],
    [header + 'class c "x" terms\n<|criterion|> x\n', ['P202']],
    ['<|criterion x "X" require 1 > 0|>', ['P201']],
    ['<|class c "x" terms "y"|>\n', ['P201']],
    ['policy p "P"\n  jurisdiction CA\n  first<|\n|>', ['P203']],
    ['policy p "P"\n  jurisdiction CA\n  first<||>', ['P203']],
    [header + 'criterion x "X"\n  require requested frequency <= 3 per <|fortnight|>\n  otherwise "no"\n', ['P204']],
    // A count of something the language has no unit for (`2 levels`): the words, not the rest of the criterion.
    [header + 'criterion x "X"\n  require completed visits <= 2 <|levels|>\n  otherwise "no"\n', ['P204']],
    [header + 'criterion x "X"\n  require completed visits is at most 2 <|spinal levels|> and foo bar > 1\n  otherwise "no"\n', ['P204']],
    [header + 'criterion x "X"\n  require completed visits <= 2 <|levels|> and requested visits <= 3 <|levels|>\n  otherwise "no"\n', ['P204', 'P204']],
    [header + 'define d "D":\n  completed visits + 2 <|levels|>\n', ['P204']],
    // Not after a number in a condition: the word is another mistake.
    ['guideline a.b\n  title "T"\n  edition 2007 <|revised|>\n', ['P221']],
    [header + 'criterion x "X"\n  require completed visits <= 2\n  <|foo|> "no"\n', ['P201']],
    ['<||>', ['P209']],
    ['<||>  \n\t\r\n', ['P209']],
    ['<||># a file of comments\n\n  # declares nothing\n', ['P209']],
    // Broken text already says what is wrong with it; a file that declares something is not empty.
    ['<|@|>', ['L101']],
    ['<|"|><|open|>', ['L102', 'P201']],
    ['guideline a <|@|> <|b|>', ['L101', 'P201']],
    ['guideline a.b\n  title <|"|><|open|>\n', ['L102', 'P202']],
  ])('%j', (input, codes) => {
    const { actual, expected } = diagnose(input, codes);
    expect(actual).toEqual(expected);
  });
});

/** The `require` expression of a one-criterion file, parsed. */
function requireOf(condition: string): { expr: A.Expr | undefined; codes: string[] } {
  const { ast, diagnostics } = parse(`${header}criterion x "X"\n  require ${condition}\n  otherwise "no"\n`);
  return { expr: criterionAt(ast.guidelines[0], 0).require, codes: diagnostics.map((d) => d.code) };
}

describe('expressions', () => {
  it.each([
    ['completed visits > 0', '({completed visits} > 0)'],
    ['completed visits + requested visits <= recommended visits', '(({completed visits} + {requested visits}) <= {recommended visits})'],
    ['a - b - c < 1', '((({a} - {b}) - {c}) < 1)'],
    ['a * 2 - b / 4 = 0', '((({a} * 2) - ({b} / 4)) = 0)'],
    ['(a + b) * 2 != 1', '((({a} + {b}) * 2) != 1)'],
    ['a > 1 and b > 2 or c > 3', '((({a} > 1) and ({b} > 2)) or ({c} > 3))'],
    ['a > 1 or b > 2 and c > 3', '(({a} > 1) or (({b} > 2) and ({c} > 3)))'],
    ['a > 1 and (b > 2 or c > 3)', '(({a} > 1) and (({b} > 2) or ({c} > 3)))'],
    ['not a is known and b is known', '(not ({a} is known) and ({b} is known))'],
    ['not not a is known', 'not not ({a} is known)'],
    // Comparisons in words.
    ['a is at most 3 visits', '({a} <= 3 visits)'],
    ['a is at least 2 weeks', '({a} >= 2 weeks)'],
    ['a is more than 3', '({a} > 3)'],
    ['a is less than 3 days', '({a} < 3 days)'],
    ['a is fewer than 3 sessions', '({a} < 3 visits)'],
    ['injury date is more than 3 months ago', '({injury date} > 3 months ago)'],
    ['surgery date is less than 1 year ago', '({surgery date} < 1 years ago)'],
    ['surgery date is within 6 months', '({surgery date} <= 6 months within)'],
    ['surgery date within treatment period', '({surgery date} <= {treatment period} within)'],
    ['requested frequency <= 3 per week', '({requested frequency} <= 3 per week)'],
    ['injury date > 2013-01-01', '({injury date} > 2013-01-01)'],
    ['treatment = "physical-therapy"', '({treatment} = "physical-therapy")'],
    // Known and value lists.
    ['a is known', '({a} is known)'],
    ['a is unknown', '({a} is unknown)'],
    ['a is not known', '({a} is unknown)'],
    ['a is not unknown', '({a} is known)'],
    ['a is documented', '({a} is [documented])'],
    ['a is not none', '({a} is not [none])'],
    ['a is instructed, compliant or failed', '({a} is [instructed, compliant, failed])'],
    ['a is "x", CA, M54.1*', '({a} is [x, CA, M54.1*])'],
    // `or` joins values unless a new test follows it.
    ['a is x or y', '({a} is [x, y])'],
    ['a is x or b is known', '(({a} is [x]) or ({b} is known))'],
    ['a is x or b c > 1', '(({a} is [x]) or ({b c} > 1))'],
    ['a is x or b > 1', '(({a} is [x]) or ({b} > 1))'],
    ['a is x or days since b > 1', '(({a} is [x]) or ((days since {b}) > 1))'],
    ['a is x or days from b to c > 1', '(({a} is [x]) or ((days from {b} to {c}) > 1))'],
    // Codes as well: CPT codes in digits and ranges of codes are values after `or`, as after a comma.
    ['a is 62321 or 64483', '({a} is [62321, 64483])'],
    ['a is M54.1* or C00-D49 or 64479-64484', '({a} is [M54.1*, C00-D49, 64479-64484])'],
    ['a is 62321 or 64483 and b', '(({a} is [62321, 64483]) and {b})'],
    ['a is 62321 or 3 < b', '(({a} is [62321]) or (3 < {b}))'],
    ['a is 62321 or 2 - 1 < b', '(({a} is [62321]) or ((2 - 1) < {b}))'],
    ['a is 62321 or 2 visits < b', '(({a} is [62321]) or (2 visits < {b}))'],
    ['a is 62321 or 12345 per week <= b', '(({a} is [62321]) or (12345 per week <= {b}))'],
    ['a is x or 3', '(({a} is [x]) or 3)'],
    // Documented: `is on file`; `on` alone is still a value.
    ['a is on file', '({a} is on file)'],
    ['a is on file and b c is on file', '(({a} is on file) and ({b c} is on file))'],
    ['a is not on file', '({a} is not on file)'],
    ['a is on', '({a} is [on])'],
    ['a is on, file', '({a} is [on, file])'],
    // Time between two dates.
    ['days from a to b <= 60 days', '((days from {a} to {b}) <= 60 days)'],
    ['months from a b to c d >= 1 or days since a b >= 30 days', '(((months from {a b} to {c d}) >= 1) or ((days since {a b}) >= 30 days))'],
    // The latest or earliest item of a list: its words end at `by`, the field's at `where`, and `where` takes one condition.
    ['the latest prior injections by injection date where relief weeks >= 6 weeks', '(latest {prior injections} by {injection date} where ({relief weeks} >= 6 weeks))'],
    ['the earliest a b by c where d and e', '((earliest {a b} by {c} where {d}) and {e})'],
    ['not the latest a by c d where (e or f is known)', 'not (latest {a} by {c d} where ({e} or ({f} is known)))'],
    ['the latest a by c where the earliest b by d where e', '(latest {a} by {c} where (earliest {b} by {d} where {e}))'],
    // `the` before any other word is a fact's words as ever.
    ['the other > 1', '({the other} > 1)'],
  ])('%s', (condition, expected) => {
    const { expr, codes } = requireOf(condition);
    expect(codes).toEqual([]);
    expect(expr && show(expr)).toBe(expected);
  });

  it.each([
    ['<|completed visits > 0|>'],
    ['completed visits > 0 and <|home exercise program is none|>'],
    ['<|(completed visits)|> > 0'],
    ['<|surgery date is within 6 months|>'],
  ])('range of %s', (marked) => {
    const { text, ranges } = markers(marked);
    const expr = requireOf(text).expr!;
    const offset = (header + 'criterion x "X"\n  require ').length;
    const found: A.Expr[] = [];
    const visit = (e: A.Expr): void => {
      found.push(e);
      if (e.kind === 'BoolExpr') e.operands.forEach(visit);
      if (e.kind === 'CompareExpr') [e.left, e.right].forEach(visit);
    };
    visit(expr);
    const want = { start: ranges[0]!.start + offset, end: ranges[0]!.end + offset };
    expect(found.map((e) => e.range)).toContainEqual(want);
  });
});

describe('a fact\'s words end where a clause begins', () => {
  const criterionText = (clauses: string): string => `${header}criterion c "C"\n  ${clauses}\n  otherwise "no"\n`;
  it.each([
    ['a part after a bare yes-or-no fact', 'require any of the following\n  part p "P"\n    require radicular symptoms\n  part q "Q"\n    require completed visits > 0', ['radicular symptoms', 'completed visits']],
    ['a part with no title after it', 'require any of the following\n  part p\n    require radicular symptoms\n  part q\n    require working', ['radicular symptoms', 'working']],
    ['needs clinical review after it', 'require radicular symptoms\n  needs clinical review', ['radicular symptoms']],
    ['a value list before needs clinical review', 'require state is CA or TX\n  needs clinical review', ['state']],
    ['a fact that has part among its words', 'require body part is "knee" and part time work', ['body part', 'part time work']],
  ])('%s', (_, clauses, facts) => {
    const r = parse(criterionText(clauses));
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    const out: string[] = [];
    walk(r.ast, (n) => void (n.kind === 'FactRef' && out.push(n.name)));
    expect(out).toEqual(facts);
  });

  it('a use criterion line after a bare fact', () => {
    const r = parse(`${header}criterion c "C"\n  require radicular symptoms\n  otherwise "no"\ncriterion d "D"\n  require working\nuse criterion home-program\n`);
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    expect(r.ast.guidelines[0]!.criteria.map((c) => c.kind)).toEqual(['CriterionDecl', 'CriterionDecl', 'UseDecl']);
  });
});

describe('fact names', () => {
  const refs = (cond: string): A.FactRef[] => {
    const out: A.FactRef[] = [];
    walk(parse(`${header}criterion c\n  require ${cond}\n  otherwise "x"\n`).ast, (n) => void (n.kind === 'FactRef' && out.push(n)));
    return out;
  };

  it.each(['completed visits', 'home exercise program', 'weeks of conservative care', 'red flags'])('names the fact %j by its words, one space between them', (words) => {
    const [ref] = refs(`${words.replaceAll(' ', '   ')} is known`);
    expect(ref!.name).toBe(words);
  });

  // A fact's words run on across lines, but not into the clause or declaration after them.
  it.each([
    ['needs clinical review', 'criterion c\n  only when completed visits > trial visits\n  needs clinical review\n'],
    ['use criterion', 'criterion c\n  require completed visits > trial visits\nuse criterion d\n'],
    ['part', 'criterion c\n  require any of the following\n  part a "A"\n    require working again\n  part b "B"\n    require body part is "knee"\n'],
  ])('end before %s', (_, text) => {
    const r = parse(header + text);
    expect(r.diagnostics).toEqual([]);
    const names: string[] = [];
    walk(r.ast, (n) => void (n.kind === 'FactRef' && names.push(n.name)));
    expect(names.every((n) => !/\b(needs|use|part [ab])\b/.test(n))).toBe(true);
  });

  it('joins the words of a name the catalog does not hold, or holds only the start of', () => {
    expect(refs('completed visitz > 0 and completed visits extra > 0 and completed > 0').map((r) => r.name)).toEqual(['completed visitz', 'completed visits extra', 'completed']);
  });
});

describe('declarations', () => {
  const { ast, diagnostics } = parse(`guideline mtus.chronic-pain.physical-medicine
  title "T"
  source "Doc", 2009, "Physical Medicine", pages 98-99
  in force 2009-07-18 to 2017-12-31
  covers physical-therapy, aquatic-therapy
  uses physical-medicine
  applies when patient age >= 18 years
  unless surgery date is within 6 months

class myalgia "Myalgia" terms "myalgia", "myositis" codes M79.1*, M60.*
procedure knee "Knee" terms "knee arthroplasty"

recommend
  myalgia: 9-10 visits over 8 weeks
  knee: 24 visits over 10 weeks within 4 months
  frequency: up to 3 per week, fading to 1 or less

criterion visit-count "Visits"
  only when completed visits > 0
  require completed visits <= recommended visits
  certify at most recommended visits - completed visits
  otherwise "no"

policy california "California"
  jurisdiction CA
  first mtus.*
  then odg.*, acoem.*
`);
  const g = ast.guidelines[0]!;

  it('parses without diagnostics', () => {
    expect(diagnostics).toEqual([]);
  });

  it('reads the header', () => {
    expect(g.id.text).toBe('mtus.chronic-pain.physical-medicine');
    expect(g.title?.text).toBe('T');
    expect(g.source).toMatchObject({ document: 'Doc', edition: 2009, parts: ['Physical Medicine'], firstPage: 98, lastPage: 99 });
    expect([g.inForce?.from.text, g.inForce?.to?.text]).toEqual(['2009-07-18', '2017-12-31']);
    expect(g.covers.map((c) => c.text)).toEqual(['physical-therapy', 'aquatic-therapy']);
    expect(g.applies && show(g.applies)).toBe('({patient age} >= 18 years)');
    expect(g.unless && show(g.unless)).toBe('({surgery date} <= 6 months within)');
  });

  it('reads classes and procedures', () => {
    expect(g.classes.map((c) => [c.of, c.name.text, c.title?.text, c.terms.map((t) => t.text), c.codes.map((t) => t.text)])).toEqual([
      ['diagnosis', 'myalgia', 'Myalgia', ['myalgia', 'myositis'], ['M79.1*', 'M60.*']],
      ['procedure', 'knee', 'Knee', ['knee arthroplasty'], []],
    ]);
  });

  it('reads the recommend block', () => {
    const entries = g.recommendations.flatMap((r) => r.entries);
    expect(entries.map((e) => (e.kind === 'CourseEntry' ? [e.name.text, e.visits.low, e.visits.high, e.duration.low, e.duration.high, e.period?.amount] : [e.name.text, e.mostPerWeek, e.fadeTo]))).toEqual([
      ['myalgia', 9, 10, 8, 8, undefined],
      ['knee', 24, 24, 10, 10, 4],
      ['frequency', 3, 1],
    ]);
  });

  it('reads criteria', () => {
    const c = criterionAt(g, 0);
    expect([c.name.text, c.title?.text, c.texts.otherwise?.text]).toEqual(['visit-count', 'Visits', 'no']);
    expect([c.onlyWhen, c.require, c.certify].map((e) => e && show(e))).toEqual([
      '({completed visits} > 0)',
      '({completed visits} <= {recommended visits})',
      '({recommended visits} - {completed visits})',
    ]);
  });

  it('reads policies', () => {
    expect(ast.policies.map((p) => [p.name.text, p.title?.text, p.jurisdiction?.text, p.steps.map((s) => s.map((n) => n.text))])).toEqual([
      ['california', 'California', 'CA', [['mtus.*'], ['odg.*', 'acoem.*']]],
    ]);
  });

  it('hangs members on the guideline above them', () => {
    const two = parse('guideline a title "A"\nclass x terms "x"\nguideline b title "B"\nclass y terms "y"\n').ast;
    expect(two.guidelines.map((x) => [x.id.text, x.classes.map((c) => c.name.text)])).toEqual([
      ['a', ['x']],
      ['b', ['y']],
    ]);
  });

  it.each([
    ['criterion <|visit-count|> "V"', (g: A.GuidelineDecl) => criterionAt(g, 0).name.range],
    ['criterion visit-count <|"V"|>', (g: A.GuidelineDecl) => criterionAt(g, 0).title!.range],
    ['<|criterion visit-count "V"\n  require completed visits > 0|>\n', (g: A.GuidelineDecl) => g.criteria[0]!.range],
    ['class c terms <|"a \\"b\\""|>', (g: A.GuidelineDecl) => g.classes[0]!.terms[0]!.range],
    ['recommend\n  c: <|9-10|> visits over 8 weeks', (g: A.GuidelineDecl) => (g.recommendations[0]!.entries[0] as A.CourseEntry).visits.range],
  ])('half-open range of %j', (marked, pick) => {
    const { text, ranges } = markers(header + marked);
    const parsed = parse(text);
    expect(pick(parsed.ast.guidelines[0]!)).toEqual(ranges[0]);
  });

  it('resolves escapes in strings', () => {
    const c = parse(header + 'class c terms "a \\"b\\"", "back\\\\slash"').ast.guidelines[0]!.classes[0]!;
    expect(c.terms.map((t) => t.text)).toEqual(['a "b"', 'back\\slash']);
  });

  it('reads a line break in a string as \\n, whatever the file\'s line endings', () => {
    const terms = (text: string): string[] => parse(text).ast.guidelines[0]!.classes[0]!.terms.map((t) => t.text);
    expect(terms(header + 'class c terms "low\r\n  back", "a\\nb"')).toEqual(['low\n  back', 'a\nb']);
    expect(terms(header + 'class c terms "low\n  back"')).toEqual(['low\n  back']);
  });
});

describe('messages', () => {
  // One test per message template; every other test compares codes and ranges only.
  const messages = (text: string): string[] => parse(text).diagnostics.map((d) => `${d.code} ${d.message}`);

  it('P201 unexpected-token', () => {
    expect(messages(header + 'criterion x "X"\n  require completed visits >= >= 3\n')).toEqual(["P201 Expected a condition or a value but found '>=' in a criterion"]);
  });

  it('P201 for a member before any guideline', () => {
    expect(messages('class c terms "x"')).toEqual(["P201 A class must follow a 'guideline' header"]);
  });

  it('P201 for skipped tokens', () => {
    expect(messages('guideline a.b\n  title "T" "U"\n')).toEqual([`P201 Unexpected '"U"': expected a clause of the declaration above, or a new declaration`]);
  });

  it.each<[string, string]>([
    ['| cpt code | visits allowed |', "P201 This table's header has no '||' after its keys: a header is '| key ... || column ... |', the words of each key and column between bars"],
    ['| cpt code || 12 |', "P201 Expected a column's words but found '12' in a table's header: a header is '| key ... || column ... |', the words of each key and column between bars"],
    ['| || visits allowed |', "P201 Expected a key's words but found '||' in a table's header: a header is '| key ... || column ... |', the words of each key and column between bars"],
  ])('P201 in a table header %j', (head, message) => {
    expect(messages(`${header}table caps "Caps"\n  ${head}\n  | 97110 || 12 visits |\n`)).toEqual([message]);
  });

  it("P201 for 'is no more than'", () => {
    expect(messages(header + 'criterion x "X"\n  require completed visits is no more than 3\n')).toEqual(["P201 'is no more than' is not a comparison the language reads: write 'is at most' (or '<=')"]);
  });

  it('P221 misspelt-keyword', () => {
    expect(messages(header + 'criterion x "X"\n  requre completed visits > 0\n')).toEqual(["P221 'requre' is not a word the language knows here: did you mean 'require'?"]);
    expect(parse(header + 'criterion x "X"\n  requre completed visits > 0\n').diagnostics[0]!.data).toEqual({ word: 'requre', phrase: 'require', replacement: 'require' });
  });

  it('P202 missing-token', () => {
    expect(messages(header + 'class c "x" terms\ncriterion x\n')).toEqual(["P202 Expected a quoted text but found 'criterion' in a class"]);
  });

  it('P202 quoted guideline id', () => {
    expect(messages('guideline "x"\n  title "T"')).toEqual(['P202 A guideline id is a name such as mtus.chronic-pain.physical-medicine, not quoted text "x"']);
  });

  it('P202 for the latest item without its date', () => {
    expect(messages(header + 'criterion x "X"\n  require the earliest prior injections where relief weeks >= 6 weeks\n')).toEqual([
      "P202 Expected 'by' and the date of each item that picks the earliest one, as in 'the earliest prior injections by <date field> where ...'",
    ]);
  });

  it('P203 unexpected-end', () => {
    expect(messages('policy p "P"\n  jurisdiction CA\n  first')).toEqual(['P203 Unexpected end of file: expected a name in a policy']);
  });

  it('P209 empty-file', () => {
    expect(messages('')).toEqual(['P209 The file is empty: it declares no guideline, policy or vocabulary']);
    expect(messages('# moved to low-back.guideline\n')).toEqual(['P209 The file has only comments: it declares no guideline, policy or vocabulary']);
  });

  it('P204 bad-unit', () => {
    expect(messages(header + 'criterion x\n  require requested frequency <= 3 per fortnight\n')).toEqual(["P204 'per fortnight' is not a unit: use visits, hours, days, weeks, months, years, mg, mcg or percent, or one of them per a unit of time (3 per week, 120 mg a day)"]);
    // A word after a number that is no unit: a misspelt unit, or a count of something else, written as a bare number.
    expect(messages(header + 'criterion x\n  require completed visits <= 2 levels\n')).toEqual(["P204 'levels' is not a unit: use visits, hours, days, weeks, months, years, mg, mcg or percent, or one of them per a unit of time (3 per week, 120 mg a day); a count of anything else is a bare number: write '2', not '2 levels'; or, to count levels, declare the unit in a vocabulary: 'unit level, levels \"...\"'"]);
    expect(messages(header + 'criterion x\n  require completed visits <= 2 weks\n')).toEqual(["P204 'weks' is not a unit: use visits, hours, days, weeks, months, years, mg, mcg or percent, or one of them per a unit of time (3 per week, 120 mg a day). Did you mean 'weeks'?"]);
  });
});

describe('P202 names the missing keyword or symbol', () => {
  it.each([
    [header + 'recommend\n  neuralgia: 8-10 visits 4 weeks\n', "P202 Expected 'over' but found '4' in a course of visits"],
    [header + 'criterion x "X"\n  only completed visits > 0\n', "P202 Expected 'when' but found 'completed' in a criterion"],
    [header + 'recommend\n  neuralgia 8-10 visits over 4 weeks\n', "P202 Expected ':' but found '8' in a recommendation"],
  ])('%j', (text, expected) => {
    expect(parse(text).diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([expected]);
  });
});

describe('partial trees after recovery', () => {
  /** The first criterion of a file whose header is `header`: its require, its text, its diagnostics. */
  function broken(criterion: string): { require: string | undefined; text: string; codes: string[] } {
    const text = `${header}${criterion}`;
    const { ast, diagnostics } = parse(text);
    const c = criterionAt(ast.guidelines[0], 0);
    return { require: c.require && show(c.require), text: text.slice(c.range.start, c.range.end), codes: diagnostics.map((d) => d.code) };
  }

  it.each([
    ['criterion x\n  require completed visits >\n  otherwise "no"\n', '({completed visits} > <error>)', 'criterion x\n  require completed visits >'],
    ['criterion x\n  require a + b * (c -\n  otherwise "no"\n', '({a} + ({b} * ({c} - <error>)))', 'criterion x\n  require a + b * (c -'],
    ['criterion x\n  require not (a or\n', 'not ({a} or <error>)', 'criterion x\n  require not (a or'],
    // The tokens recovery skipped are not the criterion's.
    ['criterion x\n  require a > 1 ) ) b\n  otherwise "no"\n', '({a} > 1)', 'criterion x\n  require a > 1'],
  ])('%j keeps what was read', (criterion, require, text) => {
    const got = broken(criterion);
    expect(got.require).toBe(require);
    expect(got.text).toBe(text);
  });

  it('reads a criterion with a word that is no unit after a number as if the number were bare', () => {
    const got = broken('criterion x\n  require a <= 2 levels and b > 0\n  otherwise "no"\n');
    expect(got.require).toBe('(({a} <= 2) and ({b} > 0))');
    expect(got.text).toBe('criterion x\n  require a <= 2 levels and b > 0\n  otherwise "no"');
    expect(got.codes).toEqual(['P204']);
  });

  it('reports a unit in an expression cut short, and not in a clause given twice', () => {
    expect(broken('criterion x\n  require a <= 3 per fortnight and (\n').codes).toEqual(['P203', 'P204']);
    expect(broken('criterion x\n  require a <= 3 per fortnight\n  require b <= 2 per decade\n').codes).toEqual(['P204']);
  });
});
