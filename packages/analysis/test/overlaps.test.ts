// The index of a policy's guidelines by treatment and body region: the guidelines before one that
// can take requests from it are those of one of its treatments and of one of its body regions (or of
// any region, when they say nothing of it), never one the index leaves out where they meet.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../language/src/index.ts';
import { Model } from '../src/model.ts';
import { Overlaps } from '../src/overlaps.ts';

/** A guideline of one treatment, applying where `applies` holds. */
const guideline = (id: string, treatment: string, applies: string): string => `guideline ${id}
  title "T"
  source "S", pages 1-2
  covers ${treatment}
  uses physical-medicine
  ${applies ? `applies when ${applies}` : ''}
criterion c "C"
  require completed visits <= 6
  otherwise "no"
`;

const library = [
  guideline('g.neck', 'physical-therapy', 'body region is "neck"'),
  guideline('g.knee', 'physical-therapy', 'body region is "knee"'),
  guideline('g.any', 'physical-therapy', ''),
  guideline('g.acupuncture', 'acupuncture', 'body region is "neck"'),
  guideline('g.not-knee', 'physical-therapy', 'body region is not "knee"'),
  guideline('g.neck-or-knee', 'physical-therapy', 'body region is "neck" or body region is "knee"'),
  guideline('g.knee-2', 'physical-therapy', 'body region is "knee"'),
].join('\n');
const policy = `policy p "P"
  jurisdiction CA
  first g.neck, g.knee, g.any, g.acupuncture, g.not-knee, g.neck-or-knee, g.knee-2
`;

describe('the guidelines that can take requests from one before them', () => {
  const r = compileProgram([{ text: `${library}\n${policy}`, file: 'g.guideline' }]);
  const model = new Model([r.rules!]);
  const policyRules = r.rules!.policies[0]!;
  const order = model.order(0, policyRules);
  const overlaps = new Overlaps(model, order);
  it.each([
    ['g.neck', []],
    ['g.knee', []],
    ['g.any', ['g.neck', 'g.knee']],
    ['g.acupuncture', []],
    ['g.not-knee', ['g.neck', 'g.any']],
    ['g.neck-or-knee', ['g.neck', 'g.knee', 'g.any', 'g.not-knee']],
    ['g.knee-2', ['g.knee', 'g.any', 'g.neck-or-knee']],
  ])('%s: %j', (id, expected) => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const at = order.findIndex((c) => c.placed.g.id === id);
    expect(overlaps.before(at).map((c) => c.placed.g.id)).toEqual(expected);
  });

  it('leaves out only guidelines whose regions do not meet', () => {
    // Every pair the index leaves out: no request the later one applies to is one the earlier applies or may apply to.
    const L = model.logic;
    order.forEach(({ placed }, i) => {
      const kept = new Set(overlaps.before(i).map((c) => c.placed.key));
      const a = model.applies(placed);
      if (!('t' in a)) return;
      for (const { placed: h } of order.slice(0, i)) {
        const b = model.applies(h);
        if (kept.has(h.key) || !('t' in b)) continue;
        expect(L.some(a.t, L.union(b.t, b.u)), `${placed.g.id} and ${h.g.id}`).toBeUndefined();
      }
    });
  });
});
