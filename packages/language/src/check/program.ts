// The checker over a whole program (every file compiled together, and the standard vocabularies):
// vocabularies and their scopes, each guideline and edition in the scope of the vocabularies it
// uses, the shared criteria guidelines and policies use (read in the scope of each guideline that
// applies them), and the checks across files (duplicate ids, editions, policies that hide each
// other, guidelines no policy consults). Reports; never throws.
import type * as A from '../ast.ts';
import type { Report } from '../diagnostics.ts';
import type { ExpressionMemo } from '../parse.ts';
import { standardUnits, unit } from '../units.ts';
import { checkDeclarations, checkPolicyDeclarations, checkVocabularyCriterion } from './names.ts';
import { placeholders, type Placeholder } from './placeholders.ts';
import { withRecommendation } from './recommendation.ts';
import { didYouMean } from '../spelling.ts';
import { describe, NUMBER, Scope, type TableSym } from './symbols.ts';
import { checkTable, declareTable } from './tables.ts';
import { ExprChecker, type DefineTypes, type Resolutions } from './types.ts';
import { checkAcrossFiles } from './across.ts';
import { Vocabularies, type Reporters } from './vocabularies.ts';

export interface ParsedFile {
  file: string;
  text: string;
  ast: A.GuidelineFile;
  /** A vocabulary of the language itself (the case contract), not one of the program's files. */
  standard?: boolean;
}

/** A criterion as a guideline or policy applies it: its declaration, and the file it is written in. */
export interface AppliedCriterion {
  decl: A.CriterionDecl;
  file: string;
  /** The vocabulary that declares it, for a shared criterion. */
  vocabulary?: string;
}

/** One guideline edition as checked: its declaration, the scope its conditions read, its criteria in order. */
export interface CheckedGuideline {
  decl: A.GuidelineDecl;
  file: string;
  scope: Scope;
  /** The edition it revises, when it does. */
  base?: CheckedGuideline;
  /** Every criterion it applies, in order: its own, the shared ones it uses, those it inherits. */
  criteria: AppliedCriterion[];
  /**
   * What the facts of the criteria it applies but does not declare (shared, inherited) mean in its
   * scope: a define it restates replaces the one they were written against.
   */
  resolved: Resolutions;
  /** Its tables and those it inherits (a table restated by name replaces the revised edition's), in order. */
  tables: TableSym[];
}

export interface CheckedPolicy {
  decl: A.PolicyDecl;
  file: string;
  scope: Scope;
  criteria: AppliedCriterion[];
}

/** What the checker learned that the compiler needs. */
export interface ProgramModel {
  vocabularies: Vocabularies;
  guidelines: CheckedGuideline[];
  policies: CheckedPolicy[];
  resolved: Resolutions;
  defineTypes: DefineTypes;
  /** Each text's placeholders, parsed, by the text's node. */
  placeholders: Map<A.Name, Placeholder[]>;
  /** The shared criterion each `use criterion` name refers to. */
  uses: Map<A.Name, AppliedCriterion>;
}


const { VISITS } = standardUnits;

