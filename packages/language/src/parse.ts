// The front end: text -> tokens -> AST, collecting L1xx/P2xx diagnostics. Never throws on input.
import { tokenMatcher, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type * as A from './ast.ts';
import type { Expr, GuidelineFile } from './ast.ts';
import { collector, hasErrors, type Diagnostic, type DiagnosticCode, type Range, type Report } from './diagnostics.ts';
import { limits } from './limits.ts';
import { lex, TokenPool } from './lexer.ts';
import { getParser, type GuidelineParser, type Item, type Member } from './parser/index.ts';
import { headerProblem } from './parser/table-header.ts';
import { typoAt, type Typo } from './parser/typos.ts';
import { editDistance } from './spelling.ts';
import { Memo, shifted } from './shift.ts';
import { declaredUnit, isUnitWord, notAUnitHint, unitMeant, type BaseUnit, type DeclaredUnits } from './units.ts';
import { ClassKw, Colon, CriterionKw, Dot, keywords, ReservedWord, DefineKw, FactKw, FieldKw, GuidelineKw, Identifier, LParen, PolicyKw, ProcedureKw, RecommendKw, RecordKw, RParen, StringLiteral, VocabularyKw } from './tokens.ts';
import * as T from './tokens.ts';
import { walk } from './walk.ts';

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
  tableDecl: 'a table',
  tableClause: 'a table',
  tableHeader: "a table's header",
  tableColumn: "a table's header",
  tableRow: 'a row of a table',
  tableCell: 'a cell of a table',
  cellValue: 'a cell of a table',
  cellNumber: 'a cell of a table',
  course: 'a course of visits',
  span: 'a number or range',
  frequency: 'a frequency',
  criterionDecl: 'a criterion',
  criterionClause: 'a criterion',
  groupNeed: 'a criterion group',
  partDecl: 'a part of a criterion',
  useDecl: 'a use of a shared criterion',
  policyDecl: 'a policy',
  policyStep: 'a policy',
  vocabularyDecl: 'a vocabulary',
  unitDecl: 'a unit',
  factDecl: 'a fact',
  factOption: 'a fact',
  fieldPath: 'a case field',
  typeExpr: 'a type',
  recordDecl: 'a record',
  defineDecl: 'a define',
  aggregate: 'a count or sum',
  quantified: 'a condition on a list',
  latest: 'a condition on the latest item of a list',
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
  if (!m) return oneAlternative(message);
  const name = m[1]!;
  if (name.startsWith("'")) return name;
  const friendly: Record<string, string> = {
    Identifier: 'a name', StringLiteral: 'a quoted text', NumberLiteral: 'a number', DateLiteral: 'a date (YYYY-MM-DD)',
    CodePattern: 'an ICD-10 code', RParen: "')'", LParen: "'('", Colon: "':'", Comma: "','",
  };
  return friendly[name] ?? (name.endsWith('Kw') ? `'${name.slice(0, -2).toLowerCase()}'` : name);
}

/**
 * A choice of one-token alternatives that comes down to one: a name, or a reserved word the parser
 * takes in its place only to report it (P206), is "a name".
 */
function oneAlternative(message: string): string | undefined {
  const alternatives = [...message.matchAll(/^\s*\d+\. \[(\w+)\]$/gm)].map((a) => a[1]!).filter((a) => a !== 'ReservedWord');
  return alternatives.length === 1 ? expectedFrom(`Expecting --> ${alternatives[0]} <--`) : undefined;
}

function empty(text: string): GuidelineFile {
  return { kind: 'GuidelineFile', range: { start: 0, end: text.length }, guidelines: [], policies: [], vocabularies: [] };
}

const arithmetic = new Set<TokenType>([T.Plus, T.Minus, T.Star, T.Slash, T.NotKw]);
const comparisons = new Set<TokenType>([T.Less, T.LessEq, T.Greater, T.GreaterEq, T.Equals, T.NotEq]);
/** Tokens no chain of operators or `not`s goes on over: a joining word, a list, a clause, a new declaration. */
const chainEnds = new Set<TokenType>([
  T.AndKw, T.OrKw, T.Comma, T.AppliesKw, T.UnlessKw, T.OnlyKw, T.RequireKw, T.CertifyKw, T.OtherwiseKw, T.WhenKw, T.Colon,
  GuidelineKw, ClassKw, ProcedureKw, RecommendKw, CriterionKw, PolicyKw,
  T.VocabularyKw, T.UsesKw, T.FactKw, T.FieldKw, T.RecordKw, T.DefineKw, T.EditionKw,
  T.TableKw, T.Pipe, T.DoublePipe,
]);
/** Words before which the parser descends for an operand of their own: `count of`, `sum of`, `half of`. */
const descentWords = new Set(['count', 'sum', 'half']);

/**
 * Whether the parser descends at token `i` as it does under a `not`: for a list's condition
 * (`where`), a date (`since`, `from`), or after `count of`, `sum of`, `half of`. What follows is one level
 * deeper, up to the `and`, `or` or comma that ends it, whatever comparisons come between.
 */
function descends(tokens: readonly IToken[], i: number): boolean {
  const t = tokens[i]!;
  if (t.tokenType === T.WhereKw || t.tokenType === T.SinceKw || t.tokenType === T.FromKw) return true;
  return t.tokenType === T.Identifier && descentWords.has(t.image) && tokens[i + 1]?.image === 'of';
}

