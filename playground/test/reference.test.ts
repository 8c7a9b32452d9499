// The Reference panel's reading of the markdown docs (node): sections at ## and ### headings, never
// at a heading-like line inside a code block; every diagnostic code has its section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '@guideline/language';
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
