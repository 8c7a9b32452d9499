// What changed between two versions of a rule set. Each jurisdiction's requests are split by what
// governs them before and after (a guideline, none, or one whose applicability is unknown); where a
// different guideline governs, or the same one changed, each pair of decisions, each change of a
// criterion's status and of the certified visits is searched for cases (decisions.ts says where each
// decision holds). One finding per kind of change, with the cases found as its region.
import type { CompiledGuideline, CompiledPolicy, FactDef, RuleSet, Value } from '@guideline/language';
import { meet, type Cell, type Region } from './cell.ts';
import { compare } from './compare.ts';
import { decisions, Outcome, type Decision } from './decisions.ts';
import { headLength, type Pending } from './findings.ts';
import { NotAnalyzed } from './linear.ts';
import { analysisLimits } from './limits.ts';
import { hasBit } from './masks.ts';
import type { Tri3 } from './logic.ts';
import type { Model, Status } from './model.ts';
import type { Placed } from './space.ts';
import { finCell, type Scope } from './values.ts';

/** What governs a region on one side: a guideline, or a decision reached without one. */
type Governor = { placed: Placed; region: Region } | { decision: Decision; region: Region };

const statuses: Status[] = ['met', 'notMet', 'notApplicable', 'unknown'];
const words: Record<Status, string> = { met: 'met', notMet: 'not met', notApplicable: 'not applicable', unknown: 'unknown' };
/** Cases looked for per kind of change: their cells make its region in words. */
const shown = 6;

/** A guideline's content, or a part of it, without where it is written. */
const content = (x: unknown): string => JSON.stringify(x, (k, v) => (k === 'source' || k === 'location' || k === 'leaves' || k === 'leaf' ? undefined : v));
/** What a guideline's criteria read besides their own conditions: its classes, tables and frequency. */
const context = (g: CompiledGuideline): string => content({ classes: g.classes, tables: g.tables, frequency: g.frequency, covers: g.covers });

export function diffPending(model: Model): Pending[] {
  return new Diff(model).run();
}

class Diff {
  private readonly found = new Map<string, Pending>();
  private readonly outcomes = new Map<string, Outcome>();

  constructor(readonly model: Model) {}

  run(): Pending[] {
    const jurisdictions = new Set([0, 1].flatMap((r) => this.model.policies(r).map((p) => p.jurisdiction.toUpperCase())));
    const redeclared = redeclarations(this.model.ruleSets[0]!, this.model.ruleSets[1]!);
    for (const j of jurisdictions) {
      const [a, b] = [0, 1].map((r) => this.model.policies(r).find((p) => p.jurisdiction.toUpperCase() === j));
      // A fact declared differently (another value when absent, type or field) is read one way by the
      // comparison, which models each fact once: what changes through it is not worked out.
      const reread = this.readAny(redeclared, a, b);
      if (reread) {
        const policy = (b ?? a)!;
        this.add(`na|${policy.id}|redeclared`, { code: 'A612', args: { what: `what changed under policy '${policy.id}'`, reason: `${reread} is declared differently in the two versions, and the comparison reads a fact one way` }, at: policy.source, length: headLength('policy', policy.id), region: [] });
        continue;
      }
      // The same policy consulting the same guidelines, on facts declared the same, decides the same
      // everywhere: nothing to compare (nor to leave uncompared where a guideline is outside the method).
      if (a && b && this.same(a, b)) continue;
      const ctx = finCell(this.model.space.finiteVar('jurisdiction')!, [j]);
      // What governs, worked out from each side's evidence order: a part's budget for each guideline consulted.
      const consulted = [a, b].reduce((n, p, r) => n + (p ? this.model.order(r, p).length : 0), 1);
      try {
        const sides = this.model.logic.part(() => [this.governors(0, a, [ctx]), this.governors(1, b, [ctx])], analysisLimits.workPerPart * consulted);
        const [before, after] = sides;
        if (!before || !after) continue;
        for (const x of before) for (const y of after) this.pair(x, y, a, b);
      } catch (e) {
        // What governs is past the method (its regions too many): said at the policy.
        if (!(e instanceof NotAnalyzed)) throw e;
        const policy = (b ?? a)!;
        this.add(`na|${policy.id}|${e.reason}`, { code: 'A612', args: { what: `what changed under policy '${policy.id}'`, reason: e.reason }, at: policy.source, length: headLength('policy', policy.id), region: [] });
      }
    }
    return [...this.found.values()];
  }

