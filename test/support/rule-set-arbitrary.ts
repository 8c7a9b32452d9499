// fast-check generators of rule sets from outside the compiler: random artifacts of the artifact's
// shape (condition trees over any fact, every operator, values of every kind), and random
// mutations of a compiled artifact (fields removed, retyped, added; array items dropped or doubled).
import fc from 'fast-check';
import { factReaders } from '../../packages/runtime/src/case-facts.ts';

type Json = unknown;
type Obj = Record<string, Json>;

const facts = [...factReaders.keys(), 'foo.bar', 'toString', 'constructor', 'hasOwnProperty'];
const operators = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'known', 'containsAny', 'elapsedWithin', 'before', 'onOrBefore', 'after', 'onOrAfter', 'sameDay', 'notSameDay'];
const scalars = fc.oneof(
  fc.constantFrom('physical-therapy', 'CA', 'documented', 'not-documented', 'none', 'utilization', 'independent', '2014-01-24', '2013-05-06', 'myalgia', 'neck', '', '5', 'therapeutic'),
  fc.constantFrom(0, 1, 2, 3, 6, 8, 10, 24, 30, -1, 0.5, 1e9),
  fc.boolean(),
);

const calc: fc.Arbitrary<Obj> = fc.letrec<{ calc: Obj }>((tie) => ({
  calc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ fact: fc.constantFrom(...facts) }),
    fc.record({ const: fc.oneof(fc.constantFrom(0, 1, 2, 6, 10, 0.5, -3), fc.constantFrom('2014-01-24', 'x')) }),
    fc.record({ elapsed: fc.constantFrom('injury.date', 'surgery.date', 'asOf', 'request.visits'), unit: fc.constantFrom('days', 'weeks', 'months', 'years') }),
    fc.record({ op: fc.constantFrom('+', '-', '*', '/'), args: fc.tuple(tie('calc'), tie('calc')) }),
  ) as fc.Arbitrary<Obj>,
})).calc;

const factRef = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...facts).map((fact): Obj => ({ fact })) }, { weight: 1, arbitrary: calc.map((expr): Obj => ({ fact: 'calc', params: { expr } })) });

/** A value of the kind the operator compares with, mostly; any value now and then. */
function valueFor(operator: string): fc.Arbitrary<Json> {
  const lists = fc.array(scalars, { maxLength: 4 });
  const suited: Record<string, fc.Arbitrary<Json>> = {
    in: lists, containsAny: lists, known: fc.boolean(),
    lessThan: fc.oneof(fc.constantFrom(0, 1, 6, 10, 24, 0.5, -1), factRef), equal: fc.oneof(scalars, factRef),
    before: fc.oneof(fc.constantFrom('2014-01-24', '2013-05-06', '2016-02-29', 'not a date', ''), factRef),
  };
  const kind = ['lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'elapsedWithin'].includes(operator) ? 'lessThan' : operator === 'notEqual' ? 'equal' : ['onOrBefore', 'after', 'onOrAfter', 'sameDay', 'notSameDay'].includes(operator) ? 'before' : operator;
  return fc.oneof({ weight: 40, arbitrary: suited[kind]! }, { weight: 1, arbitrary: fc.oneof(scalars, lists, factRef) });
}

const leaf: fc.Arbitrary<Obj> = fc
  .tuple(factRef, fc.constantFrom(...operators), fc.string({ maxLength: 6 }))
  .chain(([ref, operator, name]) => valueFor(operator).map((value): Obj => ({ ...ref, operator, value, name })));

const condition: fc.Arbitrary<Obj> = fc.letrec<{ c: Obj }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 4 },
    leaf,
    fc.array(tie('c'), { maxLength: 3 }).map((all): Obj => ({ all })),
    fc.array(tie('c'), { maxLength: 3 }).map((any): Obj => ({ any })),
    tie('c').map((not): Obj => ({ not })),
  ) as fc.Arbitrary<Obj>,
})).c;

function leavesOf(c: Obj): number {
  if (Array.isArray(c['all'])) return (c['all'] as Obj[]).reduce((n, x) => n + leavesOf(x), 0);
  if (Array.isArray(c['any'])) return (c['any'] as Obj[]).reduce((n, x) => n + leavesOf(x), 0);
  if (c['not']) return leavesOf(c['not'] as Obj);
  return 1;
}

