// decodeUtf8: a line's bytes as text, or the column of its first byte that is not UTF-8; a real
// U+FFFD in the text is text, not a fault.
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../packages/cli/src/read.ts';

const fffd = [0xef, 0xbf, 0xbd];
const ascii = (s: string): number[] => [...Buffer.from(s)];

describe('decodeUtf8', () => {
  it.each([
    ['plain text', ascii('{"id":"a"}'), { text: '{"id":"a"}' }],
    ['a real U+FFFD', [...ascii('"a'), ...fffd, ...ascii('b"')], { text: '"a\ufffdb"' }],
    ['a bad byte after a real U+FFFD', [...ascii('"'), ...fffd, 0xff, ...ascii('"')], { badByte: 5 }],
    ['a bad byte alone', [...ascii('"ab'), 0xff, ...ascii('"')], { badByte: 4 }],
    ['a sequence cut short', [...ascii('"'), 0xe2, 0x82, ...ascii('"')], { badByte: 2 }],
    ['an overlong form', [...ascii('"'), 0xc0, 0xaf, ...ascii('"')], { badByte: 2 }],
    ['a surrogate written as UTF-8', [...ascii('"'), 0xed, 0xa0, 0x80, ...ascii('"')], { badByte: 2 }],
  ])('%s', (_, bytes, want) => {
    expect(decodeUtf8(Buffer.from(bytes))).toEqual(want);
  });
});
