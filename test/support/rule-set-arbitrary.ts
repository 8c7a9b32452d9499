// fast-check generators of rule sets from outside the compiler: random artifacts of the artifact's
// shape (condition trees over any fact, every kind of leaf, values of every kind), and random
// mutations of a compiled artifact (fields removed, retyped, added; array items dropped or doubled).
import fc from 'fast-check';
import { ruleSetRevision, type FactDef, type RuleSet } from '../../packages/language/src/index.ts';
import { bundledRules } from './bundled.ts';

type Json = unknown;
type Obj = Record<string, Json>;

/** The bundled facts, and facts of the rule set's own whose ids are odd: unknown to any case, or named like Object's members. */
function factDefs(): FactDef[] {
  const odd: FactDef[] = ['foo.bar', 'toString', 'constructor', 'hasOwnProperty'].map((id) => ({ id, words: id, type: { kind: 'number' }, field: id, inputs: [id] }));
  return [...bundledRules().facts.filter((f) => !f.id.includes('[].')), ...odd];
}

const defs = factDefs();
const facts = defs.map((f) => f.id);
const scalars = fc.oneof(
  fc.constantFrom('physical-therapy', 'CA', 'documented', 'not-documented', 'none', 'utilization', 'independent', '2014-01-24', '2013-05-06', 'myalgia', 'neck', '', '5', 'therapeutic'),
  fc.constantFrom(0, 1, 2, 3, 6, 8, 10, 24, 30, -1, 0.5, 1e9),
  fc.boolean(),
);

/** Columns of the guideline's tables (`recommend`, and a random `t`), and some no table has. */
const lookups: Obj[] = [
  { lookup: 'recommend', column: 'recommended visits' }, { lookup: 'recommend', column: 'group' }, { lookup: 't', column: 'a' }, { lookup: 't', column: 'b' },
  { lookup: 'nope', column: 'a' }, { lookup: 't', column: 'constructor' },
];

/** Values that read no table (what a table's keys are). */
const plainValue: fc.Arbitrary<Obj> = fc.letrec<{ v: Obj }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...facts).map((fact): Obj => ({ fact })),
    scalars.map((c): Obj => ({ const: c })),
    fc.record({ op: fc.constantFrom('+', '-', '*', '/'), args: fc.tuple(tie('v'), tie('v')) }),
  ) as fc.Arbitrary<Obj>,
})).v;

const value: fc.Arbitrary<Obj> = fc.letrec<{ v: Obj }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...facts).map((fact): Obj => ({ fact })),
    // (Mostly columns that exist: a lookup of none refuses the whole rule set.)
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...lookups.slice(0, 4)) }, { weight: 1, arbitrary: fc.constantFrom(...lookups.slice(4)) }).map((l) => structuredClone(l)),
    scalars.map((c): Obj => ({ const: c })),
    fc.record({ since: fc.constantFrom('injury.date', 'surgery.date', 'asOf', 'request.visits').map((fact) => ({ fact })), unit: fc.constantFrom('days', 'weeks', 'months', 'years') }),
    fc.record({ since: fc.constantFrom('injury.date', 'asOf').map((fact) => ({ fact })), unit: fc.constantFrom('days', 'months'), to: fc.constantFrom('effectiveDate', 'surgery.date', 'request.visits').map((fact) => ({ fact })) }),
    fc.record({ op: fc.constantFrom('+', '-', '*', '/'), args: fc.tuple(tie('v'), tie('v')) }),
    fc.record({ round: fc.constantFrom('down', 'up', 'nearest'), arg: tie('v') }),
  ) as fc.Arbitrary<Obj>,
})).v;

/** A leaf's test (numbered later). */
const leafBody: fc.Arbitrary<Obj> = fc.oneof(
  fc.record({ cmp: fc.constantFrom('<', '<=', '>', '>=', '=', '!='), left: value, right: value }),
  fc.record({ is: value, values: fc.array(scalars, { maxLength: 4 }) }),
  fc.record({ within: fc.record({ since: fc.constantFrom('injury.date', 'surgery.date').map((fact) => ({ fact })), unit: fc.constantFrom('days', 'weeks', 'months') }), window: value }),
  fc.record({ known: value, yes: fc.boolean() }),
  fc.record({ recorded: value }),
  fc.record({ includes: fc.constantFrom('diagnoses.classes', 'toString', 'history.priorPrograms').map((fact) => ({ fact })), values: fc.array(fc.constantFrom('myalgia', 'neck', 'x', 'constructor'), { maxLength: 3 }) }),
  fc.record({ empty: fc.constantFrom('history.priorPrograms', 'foo.bar').map((fact) => ({ fact })) }),
  fc.record({ code: fc.constantFrom('diagnoses.codes', 'foo.bar').map((fact) => ({ fact })), patterns: fc.array(fc.constantFrom('M54.1*', 'C00-D49', 'M60.9', ''), { maxLength: 3 }) }),
);

