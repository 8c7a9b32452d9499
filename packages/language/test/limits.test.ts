import { describe, expect, it } from 'vitest';
import { analyze, compileGuideline } from '../src/index.ts';
import { limits } from '../src/parse.ts';

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
