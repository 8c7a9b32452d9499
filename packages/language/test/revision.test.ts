// A rule set's revision: SHA-256 (the platform's and the plain TypeScript one, each checked against
// published vectors, and the two against each other) over canonical JSON (keys in order, whatever order they came in), of everything but the compiler and the revision.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, compileGuideline, ruleSetRevision, type CompiledTable, type RuleSet } from '../src/index.ts';
import { sha256Hex, sha256HexJs } from '../src/sha256.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

describe.each([
  ['sha256Hex', sha256Hex],
  ['sha256HexJs', sha256HexJs],
])('%s', (_name, hash) => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('of %j (FIPS 180-2 vectors)', (text, digest) => {
    expect(hash(text)).toBe(digest);
  });
});

describe('the two digests', () => {
  const node = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');

  it('sha256Hex is node:crypto', () => {
    expect(sha256Hex('é\u{1F600}\ud800')).toBe(node('é\u{1F600}\ud800'));
  });

  // Lone surrogates are written as U+FFFD by both; texts past the 64 KiB kept between calls take a buffer of their own.
  it.each([
    ['non-ASCII', 'Überweisung – ½ dose, 日本語, emoji \u{1F600}'],
    ['lone surrogates', '\ud800 \udfff x\ud83d'],
    ['past 64 KiB, 3 bytes a unit', '日'.repeat(30_000)],
    ['past 64 KiB, astral', '\u{1F600}'.repeat(20_000)],
  ])('agree on %s', (_name, text) => {
    expect(sha256HexJs(text)).toBe(node(text));
  });

  it('agree on any text, block boundaries and astral characters included', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 0, max: 200 }).map((n) => 'x'.repeat(n)), fc.string({ unit: 'binary', maxLength: 100 }));
    fc.assert(fc.property(text, (t) => sha256HexJs(t) === node(t) && sha256Hex(t) === node(t)), { ...seed(41), numRuns: runs(500) });
  });

  it('agree on canonical JSON of any value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => sha256HexJs(canonicalJson(v)) === sha256Hex(canonicalJson(v))), { ...seed(43), numRuns: runs(300) });
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [{ d: null, c: true }] }, '{"a":[{"c":true,"d":null}],"b":1}'],
    [{ a: undefined, b: [undefined] }, '{"b":[null]}'],
    [JSON.parse('{"__proto__":{"y":1,"x":2},"a":1}'), '{"__proto__":{"x":2,"y":1},"a":1}'],
    ['é', '"é"'],
  ])('%j', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('is the same for the same members in any order', () => {
    const shuffled = (o: unknown): unknown => (Array.isArray(o) ? o.map(shuffled) : o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).reverse().map(([k, v]) => [k, shuffled(v)])) : o);
    fc.assert(fc.property(fc.jsonValue(), (v) => canonicalJson(shuffled(v)) === canonicalJson(v)), { ...seed(42), numRuns: runs(300) });
  });
});

const text = `guideline t.g title "T" source "S", pages 1 covers physical-therapy uses physical-medicine
criterion c "C" require completed visits <= 30 otherwise "{completed visits} x"
policy p "P" jurisdiction CA first t.*`;
const compiled = (): RuleSet => compileGuideline(text).rules!;

describe('ruleSetRevision', () => {
  it('is what the compiler writes into the artifact, with its name and version', () => {
    const r = compiled();
    expect(r.revision).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.revision).toBe(ruleSetRevision(r));
    expect(r.compiler).toEqual({ name: '@guideline/language', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('does not depend on the compiler, the key order or a JSON round trip', () => {
    const r = compiled();
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(r).reverse()))) as RuleSet;
    expect(ruleSetRevision({ ...reordered, compiler: { name: 'other', version: '9.9.9' } })).toBe(r.revision);
  });

  it('changes with what decides', () => {
    const r = compiled();
    const changed = structuredClone(r);
    changed.guidelines[0]!.criteria[0]!.title = 'Changed';
    expect(ruleSetRevision(changed)).not.toBe(r.revision);
  });

  it("covers the tables, a guideline's and the rule set's, to each cell", () => {
    const r = compiled();
    const table: CompiledTable = { id: 't', keys: [], columns: [{ id: 'a', words: 'a', type: { kind: 'number' } }], choose: 'first', rows: [{ when: [], cells: [1], source: r.guidelines[0]!.location }] };
    const own = structuredClone(r);
    own.guidelines[0]!.tables.push(structuredClone(table));
    const shared = structuredClone(r);
    shared.tables.push(structuredClone(table));
    const cell = structuredClone(own);
    cell.guidelines[0]!.tables.at(-1)!.rows[0]!.cells[0] = 2;
    expect(new Set([r, own, shared, cell].map(ruleSetRevision)).size).toBe(4);
  });
});