/**
 * The first token at which the text nests too deep for the parser and the passes after it, if any:
 * a parenthesis past maxNesting (P205), or past maxExpressionDepth an operator or `not` (P207).
 * Operators fold to the left, `a + b + c` being `(a + b) + c`, and each `not` holds the rest, so a
 * run of them is as deep as it is long, and a group in parentheses as deep as its inside. A
 * comparison's right side starts a new run of operators, but under the `not`s before its left side,
 * which hold both sides. `where`, `since`, `count of`, `sum of` and `half of` count as a `not` does.
 * The count errs high (it restarts only where no run can go on), never low.
 */
function tooDeep(tokens: readonly IToken[]): { token: IToken; code: DiagnosticCode; limit: number } | undefined {
  let parens = 0;
  /** Per open parenthesis, the outermost first: the operations in its current run, and the `not`s among them. */
  const runs: number[] = [0];
  const nots: number[] = [0];
  /** The operations in all the runs. */
  let inRuns = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    const top = runs.length - 1;
    if (type === LParen) {
      if (++parens > limits.maxNesting) return { token: tokens[i]!, code: 'P205', limit: limits.maxNesting };
      runs.push(0);
      nots.push(0);
    } else if (type === RParen) {
      // A closed group is one operand of the run around it, as deep as it was: its count goes on there.
      if (top > 0) {
        parens--;
        nots.pop();
        runs[top - 1]! += runs.pop()! + 1;
        inRuns++;
      }
    } else if (arithmetic.has(type) || descends(tokens, i)) {
      runs[top]!++;
      if (type !== T.Plus && type !== T.Minus && type !== T.Star && type !== T.Slash) nots[top]!++;
      if (++inRuns + parens > limits.maxExpressionDepth) return { token: tokens[i]!, code: 'P207', limit: limits.maxExpressionDepth };
    } else if (comparisons.has(type)) {
      inRuns -= runs[top]! - nots[top]!;
      runs[top] = nots[top]!;
    } else if (chainEnds.has(type)) {
      inRuns -= runs[top]!;
      runs[top] = 0;
      nots[top] = 0;
    }
  }
  return undefined;
}

/** The parser's rules that read an expression. */
const expressionRules = new Set(['expr', 'andExpr', 'notExpr', 'comparison', 'additive', 'multiplicative', 'primary']);

/** The ranges of the case field paths after `from` (its tokens written together, without spaces). */
function fieldPaths(tokens: readonly IToken[]): Range[] {
  const out: Range[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.tokenType !== T.FromKw || tokens[i + 1]!.tokenType !== T.Identifier) continue;
    let j = i + 1;
    while (j + 1 < tokens.length && tokens[j + 1]!.startOffset === tokens[j]!.endOffset! + 1) j++;
    out.push({ start: tokens[i + 1]!.startOffset, end: tokens[j]!.endOffset! + 1 });
    i = j;
  }
  return out;
}

/**
 * What parsing keeps for reuse: each declaration's parse by its text, and each placeholder
 * expression's. An editor re-parsing the text it just parsed, one edit later, parses again only the
 * declaration the edit touched.
 */
export class ParseMemo {
  readonly segments = new Memo<{ result: SegmentResult; base: number }>(20_000);
  readonly expressions = new Memo<KeptExpression>(20_000);
}

/** Placeholder expressions parsed, by their text, with the offset they were parsed at: a ParseMemo's, or one run's own. */
export interface ExpressionMemo {
  get(source: string): KeptExpression | undefined;
  set(source: string, kept: KeptExpression): void;
}
type ParsedExpression = { expr: Expr | undefined; diagnostics: Diagnostic[] };
type KeptExpression = { parsed: ParsedExpression; base: number };

/** The token objects parse() reuses from one text to the next: nothing it returns holds a token. */
const tokenPool = new TokenPool();

/** The memo the editor-facing entry points share (parse, analyze, the language services). */
export const sharedMemo = new ParseMemo();

/**
 * Parses guideline text into an AST with diagnostics. The AST is partial where the text is broken.
 * `memo`: where to find and keep declarations parsed before (null: parse everything, keep nothing).
 * `units`: the units the program's vocabularies declare (`unit level, levels`), which a number takes
 * as its unit as it does the built-in ones (see declaredUnitsOf).
 */
