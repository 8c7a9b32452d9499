// The CLI's JSON positions: where a text stops being JSON when V8's message gives no position,
// where a field named by its path stands (its key, or the nearest enclosing field that is there), and
// where an object gives a key twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, syntaxErrorOffset } from '../packages/cli/src/json.ts';
import { findDuplicateKey, locateField } from '../packages/cli/src/json-locate.ts';
import { runs, seed } from './support/fuzz.ts';

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

describe('locateField', () => {
  const doc = '{\n  "request": { "treatment": "pt", "visits": [1, {"n": 2}] },\n  "id": "x"\n}';
  it.each([
    ['request.treatment', '"treatment"'],
    ['request.visits[1].n', '"n"'],
    ['id', '"id"'],
    // A field the text lacks is shown at the nearest one that is there.
    ['request.weeks', '"request"'],
    ['history.visitsCompleted', '{'],
  ])('%s', (path, shown) => {
    const span = locateField(doc, path);
    expect(doc.slice(span.start, span.end)).toBe(shown);
  });
});

describe('findDuplicateKey', () => {
  it.each([
    ['{"a": 1, <|"a": 2}', 'a'],
    ['{"a": {"b": 1, "c": [{"d": 1, <|"d": 2}]}}', 'd'],
    ['[{"x": 1}, {"y": 1, <|"y": 1}]', 'y'],
    // The same key however it is written.
    ['{"a": 1, <|"\\u0061": 2}', 'a'],
    // Inside a string, braces and quotes are text.
    ['{"a": "{\\"a\\": 1}", "b": "}", <|"a": 2}', 'a'],
  ])('%s: at the second', (marked, key) => {
    const [text, offset] = at(marked);
    expect(findDuplicateKey(text)).toEqual({ key, first: expect.anything(), second: expect.objectContaining({ start: offset }) });
  });

  it.each([
    '{"a": 1, "b": {"a": 1}}',
    '[{"a": 1}, {"a": 2}]',
    '{"a": ["a", "a"], "b": "a"}',
    '{"a": 1, "A": 1, "a ": 1}',
    '"a"',
    '{}',
  ])('%s: none', (text) => {
    expect(findDuplicateKey(text)).toBeUndefined();
  });

  it('finds none in what JSON.stringify writes, at any nesting', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(findDuplicateKey(JSON.stringify(v, null, 1))).toBeUndefined();
      }),
      { numRuns: runs(300), ...seed(11) },
    );
  });
});

describe('parseJson refusing a key given twice', () => {
  it('names the key and the first, at the second, only when asked', () => {
    const text = '{\n  "jurisdiction": "CA",\n  "jurisdiction": "TX"\n}';
    expect(parseJson(text, { duplicateKeys: 'refuse' }).error).toEqual({ line: 3, column: 3, offset: 28, message: 'key "jurisdiction" is given twice (first at line 2)' });
    expect(parseJson('{"a": 1, "a": 2}', { duplicateKeys: 'refuse' }).error?.message).toBe('key "a" is given twice (first at line 1, column 2)');
    expect(parseJson(text).value).toEqual({ jurisdiction: 'TX' });
  });
});
