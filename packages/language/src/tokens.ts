// Token vocabulary of the guideline language. The lexer, the parser and the playground's generated
// Monarch grammar all read these definitions; `keywords` is the list the highlighter is made from.
import { createToken, Lexer, type TokenType } from 'chevrotain';

/** A category every token belongs to, so the parser can skip any token it cannot place. */
export const AnyToken = createToken({ name: 'AnyToken', pattern: Lexer.NA });
/** A category of every keyword, so the parser can take one where a name belongs and say it is reserved. */
export const ReservedWord = createToken({ name: 'ReservedWord', pattern: Lexer.NA });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: 'comments' });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\]|\\.)*"/, line_breaks: true });
export const DateLiteral = createToken({ name: 'DateLiteral', pattern: /\d{4}-\d{2}-\d{2}/ });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/ });
/** ICD-10 code or code pattern: M54.12, M54.1*, M60.*, G90.5*. */
export const CodePattern = createToken({ name: 'CodePattern', pattern: /[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{0,4})?\*?/ });
/** Upper-case words: jurisdictions (CA, TX). */
export const UpperName = createToken({ name: 'UpperName', pattern: /[A-Z][A-Za-z0-9]*/ });
export const Identifier = createToken({ name: 'Identifier', pattern: /[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*/ });

const keywordTokens: TokenType[] = [];
function keyword(word: string): TokenType {
  const name = word[0]!.toUpperCase() + word.slice(1) + 'Kw';
  const t = createToken({ name, pattern: new RegExp(word), longer_alt: Identifier, categories: [ReservedWord] });
  t.LABEL = `'${word}'`;
  keywordTokens.push(t);
  return t;
}

export const GuidelineKw = keyword('guideline');
export const TitleKw = keyword('title');
export const SourceKw = keyword('source');
export const PagesKw = keyword('pages');
export const PageKw = keyword('page');
// Before 'in': Chevrotain's lexer tries keywords in order, and 'in' would take the start of 'includes'.
export const IncludesKw = keyword('includes');
export const InKw = keyword('in');
export const ForceKw = keyword('force');
export const ToKw = keyword('to');
export const CoversKw = keyword('covers');
export const AppliesKw = keyword('applies');
export const WhenKw = keyword('when');
export const UnlessKw = keyword('unless');
export const ClassKw = keyword('class');
export const ProcedureKw = keyword('procedure');
export const TermsKw = keyword('terms');
export const CodesKw = keyword('codes');
export const RecommendKw = keyword('recommend');
export const OverKw = keyword('over');
export const WithinKw = keyword('within');
export const UpKw = keyword('up');
export const PerKw = keyword('per');
export const FadingKw = keyword('fading');
export const CriterionKw = keyword('criterion');
export const OnlyKw = keyword('only');
export const RequireKw = keyword('require');
export const CertifyKw = keyword('certify');
export const OtherwiseKw = keyword('otherwise');
export const PolicyKw = keyword('policy');
export const JurisdictionKw = keyword('jurisdiction');
export const FirstKw = keyword('first');
export const ThenKw = keyword('then');
export const AndKw = keyword('and');
export const OrKw = keyword('or');
export const NotKw = keyword('not');
export const IsKw = keyword('is');
export const KnownKw = keyword('known');
export const UnknownKw = keyword('unknown');
export const AtKw = keyword('at');
export const MostKw = keyword('most');
export const LeastKw = keyword('least');
export const MoreKw = keyword('more');
export const LessKw = keyword('less');
export const FewerKw = keyword('fewer');
export const ThanKw = keyword('than');
export const AgoKw = keyword('ago');
export const VocabularyKw = keyword('vocabulary');
export const UsesKw = keyword('uses');
export const FactKw = keyword('fact');
export const FieldKw = keyword('field');
export const RecordKw = keyword('record');
export const FromKw = keyword('from');
export const DefineKw = keyword('define');
export const WhereKw = keyword('where');
export const SinceKw = keyword('since');
export const RoundedKw = keyword('rounded');
export const EmptyKw = keyword('empty');
export const EditionKw = keyword('edition');
export const RevisesKw = keyword('revises');
export const DropsKw = keyword('drops');
export const TableKw = keyword('table');

export const LessEq = createToken({ name: 'LessEq', pattern: /<=/, label: "'<='" });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=/, label: "'>='" });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=/, label: "'!='" });
export const Less = createToken({ name: 'Less', pattern: /</, label: "'<'" });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: "'>'" });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: "'='" });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: "'+'" });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: "'-'" });
export const Star = createToken({ name: 'Star', pattern: /\*/, label: "'*'" });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: "'/'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: "':'" });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: "'.'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
/** A table's rows: `| key || column |`; the double bar parts the keys from the columns. */
export const DoublePipe = createToken({ name: 'DoublePipe', pattern: /\|\|/, label: "'||'" });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, label: "'|'" });

/** Every keyword token, in definition order. */
export const keywordTokenTypes: readonly TokenType[] = keywordTokens;
/** The reserved words of the language (for highlighting and completion). */
export const keywords: readonly string[] = keywordTokens.map((t) => String(t.PATTERN).slice(1, -1));
/** Operator and punctuation tokens. */
export const symbolTokenTypes: readonly TokenType[] = [LessEq, GreaterEq, NotEq, Less, Greater, Equals, Plus, Minus, Star, Slash, Comma, Colon, Dot, LParen, RParen, DoublePipe, Pipe];

/** Lexer order matters: dates before numbers, codes before upper-case names, keywords before identifiers. */
export const allTokens: TokenType[] = [
  AnyToken,
  ReservedWord,
  WhiteSpace,
  Comment,
  StringLiteral,
  DateLiteral,
  NumberLiteral,
  CodePattern,
  UpperName,
  ...keywordTokens,
  Identifier,
  ...symbolTokenTypes,
];
for (const t of allTokens) if (t !== AnyToken && t !== ReservedWord && t !== WhiteSpace && t !== Comment) t.CATEGORIES = [...(t.CATEGORIES ?? []), AnyToken];
