import { describe, expect, it } from 'vitest';
import { analyze, compileGuideline, completionsAt, definitionAt, formatGuideline as format, hoverAt } from '../src/index.ts';
import { limits } from '../src/parse.ts';
import { deepExpressions } from './support/deep.ts';

const header = 'guideline a.b title "T" source "S", pages 1 covers physical-therapy\n';

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
    const formatted = format(text);
    expect(formatted.diagnostics).toEqual([]);
    expect(format(formatted.text).text).toBe(formatted.text);
    // The editor services, at offsets along the deepest part.
    for (const at of [text.indexOf('require') + 8, Math.floor(text.length / 2), text.lastIndexOf('otherwise') - 2]) {
      expect(Array.isArray(completionsAt(text, at))).toBe(true);
      hoverAt(text, at);
      definitionAt(text, at);
    }
  });

  it.each(deepExpressions(L + 1))('%s one past the limit is P207, located, and no pass fails on it', (_, text, deepest) => {
    const r = compileGuideline(text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['P207']);
    expect(r.diagnostics[0]!.range.start).toBe(deepest);
    expect(r.rules).toBeUndefined();
    // The formatter reads a rationale's placeholders as text: it has nothing to refuse there.
    expect(format(text).diagnostics.map((d) => d.code)).toEqual(text.includes('"{') ? [] : ['P207']);
    for (const at of [text.indexOf('require') + 8, Math.floor(text.length / 2)]) {
      expect(Array.isArray(completionsAt(text, at))).toBe(true);
      hoverAt(text, at);
      definitionAt(text, at);
    }
  });

  it.each([['a thousand nots', 'not '.repeat(1000) + 'completed visits > 0'], ['two thousand sums', Array(2000).fill('completed visits').join(' + ') + ' > 0']])('%s is P207, not a stack overflow', (_, expr) => {
    expect(compileGuideline(`${header}criterion c "C" require ${expr} otherwise "x"`).diagnostics.map((d) => d.code)).toEqual(['P207']);
  });
});
