// The vocabularies of a program: each one's facts, records, defines and shared criteria, checked as
// declarations, and the scopes built from them (the core vocabulary and those a guideline, a
// policy or another vocabulary `uses`). Vocabularies of every file, and the standard ones the
// language ships, form one table by name.
import type * as A from '../ast.ts';
import { builtins } from '../builtins.ts';
import type { Report } from '../diagnostics.ts';
import { didYouMean, notAValue } from '../spelling.ts';
import { withRecommendation } from './recommendation.ts';
import { keywords } from '../tokens.ts';
import { declaredUnit, isBuiltInUnitWord, isDeclaredUnit, notAUnitHint, unitFromWords, unitMeant, type BaseUnit, type DeclaredUnits, type Unit } from '../units.ts';
import { BOOL, closest, DATE, describe, ERROR, numberIn, sameType, Scope, TEXT, type ColumnSym, type DefineSym, type FactSym, type RecordSym, type Sym, type TableSym, type Ty, type UnknownVocabulary } from './symbols.ts';
import { declareTable } from './tables.ts';

export interface VocabularyInfo {
  readonly name: string;
  readonly decl: A.VocabularyDecl;
  readonly file: string;
  /** Its own facts and defines (not those of the vocabularies it uses). */
  readonly own: Scope;
  readonly records: Map<string, RecordSym>;
  readonly criteria: Map<string, { decl: A.CriterionDecl; file: string }>;
  /** Its tables, with the record whose items a `for each` table is keyed by. */
  readonly tables: { sym: TableSym; record?: RecordSym }[];
  /** Whether it comes with the language (the case contract), not from the program's files. */
  readonly standard: boolean;
}

/** A case field's path: names in lower camel case, joined by dots (`history.visitsCompleted`). */
const fieldPath = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

/** Each reporter by file: a vocabulary's checks report where it is declared. */
export type Reporters = (file: string) => Report;

export class Vocabularies {
  private readonly byName = new Map<string, VocabularyInfo>();
  /** Scopes made for a set of used vocabularies, by their names. */
  private readonly scopes = new Map<string, Scope>();
  /** The units the vocabularies declare, by each of their words, with the vocabulary that declares each. */
  private readonly unitWords = new Map<string, { unit: BaseUnit; vocabulary: VocabularyInfo }>();
  /** The same, as the parser and the unit checks read them. */
  readonly units: DeclaredUnits;
  /** Each `uses` of a vocabulary the program lacks (no near miss either), with where to report it. */
  private readonly unknownUses = new Map<A.Name, UnknownVocabulary & { report?: Report }>();

  constructor(
    files: readonly { file: string; ast: A.GuidelineFile; standard?: boolean }[],
    private readonly reporters: Reporters,
  ) {
    for (const f of files) {
      for (const v of f.ast.vocabularies) {
        const name = v.name.text;
        if (!name) continue;
        const other = this.byName.get(name);
        if (other) {
          this.reporters(f.file)('C302', v.name, { what: `vocabulary (also in ${other.file})`, name });
          continue;
        }
        this.byName.set(name, { name, decl: v, file: f.file, own: new Scope(undefined, `vocabulary ${name}`), records: new Map(), criteria: new Map(), tables: [], standard: f.standard === true });
      }
    }
    for (const info of this.byName.values()) this.declareUnits(info);
    this.units = new Map([...this.unitWords].map(([w, u]) => [w, u.unit]));
    for (const info of this.byName.values()) this.declare(info);
    this.checkSharedFields();
    // Tables last: a `for each` table may be keyed by a record of any vocabulary.
    for (const info of this.byName.values()) this.declareTables(info);
  }

  get(name: string): VocabularyInfo | undefined {
    return this.byName.get(name);
  }

  all(): IterableIterator<VocabularyInfo> {
    return this.byName.values();
  }

  /** The vocabulary that declares a unit (`unit level, levels`), if a vocabulary does. */
  declaringUnit(u: BaseUnit): VocabularyInfo | undefined {
    return this.unitWords.get(u.word)?.vocabulary;
  }

  /**
   * Reports a declared unit written where its vocabulary is not in use (C332), naming the
   * vocabulary to add; true when the unit may stand there.
   */
  unitInScope(u: Unit, scope: Scope | VocabularyInfo, report: Report, at: A.Node): boolean {
    for (const b of u.per ? [u.base, u.per] : [u.base]) {
      if (!isDeclaredUnit(b)) continue;
      const v = this.declaringUnit(b);
      if (!v || (scope instanceof Scope ? scope.uses(v.name) : this.reaches(scope, v.name))) continue;
      report('C332', at, { unit: b.word, vocabulary: v.name });
      return false;
    }
    return true;
  }