export function checkProgram(files: readonly ParsedFile[], reporters: Reporters, memo: ExpressionMemo): ProgramModel {
  const vocabularies = new Vocabularies(files, reporters);
  const model: ProgramModel = { vocabularies, guidelines: [], policies: [], resolved: new Map(), defineTypes: new Map(), placeholders: new Map(), uses: new Map() };
  const texts = new Map(files.map((f) => [f.file, f.text]));
  const checker = (scope: Scope, classes: ExprChecker['classesOf'], file: string): ExprChecker =>
    new ExprChecker(scope, classes, reporters(file), model.resolved, model.defineTypes, reporters, vocabularies);

  // Vocabularies: their tables (checked on first use, or here), defines, and shared criteria in their
  // own scope (with a guideline's recommendation facts).
  for (const v of vocabularies.all()) {
    for (const { sym, record } of v.tables) {
      const scope = record?.itemScope ?? vocabularies.scopeFor([], undefined, v);
      sym.check = () => checkTable(sym, checker(scope, undefined, v.file), reporters(v.file), record ? 'record' : 'vocabulary');
    }
  }
  for (const v of vocabularies.all()) {
    for (const t of v.tables) t.sym.ensure();
    for (const r of v.records.values()) for (const c of r.computed.values()) if (c.kind === 'define' && r.decl && v.records.get(r.name) === r) checker(r.itemScope!, undefined, v.file).type({ kind: 'FactRef', name: c.words, range: c.decl.words.range });
    for (const f of v.decl.facts) if (f.computedAs && f.words.text) checker(vocabularies.scopeFor([], undefined, v), undefined, v.file).type({ kind: 'FactRef', name: f.words.text, range: f.words.range });
    const scope = withRecommendation(vocabularies.scopeFor([], reporters(v.file), v));
    const exprs = checker(scope, undefined, v.file);
    for (const d of v.decl.defines) if (d.expr) exprs.type({ kind: 'FactRef', name: d.words.text, range: d.words.range });
    for (const c of v.decl.criteria) {
      checkVocabularyCriterion(c, reporters(v.file));
      checkCriterion(c, exprs, texts.get(v.file) ?? '', reporters(v.file), model, memo);
    }
  }

  // Guidelines, edition by edition.
  const byKey = new Map<string, CheckedGuideline>();
  for (const f of files) {
    if (f.standard) continue;
    for (const g of f.ast.guidelines) {
      const key = `${g.id.text}@${g.edition?.text ?? ''}`;
      const other = byKey.get(key);
      if (other) {
        reporters(f.file)('C302', g.edition ?? g.id, { what: `guideline${g.edition ? ' edition' : ''} (also in ${other.file})`, name: g.edition ? `${g.id.text} ${g.edition.text}` : g.id.text });
        continue;
      }
      const checked: CheckedGuideline = { decl: g, file: f.file, scope: new Scope(), criteria: [], resolved: new Map(), tables: [] };
      byKey.set(key, checked);
      model.guidelines.push(checked);
    }
  }
  for (const g of model.guidelines) {
    if (!g.decl.revises) continue;
    const base = byKey.get(`${g.decl.id.text}@${g.decl.revises.text}`);
    if (base) g.base = base;
    else {
      const editions = model.guidelines.filter((x) => x.decl.id.text === g.decl.id.text && x.decl.edition && x !== g).map((x) => x.decl.edition!.text);
      reporters(g.file)('C323', g.decl.revises, { id: g.decl.id.text, edition: g.decl.revises.text, hint: editions.length ? `: its editions are ${editions.join(', ')}` : '' });
    }
  }
  // Scopes and defines first (a criterion may read a define of any edition), then the criteria each
  // edition declares, then those it applies without declaring them, in its own scope.
  const usage = new Map(model.guidelines.map((g) => [g, guidelineScope(g, model, checker, reporters)]));
  for (const g of model.guidelines) checkGuideline(g, usage.get(g)!, model, texts, reporters, memo);
  for (const g of model.guidelines) checkApplied(g, model, usage.get(g)!, reporters);

  // Policies.
  for (const f of files) {
    if (f.standard) continue;
    for (const p of f.ast.policies) {
      const report = reporters(f.file);
      checkPolicyDeclarations(p, report);
      const scope = new Scope(vocabularies.scopeFor(p.uses, report), `policy ${p.name.text}`);
      for (const d of p.defines) if (d.words.text) scope.add({ kind: 'define', words: d.words.text, decl: d, file: f.file, scope });
      const exprs = checker(scope, undefined, f.file);
      for (const d of p.defines) exprs.type({ kind: 'FactRef', name: d.words.text, range: d.words.range });
      const criteria: AppliedCriterion[] = [];
      for (const c of p.criteria) {
        if (c.kind === 'UseDecl') {
          for (const n of c.names) {
            const found = sharedCriterion(n, [...p.uses], model, report, 'policy');
            if (found) criteria.push(found);
          }
          continue;
        }
        checkCriterion(c, exprs, f.text, report, model, memo);
        criteria.push({ decl: c, file: f.file });
      }
      model.policies.push({ decl: p, file: f.file, scope, criteria });
    }
  }
  checkAcrossFiles(files, model, reporters);
  vocabularies.reportUnknown();
  return model;
}

