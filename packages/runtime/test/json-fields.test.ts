// Where a field of a JSON text stands, by the path a problem names it with (its key, or the nearest
// enclosing field that is there), and where an object gives a key twice: what the command line frames
// and the playground marks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKeyMessage, duplicateKeys, jsonField, jsonFieldSpan, jsonFieldSpans } from '../src/index.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';
import { objectsWithKeys, withKeyTwice } from '../../../test/support/json-text.ts';

/** A text with `<|` at the expected offset. */
const at = (marked: string): [string, number] => [marked.replace('<|', ''), marked.indexOf('<|')];
const shown = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

/** Every path into a value, as keys and indexes, the whole ([]) first. */
function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}
const valueAt = (v: unknown, path: readonly (string | number)[]): unknown => path.reduce((x: unknown, s) => (x as Record<string | number, unknown>)[s], v);

describe('jsonFieldSpan', () => {
  const doc = '{\n  "request": { "treatment": "pt", "visits": [1, {"n": 2}] },\n  "id": "x"\n}';
  it.each([
    ['request.treatment', '"treatment"'],
    ['request.visits[1].n', '"n"'],
    ['id', '"id"'],
    // An item of a list, and the whole, have no key: their value.
    ['request.visits[1]', '{"n": 2}'],
    ['', doc],
    // A field the text lacks is shown at the nearest one that is there: its key, or its value's first character.
    ['request.weeks', '"request"'],
    ['request.visits[1].m', '{'],
    ['request.visits[2]', '"visits"'],
    ['history.visitsCompleted', '{'],
    // An index is no key, nor a key an index.
    ['request.visits.0', '"visits"'],
  ])('%s', (path, expected) => {
    expect(shown(doc, jsonFieldSpan(doc, path))).toBe(expected);
  });

  it('takes a path as keys and indexes too, whatever the keys hold', () => {
    const text = '{"a.b": {"[0]": [true, {"": 1}]}}';
    expect(shown(text, jsonFieldSpan(text, ['a.b', '[0]', 1, '']))).toBe('""');
    expect(shown(text, jsonFieldSpan(text, ['a.b', '[0]', 0]))).toBe('true');
    // Written as the case check writes paths, 'a.b' is two keys, which the text does not give.
    expect(shown(text, jsonFieldSpan(text, 'a.b'))).toBe('{');
  });

  it('passes over a byte-order mark, its offsets still those of the text given', () => {
    const text = '\ufeff{"a": [1]}';
    expect(jsonFieldSpan(text, 'a[0]')).toEqual({ start: 8, end: 9 });
    expect(duplicateKeys('\ufeff{"a": 1, "a": 2}')[0]?.second).toEqual({ start: 10, end: 13 });
  });

  it('reads a key however it is written', () => {
    const text = '{"\\u0061": {"b\\"": 1}}';
    expect(shown(text, jsonFieldSpan(text, ['a', 'b"']))).toBe('"b\\""');
  });

  it('takes a key given twice at its last, as JSON.parse does', () => {
    const text = '{"a": {"b": 1}, "a": {"c": 2}}';
    expect(jsonFieldSpan(text, 'a.c').start).toBe(text.indexOf('"c"'));
    // The first "a" had a b, the one kept has none: shown at the "a" kept.
    expect(jsonFieldSpan(text, 'a.b').start).toBe(text.lastIndexOf('"a"'));
  });

  it('locates many paths in one reading, each as alone', () => {
    const doc = '{"diagnoses": [{"text": "neck pain", "icd10": 12}, 5], "request": {}}';
    const paths = ['diagnoses[0].icd10', 'diagnoses[1]', 'diagnoses[0].text', 'request.treatment', 'asOf', 'diagnoses[0].icd10'];
    expect(jsonFieldSpans(doc, paths).map((s) => shown(doc, s))).toEqual(['"icd10"', '5', '"text"', '"request"', '{', '"icd10"']);
    expect(jsonFieldSpans(doc, paths)).toEqual(paths.map((p) => jsonFieldSpan(doc, p)));
  });

  // A text that is not JSON is read up to where it stops being JSON: what came before is still located.
  it.each([
    ['{"a": 1, "b": [2, {"c": ', 'b[0]', '2'],
    ['{"a": 1, "b": [2, {"c": ', 'b[1].c', '{'],
    ['{"a": 1, "b" 2, "c": 3}', 'a', '"a"'],
    ['{"a": 1, "b" 2, "c": 3}', 'c', '{'],
    ['{"a": "unclosed', 'a', '"a"'],
    ['', 'a', ''],
    ['  ', '', ' '],
    ['nonsense', 'a', 'n'],
  ])('%j: %s', (text, path, expected) => {
    expect(shown(text, jsonFieldSpan(text, path))).toBe(expected);
  });

  it('stays within the text, for any text', () => {
    const texts = fc.oneof(fc.string(), fc.json().chain((j) => fc.nat(j.length).map((n) => j.slice(0, n))));
    const path = fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.nat(3)), { maxLength: 4 });
    fc.assert(
      fc.property(texts, path, (text, p) => {
        const s = jsonFieldSpan(text, p);
        expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
        expect(() => duplicateKeys(text)).not.toThrow();
      }),
      { numRuns: runs(500), ...seed(21) },
    );
  });

  it('is safe at any nesting', () => {
    const text = `${'{"a": ['.repeat(50_000)}1${']}'.repeat(50_000)}`;
    const deep = Array.from({ length: 50_000 }, () => ['a', 0]).flat();
    expect(shown(text, jsonFieldSpan(text, deep))).toBe('1');
    expect(duplicateKeys(text)).toEqual([]);
  });
});

