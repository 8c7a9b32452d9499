// A checked program -> the rule set artifact: its guidelines (each edition written out whole), its
// policies with their own criteria, the vocabularies' tables they read, and the definitions of every
// fact they read. Pure, no I/O.
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, type FactDef, type RuleSet } from '../artifact.ts';
import type { ProgramModel } from '../check/program.ts';
import { ERROR, type FactSym, type TableSym } from '../check/symbols.ts';
import { ruleSetRevision } from '../revision.ts';
import { compilerName, compilerVersion } from '../version.ts';
import { ExprCompiler, Sources } from './expressions.ts';
import { computedFields } from './computed.ts';
import { factDef, factType, ruleSetReads, tableReads } from './facts.ts';
import { GuidelineCompiler } from './guideline.ts';
import { compileTable } from './tables.ts';

export { sourceOf } from './guideline.ts';
export { factDef, factType } from './facts.ts';

export function compileModel(model: ProgramModel, texts: Iterable<{ file: string; text: string }>): RuleSet {
  const sources = new Sources(texts);
  const compiler = new GuidelineCompiler(model, sources);
  const rules: RuleSet = {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    compiler: { name: compilerName, version: compilerVersion },
    revision: '',
    // What a reader looks for first: the guidelines and policies; the tables and fact definitions after them.
    guidelines: model.guidelines.map((g) => compiler.guideline(g)),
    policies: model.policies.map((p) => compiler.policy(p)),
    tables: [],
    facts: [],
    records: [],
  };
  rules.tables = vocabularyTables(rules, model, sources);
  rules.facts = factDefs(rules, model, sources);
  rules.revision = ruleSetRevision(rules);
  return rules;
}

/** The vocabularies' tables the rule set reads, and those their keys read in turn, in the order first read. */
function vocabularyTables(rules: RuleSet, model: ProgramModel, sources: Sources): RuleSet['tables'] {
  const declared = new Map<string, TableSym>();
  for (const v of model.vocabularies.all()) for (const t of v.tables) declared.set(t.sym.id, t.sym);
  const x = new ExprCompiler(sources, model.resolved, model.defineTypes);
  const out: RuleSet['tables'] = [];
  const done = new Set<string>();
  const visit = {
    fact: (): void => {},
    lookup: (id: string): void => {
      const t = declared.get(id);
      if (!t || done.has(id)) return;
      done.add(id);
      const compiled = compileTable(t, x, factType);
      out.push(compiled);
      tableReads(compiled, visit);
    },
  };
  ruleSetReads({ ...rules, tables: [] }, visit);
  return out;
}

/** Every fact the rule set reads, with its definition, in the order first read. */
function factDefs(rules: RuleSet, model: ProgramModel, sources: Sources): FactDef[] {
  // A field two vocabularies declare reads in the words of the program's own (the guideline's
  // author's), not the contract's: shared criteria of the standard vocabularies resolve it too.
  const standard = (s: FactSym): boolean => s.vocabulary !== undefined && model.vocabularies.get(s.vocabulary)?.standard === true;
  const syms = new Map<string, FactSym>();
  for (const s of model.resolved.values()) {
    if (s.kind !== 'fact') continue;
    const prior = syms.get(s.id);
    if (!prior || (standard(prior) && !standard(s))) syms.set(s.id, s);
  }
  const ids = new Set<string>();
  ruleSetReads(rules, { fact: (id) => ids.add(id), lookup: () => {} });
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
  }
  // What the program's vocabularies compute by an expression: compiled into the conditions that read
  // it, and carried here so that a case giving it is refused as computed (the contract's are generated).
  for (const v of model.vocabularies.all()) {
    if (v.standard) continue;
    for (const c of computedFields(v)) {
      const d: FactDef = { id: c.id, words: c.sym.words, type: factType(c.sym.declared ?? model.defineTypes.get(c.sym.decl) ?? ERROR), inputs: c.inputs };
      if (c.sym.decl.meaning) d.meaning = c.sym.decl.meaning.text.replace(/\s*\n\s*/g, ' ');
      if (c.sym.decl.expr) d.computedAs = sources.text(c.sym.file, c.sym.decl.expr);
      out.push(d);
    }
  }
  return out;
}
