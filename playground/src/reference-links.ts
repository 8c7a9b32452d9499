// Where the Reference panel explains each keyword of the language (its section of grammar/SPEC.md),
// and the links to it the editor offers: a keyword's hover, and a problem's code in its hover (a
// `guideline-reference:` link, opened in the panel rather than by the browser).
import { keywords } from './monarch.generated.ts';

/** The scheme of a link that opens the Reference panel: `guideline-reference:/C301`. */
export const referenceScheme = 'guideline-reference';
/** The editor command a hover's link runs, with the section to open. */
export const referenceCommand = 'guideline.openReference';

const sectionsOf: Record<string, readonly string[]> = {
  '3.1 The guideline header': ['guideline', 'title', 'source', 'pages', 'page', 'in', 'force', 'to', 'covers', 'applies', 'unless', 'uses'],
  '3.2 Classes and procedures': ['class', 'procedure', 'terms', 'codes'],
  '3.3 Recommendations': ['recommend', 'within', 'up', 'per', 'over', 'fading'],
  '3.4 Criteria': ['criterion', 'when', 'only', 'require', 'certify', 'otherwise'],
  '3.5 Policies': ['policy', 'jurisdiction', 'first', 'then'],
  '3.9 Definitions': ['define'],
  '3.10 Tables': ['table', 'where'],
  '3.11 Editions': ['edition', 'revises', 'drops'],
  '3.12 Vocabularies: declaring facts': ['vocabulary', 'includes', 'fact', 'field', 'record', 'from'],
  '4.2 Comparisons': ['at', 'most', 'least', 'more', 'less', 'fewer', 'than'],
  '4.3 Time since a date': ['ago', 'since'],
  '4.4 Known and unknown': ['known', 'unknown'],
  '4.5 Value lists': ['is'],
  '4.6 And, or, not, parentheses': ['and', 'or', 'not'],
  '4.9 Lists': ['empty'],
  '4.10 Rounding and halves': ['rounded'],
};

/** Each keyword's section of the specification. */
export const keywordSections: ReadonlyMap<string, string> = new Map(Object.entries(sectionsOf).flatMap(([section, words]) => words.map((w) => [w, section] as const)));

/** The keyword at a column (1-based) of a line, outside strings and comments; undefined elsewhere. */
export function keywordAt(line: string, column: number): string | undefined {
  const before = line.slice(0, column - 1);
  const comment = before.replace(/"[^"]*"/g, '').includes('#');
  if (comment || (before.match(/"/g) ?? []).length % 2) return undefined;
  const word = /[a-z]+$/.exec(before)?.[0] ?? '';
  const rest = /^[a-z]*/.exec(line.slice(column - 1))?.[0] ?? '';
  const w = word + rest;
  // A word joined to others by - or _ is a name (visit-count), not a keyword.
  const next = line[column - 1 + rest.length];
  const prev = line[column - 2 - word.length];
  if (next === '-' || next === '_' || prev === '-' || prev === '_') return undefined;
  return keywords.includes(w) && keywordSections.has(w) ? w : undefined;
}
