// Full criterion results kept and reused (reuse.ts): a determination is the same whichever cases
// were decided before it, a kept result holds nothing a caller can change, and the kept results stay
// within their limits.
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import fc from 'fast-check';
import { CaseValidationError, determinationJson, evaluateFast, type CriterionResult } from '../src/index.ts';
import { keep, keptLimits, worthReading, type Results } from '../src/reuse.ts';
import { bundledRules, files, root } from '../../../test/support/bundled.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryCases } from '../../../scripts/corpus/cases.ts';
import { caseArbitrary } from '../../../test/support/case-arbitrary.ts';
import { runs, seed } from '../../../test/support/fuzz.ts';

const decide = (rules: RuleSet, c: unknown): string => determinationJson(evaluateFast(rules, c, { decisionId: () => 'd' }));

/** The same rule set as a new object: nothing decided with it yet, so nothing kept. */
const fresh = (rules: RuleSet): RuleSet => structuredClone(rules);

describe('reused results', () => {
  const rules = bundledRules();
  const cases = JSON.parse(JSON.stringify([...libraryCases(rules, 4000, 29)])) as unknown[];

  it('make the same determinations in any order of cases, as a rule set that has kept nothing', () => {
    const forward = fresh(rules);
    const backward = fresh(rules);
    const a = cases.map((c) => decide(forward, c));
    const b = cases.map((_, i) => decide(backward, cases[cases.length - 1 - i])).reverse();
    let reused = 0;
    for (let i = 0; i < cases.length; i++) {
      expect(a[i], `case ${i}`).toBe(b[i]);
      if (evaluateFast(forward, cases[i]).criteria.some((r) => Object.isFrozen(r))) reused++;
    }
    // Most of these cases' criteria read what an earlier case read: the test compares reused results.
    expect(reused).toBeGreaterThan(cases.length / 2);
    // And each, every 40th, as decided by a rule set that has seen no case before it.
    for (let i = 0; i < cases.length; i += 40) expect(decide(fresh(rules), cases[i]), `case ${i}`).toBe(a[i]);
  });

  it('make the same determinations in any order of generated cases of every shape (unknown fields, lists, boundaries)', () => {
    const generated = fc.sample(caseArbitrary(rules), { numRuns: runs(3000), ...seed(41) });
    const text = (r: RuleSet, c: unknown): string => {
      try {
        return decide(r, c);
      } catch (e) {
        if (e instanceof CaseValidationError) return 'invalid';
        throw e;
      }
    };
    const forward = fresh(rules);
    const backward = fresh(rules);
    const a = generated.map((c) => text(forward, c));
    const b = generated.map((_, i) => text(backward, generated[generated.length - 1 - i])).reverse();
    for (let i = 0; i < generated.length; i++) expect(a[i], JSON.stringify(generated[i])).toBe(b[i]);
    expect(a.filter((x) => x !== 'invalid').length).toBeGreaterThan(generated.length / 2);
    // Reused results among them: a case decided again finds its criteria's results kept.
    const reused = generated.filter((c) => text(forward, c) !== 'invalid' && evaluateFast(forward, c).criteria.some((r) => Object.isFrozen(r))).length;
    expect(reused).toBeGreaterThan(generated.length / 4);
  });

  it('hold nothing of the case, kept or not: a caller changing its case afterwards changes no determination made', () => {
    const mine = fresh(rules);
    /** Changes every list and record in a value: an item pushed, a field added. */
    const scribble = (v: unknown): void => {
      if (Array.isArray(v)) {
        v.forEach(scribble);
        v.push({ scribbled: true });
      } else if (v && typeof v === 'object') {
        for (const k of Object.keys(v)) scribble((v as Record<string, unknown>)[k]);
        (v as Record<string, unknown>)['scribbled'] = true;
      }
    };
    // The bundled test cases (lists of events, records) and library cases.
    const testCases = files(join(root, 'guidelines'), '.json').filter((f) => f.includes('/cases/')).map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { case: unknown }).case);
    expect(testCases.length).toBeGreaterThan(300);
    let lists = 0;
    for (const c of [...testCases, ...cases.slice(0, 300)]) {
      const own = structuredClone(c);
      const d = evaluateFast(mine, own, { decisionId: () => 'd' });
      const text = determinationJson(d);
      lists += d.criteria.filter((r) => r.trace.some((t) => Array.isArray(t.value))).length;
      scribble(own);
      expect(JSON.stringify(d)).toBe(text);
    }
    expect(lists).toBeGreaterThan(0);
  });

  it('are the same objects for two cases that read the same, and frozen', () => {
    const r = fresh(rules);
    const c = cases.find((x) => evaluateFast(r, x).criteria.length > 0)!;
    evaluateFast(r, c);
    const [x, y] = [evaluateFast(r, c), evaluateFast(r, c)];
    expect(x.criteria[0]).toBe(y.criteria[0]);
    expect(Object.isFrozen(x.criteria[0])).toBe(true);
    expect(Object.isFrozen(x.criteria[0]!.trace[0])).toBe(true);
    expect(() => {
      'use strict';
      (x.criteria[0] as { status: string }).status = 'met';
    }).toThrow(TypeError);
  });
});

