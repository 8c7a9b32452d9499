// GENERATED. DO NOT EDIT. Regenerate with `pnpm gen`.
// Monarch grammar of the guideline language, made by playground/scripts/gen-monarch.ts from the
// lexer's token definitions (packages/language/src/tokens.ts), in the lexer's own order.
import type { languages } from 'monaco-editor/editor/editor.api';

export const keywords: string[] = ["guideline","title","source","pages","page","includes","in","force","to","covers","applies","when","unless","class","procedure","terms","codes","recommend","over","within","up","per","fading","criterion","only","require","certify","otherwise","policy","jurisdiction","first","then","and","or","not","is","known","unknown","at","most","least","more","less","fewer","than","ago","vocabulary","uses","fact","field","record","from","define","where","since","rounded","empty","edition","revises","drops","table"];

export const monarchLanguage: languages.IMonarchLanguage = {
  defaultToken: 'invalid',
  keywords,
  brackets: [{ open: '(', close: ')', token: 'delimiter.parenthesis' }],
  tokenizer: {
    root: [
      [/[ \t\r\n\f\v\u00a0\ufeff]+/, 'white'],
      [/#[^\n]*/, 'comment'],
      [/"/, 'string', '@string'],
      [/\d{4}-\d{2}-\d{2}/, 'number.date'],
      [/\d+(?:\.\d+)?/, 'number'],
      [/[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{0,4})?\*?/, 'constant.code'],
      [/[A-Z][A-Za-z0-9]*/, 'type.jurisdiction'],
      [/[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/<=/, 'operator'],
      [/>=/, 'operator'],
      [/!=/, 'operator'],
      [/</, 'operator'],
      [/>/, 'operator'],
      [/=/, 'operator'],
      [/\+/, 'operator'],
      [/-/, 'operator'],
      [/\*/, 'operator'],
      [/\//, 'operator'],
      [/,/, 'delimiter'],
      [/:/, 'delimiter'],
      [/\./, 'delimiter'],
      [/\(/, '@brackets'],
      [/\)/, '@brackets'],
      [/\|\|/, 'delimiter'],
      [/\|/, 'delimiter'],
    ],
    string: [
      [/[^"\\]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
  },
};
