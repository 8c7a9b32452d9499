import { describe, expect, it } from 'vitest';
import { analyze, compileGuideline, completionsAt, definitionAt, formatGuideline, hoverAt, quickFixesAt } from '../src/index.ts';
import { limits } from '../src/limits.ts';
import { deepExpressions } from './support/deep.ts';
import { expectMarked, markers } from './support/markers.ts';

const header = 'guideline a.b title "T" source "S", pages 1 covers physical-therapy uses physical-medicine\n  uses physical-medicine\n';

describe('limits', () => {
  it.each([10, 1000, 20000])('refuses parentheses %i deep with P205 instead of overflowing the stack', (n) => {
    const text = `${header}criterion c "C" require ${'('.repeat(n)}completed visits > 0${')'.repeat(n)} otherwise "x"`;
    const r = analyze(text);
    if (n <= limits.maxNesting) expect(r.diagnostics).toEqual([]);
    else {
      expect(r.diagnostics.map((d) => d.code)).toEqual(['P205']);
      expect(r.diagnostics[0]!.range.start).toBe(text.indexOf('(') + limits.maxNesting);
    }
  });

  it('refuses deep nesting inside a rationale placeholder', () => {
    const text = `${header}criterion c "C" require completed visits > 0 otherwise "{${'('.repeat(200)}1${')'.repeat(200)}}"`;
    expect(analyze(text).diagnostics.map((d) => d.code)).toEqual(['P205']);
  });

  // Each of these once overflowed the stack: the parser on a run of `not`s, the checker on a long sum.
  const over = limits.maxExpressionDepth + 1;
  it.each([
    ['a long sum', `completed visits${' + 1'.repeat(limits.maxExpressionDepth)} <|+|> 1 > 0`],
    ['a long product', `2${' * 2'.repeat(limits.maxExpressionDepth)} <|*|> 2 > completed visits`],
    ['a run of nots', `${'not '.repeat(limits.maxExpressionDepth)}<|not|> completed visits > 0`],
    ['groups within groups', `${'('.repeat(40)}completed visits${' + 1)'.repeat(40)}${' + 1'.repeat(limits.maxExpressionDepth - 2 * 40)} <|+|> 1 > 0`],
  ])('refuses %s past the expression depth limit with P207', (_, condition) => {
    const { text, ranges } = markers(`${header}criterion c "C" require ${condition} otherwise "x"`);
    expect(analyze(text).diagnostics.map((d) => [d.code, d.range])).toEqual([['P207', ranges[0]]]);
    expect(compileGuideline(text).diagnostics.map((d) => d.code)).toEqual(['P207']);
    expect(formatGuideline(text).formatted).toBe(false);
  });

  it.each([10_000, 100_000])('refuses %i operators in a row, and in a placeholder, without overflowing', (n) => {
    const sum = `completed visits${' + 1'.repeat(n)}`;
    expect(analyze(`${header}criterion c "C" require ${sum} > 0 otherwise "x"`).diagnostics.map((d) => d.code)).toEqual(['P207']);
    expect(analyze(`${header}criterion c "C" require completed visits > 0 otherwise "{${'not '.repeat(n)}1}"`).diagnostics.map((d) => d.code)).toEqual(['P207']);
  });

  it(`takes ${over - 1} operators, and any number joined by 'and' or compared, or in clauses of their own`, () => {
    const run = `completed visits${' + 1'.repeat(limits.maxExpressionDepth - 1)}`;
    expect(analyze(`${header}criterion c "C" require ${run} > 0 otherwise "x"`).diagnostics).toEqual([]);
    expect(analyze(`${header}criterion c "C" require ${Array(50).fill(`${run} > 0`).join(' and ')} otherwise "x"`).diagnostics).toEqual([]);
    const nots = `${'not '.repeat(limits.maxExpressionDepth)}completed visits > 0`;
    expect(analyze(`${header}applies when ${nots}\ncriterion c "C" only when ${nots} require ${nots} certify at most ${run} otherwise "x"`).diagnostics).toEqual([]);
  });

  it('reports at most maxDiagnostics per file, and one P208 counting the rest, at the first left out', () => {
    const bad = Array.from({ length: 300 }, (_, i) => `criterion c${i} "C" require completed visits > 0; otherwise "x"`);
    const text = `${header}${bad.join('\n')}\n`;
    for (const r of [analyze(text), compileGuideline(text)]) {
      const codes = r.diagnostics.map((d) => d.code);
      expect(codes).toHaveLength(limits.maxDiagnostics + 1);
      expect(codes.filter((c) => c === 'P208')).toEqual(['P208']);
      const summary = r.diagnostics.find((d) => d.code === 'P208')!;
      expect([summary.severity, summary.data?.['count']]).toEqual(['error', 300 - limits.maxDiagnostics]);
      expect(summary.range.start).toBe(text.indexOf(';', text.indexOf(`c${limits.maxDiagnostics} `)));
    }
  });

  it('counts left-out checks into the same P208, as an error when any is one', () => {
    const unknown = Array.from({ length: 150 }, (_, i) => `criterion c${i} "C" require complted visits > 0 otherwise "x"`);
    const r = analyze(`${header}${unknown.join('\n')}\n`);
    expect(r.diagnostics.map((d) => d.code)).toEqual([...Array(limits.maxDiagnostics).fill('C301'), 'P208']);
    expect(r.diagnostics.at(-1)!.data).toMatchObject({ count: 50, what: 'errors' });
  });

  it('P208 says how many more there are', () => {
    const r = analyze('@\n'.repeat(limits.maxDiagnostics + 7));
    expect(r.diagnostics.at(-1)!.message).toBe(`7 more errors not shown: a file reports at most ${limits.maxDiagnostics}`);
  });

  it('refuses a file over the size limit without reading it', () => {
    const r = compileGuideline('#'.repeat(limits.maxFileLength + 1));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['L103']);
    expect(r.rules).toBeUndefined();
  });
});