describe('jsonField', () => {
  it('gives the key and the value of a field, none for one the text lacks', () => {
    const text = '{"a": [1, {"b": null}]}';
    expect(jsonField(text, 'a[1].b')).toEqual({ key: { start: 11, end: 14 }, value: { start: 16, end: 20 } });
    expect(jsonField(text, 'a[0]')).toEqual({ value: { start: 7, end: 8 } });
    expect(jsonField(text, 'a[2]')).toBeUndefined();
    expect(jsonField('{"a": [1, 2', 'a')).toBeUndefined();
  });

  // Of every field of any JSON value, however JSON.stringify lays it out: the value's text parses
  // back to the value at that path, and the key's to its name.
  it('spans every field of a JSON text: its value and its key', () => {
    const texts = fc.jsonValue().chain((v) => fc.constantFrom(undefined, 1, 2, '\t').map((indent) => JSON.stringify(v, null, indent)));
    fc.assert(
      fc.property(texts, (text) => {
        const parsed: unknown = JSON.parse(text);
        for (const path of pathsOf(parsed)) {
          const field = jsonField(text, path);
          expect(JSON.parse(shown(text, field!.value))).toEqual(valueAt(parsed, path));
          const last = path[path.length - 1];
          if (typeof last === 'string') expect(JSON.parse(shown(text, field!.key!))).toBe(last);
          else expect(field!.key).toBeUndefined();
          expect(jsonFieldSpan(text, path)).toEqual(field!.key ?? field!.value);
        }
      }),
      { numRuns: runs(300), ...seed(22) },
    );
  });
});

describe('duplicateKeys', () => {
  it.each([
    ['{"a": 1, <|"a": 2}', 'a', 'a'],
    ['{"a": {"b": 1, "c": [{"d": 1, <|"d": 2}]}}', 'd', 'a.c[0].d'],
    ['[{"x": 1}, {"y": 1, <|"y": 1}]', 'y', '[1].y'],
    // The same key however it is written.
    ['{"a": 1, <|"\\u0061": 2}', 'a', 'a'],
    // Inside a string, braces and quotes are text.
    ['{"a": "{\\"a\\": 1}", "b": "}", <|"a": 2}', 'a', 'a'],
  ])('%s: at the second', (marked, key, path) => {
    const [text, offset] = at(marked);
    const found = duplicateKeys(text);
    expect(found).toEqual([{ key, path, first: expect.anything(), second: expect.objectContaining({ start: offset }) }]);
    expect([JSON.parse(shown(text, found[0]!.first)), JSON.parse(shown(text, found[0]!.second))]).toEqual([key, key]);
  });

  it('lists each in the order of the seconds, a third against the first, at most as many as asked', () => {
    const text = '{"a": 1, "b": {"c": 1, "c": 2}, "a": 2, "a": 3}';
    const found = duplicateKeys(text);
    expect(found.map((d) => [d.path, shown(text, d.first), d.first.start, d.second.start])).toEqual([
      ['b.c', '"c"', 15, 23],
      ['a', '"a"', 1, 32],
      ['a', '"a"', 1, 40],
    ]);
    expect(duplicateKeys(text, 2)).toEqual(found.slice(0, 2));
  });

  it.each([
    '{"a": 1, "b": {"a": 1}}',
    '[{"a": 1}, {"a": 2}]',
    '{"a": ["a", "a"], "b": "a"}',
    '{"a": 1, "A": 1, "a ": 1}',
    '"a"',
    '{}',
  ])('%s: none', (text) => {
    expect(duplicateKeys(text)).toEqual([]);
  });

  it('finds none in what JSON.stringify writes, at any nesting', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(duplicateKeys(JSON.stringify(v, null, 1))).toEqual([]);
      }),
      { numRuns: runs(300), ...seed(11) },
    );
  });

  it('finds a key written again in any object, at any depth, at its second', () => {
    const withKeys = fc.jsonValue({ maxDepth: 4 }).filter((v) => objectsWithKeys(v) > 0);
    fc.assert(
      fc.property(withKeys, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 1 }), (v, nth, pick, other) => {
        const { text, key } = withKeyTwice(v, nth % objectsWithKeys(v), pick, other);
        const [d, ...more] = duplicateKeys(text);
        expect(more).toEqual([]);
        expect([d!.key, JSON.parse(shown(text, d!.first)), JSON.parse(shown(text, d!.second))]).toEqual([key, key, key]);
        expect(d!.first.start).toBeLessThan(d!.second.start);
      }),
      { numRuns: runs(500), ...seed(13) },
    );
  });
});

describe('duplicateKeyMessage', () => {
  it('says where the first is: its line, or its column when both are on one line', () => {
    const text = '{\n  "jurisdiction": "CA",\n  "history": { "visitsCompleted": 24, "visitsCompleted": 2 },\n  "jurisdiction": "TX"\n}';
    expect(duplicateKeys(text).map((d) => `${d.path}: ${duplicateKeyMessage(text, d)}`)).toEqual([
      'history.visitsCompleted: is given twice (first at column 16)',
      'jurisdiction: is given twice (first at line 2)',
    ]);
    const line = '{"a": 1, "a": 2}';
    expect(duplicateKeyMessage(line, duplicateKeys(line)[0]!)).toBe('is given twice (first at column 2)');
  });
});
