// A checked program -> the rule set artifact: its guidelines (each edition written out whole), its
// policies with their own criteria, and the definitions of every fact they read. Pure, no I/O.
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, type FactDef, type FactType, type RuleSet } from '../artifact.ts';
import type { ProgramModel } from '../check/program.ts';
import type { FactSym, Ty } from '../check/symbols.ts';
import type { Cond, Value } from '../ir.ts';
import { ruleSetRevision } from '../revision.ts';
import { unitName } from '../units.ts';
import { compilerName, compilerVersion } from '../version.ts';
import { Sources } from './expressions.ts';
import { GuidelineCompiler } from './guideline.ts';

export { sourceOf } from './guideline.ts';

export function compileModel(model: ProgramModel, texts: Iterable<{ file: string; text: string }>): RuleSet {
  const sources = new Sources(texts);
  const compiler = new GuidelineCompiler(model, sources);
  const rules: RuleSet = {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    compiler: { name: compilerName, version: compilerVersion },
    revision: '',
    // What a reader looks for first: the guidelines and policies; the fact definitions after them.
    guidelines: model.guidelines.map((g) => compiler.guideline(g)),
    policies: model.policies.map((p) => compiler.policy(p)),
    facts: [],
    records: [],
  };
  rules.facts = factDefs(rules, model);
  rules.revision = ruleSetRevision(rules);
  return rules;
}

/** Every fact the rule set reads, with its definition, in the order first read. */
function factDefs(rules: RuleSet, model: ProgramModel): FactDef[] {
  const syms = new Map<string, FactSym>();
  for (const s of model.resolved.values()) if (s.kind === 'fact' && !syms.has(s.id)) syms.set(s.id, s);
  const ids = new Set<string>();
  const value = (v: Value): void => {
    if ('fact' in v) ids.add(v.fact);
    else if ('op' in v) v.args.forEach(value);
    else if ('round' in v) value(v.arg);
    else if ('since' in v) value(v.since);
    else if ('count' in v) {
      ids.add(v.count);
      if (v.where) cond(v.where);
    } else if ('sum' in v) {
      ids.add(v.over);
      value(v.sum);
      if (v.where) cond(v.where);
    }
  };
  const cond = (c: Cond): void => {
    if ('all' in c) c.all.forEach(cond);
    else if ('any' in c) c.any.forEach(cond);
    else if ('not' in c) cond(c.not);
    else if ('cmp' in c) (value(c.left), value(c.right));
    else if ('is' in c) value(c.is);
    else if ('known' in c) value(c.known);
    else if ('includes' in c) value(c.includes);
    else if ('empty' in c) value(c.empty);
    else if ('within' in c) (value(c.within), value(c.window));
    else if ('code' in c) value(c.code);
    else if ('quantifier' in c) {
      ids.add(c.over);
      cond(c.where);
    }
  };
  for (const g of rules.guidelines) {
    cond(g.applies);
    for (const c of g.criteria) {
      if (c.when) cond(c.when);
      if (c.require) cond(c.require);
      for (const p of c.group?.parts ?? []) cond(p.require);
      if (c.certify) value(c.certify);
      for (const t of [c.texts.met, c.texts.notMet, c.texts.unknown, ...(c.group?.parts ?? []).flatMap((p) => [p.texts.met, p.texts.notMet, p.texts.unknown])]) {
        for (const p of t?.placeholders ?? []) value(p.value);
      }
    }
  }
  for (const p of rules.policies) {
    for (const c of p.criteria) {
      if (c.when) cond(c.when);
      if (c.require) cond(c.require);
      for (const part of c.group?.parts ?? []) cond(part.require);
      if (c.certify) value(c.certify);
      for (const t of [c.texts.met, c.texts.notMet, c.texts.unknown]) for (const h of t?.placeholders ?? []) value(h.value);
    }
  }
  // What every rule set reads besides its conditions: the requested visits (decisions), the date that picks an edition.
  for (const id of ['request.visits', 'effectiveDate', 'request.treatment']) ids.add(id);
  const all = new Map<string, FactSym>();
  for (const v of model.vocabularies.all()) {
    for (const s of v.own.all()) {
      if (s.kind !== 'fact') continue;
      all.set(s.id, s);
      // A vocabulary of the program (not the contract's) defines its case fields: they are accepted
      // in a case whether or not a condition reads them, and its records' fields with them.
      if (v.standard) continue;
      ids.add(s.id);
      if (s.ty.kind === 'list' && s.ty.of.kind === 'record') {
        for (const f of s.ty.of.record.fields.values()) {
          const id = `${s.id}[].${f.id}`;
          all.set(id, { ...f, id });
          ids.add(id);
        }
      }
    }
  }
  const out: FactDef[] = [];
  for (const id of ids) {
    const sym = syms.get(id) ?? all.get(id);
    if (sym) out.push(factDef(sym));
    else if (id.startsWith('recommended.')) continue; // the guideline's recommendation supplies these
  }
  return out;
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