describe('reserved words as names', () => {
  it.each([
    ['criterion known "K" require completed visits > 0 otherwise "x"', 'known'],
    ['class first "F" terms "x"\ncriterion c "C" require completed visits > 0 otherwise "x"', 'first'],
  ])('%s', (decl, word) => {
    const text = header + decl;
    const ds = analyze(text).diagnostics;
    expect(ds.map((d) => d.code)).toContain('P206');
    const d = ds.find((x) => x.code === 'P206')!;
    expect(text.slice(d.range.start, d.range.end)).toBe(word);
  });

  // `toString` once read as the keyword `to` and a word: a P206 over `to`, then a P201 over the rest.
  it.each([
    ['criterion <|toString|> "T" require completed visits > 0 otherwise "x"'],
    ['class <|inForce|> "F" terms "x"\ncriterion c "C" require completed visits > 0 and diagnosis is inForce otherwise "x"'],
  ])('a name with an upper-case letter is L104 over the whole word, and nothing else: %s', (decl) => {
    const { text, ranges } = markers(header + decl);
    expect(analyze(text).diagnostics.filter((d) => d.code !== 'L104' || d.range.start === ranges[0]!.start).map((d) => [d.code, d.range])).toEqual([['L104', ranges[0]]]);
  });

  // A part of a guideline id: after a dot, or before one. A policy names the same parts.
  const body = '\n  title "T" source "S", pages 1 covers physical-therapy uses physical-medicine\n';
  it.each<[string, string[]]>([
    [`guideline acme.<|codes|>${body}`, ['P206']],
    [`guideline <|codes|>.mri${body}`, ['P206']],
    [`guideline acme.<|in|>.<|force|>${body}`, ['P206', 'P206']],
    [`guideline a.b${body}policy p "P" jurisdiction CA first a.b then acme.<|known|>.*`, ['P206']],
  ])('a reserved word in a guideline id: %s', (input, codes) => {
    expectMarked(input, codes, (text) => ({ diagnostics: analyze(text).diagnostics.filter((d) => d.code !== 'C311' && d.code !== 'C322') }));
  });

  // A word of a fact, a record's field or a define: the one error, at the word, and the rest read.
  const vocabulary = 'vocabulary v "V"\n';
  it.each<[string]>([
    [`${vocabulary}fact requested <|procedure|> code: code, from request.procedureCode\n  "The code."`],
    [`${vocabulary}fact <|first|> visit date: date, from history.firstVisitDate\n  "The first visit."`],
    [`${vocabulary}fact knee <|in|> <|force|>: yes or no, from findings.kneeInForce\n  "x"`],
    [`${vocabulary}fact <|class|> size: number, from findings.classSize\n  "x"`],
    [`${vocabulary}fact visits: list of visit, from history.visits\n  "x"\nrecord visit "V"\n  field visit <|title|>: text, from heading\n    "x"`],
    [`${header}define <|first|> course "The first course": completed visits <= 6\ncriterion c "C" require completed visits > 0 otherwise "x"`],
  ])('a reserved word among the words of a fact or define: %s', (input) => {
    const { text, ranges } = markers(input);
    expect(analyze(text).diagnostics.map((d) => [d.code, d.range])).toEqual(ranges.map((r) => ['P206', r]));
  });

  it('keeps reading the declaration after the reserved word', () => {
    const text = `${header}criterion known "K" require complted visits > 0 otherwise "x"`;
    expect(analyze(text).diagnostics.map((d) => d.code)).toEqual(['P206', 'C301']);
  });
});

