// The checks of one rule set, in order of value: guidelines a policy never lets decide (or lets
// decide only in part), guidelines that never apply, criteria never met, `only when`s that never
// hold, criteria always met, requests of a covered treatment that reach no guideline, and overlaps
// within one step of a policy.
import type { CompiledCriterion, CompiledPolicy, Cond, LeafInfo, SourceLocation } from '@guideline/language';
import { meet, type Cell, type Region } from './cell.ts';
import type { Pending } from './findings.ts';
import { headLength } from './findings.ts';
import { NotAnalyzed } from './linear.ts';
import { analysisLimits } from './limits.ts';
import type { Governing, Model, Status } from './model.ts';
import { Overlaps } from './overlaps.ts';
import { OTHER, type Placed } from './space.ts';
import { finCell } from './values.ts';
import { leavesOf } from '@guideline/language';

/** Where a guideline (or a policy's criteria, as one guideline governs) decides: a policy and a region. */
interface Context {
  policy: CompiledPolicy;
  view: Placed;
  region: Region;
}

const name = (p: Placed): string => (p.g.edition ? `${p.g.id} (edition ${p.g.edition})` : p.g.id);

export class Checks {
  readonly pending: Pending[] = [];
  private readonly contexts = new Map<string, Context[]>();
  private readonly policyContexts = new Map<CompiledPolicy, Context[]>();
  private readonly reported = new Set<string>();

  constructor(
    readonly model: Model,
    readonly ruleSet: number,
  ) {}

  run(): Pending[] {
    for (const policy of this.model.policies(this.ruleSet)) {
      // A policy's walk and overlaps grow with its guidelines: a part's budget for each it consults.
      const budget = analysisLimits.workPerPart * (1 + this.model.order(this.ruleSet, policy).length);
      try {
        this.model.logic.part(() => this.policy(policy), budget);
      } catch (e) {
        // The policy's regions are past the method (too many): said at the policy, and its criteria are not checked.
        if (!(e instanceof NotAnalyzed)) throw e;
        this.pending.push({ code: 'A612', args: { what: `policy '${policy.id}'`, reason: e.reason }, at: policy.source, length: headLength('policy', policy.id), region: [] });
      }
    }
    for (const p of this.model.space.guidelines) {
      if (p.ruleSet !== this.ruleSet) continue;
      const ctxs = this.contexts.get(p.key) ?? [];
      for (const c of p.g.criteria) this.criterion(c, `guideline '${name(p)}'`, p.key, p.g.leaves, ctxs, undefined);
    }
    for (const [policy, ctxs] of this.policyContexts) {
      for (const c of policy.criteria) this.criterion(c, `a guideline of policy '${policy.id}'`, `policy:${policy.id}`, policy.leaves, ctxs, policy.id);
    }
    return this.pending;
  }

