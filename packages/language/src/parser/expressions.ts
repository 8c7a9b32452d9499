// The grammar of conditions and values: and/or/not, comparisons and `is` tests, arithmetic, facts in
// words, quantities with units, time since a date, and counts, sums and quantifiers over lists.
import { EOF, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type * as A from '../ast.ts';
import type { Range } from '../diagnostics.ts';
import * as T from '../tokens.ts';
import { baseUnitOf, isTimeUnit, isUnitWord, unitFromWords } from '../units.ts';
import { L, noRange, ParserBase, stringName, tokenRange, unquote, valid, name } from './base.ts';

const comparisonSymbols = [T.LessEq, T.GreaterEq, T.NotEq, T.Less, T.Greater, T.Equals];
/** Tokens that may follow a fact word in an expression (used to tell `a or b` values from `or <fact> ...`). */
const continuesExpression = new Set<TokenType>([T.Identifier, T.IsKw, T.WithinKw, T.IncludesKw, T.SinceKw, T.FromKw, T.Plus, T.Minus, T.Star, T.Slash, T.LParen, ...comparisonSymbols]);
const quantifiers: Record<string, A.QuantifiedExpr['quantifier']> = { any: 'some', every: 'every', no: 'no' };
/** What follows `part <name>` when it begins a part: its title, a clause, the next criterion, or the end. */
const partFollowers = new Set<TokenType>([T.StringLiteral, T.RequireKw, T.OtherwiseKw, T.WhenKw, T.CriterionKw, EOF]);

type IsTest = { op?: IToken; within?: IToken; right?: A.Expr; ago?: boolean; negated?: boolean; known?: boolean; unknown?: boolean; empty?: boolean; onFile?: boolean; values?: A.Name[] };
type Tail = { op?: IToken; within?: IToken; right?: A.Expr; test?: IsTest; includes?: A.Name[] };

export class ExpressionParser extends ParserBase {
  // Alternatives that only take a token are made once: an OR's array of closures, built on every
  // call, was a good part of what parsing allocated.
  private readonly comparisonOps = comparisonSymbols.map((t) => ({ ALT: () => this.CONSUME(t, L.op) }));
  private readonly addOps = [{ ALT: () => this.CONSUME(T.Plus, L.op) }, { ALT: () => this.CONSUME(T.Minus, L.op) }];
  private readonly mulOps = [{ ALT: () => this.CONSUME(T.Star, L.op) }, { ALT: () => this.CONSUME(T.Slash, L.op) }];
  private readonly valueSeparators = [{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.OrKw) }];

  // Expressions: every operand passes through all seven levels; a level with one operand hands it on
  // without building a range or an array.

  // expr := andExpr ('or' andExpr)*
  expr = this.rule('expr', (): A.Expr => this.boolLevel(this.andExpr, T.OrKw, 'or'));

  // andExpr := notExpr ('and' notExpr)*
  andExpr = this.rule('andExpr', (): A.Expr => this.boolLevel(this.notExpr, T.AndKw, 'and'));

  /** The body of expr and andExpr: operands joined by one keyword. */
  private boolLevel(operand: ParserMethod<[], A.Expr>, keyword: TokenType, op: 'and' | 'or'): A.Expr {
    const from = this.here();
    let first: A.Expr | undefined;
    let operands: A.Expr[] | undefined;
    try {
      first = this.SUBRULE(operand, L.operand);
      if (!this.mayTake(keyword)) return first;
      const all = (operands = [first]);
      this.MANY(() => { this.CONSUME(keyword); all.push(this.SUBRULE2(operand, L.operand)); });
    } catch (e) {
      throw this.unfinished(e, this.boolOf(from, op, operands ?? (first ? [first] : []), this.inner(e)));
    }
    return operands.length === 1 ? operands[0]! : this.boolOf(from, op, operands, undefined);
  }

  private boolOf(from: number, op: 'and' | 'or', operands: A.Expr[], unfinished: A.Expr | undefined): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    if (unfinished) operands.push(unfinished);
    if (operands.length === 1) return operands[0]!;
    const range = this.rangeFrom(from) ?? noRange();
    if (operands.length === 0) return { kind: 'ErrorExpr', range };
    return { kind: 'BoolExpr', op, operands, range };
  }

  // notExpr := 'not'* comparison
  // A loop, not a rule that calls itself: a run of 'not's then costs the parser no stack, however
  // long (parse.ts refuses one past the expression depth limit, P207, before any pass recurses).
  notExpr = this.rule('notExpr', (): A.Expr => {
    const from = this.here();
    const nots: number[] = [];
    try {
      if (this.mayTake(T.NotKw)) this.MANY(this.negation(nots));
      return this.negated(from, nots, this.SUBRULE(this.comparison));
    } catch (err) {
      // What is unfinished is the negated operand.
      throw this.unfinished(err, this.negated(from, nots, this.inner(err)));
    }
  });

  /** One 'not' of a run, remembered by its token's index. */
  private negation(nots: number[]): () => void {
    return () => {
      nots.push(this.here());
      this.CONSUME(T.NotKw, L.negated);
    };
  }

  /** An operand under the run of 'not's before it, the innermost first (each NotExpr spans from its 'not'). */
  private negated(from: number, nots: number[], e: A.Expr | undefined): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    if (nots.length === 0) return this.notOf(from, false, e);
    for (let i = nots.length - 1; i >= 0; i--) e = this.notOf(nots[i]!, true, e);
    return e!;
  }

  private notOf(from: number, negated: boolean, e: A.Expr | undefined): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    if (negated && e) return { kind: 'NotExpr', operand: e, range: this.rangeFrom(from) ?? noRange() };
    return e ?? { kind: 'ErrorExpr', range: this.rangeFrom(from) ?? noRange() };
  }

  // comparison := additive (('<=' | '<' | '>=' | '>' | '=' | '!=') additive | 'is' isTest | 'within' additive | 'includes' valueList)?
  comparison = this.rule('comparison', (): A.Expr => {
    const from = this.here();
    let left: A.Expr | undefined;
    let afterLeft = -1;
    try {
      left = this.SUBRULE(this.additive, L.left);
      afterLeft = this.currIdx;
      const tail = this.OPTION(this.comparisonTail);
      if (tail === undefined) return left;
      return this.comparisonOf(from, left, tail);
    } catch (e) {
      const inner = this.inner<A.Expr & IsTest & A.Name[]>(e);
      if (afterLeft < 0) return this.rethrow(e, this.comparisonOf(from, inner, {}));
      // The token after the left side chose the alternative, and was taken; what is unfinished is the rest.
      const t = this.tokens[afterLeft + 1]!;
      if (t.tokenType === T.IsKw) throw this.unfinished(e, this.comparisonOf(from, left, { test: inner }));
      if (t.tokenType === T.WithinKw) throw this.unfinished(e, this.comparisonOf(from, left, { within: t, right: inner }));
      if (t.tokenType === T.IncludesKw) throw this.unfinished(e, this.comparisonOf(from, left, { includes: Array.isArray(inner) ? inner : [] }));
      throw this.unfinished(e, this.comparisonOf(from, left, { op: t, right: inner }));
    }
  });
  private rethrow(e: unknown, partial: unknown): never {
    throw this.unfinished(e, partial);
  }
  private readonly comparisonTail = (): Tail => this.OR(this.comparisonTails);
  private readonly comparisonTails = [
    { ALT: (): Tail => ({ op: this.OR2(this.comparisonOps), right: this.SUBRULE2(this.additive, L.right) }) },
    { ALT: (): Tail => { this.CONSUME(T.IsKw); return { test: this.SUBRULE(this.isTest) }; } },
    { ALT: (): Tail => ({ within: this.CONSUME(T.WithinKw, L.within), right: this.SUBRULE3(this.additive, L.right) }) },
    { ALT: (): Tail => { this.CONSUME(T.IncludesKw); return { includes: this.SUBRULE(this.valueList) }; } },
  ];

  private comparisonOf(from: number, left: A.Expr | undefined, t: Tail): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const l = left ?? { kind: 'ErrorExpr', range };
    if (valid(t.op)) return { kind: 'CompareExpr', op: t.op.image as A.CompareOp, left: l, right: t.right ?? { kind: 'ErrorExpr', range }, range };
    if (valid(t.within) && t.right) return { kind: 'CompareExpr', op: '<=', left: l, right: t.right, elapsed: 'within', range };
    if (t.includes) return { kind: 'IncludesExpr', subject: l, values: t.includes, range };
    return t.test ? isTestOf(t.test, l, range) : l;
  }

  // isTest := 'not'? ('known' | 'unknown' | 'empty' | "on" "file" | valueList) | 'at' ('most' | 'least') additive
  //         | ('more' | 'less' | 'fewer') 'than' additive 'ago'? | 'within' additive
  isTest = this.rule('isTest', (): IsTest => {
    const t: IsTest = {};
    let list = false;
    try {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.AtKw);
            this.OR2([{ ALT: () => { t.op = this.CONSUME(T.MostKw, L.op); } }, { ALT: () => { t.op = this.CONSUME(T.LeastKw, L.op); } }]);
            t.right = this.SUBRULE(this.additive, L.right);
          },
        },
        {
          ALT: () => {
            this.OR3([{ ALT: () => { t.op = this.CONSUME(T.MoreKw, L.op); } }, { ALT: () => { t.op = this.CONSUME(T.LessKw, L.op); } }, { ALT: () => { t.op = this.CONSUME(T.FewerKw, L.op); } }]);
            this.CONSUME(T.ThanKw);
            t.right = this.SUBRULE2(this.additive, L.right);
            this.OPTION(() => { t.ago = valid(this.CONSUME(T.AgoKw, L.ago)); });
          },
        },
        { ALT: () => { t.within = this.CONSUME(T.WithinKw, L.within); t.right = this.SUBRULE3(this.additive, L.right); } },
        {
          ALT: () => {
            this.OPTION2(() => { t.negated = valid(this.CONSUME(T.NotKw, L.negated)); });
            this.OR4([
              { ALT: () => { t.known = valid(this.CONSUME(T.KnownKw, L.known)); } },
              { ALT: () => { t.unknown = valid(this.CONSUME(T.UnknownKw, L.unknown)); } },
              { ALT: () => { t.empty = valid(this.CONSUME(T.EmptyKw)); } },
              // `on file`: two words no value list holds (values are separated by commas or `or`).
              { GATE: () => this.nextIs('on') && this.nextIs('file', 2), ALT: () => { this.softKeyword('on', 1); t.onFile = valid(this.softKeyword('file', 2)); } },
              { ALT: () => { list = true; t.values = this.SUBRULE(this.valueList); } },
            ]);
          },
        },
      ]);
    } catch (e) {
      const inner = this.inner<A.Expr & A.Name[]>(e);
      if (inner) {
        if (list) t.values = inner;
        else t.right = inner;
      }
      throw this.unfinished(e, t);
    }
    return t;
  });

  // valueList := value (',' value | 'or' value)*     ('or' joins values only when no fact test follows)
  valueList = this.rule('valueList', (): A.Name[] => {
    const values: A.Name[] = [];
    const add = (v: A.Name | undefined): void => {
      if (v) values.push(v);
    };
    try {
      add(this.SUBRULE(this.value));
      this.MANY({
        GATE: () => this.LA(1).tokenType === T.Comma || (this.LA(1).tokenType === T.OrKw && this.orJoinsValues()),
        DEF: () => {
          this.OR(this.valueSeparators);
          add(this.SUBRULE2(this.value));
        },
      });
    } catch (e) {
      throw this.unfinished(e, values);
    }
    return values;
  });

  // value := NAME | STRING | UPPER | CODE ('-' CODE)? | NUMBER ('-' NUMBER)?      (a range of codes: C00-D49, 97110-97546)
  value = this.rule('value', (): A.Name | undefined => {
    let first: IToken | undefined;
    let last: IToken | undefined;
    this.OR([
      { ALT: () => { first = this.CONSUME(T.Identifier, L.v); } },
      { ALT: () => { first = this.CONSUME(T.StringLiteral, L.v); } },
      { ALT: () => { first = this.CONSUME(T.UpperName, L.v); } },
      { ALT: () => { first = this.CONSUME(T.CodePattern, L.v); this.OPTION(() => { this.CONSUME(T.Minus); last = this.CONSUME2(T.CodePattern, L.v); }); } },
      { ALT: () => { first = this.CONSUME(T.NumberLiteral, L.v); this.OPTION2(() => { this.CONSUME2(T.Minus); last = this.CONSUME2(T.NumberLiteral, L.v); }); } },
    ]);
    if (this.RECORDING_PHASE || !valid(first)) return undefined;
    if (first.image.startsWith('"')) return stringName(first);
    if (valid(last)) return { kind: 'Name', text: `${first.image}-${last.image}`, range: { start: first.startOffset, end: last.endOffset! + 1 } };
    return name(first);
  });

  // additive := multiplicative (('+' | '-') multiplicative)* (','? 'rounded' ('up' | "down")?)?
  additive = this.rule('additive', (): A.Expr => {
    const from = this.here();
    const sum = this.arithLevel(this.multiplicative, this.addOps, T.Plus, T.Minus);
    if (!this.mayTake(T.RoundedKw, T.Comma)) return sum;
    const how = this.OPTION({
      GATE: () => this.LA(1).tokenType === T.RoundedKw || (this.LA(1).tokenType === T.Comma && this.LA(2).tokenType === T.RoundedKw),
      DEF: () => {
        this.OPTION2(() => this.CONSUME(T.Comma));
        this.CONSUME(T.RoundedKw);
        return this.OPTION3(() => this.OR2([{ ALT: () => this.CONSUME(T.UpKw, L.how) }, { ALT: () => this.CONSUME(T.Identifier, L.how) }]));
      },
    });
    if (this.RECORDING_PHASE || how === undefined) return sum;
    const word = valid(how) ? how.image : 'nearest';
    if (word !== 'up' && word !== 'down' && word !== 'nearest') this.reports.push({ code: 'P202', range: tokenRange(how!), data: { message: `Write 'rounded down' or 'rounded up', not 'rounded ${word}'` } });
    return { kind: 'RoundExpr', how: word === 'up' ? 'up' : word === 'down' ? 'down' : 'nearest', inner: sum, range: this.rangeFrom(from) ?? sum.range };
  });

  // multiplicative := primary (('*' | '/') primary)*
  multiplicative = this.rule('multiplicative', (): A.Expr => this.arithLevel(this.primary, this.mulOps, T.Star, T.Slash));

  /** The body of additive and multiplicative: operands joined by operators, folded to the left. */
  private arithLevel(operand: ParserMethod<[], A.Expr>, ops: { ALT: () => IToken }[], op1: TokenType, op2: TokenType): A.Expr {
    const from = this.here();
    let first: A.Expr | undefined;
    let operands: A.Expr[] | undefined;
    let signs: IToken[] | undefined;
    try {
      first = this.SUBRULE(operand, L.operand);
      if (!this.mayTake(op1, op2)) return first;
      const all = (operands = [first]);
      const taken: IToken[] = (signs = []);
      this.MANY(() => {
        taken.push(this.OR(ops));
        all.push(this.SUBRULE2(operand, L.operand));
      });
    } catch (e) {
      throw this.unfinished(e, this.arithOf(from, operands ?? (first ? [first] : []), signs ?? [], this.inner(e)));
    }
    return operands.length === 1 ? operands[0]! : this.arithOf(from, operands, signs, undefined);
  }

  private arithOf(from: number, operands: A.Expr[], signs: IToken[], unfinished: A.Expr | undefined): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    if (unfinished) operands.push(unfinished);
    if (operands.length === 0) return { kind: 'ErrorExpr', range: this.rangeFrom(from) ?? noRange() };
    const ops = signs.filter(valid);
    let acc = operands[0]!;
    for (let i = 1; i < operands.length; i++) {
      const right = operands[i]!;
      acc = { kind: 'ArithExpr', op: (ops[i - 1]?.image ?? '+') as A.ArithExpr['op'], left: acc, right, range: { start: acc.range.start, end: right.range.end } };
    }
    return acc;
  }

  // primary := NUMBER unitPhrase? | aggregate | quantified | latest | since | "half" "of" primary
  //          | NAME+ | DATE | STRING | '(' expr ')'
  primary = this.rule('primary', (): A.Expr => {
    const from = this.here();
    try {
      return this.OR(this.primaries);
    } catch (err) {
      const t = this.tokens[from];
      if (t?.tokenType === T.NumberLiteral) throw this.unfinished(err, this.quantityOf(from, t, undefined, undefined, undefined));
      const inner = this.inner<A.Expr>(err);
      if (t?.tokenType === T.LParen) throw this.unfinished(err, this.parenOf(from, inner ?? this.parenthesised));
      throw this.unfinished(err, inner ?? { kind: 'ErrorExpr', range: this.rangeFrom(from) ?? noRange() });
    }
  });
  /** The expression in the parenthesis being closed (for a ')' missing). */
  private parenthesised: A.Expr | undefined;
  /** The words of the fact name being read (no rule runs while they are). */
  private words: IToken[] = [];
  /** Set while the words of a list before `by` are read (`the latest <list> by <field>`): `by` ends them. */
  private byEnds = false;
  private readonly word = {
    // A fact's words stop where a clause that starts with a soft keyword begins: a bare yes-or-no
    // fact at the end of a condition is followed by `part`, `use criterion` or `needs clinical review`.
    GATE: (): boolean => !this.clauseAhead() && !(this.byEnds && this.nextIs('by')),
    DEF: (): void => {
      this.words.push(this.CONSUME3(T.Identifier, L.word));
    },
  };

  /**
   * Whether the words from token `k` on begin a clause or declaration (`part x "..."`, `use
   * criterion`, `needs clinical review`), not more of a fact's words.
   */
  private clauseAhead(k = 1): boolean {
    if (this.nextIs('use', k)) return this.LA(k + 1).tokenType === T.CriterionKw;
    if (this.nextIs('unit', k)) return this.unitDeclAhead(k);
    if (this.nextIs('needs', k)) return this.nextIs('clinical', k + 1) && this.nextIs('review', k + 2);
    if (!this.nextIs('part', k) || this.LA(k + 1).tokenType !== T.Identifier) return false;
    return partFollowers.has(this.LA(k + 2).tokenType) || this.nextIs('part', k + 2);
  }
  private readonly primaries = [
    {
      ALT: (): A.Expr => {
        const from = this.here();
        const num = this.CONSUME(T.NumberLiteral, L.number);
        const unit = this.mayTake(T.PerKw, T.Identifier) ? this.OPTION(this.unitPhraseOption) : undefined;
        return this.quantityOf(from, num, unit?.what, unit?.per, unit?.perWord);
      },
    },
    { GATE: () => (this.nextIs('count') || this.nextIs('sum')) && this.nextIs('of', 2), ALT: (): A.Expr => this.SUBRULE(this.aggregate) },
    { GATE: () => this.quantifierAhead(), ALT: (): A.Expr => this.SUBRULE(this.quantified) },
    { GATE: () => this.nextIs('the') && (this.nextIs('latest', 2) || this.nextIs('earliest', 2)) && this.LA(3).tokenType === T.Identifier, ALT: (): A.Expr => this.SUBRULE(this.latest) },
    { GATE: () => (this.LA(2).tokenType === T.SinceKw || this.LA(2).tokenType === T.FromKw) && this.LA(1).tokenType === T.Identifier && isTimeUnit(baseUnitOf(this.LA(1).image)), ALT: (): A.Expr => this.SUBRULE(this.since) },
    {
      GATE: () => this.nextIs('half') && this.nextIs('of', 2),
      ALT: (): A.Expr => {
        const from = this.here();
        this.softKeyword('half', 4);
        this.softKeyword('of', 5);
        const inner = this.SUBRULE(this.primary, L.inner);
        if (this.RECORDING_PHASE) return undefined as never;
        const range = this.rangeFrom(from) ?? inner.range;
        return { kind: 'ArithExpr', op: '/', left: inner, right: { kind: 'Quantity', value: 2, range: { start: range.start, end: range.start + 4 } }, range };
      },
    },
    {
      ALT: (): A.Expr => {
        const from = this.here();
        const words: IToken[] = (this.words = []);
        this.AT_LEAST_ONE(this.word);
        return this.factOf(from, words);
      },
    },
    { ALT: (): A.Expr => { const d = this.CONSUME(T.DateLiteral, L.date); return valid(d) ? { kind: 'DateLit', value: d.image, range: tokenRange(d) } : this.errorAt(this.currIdx); } },
    { ALT: (): A.Expr => { const s = this.CONSUME(T.StringLiteral, L.string); return valid(s) ? { kind: 'StringLit', value: unquote(s.image), range: tokenRange(s) } : this.errorAt(this.currIdx); } },
    {
      ALT: (): A.Expr => {
        const from = this.here();
        this.CONSUME(T.LParen);
        const inner = this.SUBRULE(this.expr, L.inner);
        this.parenthesised = inner;
        this.CONSUME(T.RParen);
        return this.parenOf(from, inner);
      },
    },
  ];

  private errorAt(from: number): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    return { kind: 'ErrorExpr', range: this.rangeFrom(from) ?? noRange() };
  }

  private parenOf(from: number, e: A.Expr | undefined): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    return e ? { kind: 'ParenExpr', inner: e, range } : { kind: 'ErrorExpr', range };
  }

  /** Whether `unit NAME , NAME` begins at token `k`: a unit's declaration (a reserved word there is reported as one). */
  protected unitDeclAhead(k = 1): boolean {
    const word = (t: IToken): boolean => t.tokenType === T.Identifier || t.tokenType.CATEGORIES?.includes(T.ReservedWord) === true;
    return this.nextIs('unit', k) && word(this.LA(k + 1)) && this.LA(k + 2).tokenType === T.Comma && word(this.LA(k + 3));
  }

  /** `count` or `sum` of, or a quantifier, followed by a list's words up to `where`. */
  private quantifierAhead(): boolean {
    const first = this.LA(1);
    if (first.tokenType !== T.Identifier || !(first.image in quantifiers)) return false;
    for (let k = 2; k < 12; k++) {
      const t = this.LA(k).tokenType;
      if (t === T.WhereKw) return k > 2;
      if (t !== T.Identifier) return false;
    }
    return false;
  }

  // unitPhrase := 'per' UNIT | UNIT (('per' | "a") UNIT)?      e.g. 3 per week, 8 visits, 120 mg a day, 4 hours a day
  protected readonly unitPhraseOption = {
    // A unit word, or 'per week'; a following name that starts a new fact is not taken.
    GATE: () => this.LA(1).tokenType === T.PerKw || (this.LA(1).tokenType === T.Identifier && isUnitWord(this.LA(1).image, this.units)),
    DEF: (): { what?: IToken; per?: IToken; perWord?: IToken } => this.SUBRULE(this.unitPhrase),
  };
  unitPhrase = this.rule('unitPhrase', (): { what?: IToken; per?: IToken; perWord?: IToken } => {
    const u: { what?: IToken; per?: IToken; perWord?: IToken } = {};
    this.OR([
      { ALT: () => { u.perWord = this.CONSUME(T.PerKw, L.per); u.per = this.CONSUME(T.Identifier, L.unit); } },
      {
        ALT: () => {
          u.what = this.CONSUME2(T.Identifier, L.unit);
          this.OPTION({
            GATE: () => (this.LA(1).tokenType === T.PerKw || this.nextIs('a')) && this.LA(2).tokenType === T.Identifier && isTimeUnit(baseUnitOf(this.LA(2).image)),
            DEF: () => {
              this.OR2([{ ALT: () => { u.perWord = this.CONSUME2(T.PerKw, L.per); } }, { ALT: () => { u.perWord = this.CONSUME3(T.Identifier, L.per); } }]);
              u.per = this.CONSUME4(T.Identifier, L.unit);
            },
          });
        },
      },
    ]);
    return u;
  });

  private quantityOf(from: number, num: IToken | undefined, what: IToken | undefined, per: IToken | undefined, perWord: IToken | undefined): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const q: A.Quantity = { kind: 'Quantity', value: valid(num) ? Number(num.image) : NaN, range };
    if (!valid(what) && !valid(per)) return q;
    const unit = unitFromWords(valid(what) ? what.image : undefined, valid(per) ? per.image : undefined, this.units);
    if (unit) q.unit = unit;
    else {
      const at = valid(per) ? per : what!;
      const text = [what, perWord, per].filter(valid).map((t) => t.image).join(' ');
      this.unitReports.push({ node: q, report: { code: 'P204', range: tokenRange(at), data: { text } } });
    }
    return q;
  }

  private factOf(from: number, words: IToken[]): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    let text: string | undefined;
    for (const w of words) if (valid(w)) text = text === undefined ? w.image : text + ' ' + w.image;
    return text === undefined ? { kind: 'ErrorExpr', range } : { kind: 'FactRef', name: text, range };
  }

  /** A list's words (up to `where`, `over` or anything not a word), as a fact reference. */
  private listWords(): A.FactRef | undefined {
    const from = this.here();
    const words: IToken[] = (this.words = []);
    this.AT_LEAST_ONE2(this.word);
    const f = this.factOf(from, words);
    return f?.kind === 'FactRef' ? f : undefined;
  }

  // aggregate := ("count" | "sum") "of" (multiplicative 'over')? NAME+ ('where' notExpr)?      (only a sum has what it adds up)
  aggregate = this.rule('aggregate', (): A.Expr => {
    const from = this.here();
    const op = this.CONSUME(T.Identifier, L.count);
    this.softKeyword('of', 2);
    let value: A.Expr | undefined;
    let list: A.FactRef | undefined;
    let where: A.Expr | undefined;
    // A sum names what it adds up before the list: `sum of daily dose over medications`.
    this.OPTION2({ GATE: () => op.image === 'sum', DEF: () => { value = this.SUBRULE(this.multiplicative, L.value); this.CONSUME(T.OverKw); } });
    list = this.listWords();
    this.OPTION(() => { this.CONSUME(T.WhereKw); where = this.SUBRULE(this.notExpr, L.where); });
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    if (!list) return { kind: 'ErrorExpr', range };
    const e: A.AggregateExpr = { kind: 'AggregateExpr', op: op.image === 'sum' ? 'sum' : 'count', list, range };
    if (value) e.value = value;
    if (where) e.where = where;
    return e;
  });

  // quantified := ("any" | "every" | "no") NAME+ 'where' notExpr
  quantified = this.rule('quantified', (): A.Expr => {
    const from = this.here();
    const q = this.CONSUME(T.Identifier, L.soft);
    const list = this.listWords();
    this.CONSUME(T.WhereKw);
    const where = this.SUBRULE(this.notExpr, L.where);
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    if (!list) return { kind: 'ErrorExpr', range };
    return { kind: 'QuantifiedExpr', quantifier: quantifiers[q.image] ?? 'some', list, where, range };
  });

  // latest := "the" ("latest" | "earliest") NAME+ "by" NAME+ 'where' notExpr
  //           e.g. the latest prior injections by injection date where relief weeks >= 6 weeks
  latest = this.rule('latest', (): A.Expr => {
    const from = this.here();
    this.CONSUME(T.Identifier, L.soft);
    const which = this.CONSUME2(T.Identifier, L.soft);
    let list: A.FactRef | undefined;
    this.byEnds = true;
    try {
      list = this.listWords();
    } finally {
      this.byEnds = false;
    }
    let by: A.Expr | undefined;
    // Without `by`, say what it is for, once, rather than that a name was expected.
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== T.WhereKw,
      DEF: () => {
        this.softKeyword('by', 5);
        const byFrom = this.here();
        const words: IToken[] = (this.words = []);
        this.AT_LEAST_ONE3(this.byWord);
        by = this.factOf(byFrom, words);
      },
    });
    const where = this.CONSUME(T.WhereKw);
    if (!by && !this.RECORDING_PHASE && valid(where)) {
      const message = `Expected 'by' and the date of each item that picks the ${which.image} one, as in 'the ${which.image} ${list?.name ?? '<list>'} by <date field> where ...'`;
      this.reports.push({ code: 'P202', range: tokenRange(where), data: { message } });
    }
    const condition = this.SUBRULE(this.notExpr, L.where);
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    if (!list || by?.kind !== 'FactRef') return { kind: 'ErrorExpr', range };
    return { kind: 'QuantifiedExpr', quantifier: which.image === 'earliest' ? 'earliest' : 'latest', list, by, where: condition, range };
  });
  /** A word of the field after `by` (as `word`, a separate occurrence for the grammar). */
  private readonly byWord = {
    GATE: (): boolean => !this.clauseAhead(),
    DEF: (): void => {
      this.words.push(this.CONSUME4(T.Identifier, L.word));
    },
  };

  // since := UNIT ('since' primary | 'from' primary 'to' primary)
  //          e.g. weeks since conservative care start; days from last exam date to request date
  since = this.rule('since', (): A.Expr => {
    const from = this.here();
    const unit = this.CONSUME(T.Identifier, L.unit);
    let date: A.Expr | undefined;
    let to: A.Expr | undefined;
    this.OR([
      { ALT: () => { this.CONSUME(T.SinceKw); date = this.SUBRULE(this.primary, L.since); } },
      { ALT: () => { this.CONSUME(T.FromKw); date = this.SUBRULE2(this.primary, L.since); this.CONSUME(T.ToKw); to = this.SUBRULE3(this.primary, L.to); } },
    ]);
    if (this.RECORDING_PHASE) return undefined as never;
    const e: A.SinceExpr = { kind: 'SinceExpr', unit: name(unit), date: date ?? this.errorAt(this.currIdx), range: this.rangeFrom(from) ?? noRange() };
    if (to) e.to = to;
    return e;
  });

  /**
   * After `or`: true when the next value stands alone (a word, a code, a CPT code in digits, a range
   * of codes), false when a new fact test begins (`or 3 < completed visits`, `or pain is severe`).
   */
  private orJoinsValues(): boolean {
    const next = this.LA(2).tokenType;
    // A number is a value here only as a CPT code is written, in five digits; any other starts a comparison.
    const cpt = (k: number): boolean => this.LA(k).tokenType === T.NumberLiteral && /^\d{5}$/.test(this.LA(k).image);
    if (next !== T.Identifier && next !== T.StringLiteral && next !== T.UpperName && next !== T.CodePattern && !cpt(2)) return false;
    // (`C00-D49` and `64479-64484` are one value, as the value rule reads them.)
    const range = this.LA(3).tokenType === T.Minus && (next === T.CodePattern ? this.LA(4).tokenType === T.CodePattern : next === T.NumberLiteral && cpt(4));
    const after = range ? 5 : 3;
    const then = this.LA(after).tokenType;
    if (next === T.NumberLiteral && (then === T.PerKw || then === T.RoundedKw)) return false;
    return !continuesExpression.has(then) || this.clauseAhead(after);
  }
}

