// Conditions as three-valued regions: each leaf condition, the way the runtime evaluates it (plan.ts
// there: exact comparisons of known values, bounds on unknown ones, Kleene logic), becomes the
// region where it is true, the one where it is false and the one where it is unknown.
import type { Cond, FactDef, Leaf, Value } from '@guideline/language';
import { condReads } from '@guideline/language/rules';
import { codeMatcher } from '@guideline/runtime';
import { cellOf, meet, TOP, type Region } from './cell.ts';
import { compare, isOneOf, isUnknown, matchCode } from './compare.ts';
import { constant, NotAnalyzed } from './linear.ts';
import { OverBudget } from './limits.ts';
import type { Logic, Tri3 } from './logic.ts';
import { UNKNOWN } from './space.ts';
import { Tables } from './tables.ts';
import { finCell, type Alt, type Scope } from './values.ts';

/**
 * What the conditions of one rule set that read nothing of a view guideline (readsView) come to,
 * kept for all its guidelines and policies at once: a condition written alike in many of them (the
 * visits of a course, the date of injury) is read once, and the parts of the facts it reads are the
 * same objects in every scope (so are the cells built from them, and what is worked out per cell).
 */
export class SharedReadings {
  private readonly keys = new WeakMap<Cond, string | null>();
  readonly regions = new Map<string, Tri3>();
  readonly facts = new Map<string, Alt[]>();

  constructor(private readonly defs: ReadonlyMap<string, FactDef>) {}

  /** The condition as text, without its leaves' numbers (which place it in its own source); undefined when it reads the view. */
  key(c: Cond): string | undefined {
    let k = this.keys.get(c);
    if (k === undefined) this.keys.set(c, (k = readsView(c, this.defs) ? null : JSON.stringify(c, withoutLeaf)));
    return k ?? undefined;
  }
}

const withoutLeaf = (key: string, v: unknown): unknown => (key === 'leaf' ? undefined : v);

export class Conditions {
  private readonly memo = new WeakMap<Cond, Tri3>();

  constructor(
    readonly logic: Logic,
    readonly scope: Scope,
    private readonly shared?: SharedReadings,
  ) {
    const tables = new Tables(this);
    scope.lookup = (t, column) => tables.read(t, column);
  }

  /** The condition's three regions. Throws NotAnalyzed (with the leaf's number) for what the method does not cover. */
  cond(c: Cond): Tri3 {
    let out = this.memo.get(c);
    if (out) return out;
    const key = this.shared?.key(c);
    if (key === undefined) out = this.read(c);
    else {
      const regions = this.shared!.regions;
      out = regions.get(key);
      if (!out) regions.set(key, (out = this.read(c)));
    }
    this.memo.set(c, out);
    return out;
  }

  private read(c: Cond): Tri3 {
    let out: Tri3;
    if ('all' in c) out = c.all.length ? this.logic.and(c.all.map((x) => this.cond(x))) : { t: [TOP], f: [], u: [] };
    else if ('any' in c) out = c.any.length ? this.logic.or(c.any.map((x) => this.cond(x))) : { t: [], f: [TOP], u: [] };
    else if ('not' in c) out = this.logic.not(this.cond(c.not));
    else {
      try {
        out = this.leaf(c);
      } catch (e) {
        // A budget spent is the part's, not the leaf's it ran out in.
        if (e instanceof NotAnalyzed && !(e instanceof OverBudget) && e.leaf === undefined) e.leaf = c.leaf;
        throw e;
      }
    }
    return out;
  }

  private leaf(c: Leaf): Tri3 {
    const s = this.scope;
    const L = this.logic;
    if ('cmp' in c) return L.guarded(s.pairs(c.left, c.right, (a, b) => compare(c.cmp, a, b)));
    if ('within' in c) {
      // Between 0 and the window: both comparisons, Kleene's and.
      return L.guarded(s.pairs(c.within, c.window, (a, b) => L.and([compare('>=', a, { k: 'num', lin: constant(0) }), compare('<=', a, b)])));
    }
    if ('is' in c) return L.guarded(s.expand(c.is).map((x) => ({ guard: x.guard, v: isOneOf(x.v, c.values) })));
    if ('known' in c) {
      const known = this.known(c.known);
      return c.yes ? { t: known.t, f: known.u, u: [] } : { t: known.u, f: known.t, u: [] };
    }
    // On file: true when known, unknown when not; never false.
    if ('recorded' in c) return this.known(c.recorded);
    if ('includes' in c || 'empty' in c) return this.set(c);
    if ('quantifier' in c) throw new NotAnalyzed(`it asks whether ${c.quantifier === 'latest' || c.quantifier === 'earliest' ? `the ${c.quantifier}` : c.quantifier} item of a list meets a condition`);
    const match = codeMatcher(c.patterns);
    return L.guarded(s.expand(c.code).map((x) => ({ guard: x.guard, v: matchCode(x.v, c.patterns, match) })));
  }