  private policy(policy: CompiledPolicy): void {
    const m = this.model;
    const L = m.logic;
    const order = m.order(this.ruleSet, policy);
    const step = new Map(order.map((c) => [c.placed.key, c.step]));
    const position = new Map(order.map((c, i) => [c.placed.key, i]));
    const govs = m.governing(this.ruleSet, policy);
    const treatment = m.space.finiteVar('request.treatment')!;
    for (const gv of govs) {
      const b = gv.blocked;
      if (b) this.notAnalyzed(b.placed.key, `the applicability of guideline '${name(b.placed)}'`, b.error, b.placed.g.leaves, b.placed.g.location, headLength('guideline', b.placed.g.id));
    }
    const overlaps = new Overlaps(m, order);
    const ctxs: Context[] = [];
    for (const { placed } of order) {
      const a = m.applies(placed);
      if (a instanceof NotAnalyzed) continue;
      // The treatment groups that consult it; where an earlier guideline (or it) is outside the method, nothing is said.
      const mine = govs.filter((gv) => m.treatments(placed).includes(gv.treatments[0]!));
      if (mine.some((gv) => !gv.governs.has(placed.key))) continue;
      const groupCtx = (gv: Governing): Region => [meet(m.context(policy), finCell(treatment, gv.treatments))];
      const applies = mine.map((gv) => L.meet(groupCtx(gv), a.t));
      const governs = mine.map((gv) => gv.governs.get(placed.key)!);
      const at = placed.g.location;
      const head = headLength('guideline', placed.g.id);
      if (!applies.some((r) => r.length)) {
        const cell = mine.map((gv) => L.meet(groupCtx(gv), L.union(a.f, a.u))).flat()[0];
        this.pending.push({ code: 'A603', args: { guideline: name(placed), policy: policy.id }, at, length: head, region: [], ...(cell ? { example: { cell, policy, claim: { kind: 'not-applying', guideline: placed } } } : {}) });
        continue;
      }
      const region = L.union(...governs);
      if (region.length) {
        ctxs.push({ policy, view: placed, region });
        this.contexts.set(placed.key, [...(this.contexts.get(placed.key) ?? []), { policy, view: placed, region }]);
      }
      // Earlier guidelines that take requests this one applies to: only those before it of one of
      // its treatments and body regions can.
      const earlier = overlaps.before(position.get(placed.key)!);
      if (!region.length) {
        const by = earlier.filter(({ placed: h }) => {
          const b = m.applies(h);
          return !(b instanceof NotAnalyzed) && applies.some((r) => L.some(r, b.t) || L.some(r, b.u));
        }).map(({ placed: h }) => h);
        const cell = applies.flat()[0]!;
        this.pending.push({
          code: 'A601', args: { guideline: name(placed), policy: policy.id, by: by.map((h) => `'${name(h)}'`).join(', ') || 'another guideline' }, at, length: head, region: [],
          related: by.map((h) => ({ at: h.g.location, length: headLength('guideline', h.g.id), message: `'${name(h)}' comes first` })),
          example: { cell, policy, claim: { kind: 'passed-over', guideline: placed } },
        });
        continue;
      }
      for (const { placed: h } of earlier) {
        // Whether h takes any: the first case found is enough; the whole region only when it does.
        if (!mine.some((gv, i) => gv.governs.has(h.key) && L.some(applies[i]!, gv.governs.get(h.key)!))) continue;
        const taken = L.compact(L.union(...mine.map((gv, i) => (gv.governs.has(h.key) ? L.meet(applies[i]!, gv.governs.get(h.key)!) : []))));
        const same = step.get(h.key) === step.get(placed.key);
        this.pending.push({
          code: same ? 'A611' : 'A602',
          args: same ? { first: name(h), second: name(placed), policy: policy.id } : { by: name(h), guideline: name(placed), policy: policy.id },
          at, length: head, region: taken,
          related: [{ at: h.g.location, length: headLength('guideline', h.g.id), message: `'${name(h)}' decides there` }],
          example: { cell: taken[0]!, policy, claim: { kind: 'passed-over', guideline: placed, by: h } },
        });
      }
    }
    this.policyContexts.set(policy, ctxs);
    this.gaps(policy, govs);
  }

  /** Requests of a treatment some guideline of the policy covers that no guideline applies to. */
  private gaps(policy: CompiledPolicy, govs: Governing[]): void {
    const covered = new Set(this.model.order(this.ruleSet, policy).flatMap((c) => c.placed.g.covers));
    for (const gv of govs) {
      const treatments = gv.treatments.filter((t) => t !== OTHER && covered.has(t));
      if (!gv.none?.length || !treatments.length) continue;
      const region = this.model.logic.compact(this.model.logic.meet(gv.none, [finCell(this.model.space.finiteVar('request.treatment')!, treatments)]));
      if (!region.length) continue;
      this.pending.push({
        code: 'A607', args: { treatments: treatments.join(', '), policy: policy.id }, at: policy.source, length: headLength('policy', policy.id), region,
        example: { cell: region[0]!, policy, claim: { kind: 'governs', guideline: null } },
      });
    }
  }

  private criterion(c: CompiledCriterion, owner: string, ownerKey: string, leaves: readonly LeafInfo[], ctxs: readonly Context[], policy: string | undefined): void {
    if (!ctxs.length) return;
    try {
      this.model.logic.part(() => this.criterionIn(c, owner, ownerKey, leaves, ctxs, policy));
    } catch (e) {
      if (!(e instanceof NotAnalyzed)) throw e;
      this.notAnalyzed(`${ownerKey}/${c.id}`, `criterion '${c.id}' of ${owner}`, e, leaves, c.source, headLength('criterion', c.id));
    }
  }

