// Which conditions the test cases exercised: for every leaf condition of every criterion (guidelines'
// and policies'), how many test cases found it true, false and unknown, from their traces. A
// condition no case reached, or one only ever true or only ever false, is a gap in the test suite.
import { criterionLeaves, type CompiledCriterion, type LeafInfo, type RuleSet } from '@guideline/language';
import type { Determination } from '@guideline/runtime';
import { conditionKey as key } from '../coverage.ts';
import { coverageShown } from '../limits.ts';
import type { ConditionCoverage } from '../protocol.ts';

export class CoverageCounter {
  private readonly conditions = new Map<string, ConditionCoverage>();

  constructor(rules: RuleSet) {
    const add = (criteria: readonly CompiledCriterion[], leaves: readonly LeafInfo[]): void => {
      for (const c of criteria) {
        for (const i of criterionLeaves(c)) {
          const leaf = leaves[i];
          if (!leaf) continue;
          const k = key(leaf.source.file, leaf.source.line, leaf.text);
          if (!this.conditions.has(k)) this.conditions.set(k, { file: leaf.source.file, line: leaf.source.line, condition: leaf.text, true: 0, false: 0, unknown: 0 });
        }
      }
    };
    for (const g of rules.guidelines) add(g.criteria, g.leaves);
    for (const p of rules.policies) add(p.criteria, p.leaves);
  }

  /** Counts each condition of a determination's traces once for the case. */
  count(d: Determination): void {
    const seen = new Set<string>();
    for (const c of d.criteria) {
      for (const t of c.trace) {
        const k = key(t.file, t.line, t.condition);
        const entry = this.conditions.get(k);
        if (!entry || seen.has(k)) continue;
        seen.add(k);
        if (t.result === null) entry.unknown++;
        else if (t.result) entry.true++;
        else entry.false++;
      }
    }
  }

  /** The counts, at most `coverageShown` conditions (gaps first, so they are never the ones left out). */
  result(): ConditionCoverage[] {
    const all = [...this.conditions.values()];
    const gap = (c: ConditionCoverage): number => (c.true && c.false ? 1 : 0);
    return all.sort((a, b) => gap(a) - gap(b)).slice(0, coverageShown);
  }
}
