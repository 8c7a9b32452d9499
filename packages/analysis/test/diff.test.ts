// What changed between two versions is exact: on small random programs and an edit of one of their
// numbers, each change the grid shows between the two versions (a decision, the guideline that
// governs, a criterion's status, the visits certified) is found, nothing else is, and every example
// reproduces its change through both evaluators.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram, type RuleSet } from '../../language/src/index.ts';
import { evaluateFast, type Determination } from '../../runtime/src/index.ts';
import { diffRules } from '../src/index.ts';
import { gridCases, gridSize } from './support/grid.ts';
import { programText } from './support/program-arbitrary.ts';
import { runs, scale, seed } from '../../../test/support/fuzz.ts';

/** A program and an edit of it: one number of a condition or a table changed to another. */
const edited = programText.chain((text) => {
  const at = [...text.matchAll(/(?<=(?:require|when|\|)[^\n]*)\b[0-3]\b/g)].map((m) => m.index!);
  return fc.tuple(fc.constant(text), at.length ? fc.constantFrom(...at) : fc.constant(-1), fc.integer({ min: 0, max: 3 }));
}).map(([text, at, digit]) => [text, at < 0 ? text : `${text.slice(0, at)}${digit}${text.slice(at + 1)}`] as const);

const words: Record<string, string> = { met: 'met', 'not-met': 'not met', 'not-applicable': 'not applicable', unknown: 'unknown', 'needs-review': 'unknown' };

/** The changes the grid shows, keyed as the findings are: code and arguments. */
function observe(before: RuleSet, after: RuleSet, cases: Record<string, unknown>[]): Set<string> {
  const out = new Set<string>();
  const key = (code: string, args: Record<string, unknown>): void => void out.add(`${code}|${JSON.stringify(args)}`);
  const name = (d: Determination): string => (d.guideline ? `'${d.guideline.id}'` : 'none');
  for (const c of cases) {
    const b = evaluateFast(before, c);
    const a = evaluateFast(after, c);
    if (b.decision !== a.decision) key('A608', { before: b.decision, after: a.decision });
    else if (b.guideline?.id !== a.guideline?.id) key('A609', { decision: b.decision, what: 'the guideline that governs', before: name(b), after: name(a) });
    else if (b.guideline) {
      const ids = new Set([...b.criteria, ...a.criteria].map((k) => `${k.policy ?? ''}|${k.id}`));
      for (const id of ids) {
        const [kb, ka] = [b, a].map((d) => d.criteria.find((k) => `${k.policy ?? ''}|${k.id}` === id));
        const [sb, sa] = [kb, ka].map((k) => (k ? words[k.status]! : 'absent'));
        const k = (kb ?? ka)!;
        if (sb !== sa) key('A609', { decision: b.decision, what: `criterion '${k.id}'${k.policy ? ` of policy '${k.policy}'` : ''}`, before: sb, after: sa });
      }
    }
    if (b.decision === 'partially-medically-necessary' && a.decision === b.decision && a.guideline?.id === b.guideline?.id && a.certifiedVisits !== b.certifiedVisits) key('A610', { guideline: a.guideline!.id });
  }
  return out;
}

describe('what changed, against enumeration', () => {
  it('finds exactly the changes the grid shows, on random programs and an edit of them', async () => {
    await fc.assert(
      fc.asyncProperty(edited, async ([textBefore, textAfter]) => {
        fc.pre(gridSize(textBefore + textAfter) <= (scale > 1 ? 40_000 : 3_000));
        const cases = gridCases(textBefore + textAfter);
        const [before, after] = [textBefore, textAfter].map((text) => compileProgram([{ text, file: 'program.guideline' }]).rules);
        fc.pre(before !== undefined && after !== undefined);
        const report = await diffRules(before!, after!);
        expect(report.findings.filter((f) => f.code === 'A612').map((f) => f.message), textAfter).toEqual([]);
        expect(report.unreproduced, JSON.stringify(report.findings.filter((f) => f.example && !f.example.reproduced).map((f) => [f.code, f.message, f.example!.problem, f.example!.case]))).toBe(0);
        const found = new Set(report.findings.map((f) => `${f.code}|${JSON.stringify(f.data)}`));
        expect([...found].sort(), `${textBefore}\n---- after ----\n${textAfter}`).toEqual([...observe(before!, after!, cases)].sort());
      }),
      { numRuns: runs(8), ...seed(20261206) },
    );
  }, 300_000 * scale);
});
