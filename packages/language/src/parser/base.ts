// The machinery every grammar rule shares: an embedded-actions Chevrotain parser that builds AST
// nodes while it parses (no CST), turning inclusive end offsets into half-open ranges.
//
// Broken text. Recovery leaves holes: a token it invented (isInsertedInRecovery, no offsets) is
// never used, and a rule that a recognition error leaves still yields what it had read. Each rule
// catches the error on its way out, builds its node from what it has (with the node its unfinished
// sub-rule built, which the error carries), and passes it on in the error: to the rule that called
// it, or, when Chevrotain resumes at this rule, as the rule's value (recoveryValueFunc). A node's
// range runs from the first to the last token it (or a rule under it) took, skipped tokens excluded.
import { EmbeddedActionsParser, isRecognitionException, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import type * as A from '../ast.ts';
import type { Range } from '../diagnostics.ts';
import * as T from '../tokens.ts';
import type { DeclaredUnits } from '../units.ts';

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
  'visits', 'within', 'word', 'vocabulary', 'meaning', 'path', 'builtin', 'absent', 'value', 'min', 'max',
  'record', 'list', 'where', 'over', 'count', 'revises', 'drops', 'met', 'note', 'need', 'since',
  'how', 'soft',
] as const;
export const L = Object.fromEntries(labels.map((n) => [n, { LABEL: n }])) as { readonly [K in (typeof labels)[number]]: { LABEL: K } };

/** A report about a node the parser built (a reserved word as a name, a quoted id, an unknown unit). */
export interface NodeReport {
  code: 'P202' | 'P204' | 'P206';
  range: Range;
  data: Record<string, unknown>;
}

/**
 * The text of a string literal, without quotes, escapes resolved, and each line break within it a
 * \n: a text of a file with CRLF line endings is the same as in its copy with LF ones.
 */
export function unquote(image: string): string {
  let body = image.endsWith('"') && image.length >= 2 ? image.slice(1, -1) : image.slice(1);
  if (body.includes('\r')) body = body.replace(/\r\n/g, '\n');
  if (!body.includes('\\')) return body;
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** A token the text holds (not one recovery invented). */
export function valid(t: IToken | undefined): t is IToken {
  return t !== undefined && t.isInsertedInRecovery !== true;
}
export function tokenRange(t: IToken): Range {
  return { start: t.startOffset, end: t.endOffset! + 1 };
}
export function name(t: IToken): A.Name {
  return { kind: 'Name', text: t.image, range: tokenRange(t) };
}
export function stringName(t: IToken): A.Name {
  return { kind: 'Name', text: unquote(t.image), range: tokenRange(t) };
}
/** A Name over a run of tokens, their images joined by `sep` (words by one space, a path by nothing). */
export function joinedName(tokens: readonly IToken[], sep: string): A.Name | undefined {
  const ts = tokens.filter(valid);
  if (!ts.length) return undefined;
  return { kind: 'Name', text: ts.map((t) => t.image).join(sep), range: { start: ts[0]!.startOffset, end: ts[ts.length - 1]!.endOffset! + 1 } };
}
export const noRange = (): Range => ({ start: 0, end: 0 });

const noUnits: DeclaredUnits = new Map();

/** A recognition error on its way out of a rule, with the node the rule had built. */
interface Unfinished {
  partial?: unknown;
}

export class ParserBase extends EmbeddedActionsParser {
  /** Reports about the nodes built, in the order they were built (parse.ts keeps those still in the AST). */
  reports: NodeReport[] = [];
  /** Quantities with an unknown unit, with their report: kept only if the AST still holds them. */
  unitReports: { node: A.Quantity; report: NodeReport }[] = [];
  /** The units the program's vocabularies declare: a number takes one of their words as its unit. */
  protected units: DeclaredUnits = new Map();
  /** The token vector being parsed, and which of its tokens a rule took (1) rather than skipped. */
  protected tokens: IToken[] = [];
  private taken = new Uint8Array(0);
  // Chevrotain's index of the last token consumed (or skipped).
  declare protected readonly currIdx: number;

  /**
   * `recovering`: on an error, resynchronise and go on (the editor's view of broken text). Without
   * it the parser stops at the first error; on text without errors both build the same AST, and
   * the one that does not recover takes about a third less time.
   * `validateGrammar`: run Chevrotain's checks of the grammar itself (ambiguities, left recursion)
   * when the parser is made. They find nothing in a grammar that passed them once, and take about a
   * third of making a parser, which every cold command pays: a test runs them, the parsers in use skip them.
   */
  constructor(readonly recovering: boolean, validateGrammar = false) {
    super(T.allTokens, { recoveryEnabled: recovering, maxLookahead: 4, skipValidations: !validateGrammar });
    // Chevrotain hands every consumed token to this hook (its CST builder's; unused without a CST).
    // Only recovery skips tokens, so only the recovering parser needs to know which it took.
    if (recovering) {
      (this as unknown as { cstPostTerminal: (label: string, t: IToken) => void }).cstPostTerminal = (_, t) => {
        if (t.isInsertedInRecovery !== true) this.taken[this.currIdx] = 1;
      };
    }
  }

  /** Sets the tokens to parse and clears what the last parse left. */
  begin(tokens: IToken[], units: DeclaredUnits = noUnits): void {
    this.units = units;
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
  protected rule<F extends () => unknown>(ruleName: string, impl: F): ParserMethod<[], ReturnType<F>> {
    return this.RULE(ruleName, impl, { recoveryValueFunc: (e) => (e as Unfinished).partial as ReturnType<F> });
  }

  /** The node an unfinished sub-rule built (carried by the error), if the error came out of one. */
  protected inner<V>(e: unknown): V | undefined {
    return (e as Unfinished).partial as V | undefined;
  }

  /** The error, carrying what this rule built, to throw on. */
  protected unfinished(e: unknown, partial: unknown): unknown {
    if (e instanceof Error && isRecognitionException(e)) (e as Unfinished).partial = partial;
    return e;
  }

  /** The index of the next token (where a rule begins). */
  protected here(): number {
    return this.currIdx + 1;
  }

  /** The range of what the rule that began at token `from` took, or undefined when it took nothing. */
  protected rangeFrom(from: number): Range | undefined {
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

  /**
   * Whether a repetition or option that can only begin with `op1` or `op2` may take anything:
   * always while recording the grammar or when recovering (one that takes nothing may still
   * recover), else only when the next token is one of them. Most operands stand alone, and not
   * entering the repetition then spares its closure, its lists and its lookahead.
   */
  protected mayTake(op1: TokenType, op2?: TokenType): boolean {
    if (this.RECORDING_PHASE || this.recovering) return true;
    const next = this.LA(1).tokenType;
    return next === op1 || next === op2;
  }

  /** Whether the next token is the word `word` (a soft keyword: a name everywhere else). */
  protected nextIs(word: string, k = 1): boolean {
    const t = this.LA(k);
    return t.tokenType === T.Identifier && t.image === word;
  }

  /**
   * Takes a soft keyword: an identifier that must read `word` here (`idx` tells this occurrence of an
   * identifier from the rule's others, as CONSUME2, CONSUME3 do). Another word is reported.
   */
  protected softKeyword(word: string, idx: number): IToken {
    const t = this.consume(idx, T.Identifier, { LABEL: word });
    if (!this.RECORDING_PHASE && valid(t) && t.image !== word) {
      this.reports.push({ code: 'P202', range: tokenRange(t), data: { message: `Expected '${word}' but found '${t.image}'` } });
    }
    return t;
  }
}
