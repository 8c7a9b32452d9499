// Expression checks: facts resolve in the scope (the vocabularies used, the guideline's own defines,
// a list item's fields inside `where`), values against enums and classes, and units agree (visits
// with visits, weeks with days, never weeks with months; a date window in days, weeks, months or years).
import type * as A from '../ast.ts';
import type { Report } from '../diagnostics.ts';
import { baseUnitOf, conversion, finer, isTimeUnit, rateOf, unit, unitName, whyNoConversion, type Unit } from '../units.ts';
import type { Vocabularies } from './vocabularies.ts';
import { codeLike, codeRangeRunsBackwards } from './codes.ts';
import { didYouMean, notAValue } from '../spelling.ts';
import { BOOL, closest, DATE, describe, ERROR, normalize, NUMBER, numberIn, sameType, Scope, TEXT, type DefineSym, type Sym, type Ty } from './symbols.ts';

export { BOOL, DATE, TEXT };

/** What the checker resolved each fact reference to (the compiler reads it back). */
export type Resolutions = Map<A.FactRef, Sym>;

/** The types of defines, worked out once (null while being worked out: a cycle). */
export type DefineTypes = Map<A.DefineDecl, Ty | null>;

export class ExprChecker {
  /** What the usage checks need, gathered while typing: the first recommended value read in a clause, and in a placeholder. */
  firstRecommended: { clause?: A.FactRef; placeholder?: A.FactRef } = {};
  /** Whether the expressions being checked are rationale placeholders. */
  inPlaceholders = false;
  /** The class names that `is` tests on the diagnosis or the surgery name. */
  readonly classesNamed = new Set<string>();
  /** (The type of the classes a checker is given.) */
  declare readonly classesOf: { guideline: string; decls: readonly A.ClassDecl[] } | undefined;

  constructor(
    private scope: Scope,
    /** The classes values of `diagnosis is ...` are checked against (a guideline's), if any. */
    private readonly classes: { guideline: string; decls: readonly A.ClassDecl[] } | undefined,
    private readonly report: Report,
    private readonly resolved: Resolutions,
    private readonly defineTypes: DefineTypes,
    /** Reports for a define's expression, in the file that declares it. */
    private readonly reportIn: (file: string) => Report,
    /** Every vocabulary of the program, to say which one declares a fact not in scope. */
    private readonly vocabularies: Pick<Vocabularies, 'declaring' | 'unitInScope'>,
  ) {}

  /** Checks an expression used as a condition. */
  condition(e: A.Expr): void {
    const t = this.type(e);
    if (t.kind !== 'bool' && t.kind !== 'error') {
      this.report('C305', e, { message: `This is ${describe(t)}, not a condition: compare it, as in 'completed visits > 0' or 'functional improvement is documented'` });
    }
  }

  /** Checks an expression used as a value (a placeholder, a certify amount) and returns its type. */
  value(e: A.Expr): Ty {
    const t = this.type(e);
    if (t.kind === 'bool' && e.kind !== 'FactRef') this.report('C305', e, { message: 'Expected a value here, not a condition' });
    return t;
  }

  /** The symbol a fact reference names, or undefined (reported) when none. */
  lookup(ref: A.FactRef): Sym | undefined {
    const sym = this.scope.lookup(ref.name);
    if (!sym) {
      // Under a `uses` of a vocabulary the program does not have, the fact may be that vocabulary's:
      // counted into its C315, not reported on its own.
      const unknown = this.scope.unknownVocabularies();
      if (unknown.length) {
        for (const u of unknown) u.facts.add(ref.name);
        return undefined;
      }
      // Words a vocabulary not in use declares are most likely meant as its fact: say which to use.
      const declaring = this.vocabularies.declaring(ref.name)?.name;
      if (declaring) {
        this.report('C301', ref, { name: ref.name, hint: `: the vocabulary '${declaring}' declares it, and it is not in use here: add 'uses ${declaring}'`, vocabulary: declaring });
        return undefined;
      }
      // A record's field outside `where` (most often a `where` of several conditions without parentheses).
      const list = this.listWithField(ref.name);
      if (list) {
        this.report('C301', ref, { name: ref.name, hint: `: it is a field of each item of '${list}', read after 'where' or 'over' on that list, as in 'any ${list} where ${ref.name} ...'; after 'where', put a condition of several in parentheses` });
        return undefined;
      }
      const near = closest(ref.name, this.scope.all().map((s) => s.words));
      const hint = near ? `. Did you mean '${near}'?` : `: no vocabulary in use declares it (declare it with 'fact ${ref.name}: ...' in a vocabulary the guideline uses)`;
      this.report('C301', ref, { name: ref.name, hint, ...(near ? { replacement: near } : {}) });
      return undefined;
    }
    this.resolved.set(ref, sym);
    return sym;
  }

