// The grammar of vocabularies: the facts a guideline may speak of (their words, type, unit, the case
// field read or the built-in computation, what absence means and what they mean), the records of
// list facts, and named conditions and values (`define`).
import { tokenMatcher, type IToken } from 'chevrotain';
import type * as A from '../ast.ts';
import * as T from '../tokens.ts';
import { DeclarationParser } from './declarations.ts';
import { joinedName, L, name, noRange, stringName, valid } from './base.ts';

/** Tokens a case field's path is made of (`history.visitsCompleted` lexes as several). */
const pathTokens = new Set([T.Identifier, T.UpperName, T.CodePattern, T.NumberLiteral, T.Dot]);
/** The words a type begins with (soft keywords). */
const typeWords = new Set(['yes', 'one', 'number', 'date', 'any', 'text', 'code', 'list']);

type FactOption = { kw?: IToken; path?: A.Name; computed?: IToken; computedAs?: A.Expr; absent?: IToken; required?: IToken };

export class VocabularyParser extends DeclarationParser {
  // vocabularyDecl := 'vocabulary' declName STRING? ('uses' nameList)?
  vocabularyDecl = this.rule('vocabularyDecl', (): A.VocabularyDecl => {
    const from = this.here();
    let nm: IToken | undefined;
    let title: IToken | undefined;
    let uses: IToken[] = [];
    try {
      this.CONSUME(T.VocabularyKw);
      nm = this.SUBRULE(this.declName);
      this.OPTION(() => { title = this.CONSUME(T.StringLiteral, L.title); });
      this.OPTION2(() => { this.CONSUME(T.UsesKw); uses = this.SUBRULE(this.nameList, L.vocabulary); });
    } catch (e) {
      throw this.unfinished(e, this.vocabularyOf(from, nm, title, uses));
    }
    return this.vocabularyOf(from, nm, title, uses);
  });

