// Renders the playground's Monarch grammar from the lexer's own token definitions, so highlighting
// can never drift from what the lexer accepts. gen-monarch.ts writes it; a test checks it is fresh.
import { allTokens, keywords } from '@guideline/language';

/** Monaco token class of each lexer token (keywords are handled together through `@keywords`). */
const classOf: Record<string, string | null> = {
  AnyToken: null,
  ReservedWord: null,
  WhiteSpace: 'white',
  Comment: 'comment',
  StringLiteral: 'string',
  DateLiteral: 'number.date',
  NumberLiteral: 'number',
  CodePattern: 'constant.code',
  UpperName: 'type.jurisdiction',
  Identifier: 'identifier',
  LessEq: 'operator', GreaterEq: 'operator', NotEq: 'operator', Less: 'operator', Greater: 'operator', Equals: 'operator',
  Plus: 'operator', Minus: 'operator', Star: 'operator', Slash: 'operator',
  Comma: 'delimiter', Colon: 'delimiter', Dot: 'delimiter', LParen: '@brackets', RParen: '@brackets',
  DoublePipe: 'delimiter', Pipe: 'delimiter',
};

function patternOf(t: (typeof allTokens)[number]): RegExp | undefined {
  return t.PATTERN instanceof RegExp ? t.PATTERN : undefined;
}

/** The text of the generated TypeScript module. Throws when a token has no highlighting class. */
export function renderMonarch(): string {
  const keywordSet = new Set(keywords);
  const rules: string[] = [];
  for (const t of allTokens) {
    const pattern = patternOf(t);
    const word = pattern ? pattern.source : '';
    if (keywordSet.has(word) && t.LONGER_ALT) continue; // matched through the identifier rule below
    if (!(t.name in classOf)) throw new Error(`gen-monarch: token ${t.name} has no highlighting class; add it to classOf`);
    const cls = classOf[t.name];
    if (cls === null || !pattern) continue;
    if (t.name === 'Identifier') {
      rules.push(`      [${String(pattern)}, { cases: { '@keywords': 'keyword', '@default': '${cls}' } }],`);
    } else if (t.name === 'StringLiteral' && t.LINE_BREAKS) {
      // Monarch reads line by line: a string that may span lines opens a state instead.
      rules.push(`      [/"/, 'string', '@string'],`);
    } else {
      rules.push(`      [${String(pattern)}, '${cls}'],`);
    }
  }
  return `// GENERATED. DO NOT EDIT. Regenerate with \`pnpm gen\`.
// Monarch grammar of the guideline language, made by playground/scripts/gen-monarch.ts from the
// lexer's token definitions (packages/language/src/tokens.ts), in the lexer's own order.
import type { languages } from 'monaco-editor/editor/editor.api';

export const keywords: string[] = ${JSON.stringify(keywords)};

export const monarchLanguage: languages.IMonarchLanguage = {
  defaultToken: 'invalid',
  keywords,
  brackets: [{ open: '(', close: ')', token: 'delimiter.parenthesis' }],
  tokenizer: {
    root: [
${rules.join('\n')}
    ],
    string: [
      [/[^"\\\\]+/, 'string'],
      [/\\\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
  },
};
`;
}
