// The policy that governs a jurisdiction, and the guidelines it consults in evidence order: each
// step's patterns in the order written, every edition of a matched guideline (its in-force window,
// part of its applicability, picks the one that applies). An index by treatment and in-force dates
// hands a case only the guidelines that could address it, so its cost does not grow with the library.
import type { Cond, CompiledGuideline, CompiledPolicy, FactDef, RuleSet } from '@guideline/language/rules';
import type { Case } from './types.ts';
import { isCalendarDate } from './iso-date.ts';

export interface PolicyOrder {
  policy: CompiledPolicy;
  guidelines: CompiledGuideline[];
}

/** Whether a guideline id matches a policy pattern: `mtus.*` matches every id under `mtus.`. */
export function matchesPattern(pattern: string, id: string): boolean {
  if (pattern.endsWith('.*')) return id.startsWith(pattern.slice(0, -1));
  return pattern === id;
}

/**
 * What a guideline's applicability requires of every case whatever else it says: conjuncts at its
 * top whose failure alone makes it false (Kleene: one false conjunct makes `all` false). Only the
 * treatment's `is` and the effective date's comparisons with a date are read; anything else is left
 * to the guideline's own test.
 */
interface Gate {
  treatments: string[] | undefined;
  dates: { op: '<' | '<=' | '>' | '>='; date: string }[];
}

/** A policy's guidelines in order, and for each treatment those whose gate it passes. */
export interface IndexedOrder extends PolicyOrder {
  /** The guidelines a case's treatment and effective date leave, in evidence order. */
  candidates(c: Case): Candidates;
}

/** What the index leaves of a policy's guidelines for one case. */
export interface Candidates {
  guidelines: readonly CompiledGuideline[];
  /**
   * Whether every one of them passes its gate for the case: then its applicability is decided by the
   * rest of its conjuncts (ungatedApplies).
   */
  screened: boolean;
}

function topConjuncts(c: Cond, out: Cond[] = []): Cond[] {
  if ('all' in c) for (const x of c.all) topConjuncts(x, out);
  else out.push(c);
  return out;
}

/**
 * A date the gate may compare as text: a calendar date of a year from 100 (text order is then the
 * order of days; the runtime reads years 0-99 as 1900-1999 and rolls an impossible day over).
 */
const textOrdered = (d: string): boolean => isCalendarDate(d) && d >= '0100';

/** The conjuncts of a guideline's applicability its gate stands for, and the others. */
function gateOf(g: CompiledGuideline, facts: ReadonlyMap<string, FactDef>): Gate & { rest: Cond[] } {
  const gate: Gate & { rest: Cond[] } = { treatments: undefined, dates: [], rest: [] };
  // The facts read as the runtime reads them: the treatment as written, the date of service or review.
  const treatment = facts.get('request.treatment');
  const treatmentPlain = !treatment || (treatment.field === 'request.treatment' && !treatment.builtin && treatment.absent === undefined && (treatment.type.kind === 'text' || treatment.type.kind === 'enum'));
  const date = facts.get('effectiveDate');
  const datePlain = date?.builtin === 'effective-date' && date.type.kind === 'date' && date.absent === undefined;
  for (const c of topConjuncts(g.applies)) {
    if ('is' in c && 'fact' in c.is && c.is.fact === 'request.treatment' && treatmentPlain && c.values.every((v) => typeof v === 'string')) {
      const values = c.values as string[];
      gate.treatments = gate.treatments ? gate.treatments.filter((t) => values.includes(t)) : [...values];
    } else if ('cmp' in c && datePlain && 'fact' in c.left && c.left.fact === 'effectiveDate' && 'const' in c.right && typeof c.right.const === 'string' && textOrdered(c.right.const) && (c.cmp === '<' || c.cmp === '<=' || c.cmp === '>' || c.cmp === '>=')) {
      gate.dates.push({ op: c.cmp, date: c.right.const });
    } else gate.rest.push(c);
  }
  return gate;
}