export function parse(text: string, file?: string, memo: ParseMemo | null = sharedMemo, units: DeclaredUnits = noUnits): ParseResult {
  const { report, diagnostics } = collector(file, limits.maxDiagnostics);
  if (text.length > limits.maxFileLength) {
    report('L103', { start: 0, end: 0 }, { size: text.length, limit: limits.maxFileLength });
    return { ast: empty(text), diagnostics, comments: [] };
  }
  const lexed = lex(text, tokenPool);
  const paths = fieldPaths(lexed.tokens);
  for (const d of lexed.diagnostics) {
    // A case field's path is the contract's spelling (`history.visitsCompleted`), not a name of the language.
    if (d.code === 'L104' && paths.some((r) => d.range.start >= r.start && d.range.end <= r.end)) continue;
    report(d.code, d.range, d.data ?? {});
  }
  // A file of nothing but blanks and comments is no syntax error, but it compiles to nothing: an
  // editor who saved the wrong file (or emptied the right one) would otherwise have no hint of it.
  if (lexed.tokens.length === 0 && lexed.diagnostics.length === 0) report('P209', { start: 0, end: 0 }, { what: lexed.comments.length ? 'has only comments' : 'is empty' });
  const deep = tooDeep(lexed.tokens);
  if (deep) {
    // The parser recurses once per level, and so does every pass after it: refuse before the stack runs out.
    report(deep.code, { start: deep.token.startOffset, end: deep.token.endOffset! + 1 }, { limit: deep.limit });
    return { ast: empty(text), diagnostics, comments: [] };
  }
  // Without a memo there is nothing to keep per declaration: text without errors is parsed whole.
  const whole = memo ? undefined : parseWhole(lexed.tokens, report, units);
  if (whole) return { ast: assemble(whole, text, new Set(), report, units), diagnostics, comments: commentsOf(lexed.comments) };
  const items: Item[] = [];
  const reported = new Set<number>();
  for (const seg of segments(lexed.tokens, text)) {
    let result: SegmentResult;
    if (memo) {
      // (A declaration reads the same with any units but those it names.)
      const key = `${text.slice(seg.start, seg.end)}\u0000${seg.next ?? ''}${unitsNamed(seg.tokens, units)}`;
      const cached = memo.segments.get(key);
      if (!cached) {
        result = parseSegment(seg, text, units);
        memo.segments.set(key, { result, base: seg.start });
      } else {
        // Where the declaration stands now; unmoved (before the edit) it is shared as it is.
        result = cached.base === seg.start ? cached.result : shifted(cached.result, seg.start - cached.base);
      }
    } else result = parseSegment(seg, text, units);
    // Assembly hangs members on guideline headers: a header kept in the memo gets a copy to carry them.
    for (const item of result.items) items.push(memo ? fresh(item) : item);
    for (const d of result.diagnostics) report(d.code, d.range, d.data ?? {});
    for (const r of result.reported) reported.add(r.range.start);
  }
  return { ast: assemble(items, text, reported, report, units), diagnostics, comments: commentsOf(lexed.comments) };
}

const noUnits: DeclaredUnits = new Map();

/**
 * Parses the files of a program. A number takes as its unit a word the language knows, or one a
 * vocabulary of the program declares (`unit level, levels`): a file that names a declared unit is
 * parsed again knowing the program's units, which the first parse of every file has found.
 */
export function parseProgram<S extends { text: string; file: string }>(sources: readonly S[], memo: ParseMemo | null): (S & ParseResult)[] {
  const first = sources.map((s) => ({ ...s, ...parse(s.text, s.file, memo) }));
  const units = declaredUnitsOf(first.map((p) => p.ast));
  if (units.size === 0) return first;
  return first.map((p) => (namesUnit(p.text, units) ? { ...p, ...parse(p.text, p.file, memo, units) } : p));
}

/** Whether a text has a word of a declared unit anywhere (it may then be one after a number). */
function namesUnit(text: string, units: DeclaredUnits): boolean {
  for (const w of units.keys()) if (text.includes(w)) return true;
  return false;
}


/** The declared units among a declaration's words, as a key: `\u0000levels,injections`, or '' for none. */
function unitsNamed(tokens: readonly IToken[], units: DeclaredUnits): string {
  if (units.size === 0) return '';
  let key = '';
  for (const t of tokens) if (t.tokenType === Identifier && units.has(t.image)) key += `\u0000${t.image}=${units.get(t.image)!.scale}`;
  return key;
}

/**
 * The units the files' vocabularies declare, by each of their words (a word declared twice, or one
 * of the language's own, is the checker's to report: the first declaration stands).
 */
export function declaredUnitsOf(files: readonly GuidelineFile[]): DeclaredUnits {
  const out = new Map<string, BaseUnit>();
  for (const f of files) {
    for (const v of f.vocabularies) {
      for (const u of v.units) {
        if (!u.one.text || !u.many.text) continue;
        const b = declaredUnit(u.one.text, u.many.text);
        for (const w of [u.one.text, u.many.text]) if (!isUnitWord(w) && !out.has(w)) out.set(w, b);
      }
    }
  }
  return out;
}

/**
 * An item kept in the memo, as this parse may use it: assembly hangs members on the declarations
 * above them, so a declaration that takes members gets a copy of its own to carry them.
 */
function fresh(item: Item): Item {
  switch (item.kind) {
    // (A header clause found on its own is added to the header: its lists are copied too.)
    case 'guideline': {
      const g = item.node;
      return { kind: 'guideline', node: { ...g, covers: [...g.covers], uses: [...g.uses], drops: [...g.drops], repeated: [...g.repeated], classes: [], recommendations: [], tables: [], criteria: [], defines: [], range: { ...g.range } } };
    }
    case 'vocabulary': return { kind: 'vocabulary', node: { ...item.node, facts: [], records: [], defines: [], tables: [], criteria: [], units: [], range: { ...item.node.range } } };
    case 'policy': return { kind: 'policy', node: { ...item.node, criteria: [], defines: [], range: { ...item.node.range } } };
    case 'member': return item.node.kind === 'RecordDecl' ? { kind: 'member', node: { ...item.node, fields: [], range: { ...item.node.range } } } : item;
    default: return item;
  }
}

