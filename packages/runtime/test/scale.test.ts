// What keeps a case's cost flat as the library grows: the policy's index hands a case only the
// guidelines its treatment and date leave, decision-only results are shared, and their JSON is
// the same bytes JSON.stringify writes.
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { determinationJson, evaluateFast, guidelinesInOrder, JsonBytes } from '../src/index.ts';
import { makeCase } from '../../../test/support/case-factory.ts';
import { bundledRules } from '../../../test/support/bundled.ts';
import { libraryCases } from '../../../scripts/corpus/cases.ts';

const guideline = (id: string, extra: string): string => `
guideline ${id}
  title "${id}"
  source "Test Guidelines", 2009
${extra}
  uses physical-medicine

criterion improvement "Functional improvement"
  require functional improvement is documented
  otherwise "No documented gain."
`;

function compile(texts: string[]): RuleSet {
  const r = compileProgram(texts.map((text, i) => ({ text, file: `g${i}.guideline` })));
  if (!r.rules) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.rules;
}

describe('the policy index', () => {
  const rules = compile([
    guideline('t.a', '  covers physical-therapy\n  in force 2010-01-01 to 2015-12-31'),
    guideline('t.b', '  covers acupuncture'),
    guideline('t.c', '  covers physical-therapy, acupuncture, massage\n  applies when completed visits > 0'),
    'policy ca "California" jurisdiction CA first t.a then t.b, t.c\n',
  ]);
  const ids = (treatment: string, asOf: string, serviceDate?: string): string[] =>
    guidelinesInOrder(rules, 'CA')!.candidates(makeCase({ asOf, request: { treatment, serviceDate } })).guidelines.map((g) => g.id);

  it.each([
    ['physical-therapy', '2012-01-01', undefined, ['t.a', 't.c']],
    ['physical-therapy', '2016-01-01', undefined, ['t.c']],
    ['physical-therapy', '2016-01-01', '2015-12-31', ['t.a', 't.c']],
    ['physical-therapy', '2009-12-31', undefined, ['t.c']],
    ['acupuncture', '2012-01-01', undefined, ['t.b', 't.c']],
    ['massage', '2012-01-01', undefined, ['t.c']],
    ['speech-therapy', '2012-01-01', undefined, []],
  ])('%s on %s (service %s): %j', (treatment, asOf, serviceDate, expected) => {
    expect(ids(treatment, asOf, serviceDate)).toEqual(expected);
  });

  it('keeps a guideline whose applicability names no treatment for every treatment', () => {
    const open: RuleSet = structuredClone(rules);
    const c = open.guidelines.find((g) => g.id === 't.c')!;
    c.applies = { all: (c.applies as { all: RuleSet['guidelines'][number]['applies'][] }).all.filter((x) => !('is' in x)) };
    expect(guidelinesInOrder(open, 'CA')!.candidates(makeCase({ request: { treatment: 'speech-therapy' } })).guidelines.map((g) => g.id)).toEqual(['t.c']);
  });

  it('decides as the guidelines themselves would', () => {
    const c = makeCase({ asOf: '2016-01-01', request: { treatment: 'physical-therapy' }, history: { visitsCompleted: 3, functionalImprovement: 'documented' } });
    expect(evaluateFast(rules, c).guideline?.id).toBe('t.c');
  });
});

describe('determinations as JSON', () => {
  const rules = bundledRules();
  const cases = [...libraryCases(rules, 400, 5)];

  it.each(['decision', 'full'] as const)('%s: the bytes JSON.stringify writes', (detail) => {
    for (const c of cases) {
      const d = evaluateFast(rules, c, { detail });
      expect(determinationJson(d)).toBe(JSON.stringify(d));
    }
  });

  // Texts JSON.stringify escapes: quotes, backslashes, control characters, lone surrogates, and not U+2028.
  const awkward = ['"quoted"', 'back\\slash', 'tab\there\nnewline\u0000nul\u001f', '\ud800 lone \udfff', 'line\u2028separator', 'é ü 日本 🙂'];
  it.each(awkward)('decision: the bytes JSON.stringify writes, case id %j', (id) => {
    // A case a guideline governs: its criteria's results are the shared ones.
    const c = cases.find((x) => evaluateFast(rules, x, { detail: 'decision' }).criteria.length > 0)!;
    const d = evaluateFast(rules, { ...c, id, request: { ...(c.request as object), text: id } }, { detail: 'decision' });
    expect([d.caseId, Object.isFrozen(d.criteria[0]), Object.isFrozen(d.guideline)]).toEqual([id, true, true]);
    expect(determinationJson(d)).toBe(JSON.stringify(d));
  });

  it.each(['decision', 'full'] as const)('%s: as UTF-8 (JsonBytes), the bytes of JSON.stringify, run after run', (detail) => {
    const bytes = new JsonBytes();
    const utf8 = new TextEncoder();
    // Twice over: the second time, full results are reused, each one's bytes made once.
    for (let round = 0; round < 2; round++) {
      let text = '';
      for (const [i, c] of cases.entries()) {
        const d = evaluateFast(rules, i % 7 ? c : { ...c, id: awkward[i % awkward.length] }, { detail });
        bytes.determination(d);
        bytes.add('\n');
        text += JSON.stringify(d) + '\n';
      }
      // Past the buffer's first 64 KiB, grown in between; a take starts afresh.
      expect(Buffer.from(bytes.take()).equals(Buffer.from(utf8.encode(text)))).toBe(true);
    }
    expect(bytes.take().length).toBe(0);
  });

  it('as UTF-8, text of any length and characters of up to four bytes, as TextEncoder encodes it', () => {
    const bytes = new JsonBytes();
    const shared = Object.freeze({ says: '日本 🙂 é' });
    const pieces = ['日'.repeat(70_000), 'a', '🙂'.repeat(30_000), '\ud800', 'é'.repeat(40_000)];
    let text = '';
    for (const p of pieces) {
      bytes.add(p);
      bytes.addShared(shared);
      text += p + JSON.stringify(shared);
    }
    expect(Buffer.from(bytes.take()).equals(Buffer.from(new TextEncoder().encode(text)))).toBe(true);
  });

  it('shares each decision-only result, frozen', () => {
    const c = makeCase({ history: { visitsCompleted: 0 } });
    const a = evaluateFast(rules, c, { detail: 'decision' });
    const b = evaluateFast(rules, { ...c, id: 'other' }, { detail: 'decision' });
    expect(a.criteria.length).toBeGreaterThan(0);
    a.criteria.forEach((x, i) => expect(x).toBe(b.criteria[i]));
    expect(Object.isFrozen(a.criteria[0])).toBe(true);
  });
});