  /** Whether a vocabulary reads the facts of vocabulary `name`: it is that one, core, or one it uses (in turn). */
  private reaches(from: VocabularyInfo, name: string): boolean {
    const seen = new Set<string>();
    const visit = (v: VocabularyInfo | undefined): boolean => {
      if (!v || seen.has(v.name)) return false;
      seen.add(v.name);
      return v.name === name || v.decl.uses.some((u) => visit(this.byName.get(u.text)));
    };
    return name === 'core' || visit(from);
  }

  /** Declares a vocabulary's units, each word once in the program and none of the language's own. */
  private declareUnits(v: VocabularyInfo): void {
    const report = this.reporters(v.file);
    for (const d of v.decl.units) {
      const one = d.one.text;
      const many = d.many.text;
      if (!one || !many) continue;
      const unit = declaredUnit(one, many);
      for (const w of one === many ? [d.one] : [d.one, d.many]) {
        if (keywordSet.has(w.text)) continue; // (a reserved word as a name: reported by the parser, P206)
        const clash = isBuiltInUnitWord(w.text) ? 'a unit of the language' : unitSoftWords.has(w.text) ? 'a word of the language, which reads otherwise after a number' : undefined;
        if (clash) {
          report('C333', w, { word: w.text, why: clash });
          continue;
        }
        const other = this.unitWords.get(w.text);
        if (other) {
          report('C302', w, { what: `unit (also declared by vocabulary '${other.vocabulary.name}' in ${other.vocabulary.file})`, name: w.text });
          continue;
        }
        this.unitWords.set(w.text, { unit, vocabulary: v });
      }
    }
  }

  /** The vocabulary that declares a fact or define of these words, the standard ones first. */
  declaring(words: string): VocabularyInfo | undefined {
    const all = [...this.byName.values()];
    return [...all.filter((v) => v.standard), ...all.filter((v) => !v.standard)].find((v) => v.own.lookup(words));
  }

  /**
   * The scope of the core vocabulary and the vocabularies named (with those they use in turn). A
   * name unknown, or words two of them declare for different facts, are reported at `uses`.
   */
  scopeFor(uses: readonly A.Name[], report: Report | undefined, own?: VocabularyInfo): Scope {
    const names = new Set<string>();
    const unknown = new Set<UnknownVocabulary>();
    const visit = (n: string, at: A.Name | undefined, reported: boolean): void => {
      if (names.has(n)) return;
      const v = this.byName.get(n);
      if (!v) {
        // A near miss of a known vocabulary (`esii`) is read as it, so that its facts are not each
        // reported too; with none, the facts no vocabulary in use declares may be the unknown one's,
        // and are counted into its report (`reportUnknown`).
        const near = closest(n, this.byName.keys());
        if (near) {
          if (at && reported && report) report('C315', at, { name: n, hint: `. Did you mean '${near}'? The facts used here are checked against '${near}' meanwhile`, replacement: near });
          visit(near, undefined, false);
          return;
        }
        if (!at) return;
        let u = this.unknownUses.get(at);
        if (!u) this.unknownUses.set(at, (u = { name: n, facts: new Set() }));
        if (reported && report) u.report = report;
        unknown.add(u);
        return;
      }
      names.add(n);
      for (const u of v.decl.uses) visit(u.text, u, v === own);
    };
    if (this.byName.has('core')) visit('core', undefined, false);
    if (own) visit(own.name, undefined, false);
    for (const u of uses) visit(u.text, u, true);
    const key = [...names].sort().join(',');
    const scope = this.scopeOf(key, names, uses, report);
    if (!unknown.size) return scope;
    // (A scope of its own: the one of these names is shared with declarations that name no unknown vocabulary.)
    const marked = new Scope(scope, `${key} and unknown vocabularies`);
    marked.unknown = [...unknown];
    return marked;
  }