  /** The words of a list fact in scope whose records have a field of these words, if any. */
  private listWithField(words: string): string | undefined {
    const key = normalize(words);
    for (const sym of this.scope.all()) {
      if (sym.kind === 'fact' && sym.ty.kind === 'list' && sym.ty.of.kind === 'record' && sym.ty.of.record.fields.has(key)) return sym.words;
    }
    return undefined;
  }

  type(e: A.Expr): Ty {
    switch (e.kind) {
      case 'ErrorExpr': return ERROR;
      case 'ParenExpr': return this.type(e.inner);
      case 'Quantity':
        if (!e.unit) return NUMBER;
        return this.vocabularies.unitInScope(e.unit, this.scope, this.report, e) ? numberIn(e.unit) : ERROR;
      case 'DateLit': return DATE;
      case 'StringLit': return TEXT;
      case 'FactRef': {
        const sym = this.lookup(e);
        if (!sym) return ERROR;
        if (sym.kind === 'define') return this.defineType(sym);
        if (sym.kind === 'column' ? sym.table.id === 'recommend' : sym.id.startsWith('recommended.')) {
          if (this.inPlaceholders) this.firstRecommended.placeholder ??= e;
          else this.firstRecommended.clause ??= e;
        }
        if (sym.kind === 'column' && !sym.table.ensure()) {
          this.report('C325', e, { words: sym.words });
          return ERROR;
        }
        return sym.ty;
      }
      case 'BoolExpr':
        for (const o of e.operands) {
          // `count of prior injections where a and b` is `(count ... where a) and b`: a `where` takes one condition.
          if (o.kind === 'AggregateExpr' && o.where) {
            const t = this.type(o);
            if (t.kind !== 'error') this.report('C305', o, { message: `This is ${describe(t)}, not a condition: 'where' takes one condition, up to the next '${e.op}'; put a condition of several in parentheses, as in '${o.op} of ${o.list.name} where (... ${e.op} ...)'` });
          } else this.condition(o);
        }
        return BOOL;
      case 'NotExpr':
        this.condition(e.operand);
        return BOOL;
      case 'IsKnownExpr':
        this.type(e.subject);
        return BOOL;
      case 'IsRecordedExpr':
        this.type(e.subject);
        // Never false, so its negation could never be true: what is not documented is `is unknown`.
        if (e.negated) this.report('C331', e, { text: 'is not on file', hint: ": a fact not documented is unknown, and the records may yet show it; to test that the records do not give it, write 'is unknown'" });
        return BOOL;
      case 'IsValuesExpr':
        this.values(e);
        return BOOL;
      case 'IsEmptyExpr': {
        const t = this.type(e.subject);
        if (t.kind !== 'error' && t.kind !== 'list') this.report('C326', e.subject, { message: `'is empty' tests a list, and this is ${describe(t)}` });
        return BOOL;
      }
      case 'IncludesExpr':
        this.includes(e);
        return BOOL;
      case 'ArithExpr': return this.arith(e);
      case 'RoundExpr': {
        const t = this.value(e.inner);
        if (t.kind !== 'number' && t.kind !== 'error') this.report('C305', e.inner, { message: `Only a number is rounded, not ${describe(t)}` });
        return t;
      }
      case 'SinceExpr': {
        const d = this.value(e.date);
        const u = timeUnitOf(e.unit.text);
        if (!u) this.report('C304', e.unit, { left: `'${e.unit.text}'`, right: "a time since a date: write days, weeks, months or years, as in 'weeks since injury date'" });
        if (d.kind !== 'date' && d.kind !== 'error') this.report('C305', e.date, { message: `'${e.to ? 'from' : 'since'}' measures time from a date, and this is ${describe(d)}` });
        const to = e.to ? this.value(e.to) : undefined;
        if (to && e.to && to.kind !== 'date' && to.kind !== 'error') this.report('C305', e.to, { message: `'to' measures time up to a date, and this is ${describe(to)}` });
        return u ? numberIn(u, 0) : ERROR;
      }
      case 'AggregateExpr': return this.aggregate(e);
      case 'QuantifiedExpr':
        this.inItems(e.list, e.where, undefined, e.by);
        return BOOL;
      case 'CompareExpr':
        this.compare(e);
        return BOOL;
    }
  }

