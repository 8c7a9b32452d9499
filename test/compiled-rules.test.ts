// The compiler's output always loads: every bundled guideline program, each guideline file alone
// (with the vocabulary files it may use), random guideline texts that compile, and expressions at
// the language's nesting limit, whose compiled conditions are the deepest the compiler makes. What
// loads evaluates alike everywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGuideline, compileProgram } from '../packages/language/src/index.ts';
import { limits } from '../packages/language/src/limits.ts';
import { loadRuleSet } from '../packages/runtime/src/index.ts';
import { guidelineText } from '../packages/language/test/support/guideline-arbitrary.ts';
import { deepExpressions } from '../packages/language/test/support/deep.ts';
import { bundledRules, eachFileWithVocabularies } from './support/bundled.ts';
import { makeCase } from './support/case-factory.ts';
import { agree, onEveryEngine } from './support/engines.ts';
import { verdict } from './support/artifact-schema.ts';
import { runs, seed } from './support/fuzz.ts';

/** It loads, and the artifact schema accepts it as the loader does. */
const loads = (rules: unknown): boolean => {
  loadRuleSet(JSON.stringify(rules));
  return verdict(JSON.parse(JSON.stringify(rules))) === 'accepted';
};

describe('compiled rule sets load', () => {
  it('the bundled program', () => {
    expect(loads(bundledRules())).toBe(true);
  });

  it.each(eachFileWithVocabularies())('%s with the vocabularies alone', (_, sources) => {
    const r = compileProgram(sources);
    expect(r.rules).toBeDefined();
    expect(loads(r.rules)).toBe(true);
  });

  it('random guideline texts that compile', () => {
    let compiled = 0;
    fc.assert(
      fc.property(guidelineText, (text) => {
        const r = compileGuideline(text);
        if (!r.rules) return;
        compiled++;
        expect(loads(r.rules)).toBe(true);
      }),
      { ...seed(808), numRuns: runs(1500) },
    );
    expect(compiled).toBeGreaterThan(10);
  });

  it.each(deepExpressions(limits.maxExpressionDepth))('%s at the language\'s nesting limit, and it evaluates alike everywhere', async (_, text) => {
    const r = compileGuideline(`${text}policy p "P" jurisdiction CA first a.*\n`);
    expect(r.diagnostics).toEqual([]);
    const rules = loadRuleSet(JSON.stringify(r.rules));
    expect(agree(await onEveryEngine(rules, makeCase({ history: { visitsCompleted: 3 } })))).toBe(true);
  });
});
