// Lexing: text -> tokens (comments kept in their own group for the formatter) and L1xx diagnostics.
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import { allTokens, Identifier, keywordTokenTypes } from './tokens.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';

let lexer: Lexer | undefined;
function getLexer(): Lexer {
  // Built on first use: building costs ~20 ms and most imports never lex.
  // Keywords are read as identifiers and re-typed in lex(): a keyword pattern (longer_alt Identifier)
  // is a keyword exactly when the identifier there is the whole word, and trying every keyword that
  // starts with a word's first letter before the identifier was a fifth of lexing.
  lexer ??= new Lexer(allTokens.filter((t) => !keywordSet.has(t)), { ensureOptimizations: false, positionTracking: 'onlyOffset' });
  return lexer;
}

const keywordSet = new Set<TokenType>(keywordTokenTypes);
const keywordByWord = new Map<string, TokenType>(keywordTokenTypes.map((t) => [(t.PATTERN as RegExp).source, t]));

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** Splits text into tokens; never throws. Unexpected characters become L101, an open string L102. */
export function lex(text: string): LexResult {
  const result = getLexer().tokenize(text);
  const comments = (result.groups['comments'] as IToken[] | undefined) ?? [];
  // Offsets only (nothing reads token lines; SourceFile converts offsets): Chevrotain then sets no
  // endOffset, so it is set here, where every reader expects it.
  for (const t of result.tokens) {
    t.endOffset = t.startOffset + t.image.length - 1;
    if (t.tokenType === Identifier) {
      const k = keywordByWord.get(t.image);
      if (k !== undefined) {
        t.tokenType = k;
        t.tokenTypeIdx = k.tokenTypeIdx!;
      }
    }
  }
  for (const t of comments) t.endOffset = t.startOffset + t.image.length - 1;
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const ch = text.slice(e.offset, e.offset + e.length);
    if (ch.startsWith('"')) {
      diagnostics.push(diagnostic('L102', { start: e.offset, end: e.offset + 1 }));
    } else {
      diagnostics.push(diagnostic('L101', { start: e.offset, end: e.offset + Math.max(1, e.length) }, { text: ch.slice(0, 20) }));
    }
  }
  return { tokens: result.tokens, comments, diagnostics };
}
