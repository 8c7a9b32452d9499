// The artifact's JSON Schema (packages/language/schema/artifact.schema.json) and the runtime's
// hand-written loader agree: on compiled artifacts (random texts that compile: compiled-rules.test.ts),
// on every kind of place of one changed, on mutated ones and on random ones, the
// schema accepts exactly what the loader finds well shaped, and the loader accepts nothing the
// schema refuses. The loader checks more than a schema can say (leaf numbers, placeholders, lookups
// and table rows that name nothing, a table read by its own keys, a revision that is not the
// content's, limits), and those refusals are seen too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { artifactSchema, compileProgram } from '../packages/language/src/index.ts';
import { ruleSetLimits } from '../packages/runtime/src/load-rules.ts';
import { verdict, type Verdict } from './support/artifact-schema.ts';
import { bundledRules, bundledSources, compiledBase, eachFileWithVocabularies } from './support/bundled.ts';
import { runs, seed } from './support/fuzz.ts';
import { mutation, randomRuleSet, restamp } from './support/rule-set-arbitrary.ts';

/** How often each verdict was reached over the runs of a property that gives one. */
function tally<T>(documents: fc.Arbitrary<T>, verdictOf: (x: T) => Verdict, params: fc.Parameters<[T]>): Map<Verdict, number> {
  const seen = new Map<Verdict, number>();
  fc.assert(fc.property(documents, (x) => void seen.set(verdictOf(x), (seen.get(verdictOf(x)) ?? 0) + 1)), params);
  return seen;
}

/**
 * A vocabulary with a table of its own (the rule set's `tables`), read for each item of a list, and
 * a guideline with a table (its `tables`) keyed by a value that reads the vocabulary's: what the
 * bundled library does not write (test/fixtures/tables/).
 */
const tableSources = ['pills', 'course'].map((name) => ({ file: `tables/${name}.guideline`, text: readFileSync(join(import.meta.dirname, `fixtures/tables/${name}.guideline`), 'utf8') }));

/** The bundled program and the program with tables, compiled together. */
function withTables(): Record<string, unknown> {
  const r = compileProgram([...bundledSources(), ...tableSources]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return JSON.parse(JSON.stringify(r.rules)) as Record<string, unknown>;
}

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value of another JSON type than `v`'s. */
const retyped = (v: unknown): unknown => (typeof v === 'string' ? 7 : typeof v === 'number' ? 'seven' : typeof v === 'boolean' ? 'yes' : Array.isArray(v) ? {} : isObject(v) ? [] : 'x');

/** One place of each kind in a document (`guidelines[].criteria[].require.all[].leaf`), each given by its keys from the root. */
function placeKinds(doc: unknown): (string | number)[][] {
  const out = new Map<string, (string | number)[]>();
  const visit = (v: unknown, path: (string | number)[]): void => {
    const kind = path.map((k) => (typeof k === 'number' ? '[]' : `.${k}`)).join('');
    if (path.length && !out.has(kind)) out.set(kind, path);
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i]));
    else if (isObject(v)) for (const [k, x] of Object.entries(v as Record<string, unknown>)) visit(x, [...path, k]);
  };
  visit(doc, []);
  return [...out.values()];
}

describe('artifact schema ≡ loadRuleSet', () => {
  it('states the loader\'s limit on guidelines', () => {
    expect(artifactSchema.properties.guidelines.maxItems).toBe(ruleSetLimits.maxGuidelines);
  });

  it('both accept every compiled bundled program, and each file with the vocabularies alone', () => {
    expect(verdict(JSON.parse(JSON.stringify(bundledRules())))).toBe('accepted');
    const tables = withTables();
    expect((tables['tables'] as unknown[]).length).toBeGreaterThan(0);
    expect(verdict(tables)).toBe('accepted');
    for (const [file, sources] of eachFileWithVocabularies()) expect(verdict(JSON.parse(JSON.stringify(compileProgram(sources).rules))), file).toBe('accepted');
  });

  it('they agree on every kind of place of a compiled artifact removed, nulled, retyped or given a member more', () => {
    // The bundled program and tables: every kind of place the compiler writes (groups, editions,
    // policies' criteria, tables of a guideline and of the rule set).
    const base = withTables();
    const changes: [string, (parent: Record<string | number, unknown>, key: string | number) => void][] = [
      ['removed', (p, k) => (Array.isArray(p) ? p.splice(k as number, 1) : delete p[k])],
      ['null', (p, k) => void (p[k] = null)],
      ['retyped', (p, k) => void (p[k] = retyped(p[k]))],
      ['a member more', (p, k) => void (isObject(p[k]) ? ((p[k] as Record<string, unknown>)['extra'] = 1) : (p[k] = { extra: 1 }))],
    ];
    const seen = new Map<Verdict, number>();
    const kinds = placeKinds(base);
    // The tables' places among them, the rule set's and a guideline's, down to a row's matches.
    expect(kinds.filter((p) => p.join('.').match(/^(?:guidelines\.\d+\.)?tables\.\d+\.rows\.\d+\.when\.\d+\.\d+\./)).length).toBeGreaterThan(2);
    for (const at of kinds) {
      // Only the item the place is in, the rule set's tables (which guidelines read) and no other
      // guideline, policy, fact or record, to keep each document small.
      const [list, index] = at;
      const lists = ['guidelines', 'policies', 'facts', 'records', 'tables'];
      const kept = (k: string): unknown[] => (k === list ? [(base[k] as unknown[])[index as number]] : k === 'tables' ? (base[k] as unknown[]) : []);
      const slim = lists.includes(list as string) && typeof index === 'number' ? { ...base, ...Object.fromEntries(lists.map((k) => [k, kept(k)])) } : base;
      const place = slim === base ? at : [list!, 0, ...at.slice(2)];
      for (const [, change] of changes) {
        const doc = structuredClone(slim);
        const parent = place.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], doc) as Record<string | number, unknown>;
        change(parent, place[place.length - 1]!);
        // The revision left out, unless it was the place changed: the loader works it out (as a restamp would, once).
        if (doc['revision'] === base['revision']) delete doc['revision'];
        const v = verdict(doc);
        seen.set(v, (seen.get(v) ?? 0) + 1);
      }
    }
    expect(seen.get('shape')).toBeGreaterThan(100);
    expect(seen.get('accepted')).toBeGreaterThan(0);
  });

  it('they agree on mutated compiled artifacts', () => {
    const base = compiledBase();
    const mutated = fc.tuple(fc.array(mutation(base), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([changes, stamp]) => {
      const doc = structuredClone(base);
      for (const change of changes) change(doc);
      if (stamp) restamp(doc, base['revision']);
      return doc;
    });
    const seen = tally(mutated, verdict, { ...seed(910), numRuns: runs(600) });
    // Each answer was reached: the agreement was tested on documents both accept, both refuse, and
    // the loader alone refuses for what the schema cannot say.
    expect(seen.get('accepted')).toBeGreaterThan(20);
    expect(seen.get('shape')).toBeGreaterThan(200);
    expect(seen.get('meaning')).toBeGreaterThan(20);
  });

  it('they agree on random artifacts, mutated or not', () => {
    const random = randomRuleSet.chain((doc) => fc.array(mutation(doc), { maxLength: 2 }).map((changes) => {
      const d = structuredClone(doc);
      for (const change of changes) change(d);
      return d;
    }));
    const seen = tally(random, verdict, { ...seed(911), numRuns: runs(400) });
    expect(seen.get('accepted')).toBeGreaterThan(20);
    expect(seen.get('shape')).toBeGreaterThan(20);
    expect(seen.get('meaning')).toBeGreaterThan(20);
  });
});