function commentsOf(tokens: readonly IToken[]): ParseResult['comments'] {
  const comments: ParseResult['comments'] = new Array(tokens.length);
  for (let i = 0; i < comments.length; i++) {
    const c = tokens[i]!;
    comments[i] = { text: c.image, start: c.startOffset, end: c.endOffset! + 1 };
  }
  return comments;
}

/**
 * The file's items from one run of the parser that stops at the first error, or undefined unless
 * the text is clean: no error, no token skipped, no reserved word taken as a name (which can be a
 * declaration's keyword, and so split the text differently). On clean text every declaration
 * keyword starts a declaration, which parses as it does alone (see segments), so this gives what
 * parsing declaration by declaration does, for less. Units the parser did not know are reported.
 */
function parseWhole(tokens: IToken[], report: Report, units: DeclaredUnits): Item[] | undefined {
  const p = getParser({ recovering: false });
  p.begin(tokens, units);
  const items = p.file();
  if (p.errors.length > 0 || p.reports.length > 0 || items.some((i) => i.kind === 'junk')) return undefined;
  nodeReports(p, () => declarations(items), report);
  return items;
}

const keywordSet = new Set<string>(keywords);
const declarationStarts = new Set<TokenType>([GuidelineKw, ClassKw, ProcedureKw, RecommendKw, T.TableKw, CriterionKw, PolicyKw, VocabularyKw, FactKw, FieldKw, RecordKw, DefineKw]);

/** Whether a declaration starts at token i: a declaration keyword, or `use` before `criterion` (which then does not). */
function startsDeclaration(tokens: readonly IToken[], i: number): boolean {
  const t = tokens[i]!;
  if (t.tokenType === Identifier) return (t.image === 'use' && tokens[i + 1]?.tokenType === CriterionKw) || (t.image === 'unit' && unitDeclAt(tokens, i));
  if (!declarationStarts.has(t.tokenType)) return false;
  const prev = tokens[i - 1];
  // `use criterion x` is one declaration; `fact diagnosis: class of diagnosis` names a type, not a class.
  if (t.tokenType === CriterionKw && prev?.tokenType === Identifier && prev.image === 'use') return false;
  // A keyword within a case field's path (`surgery.procedure`) is part of the path.
  if (prev?.tokenType === Dot) return false;
  if ((t.tokenType === ClassKw || t.tokenType === ProcedureKw) && prev?.tokenType === Colon) return false;
  return !amongWords(tokens, i);
}

/** Whether `unit NAME , NAME` begins at token i, a unit's declaration (not in a case field's path). */
function unitDeclAt(tokens: readonly IToken[], i: number): boolean {
  const word = (t: IToken | undefined): boolean => t !== undefined && (t.tokenType === Identifier || t.tokenType.CATEGORIES?.includes(ReservedWord) === true);
  return tokens[i - 1]?.tokenType !== Dot && tokens[i - 1]?.tokenType !== T.FromKw && word(tokens[i + 1]) && tokens[i + 2]?.tokenType === T.Comma && word(tokens[i + 3]);
}

/**
 * Whether token i lies among the words of a fact, a field or a define (`fact requested procedure
 * code:`): only words between it and the keyword, and only words up to the ':' (a define's meaning
 * may come first). The parser takes it there as a reserved word used as a name (P206).
 */
function amongWords(tokens: readonly IToken[], i: number): boolean {
  const word = (t: IToken | undefined): boolean => t !== undefined && (t.tokenType === Identifier || tokenMatcher(t, ReservedWord));
  let a = i - 1;
  while (a >= 0 && word(tokens[a]) && !wordsStart.has(tokens[a]!.tokenType)) a--;
  const kw = tokens[a]?.tokenType;
  if (kw === undefined || !wordsStart.has(kw)) return false;
  let b = i + 1;
  while (word(tokens[b]) && !wordsStart.has(tokens[b]!.tokenType)) b++;
  if (kw === DefineKw && tokens[b]?.tokenType === StringLiteral) b++;
  return tokens[b]?.tokenType === Colon;
}

const wordsStart = new Set<TokenType>([FactKw, FieldKw, DefineKw]);

interface Segment {
  tokens: IToken[];
  /** Offsets of the stretch of text: from its first token up to the next segment's first token. */
  start: number;
  end: number;
  /** The keyword that starts the next segment, if any (it shapes messages at this one's end). */
  next?: string;
  nextRange?: Range;
}

/**
 * Splits the tokens at each declaration keyword. No declaration can hold another's keyword, so
 * each stretch parses alone exactly as it would within the file, and a one-character edit leaves
 * every other stretch's text, and so its cached parse, unchanged.
 */
function segments(tokens: IToken[], text: string): Segment[] {
  const out: Segment[] = [];
  let from = 0;
  const close = (to: number): void => {
    if (to <= from) return;
    const first = tokens[from]!;
    const nextTok = tokens[to];
    const seg: Segment = { tokens: tokens.slice(from, to), start: first.startOffset, end: nextTok ? nextTok.startOffset : text.length };
    if (nextTok) {
      seg.next = nextTok.image;
      seg.nextRange = { start: nextTok.startOffset, end: nextTok.endOffset! + 1 };
    }
    out.push(seg);
    from = to;
  };
  for (let i = 1; i < tokens.length; i++) if (startsDeclaration(tokens, i)) close(i);
  close(tokens.length);
  return out;
}

