// Editor services: completion at a cursor `|`, hover and go-to-definition on the word under it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionsAt, definitionAt, hoverAt } from '@guideline/language';
import { bundledSources } from '../../../test/support/bundled.ts';

const seedFile = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
const seed = readFileSync(join(import.meta.dirname, '../../..', seedFile), 'utf8');
/** The seed as the editor sees it: with the other files of the library, whose vocabularies it uses. */
const inLibrary = { file: seedFile, program: bundledSources() };

/** Completion labels at the `|` in the text. */
function labels(marked: string): string[] {
  const at = marked.indexOf('|');
  return completionsAt(marked.slice(0, at) + marked.slice(at + 1), at).map((c) => c.label);
}

describe('completion', () => {
  it.each<[string, string[], string[]]>([
    ['|', ['vocabulary', 'guideline', 'policy'], ['require']],
    ['vocabulary v "V"\nfact f: number, from request.f\n  "F."\n|', ['fact', 'unit', 'table', 'record', 'define', 'criterion', 'guideline'], []],
    ['guideline a uses v\ncriterion c\n  require f > 1\n|', ['use criterion', 'criterion', 'class'], []],
    ['guideline a uses physical-medicine\ncriterion c\n  |', ['only', 'require', 'certify', 'otherwise', 'criterion', 'class'], ['guideline a']],
    ['guideline a uses physical-medicine\ncriterion c\n  req|', ['require'], []],
    ['guideline a uses physical-medicine\ncriterion c\n  require |', ['completed visits', 'requested visits', 'not'], ['criterion', 'otherwise']],
    ['guideline a uses physical-medicine\ncriterion c\n  require completed |', ['completed visits'], ['requested visits']],
    ['guideline a uses physical-medicine\ncriterion c\n  require completed visits |', ['is', 'and', 'or', 'within'], []],
    ['guideline a uses physical-medicine\ncriterion c\n  require completed visits is |', ['at', 'more', 'known', 'not'], []],
    ['guideline a uses physical-medicine\ncriterion c\n  require functional improvement is |', ['documented', 'not-documented', 'known'], []],
    ['guideline a uses physical-medicine\nclass myalgia "M"\ncriterion c\n  require diagnosis is |', ['myalgia'], ['documented']],
    ['guideline a uses physical-medicine\ncriterion c\n  require completed visits < 3 |', ['visits', 'weeks'], []],
    ['guideline a uses physical-medicine\nclass myalgia "M"\nrecommend\n  |', ['myalgia', 'frequency'], []],
    ['guideline a uses physical-medicine\ncriterion c "# not a comment" # a comment |', [], ['require']],
  ])('%j', (text, present, absent) => {
    const got = labels(text);
    for (const p of present) expect(got).toContain(p);
    for (const a of absent) expect(got).not.toContain(a);
  });

  it('replaces the words already typed of a fact name', () => {
    const text = 'guideline a uses physical-medicine\ncriterion c\n  require completed vi';
    const item = completionsAt(text, text.length).find((c) => c.label === 'completed visits')!;
    expect(text.slice(item.range.start, item.range.end)).toBe('completed vi');
    expect(item.detail).toBe('number (visits)');
  });
});

describe('hover', () => {
  const at = (word: string, nth = 0): number => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = seed.indexOf(word, i + 1);
    return i + 1;
  };

  it('on a fact: its type, unit and description', () => {
    const h = hoverAt(seed, at('completed visits +'), inLibrary)!;
    expect(h.title).toBe('fact completed visits: number (visits)');
    expect(h.body.join(' ')).toMatch(/already completed/);
    expect(seed.slice(h.range.start, h.range.end)).toBe('completed visits');
  });

  it('on a criterion: its rationale and the guideline citation', () => {
    const h = hoverAt(seed, at('visit-count'), inLibrary)!;
    expect(h.title).toBe('criterion visit-count');
    expect(h.body.join('\n')).toMatch(/would exceed the \{recommended visits\} visits/);
    expect(h.body.join('\n')).toMatch(/pp\. 98-99/);
  });

  it('on a shared criterion: its own source, and the vocabulary that shares it', () => {
    const text = 'vocabulary v "V"\n  uses physical-medicine\ncriterion shared-c "C"\n  source "Doc", pages 3-4\n  require completed visits > 0\n  otherwise "no"\n';
    const h = hoverAt(text, text.indexOf('shared-c') + 1)!;
    expect(h.body).toEqual(['C', 'Rationale when not met: no', 'Source: Doc, pp. 3-4', "Shared criterion of vocabulary v: guidelines apply it with 'use criterion shared-c'."]);
  });

  it('on a class name in a recommendation', () => {
    expect(hoverAt(seed, at('neuralgia:'), inLibrary)!.body.join(' ')).toMatch(/Terms: neuralgia/);
  });

  it('says nothing on a keyword', () => {
    expect(hoverAt(seed, at('recommend\n'), inLibrary)).toBeUndefined();
  });
});

describe('go to definition', () => {
  it('from a recommendation and a class value to the class', () => {
    const text = 'guideline a uses physical-medicine\nclass myalgia "M"\nrecommend\n  myalgia: 9 visits over 8 weeks\ncriterion c\n  require diagnosis is myalgia\n';
    const decl = text.indexOf('myalgia');
    for (const from of [text.indexOf('myalgia:') + 2, text.lastIndexOf('myalgia') + 1]) {
      expect(definitionAt(text, from)).toEqual({ start: decl, end: decl + 'myalgia'.length });
    }
  });

  it('from a policy pattern to the guideline', () => {
    const text = 'guideline mtus.a\n  title "T"\npolicy p\n  jurisdiction CA\n  first mtus.*\n';
    expect(definitionAt(text, text.indexOf('mtus.*') + 1)).toEqual({ start: text.indexOf('mtus.a'), end: text.indexOf('mtus.a') + 6 });
  });
});
