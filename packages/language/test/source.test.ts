// Source coordinates and code frames: a frame shows the lines around a range with a caret line, and
// a long line only as a window around the range, so a frame's size does not grow with the line.
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../src/source.ts';
import { markers } from './support/markers.ts';

/** The frame of the marked range, at the given width. */
function frame(input: string, width?: number, show?: (t: string) => string): string {
  const { text, ranges } = markers(input);
  return new SourceFile(text).codeFrame(ranges[0]!, { ...(width === undefined ? {} : { width }), ...(show ? { show } : {}) });
}

describe('code frames', () => {
  it.each([
    ['one line', 'a <|b|> c', ['> 1 | a b c', '    |   ^']],
    ['context around', 'x\ny <|zz|>\nw\nv', ['  1 | x', '> 2 | y zz', '    |   ^^', '  3 | w']],
    ['a range over lines carets to the end of its first', 'a <|b\nc|>', ['> 1 | a b', '    |   ^', '  2 | c']],
    ['an empty range gets one caret', 'ab<||>c', ['> 1 | abc', '    |   ^']],
    ['CRLF line ends are not shown', 'a\r\n<|b|>\r\nc', ['  1 | a', '> 2 | b', '    | ^', '  3 | c']],
    ['the gutter is as wide as the last line number', `${'\n'.repeat(9)}<|x|>\ny`, ['   9 | ', '> 10 | x', '     | ^', '  11 | y']],
  ])('%s', (_, input, lines) => {
    expect(frame(input).split('\n')).toEqual(lines);
  });

  it.each([
    ['near the start of a long line: from its start, cut at the end', `a<|b|>${'c'.repeat(50)}`, 20, ['> 1 | abcccccccccccccccccc…', '    |  ^']],
    ['far into a long line: a window around the range, cut on both sides', `${'a'.repeat(50)}<|b|>${'c'.repeat(50)}`, 20, ['> 1 | …aaaaaabccccccccccccc…', '    |        ^']],
    ['at the very end of a long line', `${'a'.repeat(50)}<|b|>`, 20, ['> 1 | …aaaaaab', '    |        ^']],
    ['a long range: the carets stop at the window', `${'a'.repeat(50)}<|${'b'.repeat(50)}|>`, 20, ['> 1 | …aaaaaabbbbbbbbbbbbbb…', '    |        ^^^^^^^^^^^^^^']],
    ['context lines share the window', `${'x'.repeat(60)}\n${'a'.repeat(50)}<|b|>\nshort`, 20, ['  1 | …xxxxxxxxxxxxxxxx', '> 2 | …aaaaaab', '    |        ^', '  3 | …']],
  ])('%s', (_, input, width, lines) => {
    expect(frame(input, width).split('\n')).toEqual(lines);
  });

  it('stays small however long the line: an 80 KB line of errors frames in about its width', () => {
    for (const at of [0, 1000, 40_000, 79_998]) {
      // An 'X' where the range starts, so the caret's place is checked exactly.
      const text = '@ '.repeat(40_000).split('');
      text[at] = 'X';
      const f = new SourceFile(text.join('')).codeFrame({ start: at, end: text.length });
      expect(f.length).toBeLessThan(300);
      const [line, carets] = f.split('\n');
      expect(line![carets!.indexOf('^')]).toBe('X');
    }
  });

  it('prints through show, with the caret under what it printed', () => {
    const show = (t: string) => t.replace(/\u001b/g, '\\x1b');
    expect(frame('a\u001b\u001b <|b|>', undefined, show).split('\n')).toEqual(['> 1 | a\\x1b\\x1b b', '    |           ^']);
  });

  it('keeps tabs under tabs in the caret line', () => {
    expect(frame('\t\ta <|b|>').split('\n')).toEqual(['> 1 | \t\ta b', '    | \t\t  ^']);
  });

  it('never splits a surrogate pair at a window edge', () => {
    const text = `${'😀'.repeat(40)}x`;
    const f = new SourceFile(text).codeFrame({ start: text.length - 1, end: text.length }, { width: 21 });
    expect(f).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});
