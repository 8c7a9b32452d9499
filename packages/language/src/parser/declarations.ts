// The grammar of a guideline's declarations: its header, classes and procedures, recommendations,
// criteria (with parts, texts for each status and clinical review) and policies.
import type { IToken } from 'chevrotain';
import type * as A from '../ast.ts';
import * as T from '../tokens.ts';
import { ExpressionParser } from './expressions.ts';
import { L, name, noRange, stringName, tokenRange, unquote, valid } from './base.ts';

export type HeaderClause = {
  kw?: IToken;
  title?: IToken;
  doc?: IToken;
  source?: A.SourceRef;
  from?: IToken;
  to?: IToken;
  treatments?: IToken[];
  uses?: IToken[];
  edition?: IToken;
  revises?: IToken;
  drops?: IToken[];
  applies?: A.Expr;
  unless?: A.Expr;
  /** While the clause is read: its source parts, and which expression clause it is. */
  parts?: SourcePart[];
  exprKey?: 'applies' | 'unless';
};
export type SourcePart = { edition?: IToken; first?: IToken; last?: IToken; part?: IToken };
type Course = { visits?: A.Span; visitUnit?: IToken; duration?: A.Span; durationUnit?: IToken; period?: IToken; periodUnit?: IToken };
type Frequency = { most?: IToken; per?: IToken; fadeTo?: IToken };
type CriterionClause = {
  kw?: IToken;
  key?: 'onlyWhen' | 'require' | 'certify';
  expr?: A.Expr;
  text?: { which: keyof A.TextClauses; token: IToken };
  group?: { need: 'any' | 'all' | number; range: A.NodeBase['range'] };
  review?: IToken;
  /** The `met` of `needs clinical review unless met`. */
  unlessMet?: IToken;
  source?: A.SourceRef;
  part?: A.PartDecl;
};

/** A source clause's document and parts as a SourceRef, over `range`. */
export function sourceRefOf(doc: IToken, parts: readonly SourcePart[], range: A.NodeBase['range']): A.SourceRef {
  const s: A.SourceRef = { kind: 'SourceRef', range, document: unquote(doc.image), parts: [] };
  for (const p of parts) {
    if (valid(p.edition)) s.edition = Number(p.edition.image);
    if (valid(p.first)) s.firstPage = Number(p.first.image);
    if (valid(p.last)) s.lastPage = Number(p.last.image);
    if (valid(p.part)) s.parts.push(unquote(p.part.image));
  }
  return s;
}

export class DeclarationParser extends ExpressionParser {
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