  private criterionIn(c: CompiledCriterion, owner: string, ownerKey: string, leaves: readonly LeafInfo[], ctxs: readonly Context[], policy: string | undefined): void {
    const L = this.model.logic;
    const per = ctxs.map((ctx) => ({
      ctx,
      st: this.model.statusTerms(c, ownerKey, ctx.view),
      when: c.when && this.model.conditionsOf(ownerKey, ctx.view).cond(c.when).t,
    }));
    // Whether a status is reached where the guideline decides: the first case found is enough.
    const reached = new Map<Status | 'fails', { ctx: Context; cell: Cell } | null>();
    const reach = (status: Status | 'fails'): { ctx: Context; cell: Cell } | null => {
      if (!reached.has(status)) {
        let found: { ctx: Context; cell: Cell } | null = null;
        search: for (const { ctx, st } of per) {
          for (const terms of st[status]) {
            const [cell] = L.witnesses([ctx.region, ...terms]);
            if (cell) {
              found = { ctx, cell };
              break search;
            }
          }
        }
        reached.set(status, found);
      }
      return reached.get(status)!;
    };
    const example = (statuses: Status[]): Pending['example'] => {
      for (const s of statuses) {
        const found = reach(s);
        if (found) return { cell: found.cell, policy: found.ctx.policy, claim: { kind: 'governs', guideline: found.ctx.view, criterion: { id: c.id, ...(policy ? { policy } : {}), status: s } } };
      }
      return undefined;
    };
    const at = c.source;
    const head = headLength('criterion', c.id);
    const args = { criterion: c.id, owner };
    const decides = c.require !== undefined || c.group !== undefined;
    const whenHolds = c.when ? per.some(({ ctx, when }) => L.some(ctx.region, when!) !== undefined) : true;
    // A criterion that never applies is never met either: the `only when` is what to mend.
    if (decides && whenHolds && !reach('met')) {
      const ex = example(['notMet', 'notApplicable', 'unknown']);
      this.pending.push({ code: 'A604', args, at, length: head, region: [], ...(ex ? { example: ex } : {}) });
    }
    if (c.when && !whenHolds) {
      const ex = example(['notApplicable', 'unknown']);
      this.pending.push({ code: 'A605', args, at: conditionAt(c.when, leaves) ?? at, region: [], ...(ex ? { example: ex } : {}) });
    }
    if (decides && whenHolds && reach('met') && !reach('fails')) {
      this.pending.push({ code: 'A606', args, at, length: head, region: [], example: example(['met'])! });
    }
  }

  /** A612 at the condition to blame, else (a search or a part past its budget) at the head of `otherwise`, the criterion or guideline. */
  private notAnalyzed(key: string, what: string, e: NotAnalyzed, leaves: readonly LeafInfo[], otherwise?: SourceLocation, head?: number): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const leaf = e.leaf === undefined ? undefined : leaves[e.leaf];
    const at: SourceLocation | undefined = leaf?.source ?? otherwise;
    if (!at) return;
    this.pending.push({ code: 'A612', args: { what: leaf ? `${what} ('${leaf.text}')` : what, reason: e.reason }, at, ...(!leaf && head !== undefined ? { length: head } : {}), region: [] });
  }
}

/** The span of a condition's leaves in its source: from its first leaf to its last. */
function conditionAt(c: Cond, leaves: readonly LeafInfo[]): SourceLocation | undefined {
  const ls = leavesOf(c).map((n) => leaves[n]?.source).filter((s): s is SourceLocation => !!s);
  if (!ls.length) return undefined;
  const first = ls.reduce((a, b) => (b.start < a.start ? b : a));
  const last = ls.reduce((a, b) => (b.end > a.end ? b : a));
  return first.file === last.file ? { ...first, end: last.end, endLine: last.endLine, endColumn: last.endColumn } : first;
}
