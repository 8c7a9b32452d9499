// What changed between two versions of a rule set. Each jurisdiction's requests are split by what
// governs them before and after (a guideline, none, or one whose applicability is unknown); where a
// different guideline governs, or the same one changed, the decisions, criterion statuses and
// certified visits are compared region by region. One finding per kind of change, with its regions.
import type { CompiledGuideline, CompiledPolicy, Value } from '@guideline/language';
import { meet, type Region } from './cell.ts';
import { compare } from './compare.ts';
import { outcomeOf, type Decision, type Outcome } from './decisions.ts';
import { headLength, type Pending } from './findings.ts';
import { NotAnalyzed } from './linear.ts';
import type { Tri3 } from './logic.ts';
import type { Model, Status } from './model.ts';
import type { Placed } from './space.ts';
import { finCell, type Scope } from './values.ts';

/** What governs a region on one side: a guideline, or a decision reached without one. */
type Governor = { placed: Placed; region: Region } | { decision: Decision; region: Region };

const statuses: Status[] = ['met', 'notMet', 'notApplicable', 'unknown'];
const words: Record<Status, string> = { met: 'met', notMet: 'not met', notApplicable: 'not applicable', unknown: 'unknown' };

/** A guideline's content, without where it is written. */
const content = (g: CompiledGuideline): string => JSON.stringify(g, (k, v) => (k === 'source' || k === 'location' || k === 'leaves' ? undefined : v));

export function diffPending(model: Model): Pending[] {
  return new Diff(model).run();
}

class Diff {
  private readonly found = new Map<string, Pending>();
  private readonly outcomes = new Map<string, Outcome>();

  constructor(readonly model: Model) {}

  run(): Pending[] {
    const jurisdictions = new Set([0, 1].flatMap((r) => this.model.policies(r).map((p) => p.jurisdiction.toUpperCase())));
    for (const j of jurisdictions) {
      const [a, b] = [0, 1].map((r) => this.model.policies(r).find((p) => p.jurisdiction.toUpperCase() === j));
      const ctx = finCell(this.model.space.finiteVar('jurisdiction')!, [j]);
      const before = this.governors(0, a, [ctx]);
      const after = this.governors(1, b, [ctx]);
      if (!before || !after) continue;
      for (const x of before) for (const y of after) this.pair(x, y, a, b);
    }
    return [...this.found.values()];
  }

  /** How one side splits the jurisdiction's requests (undefined when part of it is outside the method: reported). */
  private governors(r: number, policy: CompiledPolicy | undefined, ctx: Region): Governor[] | undefined {
    if (!policy) return [{ decision: 'no-applicable-guideline', region: ctx }];
    const L = this.model.logic;
    const governs = new Map<string, Region>();
    let none: Region = [];
    let undecided: Region = [];
    for (const gv of this.model.governing(r, policy)) {
      if (gv.blocked) {
        this.notAnalyzed(gv.blocked.placed, gv.blocked.error);
        return undefined;
      }
      // A guideline governs in each group of treatments it covers: one region for all of them.
      for (const [key, region] of gv.governs) if (region.length) governs.set(key, L.union(governs.get(key) ?? [], region));
      none = L.union(none, gv.none!);
      undecided = L.union(undecided, gv.undecided!);
    }
    const out: Governor[] = [...governs].map(([key, region]) => ({ placed: this.model.space.guidelines.find((p) => p.key === key)!, region }));
    // Treatments no guideline of the policy covers reach none.
    const covered = L.union(...out.map((g) => g.region), none, undecided);
    const rest = this.uncovered(ctx, covered);
    const ends: Governor[] = [{ decision: 'no-applicable-guideline', region: L.union(none, rest) }, { decision: 'insufficient-information', region: undecided }];
    return [...out, ...ends].filter((g) => g.region.length);
  }

  /** The treatments the policy's guidelines do not cover at all (they are in no group), within `ctx`. */
  private uncovered(ctx: Region, covered: Region): Region {
    const t = this.model.space.finiteVar('request.treatment')!;
    const seen = new Set<string>();
    for (const c of covered) {
      const m = c.fin.get(t.index);
      t.values.forEach((v, i) => (m === undefined || (m >> BigInt(i)) & 1n) && seen.add(v));
    }
    const rest = t.values.filter((v) => !seen.has(v));
    return rest.length ? this.model.logic.meet(ctx, [finCell(t, rest)]) : [];
  }

  private outcome(p: Placed, policy: CompiledPolicy, region: Region): Outcome {
    const key = `${p.key}@${policy.id}`;
    let o = this.outcomes.get(key);
    if (!o) this.outcomes.set(key, (o = outcomeOf(this.model, p, policy, region)));
    return o;
  }