const ungated = new WeakMap<CompiledGuideline, Cond>();

/**
 * A guideline's applicability without the conjuncts its gate stands for: for a case `screened`,
 * the same answer (Kleene: `all` of conjuncts known true and others is `all` of the others).
 */
export function ungatedApplies(g: CompiledGuideline, facts: ReadonlyMap<string, FactDef>): Cond {
  let c = ungated.get(g);
  if (!c) ungated.set(g, (c = { all: gateOf(g, facts).rest }));
  return c;
}

function passes(gate: Gate, date: string): boolean {
  for (const t of gate.dates) {
    const ok = t.op === '>=' ? date >= t.date : t.op === '<=' ? date <= t.date : t.op === '>' ? date > t.date : date < t.date;
    if (!ok) return false;
  }
  return true;
}

function indexed(policy: CompiledPolicy, guidelines: CompiledGuideline[], facts: ReadonlyMap<string, FactDef>): IndexedOrder {
  const gates = guidelines.map((g) => gateOf(g, facts));
  // Per treatment, the guidelines that cover it or cover anything; the rest of treatments get the latter.
  const open = guidelines.filter((_, i) => gates[i]!.treatments === undefined);
  const byTreatment = new Map<string, CompiledGuideline[]>();
  for (const t of new Set(gates.flatMap((x) => x.treatments ?? []))) byTreatment.set(t, guidelines.filter((_, i) => gates[i]!.treatments?.includes(t) ?? true));
  const gateOfGuideline = new Map(guidelines.map((g, i) => [g, gates[i]!]));
  const datedAny = gates.some((x) => x.dates.length > 0);
  return {
    policy,
    guidelines,
    candidates(c: Case): Candidates {
      // The treatment and the date read once, for the guidelines they leave and for whether those are screened.
      const t = c.request?.treatment;
      const treated = typeof t === 'string';
      const list = treated ? (byTreatment.get(t) ?? open) : guidelines;
      if (!datedAny) return { guidelines: list, screened: treated };
      const date = c.request?.serviceDate ?? c.asOf;
      if (typeof date !== 'string' || !textOrdered(date)) return { guidelines: list, screened: false };
      let out: CompiledGuideline[] | undefined;
      for (let i = 0; i < list.length; i++) {
        const g = list[i]!;
        if (passes(gateOfGuideline.get(g)!, date)) out?.push(g);
        else out ??= list.slice(0, i);
      }
      return { guidelines: out ?? list, screened: treated };
    },
  };
}

const orders = new WeakMap<RuleSet, Map<string, IndexedOrder | undefined>>();

/** The policy of a jurisdiction and its guidelines in order (worked out once per rule set and jurisdiction). */
export function guidelinesInOrder(rules: RuleSet, jurisdiction: string): IndexedOrder | undefined {
  let byJurisdiction = orders.get(rules);
  if (!byJurisdiction) orders.set(rules, (byJurisdiction = new Map()));
  const known = byJurisdiction.get(jurisdiction);
  if (known || byJurisdiction.has(jurisdiction)) return known;
  const key = jurisdiction.toUpperCase();
  // A batch of made-up jurisdictions stays bounded.
  if (byJurisdiction.size >= 1000) byJurisdiction.clear();
  const policy = rules.policies.find((p) => p.jurisdiction.toUpperCase() === key);
  let order: IndexedOrder | undefined;
  if (policy) {
    const guidelines: CompiledGuideline[] = [];
    const seen = new Set<CompiledGuideline>();
    for (const pattern of policy.steps.flat()) {
      for (const g of rules.guidelines) {
        if (seen.has(g) || !matchesPattern(pattern, g.id)) continue;
        seen.add(g);
        guidelines.push(g);
      }
    }
    order = indexed(policy, guidelines, new Map(rules.facts.map((f) => [f.id, f])));
  }
  byJurisdiction.set(jurisdiction, order);
  return order;
}
