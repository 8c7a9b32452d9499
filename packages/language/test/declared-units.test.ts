// Count units a vocabulary declares (`unit level, levels "..."`): read after a number and in a fact's
// type where the vocabulary is in use, checked as counts of their own, compiled and formatted.
import { describe, expect, it } from 'vitest';
import type * as A from '../src/ast.ts';
import { formatGuideline } from '../src/format.ts';
import { parse } from '../src/parse.ts';
import { analyze, compileProgram, unitsDeclaredIn } from '../src/pipeline.ts';
import { unitName } from '../src/units.ts';
import { walk } from '../src/walk.ts';
import { esiVocabulary } from '../../../test/support/esi-vocabulary.ts';

const vocabulary = esiVocabulary;

const guideline = (require: string, otherwise = 'no'): string => `guideline acme.esi
  title  "Acme ESI"
  source "Acme", pages 1-2
  covers epidural-injection
  uses   esi

criterion x "X"
  require ${require}
  otherwise "${otherwise}"
`;

/** The units of the quantities of a text parsed with the units of `declaring`. */
function quantities(text: string, declaring = vocabulary): string[] {
  const units = unitsDeclaredIn([{ text: declaring, file: 'v.guideline' }]);
  const out: string[] = [];
  walk(parse(text, 'g.guideline', null, units).ast, (n: A.Node) => void (n.kind === 'Quantity' && out.push(`${n.value} ${n.unit ? unitName(n.unit) : ''}`.trim())));
  return out;
}

const codes = (text: string): string[] => compileProgram([{ text: vocabulary, file: 'v.guideline' }, { text, file: 'g.guideline' }]).diagnostics.map((d) => d.code);

describe('parse', () => {
  it('a unit declaration is a member of its vocabulary', () => {
    const v = parse(vocabulary, 'v.guideline', null).ast.vocabularies[0]!;
    expect(v.units.map((u) => [u.one.text, u.many.text, u.meaning?.text])).toEqual([
      ['level', 'levels', 'A vertebral level treated'],
      ['injection', 'injections', 'An epidural injection'],
    ]);
    expect(v.facts.map((f) => f.words.text)).toEqual(['levels requested', 'injection rate']);
  });

  it.each<[string, string[]]>([
    ['levels requested <= 2 levels', ['2 levels']],
    ['levels requested + 1 level <= 3', ['1 levels', '3']],
    ['injection rate <= 4 injections a year', ['4 injections a year']],
    ['injection rate <= 4 injections per year', ['4 injections a year']],
  ])('%s', (condition, expected) => expect(quantities(guideline(condition))).toEqual(expected));

  it('without the declaring vocabulary, a declared word after a number is no unit (P204), and says how to declare one', () => {
    const d = parse(guideline('levels requested <= 2 levels'), 'g.guideline', null).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['P204']);
    expect(d[0]!.message).toContain("declare the unit in a vocabulary: 'unit level, levels \"...\"'");
  });

  it("'unit' stays a word of facts and case fields elsewhere", () => {
    const text = 'vocabulary v "V"\nfact dose unit: one of "mg", "mcg/h", from unit\n  "U"\nfact unit price: number, from request.unit\n  "P"\n';
    expect(analyze(text).diagnostics).toEqual([]);
    expect(parse(text, 'v', null).ast.vocabularies[0]!.facts.map((f) => f.words.text)).toEqual(['dose unit', 'unit price']);
  });
});

describe('check', () => {
  it.each<[string, string[]]>([
    ['levels requested <= 2 levels', []],
    ['levels requested <= 2', []],
    ['levels requested + 1 level <= 3 levels', []],
    ['injection rate <= 4 injections a year', []],
    // A unit of its own: it converts to nothing, and compares with no other unit.
    ['levels requested <= 2 visits', ['C304']],
    ['levels requested <= 2 injections', ['C304']],
    ['levels requested + 2 weeks > 0', ['C304']],
    ['injection rate <= 4 per week', ['C304']],
    ['levels requested / 2 levels <= 1', []],
  ])('%s', (condition, expected) => expect(codes(guideline(condition))).toEqual(expected));

  it('a placeholder names declared units too', () => {
    expect(codes(guideline('levels requested <= 2 levels', 'at most {2 levels}, not {levels requested + 1 level}'))).toEqual([]);
  });
});

describe('compile', () => {
  it('a fact of a declared unit carries it in the rule set', () => {
    const r = compileProgram([{ text: vocabulary, file: 'v.guideline' }, { text: guideline('levels requested <= 2 levels'), file: 'g.guideline' }]);
    expect(r.diagnostics).toEqual([]);
    const facts = Object.fromEntries(r.rules!.facts.map((f) => [f.words, f.type]));
    expect(facts['levels requested']).toEqual({ kind: 'number', unit: 'levels', min: 0 });
    expect(facts['injection rate']).toEqual({ kind: 'number', unit: 'injections a year', min: 0 });
  });
});

describe('compile', () => {
  it('a unit declared again with another singular is read with it, in a later compile as in the first', () => {
    // (An editor's worker or a server compiles edit after edit in one process.)
    const wordsOfOne = (one: string, reuse: boolean): string[] => {
      const v = vocabulary.replace('unit level, levels', `unit ${one}, levels`);
      const r = compileProgram([{ text: v, file: 'v.guideline' }, { text: guideline('levels requested <= 2 levels', '{levels requested} levels, {2 levels}'), file: 'g.guideline' }], { reuse });
      expect(r.diagnostics).toEqual([]);
      return [...JSON.stringify(r.rules).matchAll(/"one":"([^"]*)","other":"levels"/g)].map((m) => m[1]!);
    };
    for (const reuse of [false, true]) {
      expect(wordsOfOne('level', reuse)).toEqual(['level', 'level']);
      expect(wordsOfOne('tier', reuse)).toEqual(['tier', 'tier']);
    }
  });
});

describe('format', () => {
  it('keeps the declarations and the quantities, and is idempotent', () => {
    const messy = vocabulary.replace('unit level, levels', 'unit   level ,levels') + '\ncriterion y "Y"\n  require levels requested<=2 levels\n  otherwise "no"\n';
    const once = formatGuideline(messy, 'v.guideline');
    expect(once.formatted).toBe(true);
    expect(once.text).toContain('unit level, levels "A vertebral level treated"\nunit injection, injections "An epidural injection"\n');
    expect(once.text).toContain('require levels requested <= 2 levels');
    expect(formatGuideline(once.text, 'v.guideline').changed).toBe(false);
  });

  it("reads another file's units when given them, and refuses to guess without", () => {
    const text = guideline('levels requested<=2 levels');
    expect(formatGuideline(text, 'g.guideline').formatted).toBe(false);
    const r = formatGuideline(text, 'g.guideline', { units: unitsDeclaredIn([{ text: vocabulary, file: 'v.guideline' }]) });
    expect(r.text).toContain('require levels requested <= 2 levels');
  });
});