  private pair(x: Governor, y: Governor, a: CompiledPolicy | undefined, b: CompiledPolicy | undefined): void {
    const L = this.model.logic;
    const both = L.meet(x.region, y.region);
    if (!both.length) return;
    if ('placed' in x && 'placed' in y && content(x.placed.g) === content(y.placed.g) && JSON.stringify(a!.criteria) === JSON.stringify(b!.criteria)) return;
    try {
      const ox = 'placed' in x ? this.outcome(x.placed, a!, x.region) : undefined;
      const oy = 'placed' in y ? this.outcome(y.placed, b!, y.region) : undefined;
      const dx = ox ? ox.decisions : new Map([[(x as { decision: Decision }).decision, x.region]]);
      const dy = oy ? oy.decisions : new Map([[(y as { decision: Decision }).decision, y.region]]);
      const at = oy?.placed.g.location ?? ox?.placed.g.location ?? (b ?? a)!.source;
      const head = oy ? headLength('guideline', oy.placed.g.id) : ox ? headLength('guideline', ox.placed.g.id) : headLength('policy', (b ?? a)!.id);
      const policy = (b ?? a)!;
      for (const [da, ra] of dx) {
        for (const [db, rb] of dy) {
          const r = L.meet(L.meet(ra, rb), both);
          if (!r.length) continue;
          if (da !== db) {
            this.add(`decision|${da}|${db}`, { code: 'A608', args: { before: da, after: db }, at, length: head, region: r, example: { cell: r[0]!, policy, claim: { kind: 'differs', what: 'decision', before: da, after: db } } });
            continue;
          }
          if (ox && oy && ox.placed.g.id === oy.placed.g.id) this.statusChanges(ox, oy, r, da, at, head, policy);
          else if (ox || oy) {
            const name = (o: Outcome | undefined): string => (o ? `'${o.placed.g.id}'` : 'none');
            this.add(`guideline|${name(ox)}|${name(oy)}`, { code: 'A609', args: { decision: da, what: 'the guideline that governs', before: name(ox), after: name(oy) }, at, length: head, region: r, example: { cell: r[0]!, policy, claim: { kind: 'differs', what: 'guideline', before: ox?.placed.g.id ?? null, after: oy?.placed.g.id ?? null } } });
          }
          if (da === 'partially-medically-necessary' && ox && oy) this.certified(ox, oy, r, at, head, policy);
        }
      }
    } catch (e) {
      if (!(e instanceof NotAnalyzed)) throw e;
      const p = 'placed' in y ? y.placed : 'placed' in x ? x.placed : undefined;
      if (p) this.notAnalyzed(p, e);
    }
  }

  /** Where the decision stays but a criterion's status changes (one finding per criterion and change). */
  private statusChanges(ox: Outcome, oy: Outcome, r: Region, decision: Decision, at: Pending['at'], head: number, policy: CompiledPolicy): void {
    const L = this.model.logic;
    const ids = new Set([...ox.criteria, ...oy.criteria].map((k) => `${k.policy ?? ''}|${k.id}`));
    for (const id of ids) {
      const kx = ox.criteria.find((k) => `${k.policy ?? ''}|${k.id}` === id);
      const ky = oy.criteria.find((k) => `${k.policy ?? ''}|${k.id}` === id);
      for (const sx of kx ? statuses : [undefined]) {
        for (const sy of ky ? statuses : [undefined]) {
          if (sx === sy) continue;
          const region = L.meet(L.meet(r, sx ? kx!.statuses[sx] : r), sy ? ky!.statuses[sy] : r);
          if (!region.length) continue;
          const name = (kx ?? ky)!.id;
          const what = `criterion '${name}'${(kx ?? ky)!.policy ? ` of policy '${(kx ?? ky)!.policy}'` : ''}`;
          const criterion = { id: name, ...((kx ?? ky)!.policy ? { policy: (kx ?? ky)!.policy! } : {}) };
          this.add(`status|${id}|${sx}|${sy}|${decision}`, { code: 'A609', args: { decision, what, before: sx ? words[sx] : 'absent', after: sy ? words[sy] : 'absent' }, at, length: head, region, example: { cell: region[0]!, policy, claim: { kind: 'differs', what: 'status', criterion, before: sx, after: sy } } });
        }
      }
    }
  }

  /** Where both certify part, but not the same visits: the least of the terms differs. */
  private certified(ox: Outcome, oy: Outcome, r: Region, at: Pending['at'], head: number, policy: CompiledPolicy): void {
    const L = this.model.logic;
    for (const px of ox.partial) {
      for (const py of oy.partial) {
        const within = L.meet(L.meet(px.region, py.region), r);
        if (!within.length) continue;
        const less = (xs: Value[], sx: Scope, ys: Value[], sy: Scope): Tri3 => L.or(xs.map((u) => L.and(ys.map((v) => this.across('<', u, sx, v, sy)))));
        const differs = L.meet(within, L.union(less(px.terms, ox.scope, py.terms, oy.scope).t, less(py.terms, oy.scope, px.terms, ox.scope).t));
        if (!differs.length) continue;
        this.add(`certified|${ox.placed.g.id}`, { code: 'A610', args: { guideline: oy.placed.g.id }, at, length: head, region: differs, example: { cell: differs[0]!, policy, claim: { kind: 'differs', what: 'certified' } } });
      }
    }
  }

  /** A comparison of a value read by one guideline with one read by another. */
  private across(op: '<', x: Value, sx: Scope, y: Value, sy: Scope): Tri3 {
    const parts: { guard: ReturnType<typeof meet>; v: Tri3 }[] = [];
    for (const a of sx.expand(x)) for (const b of sy.expand(y)) parts.push({ guard: meet(a.guard, b.guard), v: compare(op, a.v, b.v) });
    return this.model.logic.guarded(parts);
  }

  private add(key: string, p: Pending): void {
    const old = this.found.get(key);
    if (old) old.region = this.model.logic.union(old.region, p.region);
    else this.found.set(key, p);
  }

  private notAnalyzed(p: Placed, e: NotAnalyzed): void {
    const leaf = e.leaf === undefined ? undefined : p.g.leaves[e.leaf];
    const at = leaf?.source ?? p.g.location;
    this.add(`na|${p.key}|${e.reason}`, { code: 'A612', args: { what: `what changed where guideline '${p.g.id}' governs${leaf ? ` ('${leaf.text}')` : ''}`, reason: e.reason }, at, ...(leaf ? {} : { length: headLength('guideline', p.g.id) }), region: [] });
  }
}