  /** A define's type: its expression's, read in the scope it was declared in (once; a cycle is reported). */
  private defineType(sym: DefineSym): Ty {
    const known = this.defineTypes.get(sym.decl);
    if (known !== undefined) {
      if (known === null) {
        this.reportIn(sym.file)('C325', sym.decl.words, { words: sym.words });
        this.defineTypes.set(sym.decl, ERROR);
        return ERROR;
      }
      return known;
    }
    if (!sym.decl.expr) return ERROR;
    this.defineTypes.set(sym.decl, null);
    const inner = new ExprChecker(sym.scope, this.classes, this.reportIn(sym.file), this.resolved, this.defineTypes, this.reportIn, this.vocabularies);
    let t = inner.type(sym.decl.expr);
    if (sym.declared && t.kind !== 'error' && sym.declared.kind !== 'error') {
      // A number without a unit takes the declared one (`daily dose * conversion factor` in mg a day).
      const fits = sameType(t, sym.declared) || (t.kind === 'number' && sym.declared.kind === 'number' && (t.unit === undefined || t.unit === sym.declared.unit));
      if (!fits) this.reportIn(sym.file)('C318', sym.decl.expr, { message: `This is ${describe(t)}, and '${sym.words}' is declared as ${describe(sym.declared)}` });
      t = sym.declared;
    }
    if (this.defineTypes.get(sym.decl) === null) this.defineTypes.set(sym.decl, t);
    return this.defineTypes.get(sym.decl)!;
  }

  /** The element type of a list fact, after checking it is one; undefined (reported) when it is not. */
  private listOf(ref: A.FactRef): { sym: Extract<Sym, { kind: 'fact' }>; of: Ty } | undefined {
    const sym = this.lookup(ref);
    if (!sym) return undefined;
    const t = sym.kind === 'define' ? this.defineType(sym) : sym.ty;
    if (sym.kind !== 'fact' || t.kind !== 'list') {
      if (t.kind !== 'error') this.report('C326', ref, { message: `'${ref.name}' is ${describe(t)}, not a list: count, sum, any, every and no go over a list` });
      return undefined;
    }
    return { sym, of: t.of };
  }

  /**
   * Checks `where` (and a sum's value) with the fields of the list's items in scope, and the date
   * field `by` names for the latest or earliest item (C334 when it is no date field of the items).
   */
  private inItems(list: A.FactRef, where: A.Expr | undefined, value?: A.Expr, by?: A.FactRef): Ty {
    const l = this.listOf(list);
    if (!l) {
      // Still check what can be checked, without the item's fields.
      if (where) this.condition(where);
      return value ? this.value(value) : ERROR;
    }
    const outer = this.scope;
    if (l.of.kind === 'record') {
      const items = new Scope(outer, `${l.of.record.name} of ${list.name}`);
      for (const f of l.of.record.fields.values()) items.add({ ...f, id: `${l.sym.id}[].${f.id}` });
      // Computed fields and table columns are read in the record's own item scope.
      for (const c of l.of.record.computed.values()) items.add(c);
      this.scope = items;
      if (by) this.orderField(by, items, list);
    } else if (by) {
      this.report('C334', by, { message: `the items of '${list.name}' are values, not records with a date: test them with 'includes'` });
    } else if (where) {
      this.report('C326', list, { message: `The items of '${list.name}' are values, not records with fields: test them with 'includes'` });
    }
    try {
      if (where) this.condition(where);
      return value ? this.value(value) : ERROR;
    } finally {
      this.scope = outer;
    }
  }

  /** The field `by` names: a date field of each item of the list (C334 for anything else). */
  private orderField(by: A.FactRef, items: Scope, list: A.FactRef): void {
    if (!items.has(normalize(by.name))) {
      // Not a field of the item: a fact of the case is the same for every item, and picks none.
      if (!this.scope.lookup(by.name)) {
        this.type(by); // C301, with the item's fields to suggest
        return;
      }
      this.report('C334', by, { message: `'${by.name}' is not a field of the items of '${list.name}', and the latest or earliest item is chosen by a date of each item` });
      return;
    }
    const t = this.type(by);
    if (t.kind !== 'date' && t.kind !== 'error') this.report('C334', by, { message: `'${by.name}' is not a date, and the latest or earliest item is chosen by a date of each item` });
  }

  private aggregate(e: A.AggregateExpr): Ty {
    if (e.op === 'count') {
      this.inItems(e.list, e.where);
      return numberIn(undefined, 0);
    }
    const t = this.inItems(e.list, e.where, e.value);
    if (t.kind !== 'number' && t.kind !== 'error') {
      this.report('C305', e.value ?? e, { message: `A sum adds up numbers, not ${describe(t)}` });
      return ERROR;
    }
    return t;
  }