const condition: fc.Arbitrary<Obj> = fc.letrec<{ c: Obj }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 4 },
    leafBody,
    fc.array(tie('c'), { maxLength: 3 }).map((all): Obj => ({ all })),
    fc.array(tie('c'), { maxLength: 3 }).map((any): Obj => ({ any })),
    tie('c').map((not): Obj => ({ not })),
  ) as fc.Arbitrary<Obj>,
})).c;

/** How a random table's cell matches. */
const keyMatch: fc.Arbitrary<Obj> = fc.oneof(
  scalars.map((is): Obj => ({ is })),
  fc.tuple(fc.integer({ min: -2, max: 30 }), fc.integer({ min: 0, max: 30 })).map(([from, to]): Obj => ({ from, to })),
  fc.record({ cmp: fc.constantFrom('<=', '>=', '<', '>'), value: fc.integer({ min: -2, max: 30 }) }),
  fc.constantFrom('M54.1*', 'C00-D49', 'M60.9').map((code): Obj => ({ code })),
);

/** A random table `t`: one or two keys over any value, a number column `a` and a text column `b`. */
const randomTable: fc.Arbitrary<Obj> = fc.integer({ min: 1, max: 2 }).chain((n) =>
  fc.record({
    keys: fc.array(plainValue, { minLength: n, maxLength: n }),
    rows: fc.array(fc.record({ when: fc.array(fc.array(keyMatch, { maxLength: 2 }), { minLength: n, maxLength: n }), a: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), b: fc.option(fc.constantFrom('x', 'y'), { nil: null }) }), { maxLength: 4 }),
    choose: fc.constantFrom<Json>('first', { most: 'a' }, { least: 'a' }, { listed: 0 }),
  }).map(({ keys, rows, choose }): Obj => ({
    id: 't',
    keys: keys.map((value, i) => ({ words: `key ${i}`, value })),
    columns: [{ id: 'a', words: 'a', type: { kind: 'number', min: 0 } }, { id: 'b', words: 'b', type: { kind: 'text' } }],
    choose,
    rows: rows.map((r) => ({ when: r.when, cells: [r.a, r.b], source: at })),
  })),
);

/** Numbers the leaves of conditions in order, as the compiler does, and lists them. */
class Leaves {
  readonly list: Obj[] = [];
  number(c: Obj): Obj {
    if (Array.isArray(c['all'])) return { all: (c['all'] as Obj[]).map((x) => this.number(x)) };
    if (Array.isArray(c['any'])) return { any: (c['any'] as Obj[]).map((x) => this.number(x)) };
    if (c['not']) return { not: this.number(c['not'] as Obj) };
    const leaf = this.list.length;
    this.list.push({ text: `leaf ${leaf}`, source: at });
    return { leaf, ...c };
  }
}

const at = { file: 'r.guideline', line: 1, column: 1, endLine: 1, endColumn: 2, start: 0, end: 1 };
/** A text with a `{k}` for each placeholder. */
const template = (placeholders: Obj[]): Obj => ({ text: `Because ${placeholders.map((_, k) => `{${k}}`).join(' and ')}.`, placeholders: placeholders.map((v, k) => ({ text: `p${k}`, value: v })) });

/** A recommend block's table, as the compiler makes it: the row of the first diagnosis listed. */
function recommendTable(r: { minVisits: number; maxVisits: number; maxWeeks: number } | undefined): Obj {
  const visits = { kind: 'number', unit: 'visits', min: 0 };
  return {
    id: 'recommend',
    keys: [{ words: 'diagnosis', value: { fact: 'diagnoses.classes' } }],
    columns: [
      { id: 'recommended minimum visits', words: 'recommended minimum visits', type: visits }, { id: 'recommended visits', words: 'recommended visits', type: visits },
      { id: 'recommended weeks', words: 'recommended weeks', type: { kind: 'number', unit: 'weeks', min: 0 } }, { id: 'treatment period', words: 'treatment period', type: { kind: 'number', unit: 'months', min: 0 } },
      { id: 'group', words: 'diagnosis group', type: { kind: 'text' } },
    ],
    choose: { listed: 0 },
    rows: r ? [{ when: [[{ is: 'myalgia' }]], cells: [r.minVisits, r.maxVisits, r.maxWeeks, null, 'myalgia'], source: at }] : [],
  };
}

