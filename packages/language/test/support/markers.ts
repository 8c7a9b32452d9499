// Range markers for tests (after Langium's `replaceIndices`): write `<|…|>` around the span a
// diagnostic should cover, and get back the text without markers plus the marked ranges.
import type { Range } from '../../src/diagnostics.ts';

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