describe('a kept result', () => {
  const rules = compileProgram([
    {
      file: 't.guideline',
      text: `
vocabulary programs "Programs"
  uses physical-medicine

fact prior programs: list of one of work-conditioning, work-hardening, from history.priorPrograms
fact medications: list of medication, from medications
record medication "A medication"
  field daily dose: number, from dailyDose

guideline t.wc
  title    "Test work conditioning"
  source   "Test Guidelines", 2009, page 1
  in force 2009-01-01
  covers   work-conditioning
  uses     programs

criterion no-repeat "No repeat of a program"
  require not (prior programs includes work-conditioning)
  otherwise "A program was already completed."

criterion doses "No high dose, or a program already completed"
  require (no medications where daily dose > 100) or prior programs is not empty

policy ca "California"
  jurisdiction CA
  first t.*
`,
    },
  ]).rules!;
  const theCase = () => ({ jurisdiction: 'CA', asOf: '2015-06-01', request: { treatment: 'work-conditioning' }, history: { priorPrograms: ['work-hardening'] } });

  it('holds its own copy of a list the case gave, so a caller changing its case changes no later determination', () => {
    const before = decide(rules, theCase());
    const mine = theCase();
    const d = evaluateFast(rules, mine);
    expect(Object.isFrozen(d.criteria[0])).toBe(true);
    expect(d.criteria[0]!.trace[0]!.value).toEqual(['work-hardening']);
    expect(d.criteria[0]!.trace[0]!.value).not.toBe(mine.history.priorPrograms);
    mine.history.priorPrograms.push('work-conditioning');
    expect(decide(rules, theCase())).toBe(before);
  });

  it('is not reused for a case whose condition over a list answers otherwise, with as many items', () => {
    const withDose = (dailyDose: number) => ({ ...theCase(), medications: [{ dailyDose }] });
    const low = decide(rules, withDose(50));
    expect(decide(rules, withDose(50))).toBe(low);
    const high = decide(rules, withDose(150));
    expect(high).not.toBe(low);
    expect(high).toBe(decide(structuredClone(rules), withDose(150)));
  });
});

describe('the kept results of a rule set', () => {
  const noResults = (): Results => ({ byHash: new Map(), seenOnce: new Set(), found: 0, missed: 0, skip: 0 });
  const result = (n: number): CriterionResult => ({ id: `c${n}`, title: 't', status: 'met', rationale: '', source: { file: 'f', line: 1 }, trace: [] });

  it('are kept the second time their read is seen, and the oldest makes room past the limit', () => {
    const results = noResults();
    const kept = { size: 0 };
    const first = result(1);
    expect(Object.isFrozen(keep(results, kept, 1, first))).toBe(false);
    expect(kept.size).toBe(0);
    expect(Object.isFrozen(keep(results, kept, 1, result(1)))).toBe(true);
    expect(kept.size).toBe(1);
    // The rule set at its limit: a criterion's new result replaces its own oldest.
    kept.size = keptLimits.results;
    keep(results, kept, 2, result(2));
    keep(results, kept, 2, result(2));
    expect([...results.byHash.keys()]).toEqual([2]);
    expect(kept.size).toBe(keptLimits.results);
    // A criterion with nothing kept keeps nothing while the rule set is at its limit.
    const other = noResults();
    keep(other, kept, 3, result(3));
    keep(other, kept, 3, result(3));
    expect(other.byHash.size).toBe(0);
    expect(kept.size).toBe(keptLimits.results);
  });

  it('are not looked for, for a while, by a criterion whose reads seldom find theirs', () => {
    const results = noResults();
    const weigh = (found: number, missed: number): number => {
      Object.assign(results, { found, missed });
      let skipped = 0;
      while (!worthReading(results)) skipped++;
      return skipped;
    };
    // Weighed every 1,024 reads: under one in eight found, the next 8,192 cases are explained afresh.
    expect(weigh(100, 924)).toBe(0);
    expect(worthReading(results)).toBe(false);
    let skipped = 1;
    while (!worthReading(results)) skipped++;
    expect(skipped).toBe(8_192);
    // One in eight or more found: read on.
    expect(weigh(128, 896)).toBe(0);
    expect(worthReading(results)).toBe(true);
    // Fewer than 1,024 reads since last weighed: not weighed yet.
    expect(weigh(0, 1_000)).toBe(0);
    expect(worthReading(results)).toBe(true);
  });

  it('keep at most their limit for one criterion, and forget reads seen once past theirs', () => {
    const results = noResults();
    const kept = { size: 0 };
    for (let h = 0; h < keptLimits.perCriterion + 10; h++) {
      keep(results, kept, h, result(h));
      keep(results, kept, h, result(h));
    }
    expect(results.byHash.size).toBe(keptLimits.perCriterion);
    expect(kept.size).toBe(keptLimits.perCriterion);
    expect(results.byHash.has(0)).toBe(false);
    for (let h = 0; h < keptLimits.seenOnce + 5; h++) keep(results, kept, 100_000 + h, result(h));
    expect(results.seenOnce.size).toBeLessThanOrEqual(keptLimits.seenOnce);
  });
});