  private arith(e: A.ArithExpr): Ty {
    const l = this.value(e.left);
    const r = this.value(e.right);
    if (l.kind === 'error' || r.kind === 'error') return ERROR;
    if (l.kind !== 'number' || r.kind !== 'number') {
      this.report('C305', l.kind !== 'number' ? e.left : e.right, { message: `Arithmetic needs numbers, not ${describe(l.kind !== 'number' ? l : r)}` });
      return ERROR;
    }
    if (e.op === '+' || e.op === '-') {
      if (l.unit && r.unit && l.unit !== r.unit) {
        if (conversion(r.unit, l.unit) === undefined) {
          this.report('C304', e, { left: unitName(l.unit), right: because(unitName(r.unit), whyNoConversion(l.unit, r.unit)) });
          return ERROR;
        }
        return numberIn(finer(l.unit, r.unit));
      }
      const unit = l.unit ?? r.unit;
      return unit ? numberIn(unit) : NUMBER;
    }
    if (l.unit && r.unit) {
      if (e.op === '/' && conversion(r.unit, l.unit) !== undefined) return NUMBER;
      const rate = e.op === '/' ? rateOf(l.unit, r.unit) : undefined;
      if (rate) return numberIn(rate, 0);
      this.report('C336', e, {
        operation: e.op === '/' ? 'divide' : 'multiply',
        left: unitName(l.unit),
        right: unitName(r.unit),
        hint: e.op === '/'
          ? `divide by a plain number, by ${unitName(l.unit)} for a ratio, or a count or an amount by a time for a rate (tablets / days is tablets a day)`
          : 'multiply by a plain number, as in recommended visits * 2',
      });
      return ERROR;
    }
    if (e.op === '/' && r.unit) {
      this.report('C305', e.right, { message: 'Divide by a plain number, as in recommended visits / 2' });
      return ERROR;
    }
    const unit = l.unit ?? r.unit;
    return unit ? numberIn(unit) : NUMBER;
  }

  private compare(e: A.CompareExpr): void {
    const l = this.value(e.left);
    // `injection approach = transforaminal`, `fluoroscopy = yes`: a value of the fact, which 'is' tests.
    if ((e.op === '=' || e.op === '!=') && !e.elapsed && e.right.kind === 'FactRef' && !this.scope.lookup(e.right.name)) {
      const values = l.kind === 'enum' ? l.values : l.kind === 'bool' && e.left.kind === 'FactRef' ? ['yes', 'no'] : undefined;
      if (values?.includes(normalize(e.right.name))) {
        this.report('C305', e, { message: `'${e.right.name}' is a value of ${describeSubject(e.left)}, not a fact: test a value with 'is', as in '${isTest(e)}'`, ...asIsTest(e) });
        return;
      }
    }
    const r = this.value(e.right);
    if (l.kind === 'error' || r.kind === 'error') return;
    if (e.elapsed) {
      if (l.kind !== 'date') {
        this.report('C305', e.left, { message: `'${e.elapsed}' measures time since a date, but this is ${describe(l)}` });
      } else if (r.kind !== 'number' || !r.unit || !isTimeUnit(r.unit.base) || r.unit.per) {
        this.report('C304', e.right, { left: 'a date window', right: describe(r) + " (write days, weeks, months or years, as in 'within 6 months')" });
      }
      return;
    }
    if (l.kind === 'date' && r.kind === 'date') return;
    if (l.kind === 'number' && r.kind === 'number') {
      if (l.unit && r.unit && l.unit !== r.unit && conversion(r.unit, l.unit) === undefined) this.report('C304', e, { left: unitName(l.unit), right: because(unitName(r.unit), whyNoConversion(l.unit, r.unit)) });
      return;
    }
    // Two facts of fixed values compare when they can be equal: a drug prescribed and the drug
    // requested, both one of the same drugs. `functional improvement = home exercise program`, whose
    // values no two are alike, is never true.
    const shared = l.kind === 'enum' && r.kind === 'enum' && (l.fact === r.fact || l.values.some((v) => r.values.includes(v)));
    if ((e.op === '=' || e.op === '!=') && ((l.kind === 'text' && r.kind === 'text') || shared || (l.kind === 'bool' && r.kind === 'bool'))) return;
    if ((e.op === '=' || e.op === '!=') && l.kind === 'enum' && r.kind === 'enum') {
      this.report('C304', e, { left: describe(l), right: `${describe(r)}: the two have no value in common, so they are never equal` });
      return;
    }
    // `injection approach = "transforaminal"`: a fact of fixed values is tested with 'is'.
    const isHint = (e.op === '=' || e.op === '!=') && l.kind === 'enum' && r.kind === 'text' && e.right.kind === 'StringLit' && l.values.includes(e.right.value) ? `: test a value with 'is', as in '${isTest(e)}'` : '';
    this.report('C304', e, { left: describe(l), right: describe(r) + isHint, ...(isHint ? asIsTest(e) : {}) });
  }

