// Error recovery: a file with several broken lines gets a diagnostic on each of them (and on no
// other line), so one mistake never hides the next.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/pipeline.ts';
import { SourceFile } from '../src/source.ts';

// A fixture of its own (not the bundled guideline, which its editors change): every kind of declaration.
const fixture = `guideline mtus.chronic-pain.physical-medicine
  title    "MTUS Chronic Pain Medical Treatment Guidelines: Physical Medicine"
  source   "California MTUS Chronic Pain Medical Treatment Guidelines", 2009, pages 98-99
  in force 2009-07-18 to 2017-12-31
  covers   physical-therapy, occupational-therapy, aquatic-therapy
  uses     physical-medicine

class myalgia "Myalgia and myositis, unspecified"
  terms "myalgia", "myositis", "myofascial pain"
  codes M79.1*, M60.*

class neuralgia "Neuralgia, neuritis, and radiculitis, unspecified"
  terms "neuralgia", "neuritis", "radiculitis"
  codes M79.2*, M54.1*

class crps "Reflex sympathetic dystrophy (CRPS)"
  terms "reflex sympathetic dystrophy", "crps"
  codes G90.5*

recommend
  myalgia:   9-10 visits over 8 weeks
  neuralgia: 8-10 visits over 4 weeks
  crps:      24 visits over 16 weeks      # a comment
  frequency: up to 3 per week, fading to 1 or less

criterion visit-count "Visits within the recommended course"
  require completed visits + requested visits <= recommended visits
  certify at most recommended visits - completed visits
  otherwise "The {requested visits} requested visits in addition to the {completed visits}
             already completed would exceed the {recommended visits} visits."

criterion frequency "Frequency within the guideline, fading over time"
  only when requested frequency is known
  require requested frequency <= recommended frequency
  otherwise "The requested {requested frequency} visits per week are too many."

criterion functional-improvement "Objective functional improvement from prior therapy"
  only when completed visits > 0
  require functional improvement is documented
  otherwise "No objective functional gains from the {completed visits} visits."

criterion home-program "Transition to an independent home exercise program"
  only when completed visits >= recommended visits
  require home exercise program is instructed, compliant or failed
  otherwise "No independent home exercise program."

policy california "California workers' compensation"
  jurisdiction CA
  first mtus.*
`;

/** Applies [line text, broken text] replacements; returns the text and the 1-based lines broken. */
function breakLines(text: string, edits: [string, string][]): { text: string; lines: number[] } {
  let out = text;
  for (const [from, to] of edits) {
    expect(out, `the fixture has no ${JSON.stringify(from)}`).toContain(from);
    out = out.replace(from, to);
  }
  const lines = edits.map(([, to]) => out.split('\n').findIndex((l) => l.includes(to.split('\n')[0]!)) + 1);
  return { text: out, lines };
}

/** The 1-based start line of each diagnostic, with its code. */
function diagnosedLines(text: string): { line: number; code: string }[] {
  const src = new SourceFile(text);
  return analyze(text).diagnostics.map((d) => ({ line: src.position(d.range.start).line, code: d.code }));
}

describe('a diagnostic on each broken line, and on no other', () => {
  // [line as it is, line broken, the codes expected on it]
  it.each<[string, [string, string, string[]][]]>([
    [
      'four broken criteria and a broken recommendation',
      [
        ['  neuralgia: 8-10 visits over 4 weeks', '  neuralgia: 8-10 visits 4 weeks', ['P202']],
        ['  require completed visits + requested visits <= recommended visits', '  require completed visits + <= recommended visits', ['P201']],
        ['  require requested frequency <= recommended frequency', '  require requested frequency <= )', ['P201']],
        ['  only when completed visits > 0', '  only completed visits > 0', ['P202']],
        ['  require home exercise program is instructed, compliant or failed', '  require home exercise program is instructed,, compliant or failed', ['P201']],
      ],
    ],
    [
      'a broken header, class, criterion and policy',
      [
        ['  in force 2009-07-18 to 2017-12-31', '  in force 2009-07-18 to 31.12.2017', ['P202']],
        ['  terms "myalgia", "myositis", "myofascial pain"', '  terms "myalgia", "myositis" "myofascial pain"', ['P201']],
        ['  certify at most recommended visits - completed visits', '  certify recommended visits - completed visits', ['P202']],
        ['  first mtus.*', '  first mtus.*,', ['P203']],
      ],
    ],
    [
      'lexical errors among syntax errors',
      [
        // The stray ';' is one error; the name after it, left without a comma, is another.
        ['  covers   physical-therapy, occupational-therapy, aquatic-therapy', '  covers   physical-therapy; occupational-therapy', ['L101', 'P201']],
        ['  crps:      24 visits over 16 weeks      # a comment', '  crps:      24 visits over 16 weeks @', ['L101']],
        ['  require functional improvement is documented', '  require functional improvement is (documented', ['P201']],
      ],
    ],
  ])('%s', (_, edits) => {
    const { text, lines } = breakLines(fixture, edits.map(([from, to]) => [from, to]));
    const expected = edits.flatMap(([, , codes], i) => codes.map((code) => ({ line: lines[i]!, code })));
    const order = (a: { line: number; code: string }, b: { line: number; code: string }): number => a.line - b.line || a.code.localeCompare(b.code);
    expect(diagnosedLines(text).sort(order)).toEqual(expected.sort(order));
  });
});

it('keeps the declarations after a broken one', () => {
  const { text } = breakLines(fixture, [['  require completed visits + requested visits <= recommended visits', '  require completed visits + <= recommended visits']]);
  const g = analyze(text).ast.guidelines[0]!;
  expect(g.criteria.map((c) => (c.kind === 'CriterionDecl' ? c.name.text : 'use'))).toEqual(['visit-count', 'frequency', 'functional-improvement', 'home-program']);
  expect(g.criteria.slice(1).every((c) => c.kind === 'CriterionDecl' && c.require && c.texts.otherwise)).toBe(true);
});

describe('checks beside a syntax error', () => {
  const text = `guideline a.b title "T" source "S", pages 1 covers physical-therapy uses physical-medicine
criterion one "One"
  require completed visits > (
  otherwise "x"
criterion two "Two"
  require complted visits > 0
  otherwise "x"
`;
  it('reports the checks of the declarations the parser read whole, and not of the broken one', () => {
    const codes = analyze(text).diagnostics.map((d) => `${d.code}@${text.slice(0, d.range.start).split('\n').length}`);
    expect(codes).toEqual(['P201@4', 'C301@6']);
  });
});