  private vocabularyOf(from: number, nm: IToken | undefined, title: IToken | undefined, uses: IToken[]): A.VocabularyDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const v: A.VocabularyDecl = { kind: 'VocabularyDecl', range, name: nm ? name(nm) : { kind: 'Name', text: '', range }, uses: (uses ?? []).filter(valid).map(name), facts: [], records: [], defines: [], tables: [], criteria: [], units: [], repeated: [] };
    if (valid(title)) v.title = stringName(title);
    return v;
  }

  // unitDecl := "unit" declName ',' declName STRING?
  unitDecl = this.rule('unitDecl', (): A.UnitDecl => {
    const from = this.here();
    let one: IToken | undefined;
    let many: IToken | undefined;
    let meaning: IToken | undefined;
    try {
      this.softKeyword('unit', 1);
      one = this.SUBRULE(this.declName);
      this.CONSUME(T.Comma);
      many = this.SUBRULE2(this.declName);
      this.OPTION(() => { meaning = this.CONSUME(T.StringLiteral, L.meaning); });
    } catch (e) {
      throw this.unfinished(e, this.unitOf(from, one, many, meaning));
    }
    return this.unitOf(from, one, many, meaning);
  });

  private unitOf(from: number, one: IToken | undefined, many: IToken | undefined, meaning: IToken | undefined): A.UnitDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const u: A.UnitDecl = { kind: 'UnitDecl', range, one: one ? name(one) : { kind: 'Name', text: '', range }, many: many ? name(many) : { kind: 'Name', text: '', range } };
    if (valid(meaning)) u.meaning = stringName(meaning);
    return u;
  }

  // The words of a fact or define. A reserved word is taken too (and reported, P206) where only
  // words lie between it and what ends them (`fact requested procedure code:`), so that the one
  // mistake is named as such, at the word, rather than as a ':' missing and a declaration that
  // the keyword would start.
  private readonly declWords = [
    { ALT: () => this.CONSUME(T.Identifier, L.word) },
    { ALT: () => this.reservedWord(this.CONSUME(T.ReservedWord, L.reserved)) },
  ];

  /**
   * Whether a word comes next: a name, or a reserved word in a run of words that a ':' ends (or, with
   * `meaning`, a quoted meaning and then the ':', as a define has). The file is split into
   * declarations the same way (`amongWords` in parse.ts).
   */
  private wordAhead(meaning: boolean): boolean {
    if (this.RECORDING_PHASE) return true;
    for (let k = 1; ; k++) {
      const t = this.LA(k);
      if (k === 1 && t.tokenType === T.Identifier) return true;
      if (k > 1 && t.tokenType === T.Colon) return true;
      if (k > 1 && meaning && t.tokenType === T.StringLiteral) return this.LA(k + 1).tokenType === T.Colon;
      if (t.tokenType !== T.Identifier && !tokenMatcher(t, T.ReservedWord)) return false;
    }
  }

  // factDecl := ('fact' | 'field') NAME+ ':' typeExpr (',' factOption)* STRING?
  factDecl = this.rule('factDecl', (): A.FactDecl => {
    const from = this.here();
    let role: 'fact' | 'field' = 'fact';
    const words: IToken[] = [];
    let type: A.TypeExpr | undefined;
    const options: FactOption[] = [];
    let meaning: IToken | undefined;
    try {
      this.OR([{ ALT: () => this.CONSUME(T.FactKw) }, { ALT: () => { this.CONSUME(T.FieldKw); role = 'field'; } }]);
      this.AT_LEAST_ONE({ GATE: () => this.wordAhead(false), DEF: () => { words.push(this.OR2(this.declWords)); } });
      this.CONSUME(T.Colon);
      type = this.SUBRULE(this.typeExpr);
      this.MANY(() => { this.CONSUME(T.Comma); options.push(this.SUBRULE(this.factOption)); });
      this.OPTION(() => { meaning = this.CONSUME(T.StringLiteral, L.meaning); });
    } catch (e) {
      const inner = this.inner<A.TypeExpr & FactOption>(e);
      if (inner && type === undefined && (inner as A.TypeExpr).kind === 'TypeExpr') type = inner as A.TypeExpr;
      else if (inner && type !== undefined) options.push(inner);
      throw this.unfinished(e, this.factDeclOf(from, role, words, type, options, meaning));
    }
    return this.factDeclOf(from, role, words, type, options, meaning);
  });

  private factDeclOf(from: number, role: 'fact' | 'field', words: IToken[], type: A.TypeExpr | undefined, options: FactOption[], meaning: IToken | undefined): A.FactDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const f: A.FactDecl = { kind: 'FactDecl', role, range, words: joinedName(words, ' ') ?? { kind: 'Name', text: '', range }, repeated: [] };
    if (type) f.type = type;
    for (const o of options) {
      const once = (present: boolean): boolean => {
        if (present && valid(o.kw)) f.repeated.push(name(o.kw));
        return !present;
      };
      const sourced = f.from !== undefined || f.computed !== undefined || f.computedAs !== undefined;
      if (o.path && once(sourced)) f.from = o.path;
      else if (valid(o.computed) && once(sourced)) f.computed = name(o.computed);
      else if (o.computedAs && once(sourced)) f.computedAs = o.computedAs;
      else if (valid(o.absent) && once(f.absent !== undefined)) f.absent = o.absent.image.startsWith('"') ? stringName(o.absent) : name(o.absent);
      else if (valid(o.required) && once(f.required !== undefined)) f.required = name(o.required);
    }
    if (valid(meaning)) f.meaning = stringName(meaning);
    return f;
  }

  // factOption := 'from' fieldPath | "computed" "by" NAME | "computed" "as" expr | "required"
  //             | 'when' "absent" (NAME | NUMBER | STRING | 'empty')
  factOption = this.rule('factOption', (): FactOption => {
    const o: FactOption = {};
    this.OR([
      { ALT: () => { o.kw = this.CONSUME(T.FromKw); o.path = this.SUBRULE(this.fieldPath, L.path); } },
      { GATE: () => this.nextIs('computed') && this.nextIs('as', 2), ALT: () => { o.kw = this.softKeyword('computed', 7); this.softKeyword('as', 8); o.computedAs = this.SUBRULE(this.expr, L.value); } },
      { GATE: () => this.nextIs('computed'), ALT: () => { o.kw = this.softKeyword('computed', 1); this.softKeyword('by', 2); o.computed = this.CONSUME3(T.Identifier, L.builtin); } },
      { GATE: () => this.nextIs('required'), ALT: () => { o.kw = o.required = this.softKeyword('required', 6); } },
      {
        ALT: () => {
          o.kw = this.CONSUME(T.WhenKw);
          this.softKeyword('absent', 4);
          o.absent = this.OR2([
            { ALT: () => this.CONSUME5(T.Identifier, L.absent) },
            { ALT: () => this.CONSUME(T.NumberLiteral, L.absent) },
            { ALT: () => this.CONSUME(T.StringLiteral, L.absent) },
            { ALT: () => this.CONSUME(T.EmptyKw, L.absent) },
          ]);
        },
      },
    ]);
    return o;
  });

  // fieldPath := NAME ANY*          (the tokens of a case field's path, written without spaces: history.visitsCompleted)
  fieldPath = this.rule('fieldPath', (): A.Name => {
    const parts: IToken[] = [this.CONSUME(T.Identifier, L.path)];
    this.MANY({
      GATE: () => {
        const prev = this.tokens[this.currIdx];
        const next = this.LA(1);
        return prev !== undefined && next.startOffset === prev.endOffset! + 1 && (pathTokens.has(next.tokenType) || next.tokenType.CATEGORIES?.includes(T.ReservedWord) === true);
      },
      DEF: () => { parts.push(this.CONSUME(T.AnyToken, L.path)); },
    });
    if (this.RECORDING_PHASE) return undefined as never;
    return joinedName(parts, '') ?? { kind: 'Name', text: '', range: noRange() };
  });

  // typeExpr := "yes" 'or' "no" | "one" "of" typeValue ((',' | 'or') typeValue)*
  //           | "number" (("of" | 'in')? unitPhrase)? ('from' NUMBER 'to' NUMBER)? | "date" | 'class' "of" NAME
  //           | "any" "date" | "text" | "code" | "list" "of" (typeExpr | NAME)
  typeExpr = this.rule('typeExpr', (): A.TypeExpr => {
    const from = this.here();
    const t: A.TypeExpr = { kind: 'TypeExpr', base: 'text', values: [], range: noRange() };
    const finish = (): A.TypeExpr => {
      if (!this.RECORDING_PHASE) t.range = this.rangeFrom(from) ?? noRange();
      return t;
    };
    try {
      this.OR([
        { GATE: () => this.nextIs('yes'), ALT: () => { this.softKeyword('yes', 1); this.CONSUME(T.OrKw); this.softKeyword('no', 2); t.base = 'yes-no'; } },
        {
          GATE: () => this.nextIs('one'),
          ALT: () => {
            this.softKeyword('one', 3);
            this.softKeyword('of', 4);
            t.base = 'one-of';
            t.values.push(this.SUBRULE(this.typeValue));
            this.MANY({
              // A comma before 'from', 'computed by' or 'when absent' ends the values.
              GATE: () => (this.LA(1).tokenType === T.Comma || this.LA(1).tokenType === T.OrKw) && this.valueAhead(),
              DEF: () => { this.OR2([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME2(T.OrKw) }]); t.values.push(this.SUBRULE2(this.typeValue)); },
            });
          },
        },
        {
          GATE: () => this.nextIs('number'),
          ALT: () => {
            this.softKeyword('number', 5);
            t.base = 'number';
            this.OPTION({
              GATE: () => this.nextIs('of') || this.LA(1).tokenType === T.InKw || this.LA(1).tokenType === T.PerKw,
              DEF: () => {
              this.OPTION3(() => this.OR3([{ GATE: () => this.nextIs('of'), ALT: () => this.softKeyword('of', 6) }, { ALT: () => this.CONSUME(T.InKw) }]));
              const from2 = this.here();
              const u = this.SUBRULE(this.unitPhrase);
              if (!this.RECORDING_PHASE) {
                const ts = [u.what, u.perWord, u.per].filter(valid);
                const r = this.rangeFrom(from2);
                if (ts.length && r) t.unit = { kind: 'Name', text: ts.map((x) => x.image).join(' '), range: r };
              }
              },
            });
            this.OPTION2(() => {
              this.CONSUME(T.FromKw);
              t.min = Number(this.CONSUME(T.NumberLiteral, L.min).image);
              this.CONSUME(T.ToKw);
              t.max = Number(this.CONSUME2(T.NumberLiteral, L.max).image);
            });
          },
        },
        { GATE: () => this.nextIs('date'), ALT: () => { this.softKeyword('date', 7); t.base = 'date'; } },
        { ALT: () => { this.CONSUME(T.ClassKw); this.softKeyword('of', 15); const w = this.consume(16, T.Identifier, L.value); t.base = 'class'; if (valid(w)) t.classOf = name(w); } },
        { GATE: () => this.nextIs('any') && this.nextIs('date', 2), ALT: () => { this.softKeyword('any', 8); this.softKeyword('date', 9); t.base = 'date'; t.anyDate = true; } },
        { GATE: () => this.nextIs('text'), ALT: () => { this.softKeyword('text', 10); t.base = 'text'; } },
        { GATE: () => this.nextIs('code'), ALT: () => { this.softKeyword('code', 11); t.base = 'code'; } },
        {
          GATE: () => this.nextIs('list'),
          ALT: () => {
            this.softKeyword('list', 12);
            this.softKeyword('of', 13);
            t.base = 'list';
            this.OR4([
              { GATE: () => typeWords.has(this.LA(1).image), ALT: () => { t.of = this.SUBRULE(this.typeExpr); } },
              { ALT: () => { const r = this.consume(14, T.Identifier, L.record); if (valid(r)) t.record = name(r); } },
            ]);
          },
        },
      ]);
    } catch (e) {
      throw this.unfinished(e, finish());
    }
    return finish();
  });

  /** After a comma or 'or' in a `one of` list: whether another value follows (not a fact option). */
  private valueAhead(): boolean {
    const t = this.LA(2);
    if (t.tokenType === T.StringLiteral) return true;
    if (t.tokenType !== T.Identifier) return false;
    return !(t.image === 'computed' && (this.nextIs('by', 3) || this.nextIs('as', 3)));
  }

  // typeValue := NAME | STRING
  typeValue = this.rule('typeValue', (): A.Name => {
    const t = this.OR([{ ALT: () => this.CONSUME(T.Identifier, L.value) }, { ALT: () => this.CONSUME(T.StringLiteral, L.value) }]);
    if (this.RECORDING_PHASE) return undefined as never;
    return t.image.startsWith('"') ? stringName(t) : name(t);
  });

  // recordDecl := 'record' declName STRING?
  recordDecl = this.rule('recordDecl', (): A.RecordDecl => {
    const from = this.here();
    let nm: IToken | undefined;
    let title: IToken | undefined;
    try {
      this.CONSUME(T.RecordKw);
      nm = this.SUBRULE(this.declName);
      this.OPTION(() => { title = this.CONSUME(T.StringLiteral, L.title); });
    } catch (e) {
      throw this.unfinished(e, this.recordOf(from, nm, title));
    }
    return this.recordOf(from, nm, title);
  });

  private recordOf(from: number, nm: IToken | undefined, title: IToken | undefined): A.RecordDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const r: A.RecordDecl = { kind: 'RecordDecl', range, name: nm ? name(nm) : { kind: 'Name', text: '', range }, fields: [] };
    if (valid(title)) r.title = stringName(title);
    return r;
  }

  // defineDecl := 'define' NAME+ STRING? ':' expr
  defineDecl = this.rule('defineDecl', (): A.DefineDecl => {
    const from = this.here();
    const words: IToken[] = [];
    let meaning: IToken | undefined;
    let expr: A.Expr | undefined;
    try {
      this.CONSUME(T.DefineKw);
      this.AT_LEAST_ONE({ GATE: () => this.wordAhead(true), DEF: () => { words.push(this.OR(this.declWords)); } });
      this.OPTION(() => { meaning = this.CONSUME(T.StringLiteral, L.meaning); });
      this.CONSUME(T.Colon);
      expr = this.SUBRULE(this.expr, L.value);
    } catch (e) {
      expr ??= this.inner<A.Expr>(e);
      throw this.unfinished(e, this.defineOf(from, words, meaning, expr));
    }
    return this.defineOf(from, words, meaning, expr);
  });

  private defineOf(from: number, words: IToken[], meaning: IToken | undefined, expr: A.Expr | undefined): A.DefineDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const d: A.DefineDecl = { kind: 'DefineDecl', range, words: joinedName(words, ' ') ?? { kind: 'Name', text: '', range } };
    if (valid(meaning)) d.meaning = stringName(meaning);
    if (expr) d.expr = expr;
    return d;
  }
}
