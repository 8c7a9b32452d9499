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
    // JSON.stringify's text, but the `nth` object with keys (in the order they close) writes one of
    // them again, with another value, last.
    const doubled = (v: unknown, nth: number, pick: number, other: unknown): string => {
      let seen = 0;
      const write = (x: unknown): string => {
        if (Array.isArray(x)) return `[${x.map(write).join(',')}]`;
        if (x === null || typeof x !== 'object') return JSON.stringify(x);
        const keys = Object.keys(x);
        const parts = keys.map((k) => `${JSON.stringify(k)}:${write((x as Record<string, unknown>)[k])}`);
        if (keys.length && seen++ === nth) parts.push(`${JSON.stringify(keys[pick % keys.length])}:${JSON.stringify(other)}`);
        return `{${parts.join(',')}}`;
      };
      return write(v);
    };
    const objects = (x: unknown): number => (Array.isArray(x) ? x.reduce((n: number, y) => n + objects(y), 0) : x && typeof x === 'object' ? (Object.keys(x).length ? 1 : 0) + Object.values(x).reduce((n: number, y) => n + objects(y), 0) : 0);
    const withKeys = fc.jsonValue({ maxDepth: 4 }).filter((v) => objects(v) > 0);
    fc.assert(
      fc.property(withKeys, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 1 }), (v, nth, pick, other) => {
        const text = doubled(v, nth % objects(v), pick, other);
        expect(parseJson(text).error?.message).toMatch(/^key ".*" is given twice/);
      }),
      { numRuns: runs(500), ...seed(13) },
    );
  });
});
