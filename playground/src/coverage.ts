// The conditions one case exercised, from its determination's traces: each condition once, with
// the result it had for the case, in the form the test suite's coverage takes (counts of 0 or 1).
import type { Determination } from '@guideline/runtime';
import type { ConditionCoverage } from './protocol.ts';

export function coverageOfCase(d: Determination): ConditionCoverage[] {
  const out = new Map<string, ConditionCoverage>();
  for (const c of d.criteria) {
    for (const t of c.trace) {
      const key = `${t.file}\0${t.line}\0${t.condition}`;
      if (out.has(key)) continue;
      out.set(key, { file: t.file, line: t.line, condition: t.condition, true: t.result === true ? 1 : 0, false: t.result === false ? 1 : 0, unknown: t.result === null ? 1 : 0 });
    }
  }
  return [...out.values()];
}