/** The expression `subject is ...` over `range`. */
function isTestOf(t: IsTest, subject: A.Expr, range: Range): A.Expr {
  const right: A.Expr = t.right ?? { kind: 'ErrorExpr', range };
  const op = valid(t.op) ? t.op.image : undefined;
  switch (op) {
    case 'most': return { kind: 'CompareExpr', op: '<=', left: subject, right, range };
    case 'least': return { kind: 'CompareExpr', op: '>=', left: subject, right, range };
    case 'more':
    case 'less':
    case 'fewer': {
      const c: A.CompareExpr = { kind: 'CompareExpr', op: op === 'more' ? '>' : '<', left: subject, right, range };
      if (t.ago) c.elapsed = 'ago';
      return c;
    }
  }
  if (valid(t.within)) return { kind: 'CompareExpr', op: '<=', left: subject, right, elapsed: 'within', range };
  const negated = t.negated === true;
  if (t.known) return { kind: 'IsKnownExpr', subject, known: !negated, range };
  if (t.unknown) return { kind: 'IsKnownExpr', subject, known: negated, range };
  if (t.empty) return { kind: 'IsEmptyExpr', subject, negated, range };
  if (t.onFile) return { kind: 'IsRecordedExpr', subject, negated, range };
  return { kind: 'IsValuesExpr', subject, values: t.values ?? [], negated, range };
}