interface SegmentResult {
  items: Item[];
  diagnostics: Diagnostic[];
  /** Where the parser reported errors (skipped tokens there are not reported again); ranges, so they shift. */
  reported: { range: Range }[];
}

function parseSegment(seg: Segment, text: string, units: DeclaredUnits): SegmentResult {
  const textLength = text.length;
  // Most declarations have no error: the parser that stops at the first builds their AST sooner.
  // A declaration with an error is parsed again by the parser that recovers.
  let p = getParser({ recovering: false });
  p.begin(seg.tokens, units);
  let items = p.file();
  let errors = p.errors; // (a copy: Chevrotain's getter copies the list)
  // `<= 2 levels`: words where a unit would stand that are none. The declaration is read without
  // them (as the bare number it means), so it is checked whole, and the words are reported (P204).
  const notUnits: { range: Range; data: Record<string, unknown> }[] = [];
  for (let t = errors[0]?.token, words; t && (words = wordsAfterNumber(seg.tokens, t, text, units)); t = errors[0]?.token) {
    notUnits.push(words);
    const left = new Set(words.tokens);
    seg = { ...seg, tokens: seg.tokens.filter((x) => !left.has(x)) };
    p.begin(seg.tokens, units);
    items = p.file();
    errors = p.errors;
  }
  if (errors.length === 0 && p.reports.length === 0 && p.unitReports.length === 0 && notUnits.length === 0) return { items, diagnostics: [], reported: [] };
  if (errors.length > 0) {
    p = getParser();
    p.begin(seg.tokens, units);
    items = p.file();
    errors = p.errors;
  }
  const { report, diagnostics } = collector();
  for (const w of notUnits) report('P204', w.range, w.data);
  const seen = new Set<number>();
  for (const e of errors) {
    const t = e.token;
    const atEnd = t.tokenType.name === 'EOF' || !Number.isFinite(t.startOffset);
    let range: Range;
    let found: string;
    if (atEnd && seg.nextRange) {
      // The segment's end is the next declaration's keyword, which is what the parser met.
      range = seg.nextRange;
      found = `'${seg.next}'`;
    } else if (atEnd) {
      const prev = (e as IRecognitionException & { previousToken?: IToken }).previousToken;
      const start = Math.max(0, prev && Number.isFinite(prev.endOffset) ? prev.endOffset! + 1 : textLength);
      range = { start: Math.min(start, textLength), end: Math.min(textLength, start + 1) };
      if (range.end < range.start) range.end = range.start;
      found = 'the end of the file';
    } else {
      range = { start: t.startOffset, end: t.endOffset! + 1 };
      found = describe(t);
    }
    if (seen.has(range.start)) continue; // recovery can report one spot twice
    seen.add(range.start);
    // (Only among the words of a fact or a define being declared: elsewhere a name stands alone.)
    const inWords = e.context?.ruleStack?.some((r) => r === 'factDecl' || r === 'defineDecl') === true;
    const phrase = atEnd || !inWords ? undefined : reservedInPhrase(seg.tokens, t);
    if (phrase) {
      report('P220', range, phrase);
      continue;
    }
    // Chevrotain lists every token sequence an expression may start with: say what they make instead.
    const expected = expectedFrom(e.message) ?? (e.context?.ruleStack?.some((r) => expressionRules.has(r)) ? 'a condition or a value' : undefined);
    // A misspelt keyword (`only wen`, `requre`): say which, so an editor can put it right.
    const typo = atEnd ? undefined : misspelt(t, expected);
    if (typo) {
      report('P221', typo.range, { word: typo.word, phrase: typo.phrase, replacement: typo.keyword });
      continue;
    }
    // A table's header says what a header is, and what this one lacks (its `||`, most often).
    const header = atEnd || !e.context?.ruleStack?.includes('tableHeader') ? undefined : headerProblem(text, seg.tokens, t);
    if (header) {
      if (header.range.start !== range.start && seen.has(header.range.start)) continue;
      seen.add(header.range.start);
      report('P201', header.range, { message: header.message });
      continue;
    }
    const message = expected && expected !== 'EOF' ? `Expected ${expected} but found ${found}${where(e)}` : `Unexpected ${found}${where(e)}`;
    // (P203 says the file ended; its message says what should have come.)
    if (atEnd && !seg.nextRange) report('P203', range, { message: expected && expected !== 'EOF' ? `expected ${expected}${where(e)}` : `more was expected${where(e)}` });
    else report(e.name === 'MismatchedTokenException' ? 'P202' : 'P201', range, { message });
  }
  nodeReports(p, () => declarations(items), report);
  return { items, diagnostics, reported: seen.size ? [...seen].map((start) => ({ range: { start, end: start } })) : [] };
}

/** The tokens a number in a condition or a value follows (an operator, `is`, `at most`): a word after such a number stands where a unit would. */
const beforeQuantity = new Set<TokenType>([T.Less, T.LessEq, T.Greater, T.GreaterEq, T.Equals, T.NotEq, T.Plus, T.Minus, T.Star, T.Slash, T.LParen]);
const wordsBeforeQuantity = new Set(['is', 'most', 'least', 'than']);

/**
 * The word or words after a number in a condition (`<= 2 levels`, `+ 2 spinal levels`), up to the
 * end of their line, when the first is no unit: P204's range and arguments. Where the number is not
 * in a condition (a header's `edition 2007`), undefined.
 */
