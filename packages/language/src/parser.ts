// The grammar: tokens -> AST, with error recovery. An embedded-actions parser: each rule builds its
// AST node while it parses (no CST), turning inclusive end offsets into half-open ranges.
// Each rule carries its EBNF line from grammar/SPEC.md.
//
// Broken text. Recovery leaves holes: a token it invented (isInsertedInRecovery, no offsets) is
// never used, and a rule that a recognition error leaves still yields what it had read. Each rule
// catches the error on its way out, builds its node from what it has (with the node its unfinished
// sub-rule built, which the error carries), and passes it on in the error: to the rule that called
// it, or, when Chevrotain resumes at this rule, as the rule's value (recoveryValueFunc). A node's
// range runs from the first to the last token it (or a rule under it) took, skipped tokens excluded.
import { EmbeddedActionsParser, isRecognitionException, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type * as A from './ast.ts';
import { unitOf } from './ast.ts';
import type { Range } from './diagnostics.ts';
import { factNames, type FactNameNode } from './facts.ts';
import * as T from './tokens.ts';

const comparisonSymbols = [T.LessEq, T.GreaterEq, T.NotEq, T.Less, T.Greater, T.Equals];
/** Tokens that may follow a fact word in an expression (used to tell `a or b` values from `or <fact> ...`). */
const continuesExpression = new Set<TokenType>([T.Identifier, T.IsKw, T.WithinKw, T.Plus, T.Minus, T.Star, T.Slash, T.LParen, ...comparisonSymbols]);

/**
 * The LABEL options of the grammar's CONSUMEs and SUBRULEs, made once: an object literal in a rule
 * would be allocated on every call, and labels only name things in the recorded grammar.
 */
const labels = [
  'ago', 'applies', 'certify', 'code', 'date', 'document', 'duration', 'durationUnit', 'edition',
  'fadeTo', 'firstPage', 'from', 'high', 'inner', 'junk', 'jurisdiction', 'known', 'lastPage',
  'left', 'low', 'most', 'name', 'negated', 'number', 'onlyWhen', 'op', 'operand', 'otherwise',
  'part', 'pattern', 'per', 'period', 'periodUnit', 'quotedId', 'require', 'reserved', 'right',
  'string', 'term', 'title', 'to', 'treatment', 'unit', 'unknown', 'unless', 'v', 'visitUnit',
  'visits', 'within', 'word',
] as const;
const L = Object.fromEntries(labels.map((n) => [n, { LABEL: n }])) as { readonly [K in (typeof labels)[number]]: { LABEL: K } };

/** One declaration, or one token no declaration could take, as the parser found them. */
export type Item =
  | { kind: 'guideline'; node: A.GuidelineDecl }
  | { kind: 'policy'; node: A.PolicyDecl }
  | { kind: 'member'; node: A.ClassDecl | A.RecommendBlock | A.CriterionDecl }
  | { kind: 'junk'; image: string; range: Range };

/** A report about a node the parser built (a reserved word as a name, a quoted id, an unknown unit). */
export interface NodeReport {
  code: 'P202' | 'P204' | 'P206';
  range: Range;
  data: Record<string, unknown>;
}

/** The text of a string literal, without quotes, escapes resolved. */
export function unquote(image: string): string {
  const body = image.endsWith('"') && image.length >= 2 ? image.slice(1, -1) : image.slice(1);
  if (!body.includes('\\')) return body;
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** A token the text holds (not one recovery invented). */
function valid(t: IToken | undefined): t is IToken {
  return t !== undefined && t.isInsertedInRecovery !== true;
}
function tokenRange(t: IToken): Range {
  return { start: t.startOffset, end: t.endOffset! + 1 };
}
function name(t: IToken): A.Name {
  return { kind: 'Name', text: t.image, range: tokenRange(t) };
}
function stringName(t: IToken): A.Name {
  return { kind: 'Name', text: unquote(t.image), range: tokenRange(t) };
}
const noRange = (): Range => ({ start: 0, end: 0 });

/** A recognition error on its way out of a rule, with the node the rule had built. */
interface Unfinished {
  partial?: unknown;
}

type HeaderClause = {
  kw?: IToken;
  title?: IToken;
  doc?: IToken;
  source?: A.SourceRef;
  from?: IToken;
  to?: IToken;
  treatments?: IToken[];
  applies?: A.Expr;
  unless?: A.Expr;
  /** While the clause is read: its source parts, and which expression clause it is. */
  parts?: SourcePart[];
  exprKey?: 'applies' | 'unless';
};
type SourcePart = { edition?: IToken; first?: IToken; last?: IToken; part?: IToken };
type Course = { visits?: A.Span; visitUnit?: IToken; duration?: A.Span; durationUnit?: IToken; period?: IToken; periodUnit?: IToken };
type Frequency = { most?: IToken; per?: IToken; fadeTo?: IToken };
type CriterionClause = { kw?: IToken; key?: 'onlyWhen' | 'require' | 'certify'; expr?: A.Expr; otherwise?: IToken };
type IsTest = { op?: IToken; within?: IToken; right?: A.Expr; ago?: boolean; negated?: boolean; known?: boolean; unknown?: boolean; values?: IToken[] };

export class GuidelineParser extends EmbeddedActionsParser {
  /** Reports about the nodes built, in the order they were built (parse.ts keeps those still in the AST). */
  reports: NodeReport[] = [];
  /** Quantities with an unknown unit, with their report: kept only if the AST still holds them. */
  unitReports: { node: A.Quantity; report: NodeReport }[] = [];
  /** The token vector being parsed, and which of its tokens a rule took (1) rather than skipped. */
  private tokens: IToken[] = [];
  private taken = new Uint8Array(0);
  // Chevrotain's index of the last token consumed (or skipped).
  declare private readonly currIdx: number;

  // Alternatives that only take a token are made once: an OR's array of closures, built on every
  // call, was a good part of what parsing allocated.
  private readonly comparisonOps = comparisonSymbols.map((t) => ({ ALT: () => this.CONSUME(t, L.op) }));
  private readonly addOps = [{ ALT: () => this.CONSUME(T.Plus, L.op) }, { ALT: () => this.CONSUME(T.Minus, L.op) }];
  private readonly mulOps = [{ ALT: () => this.CONSUME(T.Star, L.op) }, { ALT: () => this.CONSUME(T.Slash, L.op) }];
  private readonly values = [
    { ALT: () => this.CONSUME(T.Identifier, L.v) },
    { ALT: () => this.CONSUME(T.StringLiteral, L.v) },
    { ALT: () => this.CONSUME(T.UpperName, L.v) },
    { ALT: () => this.CONSUME(T.CodePattern, L.v) },
  ];
  private readonly valueSeparators = [{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.OrKw) }];
  private readonly nameParts = [{ ALT: () => this.CONSUME2(T.Identifier, L.part) }, { ALT: () => this.CONSUME(T.Star, L.part) }];

  /**
   * `recovering`: on an error, resynchronise and go on (the editor's view of broken text). Without
   * it the parser stops at the first error; on text without errors both build the same AST, and
   * the one that does not recover takes about a third less time.
   */
  constructor(readonly recovering = true) {
    super(T.allTokens, { recoveryEnabled: recovering, maxLookahead: 4 });
    this.performSelfAnalysis();
    // Chevrotain hands every consumed token to this hook (its CST builder's; unused without a CST).
    // Only recovery skips tokens, so only the recovering parser needs to know which it took.
    if (recovering) {
      (this as unknown as { cstPostTerminal: (label: string, t: IToken) => void }).cstPostTerminal = (_, t) => {
        if (t.isInsertedInRecovery !== true) this.taken[this.currIdx] = 1;
      };
    }
  }

  /** Sets the tokens to parse and clears what the last parse left. */
  begin(tokens: IToken[]): void {
    this.input = tokens;
    this.tokens = tokens;
    if (this.recovering) {
      if (this.taken.length < tokens.length) this.taken = new Uint8Array(Math.max(tokens.length, 2 * this.taken.length));
      else this.taken.fill(0, 0, tokens.length);
    }
    this.reports = [];
    this.unitReports = [];
  }

  /** A rule, whose value when Chevrotain resumes after an error inside it is what it had built. */
  private rule<F extends () => unknown>(ruleName: string, impl: F): ParserMethod<[], ReturnType<F>> {
    return this.RULE(ruleName, impl, { recoveryValueFunc: (e) => (e as Unfinished).partial as ReturnType<F> });
  }

  /** The node an unfinished sub-rule built (carried by the error), if the error came out of one. */
  private inner<V>(e: unknown): V | undefined {
    return (e as Unfinished).partial as V | undefined;
  }

  /** The error, carrying what this rule built, to throw on. */
  private unfinished(e: unknown, partial: unknown): unknown {
    if (e instanceof Error && isRecognitionException(e)) (e as Unfinished).partial = partial;
    return e;
  }

  /** The index of the next token (where a rule begins). */
  private here(): number {
    return this.currIdx + 1;
  }

  /** The range of what the rule that began at token `from` took, or undefined when it took nothing. */
  private rangeFrom(from: number): Range | undefined {
    let to = this.currIdx;
    // (Only the recovering parser can skip tokens; Chevrotain's errors getter copies the list.)
    if (this.recovering && this.errors.length > 0) {
      // Recovery may have skipped tokens: the range runs between tokens taken.
      while (from <= to && this.taken[from] !== 1) from++;
      while (to >= from && this.taken[to] !== 1) to--;
    }
    if (to < from) return undefined;
    return { start: this.tokens[from]!.startOffset, end: this.tokens[to]!.endOffset! + 1 };
  }

  // file := (guidelineDecl | classDecl | recommendBlock | criterionDecl | policyDecl)*
  // Declarations follow each other flat (members belong to the guideline above them), and a token no
  // declaration can take is skipped and reported, so one broken line never hides the rest of the file.
  file = this.rule('file', (): Item[] => {
    const items: Item[] = (this.items = []);
    try {
      this.MANY(this.fileItem);
    } catch (e) {
      const decl = this.inner<A.GuidelineDecl | A.PolicyDecl | A.ClassDecl | A.RecommendBlock | A.CriterionDecl>(e);
      if (decl) items.push(decl.kind === 'GuidelineDecl' ? { kind: 'guideline', node: decl } : decl.kind === 'PolicyDecl' ? { kind: 'policy', node: decl } : { kind: 'member', node: decl });
      throw this.unfinished(e, items);
    }
    return items;
  });

  // The rule's alternatives, made once (the rule is never inside itself): they add to `items`.
  private items: Item[] = [];
  private readonly fileItem = (): void => this.OR(this.fileItems);
  private readonly fileItems = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => { this.items.push({ kind: 'guideline', node: this.SUBRULE(this.guidelineDecl) }); } },
      { ALT: () => { this.items.push({ kind: 'member', node: this.SUBRULE(this.classDecl) }); } },
      { ALT: () => { this.items.push({ kind: 'member', node: this.SUBRULE(this.recommendBlock) }); } },
      { ALT: () => { this.items.push({ kind: 'member', node: this.SUBRULE(this.criterionDecl) }); } },
      { ALT: () => { this.items.push({ kind: 'policy', node: this.SUBRULE(this.policyDecl) }); } },
      {
        ALT: () => {
          const t = this.CONSUME(T.AnyToken, L.junk);
          if (!this.RECORDING_PHASE) this.items.push({ kind: 'junk', image: t.image, range: tokenRange(t) });
        },
      },
    ],
  };

  // guidelineDecl := 'guideline' qualifiedName headerClause*
  guidelineDecl = this.rule('guidelineDecl', (): A.GuidelineDecl => {
    const from = this.here();
    let id: A.Name | undefined;
    let quoted: IToken | undefined;
    let idDone = false;
    const clauses: HeaderClause[] = [];
    try {
      this.CONSUME(T.GuidelineKw);
      // A quoted id is taken (and reported) so the header after it still parses.
      this.OR([{ ALT: () => { id = this.SUBRULE(this.qualifiedName); } }, { ALT: () => { quoted = this.CONSUME(T.StringLiteral, L.quotedId); } }]);
      idDone = true;
      this.MANY(() => { clauses.push(this.SUBRULE(this.headerClause)); });
    } catch (e) {
      const inner = this.inner<A.Name & HeaderClause>(e);
      if (inner) {
        if (idDone) clauses.push(inner);
        else id = inner as A.Name;
      }
      throw this.unfinished(e, this.guideline(from, id, quoted, clauses));
    }
    return this.guideline(from, id, quoted, clauses);
  });

  private guideline(from: number, qn: A.Name | undefined, quoted: IToken | undefined, clauses: HeaderClause[]): A.GuidelineDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    if (valid(quoted)) this.reports.push({ code: 'P202', range: tokenRange(quoted), data: { message: `A guideline id is a name such as mtus.chronic-pain.physical-medicine, not quoted text ${quoted.image}` } });
    const g: A.GuidelineDecl = {
      kind: 'GuidelineDecl',
      range,
      id: qn ?? { kind: 'Name', text: valid(quoted) ? unquote(quoted.image) : '', range },
      covers: [],
      classes: [],
      recommendations: [],
      criteria: [],
      repeated: [],
    };
    for (const h of clauses) {
      // A clause given twice is kept for the checker to report, by its keyword.
      const once = (present: boolean): boolean => {
        if (present && h.kw) g.repeated.push(name(h.kw));
        return !present;
      };
      if (h.title && once(g.title !== undefined)) g.title = stringName(h.title);
      else if (h.source && once(g.source !== undefined)) g.source = h.source;
      else if (h.from && once(g.inForce !== undefined)) g.inForce = h.to ? { from: name(h.from), to: name(h.to) } : { from: name(h.from) };
      else if (h.treatments?.length) for (const t of h.treatments) g.covers.push(name(t));
      else if (h.applies && once(g.applies !== undefined)) g.applies = h.applies;
      else if (h.unless && once(g.unless !== undefined)) g.unless = h.unless;
    }
    return g;
  }

  // headerClause := 'title' STRING | 'source' STRING (',' sourcePart)* | 'in' 'force' DATE ('to' DATE)?
  //               | 'covers' NAME (',' NAME)* | 'applies' 'when' expr | 'unless' expr
  headerClause = this.rule('headerClause', (): HeaderClause => {
    const from = this.here();
    const h: HeaderClause = (this.header = {});
    try {
      this.OR(this.headerClauses);
    } catch (e) {
      const inner = this.inner<A.Expr & SourcePart>(e);
      if (inner && h.exprKey) h[h.exprKey] = inner;
      else if (inner && h.parts) h.parts.push(inner);
      throw this.unfinished(e, this.headerClauseOf(from, h));
    }
    return this.headerClauseOf(from, h);
  });
  // The rule's alternatives, made once (no clause is inside another): they fill in `header`.
  private header: HeaderClause = {};
  private readonly headerClauses = [
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.TitleKw); h.title = this.CONSUME(T.StringLiteral); } },
    {
      ALT: () => {
        const h = this.header;
        h.kw = this.CONSUME(T.SourceKw);
        h.doc = this.CONSUME2(T.StringLiteral, L.document);
        const parts: SourcePart[] = (h.parts = []);
        this.MANY(() => { this.CONSUME(T.Comma); parts.push(this.SUBRULE(this.sourcePart)); });
      },
    },
    {
      ALT: () => {
        const h = this.header;
        h.kw = this.CONSUME(T.InKw);
        this.CONSUME(T.ForceKw);
        h.from = this.CONSUME(T.DateLiteral, L.from);
        this.OPTION(() => { this.CONSUME(T.ToKw); h.to = this.CONSUME2(T.DateLiteral, L.to); });
      },
    },
    {
      ALT: () => {
        const h = this.header;
        h.kw = this.CONSUME(T.CoversKw);
        const treatments = (h.treatments = [this.CONSUME(T.Identifier, L.treatment)]);
        this.MANY2(() => { this.CONSUME2(T.Comma); treatments.push(this.CONSUME2(T.Identifier, L.treatment)); });
      },
    },
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.AppliesKw); this.CONSUME(T.WhenKw); h.exprKey = 'applies'; h.applies = this.SUBRULE(this.expr, L.applies); } },
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.UnlessKw); h.exprKey = 'unless'; h.unless = this.SUBRULE2(this.expr, L.unless); } },
  ];

  private headerClauseOf(from: number, h: HeaderClause): HeaderClause {
    if (this.RECORDING_PHASE) return h;
    if (!valid(h.title)) delete h.title;
    if (!valid(h.from)) delete h.from;
    if (!valid(h.to)) delete h.to;
    if (h.treatments) h.treatments = h.treatments.filter(valid);
    if (valid(h.doc)) {
      const s: A.SourceRef = { kind: 'SourceRef', range: this.rangeFrom(from) ?? tokenRange(h.doc), document: unquote(h.doc.image), parts: [] };
      for (const p of h.parts ?? []) {
        if (valid(p.edition)) s.edition = Number(p.edition.image);
        if (valid(p.first)) s.firstPage = Number(p.first.image);
        if (valid(p.last)) s.lastPage = Number(p.last.image);
        if (valid(p.part)) s.parts.push(unquote(p.part.image));
      }
      h.source = s;
    }
    return h;
  }

  // sourcePart := NUMBER | ('page' | 'pages') NUMBER ('-' NUMBER)? | STRING
  sourcePart = this.rule('sourcePart', (): SourcePart => {
    const p: SourcePart = {};
    try {
      this.OR([
        { ALT: () => { p.edition = this.CONSUME(T.NumberLiteral, L.edition); } },
        {
          ALT: () => {
            this.OR2([{ ALT: () => this.CONSUME(T.PagesKw) }, { ALT: () => this.CONSUME(T.PageKw) }]);
            p.first = this.CONSUME2(T.NumberLiteral, L.firstPage);
            this.OPTION(() => { this.CONSUME(T.Minus); p.last = this.CONSUME3(T.NumberLiteral, L.lastPage); });
          },
        },
        { ALT: () => { p.part = this.CONSUME(T.StringLiteral, L.part); } },
      ]);
    } catch (e) {
      throw this.unfinished(e, p);
    }
    return p;
  });

  // classDecl := ('class' | 'procedure') declName STRING? ('terms' STRING (',' STRING)* | 'codes' CODE (',' CODE)*)*
  classDecl = this.rule('classDecl', (): A.ClassDecl => {
    const from = this.here();
    let procedure = false;
    let nm: IToken | undefined;
    let title: IToken | undefined;
    const terms: IToken[] = [];
    const codes: IToken[] = [];
    try {
      this.OR([{ ALT: () => this.CONSUME(T.ClassKw) }, { ALT: () => { this.CONSUME(T.ProcedureKw); procedure = true; } }]);
      nm = this.SUBRULE(this.declName);
      this.OPTION(() => { title = this.CONSUME(T.StringLiteral, L.title); });
      this.MANY(() =>
        this.OR2([
          {
            ALT: () => {
              this.CONSUME(T.TermsKw);
              terms.push(this.CONSUME2(T.StringLiteral, L.term));
              this.MANY2(() => { this.CONSUME(T.Comma); terms.push(this.CONSUME3(T.StringLiteral, L.term)); });
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.CodesKw);
              codes.push(this.CONSUME(T.CodePattern, L.code));
              this.MANY3(() => { this.CONSUME2(T.Comma); codes.push(this.CONSUME2(T.CodePattern, L.code)); });
            },
          },
        ]),
      );
    } catch (e) {
      throw this.unfinished(e, this.classOf(from, procedure, nm, title, terms, codes));
    }
    return this.classOf(from, procedure, nm, title, terms, codes);
  });

  private classOf(from: number, procedure: boolean, nm: IToken | undefined, title: IToken | undefined, terms: IToken[], codes: IToken[]): A.ClassDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const c: A.ClassDecl = {
      kind: 'ClassDecl',
      of: procedure ? 'procedure' : 'diagnosis',
      range,
      name: nm ? name(nm) : { kind: 'Name', text: '', range },
      terms: terms.filter(valid).map(stringName),
      codes: codes.filter(valid).map(name),
    };
    if (valid(title)) c.title = stringName(title);
    return c;
  }

  // declName := NAME
  // A reserved word is taken too (and reported), so the declaration after it still parses.
  declName = this.rule('declName', (): IToken | undefined => {
    let t: IToken | undefined;
    this.OR([
      { ALT: () => { t = this.CONSUME(T.Identifier, L.name); } },
      {
        ALT: () => {
          t = this.CONSUME(T.ReservedWord, L.reserved);
          if (!this.RECORDING_PHASE && valid(t)) this.reports.push({ code: 'P206', range: tokenRange(t), data: { word: t.image } });
        },
      },
    ]);
    return valid(t) ? t : undefined;
  });

  // recommendBlock := 'recommend' recommendEntry*
  recommendBlock = this.rule('recommendBlock', (): A.RecommendBlock => {
    const from = this.here();
    const entries: A.RecommendBlock['entries'] = [];
    try {
      this.CONSUME(T.RecommendKw);
      this.MANY(() => {
        const entry = this.SUBRULE(this.recommendEntry);
        if (entry) entries.push(entry);
      });
    } catch (e) {
      const entry = this.inner<A.CourseEntry | A.FrequencyEntry | null>(e);
      if (entry) entries.push(entry);
      throw this.unfinished(e, this.recommendOf(from, entries));
    }
    return this.recommendOf(from, entries);
  });

  private recommendOf(from: number, entries: A.RecommendBlock['entries']): A.RecommendBlock {
    if (this.RECORDING_PHASE) return undefined as never;
    return { kind: 'RecommendBlock', range: this.rangeFrom(from) ?? noRange(), entries };
  }

  // recommendEntry := NAME ':' (course | frequency)
  // An entry without its numbers or units is left out (null), after the parse error that says why.
  recommendEntry = this.rule('recommendEntry', (): A.CourseEntry | A.FrequencyEntry | null => {
    const from = this.here();
    let nm: IToken | undefined;
    let course: Course | undefined;
    let freq: Frequency | undefined;
    let which: 'course' | 'frequency' | undefined;
    try {
      nm = this.CONSUME(T.Identifier, L.name);
      this.CONSUME(T.Colon);
      this.OR([
        { ALT: () => { which = 'course'; course = this.SUBRULE(this.course); } },
        { ALT: () => { which = 'frequency'; freq = this.SUBRULE(this.frequency); } },
      ]);
    } catch (e) {
      const inner = this.inner<Course & Frequency>(e);
      if (inner && which === 'course') course = inner;
      else if (inner && which === 'frequency') freq = inner;
      throw this.unfinished(e, this.entryOf(from, nm, course, freq));
    }
    return this.entryOf(from, nm, course, freq);
  });

  private entryOf(from: number, nm: IToken | undefined, course: Course | undefined, freq: Frequency | undefined): A.CourseEntry | A.FrequencyEntry | null {
    if (this.RECORDING_PHASE) return null;
    const range = this.rangeFrom(from) ?? noRange();
    const entryName: A.Name = valid(nm) ? name(nm) : { kind: 'Name', text: '', range };
    if (course) {
      const { visits, visitUnit, duration, durationUnit, period, periodUnit } = course;
      if (!valid(visitUnit) || !valid(durationUnit) || !visits || !duration) return null;
      const entry: A.CourseEntry = { kind: 'CourseEntry', range, name: entryName, visits, visitUnit: name(visitUnit), duration, durationUnit: name(durationUnit) };
      if (valid(period) && valid(periodUnit)) entry.period = { amount: Number(period.image), unit: name(periodUnit), range: { start: period.startOffset, end: periodUnit.endOffset! + 1 } };
      return entry;
    }
    if (freq) {
      const { most, per, fadeTo } = freq;
      if (!valid(most) || !valid(per)) return null;
      const entry: A.FrequencyEntry = { kind: 'FrequencyEntry', range, name: entryName, mostPerWeek: Number(most.image), per: name(per) };
      if (valid(fadeTo)) entry.fadeTo = Number(fadeTo.image);
      return entry;
    }
    return null;
  }

  // course := span UNIT 'over' span UNIT ('within' NUMBER UNIT)?      e.g. 8-10 visits over 4 weeks within 6 months
  course = this.rule('course', (): Course => {
    const c: Course = {};
    try {
      c.visits = this.SUBRULE(this.span, L.visits);
      c.visitUnit = this.CONSUME(T.Identifier, L.visitUnit);
      this.CONSUME(T.OverKw);
      c.duration = this.SUBRULE2(this.span, L.duration);
      c.durationUnit = this.CONSUME2(T.Identifier, L.durationUnit);
      this.OPTION(() => {
        this.CONSUME(T.WithinKw);
        c.period = this.CONSUME(T.NumberLiteral, L.period);
        c.periodUnit = this.CONSUME3(T.Identifier, L.periodUnit);
      });
    } catch (e) {
      const inner = this.inner<A.Span>(e);
      if (inner) {
        if (c.visits === undefined) c.visits = inner;
        else c.duration = inner;
      }
      throw this.unfinished(e, c);
    }
    return c;
  });

  // span := NUMBER ('-' NUMBER)?
  span = this.rule('span', (): A.Span => {
    const from = this.here();
    let low: IToken | undefined;
    let high: IToken | undefined;
    try {
      low = this.CONSUME(T.NumberLiteral, L.low);
      this.OPTION(() => { this.CONSUME(T.Minus); high = this.CONSUME2(T.NumberLiteral, L.high); });
    } catch (e) {
      throw this.unfinished(e, this.spanOf(from, low, high));
    }
    return this.spanOf(from, low, high);
  });

  private spanOf(from: number, low: IToken | undefined, high: IToken | undefined): A.Span {
    if (this.RECORDING_PHASE) return undefined as never;
    const lo = valid(low) ? Number(low.image) : NaN;
    return { kind: 'Span', range: this.rangeFrom(from) ?? noRange(), low: lo, high: valid(high) ? Number(high.image) : lo };
  }

  // frequency := 'up' 'to' NUMBER 'per' UNIT (',')? ('fading' 'to' NUMBER ('or' 'less')?)?
  frequency = this.rule('frequency', (): Frequency => {
    const f: Frequency = {};
    try {
      this.CONSUME(T.UpKw);
      this.CONSUME(T.ToKw);
      f.most = this.CONSUME(T.NumberLiteral, L.most);
      this.CONSUME(T.PerKw);
      f.per = this.CONSUME(T.Identifier, L.per);
      this.OPTION(() => this.CONSUME(T.Comma));
      this.OPTION2(() => {
        this.CONSUME(T.FadingKw);
        this.CONSUME2(T.ToKw);
        f.fadeTo = this.CONSUME2(T.NumberLiteral, L.fadeTo);
        this.OPTION3(() => { this.CONSUME(T.OrKw); this.CONSUME(T.LessKw); });
      });
    } catch (e) {
      throw this.unfinished(e, f);
    }
    return f;
  });

  // criterionDecl := 'criterion' declName STRING? criterionClause*
  criterionDecl = this.rule('criterionDecl', (): A.CriterionDecl => {
    const from = this.here();
    let nm: IToken | undefined;
    let title: IToken | undefined;
    const clauses: CriterionClause[] = [];
    let inClauses = false;
    try {
      this.CONSUME(T.CriterionKw);
      nm = this.SUBRULE(this.declName);
      this.OPTION(() => { title = this.CONSUME(T.StringLiteral, L.title); });
      inClauses = true;
      this.MANY(() => { clauses.push(this.SUBRULE(this.criterionClause)); });
    } catch (e) {
      const inner = this.inner<CriterionClause>(e);
      if (inner && inClauses) clauses.push(inner);
      throw this.unfinished(e, this.criterionOf(from, nm, title, clauses));
    }
    return this.criterionOf(from, nm, title, clauses);
  });

  private criterionOf(from: number, nm: IToken | undefined, title: IToken | undefined, clauses: CriterionClause[]): A.CriterionDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const c: A.CriterionDecl = { kind: 'CriterionDecl', range, name: nm ? name(nm) : { kind: 'Name', text: '', range }, repeated: [] };
    if (valid(title)) c.title = stringName(title);
    for (const cl of clauses) {
      // A clause given twice is kept for the checker to report, by its keyword.
      if (cl.key && cl.expr) {
        if (c[cl.key] !== undefined && cl.kw) c.repeated.push(name(cl.kw));
        else c[cl.key] = cl.expr;
      }
      if (valid(cl.otherwise)) {
        if (c.otherwise !== undefined && cl.kw) c.repeated.push(name(cl.kw));
        else c.otherwise = stringName(cl.otherwise);
      }
    }
    return c;
  }

  // criterionClause := 'only' 'when' expr | 'require' expr | 'certify' 'at' 'most' expr | 'otherwise' STRING
  criterionClause = this.rule('criterionClause', (): CriterionClause => {
    const cl: CriterionClause = (this.clause = {});
    try {
      this.OR(this.criterionClauses);
    } catch (e) {
      const inner = this.inner<A.Expr>(e);
      if (inner && cl.key) cl.expr = inner;
      throw this.unfinished(e, cl);
    }
    return cl;
  });

  // The rule's alternatives, made once (no clause is inside another): they fill in `clause`.
  private clause: CriterionClause = {};
  private readonly criterionClauses = [
    { ALT: () => { const cl = this.clause; cl.kw = this.CONSUME(T.OnlyKw); this.CONSUME(T.WhenKw); cl.key = 'onlyWhen'; cl.expr = this.SUBRULE(this.expr, L.onlyWhen); } },
    { ALT: () => { const cl = this.clause; cl.kw = this.CONSUME(T.RequireKw); cl.key = 'require'; cl.expr = this.SUBRULE2(this.expr, L.require); } },
    { ALT: () => { const cl = this.clause; cl.kw = this.CONSUME(T.CertifyKw); this.CONSUME(T.AtKw); this.CONSUME(T.MostKw); cl.key = 'certify'; cl.expr = this.SUBRULE3(this.expr, L.certify); } },
    { ALT: () => { const cl = this.clause; cl.kw = this.CONSUME(T.OtherwiseKw); cl.otherwise = this.CONSUME(T.StringLiteral, L.otherwise); } },
  ];

  // policyDecl := 'policy' declName STRING? ('jurisdiction' (UPPER | STRING) | policyStep)*
  policyDecl = this.rule('policyDecl', (): A.PolicyDecl => {
    const from = this.here();
    let nm: IToken | undefined;
    let title: IToken | undefined;
    const jurisdictions: IToken[] = [];
    const steps: A.Name[][] = [];
    let inSteps = false;
    try {
      this.CONSUME(T.PolicyKw);
      nm = this.SUBRULE(this.declName);
      this.OPTION(() => { title = this.CONSUME(T.StringLiteral, L.title); });
      inSteps = true;
      this.MANY(() =>
        this.OR([
          {
            ALT: () => {
              this.CONSUME(T.JurisdictionKw);
              this.OR2([{ ALT: () => { jurisdictions.push(this.CONSUME(T.UpperName, L.jurisdiction)); } }, { ALT: () => { jurisdictions.push(this.CONSUME2(T.StringLiteral, L.jurisdiction)); } }]);
            },
          },
          { ALT: () => { steps.push(this.SUBRULE(this.policyStep)); } },
        ]),
      );
    } catch (e) {
      const inner = this.inner<A.Name[]>(e);
      if (inner && inSteps) steps.push(inner);
      throw this.unfinished(e, this.policyOf(from, nm, title, jurisdictions, steps));
    }
    return this.policyOf(from, nm, title, jurisdictions, steps);
  });

  private policyOf(from: number, nm: IToken | undefined, title: IToken | undefined, jurisdictions: IToken[], steps: A.Name[][]): A.PolicyDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const p: A.PolicyDecl = { kind: 'PolicyDecl', range, name: nm ? name(nm) : { kind: 'Name', text: '', range }, steps };
    if (valid(title)) p.title = stringName(title);
    const j = jurisdictions.find(valid);
    if (j) p.jurisdiction = j.image.startsWith('"') ? stringName(j) : name(j);
    return p;
  }

  // policyStep := ('first' | 'then') qualifiedName (',' qualifiedName)*
  policyStep = this.rule('policyStep', (): A.Name[] => {
    const patterns: A.Name[] = [];
    try {
      this.OR([{ ALT: () => this.CONSUME(T.FirstKw) }, { ALT: () => this.CONSUME(T.ThenKw) }]);
      patterns.push(this.SUBRULE(this.qualifiedName, L.pattern));
      this.MANY(() => { this.CONSUME(T.Comma); patterns.push(this.SUBRULE2(this.qualifiedName, L.pattern)); });
    } catch (e) {
      const inner = this.inner<A.Name>(e);
      if (inner) patterns.push(inner);
      throw this.unfinished(e, patterns);
    }
    return patterns;
  });

  // qualifiedName := NAME ('.' (NAME | '*'))*
  qualifiedName = this.rule('qualifiedName', (): A.Name => {
    const from = this.here();
    const parts: IToken[] = [];
    try {
      parts.push(this.CONSUME(T.Identifier, L.part));
      this.MANY(() => {
        this.CONSUME(T.Dot);
        parts.push(this.OR(this.nameParts));
      });
    } catch (e) {
      throw this.unfinished(e, this.qualifiedNameOf(from, parts));
    }
    return this.qualifiedNameOf(from, parts);
  });

  private qualifiedNameOf(from: number, parts: IToken[]): A.Name {
    if (this.RECORDING_PHASE) return undefined as never;
    let text = '';
    let first: IToken | undefined;
    for (const p of parts) {
      if (!valid(p)) continue;
      if (first === undefined) {
        first = p;
        text = p.image;
      } else text += '.' + p.image;
    }
    return { kind: 'Name', text, range: this.rangeFrom(from) ?? (first ? tokenRange(first) : noRange()) };
  }

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

  /**
   * Whether a repetition or option that can only begin with `op1` or `op2` may take anything:
   * always while recording the grammar or when recovering (one that takes nothing may still
   * recover), else only when the next token is one of them. Most operands stand alone, and not
   * entering the repetition then spares its closure, its lists and its lookahead.
   */
  private mayTake(op1: TokenType, op2?: TokenType): boolean {
    if (this.RECORDING_PHASE || this.recovering) return true;
    const next = this.LA(1).tokenType;
    return next === op1 || next === op2;
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

  // comparison := additive (('<=' | '<' | '>=' | '>' | '=' | '!=') additive | 'is' isTest | 'within' additive)?
  comparison = this.rule('comparison', (): A.Expr => {
    const from = this.here();
    let left: A.Expr | undefined;
    let afterLeft = -1;
    try {
      left = this.SUBRULE(this.additive, L.left);
      afterLeft = this.currIdx;
      const tail = this.OPTION(this.comparisonTail);
      if (tail === undefined) return left;
      return this.comparisonOf(from, left, tail.op, tail.within, tail.right, tail.test);
    } catch (e) {
      const inner = this.inner<A.Expr & IsTest>(e);
      if (afterLeft < 0) throw this.unfinished(e, this.comparisonOf(from, inner, undefined, undefined, undefined, undefined));
      // The token after the left side chose the alternative, and was taken; what is unfinished is the rest.
      const t = this.tokens[afterLeft + 1]!;
      if (t.tokenType === T.IsKw) throw this.unfinished(e, this.comparisonOf(from, left, undefined, undefined, undefined, inner));
      if (t.tokenType === T.WithinKw) throw this.unfinished(e, this.comparisonOf(from, left, undefined, t, inner, undefined));
      throw this.unfinished(e, this.comparisonOf(from, left, t, undefined, inner, undefined));
    }
  });
  private readonly comparisonTail = (): { op?: IToken; within?: IToken; right?: A.Expr; test?: IsTest } => this.OR(this.comparisonTails);
  private readonly comparisonTails = [
    { ALT: () => ({ op: this.OR2(this.comparisonOps), right: this.SUBRULE2(this.additive, L.right) }) },
    { ALT: () => { this.CONSUME(T.IsKw); return { test: this.SUBRULE(this.isTest) }; } },
    { ALT: () => ({ within: this.CONSUME(T.WithinKw, L.within), right: this.SUBRULE3(this.additive, L.right) }) },
  ];

  private comparisonOf(from: number, left: A.Expr | undefined, op: IToken | undefined, within: IToken | undefined, right: A.Expr | undefined, test: IsTest | undefined): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const l = left ?? { kind: 'ErrorExpr', range };
    if (valid(op)) return { kind: 'CompareExpr', op: op.image as A.CompareOp, left: l, right: right ?? { kind: 'ErrorExpr', range }, range };
    if (valid(within) && right) return { kind: 'CompareExpr', op: '<=', left: l, right, elapsed: 'within', range };
    return test ? isTestOf(test, l, range) : l;
  }

  // isTest := 'not'? ('known' | 'unknown' | valueList) | 'at' ('most' | 'least') additive
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
              { ALT: () => { list = true; t.values = this.SUBRULE(this.valueList); } },
            ]);
          },
        },
      ]);
    } catch (e) {
      const inner = this.inner<A.Expr & IToken[]>(e);
      if (inner) {
        if (list) t.values = inner;
        else t.right = inner;
      }
      throw this.unfinished(e, t);
    }
    return t;
  });

  // valueList := value (',' value | 'or' value)*     ('or' joins values only when no fact test follows)
  valueList = this.rule('valueList', (): IToken[] => {
    const values: IToken[] = [];
    const add = (v: IToken | undefined): void => {
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

  // value := NAME | STRING | UPPER | CODE
  value = this.rule('value', (): IToken | undefined => {
    const v = this.OR(this.values);
    return valid(v) ? v : undefined;
  });

  // additive := multiplicative (('+' | '-') multiplicative)*
  additive = this.rule('additive', (): A.Expr => this.arithLevel(this.multiplicative, this.addOps, T.Plus, T.Minus));

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

  // primary := NUMBER ('per'? UNIT)? | NAME+ | DATE | STRING | '(' expr ')'
  primary = this.rule('primary', (): A.Expr => {
    const from = this.here();
    try {
      return this.OR(this.primaries);
    } catch (err) {
      // Only a parenthesis can be left unfinished, or a 'per' without its unit (then the quantity has none).
      const t = this.tokens[from];
      if (t?.tokenType === T.NumberLiteral) throw this.unfinished(err, this.primaryOf(from, t, undefined, undefined, undefined, undefined, false));
      const inner = t?.tokenType === T.LParen ? this.inner<A.Expr>(err) ?? this.parenthesised : undefined;
      throw this.unfinished(err, this.primaryOf(from, undefined, undefined, undefined, undefined, inner, t?.tokenType === T.LParen));
    }
  });
  /** The expression in the parenthesis being closed (for a ')' missing). */
  private parenthesised: A.Expr | undefined;
  private readonly unitOption = {
    // A unit word, or 'per week'; a following name that starts a new fact is not taken.
    GATE: () => this.LA(1).tokenType === T.PerKw || (this.LA(1).tokenType === T.Identifier && isUnitWord(this.LA(1).image)),
    DEF: () => this.OR2(this.units),
  };
  private readonly units = [
    { ALT: (): IToken[] => [this.CONSUME(T.PerKw, L.per), this.CONSUME(T.Identifier, L.unit)] },
    { ALT: (): IToken[] => [this.CONSUME2(T.Identifier, L.unit)] },
  ];
  /** The words of the fact name being read (no rule runs while they are). */
  private words: IToken[] = [];
  private readonly word = (): void => {
    this.words.push(this.CONSUME3(T.Identifier, L.word));
  };
  private readonly primaries = [
    {
      ALT: (): A.Expr => {
        const from = this.here();
        const num = this.CONSUME(T.NumberLiteral, L.number);
        const unit = this.mayTake(T.PerKw, T.Identifier) ? this.OPTION(this.unitOption) : undefined;
        return this.primaryOf(from, num, unit && unit.length === 2 ? unit[0] : undefined, unit?.[unit.length - 1], undefined, undefined, false);
      },
    },
    {
      ALT: (): A.Expr => {
        const from = this.here();
        const words: IToken[] = (this.words = []);
        this.AT_LEAST_ONE(this.word);
        return this.primaryOf(from, undefined, undefined, undefined, words, undefined, false);
      },
    },
    { ALT: (): A.Expr => { const d = this.CONSUME(T.DateLiteral, L.date); return this.primaryOf(this.currIdx, undefined, undefined, undefined, undefined, valid(d) ? { kind: 'DateLit', value: d.image, range: tokenRange(d) } : undefined, false); } },
    { ALT: (): A.Expr => { const s = this.CONSUME(T.StringLiteral, L.string); return this.primaryOf(this.currIdx, undefined, undefined, undefined, undefined, valid(s) ? { kind: 'StringLit', value: unquote(s.image), range: tokenRange(s) } : undefined, false); } },
    {
      ALT: (): A.Expr => {
        const from = this.here();
        this.CONSUME(T.LParen);
        const inner = this.SUBRULE(this.expr, L.inner);
        this.parenthesised = inner;
        this.CONSUME(T.RParen);
        return this.primaryOf(from, undefined, undefined, undefined, undefined, inner, true);
      },
    },
  ];

  private primaryOf(from: number, num: IToken | undefined, per: IToken | undefined, unit: IToken | undefined, words: IToken[] | undefined, e: A.Expr | undefined, paren: boolean): A.Expr {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    if (valid(num)) {
      const q: A.Quantity = { kind: 'Quantity', value: Number(num.image), range };
      if (valid(unit)) {
        const u = unitOf(unit.image);
        if (valid(per)) {
          if (u === 'weeks') q.unit = 'per week';
          else this.unitReports.push({ node: q, report: { code: 'P204', range: tokenRange(unit), data: { text: `per ${unit.image}` } } });
        } else if (u) q.unit = u;
        else this.unitReports.push({ node: q, report: { code: 'P204', range: tokenRange(unit), data: { text: unit.image } } });
      }
      return q;
    }
    if (words) {
      let text: string | undefined;
      let known: FactNameNode | undefined = factNames;
      for (const w of words) {
        if (!valid(w)) continue;
        text = text === undefined ? w.image : text + ' ' + w.image;
        known = known?.next.get(w.image);
      }
      if (text !== undefined) return { kind: 'FactRef', name: known?.name ?? text, range };
    }
    if (paren) return e ? { kind: 'ParenExpr', inner: e, range } : { kind: 'ErrorExpr', range };
    // A date or a string (its range is its token's, which is the rule's).
    return e ?? { kind: 'ErrorExpr', range };
  }

  /** After `or`: true when the next value is a lone word, false when a new fact test begins. */
  private orJoinsValues(): boolean {
    const next = this.LA(2).tokenType;
    if (next !== T.Identifier && next !== T.StringLiteral && next !== T.UpperName && next !== T.CodePattern) return false;
    return !continuesExpression.has(this.LA(3).tokenType);
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
  const values: A.Name[] = [];
  for (const v of t.values ?? []) values.push(v.image.startsWith('"') ? stringName(v) : name(v));
  return { kind: 'IsValuesExpr', subject, values, negated, range };
}

const unitWords = new Set(['visit', 'visits', 'session', 'sessions', 'week', 'weeks', 'month', 'months', 'day', 'days', 'year', 'years']);
export function isUnitWord(word: string): boolean {
  return unitWords.has(word);
}

let recovering: GuidelineParser | undefined;
let failing: GuidelineParser | undefined;
/**
 * A shared parser instance (self-analysis runs once per instance, on first use): by default the
 * one that recovers from errors; `{ recovering: false }` gives the one that stops at the first.
 */
export function getParser(options: { recovering?: boolean } = {}): GuidelineParser {
  if (options.recovering === false) return (failing ??= new GuidelineParser(false));
  return (recovering ??= new GuidelineParser(true));
}
