// The front end: text -> tokens -> CST -> AST, collecting L1xx/P2xx diagnostics. Never throws on input.
import type { IRecognitionException, IToken } from 'chevrotain';
import type { GuidelineFile } from './ast.ts';
import { collector, type Diagnostic } from './diagnostics.ts';
import { lex } from './lexer.ts';
import { getParser, parseTokens } from './parser.ts';
import { AstBuilder } from './to-ast.ts';

export interface ParseResult {
  ast: GuidelineFile;
  diagnostics: Diagnostic[];
  /** Comment tokens, for the formatter. */
  comments: { text: string; start: number; end: number }[];
}

const ruleWords: Record<string, string> = {
  guidelineDecl: 'a guideline header',
  headerClause: 'a guideline header',
  sourcePart: 'a source',
  classDecl: 'a class',
  recommendBlock: 'a recommend block',
  recommendEntry: 'a recommendation',
  course: 'a course of visits',
  span: 'a number or range',
  frequency: 'a frequency',
  criterionDecl: 'a criterion',
  criterionClause: 'a criterion',
  policyDecl: 'a policy',
  policyStep: 'a policy',
  file: 'the file',
};

function describe(t: IToken): string {
  return t.tokenType.name === 'EOF' ? 'the end of the file' : `'${t.image.length > 30 ? t.image.slice(0, 30) + '…' : t.image}'`;
}

function where(e: IRecognitionException): string {
  const stack = e.context?.ruleStack ?? [];
  for (let i = stack.length - 1; i >= 0; i--) {
    const w = ruleWords[stack[i]!];
    if (w) return ` in ${w}`;
  }
  return stack.length ? ' in a condition' : '';
}

function expectedFrom(message: string): string | undefined {
  // Chevrotain names a token by its LABEL when it has one ("Expecting --> 'over' <--"), else by type.
  const m = /Expecting (?:token of type )?--> (.+?) <--/.exec(message);
  if (!m) return undefined;
  const name = m[1]!;
  if (name.startsWith("'")) return name;
  const friendly: Record<string, string> = {
    Identifier: 'a name', StringLiteral: 'a quoted text', NumberLiteral: 'a number', DateLiteral: 'a date (YYYY-MM-DD)',
    CodePattern: 'an ICD-10 code', RParen: "')'", LParen: "'('", Colon: "':'", Comma: "','",
  };
  return friendly[name] ?? (name.endsWith('Kw') ? `'${name.slice(0, -2).toLowerCase()}'` : name);
}

/** Parses guideline text into an AST with diagnostics. The AST is partial where the text is broken. */
/** Limits that keep broken or hostile input from hanging or crashing the front end. */
export const limits = { maxFileLength: 2_000_000, maxNesting: 50 };

function empty(text: string): GuidelineFile {
  return { kind: 'GuidelineFile', range: { start: 0, end: text.length }, guidelines: [], policies: [] };
}

/** The first parenthesis that opens past the nesting limit, if any. */
function tooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    if (t.image === '(' && t.tokenType.name === 'LParen') {
      if (++depth > limits.maxNesting) return t;
    } else if (t.image === ')' && t.tokenType.name === 'RParen') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

export function parse(text: string, file?: string): ParseResult {
  const { report, diagnostics } = collector(file);
  if (text.length > limits.maxFileLength) {
    report('L103', { start: 0, end: 0 }, { size: text.length, limit: limits.maxFileLength });
    return { ast: empty(text), diagnostics, comments: [] };
  }
  const lexed = lex(text);
  for (const d of lexed.diagnostics) report(d.code, d.range, d.data ?? {});
  const deep = tooDeep(lexed.tokens);
  if (deep) {
    // The parser recurses once per level: refuse before it can exhaust the stack.
    report('P205', { start: deep.startOffset, end: deep.startOffset + 1 }, { limit: limits.maxNesting });
    return { ast: empty(text), diagnostics, comments: [] };
  }
  const { cst, errors } = parseTokens(lexed.tokens);
  const seen = new Set<number>();
  for (const e of errors) {
    const t = e.token;
    const atEnd = t.tokenType.name === 'EOF' || !Number.isFinite(t.startOffset);
    const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
    const start = atEnd ? Math.max(0, prev && Number.isFinite(prev.endOffset) ? prev.endOffset! + 1 : text.length) : t.startOffset;
    const end = atEnd ? Math.min(text.length, start + 1) : t.endOffset! + 1;
    if (seen.has(start)) continue; // recovery can report one spot twice
    seen.add(start);
    const range = { start: Math.min(start, text.length), end: Math.max(Math.min(end, text.length), Math.min(start, text.length)) };
    const expected = expectedFrom(e.message);
    const message = expected && expected !== 'EOF' ? `Expected ${expected} but found ${describe(t)}${where(e)}` : `Unexpected ${describe(t)}${where(e)}`;
    if (atEnd) report('P203', range, { message });
    else report(e.name === 'MismatchedTokenException' ? 'P202' : 'P201', range, { message });
  }
  // Tokens the parser already reported come back as skipped junk from the AST builder: one report is enough.
  const once: typeof report = (code, at, args) => {
    if (code === 'P201' && seen.has('range' in at ? at.range.start : at.start)) return;
    report(code, at, args);
  };
  const ast = new AstBuilder(once).file(cst, text.length);
  return { ast, diagnostics, comments: lexed.comments.map((c) => ({ text: c.image, start: c.startOffset, end: c.endOffset! + 1 })) };
}

/**
 * Parses the expression inside text[start, end) (a placeholder of a rationale), with ranges into the
 * whole text. Returns undefined (after reporting) when it is not one well-formed expression.
 */
export function parseExpressionAt(text: string, start: number, end: number, report: import('./diagnostics.ts').Report): import('./ast.ts').Expr | undefined {
  const lexed = lex(text.slice(start, end));
  if (tooDeep(lexed.tokens)) {
    report('P205', { start, end }, { limit: limits.maxNesting });
    return undefined;
  }
  // The tokens are fresh: move them to their place in the whole text, so every range is absolute.
  for (const t of lexed.tokens) {
    t.startOffset += start;
    if (t.endOffset !== undefined) t.endOffset += start;
  }
  const p = getParser();
  p.input = lexed.tokens;
  const cst = p.expr();
  const range = { start, end };
  if (lexed.diagnostics.length || p.errors.length || lexed.tokens.length === 0) {
    report('C312', range, { message: `'{${text.slice(start, end)}}' is not an expression: write a fact or a sum, as in {completed visits}` });
    return undefined;
  }
  return new AstBuilder(report).expr(cst);
}