  /** Whether two policies, and the guidelines each consults in order, are written the same (their facts are compared apart). */
  private same(a: CompiledPolicy, b: CompiledPolicy): boolean {
    const [x, y] = [this.model.order(0, a), this.model.order(1, b)];
    return content(a) === content(b) && x.length === y.length && x.every((c, i) => c.step === y[i]!.step && content(c.placed.g) === content(y[i]!.placed.g));
  }

  /** The first of the redeclared facts and tables (by its words) the policies or the guidelines they consult read, if any. */
  private readAny(redeclared: ReadonlyMap<string, string>, a: CompiledPolicy | undefined, b: CompiledPolicy | undefined): string | undefined {
    if (!redeclared.size) return undefined;
    const texts = [a, b].flatMap((p, r) => (p ? [JSON.stringify(p.criteria), ...this.model.order(r, p).map((c) => JSON.stringify(c.placed.g))] : []));
    for (const [id, words] of redeclared) if (texts.some((t) => t.includes(JSON.stringify(id)))) return words;
    return undefined;
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
      t.values.forEach((v, i) => (m === undefined || hasBit(m, i)) && seen.add(v));
    }
    const rest = t.values.filter((v) => !seen.has(v));
    return rest.length ? this.model.logic.meet(ctx, [finCell(t, rest)]) : [];
  }

  private outcome(p: Placed, policy: CompiledPolicy): Outcome {
    const key = `${p.key}@${policy.id}`;
    let o = this.outcomes.get(key);
    if (!o) this.outcomes.set(key, (o = new Outcome(this.model, p, policy, this.model.conditionsOf(`decision:${p.key}`, p).scope)));
    return o;
  }

  /** Whether a guideline and its policy's criteria are written the same in both versions (then it decides the same everywhere). */
  private unchanged(p: Placed, q: Placed, a: CompiledPolicy, b: CompiledPolicy): boolean {
    const key = `${p.key}|${q.key}|${a.id}|${b.id}`;
    let same = this.unchangedMemo.get(key);
    if (same === undefined) this.unchangedMemo.set(key, (same = content(p.g) === content(q.g) && content(a.criteria) === content(b.criteria)));
    return same;
  }

  private readonly unchangedMemo = new Map<string, boolean>();

  /** The decisions a side reaches somewhere in its region (each pair of decisions is looked for only among them). */
  private reached(o: Outcome | undefined, g: Governor): Decision[] {
    if (!o) return [(g as { decision: Decision }).decision];
    let out = this.reachedMemo.get(g);
    if (!out) {
      const L = this.model.logic;
      this.reachedMemo.set(g, (out = decisions.filter((d) => L.witnesses([g.region, ...o.where(d)]).length > 0)));
    }
    return out;
  }

  private readonly reachedMemo = new WeakMap<Governor, Decision[]>();

  private pair(x: Governor, y: Governor, a: CompiledPolicy | undefined, b: CompiledPolicy | undefined): void {
    const L = this.model.logic;
    if ('placed' in x && 'placed' in y && this.unchanged(x.placed, y.placed, a!, b!)) return;
    const p = 'placed' in y ? y.placed : 'placed' in x ? x.placed : undefined;
    // A part's budget for each criterion compared (a decision reads them all).
    const criteria = (g: Governor, policy: CompiledPolicy | undefined): number => ('placed' in g ? g.placed.g.criteria.length + (policy?.criteria.length ?? 0) : 0);
    try {
      L.part(() => this.pairIn(x, y, a, b), analysisLimits.workPerPart * (1 + criteria(x, a) + criteria(y, b)));
    } catch (e) {
      if (!(e instanceof NotAnalyzed)) throw e;
      if (p) this.notAnalyzed(p, e);
    }
  }

  /** The changes where `x` governs before and `y` after, each pair of decisions, status and certified visits in turn. */
  private pairIn(x: Governor, y: Governor, a: CompiledPolicy | undefined, b: CompiledPolicy | undefined): void {
    const L = this.model.logic;
    if (!L.some(x.region, y.region)) return;
    // Where both sides' governors meet: two regions the search intersects as it goes (met in full,
    // two large ones would multiply).
    const both = [x.region, y.region];
    const changes = new Map<string, boolean>();
    const ox = 'placed' in x ? this.outcome(x.placed, a!) : undefined;
    const oy = 'placed' in y ? this.outcome(y.placed, b!) : undefined;
    const where = (o: Outcome | undefined, g: Governor, d: Decision): Region[] | undefined => (o ? o.where(d) : (g as { decision: Decision }).decision === d ? [] : undefined);
    const at = oy?.placed.g.location ?? ox?.placed.g.location ?? (b ?? a)!.source;
    const head = oy ? headLength('guideline', oy.placed.g.id) : ox ? headLength('guideline', ox.placed.g.id) : headLength('policy', (b ?? a)!.id);
    const policy = (b ?? a)!;
    // A kind of change is one finding at each place it is shown: two guidelines that read one shared
    // criterion, or reach the same pair of decisions, each change on their own.
    const place = `${at.file}|${at.start}`;
    const [dx, dy] = [this.reached(ox, x), this.reached(oy, y)];
    for (const db of dx) {
      const wx = where(ox, x, db);
      if (!wx) continue;
      for (const da of dy) {
        const wy = where(oy, y, da);
        if (!wy) continue;
        const terms = [...both, ...wx, ...wy];
        if (db !== da) {
          const cells = L.witnesses(terms, shown);
          if (cells.length) this.add(`decision|${place}|${db}|${da}`, { code: 'A608', args: { before: db, after: da }, at, length: head, region: cells, example: { cell: cells[0]!, policy, claim: { kind: 'differs', what: 'decision', before: db, after: da } } });
          continue;
        }
        if (ox && oy && ox.placed.g.id === oy.placed.g.id) this.statusChanges(ox, oy, both, terms, changes, db, at, head, policy);
        else if (ox || oy) {
          const cells = L.witnesses(terms, shown);
          const name = (o: Outcome | undefined): string => (o ? `'${o.placed.g.id}'` : 'none');
          if (cells.length) this.add(`guideline|${place}|${db}|${name(ox)}|${name(oy)}`, { code: 'A609', args: { decision: db, what: 'the guideline that governs', before: name(ox), after: name(oy) }, at, length: head, region: cells, example: { cell: cells[0]!, policy, claim: { kind: 'differs', what: 'guideline', before: ox?.placed.g.id ?? null, after: oy?.placed.g.id ?? null } } });
        }
      }
    }
    if (ox && oy) this.certified(ox, oy, both, at, head, policy);
  }

  /** Where the decision stays but a criterion's status changes (one finding per criterion and change). */
  private statusChanges(ox: Outcome, oy: Outcome, both: Region[], terms: Region[], changes: Map<string, boolean>, decision: Decision, at: Pending['at'], head: number, policy: CompiledPolicy): void {
    const L = this.model.logic;
    // A criterion written the same, read in the same guideline's terms, has the same status everywhere.
    const same = context(ox.placed.g) === context(oy.placed.g);
    const ids = new Set([...ox.criteria, ...oy.criteria].map((k) => `${k.policy ?? ''}|${k.id}`));
    for (const id of ids) {
      const kx = ox.criteria.find((k) => `${k.policy ?? ''}|${k.id}` === id);
      const ky = oy.criteria.find((k) => `${k.policy ?? ''}|${k.id}` === id);
      if (same && kx && ky && content(kx.c) === content(ky.c)) continue;
      // The statuses each side reaches here at all, and the changes between them, before any decision.
      const reach = (k: typeof kx): (Status | undefined)[] => (k ? statuses.filter((x) => L.witnesses([...both, k.statuses[x]]).length) : [undefined]);
      const [rx, ry] = [reach(kx), reach(ky)];
      for (const sx of rx) {
        for (const sy of ry) {
          if (sx === sy) continue;
          const change = [...(sx ? [kx!.statuses[sx]] : []), ...(sy ? [ky!.statuses[sy]] : [])];
          // Whether it changes so at all where the two sides meet, asked once whatever the decision.
          const key = `${id}|${sx}|${sy}`;
          if (!changes.has(key)) changes.set(key, L.witnesses([...both, ...change]).length > 0);
          if (!changes.get(key)) continue;
          const cells = L.witnesses([...terms, ...change], shown);
          if (!cells.length) continue;
          const k = (kx ?? ky)!;
          const what = `criterion '${k.id}'${k.policy ? ` of policy '${k.policy}'` : ''}`;
          const criterion = { id: k.id, ...(k.policy ? { policy: k.policy } : {}) };
          this.add(`status|${at.file}|${at.start}|${id}|${sx}|${sy}|${decision}`, { code: 'A609', args: { decision, what, before: sx ? words[sx] : 'absent', after: sy ? words[sy] : 'absent' }, at, length: head, region: cells, example: { cell: cells[0]!, policy, claim: { kind: 'differs', what: 'status', criterion, before: sx, after: sy } } });
        }
      }
    }
  }

  /** Where both certify part, but not the same visits: for each set of capped criteria not met on each side, the least of the caps differs. */
  private certified(ox: Outcome, oy: Outcome, both: Region[], at: Pending['at'], head: number, policy: CompiledPolicy): void {
    const L = this.model.logic;
    for (const sx of subsets(ox.capped)) {
      for (const sy of subsets(oy.capped)) {
        const terms = [...both, ...ox.partial(sx, true), ...oy.partial(sy, true)];
        if (!L.witnesses(terms).length) continue;
        const less = (xs: Value[], scx: Scope, ys: Value[], scy: Scope): Tri3 => L.or(xs.map((u) => L.and(ys.map((v) => this.across('<', u, scx, v, scy)))));
        const [px, py] = [ox.certified(sx), oy.certified(sy)];
        const differs = L.union(less(px, ox.scope, py, oy.scope).t, less(py, oy.scope, px, ox.scope).t);
        const cells = L.witnesses([...terms, differs], shown);
        if (cells.length) this.add(`certified|${ox.placed.g.id}`, { code: 'A610', args: { guideline: oy.placed.g.id }, at, length: head, region: cells, example: { cell: cells[0]!, policy, claim: { kind: 'differs', what: 'certified' } } });
      }
    }
  }

  /** A comparison of a value read by one guideline with one read by another. */
  private across(op: '<', x: Value, sx: Scope, y: Value, sy: Scope): Tri3 {
    const parts: { guard: Cell; v: Tri3 }[] = [];
    for (const a of sx.expand(x)) for (const b of sy.expand(y)) parts.push({ guard: meet(a.guard, b.guard), v: compare(op, a.v, b.v) });
    return this.model.logic.guarded(parts);
  }

  private add(key: string, p: Pending): void {
    const old = this.found.get(key);
    if (old) old.region = [...old.region, ...p.region].slice(0, shown * 4);
    else this.found.set(key, p);
  }

  private notAnalyzed(p: Placed, e: NotAnalyzed): void {
    const leaf = e.leaf === undefined ? undefined : p.g.leaves[e.leaf];
    const at = leaf?.source ?? p.g.location;
    this.add(`na|${p.key}|${e.reason}`, { code: 'A612', args: { what: `what changed where guideline '${p.g.id}' governs${leaf ? ` ('${leaf.text}')` : ''}`, reason: e.reason }, at, ...(leaf ? {} : { length: headLength('guideline', p.g.id) }), region: [] });
  }
}