const at = { file: 'r.guideline', line: 1, column: 1, endLine: 1, endColumn: 2, start: 0, end: 1 };
const compiledLeaves = (c: Obj): Obj[] => Array.from({ length: leavesOf(c) }, (_, i) => ({ text: `leaf ${i}`, fact: 'a fact', source: at }));

/** A random rule set of the artifact's shape: one guideline for CA, criteria over random conditions. */
export const randomRuleSet: fc.Arbitrary<Obj> = fc
  .record({
    applies: fc.array(condition, { maxLength: 2 }),
    criteria: fc.array(fc.record({ when: fc.array(condition, { maxLength: 2 }), require: fc.array(condition, { minLength: 1, maxLength: 2 }), certify: fc.option(calc, { nil: undefined }), placeholders: fc.array(calc, { maxLength: 2 }) }), { minLength: 1, maxLength: 4 }),
    recommendation: fc.option(fc.record({ minVisits: fc.nat(10), maxVisits: fc.nat(30), minWeeks: fc.nat(4), maxWeeks: fc.nat(12) }), { nil: undefined }),
    frequency: fc.option(fc.record({ mostPerWeek: fc.nat(5) }), { nil: undefined }),
  })
  .map(({ applies, criteria, recommendation, frequency }) => {
    const id = 'r.g';
    const appliesRule: Obj = { all: [{ fact: 'request.treatment', operator: 'in', value: ['physical-therapy', 'acupuncture'], name: 'covers' }, ...applies] };
    const rules: Obj[] = [{ name: `${id}/applies`, conditions: appliesRule, event: { type: 'applies', params: { guideline: id } } }];
    const compiled = criteria.map((c, i) => {
      const conditions: Obj = { all: [{ name: 'only when', all: c.when }, { name: 'require', all: c.require }] };
      rules.push({ name: `${id}/c${i}`, conditions, event: { type: 'criterion', params: { guideline: id, criterion: `c${i}` } } });
      const out: Obj = { id: `c${i}`, title: `Criterion ${i}`, rationale: `Because {0} and {1} {9}.`, placeholders: c.placeholders.map((expr, k) => ({ text: `p${k}`, expr })), rule: `${id}/c${i}`, leaves: compiledLeaves(conditions), source: at };
      if (c.certify) out['certify'] = c.certify;
      return out;
    });
    const guideline: Obj = {
      id, title: 'Random', citation: 'Random, p. 1', source: { document: 'Random', parts: [] }, covers: ['physical-therapy'],
      classes: [{ id: 'myalgia', of: 'diagnosis', title: 'Myalgia', terms: ['myalgia', 'myositis'], codes: ['M79.1*', 'M60.9'] }],
      recommendations: recommendation ? [{ class: 'myalgia', ...recommendation, source: at }] : [],
      applicabilityRule: `${id}/applies`, applicabilityLeaves: compiledLeaves(appliesRule), criteria: compiled, rules, location: at,
    };
    if (frequency) guideline['frequency'] = frequency;
    return { format: 'guideline-rules', version: 1, guidelines: [guideline], policies: [{ id: 'p', title: 'P', jurisdiction: 'CA', steps: [['r.*']], source: at }] };
  });

/** Every place in a JSON document, as the keys from its root. */
function places(doc: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(doc)) doc.forEach((x, i) => places(x, [...path, i], out));
  else if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) places(v, [...path, k], out);
  return out;
}

const odd = fc.oneof(
  fc.constantFrom<Json>(null, 5, -1, 0, 'x', '', true, [], {}, [0], [[1]], { all: [] }, { any: [] }, { fact: 'calc' }, { fact: 'x', operator: 'equal', value: 1 }, 1e308, '2014-01-24', 'calc', 'toString'),
  fc.jsonValue({ maxDepth: 2 }),
);
const extraKeys = ['any', 'all', 'not', 'path', 'condition', 'priority', 'params', 'fact', 'operator', 'value', 'name', 'extra', '__proto__'];

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