  /**
   * Reports each unknown vocabulary named in a `uses` that no known one is a near miss of (C315):
   * with the vocabularies the program has, and the facts read under it that no vocabulary in use
   * declares, which were not reported on their own. After every declaration is checked.
   */
  reportUnknown(): void {
    const known = [...this.byName.keys()].sort();
    for (const [at, u] of this.unknownUses) {
      if (!u.report) continue;
      const list = known.length > 12 ? `${known.slice(0, 12).join(', ')} and ${known.length - 12} more` : known.join(', ');
      const facts = [...u.facts];
      const shown = facts.slice(0, 5).map((f) => `'${f}'`).join(', ') + (facts.length > 5 ? ` and ${facts.length - 5} more` : '');
      const note = facts.length === 0 ? '' : `; ${facts.length === 1 ? 'a fact' : `${facts.length} facts`} read here that no vocabulary in use declares (${shown}) may be its, and ${facts.length === 1 ? 'is' : 'are'} reported once it is known`;
      u.report('C315', at, { name: u.name, hint: `: the vocabularies known here are ${list} (another file's are known when it is compiled with this one)${note}`, facts: facts.length });
    }
  }

  /** The scope of these vocabularies, made once for each set of names. */
  private scopeOf(key: string, names: ReadonlySet<string>, uses: readonly A.Name[], report: Report | undefined): Scope {
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = new Scope(undefined, key);
      scope.vocabularies = names;
      const from = new Map<string, string>();
      for (const n of names) {
        const v = this.byName.get(n)!;
        for (const sym of v.own.all()) {
          const prior = scope.lookup(sym.words);
          if (prior && !sameSymbol(prior, sym)) {
            // Reported once, where the second vocabulary is named.
            const at = uses.find((u) => u.text === n) ?? uses[0];
            if (at && report) report('C316', at, { words: sym.words, first: `vocabulary ${from.get(sym.words)}`, second: `vocabulary ${n}` });
            continue;
          }
          scope.add(sym);
          from.set(sym.words, n);
        }
      }
      this.scopes.set(key, scope);
    }
    return scope;
  }

  /** A record by name, from a vocabulary or those it uses. */
  record(name: string, from: VocabularyInfo): RecordSym | undefined {
    const seen = new Set<string>();
    const find = (v: VocabularyInfo | undefined): RecordSym | undefined => {
      if (!v || seen.has(v.name)) return undefined;
      seen.add(v.name);
      return v.records.get(name) ?? v.decl.uses.map((u) => find(this.byName.get(u.text))).find((r) => r) ?? find(this.byName.get('core'));
    };
    return find(from);
  }

  /**
   * A case field two facts read must be read alike (C335): the rule set keeps one definition of each
   * field, its type and what its absence means, so a second that differs would be read as the first
   * without a word (a date as a text, an absent value as unknown). Their words and meanings may
   * differ. Lists are left out: a list of records is read item by item through each record's fields.
   */
  private checkSharedFields(): void {
    const first = new Map<string, FactSym>();
    for (const v of this.byName.values()) {
      for (const sym of v.own.all()) {
        if (sym.kind !== 'fact' || !('field' in sym.source) || sym.ty.kind === 'list' || sym.ty.kind === 'record' || sym.ty.kind === 'error') continue;
        const field = sym.source.field;
        const was = first.get(field);
        if (!was) {
          first.set(field, sym);
          continue;
        }
        const how = readsApart(was, sym);
        if (how && !v.standard && sym.decl) this.reporters(v.file)('C335', sym.decl.type ?? sym.decl.words, { field, first: was.words, vocabulary: was.vocabulary ?? '', how });
      }
    }
  }

  /** Declares a vocabulary's records (first: facts may be lists of them), facts, defines and criteria. */
  private declare(v: VocabularyInfo): void {
    const report = this.reporters(v.file);
    const d = v.decl;
    for (const r of d.repeated) report('C308', r, { clause: r.text });
    for (const r of d.records) {
      if (!r.name.text) continue;
      if (v.records.has(r.name.text)) report('C302', r.name, { what: 'record', name: r.name.text });
      v.records.set(r.name.text, this.recordSym(r, v));
    }
    for (const r of d.records) {
      const rec = v.records.get(r.name.text);
      if (!rec || rec.decl !== r) continue;
      const fields = rec.fields as Map<string, FactSym>;
      const computed = rec.computed as Map<string, Sym>;
      for (const f of r.fields) {
        if (f.computedAs) {
          const c = this.computedAs(f, v, report, () => rec.itemScope!);
          if (c && (fields.has(c.words) || computed.has(c.words))) report('C302', f.words, { what: 'field', name: c.words });
          else if (c) computed.set(c.words, c);
          continue;
        }
        if (computed.has(f.words.text)) {
          report('C302', f.words, { what: 'field', name: f.words.text });
          continue;
        }
        const sym = this.fact(f, v, report, true);
        if (!sym) continue;
        if (fields.has(sym.words)) report('C302', f.words, { what: 'field', name: sym.words });
        else fields.set(sym.words, sym);
      }
      // A computation for each item reads fields of the item: the record must declare them.
      const paths = new Set([...fields.values()].flatMap((x) => ('field' in x.source ? [x.source.field] : [])));
      for (const x of fields.values()) {
        if (!('builtin' in x.source)) continue;
        const missing = Object.keys(builtins[x.source.builtin]?.reads ?? {}).filter((p) => !paths.has(p));
        if (missing.length && x.decl?.computed) report('C318', x.decl.computed, { message: `'${x.source.builtin}' reads ${missing.join(', ')} of each item: declare ${missing.length === 1 ? 'it' : 'them'} as fields of record '${r.name.text}'` });
      }
    }
    for (const f of d.facts) {
      const sym = f.computedAs ? this.computedAs(f, v, report, () => this.scopeFor([], undefined, v)) : this.fact(f, v, report, false);
      if (!sym) continue;
      if (v.own.has(sym.words)) report('C302', f.words, { what: 'fact', name: sym.words });
      else v.own.add(sym);
    }
    for (const def of d.defines) {
      if (!def.words.text) continue;
      const words = def.words.text;
      if (v.own.has(words)) {
        report('C302', def.words, { what: 'fact or define', name: words });
        continue;
      }
      // Its expression is read in the vocabulary's whole scope, which exists once every vocabulary is
      // declared, with the recommendation of the guideline that applies it (as a shared criterion's is).
      const self = this;
      let scope: Scope | undefined;
      const sym: DefineSym = { kind: 'define', words, decl: def, file: v.file, vocabulary: v.name, get scope() { return (scope ??= withRecommendation(self.scopeFor([], undefined, v))); } };
      v.own.add(sym);
    }
    for (const c of d.criteria) {
      if (!c.name.text) continue;
      if (v.criteria.has(c.name.text)) report('C302', c.name, { what: 'criterion', name: c.name.text });
      else v.criteria.set(c.name.text, { decl: c, file: v.file });
    }
  }

  /** A record's symbol; its item scope (its fields, computed fields and table columns) is made on first use. */
  private recordSym(r: A.RecordDecl, v: VocabularyInfo): RecordSym {
    const self = this;
    let items: Scope | undefined;
    const rec: RecordSym = {
      name: r.name.text,
      ...(r.title ? { title: r.title.text } : {}),
      fields: new Map(),
      computed: new Map(),
      decl: r,
      get itemScope(): Scope {
        if (items) return items;
        items = new Scope(self.scopeFor([], undefined, v), `${r.name.text} items`);
        // An item's fields are read by the id of the list they come in (the vocabulary's list of these records).
        const list = [...v.own.all()].find((x): x is FactSym => x.kind === 'fact' && x.ty.kind === 'list' && x.ty.of.kind === 'record' && x.ty.of.record === rec);
        const prefix = list?.id ?? r.name.text;
        for (const f of rec.fields.values()) items.add({ ...f, id: `${prefix}[].${f.id}` });
        for (const c of rec.computed.values()) items.add(c);
        return items;
      },
    };
    return rec;
  }

  /** A fact or field `computed as` an expression: a define of the declared type, read in `scope`. */
  private computedAs(f: A.FactDecl, v: VocabularyInfo, report: Report, scope: () => Scope): DefineSym | undefined {
    const words = f.words.text;
    if (!words || !f.computedAs) return undefined;
    for (const r of f.repeated) report('C308', r, { clause: r.text });
    if (f.absent) report('C318', f.absent, { message: `'${words}' is computed: what its absence means is what its expression gives` });
    if (f.required) report('C318', f.required, { message: `'${words}' is computed, not read from the case: it cannot be required` });
    const declared = f.type ? named(this.type(f.type, v, report), words) : undefined;
    const decl: A.DefineDecl = { kind: 'DefineDecl', words: f.words, expr: f.computedAs, range: f.range };
    if (f.meaning) decl.meaning = f.meaning;
    return { kind: 'define', words, decl, file: v.file, vocabulary: v.name, get scope() { return scope(); }, ...(declared ? { declared } : {}) };
  }

  /** A vocabulary's tables: their columns are names of the vocabulary, or of a record's items (`for each`). */
  private declareTables(v: VocabularyInfo): void {
    const report = this.reporters(v.file);
    const names = new Set<string>();
    for (const t of v.decl.tables) {
      if (!t.name.text) continue;
      if (names.has(t.name.text)) report('C302', t.name, { what: 'table', name: t.name.text });
      names.add(t.name.text);
      const sym = declareTable(t, `${v.name}.${t.name.text}`, v.file);
      let record: RecordSym | undefined;
      if (t.forEach) {
        record = this.record(t.forEach.text, v);
        if (!record) {
          const near = closest(t.forEach.text, [...v.records.keys()]);
          report('C319', t.forEach, { name: t.forEach.text, ...didYouMean(near) });
        }
      }
      v.tables.push(record ? { sym, record } : { sym });
      const into = record ? (record.computed as Map<string, Sym>) : undefined;
      for (const c of sym.columns) {
        const taken = into ? into.has(c.words) || record!.fields.has(c.words) : v.own.has(c.words);
        if (taken) report('C302', c.decl ?? t.name, { what: 'column (a fact, field or column has these words)', name: c.words });
        else if (into) into.set(c.words, c);
        else v.own.add(c);
      }
    }
  }

  /** A fact (or a record's field) from its declaration, after checking it; undefined when it has no words. */
  private fact(f: A.FactDecl, v: VocabularyInfo, report: Report, field: boolean): FactSym | undefined {
    const words = f.words.text;
    if (!words) return undefined;
    for (const r of f.repeated) report('C308', r, { clause: r.text });
    let ty: Ty = ERROR;
    if (!f.type) report('C307', f.words, { what: `Fact '${words}'`, clause: "a type, as in 'number of visits' or 'one of documented, not-documented'" });
    else ty = named(this.type(f.type, v, report), words);
    let id = '';
    let inputs: string[] = [];
    let source: FactSym['source'] = { field: '' };
    if (f.from) {
      if (!fieldPath.test(f.from.text)) report('C318', f.from, { message: `'${f.from.text}' is not a case field: write its path as in the case, names joined by dots (history.visitsCompleted)` });
      id = f.from.text;
      inputs = [f.from.text];
      source = { field: f.from.text };
    } else if (f.computed) {
      const b = builtins[f.computed.text];
      if (!b) {
        const near = closest(f.computed.text, Object.keys(builtins));
        report('C317', f.computed, { name: f.computed.text, ...(near ? didYouMean(near) : { hint: `: the computations are ${Object.keys(builtins).join(', ')}` }) });
      } else {
        if (ty.kind !== 'error' && !sameType(ty, b.ty)) report('C318', f.type ?? f.words, { message: `'${f.computed.text}' gives ${describe(b.ty)}, not ${describe(ty)}` });
        if ((b.item === true) !== field) report('C318', f.computed, { message: b.item ? `'${f.computed.text}' is computed for each item of a list: declare it as a field of a record` : `'${f.computed.text}' is computed for the case, not for an item of a list` });
        id = b.id;
        inputs = [...b.inputs];
        source = { builtin: f.computed.text };
      }
    } else report('C307', f.words, { what: `Fact '${words}'`, clause: "where its value comes from: 'from <case field>' or 'computed by <computation>'" });
    if (f.absent && ty.kind !== 'error') checkAbsent(f.absent, ty, report);
    const sym: FactSym = {
      kind: 'fact',
      words,
      id,
      ty,
      source,
      inputs,
      decl: f,
      vocabulary: v.name,
      file: v.file,
      ...(f.absent ? { absent: f.absent.text } : {}),
      ...(f.meaning ? { meaning: f.meaning.text.replace(/\s*\n\s*/g, ' ') } : {}),
      ...(f.required ? { required: true } : {}),
    };
    return sym;
  }

  /** The type a type expression names. */
  private type(t: A.TypeExpr, v: VocabularyInfo, report: Report): Ty {
    switch (t.base) {
      case 'yes-no': return BOOL;
      case 'text': return TEXT;
      case 'code': return { kind: 'code' };
      case 'date': return t.anyDate ? { kind: 'date', anyDate: true } : DATE;
      case 'one-of': {
        const values = t.values.map((x) => x.text);
        const seen = new Set<string>();
        for (const x of t.values) {
          if (seen.has(x.text)) report('C302', x, { what: 'value', name: x.text });
          seen.add(x.text);
        }
        return { kind: 'enum', values, fact: '' };
      }
      case 'number': {
        let unit: Unit | undefined;
        if (t.unit) {
          const words = t.unit.text.split(' ');
          const [what, sep, per] = words[0] === 'per' ? [undefined, 'per', words[1]] : [words[0], words[1], words[2]];
          unit = sep === undefined || sep === 'per' || sep === 'a' ? unitFromWords(what, per, this.units) : undefined;
          if (!unit) {
            const meant = words.length === 1 ? unitMeant(words[0]!, this.units) : undefined;
            report('P204', t.unit, { text: t.unit.text, hint: words.length === 1 ? notAUnitHint(words[0]!, "a count of anything else is a plain 'number'", this.units) : '', ...(meant ? { replacement: meant } : {}) });
          } else if (!this.unitInScope(unit, v, report, t.unit)) unit = undefined; // (not through scopeFor: a scope made while the vocabularies are declared would miss their facts)
        }
        if (t.min !== undefined && t.max !== undefined && t.max < t.min) report('C309', t, { message: `The range ${t.min} to ${t.max} runs backwards` });
        return numberIn(unit, t.min, t.max);
      }
      case 'list': {
        if (t.record) {
          const r = this.record(t.record.text, v);
          if (!r) {
            const near = closest(t.record.text, [...v.records.keys()]);
            report('C319', t.record, { name: t.record.text, ...didYouMean(near) });
            return ERROR;
          }
          return { kind: 'list', of: { kind: 'record', record: r } };
        }
        const of = t.of ? this.type(t.of, v, report) : ERROR;
        return of.kind === 'error' ? ERROR : { kind: 'list', of };
      }
      case 'class': {
        const of = t.classOf?.text;
        if (of === 'diagnosis' || of === 'surgery') return { kind: 'class', of: of === 'diagnosis' ? 'diagnosis' : 'procedure' };
        report('C318', t.classOf ?? t, { message: "A class type is 'class of diagnosis' or 'class of surgery'" });
        return ERROR;
      }
      case 'record': return ERROR;
    }
  }
}