/**
 * The facts (item fields among them) and vocabulary tables the two versions declare differently, by
 * id, each with its words as a message names it: how a case's value is read (type, field,
 * computation, value when absent, inputs) or a table's rows. Words and meaning only name it.
 */
function redeclarations(before: RuleSet, after: RuleSet): Map<string, string> {
  const out = new Map<string, string>();
  const facts = (r: RuleSet): FactDef[] => [...r.facts, ...r.records.flatMap((x) => x.fields)];
  const read = (d: FactDef): string => JSON.stringify({ ...d, words: undefined, meaning: undefined });
  const was = new Map(facts(before).map((d) => [d.id, read(d)]));
  for (const d of facts(after)) if (was.has(d.id) && was.get(d.id) !== read(d)) out.set(d.id, `fact '${d.words}'`);
  const tables = new Map(before.tables.map((t) => [t.id, content(t)]));
  for (const t of after.tables) if (tables.has(t.id) && tables.get(t.id) !== content(t)) out.set(t.id, `table '${t.id}'`);
  return out;
}

/** The non-empty subsets of a few indices (a guideline has a handful of capped criteria). */
function subsets(xs: readonly number[]): Set<number>[] {
  if (xs.length > 6) throw new NotAnalyzed('it has more criteria with a cap than the comparison tries in turn');
  const out: Set<number>[] = [];
  for (let m = 1; m < 1 << xs.length; m++) out.push(new Set(xs.filter((_, i) => (m >> i) & 1)));
  return out;
}
