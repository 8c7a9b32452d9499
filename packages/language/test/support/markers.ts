// Range markers for tests (after Langium's `replaceIndices`): write `<|…|>` around the span a
// diagnostic should cover, and get back the text without markers plus the marked ranges.
import { expect } from 'vitest';
import type { Range } from '../../src/diagnostics.ts';
import { analyze } from '../../src/pipeline.ts';

export interface Marked {
  /** The input with every `<|` and `|>` removed. */
  text: string;
  /** The marked spans, in the order their `<|` appears; half-open offsets into `text`. */
  ranges: Range[];
}

export function markers(input: string): Marked {
  let text = '';
  const ranges: Range[] = [];
  const open: number[] = [];
  for (let i = 0; i < input.length; i++) {
    if (input.startsWith('<|', i)) {
      open.push(ranges.length);
      ranges.push({ start: text.length, end: -1 });
      i++;
    } else if (input.startsWith('|>', i)) {
      const at = open.pop();
      if (at === undefined) throw new Error(`'|>' without '<|' at ${i} in ${JSON.stringify(input)}`);
      ranges[at]!.end = text.length;
      i++;
    } else {
      text += input[i];
    }
  }
  if (open.length) throw new Error(`'<|' without '|>' in ${JSON.stringify(input)}`);
  return { text, ranges };
}

/**
 * Asserts that `run` (the pipeline's `analyze` by default) reports exactly the diagnostics marked in
 * `input`: one code per marked span, in the order the spans open.
 */
export function expectMarked(input: string, codes: string[], run: (text: string) => { diagnostics: { code: string; range: unknown }[] } = analyze): void {
  const { text, ranges } = markers(input);
  const key = (d: { code: string; range: unknown }): string => JSON.stringify(d);
  const actual = run(text).diagnostics.map(({ code, range }) => ({ code, range }));
  const expected = ranges.map((range, i) => ({ code: codes[i]!, range }));
  expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
}
