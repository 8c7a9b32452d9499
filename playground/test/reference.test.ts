// The Reference panel's reading of the markdown docs (node): sections at ## and ### headings, never
// at a heading-like line inside a code block; every diagnostic code and every keyword has its section;
// a keyword is found under the cursor outside strings and comments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '@guideline/language';
import { keywords } from '../src/monarch.generated.ts';
import { keywordAt, keywordSections } from '../src/reference-links.ts';
import { sections } from '../src/reference.ts';

describe('sections', () => {
  it.each([
    ['## A\nx\n### B\ny', ['A', 'B']],
    ['# Title\n## A\n```\n## not a heading\n```\n', ['A']],
    ['text before any heading\n## A', ['A']],
    ['#### too deep\n## A', ['A']],
  ])('%j', (text, titles) => {
    expect(sections('doc', text).map((s) => s.title)).toEqual(titles);
  });

  it('finds a section for every diagnostic code in docs/diagnostics.md', () => {
    const titles = sections('Diagnostics', readFileSync(join(import.meta.dirname, '../../docs/diagnostics.md'), 'utf8')).map((s) => s.title);
    for (const code of Object.keys(diagnosticCodes)) expect(titles.some((t) => t.startsWith(`${code} `))).toBe(true);
  });
});

describe('the keywords\' sections of the specification', () => {
  it('has a section of grammar/SPEC.md for every keyword of the language', () => {
    const titles = new Set(sections('spec', readFileSync(join(import.meta.dirname, '../../grammar/SPEC.md'), 'utf8')).map((s) => s.title));
    expect(keywords.filter((k) => !keywordSections.has(k))).toEqual([]);
    expect([...new Set(keywordSections.values())].filter((s) => !titles.has(s))).toEqual([]);
  });

  it.each([
    ['criterion visit-count "Limited"', 3, 'criterion'],
    ['criterion visit-count "Limited"', 13, undefined],
    ['  require completed visits <= 6', 5, 'require'],
    ['  title "Care in force"', 16, undefined],
    ['# only when it is known', 4, undefined],
    ['  only when x is known # comment', 22, 'known'],
    ['  only-when', 4, undefined],
  ])('%j at column %i: %s', (line, column, keyword) => {
    expect(keywordAt(line, column)).toBe(keyword);
  });
});