/** The `uses` of a guideline edition: its own, and those of the editions it revises. */
function usesOf(g: CheckedGuideline): A.Name[] {
  const out: A.Name[] = [];
  for (let e: CheckedGuideline | undefined = g; e; e = e.base) out.push(...e.decl.uses);
  return out;
}

/**
 * An edition's scope: the vocabularies it (and the editions it revises) uses, their recommendation
 * words, its tables, its defines and theirs. Answers the checker its own conditions are read with.
 */
function guidelineScope(g: CheckedGuideline, model: ProgramModel, checker: (s: Scope, c: ExprChecker['classesOf'], f: string) => ExprChecker, reporters: Reporters): ExprChecker {
  const report = reporters(g.file);
  const d = g.decl;
  // An unknown vocabulary is reported where it is named; an edition that revises another reads the
  // vocabularies both use, and the defines of both.
  const own = model.vocabularies.scopeFor(d.uses, report);
  const used = withRecommendation(g.base ? model.vocabularies.scopeFor(usesOf(g), undefined) : own);
  g.scope = new Scope(used, `guideline ${d.id.text}`);
  for (let e: CheckedGuideline | undefined = g; e; e = e.base) {
    for (const def of e.decl.defines) if (def.words.text && !g.scope.has(def.words.text)) g.scope.add({ kind: 'define', words: def.words.text, decl: def, file: e.file, scope: g.scope });
  }
  const classes = { guideline: d.id.text, decls: classesOf(g) };
  const exprs = checker(g.scope, classes, g.file);
  declareGuidelineTables(g, exprs, report, (file) => checker(g.scope, classes, file), reporters);
  for (const def of d.defines) {
    const t = exprs.type({ kind: 'FactRef', name: def.words.text, range: def.words.range });
    // A define restating a vocabulary's stands for it in the criteria the guideline applies: it must be a value of the same kind.
    const restated = used.lookup(def.words.text);
    if (restated?.kind !== 'define' || t.kind === 'error') continue;
    const was = checker(used, undefined, restated.file).type({ kind: 'FactRef', name: restated.words, range: restated.decl.words.range });
    // A bare number goes with any unit, as it does in a comparison.
    if (was.kind === 'error' || describe(was) === describe(t) || (was.kind === 'number' && t === NUMBER)) continue;
    report('C305', def.words, { message: `'${def.words.text}' restates the define of ${restated.vocabulary ? `vocabulary ${restated.vocabulary}` : restated.file}, which is ${describe(was)}; this is ${describe(t)}` });
    // The criteria read the vocabulary's, so the mistake is reported once, here.
    g.scope.add(restated);
  }
  return exprs;
}

/** Checks an edition's declarations and the criteria it declares, with the checker its scope made. */
function checkGuideline(g: CheckedGuideline, exprs: ExprChecker, model: ProgramModel, texts: Map<string, string>, reporters: Reporters, memo: ExpressionMemo): void {
  const report = reporters(g.file);
  const d = g.decl;
  checkDeclarations(d, report, d.revises !== undefined);
  if (d.applies) exprs.condition(d.applies);
  if (d.unless) exprs.condition(d.unless);
  const text = texts.get(g.file) ?? '';
  for (const c of d.criteria) {
    if (c.kind === 'UseDecl') for (const n of c.names) sharedCriterion(n, usesOf(g), model, report, 'guideline');
    else checkCriterion(c, exprs, text, report, model, memo);
  }
}

/**
 * The criteria an edition applies, in order: those of the edition it revises, with the ones it
 * restates in their place and its new ones after, less those it drops.
 */
function appliedCriteria(g: CheckedGuideline, model: ProgramModel): AppliedCriterion[] {
  const own: AppliedCriterion[] = [];
  for (const c of g.decl.criteria) {
    if (c.kind === 'CriterionDecl') own.push({ decl: c, file: g.file });
    else for (const n of c.names) {
      const shared = model.uses.get(n);
      if (shared) own.push(shared);
    }
  }
  const dropped = new Set(g.decl.drops.map((n) => n.text));
  const base = g.base ? (g.base.criteria.length ? g.base.criteria : appliedCriteria(g.base, model)) : [];
  return replaceByName(base, own, (c) => c.decl.name.text).filter((c) => !dropped.has(c.decl.name.text));
}