describe('expressions nested past the limit without parentheses', () => {
  const L = limits.maxExpressionDepth;

  it.each(deepExpressions(L))('%s at the limit passes every pass', (_, text) => {
    expect(analyze(text).diagnostics).toEqual([]);
    const compiled = compileGuideline(text);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.rules).toBeDefined();
    const formatted = formatGuideline(text);
    expect(formatted.diagnostics).toEqual([]);
    expect(formatGuideline(formatted.text).text).toBe(formatted.text);
    // The editor services, at offsets along the deepest part.
    for (const at of [text.indexOf('require') + 8, Math.floor(text.length / 2), text.lastIndexOf('otherwise') - 2]) {
      expect(Array.isArray(completionsAt(text, at))).toBe(true);
      hoverAt(text, at);
      definitionAt(text, at);
      expect(Array.isArray(quickFixesAt(text, { start: at, end: at }))).toBe(true);
    }
  });

  it.each(deepExpressions(L + 1))('%s one past the limit is P207, located, and no pass fails on it', (_, text, at) => {
    const r = compileGuideline(text);
    expect(r.diagnostics.map((d) => [d.code, d.range])).toEqual([['P207', at]]);
    expect(r.rules).toBeUndefined();
    // The formatter reads a rationale's placeholders as text: it has nothing to refuse there.
    expect(formatGuideline(text).diagnostics.map((d) => d.code)).toEqual(text.includes('"{') ? [] : ['P207']);
    for (const at of [text.indexOf('require') + 8, Math.floor(text.length / 2)]) {
      expect(Array.isArray(completionsAt(text, at))).toBe(true);
      hoverAt(text, at);
      definitionAt(text, at);
      expect(Array.isArray(quickFixesAt(text, { start: at, end: at }))).toBe(true);
    }
  });

  it.each([['a thousand nots', 'not '.repeat(1000) + 'completed visits > 0'], ['two thousand sums', Array(2000).fill('completed visits').join(' + ') + ' > 0']])('%s is P207, not a stack overflow', (_, expr) => {
    expect(compileGuideline(`${header}criterion c "C" require ${expr} otherwise "x"`).diagnostics.map((d) => d.code)).toEqual(['P207']);
  });
});