function wordsAfterNumber(tokens: readonly IToken[], t: IToken, text: string, units: DeclaredUnits): { range: Range; data: { text: string; hint: string }; tokens: IToken[] } | undefined {
  if (t.tokenType !== Identifier || isUnitWord(t.image, units)) return undefined;
  const i = tokens.indexOf(t);
  const num = tokens[i - 1];
  const before = tokens[i - 2];
  if (!num || num.tokenType !== T.NumberLiteral || !before || !(beforeQuantity.has(before.tokenType) || wordsBeforeQuantity.has(before.image))) return undefined;
  const sameLine = (a: IToken, b: IToken): boolean => !/[\n\r\u2028\u2029]/.test(text.slice(a.endOffset! + 1, b.startOffset));
  if (!sameLine(num, t)) return undefined;
  const words = [t];
  for (let j = i + 1; tokens[j]?.tokenType === Identifier && sameLine(tokens[j - 1]!, tokens[j]!); j++) words.push(tokens[j]!);
  const last = words[words.length - 1]!;
  return { range: { start: t.startOffset, end: last.endOffset! + 1 }, data: notAUnit(num.image, words.map((w) => w.image).join(' '), units), tokens: words };
}

/** P204's arguments for words written after a number where its unit would stand. */
function notAUnit(num: string, text: string, units: DeclaredUnits = noUnits): { text: string; hint: string; replacement?: string } {
  const [first, ...rest] = text.split(' ');
  const meant = unitMeant(first!, units);
  return { text, hint: notAUnitHint(first!, `a count of anything else is a bare number: write '${num}', not '${num} ${text}'`, units), ...(meant ? { replacement: [meant, ...rest].join(' ') } : {}) };
}

/** The keyword a name the parser met is a misspelling of: the one it expected, or one that begins a clause. */
function misspelt(t: IToken, expected: string | undefined): Typo | undefined {
  if (t.tokenType !== Identifier) return undefined;
  const keyword = expected?.startsWith("'") ? expected.slice(1, -1) : undefined;
  // (The keyword the parser expected may be short: `wen` for `when` is one letter off.)
  if (keyword && t.image.length >= 3 && t.image !== keyword && editDistance(t.image, keyword) <= (keyword.length <= 5 ? 1 : 2)) return { range: { start: t.startOffset, end: t.endOffset! + 1 }, word: t.image, keyword, phrase: keyword };
  // Where the parser expected one keyword, only that one is meant.
  return keyword ? undefined : typoAt('', t.startOffset, t.image);
}

/**
 * A reserved word written between two words of a phrase (`returned to work`, `date of service
 * in days`): the editor meant one fact's words, which cannot hold a reserved word.
 */
function reservedInPhrase(tokens: readonly IToken[], t: IToken): { word: string; phrase: string; suggestion: string } | undefined {
  if (!t.tokenType.CATEGORIES?.includes(ReservedWord)) return undefined;
  const i = tokens.indexOf(t);
  const before: IToken[] = [];
  for (let k = i - 1; k >= 0 && tokens[k]!.tokenType === Identifier; k--) before.unshift(tokens[k]!);
  const after: IToken[] = [];
  for (let k = i + 1; k < tokens.length && tokens[k]!.tokenType === Identifier; k++) after.push(tokens[k]!);
  if (!before.length || !after.length) return undefined;
  const words = [...before, t, ...after].map((x) => x.image);
  return { word: t.image, phrase: words.join(' '), suggestion: words.join('-') };
}

/**
 * Parses the expression inside text[start, end) (a placeholder of a rationale), with ranges into the
 * whole text. Returns undefined (after reporting) when it is not one well-formed expression.
 */
export function parseExpressionAt(text: string, start: number, end: number, report: Report, memo: ExpressionMemo, units: DeclaredUnits = noUnits): Expr | undefined {
  const source = text.slice(start, end);
  // (An expression that names a declared unit reads as it does with it only.)
  const key = units.size && /[a-z]/.test(source) ? source + [...units].filter(([w]) => source.includes(w)).map(([w, b]) => `\u0000${w}=${b.scale}`).join('') : source;
  const kept = memo.get(key);
  let parsed: ParsedExpression;
  if (!kept) {
    parsed = parseExpression(source, start, units);
    memo.set(key, { parsed, base: start });
  } else {
    // Parsed where it stands now (the same text analyzed again) it is shared as it is.
    parsed = kept.base === start ? kept.parsed : shifted(kept.parsed, start - kept.base);
  }
  for (const d of parsed.diagnostics) report(d.code, d.range, d.data ?? {});
  return parsed.expr;
}

/** Parses one expression standing alone, with ranges from `base`. */
function parseExpression(source: string, base: number, units: DeclaredUnits): ParsedExpression {
  const { report, diagnostics } = collector();
  const range = { start: base, end: base + source.length };
  const lexed = lex(source);
  for (const t of lexed.tokens) {
    t.startOffset += base;
    t.endOffset! += base;
  }
  const deep = tooDeep(lexed.tokens);
  if (deep) {
    report(deep.code, range, { limit: deep.limit });
    return { expr: undefined, diagnostics };
  }
  // Any error makes it no expression, so the parser need not recover.
  const p = getParser({ recovering: false });
  p.begin(lexed.tokens, units);
  const expr = p.expr();
  if (hasErrors(lexed.diagnostics) || p.errors.length || lexed.tokens.length === 0) {
    report('C312', range, { message: `'{${source}}' is not an expression: write a fact or a sum, as in {completed visits}` });
    return { expr: undefined, diagnostics };
  }
  // What the lexer only warns of (a number read as another, L105) stands in a placeholder as anywhere.
  for (const d of lexed.diagnostics) report(d.code, { start: d.range.start + base, end: d.range.end + base }, d.data ?? {});
  nodeReports(p, () => [expr], report);
  return { expr, diagnostics };
}