/**
 * The criteria an edition applies without declaring them (shared ones, and those of the edition it
 * revises), read in its scope with its classes and defines; then its usage checks.
 */
function checkApplied(g: CheckedGuideline, model: ProgramModel, exprs: ExprChecker, reporters: Reporters): void {
  g.criteria = appliedCriteria(g, model);
  const classes = { guideline: g.decl.id.text, decls: classesOf(g) };
  for (const a of g.criteria) {
    if (a.file === g.file && g.decl.criteria.includes(a.decl)) continue;
    const applied = new ExprChecker(g.scope, classes, reporters(a.file), g.resolved, model.defineTypes, reporters, model.vocabularies);
    for (const e of criterionExprs(a.decl)) applied.type(e);
    applied.inPlaceholders = true;
    for (const t of criterionTexts(a.decl)) for (const h of model.placeholders.get(t) ?? []) applied.value(h.expr);
    for (const cls of applied.classesNamed) exprs.classesNamed.add(cls);
    exprs.firstRecommended.clause ??= applied.firstRecommended.clause ?? applied.firstRecommended.placeholder;
  }
  if (!g.base) checkUsage(g.decl, exprs, reporters(g.file));
}

/** `base` with the items of `later` in place of those of the same name, and the new ones after. */
export function replaceByName<T>(base: readonly T[], later: readonly T[], key: (x: T) => string): T[] {
  const byName = new Map(later.map((x) => [key(x), x]));
  const out = base.map((x) => byName.get(key(x)) ?? x);
  const had = new Set(base.map(key));
  for (const x of later) if (!had.has(key(x))) out.push(x);
  return out;
}

/**
 * A guideline edition's tables, its own and those it inherits (a table restated by name replaces the
 * revised edition's): their columns are names of the guideline, and each is checked in its scope.
 */
function declareGuidelineTables(g: CheckedGuideline, exprs: ExprChecker, report: Report, checkerIn: (file: string) => ExprChecker, reporters: Reporters): void {
  const chain: CheckedGuideline[] = [];
  for (let e: CheckedGuideline | undefined = g; e; e = e.base) chain.unshift(e);
  const byName = new Map<string, TableSym>();
  for (const e of chain) {
    const seen = new Set<string>();
    for (const t of e.decl.tables) {
      if (!t.name.text) continue;
      if (seen.has(t.name.text) && e === g) report('C302', t.name, { what: 'table', name: t.name.text });
      seen.add(t.name.text);
      const sym = declareTable(t, t.name.text, e.file);
      // The classes named in key cells are used; reported where the table is written.
      const own = e === g ? exprs : checkerIn(e.file);
      sym.check = () => {
        checkTable(sym, own, reporters(e.file), 'guideline');
        for (const c of own.classesNamed) exprs.classesNamed.add(c);
      };
      byName.set(t.name.text, sym);
    }
  }
  g.tables = [...byName.values()];
  for (const t of g.tables) {
    for (const c of t.columns) {
      const prior = g.scope.lookup(c.words);
      if (prior && prior.kind === 'column' && prior.table.id === t.id) continue;
      if (prior) report('C302', t.file === g.file ? (c.decl ?? g.decl.id) : g.decl.id, { what: 'column (a fact, define or column in scope has these words)', name: c.words });
      else g.scope.add(c);
    }
  }
  for (const t of g.tables) t.ensure();
}

/** The classes a guideline edition's conditions may name: its own, and those of the editions it revises. */
export function classesOf(g: CheckedGuideline): A.ClassDecl[] {
  const out = new Map<string, A.ClassDecl>();
  const chain: CheckedGuideline[] = [];
  for (let e: CheckedGuideline | undefined = g; e; e = e.base) chain.unshift(e);
  for (const e of chain) for (const c of e.decl.classes) out.set(c.name.text, c);
  return [...out.values()];
}

