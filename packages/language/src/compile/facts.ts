// What a compiled rule set reads: a walk over its conditions, values and tables that finds every fact
// and every table read, and the definitions of facts (types, units, case fields) the artifact carries.
import type { CompiledCriterion, CompiledTable, FactDef, FactType, RuleSet } from '../artifact.ts';
import type { FactSym, Ty } from '../check/symbols.ts';
import { condReads, valueReads, type Reads } from '../reads.ts';
import { unitName } from '../units.ts';

/** A criterion's conditions, its certify amount, its texts' placeholders and its parts'. */
export function criterionReads(c: CompiledCriterion, r: Reads): void {
  if (c.when) condReads(c.when, r);
  if (c.require) condReads(c.require, r);
  if (c.certify) valueReads(c.certify, r);
  const texts = [c.texts, ...(c.group?.parts ?? []).map((p) => p.texts)];
  for (const p of c.group?.parts ?? []) condReads(p.require, r);
  for (const t of texts) for (const tpl of [t.met, t.notMet, t.unknown]) for (const h of tpl?.placeholders ?? []) valueReads(h.value, r);
}

export function tableReads(t: CompiledTable, r: Reads): void {
  for (const k of t.keys) valueReads(k.value, r);
}

/** Everything a rule set's guidelines and policies read (and the tables they read, in turn). */
export function ruleSetReads(rules: RuleSet, r: Reads): void {
  for (const g of rules.guidelines) {
    condReads(g.applies, r);
    for (const c of g.criteria) criterionReads(c, r);
    for (const t of g.tables) tableReads(t, r);
  }
  for (const p of rules.policies) for (const c of p.criteria) criterionReads(c, r);
  for (const t of rules.tables) tableReads(t, r);
}

export function factDef(s: FactSym): FactDef {
  const d: FactDef = { id: s.id, words: s.words, type: factType(s.ty), inputs: [...s.inputs] };
  if (s.meaning) d.meaning = s.meaning;
  if ('field' in s.source) d.field = s.source.field;
  else d.builtin = s.source.builtin;
  if (s.absent !== undefined) d.absent = absentValue(s.absent, s.ty);
  return d;
}

function absentValue(text: string, ty: Ty): FactDef['absent'] {
  if (ty.kind === 'bool') return text === 'yes';
  if (ty.kind === 'number') return Number(text);
  if (ty.kind === 'list') return [];
  return text;
}

export function factType(t: Ty): FactType {
  switch (t.kind) {
    case 'bool': return { kind: 'yes-no' };
    case 'enum': return { kind: 'enum', values: [...t.values] };
    case 'number': {
      const out: FactType = { kind: 'number' };
      if (t.unit) out.unit = unitName(t.unit);
      const min = t.min ?? t.unit?.base.min;
      const max = t.max ?? t.unit?.base.max;
      if (min !== undefined) out.min = min;
      if (max !== undefined) out.max = max;
      return out;
    }
    case 'date': return t.anyDate ? { kind: 'date', anyDate: true } : { kind: 'date' };
    case 'class': return { kind: 'class', of: t.of };
    case 'list': return t.of.kind === 'record' ? { kind: 'records', record: t.of.record.name } : { kind: 'list', of: factType(t.of) };
    case 'code': return { kind: 'code' };
    default: return { kind: 'text' };
  }
}