/** The declarations among the items (not the skipped tokens). */
function declarations(items: readonly Item[]): A.Node[] {
  return items.flatMap((i): A.Node[] => (i.kind === 'junk' ? [] : [i.node]));
}

/**
 * Reports what the parser found wrong in the nodes it built (a reserved word as a name, a quoted id,
 * an unknown unit), in source order. A quantity that recovery left out of the tree, or that stands in
 * a clause given twice (which is not kept), is not reported.
 */
function nodeReports(p: GuidelineParser, roots: () => A.Node[], report: Report): void {
  for (const r of p.reports) report(r.code, r.range, r.data);
  if (p.unitReports.length === 0) return;
  const inTree = new Set<A.Node>();
  for (const root of roots()) walk(root, (n) => void (n.kind === 'Quantity' && inTree.add(n)));
  for (const { node, report: r } of p.unitReports) if (inTree.has(node)) report(r.code, r.range, r.data);
}

/**
 * The file from its items: members hang on the declaration above them (classes, recommendations,
 * tables, criteria and defines on a guideline; tables on a vocabulary too; facts, records, defines and shared criteria on a vocabulary;
 * fields on a record; criteria and defines on a policy), and each run of skipped tokens is reported
 * once (unless the parser already reported its first token: `reported`).
 */
