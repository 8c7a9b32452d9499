// Keyword typos: a word the parser could not place that is a misspelling of a keyword that could
// stand there (`requre`, `otherwse`, `critrion`, `aplies when`), for a "did you mean" (P221) an
// editor can act on: the word's range, and the keyword to put in its place.
import type { Range } from '../diagnostics.ts';
import { misspeltKeyword } from '../spelling.ts';

/** The words that begin a declaration or a clause, most likely first, with how each is written out. */
const clauses: Record<string, string> = {
  require: 'require', otherwise: 'otherwise', only: 'only when', certify: 'certify at most', needs: 'needs clinical review',
  part: 'part', criterion: 'criterion', guideline: 'guideline', title: 'title', source: 'source', covers: 'covers',
  uses: 'uses', applies: 'applies when', unless: 'unless', edition: 'edition', revises: 'revises', drops: 'drops',
  class: 'class', procedure: 'procedure', terms: 'terms', codes: 'codes', recommend: 'recommend', policy: 'policy',
  jurisdiction: 'jurisdiction', first: 'first', then: 'then', vocabulary: 'vocabulary', fact: 'fact', field: 'field',
  record: 'record', define: 'define', use: 'use criterion', table: 'table', choose: 'choose',
};
/** Keywords followed by a quoted text: a misspelt one before a text is read as a fact's word, and the text is what the parser could not place. */
const beforeText = ['otherwise', 'title', 'terms', 'jurisdiction', 'source'];

export interface Typo {
  range: Range;
  word: string;
  /** The keyword to write in the word's place. */
  keyword: string;
  /** How the clause begins (`applies when` for `applies`), for the message. */
  phrase: string;
}

/**
 * The misspelt keyword behind a run of text the parser skipped, starting at `at` with `image`: the
 * run's first word, or, when the run starts with a quoted text, the word just before it on its line.
 */
export function typoAt(source: string, at: number, image: string): Typo | undefined {
  if (/^[a-z][a-z0-9_-]*$/.test(image)) {
    const keyword = misspeltKeyword(image, Object.keys(clauses));
    return keyword ? { range: { start: at, end: at + image.length }, word: image, keyword, phrase: clauses[keyword]! } : undefined;
  }
  if (!image.startsWith('"')) return undefined;
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const m = /([a-z][a-z0-9_-]*)[ \t]+$/.exec(source.slice(lineStart, at));
  if (!m) return undefined;
  const keyword = misspeltKeyword(m[1]!, beforeText);
  if (!keyword) return undefined;
  const start = lineStart + m.index;
  return { range: { start, end: start + m[1]!.length }, word: m[1]!, keyword, phrase: clauses[keyword]! };
}