const keywordSet = new Set(keywords);
/** Names that read otherwise after a number (`3 visits a week`, `rounded down`, `part`): never a unit's words. */
const unitSoftWords = new Set(['a', 'an', 'of', 'up', 'down', 'part', 'use', 'needs', 'half', 'count', 'sum', 'any', 'every', 'no', 'or', 'unit']);

/** An enum type (or a list of one) named after its fact, for messages and same-fact comparisons. */
function named(ty: Ty, words: string): Ty {
  if (ty.kind === 'enum') return { ...ty, fact: words };
  if (ty.kind === 'list' && ty.of.kind === 'enum') return { kind: 'list', of: { ...ty.of, fact: words } };
  return ty;
}

function sameSymbol(a: Sym, b: Sym): boolean {
  if (a === b) return true;
  return a.kind === 'fact' && b.kind === 'fact' && a.id === b.id && sameType(a.ty, b.ty);
}

/** A `when absent` value must be a value of the fact's type. */
function checkAbsent(v: A.Name, ty: Ty, report: Report): void {
  const bad = (expected: string): void => report('C306', v, { value: v.text, fact: 'this fact', expected });
  switch (ty.kind) {
    case 'bool': if (v.text !== 'yes' && v.text !== 'no') report('C306', v, { ...notAValue(v.text, 'this fact', ['yes', 'no']), expected: 'yes or no' }); return;
    case 'enum': if (!ty.values.includes(v.text)) report('C306', v, notAValue(v.text, 'this fact', ty.values)); return;
    case 'number': if (!/^\d+(\.\d+)?$/.test(v.text)) bad('a number'); return;
    case 'list': if (v.text !== 'empty') bad("'empty'"); return;
    case 'text': return;
    default: bad('nothing: a fact of this type is unknown when absent');
  }
}

/** How two facts of one case field read it differently, in words ("as a date, here as a text"), or undefined when alike. */
function readsApart(a: FactSym, b: FactSym): string | undefined {
  // The values of a `one of` in any order; bounds aside (a case beyond the first's is refused, not misread).
  const type = (t: Ty): string => {
    if (t.kind === 'date') return t.anyDate ? 'any date' : 'a date never after the review date';
    if (t.kind === 'enum') return `one of ${[...t.values].sort().join(', ')}`;
    return describe(t);
  };
  const [x, y] = [type(a.ty), type(b.ty)];
  if (x !== y || (a.ty.kind !== 'enum' && !sameType(a.ty, b.ty))) return `as ${x}, here as ${y}`;
  const absent = (f: FactSym): string => (f.absent === undefined ? (f.required ? 'required' : 'unknown when absent') : `${f.absent} when absent`);
  if (absent(a) !== absent(b)) return `${absent(a)}, here ${absent(b)}`;
  return undefined;
}