/** The conditions and values of a criterion and its parts. */
function criterionExprs(c: A.CriterionDecl): A.Expr[] {
  const out: A.Expr[] = [];
  if (c.onlyWhen) out.push(c.onlyWhen);
  if (c.require) out.push(c.require);
  if (c.certify) out.push(c.certify);
  for (const p of c.parts) if (p.require) out.push(p.require);
  return out;
}

/** The texts of a criterion and of its parts. */
function criterionTexts(c: A.CriterionDecl): A.Name[] {
  const out: A.Name[] = [];
  for (const texts of [c.texts, ...c.parts.map((p) => p.texts)]) for (const t of [texts.met, texts.unknown, texts.otherwise]) if (t) out.push(t);
  return out;
}

/** Checks a criterion's conditions, its certify amount and its texts' placeholders. */
function checkCriterion(c: A.CriterionDecl, exprs: ExprChecker, text: string, report: Report, model: ProgramModel, memo: ExpressionMemo): void {
  if (c.onlyWhen) exprs.condition(c.onlyWhen);
  if (c.require) exprs.condition(c.require);
  for (const p of c.parts) if (p.require) exprs.condition(p.require);
  if (c.certify) {
    const t = exprs.value(c.certify);
    if (t.kind !== 'error' && !(t.kind === 'number' && (t.unit === undefined || t.unit === unit(VISITS)))) {
      report('C304', c.certify, { left: 'certified visits', right: t.kind === 'number' && t.unit ? 'another unit' : t.kind });
    }
  }
  exprs.inPlaceholders = true;
  for (const t of criterionTexts(c)) {
    const holes = placeholders(text, t, report, memo, model.vocabularies.units);
    model.placeholders.set(t, holes);
    for (const h of holes) exprs.value(h.expr);
  }
  exprs.inPlaceholders = false;
}

/** The shared criterion a `use criterion` name refers to, in the vocabularies used. */
function sharedCriterion(n: A.Name, uses: readonly A.Name[], model: ProgramModel, report: Report, what: string): AppliedCriterion | undefined {
  const seen = new Set<string>();
  const visit = (name: string): AppliedCriterion | undefined => {
    if (seen.has(name)) return undefined;
    seen.add(name);
    const v = model.vocabularies.get(name);
    if (!v) return undefined;
    const c = v.criteria.get(n.text);
    if (c) return { decl: c.decl, file: c.file, vocabulary: v.name };
    for (const u of v.decl.uses) {
      const found = visit(u.text);
      if (found) return found;
    }
    return undefined;
  };
  for (const u of [...uses, { text: 'core' } as A.Name]) {
    const found = visit(u.text);
    if (found) {
      model.uses.set(n, found);
      return found;
    }
  }
  const names = [...seen].flatMap((v) => [...(model.vocabularies.get(v)?.criteria.keys() ?? [])]);
  const near = names.find((x) => x.startsWith(n.text.slice(0, 3)));
  report('C320', n, { what, name: n.text, ...didYouMean(near) });
  return undefined;
}

/** Usage checks: recommended values with no recommend block (C310), classes nothing refers to (C313). */
function checkUsage(g: A.GuidelineDecl, checked: ExprChecker, report: Report): void {
  const firstRecommended = checked.firstRecommended.clause ?? checked.firstRecommended.placeholder;
  const hasEntries = g.recommendations.some((r) => r.entries.length > 0);
  if (firstRecommended && !hasEntries) report('C310', firstRecommended, { guideline: g.id.text });
  const used = new Set<string>(checked.classesNamed);
  for (const r of g.recommendations) for (const e of r.entries) used.add(e.name.text);
  for (const t of g.tables) for (const row of t.rows) for (const cell of row.keys) for (const v of cell.values) if (v.kind === 'Name') used.add(v.text);
  for (const c of g.classes) if (c.name.text && !used.has(c.name.text)) report('C313', c.name, { name: c.name.text });
}

export { matchesPattern } from './across.ts';
export type { Placeholder };
