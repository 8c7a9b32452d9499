// The formatter: idempotent, comments kept, `parse(format(x))` equal to `parse(x)` ignoring ranges
// (property-tested over generated guideline text), and a few layouts pinned as examples.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGuideline, format, formatGuideline, parse } from '@guideline/language';
import { layoutText, wideGuidelineText } from './support/guideline-arbitrary.ts';
import { runs } from '../../../test/support/fuzz.ts';

/** The AST without ranges: what must survive formatting. */
function shape(text: string): unknown {
  return JSON.parse(JSON.stringify(parse(text).ast, (k, v: unknown) => (k === 'range' ? undefined : v)));
}
const commentsOf = (text: string): string[] => parse(text).comments.map((c) => c.text.trimEnd()).sort();
const errorsOf = (text: string): string[] => parse(text).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

/** The rules a text compiles to, without where in the text each part came from (nor the revision, which hashes that too). */
function rulesOf(text: string): unknown {
  const r = compileGuideline(text);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const located = (v: unknown): boolean => typeof v === 'object' && v !== null && 'line' in v && 'column' in v;
  return JSON.parse(JSON.stringify(r.rules, (k, v: unknown) => (k === 'revision' || located(v) ? undefined : v)));
}

describe('format: properties', () => {
  it('generated guidelines parse without errors (the generator is sound)', () => {
    fc.assert(fc.property(layoutText, (text) => {
      expect(errorsOf(text)).toEqual([]);
    }), { numRuns: runs(200) });
  });

  it('parse(format(x)) equals parse(x), ignoring ranges', () => {
    fc.assert(fc.property(layoutText, (text) => {
      const out = format(text);
      expect(errorsOf(out)).toEqual([]);
      expect(shape(out)).toEqual(shape(text));
    }), { numRuns: runs(300) });
  });

  it('is idempotent', () => {
    fc.assert(fc.property(layoutText, (text) => {
      const once = format(text);
      expect(format(once)).toBe(once);
    }), { numRuns: runs(300) });
  });

  it('keeps every comment', () => {
    fc.assert(fc.property(layoutText, (text) => {
      expect(commentsOf(format(text))).toEqual(commentsOf(text));
    }), { numRuns: runs(300) });
  });

  it('breaks a long condition to fit the width, and it compiles to the same rules, idempotently', () => {
    let long = 0;
    fc.assert(fc.property(wideGuidelineText, (text) => {
      if (text.split('\n').some((l) => l.length > 120)) long++;
      const out = format(text);
      expect(rulesOf(out)).toEqual(rulesOf(text));
      expect(format(out)).toBe(out);
      expect(commentsOf(out)).toEqual(commentsOf(text));
      // Each operand is short: every line fits, its comment aside.
      for (const line of out.split('\n')) expect(line.replace(/\s*#.*$/, '').length, line).toBeLessThanOrEqual(120);
    }), { numRuns: runs(150) });
    expect(long).toBeGreaterThan(runs(150) / 2);
  });

  it('never throws, and leaves text with syntax errors as it is', () => {
    const soup = fc.array(fc.constantFrom('guideline', 'criterion', 'require', 'x', '(', ')', '"s"', '# c\n', '\n', '3', 'is', 'and', ',', ':', 'recommend'), { maxLength: 30 }).map((t) => t.join(' '));
    fc.assert(fc.property(fc.oneof(fc.string(), soup), (text) => {
      const r = formatGuideline(text);
      if (!r.formatted) expect(r.text).toBe(text);
      expect(format(r.text)).toBe(r.text);
    }), { numRuns: runs(500) });
  });
});

describe('format: layout', () => {
  it.each<[string, string]>([
    ['guideline   a.b   covers x,y\n title "T"', 'guideline a.b\n  title    "T"\n  covers   x, y\n'],
    ['guideline a\ncriterion c require completed visits+requested visits<=recommended visits', 'guideline a\n\ncriterion c\n  require completed visits + requested visits <= recommended visits\n'],
    ['guideline a\ncriterion c\n  require patient age is at least 18 years', 'guideline a\n\ncriterion c\n  require patient age is at least 18 years\n'],
    ['guideline a\ncriterion c\n  require functional improvement is documented or\n home exercise program is none', 'guideline a\n\ncriterion c\n  require functional improvement is documented\n          or home exercise program is none\n'],
    ['guideline a\ncriterion c require x is a , b or c', 'guideline a\n\ncriterion c\n  require x is a, b or c\n'],
    ['guideline a\nrecommend\n  k : 8 - 10 visits over 4 weeks\n frequency:up to 3 per week fading to 1', 'guideline a\n\nrecommend\n  k: 8-10 visits over 4 weeks\n  frequency: up to 3 per week, fading to 1\n'],
    ['guideline a\nclass k terms "a"\nclass l terms "b"\n\nclass m', 'guideline a\n\nclass k\n  terms "a"\nclass l\n  terms "b"\n\nclass m\n'],
    ['guideline a\nclass k terms "a", "b",\n "c"', 'guideline a\n\nclass k\n  terms "a", "b",\n        "c"\n'],
    ['guideline a\ncriterion c require x  is   on file  needs clinical review   unless met', 'guideline a\n\ncriterion c\n  require x is on file\n  needs clinical review unless met\n'],
    ['guideline a\ncriterion c require days  from a  to b<=60 days', 'guideline a\n\ncriterion c\n  require days from a to b <= 60 days\n'],
    ['guideline a\ncriterion c require the  latest  a b  by  c d where(e>1)', 'guideline a\n\ncriterion c\n  require the latest a b by c d where (e > 1)\n'],
    ['guideline a\ncriterion c require not the earliest a by c where e and f', 'guideline a\n\ncriterion c\n  require not the earliest a by c where e and f\n'],
    ['policy p jurisdiction CA first a.* then b , c', 'policy p\n  jurisdiction CA\n  first a.*\n  then  b, c\n'],
    ['# head\n\n\nguideline a # trailing\n   # lead\n  title "T"\n# end', '# head\n\nguideline a  # trailing\n  # lead\n  title    "T"\n# end\n'],
    // A fact wraps at its commas where the author did, two spaces in; a record's field too.
    ['vocabulary v\nfact k: list of one of a,  b,\n      c, from request.k,\nwhen absent a\n "K."', 'vocabulary v\n\nfact k: list of one of a, b,\n  c, from request.k,\n  when absent a\n  "K."\n'],
    ['vocabulary v\nrecord r\n  field k: one of a,\n b, from k', 'vocabulary v\n\nrecord r\n  field k: one of a,\n    b, from k\n'],
    // A comment after an item of a wrapped list stays on that item's line, not at the list's end.
    ['vocabulary v\nfact k: one of a, # the first\n  b, from request.k\n  "K."', 'vocabulary v\n\nfact k: one of a,  # the first\n  b, from request.k\n  "K."\n'],
    ['guideline a\nclass k terms "a", # a\n "b"', 'guideline a\n\nclass k\n  terms "a",       # a\n        "b"\n'],
    // A define's body goes on the colon's line when it fits, unless the author put it below a title of several lines.
    ['guideline a\ndefine x "T":\n  completed visits', 'guideline a\n\ndefine x "T": completed visits\n'],
    ['guideline a\ndefine x "Two\n   lines":\n  completed visits', 'guideline a\n\ndefine x "Two\n   lines":\n  completed visits\n'],
    ['guideline a\ndefine x "Two\n   lines":  completed visits', 'guideline a\n\ndefine x "Two\n   lines": completed visits\n'],
    ['guideline a\ndefine x "Two\n   lines":\n completed visits > 0 and\n    requested visits > 0', 'guideline a\n\ndefine x "Two\n   lines":\n  completed visits > 0\n  and requested visits > 0\n'],
    // An and/or inside one, written over several lines, breaks the same way under its own first operand.
    ['guideline a\ncriterion c require x = 0 or x = 1 and y\n   and z', 'guideline a\n\ncriterion c\n  require x = 0\n          or x = 1\n             and y\n             and z\n'],
    // A list of values the author broke stays broken, under the clause's first operand.
    ['guideline a\ncriterion c require diagnosis includes a, b,\n c\n  otherwise "No."', 'guideline a\n\ncriterion c\n  require diagnosis includes a, b,\n          c\n  otherwise "No."\n'],
    ['guideline a\ncriterion c require x is d,\n e or diagnosis includes a , b', 'guideline a\n\ncriterion c\n  require x is d,\n          e\n          or diagnosis includes a, b\n'],
  ])('%j', (input, expected) => {
    expect(format(input)).toBe(expected);
  });

  it('wraps a fact past 120 columns at its commas, and puts a define that does not fit there below its colon', () => {
    const values = Array.from({ length: 14 }, (_, i) => `value-${i}`).join(', ');
    const fact = format(`vocabulary v\nfact kind: one of ${values}, from request.kind, when absent value-0, required\n  "The kind."`);
    expect(fact).toBe(
      'vocabulary v\n\n' +
        'fact kind: one of value-0, value-1, value-2, value-3, value-4, value-5, value-6, value-7, value-8, value-9, value-10,\n' +
        '  value-11, value-12, value-13, from request.kind, when absent value-0, required\n' +
        '  "The kind."\n',
    );
    const body = 'completed visits + requested visits + recommended visits + patient age + requested frequency';
    expect(format(`guideline a\ndefine total "The total of the visits, the age and the frequency": ${body}`)).toBe(`guideline a\n\ndefine total "The total of the visits, the age and the frequency":\n  ${body}\n`);
    for (const out of [fact, format(`guideline a\ndefine total "T": ${body}`)]) {
      expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
      expect(format(out)).toBe(out);
    }
  });

  it('writes a number of a recommendation as the language reads it, whatever its size', () => {
    // Printed from its value, 10^21 would be 1e+21 and 10^-7 1e-7: no number the lexer reads.
    const text = 'guideline a\nrecommend\n  k: 9-1000000000000000000000 visits over 8 weeks within 0.0000001 months\n  frequency: up to 99999999999999999999999999999 per week, fading to 08';
    const out = format(text);
    expect(out).toBe('guideline a\n\nrecommend\n  k: 9-1000000000000000000000 visits over 8 weeks within 0.0000001 months\n  frequency: up to 99999999999999999999999999999 per week, fading to 8\n');
    expect(errorsOf(out)).toEqual([]);
    expect(shape(out)).toEqual(shape(text));
  });

  it.each([
    ['a number type\'s bounds', 'vocabulary v\n\nfact k: number of weeks from 0.0000001 to 1000000000000000000000, from request.k\n  "K."\n'],
    ['a group\'s count', 'guideline a\n\ncriterion c\n  require at least 1000000000000000000000 of the following\n  part p\n    require completed visits > 0\n'],
  ])('writes %s as the language reads it, whatever its size', (_, text) => {
    expect(format(text)).toBe(text);
    expect(errorsOf(format(text))).toEqual([]);
  });

  it('keeps as written a number read as another (L105), in a recommendation, a table and a condition', () => {
    // Printed from its value, the number would lose, unseen, the digits its warning is about.
    const text = 'guideline a\nrecommend\n  k: 9-10 visits over 8.00000000000000000000001 weeks\ntable t\n  | diagnosis || trial visits |\n  | k || 12345678901234567890 |\n  | l || 1000000000000000000000-9007199254740993 |\ncriterion c\n  require completed visits <= 12.0000000000000000001';
    const out = format(text);
    expect(out).toBe(
      'guideline a\n\nrecommend\n  k: 9-10 visits over 8.00000000000000000000001 weeks\n\ntable t\n' +
        '  | diagnosis || trial visits                            |\n' +
        '  | k         || 12345678901234567890                    |\n' +
        '  | l         || 1000000000000000000000-9007199254740993 |\n' +
        '\ncriterion c\n  require completed visits <= 12.0000000000000000001\n',
    );
    expect(errorsOf(out)).toEqual([]);
    expect(shape(out)).toEqual(shape(text));
    expect(format('guideline a\ntable t\n  | diagnosis || trial visits |\n  | k || 08.50 |')).toContain('| k         || 8.5          |');
    // Five digits with a leading zero are a CPT code (a code key's cell), not the number 100.
    expect(format('guideline a\ntable t\n  | cpt code || trial visits |\n  | 00100 || 2 |')).toContain('| 00100    || 2            |');
  });

  it('writes a file with CRLF line endings with LF ones, in its quoted texts too', () => {
    const lf = 'guideline a\n  title "A title\n    on two lines"\n  source "A source\n    in two", pages 1-2\ncriterion c # note\n  require body part is "low\n    back"\n  otherwise "Not met:\n    {completed visits} visits."\n';
    const out = format(lf.replace(/\n/g, '\r\n'));
    expect(out).not.toContain('\r');
    expect(out).toBe(format(lf));
  });

  it.each(['../../../guidelines', '../vocabularies'])('leaves the bundled files in %s as they are', (dir) => {
    const root = join(import.meta.dirname, dir);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.guideline'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      expect(format(text), f).toBe(text);
    }
  });

  it('reports why it did not format', () => {
    const r = formatGuideline('guideline a\ncriterion ((( oops\n');
    expect(r).toMatchObject({ formatted: false, changed: false, text: 'guideline a\ncriterion ((( oops\n' });
    expect(r.diagnostics.length).toBeGreaterThan(0);
  });
});

/** A file of these lines, each ended by a line break: long lines read better one an element. */
const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

describe('format: an expression past 120 columns', () => {
  it.each<[string, string, string]>([
    [
      'breaks at its and/or, each next line starting with the operator under the first operand',
      lines('guideline a', 'criterion body-part', '  require body region is not "ankle and foot", "forearm, wrist and hand", "knee" and diagnosis is not carpal-tunnel and requested visits <= 24 visits and patient age >= 18 years'),
      lines('guideline a', '', 'criterion body-part', '  require body region is not "ankle and foot", "forearm, wrist and hand", "knee"', '          and diagnosis is not carpal-tunnel', '          and requested visits <= 24 visits', '          and patient age >= 18 years'),
    ],
    [
      'breaks the outermost chain first: an and inside an or that fits stays on its line',
      lines('guideline a', 'criterion c', '  only when program phase is initial and requested weeks <= 8 weeks and requested visits <= 12 visits or program weeks completed + requested weeks <= 8 weeks'),
      lines('guideline a', '', 'criterion c', '  only when program phase is initial and requested weeks <= 8 weeks and requested visits <= 12 visits', '            or program weeks completed + requested weeks <= 8 weeks'),
    ],
    [
      'breaks an and inside an or that is still too long, under its own first operand',
      lines('guideline a', 'criterion c', '  require contract violations = 0 or contract violations = 1 and inconsistency addressed and not aberrant behaviors includes diversion, forgery and urine drug screen is consistent'),
      lines('guideline a', '', 'criterion c', '  require contract violations = 0', '          or contract violations = 1', '             and inconsistency addressed', '             and not aberrant behaviors includes diversion, forgery', '             and urine drug screen is consistent'),
    ],
    [
      'breaks an and that is the first operand of an or, still too long, under the first operand',
      lines('guideline a', 'criterion c', '  require functional improvement is documented and home exercise program is compliant and completed visits < 18 visits and requested visits <= 6 visits or care type is flare-up'),
      lines('guideline a', '', 'criterion c', '  require functional improvement is documented', '          and home exercise program is compliant', '          and completed visits < 18 visits', '          and requested visits <= 6 visits', '          or care type is flare-up'),
    ],
    [
      'breaks a chain in parentheses that is still too long, under its first operand inside them',
      lines('guideline a', 'criterion c', '  only when completed visits < 6 and (care type is unknown or care type is not flare-up, maintenance or functional improvement is documented and home exercise program is compliant)'),
      lines('guideline a', '', 'criterion c', '  only when completed visits < 6', '            and (care type is unknown', '                 or care type is not flare-up, maintenance', '                 or functional improvement is documented and home exercise program is compliant)'),
    ],
    [
      "breaks a chain after 'not' and 'where' as it does one in parentheses",
      lines('guideline a', 'criterion c', '  require not (care type is maintenance or functional improvement is not-documented or home exercise program is none, failed or patient age < 18 years)', '  only when any prior treatments where (prior treatment kind is physical-therapy, chiropractic or prior treatment weeks >= 6 weeks and prior treatment outcome is failed)'),
      lines('guideline a', '', 'criterion c', '  require not (care type is maintenance', '               or functional improvement is not-documented', '               or home exercise program is none, failed', '               or patient age < 18 years)', '  only when any prior treatments where (prior treatment kind is physical-therapy, chiropractic', '                                        or prior treatment weeks >= 6 weeks and prior treatment outcome is failed)'),
    ],
    [
      'never breaks at the or of a list of values, which is no operator',
      lines('guideline a', 'criterion c', '  require care type is therapeutic, maintenance or flare-up and completed visits + requested visits <= recommended visits and patient age >= 18 years'),
      lines('guideline a', '', 'criterion c', '  require care type is therapeutic, maintenance or flare-up', '          and completed visits + requested visits <= recommended visits', '          and patient age >= 18 years'),
    ],
    [
      'breaks an applies when, an unless, a part and a define below its colon the same way',
      lines(
        'guideline a',
        '  applies when body region is "low back" and diagnosis is lumbar-sprain, back-sprain, radiculitis, disc-disorder, lumbago, myalgia',
        '  unless care type is maintenance and functional improvement is not-documented and home exercise program is none, failed, instructed',
        'criterion c',
        '  require all of the following',
        '  part p',
        '    require completed visits + requested visits <= recommended visits and requested frequency <= 3 per week and requested weeks <= 8 weeks',
        'define trial ended "The trial is over":',
        '  completed visits >= 6 visits and functional improvement is documented and home exercise program is compliant or care type is flare-up',
      ),
      lines(
        'guideline a',
        '  applies when body region is "low back"',
        '               and diagnosis is lumbar-sprain, back-sprain, radiculitis, disc-disorder, lumbago, myalgia',
        '  unless   care type is maintenance',
        '           and functional improvement is not-documented',
        '           and home exercise program is none, failed, instructed',
        '',
        'criterion c',
        '  require all of the following',
        '  part p',
        '    require completed visits + requested visits <= recommended visits',
        '            and requested frequency <= 3 per week',
        '            and requested weeks <= 8 weeks',
        '',
        'define trial ended "The trial is over":',
        '  completed visits >= 6 visits and functional improvement is documented and home exercise program is compliant',
        '  or care type is flare-up',
      ),
    ],
    [
      "breaks at the and before a long list, and leaves the list's line long",
      lines('guideline a', 'criterion c', '  require completed visits > 0 and diagnosis is lumbar-sprain, back-sprain, radiculitis, disc-disorder, lumbago, myalgia, neuralgia, neuritis, sciatica'),
      lines('guideline a', '', 'criterion c', '  require completed visits > 0', '          and diagnosis is lumbar-sprain, back-sprain, radiculitis, disc-disorder, lumbago, myalgia, neuralgia, neuritis, sciatica'),
    ],
    [
      'keeps a comment after the expression after it, two spaces after the last line where its column would pass the width',
      lines('guideline a', 'criterion c', '  require completed visits <= 6 visits and requested visits <= 6 visits and patient age >= 18 years and care type is therapeutic  # MT-2, the trial', '  otherwise "No."'),
      lines('guideline a', '', 'criterion c', '  require completed visits <= 6 visits', '          and requested visits <= 6 visits', '          and patient age >= 18 years', '          and care type is therapeutic  # MT-2, the trial', '  otherwise "No."'),
    ],
    [
      'keeps a comment inside the expression on the line of the operand it follows',
      lines('guideline a', 'criterion c', '  require completed visits <= 6 visits # the trial', '          and (care type is unknown or care type is not flare-up or functional improvement is documented or home exercise program is compliant)'),
      lines('guideline a', '', 'criterion c', '  require completed visits <= 6 visits  # the trial', '          and (care type is unknown', '               or care type is not flare-up', '               or functional improvement is documented', '               or home exercise program is compliant)'),
    ],
    [
      'keeps a comment inside parentheses on the line of the operand it follows',
      lines('guideline a', 'criterion c', '  require completed visits <= 6 visits and (care type is unknown or # not asked of flare-ups', '    care type is not flare-up or functional improvement is documented or home exercise program is compliant)'),
      lines('guideline a', '', 'criterion c', '  require completed visits <= 6 visits', '          and (care type is unknown                                 # not asked of flare-ups', '               or care type is not flare-up', '               or functional improvement is documented', '               or home exercise program is compliant)'),
    ],
    [
      "breaks a latest item's where with no and/or in it before 'where', under the quantifier",
      lines('guideline a', 'criterion c', '  require the latest relaxant prescriptions by prescription start where days from prescription start to request date >= days supplied + 30 days'),
      lines('guideline a', '', 'criterion c', '  require the latest relaxant prescriptions by prescription start', '          where days from prescription start to request date >= days supplied + 30 days'),
    ],
    [
      "breaks before 'where' when breaking inside its parentheses alone leaves a line too long, then inside them",
      lines('guideline a', 'criterion c', '  require completed visits > 0 and no relaxant prescriptions where (days from prescription start to request date < days supplied + days of grace after supply and prescribed relaxant != requested relaxant)'),
      lines('guideline a', '', 'criterion c', '  require completed visits > 0', '          and no relaxant prescriptions', '              where (days from prescription start to request date < days supplied + days of grace after supply', '                     and prescribed relaxant != requested relaxant)'),
    ],
    [
      "keeps the author's break before 'where', and a comment after the quantifier on its line",
      lines('guideline a', 'criterion c', '  require every prior treatments  # those on file', '    where prior treatment weeks >= 6 weeks'),
      lines('guideline a', '', 'criterion c', '  require every prior treatments  # those on file', '          where prior treatment weeks >= 6 weeks'),
    ],
  ])('%s', (_, input, expected) => {
    expect(format(input)).toBe(expected);
    expect(format(expected)).toBe(expected);
    expect(shape(expected)).toEqual(shape(input));
  });

  it('leaves a line it has no and/or to break at long: one long list, one long text', () => {
    const list = '  require diagnosis is lumbar-sprain, back-sprain, radiculitis, disc-disorder, lumbago, myalgia, neuralgia, neuritis, radiculopathy, sciatica';
    const text = 'body region is "a very long quoted text that no line break could ever bring under the width of one hundred and twenty"';
    expect(format(lines('guideline a', 'criterion c', list, `  only when care type is known and ${text}`))).toBe(lines('guideline a', '', 'criterion c', list, '  only when care type is known', `            and ${text}`));
  });

  it("writes docs/formatting.md's examples as the doc shows them", () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/formatting.md'), 'utf8');
    const [before, after, nested] = [...doc.matchAll(/```\n([\s\S]*?)```/g)].map((m) => `guideline a\n\ncriterion c\n${m[1]!.replace(/^criterion .*\n/, '')}`);
    expect(format(before!)).toBe(after);
    expect(format(nested!.replace(/\n +(and|or) /g, ' $1 '))).toBe(nested);
  });

  it('keeps a line of 120 columns, and breaks one of 121', () => {
    const head = '  require completed visits <= 6 visits and care type is ';
    const at = (width: number): string => lines('guideline a', '', 'criterion c', `${head}${'x'.repeat(width - head.length)}`);
    expect(at(120).split('\n')[3]).toHaveLength(120);
    expect(format(at(120))).toBe(at(120));
    expect(format(at(121))).toBe(lines('guideline a', '', 'criterion c', '  require completed visits <= 6 visits', `          and care type is ${'x'.repeat(121 - head.length)}`));
  });
});