function assemble(items: readonly Item[], source: string, reported: ReadonlySet<number>, report: Report, units: DeclaredUnits): A.GuidelineFile {
  const file: A.GuidelineFile = { kind: 'GuidelineFile', range: { start: 0, end: source.length }, guidelines: [], policies: [], vocabularies: [] };
  let current: A.GuidelineDecl | A.VocabularyDecl | A.PolicyDecl | undefined;
  let record: A.RecordDecl | undefined;
  let junk: Extract<Item, { kind: 'junk' }>[] = [];
  const flushJunk = (): void => {
    if (!junk.length) return;
    const first = junk[0]!;
    const last = junk[junk.length - 1]!;
    if (!reported.has(first.range.start)) {
      // `returned to work`: the words before a reserved word ended the phrase, and the rest was skipped.
      // (Only where an expression was being written: a clause that takes one begins the line.)
      const lineBefore = source.slice(source.lastIndexOf('\n', first.range.start - 1) + 1, first.range.start);
      const inExpression = /\b(require|when|unless|where)\b|:/.test(lineBefore);
      const prevWord = /([a-z][a-z0-9-]*)\s+$/.exec(lineBefore)?.[1];
      if (inExpression && prevWord && keywordSet.has(first.image) && junk[1] && /^[a-z][a-z0-9-]*$/.test(junk[1].image) && !keywordSet.has(junk[1].image)) {
        const words = [prevWord, first.image, junk[1].image];
        report('P220', first.range, { word: first.image, phrase: words.join(' '), suggestion: words.join('-') });
        junk = [];
        return;
      }
      // `requre completed visits > 0`: a misspelt keyword, which the editor can put right.
      const typo = typoAt(source, first.range.start, first.image);
      if (typo) {
        report('P221', typo.range, { word: typo.word, phrase: typo.phrase, replacement: typo.keyword });
        junk = [];
        return;
      }
      // `injection levels + 2 levels` (a define's value): a word where a unit would stand that is none.
      const num = /(?:[<>=+\-*/(]|\b(?:is|most|least|than))\s*(\d+(?:\.\d+)?)[ \t]+$/.exec(lineBefore)?.[1];
      if (num && /^[a-z][a-z0-9_-]*$/.test(first.image) && !isUnitWord(first.image, units)) {
        let end = 1;
        while (junk[end] && /^[a-z][a-z0-9_-]*$/.test(junk[end]!.image) && !/[\n\r\u2028\u2029]/.test(source.slice(junk[end - 1]!.range.end, junk[end]!.range.start))) end++;
        const words = junk.slice(0, end);
        report('P204', { start: first.range.start, end: words[words.length - 1]!.range.end }, notAUnit(num, words.map((w) => w.image).join(' '), units));
        junk = junk.slice(end);
        if (junk.length) flushJunk();
        return;
      }
      // `is no more than 2`: `is no` read as the value no, and the bound skipped. Say what the language writes.
      const negated = /\bis\s+no\s+$/.test(lineBefore) && junk[1]?.image === 'than' ? { more: 'at most', fewer: 'at least', less: 'at least' }[first.image] : undefined;
      if (negated) {
        const bound = first.image === 'more' ? '<=' : '>=';
        report('P201', { start: first.range.start, end: junk[1]!.range.end }, { message: `'is no ${first.image} than' is not a comparison the language reads: write 'is ${negated}' (or '${bound}')` });
        junk = [];
        return;
      }
      const text = junk.map((t) => t.image).join(' ');
      const shown = text.length > 30 ? text.slice(0, 30) + '…' : text;
      report('P201', { start: first.range.start, end: last.range.end }, {
        message: `Unexpected '${shown}': expected ${current ? 'a clause of the declaration above, or a new declaration' : "a 'guideline', 'vocabulary' or 'policy' declaration"}`,
      });
    }
    junk = [];
  };
  const grow = (c: { range: Range }, m: { range: Range }): void => {
    c.range = { start: c.range.start, end: Math.max(c.range.end, m.range.end) };
  };
  for (const item of items) {
    if (item.kind === 'junk') {
      junk.push(item);
      continue;
    }
    flushJunk();
    if (item.kind === 'guideline') {
      current = item.node;
      record = undefined;
      file.guidelines.push(item.node);
      continue;
    }
    if (item.kind === 'policy') {
      current = item.node;
      record = undefined;
      file.policies.push(item.node);
      continue;
    }
    if (item.kind === 'clause') {
      if (current?.kind === 'GuidelineDecl' && !record) mergeHeader(current, item.node);
      else report('P201', item.node.range, { message: 'A header clause must follow a \'guideline\' header' });
      continue;
    }
    if (item.kind === 'vocabulary') {
      current = item.node;
      record = undefined;
      file.vocabularies.push(item.node);
      continue;
    }
    const m = item.node;
    const where = placeFor(m, current, record);
    if (typeof where === 'string') {
      report('P201', m.range, { message: where });
      continue;
    }
    if (m.kind === 'FactDecl' && m.role === 'field') {
      record!.fields.push(m);
      grow(record!, m);
      grow(current!, m);
      continue;
    }
    record = undefined;
    const c = where;
    if (c.kind === 'GuidelineDecl') {
      if (m.kind === 'ClassDecl') c.classes.push(m);
      else if (m.kind === 'RecommendBlock') c.recommendations.push(m);
      else if (m.kind === 'TableDecl') c.tables.push(m);
      else if (m.kind === 'DefineDecl') c.defines.push(m);
      else c.criteria.push(m as A.CriterionDecl | A.UseDecl);
    } else if (c.kind === 'VocabularyDecl') {
      if (m.kind === 'FactDecl') c.facts.push(m);
      else if (m.kind === 'RecordDecl') {
        c.records.push(m);
        record = m;
      } else if (m.kind === 'DefineDecl') c.defines.push(m);
      else if (m.kind === 'TableDecl') c.tables.push(m);
      else if (m.kind === 'UnitDecl') c.units.push(m);
      else c.criteria.push(m as A.CriterionDecl);
    } else {
      if (m.kind === 'DefineDecl') c.defines.push(m);
      else c.criteria.push(m as A.CriterionDecl | A.UseDecl);
    }
    grow(c, m);
  }
  flushJunk();
  return file;
}

/** Adds a header clause found on its own to the guideline it belongs to (a clause given twice is kept as repeated). */
function mergeHeader(g: A.GuidelineDecl, patch: A.GuidelineDecl): void {
  const single = ['title', 'source', 'edition', 'revises', 'inForce', 'applies', 'unless'] as const;
  for (const k of single) {
    if (patch[k] === undefined) continue;
    if (g[k] !== undefined) g.repeated.push({ kind: 'Name', text: k === 'inForce' ? 'in' : k === 'applies' ? 'applies' : k, range: patch.range });
    else (g as unknown as Record<string, unknown>)[k] = patch[k];
  }
  g.covers.push(...patch.covers);
  g.uses.push(...patch.uses);
  g.drops.push(...patch.drops);
  g.repeated.push(...patch.repeated);
  g.range = { start: g.range.start, end: Math.max(g.range.end, patch.range.end) };
}

const memberWords: Record<Member['kind'], string> = {
  ClassDecl: 'A class', RecommendBlock: 'A recommend block', TableDecl: 'A table', CriterionDecl: 'A criterion', FactDecl: 'A fact',
  RecordDecl: 'A record', DefineDecl: 'A define', UseDecl: "A 'use criterion'", UnitDecl: 'A unit',
};

/** The declaration a member belongs to, or why it cannot stand where it is. */
function placeFor(m: Member, current: A.GuidelineDecl | A.VocabularyDecl | A.PolicyDecl | undefined, record: A.RecordDecl | undefined): A.GuidelineDecl | A.VocabularyDecl | A.PolicyDecl | string {
  const what = m.kind === 'FactDecl' && m.role === 'field' ? 'A field' : memberWords[m.kind];
  if (m.kind === 'FactDecl' && m.role === 'field') return record && current ? current : `${what} must follow a 'record' of a vocabulary`;
  switch (m.kind) {
    case 'ClassDecl':
    case 'RecommendBlock':
      return current?.kind === 'GuidelineDecl' ? current : `${what} must follow a 'guideline' header`;
    case 'FactDecl':
    case 'RecordDecl':
    case 'UnitDecl':
      return current?.kind === 'VocabularyDecl' ? current : `${what} must follow a 'vocabulary' header`;
    case 'TableDecl':
      return current && current.kind !== 'PolicyDecl' ? current : `${what} must follow a 'guideline' or 'vocabulary' header`;
    case 'UseDecl':
      return current && current.kind !== 'VocabularyDecl' ? current : `${what} must follow a 'guideline' header or a 'policy'`;
    default:
      return current ?? `${what} must follow a 'guideline', 'vocabulary' or 'policy' header`;
  }
}