  /** Where a value is known (t) and where it is not (u). */
  private known(v: Value): Tri3 {
    const kind = 'fact' in v ? this.setKind(v.fact) : undefined;
    if (kind) {
      // Whether the diagnoses (a surgery, a list) are given: the set's own flag; a list with a `when absent` value always is.
      const flag = this.scope.space.setFlag(kind);
      const absent = this.scope.space.defs.get((v as { fact: string }).fact)?.absent !== undefined;
      return { t: [finCell(flag, ['known'])], f: [], u: absent ? [] : [finCell(flag, [UNKNOWN])] };
    }
    const parts = this.scope.expand(v).map((x) => ({ guard: x.guard, v: isUnknown(x.v) ? { t: [], f: [], u: [TOP] } : { t: [TOP], f: [], u: [] } }));
    return this.logic.guarded(parts);
  }

  /** The set a fact is (its classes or a list of texts), if it is one. */
  setKind(fact: string): string | undefined {
    const def = this.scope.space.defs.get(fact);
    if (def?.builtin === 'diagnosis-classes') return 'diagnosis';
    if (def?.builtin === 'surgery-classes') return 'procedure';
    if ((def?.type.kind === 'list' || def?.type.kind === 'records') && def.field && this.scope.space.finiteVar(`?${def.id}`)) return `list:${def.id}`;
    return undefined;
  }

  /** `includes` and `is empty` over the classes a diagnosis or surgery matches, or over a list of texts. */
  private set(c: Extract<Leaf, { includes: unknown } | { empty: unknown }>): Tri3 {
    const value = 'includes' in c ? c.includes : c.empty;
    if (!('fact' in value)) throw new NotAnalyzed('it asks what a computed list holds');
    const kind = this.setKind(value.fact);
    if (!kind) throw new NotAnalyzed(`it asks what the list '${this.scope.space.defs.get(value.fact)?.words ?? value.fact}' holds`);
    const elements = this.elements(kind, (e) => ('includes' in c ? c.values.includes(e) : true));
    const some = this.holds(kind, value.fact, elements);
    return 'includes' in c ? some : this.logic.not(some);
  }

  /** The elements of a set that meet `test`: the view guideline's classes (by id), or the list's texts. */
  elements(kind: string, test: (element: string) => boolean): string[] {
    if (kind === 'diagnosis' || kind === 'procedure') {
      const p = this.scope.view;
      if (!p) throw new NotAnalyzed('it reads classes outside of a guideline');
      return p.g.classes.filter((x) => x.of === kind && test(x.id)).map((x) => `${p.key}:${x.id}`);
    }
    return this.scope.space.sets.listElements(kind).filter(test);
  }

  /** Whether a set holds any of the elements: true, false, or unknown when the case leaves it out. */
  holds(kind: string, fact: string, elements: readonly string[]): Tri3 {
    const space = this.scope.space;
    const known = finCell(space.setFlag(kind), ['known']);
    const some: Region = elements.length ? [meet(known, cellOf({ sets: new Map([[kind, { forbid: [], clauses: [elements] }]]) }))] : [];
    const none: Region = [meet(known, cellOf({ sets: new Map([[kind, { forbid: elements, clauses: [] }]]) }))];
    const unknown: Region = space.defs.get(fact)?.absent !== undefined ? [] : [finCell(space.setFlag(kind), [UNKNOWN])];
    const solver = this.logic.solver;
    return { t: solver.prune(some), f: solver.prune(none), u: unknown };
  }
}

/**
 * Whether a condition reads what differs from one guideline's view to the next: the classes of the
 * diagnoses or surgery, a table (a guideline's own, or its recommendation's row), the governing
 * guideline or its recommendation. A policy's criterion that reads none of these has the same
 * regions under every guideline it applies with.
 */
export function readsView(c: Cond, defs: ReadonlyMap<string, FactDef>): boolean {
  let reads = false;
  condReads(c, {
    fact: (id) => void (reads ||= id.startsWith('recommended.') || viewBuiltins.has(defs.get(id)?.builtin ?? '')),
    lookup: () => void (reads = true),
  });
  return reads;
}

const viewBuiltins = new Set(['diagnosis-classes', 'surgery-classes', 'governing-id']);