  private values(e: A.IsValuesExpr): void {
    const t = this.value(e.subject);
    switch (t.kind) {
      case 'error': return;
      case 'enum':
        for (const v of e.values) if (!t.values.includes(v.text)) this.report('C306', v, notAValue(v.text, t.fact, t.values));
        return;
      case 'bool':
        for (const v of e.values) if (v.text !== 'yes' && v.text !== 'no') this.report('C306', v, notAValue(v.text, describeSubject(e.subject), ['yes', 'no']));
        return;
      case 'class':
        this.classValues(e.subject, t.of, e.values);
        return;
      case 'code':
        for (const v of e.values) {
          if (!v.text.split('-').every((part) => codeLike.test(part))) this.report('C306', v, { value: v.text, fact: describeSubject(e.subject), expected: 'ICD-10 codes or patterns (M54.1*), CPT or HCPCS codes, or ranges of them (C00-D49)' });
          else if (codeRangeRunsBackwards(v.text)) this.report('C309', v, { message: `The range ${v.text} runs backwards: no code is in it` });
        }
        return;
      case 'text': return;
      case 'list':
        this.report('C305', e.subject, { message: `'${describeSubject(e.subject)}' is a list: test it with 'includes' or 'is empty', not 'is'` });
        return;
      default:
        this.report('C305', e.subject, { message: `Use a comparison for ${describe(t)}, as in 'completed visits > 0'; 'is' lists values` });
    }
  }

  /** Checks names of classes against the guideline's (C303), and notes them as used. */
  classValues(subject: A.Expr, of: 'diagnosis' | 'procedure', values: readonly A.Name[]): void {
    if (subject.kind === 'FactRef') for (const v of values) this.classesNamed.add(v.text);
    if (!this.classes) return; // a shared criterion: its classes are checked where a guideline uses it
    const names = this.classes.decls.filter((c) => c.of === of).map((c) => c.name.text);
    for (const v of values) {
      if (names.includes(v.text)) continue;
      const near = closest(v.text, names);
      this.report('C303', v, { name: v.text, guideline: this.classes.guideline, ...didYouMean(near) });
    }
  }

  private includes(e: A.IncludesExpr): void {
    const t = this.value(e.subject);
    if (t.kind === 'error') return;
    if (t.kind === 'class') return this.classValues(e.subject, t.of, e.values);
    if (t.kind !== 'list') {
      this.report('C326', e.subject, { message: `'includes' tests a list, and this is ${describe(t)}` });
      return;
    }
    if (t.of.kind === 'enum') {
      const values = t.of.values;
      for (const v of e.values) if (!values.includes(v.text)) this.report('C306', v, notAValue(v.text, describeSubject(e.subject), values));
    } else if (t.of.kind === 'record') {
      this.report('C326', e.subject, { message: `The items of '${describeSubject(e.subject)}' are records: test their fields with 'any ${describeSubject(e.subject)} where ...'` });
    }
  }
}

/** A unit's name, with the reason it does not convert when there is one to give. */
function because(name: string, why: string): string {
  return why ? `${name}: ${why}` : name;
}

/** The comparison's replacement by the value test it means, when its subject is a fact (for a quick fix). */
function asIsTest(e: A.CompareExpr): { replacement?: string } {
  return e.left.kind === 'FactRef' ? { replacement: isTest(e) } : {};
}

/** `a = b` as the value test it means: `a is b` (`a is not b` for `!=`). */
function isTest(e: A.CompareExpr): string {
  const value = e.right.kind === 'FactRef' ? e.right.name : e.right.kind === 'StringLit' ? e.right.value : '...';
  return `${describeSubject(e.left)} is ${e.op === '!=' ? 'not ' : ''}${value}`;
}

function describeSubject(e: A.Expr): string {
  return e.kind === 'FactRef' ? e.name : 'this value';
}

/** The unit a time word names, for `since`: days, weeks, months or years. */
function timeUnitOf(word: string): Unit | undefined {
  const b = baseUnitOf(word);
  return b && isTimeUnit(b) && b.word !== 'hours' ? unit(b) : undefined;
}
