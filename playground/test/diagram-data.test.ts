// The picture's data (node): the decision procedure it draws decides as the runtime does, for every
// mix of criteria's statuses; a policy's evidence order lists its steps' guidelines in the runtime's
// order; and the graphs drawn from them wrap labels and mark the current case's decision.
import { describe, expect, it } from 'vitest';
import { guidelinesInOrder } from '@guideline/runtime';
import type { CriterionResult } from '@guideline/runtime';
import { outcome, type Decided } from '../../packages/runtime/src/decide.ts';
import { bundledSources } from '../../test/support/bundled.ts';
import { graphsOf, wrap } from '../src/diagram-graph.ts';
import type { DecisionRule } from '../src/protocol.ts';
import { decisionRules } from '../src/worker/decision.ts';
import { diagramOf } from '../src/worker/diagram.ts';
import { Workspace } from '../src/worker/workspace.ts';

const statuses = ['met', 'not-met', 'unknown', 'needs-review', 'not-applicable'] as const;
type Status = (typeof statuses)[number];

/** What the drawn procedure decides: the first rule that holds (its narrower rule first, when that holds too). */
function drawn(rules: readonly DecisionRule[], of: readonly Status[], partial: boolean): string {
  for (const r of rules) {
    if (r.status !== 'met' && !of.includes(r.status)) continue;
    return r.first && partial ? r.first.decision : r.decision;
  }
  throw new Error('no rule holds');
}

/** Every list of up to three statuses. */
const mixes: Status[][] = [[]];
for (let n = 0; n < 3; n++) for (const m of mixes.filter((x) => x.length === n)) for (const s of statuses) mixes.push([...m, s]);

const ws = new Workspace();
ws.reset(bundledSources(), []);
const rules = ws.compile()!;

describe('the decision procedure drawn', () => {
  const criterion = { id: 'c', title: 'C', texts: {}, source: { file: 'f', line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0 } };
  const cases: [string, boolean, boolean][] = [['plain criteria', false, false], ['a criterion for review', false, true], ['a criterion that certifies', true, true]];
  it.each(cases)('decides as the runtime does, with %s', (_, certify, review) => {
    const drawnRules = decisionRules([{ ...criterion, ...(certify ? { certify: { const: 3 } } : {}), ...(review ? { review: true as const } : {}) }]);
    for (const mix of mixes.filter((m) => review || !m.includes('needs-review'))) {
      for (const utilization of [false, true]) {
        // The runtime certifies part when, in utilization review, every criterion not met allows some visits.
        const decided: Decided[] = mix.map((s) => ({ result: { status: s } as CriterionResult, certify: certify ? () => 3 : undefined, run: undefined as never }));
        const runtime = outcome({ review: utilization ? 'utilization' : 'prospective' } as never, decided, 6).decision;
        const partial = certify && utilization && !mix.includes('unknown') && !mix.includes('needs-review');
        expect([mix, utilization, drawn(drawnRules, mix, partial)]).toEqual([mix, utilization, runtime]);
      }
    }
  });
});

describe('a policy\'s evidence order', () => {
  it('lists each step\'s guidelines in the order the runtime tries them, each with its file and line', () => {
    const data = diagramOf(rules, 'guidelines/policies/california.guideline');
    const [order] = data.order!;
    expect(order?.steps[0]?.patterns).toEqual(['mtus.postsurgical.*']);
    const drawnOrder = order!.steps.flatMap((s) => s.guidelines.map((g) => g.id));
    expect(drawnOrder).toEqual(guidelinesInOrder(rules, 'CA')!.guidelines.map((g) => g.id));
    const massage = order!.steps.flatMap((s) => s.guidelines).find((g) => g.id === 'mtus.chronic-pain.massage');
    expect(massage).toMatchObject({ file: 'guidelines/mtus/massage/massage.guideline', line: expect.any(Number) });
    expect(data.roots[0]).toMatchObject({ kind: 'policy', decision: expect.any(Array) });
  });
});

describe('the graphs drawn', () => {
  it('wraps a label to whole words in at most three lines, leaving the rest out', () => {
    expect(wrap('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrap('a b c d e f g h', 3, 2)).toEqual(['a b', 'c d…']);
    expect(wrap('to abcdefghij x', 5)).toEqual(['to', 'abcdefghij', 'x']);
  });

  it('marks the current case\'s decision and colours each criterion by its status', () => {
    const data = diagramOf(rules, 'guidelines/mtus/massage/massage.guideline');
    const graphs = graphsOf(data, new Map([['visit-count', 'not-met']]), 'not-medically-necessary', {});
    const boxes = graphs.flatMap((g) => g.boxes);
    expect(boxes.filter((b) => b.current).map((b) => b.ref)).toEqual(['not-medically-necessary']);
    expect(boxes.find((b) => b.ref === 'visit-count')).toMatchObject({ kind: 'criterion', status: 'not-met', at: { line: expect.any(Number) } });
    const ids = new Set(boxes.map((b) => b.id));
    for (const e of graphs.flatMap((g) => g.edges)) expect([ids.has(e.from), ids.has(e.to)]).toEqual([true, true]);
  });
});
