// The CLI's JSON documents: where a text stops being JSON when V8's message gives no position, and
// a key given twice refused at its place (where fields and keys stand is the runtime's:
// packages/runtime/test/json-fields.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, syntaxErrorOffset } from '../packages/cli/src/json.ts';
import { runs, seed } from './support/fuzz.ts';
import { objectsWithKeys, withKeyTwice } from './support/json-text.ts';

/** A text with `<|` at the expected offset. */
const at = (marked: string): [string, number] => [marked.replace('<|', ''), marked.indexOf('<|')];

describe('syntaxErrorOffset', () => {
  it.each([
    '{\n  "case": {},\n  "expect": <|}\n}',
    '{"a": 1<|',
    '[1, 2,<|]',
    '{"a" <|1}',
    '{"a": <|tru}',
    '"abc<|',
    '{"a": 1} <|x',
    '{"a": "\\<|x"}',
    '{"a": [1 <|2]}',
    '{<|,}',
    '{"a": 1,<|}',
    '<|',
  ])('%s', (marked) => {
    const [text, offset] = at(marked);
    expect(syntaxErrorOffset(text)).toBe(offset);
  });

  it('stays within the text, for any text JSON.parse refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((j) => j.slice(0, -1))), (text) => {
        if (parseJson(text).error === undefined) return;
        const o = syntaxErrorOffset(text);
        expect(o >= 0 && o <= text.length).toBe(true);
      }),
      { numRuns: runs(300), ...seed(7) },
    );
  });
});

describe('parseJson refusing a key given twice', () => {
  it('names the key and the first, at the second', () => {
    const text = '{\n  "jurisdiction": "CA",\n  "jurisdiction": "TX"\n}';
    expect(parseJson(text).error).toEqual({ line: 3, column: 3, offset: 28, message: 'key "jurisdiction" is given twice (first at line 2)' });
    expect(parseJson('{"a": 1, "a": 2}').error?.message).toBe('key "a" is given twice (first at column 2)');
  });

  // It counts colons against the keys JSON.parse kept, and looks further only when they differ: the
  // colons of strings (escaped quotes and backslashes before them) must not hide a key given twice.
  it.each([
    ['{"a": "x:y", "a": 1}', 'a'],
    ['{"t": "a\\\\", "b": {"c": ":", "c": 2}}', 'c'],
    ['{"t": "\\":"}', undefined],
    ['[{"a": 1}, {"a": 2}]', undefined],
    ['{"a": {"a": 1}}', undefined],
    ['"a: b"', undefined],
  ])('%s', (text, key) => {
    const r = parseJson(text);
    if (key === undefined) expect(r).toEqual({ value: JSON.parse(text) });
    else expect(r.error?.message).toMatch(new RegExp(`^key "${key}" is given twice`));
  });

  const withStrings = fc.jsonValue({ maxDepth: 4 }).chain((v) => fc.constantFrom(JSON.stringify(v), JSON.stringify(v, null, 2)));

  it('passes every JSON text whose objects give each key once, whatever its strings hold', () => {
    fc.assert(
      fc.property(withStrings, (text) => {
        expect(parseJson(text)).toEqual({ value: JSON.parse(text) });
      }),
      { numRuns: runs(500), ...seed(12) },
    );
  });

  it('refuses a key written again in any object, at any depth', () => {
    const withKeys = fc.jsonValue({ maxDepth: 4 }).filter((v) => objectsWithKeys(v) > 0);
    fc.assert(
      fc.property(withKeys, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 1 }), (v, nth, pick, other) => {
        const { text } = withKeyTwice(v, nth % objectsWithKeys(v), pick, other);
        expect(parseJson(text).error?.message).toMatch(/^key ".*" is given twice/);
      }),
      { numRuns: runs(500), ...seed(13) },
    );
  });
});
