// Which guidelines of a policy can take requests from one another: an index by treatment and by the
// body region the diagnoses give, so that the pairwise checks meet only guidelines of the same
// treatment and region (a guideline that says nothing of the region is under every one).
import { TOP, type Region } from './cell.ts';
import { fullMask, maskValues, noMask, orMask } from './masks.ts';
import type { Consulted, Model } from './model.ts';
import { NotAnalyzed } from './linear.ts';
import type { FiniteVar, Placed } from './space.ts';

export class Overlaps {
  private readonly buckets = new Map<string, number[]>();
  /** Each guideline's keys where it applies (what it asks the index with). */
  private readonly applies: string[][];

  constructor(
    model: Model,
    private readonly order: readonly Consulted[],
  ) {
    const regions = model.space.vars.filter((v): v is FiniteVar => v.kind === 'finite' && model.space.defs.get(v.id)?.builtin === 'body-region');
    /** Every combination of a treatment and a body region a region of the guideline's requests holds (all of them when it is not worked out). */
    const keys = (placed: Placed, where: Region | undefined): string[] => {
      const values = regions.map((v) => {
        let mask = noMask(v.values.length);
        for (const c of where ?? [TOP]) mask = orMask(mask, c.fin.get(v.index) ?? fullMask(v.values.length));
        return maskValues(v.values, mask);
      });
      return values.reduce<string[]>((ks, vs) => ks.flatMap((k) => vs.map((x) => `${k}|${x}`)), model.treatments(placed));
    };
    this.applies = order.map(({ placed }) => {
      const a = model.applies(placed);
      return keys(placed, a instanceof NotAnalyzed ? undefined : a.t);
    });
    // Filed where it applies or may: a guideline before another takes its requests there, or leaves them undecided.
    order.forEach(({ placed }, i) => {
      const a = model.applies(placed);
      for (const k of keys(placed, a instanceof NotAnalyzed ? undefined : [...a.t, ...a.u])) {
        const b = this.buckets.get(k);
        if (b) b.push(i);
        else this.buckets.set(k, [i]);
      }
    });
  }

  /**
   * The guidelines before the one at `position` in the order that share a treatment and a body region
   * with it where it applies (where they apply or may), in order.
   */
  before(position: number): Consulted[] {
    const out = new Set<number>();
    for (const k of this.applies[position]!) {
      for (const i of this.buckets.get(k) ?? []) {
        if (i >= position) break;
        out.add(i);
      }
    }
    return [...out].sort((a, b) => a - b).map((i) => this.order[i]!);
  }
}