/** A random rule set of the artifact's shape: one guideline for CA, criteria over random conditions. */
export const randomRuleSet: fc.Arbitrary<Obj> = fc
  .record({
    applies: fc.array(condition, { maxLength: 2 }),
    criteria: fc.array(
      fc.record({ when: fc.option(condition, { nil: undefined }), require: condition, certify: fc.option(value, { nil: undefined }), review: fc.boolean(), placeholders: fc.array(value, { maxLength: 2 }) }),
      { minLength: 1, maxLength: 4 },
    ),
    recommendation: fc.option(fc.record({ minVisits: fc.nat(10), maxVisits: fc.nat(30), maxWeeks: fc.nat(12) }), { nil: undefined }),
    table: randomTable,
    frequency: fc.option(fc.record({ mostPerWeek: fc.nat(5) }), { nil: undefined }),
  })
  .map(({ applies, criteria, recommendation, table, frequency }) => {
    const leaves = new Leaves();
    const appliesCond = leaves.number({ all: [{ is: { fact: 'request.treatment' }, values: ['physical-therapy', 'acupuncture'] }, ...applies] });
    const compiled = criteria.map((c, i) => {
      const out: Obj = { id: `c${i}`, title: `Criterion ${i}`, require: leaves.number(c.require), texts: { notMet: template(c.placeholders) }, source: at };
      if (c.when) out['when'] = leaves.number(c.when);
      if (c.certify) out['certify'] = c.certify;
      if (c.review) out['review'] = true;
      return out;
    });
    const guideline: Obj = {
      id: 'r.g', title: 'Random', citation: 'Random, p. 1', source: { document: 'Random', parts: [] }, covers: ['physical-therapy'],
      classes: [{ id: 'myalgia', of: 'diagnosis', title: 'Myalgia', terms: ['myalgia', 'myositis'], codes: ['M79.1*', 'M60.9'] }],
      tables: [recommendTable(recommendation), table],
      applies: appliesCond, criteria: compiled, leaves: leaves.list, location: at,
    };
    if (frequency) guideline['frequency'] = frequency;
    const doc: Obj = {
      format: 'guideline-rules', version: 4, guidelines: [guideline],
      policies: [{ id: 'p', title: 'P', jurisdiction: 'CA', steps: [['r.*']], criteria: [], leaves: [], source: at }],
      tables: [], facts: structuredClone(defs), records: structuredClone(bundledRules().records),
    };
    // A revision: none (worked out on loading; half of them), the content's, or another's (a
    // quarter each); picked by the leaves, not drawn, so the draws stay those of the seeds.
    const revision = leaves.list.length % 4;
    if (revision === 1) doc['revision'] = ruleSetRevision(doc as unknown as RuleSet);
    if (revision === 3) doc['revision'] = `sha256:${'0'.repeat(64)}`;
    return doc;
  });

/**
 * After changes to a compiled document: its revision made the new content's again, unless a change
 * was to the revision itself (a rule set changed after compiling is refused for that alone).
 */
export function restamp(doc: Obj, revision: unknown): void {
  if (doc['revision'] === revision) doc['revision'] = ruleSetRevision(doc as unknown as RuleSet);
}

/** Every place in a JSON document, as the keys from its root. */
function places(doc: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(doc)) doc.forEach((x, i) => places(x, [...path, i], out));
  else if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) places(v, [...path, k], out);
  return out;
}

const odd = fc.oneof(
  fc.constantFrom<Json>(
    null, 5, -1, 0, 'x', '', true, [], {}, [0], [[1]], { all: [] }, { any: [] }, { fact: 'toString' }, { const: 'x' },
    { leaf: 0, known: { fact: 'x' }, yes: true }, { op: '/', args: [{ const: 1 }, { const: 0 }] }, 1e308, '2014-01-24', 'constructor',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
const extraKeys = ['any', 'all', 'not', 'leaf', 'cmp', 'left', 'right', 'is', 'values', 'known', 'recorded', 'within', 'quantifier', 'fact', 'const', 'op', 'lookup', 'to', 'reviewNotMet', 'path', 'extra', '__proto__'];

type Mutation = (doc: Obj) => void;

/** One random change at one random place of a document (the document is changed in place). */
export function mutation(doc: Obj): fc.Arbitrary<Mutation> {
  const all = places(doc).filter((p) => p.length > 0);
  /** Where a place is now: an earlier change may have removed it (then nothing is changed). */
  const parentOf = (p: (string | number)[]): { parent: Record<string | number, Json>; key: string | number } | undefined => {
    let v: Json = doc;
    for (const k of p.slice(0, -1)) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string | number, Json>)[k];
    }
    return v !== null && typeof v === 'object' ? { parent: v as Record<string | number, Json>, key: p[p.length - 1]! } : undefined;
  };
  return fc.tuple(fc.constantFrom(...all), fc.nat(5), odd, fc.constantFrom(...extraKeys)).map(([place, kind, value, extra]) => (d: Obj) => {
    doc = d;
    const found = parentOf(place);
    if (!found) return;
    const { parent, key } = found;
    const here = parent[key];
    switch (kind) {
      case 0: // remove
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
        break;
      case 1: // replace
        parent[key] = value;
        break;
      case 2: // a key beside the others
        if (here !== null && typeof here === 'object' && !Array.isArray(here)) Object.defineProperty(here, extra, { value, enumerable: true, configurable: true, writable: true });
        else parent[key] = value;
        break;
      case 3: // an array item twice, or another value in the array
        if (Array.isArray(here)) here.push(here.length ? structuredClone(here[0]) : value);
        else parent[key] = [here];
        break;
      case 4: // a number or text off by one, or retyped
        parent[key] = typeof here === 'number' ? here + 1 : typeof here === 'string' ? here + 'x' : value;
        break;
      default: { // the value of another place
        const other = parentOf(all[(all.indexOf(place) * 7 + 3) % all.length]!);
        if (other) parent[key] = structuredClone(other.parent[other.key]);
      }
    }
  });
}
