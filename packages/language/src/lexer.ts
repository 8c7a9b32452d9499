// Lexing: text -> tokens (comments kept in their own group for the formatter) and L1xx diagnostics.
import { Lexer, type IToken } from 'chevrotain';
import { allTokens } from './tokens.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';

let lexer: Lexer | undefined;
function getLexer(): Lexer {
  // Built on first use: building costs ~20 ms and most imports never lex.
  lexer ??= new Lexer(allTokens, { ensureOptimizations: false, positionTracking: 'onlyOffset' });
  return lexer;
}

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
  for (const t of result.tokens) t.endOffset = t.startOffset + t.image.length - 1;
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
