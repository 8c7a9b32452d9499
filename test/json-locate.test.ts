// The CLI's JSON positions: where a text stops being JSON when V8's message gives no position, and
// where a field named by its path stands (its key, or the nearest enclosing field that is there).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, syntaxErrorOffset } from '../packages/cli/src/json.ts';
import { locateField } from '../packages/cli/src/json-locate.ts';
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
