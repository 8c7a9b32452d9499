// Grammar rules only: tokens -> CST, with error recovery. `to-ast.ts` is the only reader of the CST.
// Each rule carries its EBNF line from grammar/SPEC.md.
import { CstParser, type CstNode, type IToken, type TokenType } from 'chevrotain';
import * as T from './tokens.ts';

const comparisonSymbols = [T.LessEq, T.GreaterEq, T.NotEq, T.Less, T.Greater, T.Equals];
/** Tokens that may follow a fact word in an expression (used to tell `a or b` values from `or <fact> ...`). */
const continuesExpression = new Set<TokenType>([T.Identifier, T.IsKw, T.WithinKw, T.Plus, T.Minus, T.Star, T.Slash, T.LParen, ...comparisonSymbols]);

export class GuidelineParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 4, nodeLocationTracking: 'onlyOffset' });
    this.performSelfAnalysis();
  }

  // file := (guidelineDecl | classDecl | recommendBlock | criterionDecl | policyDecl)*
  // Declarations follow each other flat (members belong to the guideline above them), and a token no
  // declaration can take is skipped and reported, so one broken line never hides the rest of the file.
  file = this.RULE('file', () => {
    this.MANY(() =>
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.guidelineDecl) },
          { ALT: () => this.SUBRULE(this.classDecl) },
          { ALT: () => this.SUBRULE(this.recommendBlock) },
          { ALT: () => this.SUBRULE(this.criterionDecl) },
          { ALT: () => this.SUBRULE(this.policyDecl) },
          { ALT: () => this.CONSUME(T.AnyToken, { LABEL: 'junk' }) },
        ],
      }),
    );
  });

  // guidelineDecl := 'guideline' qualifiedName headerClause*
  guidelineDecl = this.RULE('guidelineDecl', () => {
    this.CONSUME(T.GuidelineKw);
    // A quoted id is taken (and reported by to-ast) so the header after it still parses.
    this.OR([{ ALT: () => this.SUBRULE(this.qualifiedName) }, { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'quotedId' }) }]);
    this.MANY(() => this.SUBRULE(this.headerClause));
  });

  // headerClause := 'title' STRING | 'source' STRING (',' sourcePart)* | 'in' 'force' DATE ('to' DATE)?
  //               | 'covers' NAME (',' NAME)* | 'applies' 'when' expr | 'unless' expr
  headerClause = this.RULE('headerClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.TitleKw); this.CONSUME(T.StringLiteral); } },
      {
        ALT: () => {
          this.CONSUME(T.SourceKw);
          this.CONSUME2(T.StringLiteral, { LABEL: 'document' });
          this.MANY(() => { this.CONSUME(T.Comma); this.SUBRULE(this.sourcePart); });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.InKw);
          this.CONSUME(T.ForceKw);
          this.CONSUME(T.DateLiteral, { LABEL: 'from' });
          this.OPTION(() => { this.CONSUME(T.ToKw); this.CONSUME2(T.DateLiteral, { LABEL: 'to' }); });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.CoversKw);
          this.CONSUME(T.Identifier, { LABEL: 'treatment' });
          this.MANY2(() => { this.CONSUME2(T.Comma); this.CONSUME2(T.Identifier, { LABEL: 'treatment' }); });
        },
      },
      { ALT: () => { this.CONSUME(T.AppliesKw); this.CONSUME(T.WhenKw); this.SUBRULE(this.expr, { LABEL: 'applies' }); } },
      { ALT: () => { this.CONSUME(T.UnlessKw); this.SUBRULE2(this.expr, { LABEL: 'unless' }); } },
    ]);
  });

  // sourcePart := NUMBER | ('page' | 'pages') NUMBER ('-' NUMBER)? | STRING
  sourcePart = this.RULE('sourcePart', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: 'edition' }) },
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.PagesKw) }, { ALT: () => this.CONSUME(T.PageKw) }]);
          this.CONSUME2(T.NumberLiteral, { LABEL: 'firstPage' });
          this.OPTION(() => { this.CONSUME(T.Minus); this.CONSUME3(T.NumberLiteral, { LABEL: 'lastPage' }); });
        },
      },
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'part' }) },
    ]);
  });

  // classDecl := ('class' | 'procedure') declName STRING? ('terms' STRING (',' STRING)* | 'codes' CODE (',' CODE)*)*
  classDecl = this.RULE('classDecl', () => {
    this.OR([{ ALT: () => this.CONSUME(T.ClassKw) }, { ALT: () => this.CONSUME(T.ProcedureKw) }]);
    this.SUBRULE(this.declName);
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'title' }));
    this.MANY(() =>
      this.OR2([
        {
          ALT: () => {
            this.CONSUME(T.TermsKw);
            this.CONSUME2(T.StringLiteral, { LABEL: 'term' });
            this.MANY2(() => { this.CONSUME(T.Comma); this.CONSUME3(T.StringLiteral, { LABEL: 'term' }); });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.CodesKw);
            this.CONSUME(T.CodePattern, { LABEL: 'code' });
            this.MANY3(() => { this.CONSUME2(T.Comma); this.CONSUME2(T.CodePattern, { LABEL: 'code' }); });
          },
        },
      ]),
    );
  });

  // declName := NAME
  // A reserved word is taken too (and reported by to-ast), so the declaration after it still parses.
  declName = this.RULE('declName', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier, { LABEL: 'name' }) }, { ALT: () => this.CONSUME(T.ReservedWord, { LABEL: 'reserved' }) }]);
  });

  // recommendBlock := 'recommend' recommendEntry*
  recommendBlock = this.RULE('recommendBlock', () => {
    this.CONSUME(T.RecommendKw);
    this.MANY(() => this.SUBRULE(this.recommendEntry));
  });

  // recommendEntry := NAME ':' (course | frequency)
  recommendEntry = this.RULE('recommendEntry', () => {
    this.CONSUME(T.Identifier, { LABEL: 'name' });
    this.CONSUME(T.Colon);
    this.OR([{ ALT: () => this.SUBRULE(this.course) }, { ALT: () => this.SUBRULE(this.frequency) }]);
  });

  // course := span UNIT 'over' span UNIT ('within' NUMBER UNIT)?      e.g. 8-10 visits over 4 weeks within 6 months
  course = this.RULE('course', () => {
    this.SUBRULE(this.span, { LABEL: 'visits' });
    this.CONSUME(T.Identifier, { LABEL: 'visitUnit' });
    this.CONSUME(T.OverKw);
    this.SUBRULE2(this.span, { LABEL: 'duration' });
    this.CONSUME2(T.Identifier, { LABEL: 'durationUnit' });
    this.OPTION(() => {
      this.CONSUME(T.WithinKw);
      this.CONSUME(T.NumberLiteral, { LABEL: 'period' });
      this.CONSUME3(T.Identifier, { LABEL: 'periodUnit' });
    });
  });

  // span := NUMBER ('-' NUMBER)?
  span = this.RULE('span', () => {
    this.CONSUME(T.NumberLiteral, { LABEL: 'low' });
    this.OPTION(() => { this.CONSUME(T.Minus); this.CONSUME2(T.NumberLiteral, { LABEL: 'high' }); });
  });

  // frequency := 'up' 'to' NUMBER 'per' UNIT (',')? ('fading' 'to' NUMBER ('or' 'less')?)?
  frequency = this.RULE('frequency', () => {
    this.CONSUME(T.UpKw);
    this.CONSUME(T.ToKw);
    this.CONSUME(T.NumberLiteral, { LABEL: 'most' });
    this.CONSUME(T.PerKw);
    this.CONSUME(T.Identifier, { LABEL: 'per' });
    this.OPTION(() => this.CONSUME(T.Comma));
    this.OPTION2(() => {
      this.CONSUME(T.FadingKw);
      this.CONSUME2(T.ToKw);
      this.CONSUME2(T.NumberLiteral, { LABEL: 'fadeTo' });
      this.OPTION3(() => { this.CONSUME(T.OrKw); this.CONSUME(T.LessKw); });
    });
  });

  // criterionDecl := 'criterion' declName STRING? criterionClause*
  criterionDecl = this.RULE('criterionDecl', () => {
    this.CONSUME(T.CriterionKw);
    this.SUBRULE(this.declName);
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'title' }));
    this.MANY(() => this.SUBRULE(this.criterionClause));
  });

  // criterionClause := 'only' 'when' expr | 'require' expr | 'certify' 'at' 'most' expr | 'otherwise' STRING
  criterionClause = this.RULE('criterionClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.OnlyKw); this.CONSUME(T.WhenKw); this.SUBRULE(this.expr, { LABEL: 'onlyWhen' }); } },
      { ALT: () => { this.CONSUME(T.RequireKw); this.SUBRULE2(this.expr, { LABEL: 'require' }); } },
      { ALT: () => { this.CONSUME(T.CertifyKw); this.CONSUME(T.AtKw); this.CONSUME(T.MostKw); this.SUBRULE3(this.expr, { LABEL: 'certify' }); } },
      { ALT: () => { this.CONSUME(T.OtherwiseKw); this.CONSUME(T.StringLiteral, { LABEL: 'otherwise' }); } },
    ]);
  });

  // policyDecl := 'policy' declName STRING? ('jurisdiction' (UPPER | STRING) | policyStep)*
  policyDecl = this.RULE('policyDecl', () => {
    this.CONSUME(T.PolicyKw);
    this.SUBRULE(this.declName);
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: 'title' }));
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.JurisdictionKw);
            this.OR2([{ ALT: () => this.CONSUME(T.UpperName, { LABEL: 'jurisdiction' }) }, { ALT: () => this.CONSUME2(T.StringLiteral, { LABEL: 'jurisdiction' }) }]);
          },
        },
        { ALT: () => this.SUBRULE(this.policyStep) },
      ]),
    );
  });

  // policyStep := ('first' | 'then') qualifiedName (',' qualifiedName)*
  policyStep = this.RULE('policyStep', () => {
    this.OR([{ ALT: () => this.CONSUME(T.FirstKw) }, { ALT: () => this.CONSUME(T.ThenKw) }]);
    this.SUBRULE(this.qualifiedName, { LABEL: 'pattern' });
    this.MANY(() => { this.CONSUME(T.Comma); this.SUBRULE2(this.qualifiedName, { LABEL: 'pattern' }); });
  });

  // qualifiedName := NAME ('.' (NAME | '*'))*
  qualifiedName = this.RULE('qualifiedName', () => {
    this.CONSUME(T.Identifier, { LABEL: 'part' });
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.OR([{ ALT: () => this.CONSUME2(T.Identifier, { LABEL: 'part' }) }, { ALT: () => this.CONSUME(T.Star, { LABEL: 'part' }) }]);
    });
  });

  // expr := andExpr ('or' andExpr)*
  expr = this.RULE('expr', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operand' });
    this.MANY(() => { this.CONSUME(T.OrKw); this.SUBRULE2(this.andExpr, { LABEL: 'operand' }); });
  });

  // andExpr := notExpr ('and' notExpr)*
  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr, { LABEL: 'operand' });
    this.MANY(() => { this.CONSUME(T.AndKw); this.SUBRULE2(this.notExpr, { LABEL: 'operand' }); });
  });

  // notExpr := 'not' notExpr | comparison
  notExpr = this.RULE('notExpr', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.NotKw); this.SUBRULE(this.notExpr, { LABEL: 'negated' }); } },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  // comparison := additive (('<=' | '<' | '>=' | '>' | '=' | '!=') additive | 'is' isTest | 'within' additive)?
  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive, { LABEL: 'left' });
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.OR2(comparisonSymbols.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: 'op' }) })));
            this.SUBRULE2(this.additive, { LABEL: 'right' });
          },
        },
        { ALT: () => { this.CONSUME(T.IsKw); this.SUBRULE(this.isTest); } },
        { ALT: () => { this.CONSUME(T.WithinKw, { LABEL: 'within' }); this.SUBRULE3(this.additive, { LABEL: 'right' }); } },
      ]),
    );
  });

  // isTest := 'not'? ('known' | 'unknown' | valueList) | 'at' ('most' | 'least') additive
  //         | ('more' | 'less' | 'fewer') 'than' additive 'ago'? | 'within' additive
  isTest = this.RULE('isTest', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.AtKw); this.OR2([{ ALT: () => this.CONSUME(T.MostKw, { LABEL: 'op' }) }, { ALT: () => this.CONSUME(T.LeastKw, { LABEL: 'op' }) }]); this.SUBRULE(this.additive, { LABEL: 'right' }); } },
      {
        ALT: () => {
          this.OR3([{ ALT: () => this.CONSUME(T.MoreKw, { LABEL: 'op' }) }, { ALT: () => this.CONSUME(T.LessKw, { LABEL: 'op' }) }, { ALT: () => this.CONSUME(T.FewerKw, { LABEL: 'op' }) }]);
          this.CONSUME(T.ThanKw);
          this.SUBRULE2(this.additive, { LABEL: 'right' });
          this.OPTION(() => this.CONSUME(T.AgoKw, { LABEL: 'ago' }));
        },
      },
      { ALT: () => { this.CONSUME(T.WithinKw, { LABEL: 'within' }); this.SUBRULE3(this.additive, { LABEL: 'right' }); } },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME(T.NotKw, { LABEL: 'negated' }));
          this.OR4([
            { ALT: () => this.CONSUME(T.KnownKw, { LABEL: 'known' }) },
            { ALT: () => this.CONSUME(T.UnknownKw, { LABEL: 'unknown' }) },
            { ALT: () => this.SUBRULE(this.valueList) },
          ]);
        },
      },
    ]);
  });

  // valueList := value (',' value | 'or' value)*     ('or' joins values only when no fact test follows)
  valueList = this.RULE('valueList', () => {
    this.SUBRULE(this.value);
    this.MANY({
      GATE: () => this.LA(1).tokenType === T.Comma || (this.LA(1).tokenType === T.OrKw && this.orJoinsValues()),
      DEF: () => {
        this.OR([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.OrKw) }]);
        this.SUBRULE2(this.value);
      },
    });
  });

  // value := NAME | STRING | UPPER | CODE
  value = this.RULE('value', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: 'v' }) },
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'v' }) },
      { ALT: () => this.CONSUME(T.UpperName, { LABEL: 'v' }) },
      { ALT: () => this.CONSUME(T.CodePattern, { LABEL: 'v' }) },
    ]);
  });

  // additive := multiplicative (('+' | '-') multiplicative)*
  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: 'op' }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: 'op' }) }]);
      this.SUBRULE2(this.multiplicative, { LABEL: 'operand' });
    });
  });

  // multiplicative := primary (('*' | '/') primary)*
  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.primary, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star, { LABEL: 'op' }) }, { ALT: () => this.CONSUME(T.Slash, { LABEL: 'op' }) }]);
      this.SUBRULE2(this.primary, { LABEL: 'operand' });
    });
  });

  // primary := NUMBER ('per'? UNIT)? | NAME+ | DATE | STRING | '(' expr ')'
  primary = this.RULE('primary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NumberLiteral, { LABEL: 'number' });
          // A unit word, or 'per week'; a following name that starts a new fact is not taken.
          this.OPTION({
            GATE: () => this.LA(1).tokenType === T.PerKw || (this.LA(1).tokenType === T.Identifier && isUnitWord(this.LA(1).image)),
            DEF: () =>
              this.OR2([
                { ALT: () => { this.CONSUME(T.PerKw, { LABEL: 'per' }); this.CONSUME(T.Identifier, { LABEL: 'unit' }); } },
                { ALT: () => this.CONSUME2(T.Identifier, { LABEL: 'unit' }) },
              ]),
          });
        },
      },
      { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME3(T.Identifier, { LABEL: 'word' })) },
      { ALT: () => this.CONSUME(T.DateLiteral, { LABEL: 'date' }) },
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: 'string' }) },
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.expr, { LABEL: 'inner' }); this.CONSUME(T.RParen); } },
    ]);
  });

  /** After `or`: true when the next value is a lone word, false when a new fact test begins. */
  private orJoinsValues(): boolean {
    const next = this.LA(2).tokenType;
    if (next !== T.Identifier && next !== T.StringLiteral && next !== T.UpperName && next !== T.CodePattern) return false;
    return !continuesExpression.has(this.LA(3).tokenType);
  }
}

const unitWords = new Set(['visit', 'visits', 'session', 'sessions', 'week', 'weeks', 'month', 'months', 'day', 'days', 'year', 'years']);
export function isUnitWord(word: string): boolean {
  return unitWords.has(word);
}

let parser: GuidelineParser | undefined;
/** The shared parser instance (self-analysis runs once, on first use). */
export function getParser(): GuidelineParser {
  parser ??= new GuidelineParser();
  return parser;
}

export interface ParseCstResult {
  cst: CstNode;
  errors: import('chevrotain').IRecognitionException[];
}

export function parseTokens(tokens: IToken[]): ParseCstResult {
  const p = getParser();
  p.input = tokens;
  const cst = p.file();
  return { cst, errors: p.errors };
}
