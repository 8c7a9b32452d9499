// The picture's data (node): the decision procedure it draws decides as the runtime does, for every
// mix of criteria's statuses; a policy's evidence order lists its steps' guidelines in the runtime's
// order; a policy's criteria are drawn under the guidelines they apply to, and cause the part-certified
// branch there as the runtime does; and the graphs drawn from them wrap labels and mark the decision.
import { describe, expect, it } from 'vitest';
import { evaluate, guidelinesInOrder } from '@guideline/runtime';
import type { CriterionResult } from '@guideline/runtime';
import { outcome, type Decided } from '../../packages/runtime/src/decide.ts';
import { bundledSources } from '../../test/support/bundled.ts';
import { graphsOf, wrap } from '../src/diagram-graph.ts';
import type { DecisionRule, DiagramData } from '../src/protocol.ts';
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

describe('a policy\'s criteria under a guideline', () => {
  const physicalMedicine = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
  const california = 'guidelines/policies/california.guideline';
  const capLine = bundledSources().find((s) => s.file === california)!.text.split('\n').findIndex((l) => l.startsWith('criterion statutory-cap')) + 1;
  const policyNodes = (root: DiagramData['roots'][number] | undefined) => (root?.children ?? []).filter((c) => c.kind === 'policy');

  it('draws California\'s cap under a guideline it can apply to, each criterion a link to the policy\'s line', () => {
    const [root] = diagramOf(rules, physicalMedicine).roots;
    const [policy] = policyNodes(root);
    expect(policy).toMatchObject({ id: 'california', file: california, children: [{ kind: 'criterion', id: 'statutory-cap', file: california, line: capLine }] });
    expect(root?.decision?.[0]?.first?.by).toContainEqual({ label: expect.stringContaining('24-visit cap'), file: california, line: capLine });
  });

  it('leaves it out where its only when cannot hold: the postsurgical schedule it excepts, a treatment it does not cap', () => {
    for (const file of ['guidelines/mtus/postsurgical/postsurgical.guideline', 'guidelines/mtus/low-back-mri/low-back-mri.guideline']) {
      const [root] = diagramOf(rules, file).roots;
      expect([file, policyNodes(root)]).toEqual([file, []]);
    }
    // No criterion of its own certifies, and no policy's applies: no part-certified branch.
    expect(diagramOf(rules, 'guidelines/mtus/low-back-mri/low-back-mri.guideline').roots[0]?.decision?.[0]?.first).toBeUndefined();
  });

  it('draws the part-certified branch the cap causes under a guideline whose own criteria cannot certify, as the runtime decides', async () => {
    // The guideline's course made loose and its own `certify at most` taken away: the cap alone can certify part.
    const edited = new Workspace();
    edited.reset(bundledSources().map((s) => (s.file === physicalMedicine ? { ...s, text: s.text.replace('<= recommended visits\n  certify at most recommended visits - completed visits', '<= 100 visits') } : s)), []);
    const editedRules = edited.compile()!;
    const [root] = diagramOf(editedRules, physicalMedicine).roots;
    expect(editedRules.guidelines.find((g) => g.id === 'mtus.chronic-pain.physical-medicine')!.criteria.some((c) => c.certify !== undefined)).toBe(false);
    const first = root?.decision?.[0]?.first;
    expect(first).toMatchObject({ decision: 'partially-medically-necessary', by: [{ file: california, line: capLine }] });
    const d = await evaluate(editedRules, {
      id: 'cap', jurisdiction: 'CA', asOf: '2015-03-10', review: 'utilization', injury: { date: '2014-02-11' },
      diagnoses: [{ text: 'complex regional pain syndrome type I, right upper limb', icd10: 'G90.511' }], surgery: null,
      request: { treatment: 'physical-therapy', text: 'Physical therapy 2x4 right hand/wrist', bodyPart: 'right wrist' },
      history: { visitsCompleted: 20, functionalImprovement: 'documented', homeExerciseProgram: 'instructed' },
    });
    expect([d.guideline?.id, d.decision, d.certifiedVisits]).toEqual(['mtus.chronic-pain.physical-medicine', first?.decision, 4]);
    expect(d.criteria.filter((c) => c.status === 'not-met').map((c) => c.id)).toEqual(['statutory-cap']);
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