  protected guideline(from: number, qn: A.Name | undefined, quoted: IToken | undefined, clauses: HeaderClause[]): A.GuidelineDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    if (valid(quoted)) this.reports.push({ code: 'P202', range: tokenRange(quoted), data: { message: `A guideline id is a name such as mtus.chronic-pain.physical-medicine, not quoted text ${quoted.image}` } });
    const g: A.GuidelineDecl = {
      kind: 'GuidelineDecl',
      range,
      id: qn ?? { kind: 'Name', text: valid(quoted) ? unquote(quoted.image) : '', range },
      covers: [],
      uses: [],
      drops: [],
      classes: [],
      recommendations: [],
      tables: [],
      criteria: [],
      defines: [],
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
      else if (h.uses?.length) for (const t of h.uses) g.uses.push(name(t));
      else if (h.drops?.length) for (const t of h.drops) g.drops.push(name(t));
      else if (h.edition && once(g.edition !== undefined)) g.edition = editionName(h.edition);
      else if (h.revises && once(g.revises !== undefined)) g.revises = editionName(h.revises);
      else if (h.applies && once(g.applies !== undefined)) g.applies = h.applies;
      else if (h.unless && once(g.unless !== undefined)) g.unless = h.unless;
    }
    return g;
  }

  // headerClause := 'title' STRING | 'source' STRING (',' sourcePart)* | 'in' 'force' DATE ('to' DATE)?
  //               | 'covers' nameList | 'uses' nameList | 'drops' nameList | 'edition' editionName
  //               | 'revises' editionName | 'applies' 'when' expr | 'unless' expr
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
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.CoversKw); h.treatments = this.SUBRULE(this.nameList, L.treatment); } },
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.UsesKw); h.uses = this.SUBRULE2(this.nameList, L.vocabulary); } },
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.DropsKw); h.drops = this.SUBRULE3(this.nameList, L.drops); } },
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.EditionKw); h.edition = this.SUBRULE(this.editionName, L.edition); } },
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.RevisesKw); h.revises = this.SUBRULE2(this.editionName, L.revises); } },
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.AppliesKw); this.CONSUME(T.WhenKw); h.exprKey = 'applies'; h.applies = this.SUBRULE(this.expr, L.applies); } },
    { ALT: () => { const h = this.header; h.kw = this.CONSUME(T.UnlessKw); h.exprKey = 'unless'; h.unless = this.SUBRULE2(this.expr, L.unless); } },
  ];

  private headerClauseOf(from: number, h: HeaderClause): HeaderClause {
    if (this.RECORDING_PHASE) return h;
    if (!valid(h.title)) delete h.title;
    if (!valid(h.from)) delete h.from;
    if (!valid(h.to)) delete h.to;
    if (!valid(h.edition)) delete h.edition;
    if (!valid(h.revises)) delete h.revises;
    if (h.treatments) h.treatments = h.treatments.filter(valid);
    if (h.uses) h.uses = h.uses.filter(valid);
    if (h.drops) h.drops = h.drops.filter(valid);
    if (valid(h.doc)) h.source = sourceRefOf(h.doc, h.parts ?? [], this.rangeFrom(from) ?? tokenRange(h.doc));
    return h;
  }

  // nameList := NAME (',' NAME)*
  nameList = this.rule('nameList', (): IToken[] => {
    const names = [this.CONSUME(T.Identifier, L.name)];
    this.MANY(() => { this.CONSUME(T.Comma); names.push(this.CONSUME2(T.Identifier, L.name)); });
    return names;
  });

  // editionName := NUMBER | NAME | STRING
  editionName = this.rule('editionName', (): IToken =>
    this.OR([{ ALT: () => this.CONSUME(T.NumberLiteral, L.edition) }, { ALT: () => this.CONSUME(T.Identifier, L.edition) }, { ALT: () => this.CONSUME(T.StringLiteral, L.edition) }]),
  );

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
          if (!this.RECORDING_PHASE && valid(t)) this.reports.push({ code: 'P206', range: tokenRange(t), data: { word: t.image, replacement: `${t.image}-check` } });
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
    const c: A.CriterionDecl = { kind: 'CriterionDecl', range, name: nm ? name(nm) : { kind: 'Name', text: '', range }, parts: [], texts: {}, repeated: [] };
    if (valid(title)) c.title = stringName(title);
    for (const cl of clauses) {
      // A clause given twice is kept for the checker to report, by its keyword.
      const once = (present: boolean): boolean => {
        if (present && cl.kw) c.repeated.push(name(cl.kw));
        return !present;
      };
      if (cl.part) c.parts.push(cl.part);
      else if (cl.key && cl.expr) {
        if (once(c[cl.key] !== undefined || (cl.key === 'require' && c.group !== undefined))) c[cl.key] = cl.expr;
      } else if (cl.group) {
        if (once(c.require !== undefined || c.group !== undefined)) c.group = cl.group;
      } else if (cl.text && valid(cl.text.token)) {
        if (once(c.texts[cl.text.which] !== undefined)) c.texts[cl.text.which] = stringName(cl.text.token);
      } else if (valid(cl.review)) {
        if (once(c.review !== undefined)) {
          c.review = name(cl.review);
          if (valid(cl.unlessMet)) c.reviewUnlessMet = name(cl.unlessMet);
        }
      } else if (cl.source && once(c.source !== undefined)) c.source = cl.source;
    }
    return c;
  }

  // criterionClause := 'only' 'when' expr | 'require' (groupNeed | expr) | 'certify' 'at' 'most' expr
  //                  | 'otherwise' STRING | 'when' ("met" | 'unknown') STRING | "needs" "clinical" "review" ('unless' "met")?
  //                  | 'source' STRING (',' sourcePart)* | partDecl
  criterionClause = this.rule('criterionClause', (): CriterionClause => {
    const from = this.here();
    const cl: CriterionClause = (this.clause = {});
    try {
      this.OR(this.criterionClauses);
    } catch (e) {
      const inner = this.inner<A.Expr | SourcePart | A.PartDecl>(e);
      if (inner && cl.key) cl.expr = inner as A.Expr;
      else if (inner && cl.kw?.tokenType === T.SourceKw) this.sourceParts.push(inner as SourcePart);
      else if (inner && 'kind' in inner && inner.kind === 'PartDecl') cl.part = inner;
      throw this.unfinished(e, this.clauseOf(from, cl));
    }
    return this.clauseOf(from, cl);
  });

  private clauseOf(from: number, cl: CriterionClause): CriterionClause {
    if (this.RECORDING_PHASE) return cl;
    if (cl.kw?.tokenType === T.SourceKw && valid(this.sourceDoc)) cl.source = sourceRefOf(this.sourceDoc, this.sourceParts, this.rangeFrom(from) ?? tokenRange(this.sourceDoc));
    return cl;
  }

  // The rule's alternatives, made once (no clause is inside another): they fill in `clause`.
  private clause: CriterionClause = {};
  private sourceDoc: IToken | undefined;
  private sourceParts: SourcePart[] = [];
  private readonly criterionClauses = [
    { ALT: () => { const cl = this.clause; cl.kw = this.CONSUME(T.OnlyKw); this.CONSUME(T.WhenKw); cl.key = 'onlyWhen'; cl.expr = this.SUBRULE(this.expr, L.onlyWhen); } },
    {
      ALT: () => {
        const cl = this.clause;
        cl.kw = this.CONSUME(T.RequireKw);
        this.OR2([
          { GATE: () => this.groupAhead(), ALT: () => { cl.group = this.SUBRULE(this.groupNeed); } },
          { ALT: () => { cl.key = 'require'; cl.expr = this.SUBRULE2(this.expr, L.require); } },
        ]);
      },
    },
    { ALT: () => { const cl = this.clause; cl.kw = this.CONSUME(T.CertifyKw); this.CONSUME(T.AtKw); this.CONSUME(T.MostKw); cl.key = 'certify'; cl.expr = this.SUBRULE3(this.expr, L.certify); } },
    { ALT: () => { const cl = this.clause; cl.kw = this.CONSUME(T.OtherwiseKw); cl.text = { which: 'otherwise', token: this.CONSUME(T.StringLiteral, L.otherwise) }; } },
    {
      // `when met` or `when unknown`: a lone `when` is no clause (a criterion's condition is `only when`).
      GATE: () => this.nextIs('met', 2) || this.LA(2).tokenType === T.UnknownKw,
      ALT: () => {
        const cl = this.clause;
        cl.kw = this.CONSUME2(T.WhenKw);
        const which = this.OR3([{ ALT: () => { this.softKeyword('met', 1); return 'met' as const; } }, { ALT: () => { this.CONSUME(T.UnknownKw); return 'unknown' as const; } }]);
        cl.text = { which, token: this.CONSUME2(T.StringLiteral, L.met) };
      },
    },
    {
      GATE: () => this.nextIs('needs'),
      ALT: () => {
        const cl = this.clause;
        cl.kw = this.softKeyword('needs', 2);
        this.softKeyword('clinical', 3);
        cl.review = this.softKeyword('review', 4);
        // `unless met`: not met reads as needs review too (a header's `unless` takes a condition, never a lone `met`).
        this.OPTION({ GATE: () => this.nextIs('met', 2), DEF: () => { this.CONSUME(T.UnlessKw); cl.unlessMet = this.softKeyword('met', 5); } });
      },
    },
    {
      ALT: () => {
        const cl = this.clause;
        cl.kw = this.CONSUME(T.SourceKw);
        this.sourceDoc = this.CONSUME3(T.StringLiteral, L.document);
        const parts: SourcePart[] = (this.sourceParts = []);
        this.MANY(() => { this.CONSUME(T.Comma); parts.push(this.SUBRULE(this.sourcePart)); });
      },
    },
    { GATE: () => this.nextIs('part'), ALT: () => { this.clause.part = this.SUBRULE(this.partDecl); } },
  ];

  /** `any of the following`, `all of the following` or `at least N of the following` follows. */
  private groupAhead(): boolean {
    if (this.LA(1).tokenType === T.AtKw) return this.LA(2).tokenType === T.LeastKw && this.LA(3).tokenType === T.NumberLiteral;
    return (this.nextIs('any') || this.nextIs('all')) && this.nextIs('of', 2) && this.nextIs('the', 3);
  }

  // groupNeed := ('at' 'least' NUMBER | "any" | "all") "of" "the" "following"
  groupNeed = this.rule('groupNeed', (): { need: 'any' | 'all' | number; range: A.NodeBase['range'] } => {
    const from = this.here();
    let need: 'any' | 'all' | number = 'any';
    this.OR([
      { ALT: () => { this.CONSUME(T.AtKw); this.CONSUME(T.LeastKw); const n = this.CONSUME(T.NumberLiteral, L.need); need = Number(n.image); } },
      { ALT: () => { const w = this.CONSUME(T.Identifier, L.need); need = w.image === 'all' ? 'all' : 'any'; } },
    ]);
    this.softKeyword('of', 2);
    this.softKeyword('the', 3);
    this.softKeyword('following', 4);
    return { need, range: this.rangeFrom(from) ?? noRange() };
  });

  // partDecl := "part" declName STRING? ('require' expr | 'otherwise' STRING | 'when' ("met" | 'unknown') STRING)*
  partDecl = this.rule('partDecl', (): A.PartDecl => {
    const from = this.here();
    let nm: IToken | undefined;
    let title: IToken | undefined;
    const p: A.PartDecl = { kind: 'PartDecl', name: { kind: 'Name', text: '', range: noRange() }, texts: {}, repeated: [], range: noRange() };
    const finish = (): A.PartDecl => {
      if (this.RECORDING_PHASE) return p;
      p.range = this.rangeFrom(from) ?? noRange();
      p.name = nm ? name(nm) : { kind: 'Name', text: '', range: p.range };
      if (valid(title)) p.title = stringName(title);
      return p;
    };
    const once = (kw: IToken, present: boolean): boolean => {
      if (present && !this.RECORDING_PHASE && valid(kw)) p.repeated.push(name(kw));
      return !present;
    };
    try {
      this.softKeyword('part', 1);
      nm = this.SUBRULE(this.declName);
      this.OPTION(() => { title = this.CONSUME(T.StringLiteral, L.title); });
      this.MANY(() =>
        this.OR([
          { ALT: () => { const kw = this.CONSUME(T.RequireKw); const e = this.SUBRULE(this.expr, L.require); if (once(kw, p.require !== undefined)) p.require = e; } },
          { ALT: () => { const kw = this.CONSUME(T.OtherwiseKw); const s = this.CONSUME2(T.StringLiteral, L.otherwise); if (once(kw, p.texts.otherwise !== undefined) && valid(s)) p.texts.otherwise = stringName(s); } },
          {
            ALT: () => {
              const kw = this.CONSUME(T.WhenKw);
              const which = this.OR2([{ ALT: () => { this.softKeyword('met', 2); return 'met' as const; } }, { ALT: () => { this.CONSUME(T.UnknownKw); return 'unknown' as const; } }]);
              const s = this.CONSUME3(T.StringLiteral, L.met);
              if (once(kw, p.texts[which] !== undefined) && valid(s)) p.texts[which] = stringName(s);
            },
          },
        ]),
      );
    } catch (e) {
      const inner = this.inner<A.Expr>(e);
      if (inner && !p.require && !this.RECORDING_PHASE && this.tokens[this.currIdx]?.tokenType !== T.StringLiteral) p.require = inner;
      throw this.unfinished(e, finish());
    }
    return finish();
  });

  // useDecl := "use" 'criterion' declName (',' declName)*
  useDecl = this.rule('useDecl', (): A.UseDecl => {
    const from = this.here();
    const names: IToken[] = [];
    try {
      this.softKeyword('use', 1);
      this.CONSUME(T.CriterionKw);
      const first = this.SUBRULE(this.declName);
      if (first) names.push(first);
      this.MANY(() => { this.CONSUME(T.Comma); const n = this.SUBRULE2(this.declName); if (n) names.push(n); });
    } catch (e) {
      throw this.unfinished(e, this.useOf(from, names));
    }
    return this.useOf(from, names);
  });

  private useOf(from: number, names: IToken[]): A.UseDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    return { kind: 'UseDecl', names: names.filter(valid).map(name), range: this.rangeFrom(from) ?? noRange() };
  }

  // policyDecl := 'policy' declName STRING? ('jurisdiction' (UPPER | STRING) | policyStep | 'uses' nameList | 'when' "denied" STRING)*
  policyDecl = this.rule('policyDecl', (): A.PolicyDecl => {
    const from = this.here();
    let nm: IToken | undefined;
    let title: IToken | undefined;
    const jurisdictions: IToken[] = [];
    const steps: A.Name[][] = [];
    const uses: IToken[] = [];
    let note: IToken | undefined;
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
          { ALT: () => { this.CONSUME(T.UsesKw); const names = this.SUBRULE(this.nameList, L.vocabulary); if (!this.RECORDING_PHASE) uses.push(...names); } },
          { ALT: () => { this.CONSUME(T.WhenKw); this.softKeyword('denied', 1); note = this.CONSUME3(T.StringLiteral, L.note); } },
        ]),
      );
    } catch (e) {
      const inner = this.inner<A.Name[]>(e);
      if (inner && inSteps && Array.isArray(inner)) steps.push(inner);
      throw this.unfinished(e, this.policyOf(from, nm, title, jurisdictions, steps, uses, note));
    }
    return this.policyOf(from, nm, title, jurisdictions, steps, uses, note);
  });

  private policyOf(from: number, nm: IToken | undefined, title: IToken | undefined, jurisdictions: IToken[], steps: A.Name[][], uses: IToken[], note: IToken | undefined): A.PolicyDecl {
    if (this.RECORDING_PHASE) return undefined as never;
    const range = this.rangeFrom(from) ?? noRange();
    const p: A.PolicyDecl = { kind: 'PolicyDecl', range, name: nm ? name(nm) : { kind: 'Name', text: '', range }, steps, uses: uses.filter(valid).map(name), criteria: [], defines: [] };
    if (valid(title)) p.title = stringName(title);
    if (valid(note)) p.denialNote = stringName(note);
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
  // A reserved word is taken as a part too (and reported, P206) where it cannot be anything else:
  // after a dot, or before one (`acme.codes`, `codes.x`).
  qualifiedName = this.rule('qualifiedName', (): A.Name => {
    const from = this.here();
    const parts: IToken[] = [];
    try {
      parts.push(this.OR2([
        { ALT: () => this.CONSUME(T.Identifier, L.part) },
        { GATE: () => this.LA(2).tokenType === T.Dot, ALT: () => this.reservedPart(this.CONSUME(T.ReservedWord, L.reserved)) },
      ]));
      this.MANY(() => {
        this.CONSUME(T.Dot);
        parts.push(this.OR(this.nameParts));
      });
    } catch (e) {
      throw this.unfinished(e, this.qualifiedNameOf(from, parts));
    }
    return this.qualifiedNameOf(from, parts);
  });
  private readonly nameParts = [
    { ALT: () => this.CONSUME2(T.Identifier, L.part) },
    { ALT: () => this.CONSUME(T.Star, L.part) },
    { ALT: () => this.reservedPart(this.CONSUME2(T.ReservedWord, L.reserved)) },
  ];

  /** A reserved word taken as a part of a guideline id, reported as a reserved word used as a name. */
  private reservedPart(t: IToken): IToken {
    return this.reservedWord(t);
  }

  /** A reserved word taken where a name belongs, reported as a reserved word used as a name (P206). */
  protected reservedWord(t: IToken): IToken {
    if (!this.RECORDING_PHASE && valid(t)) this.reports.push({ code: 'P206', range: tokenRange(t), data: { word: t.image } });
    return t;
  }

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
}

/** An edition's name: a year or a word as written, quoted text without its quotes. */
function editionName(t: IToken): A.Name {
  return t.image.startsWith('"') ? stringName(t) : name(t);
}
