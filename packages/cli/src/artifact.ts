// A compiled rule set given by file (`check --rules`, `serve --rules`): read within its limit and
// checked by the runtime's loadRuleSet as untrusted input; each problem is reported at its place in
// the document (line, column, code frame), named by its JSON path.
import type { RuleSet } from '@guideline/language';
import { jsonFieldSpans, loadRuleSet, RuleSetError } from '@guideline/runtime';
import { display } from './paths.ts';
import { ReadError, readLimits, readText } from './read.ts';
import { printable, red, renderAt } from './render.ts';

/** Past this size a document's problems are named by path alone: finding their places reads the whole text. */
const locateUpTo = 5_000_000;

/** The rule set of an artifact file, or its problems as lines for a person (escaped). */
export function readArtifact(file: string, shown = display(file)): { rules: RuleSet; errors?: undefined } | { rules?: undefined; errors: string[] } {
  const plain = (at: string, message: string): string => `${printable(shown)}: ${red('error')} R502 ${printable(at || 'document')}: ${printable(message)}`;
  let text: string;
  try {
    text = readText(file, readLimits.ruleSetBytes);
  } catch (e) {
    if (e instanceof ReadError && e.limit !== undefined) return { errors: [plain('', `the document is over ${e.limit} bytes; the limit is ${e.limit}`)] };
    throw e;
  }
  try {
    return { rules: loadRuleSet(text) };
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    // Every field in one reading of the text.
    const spans = text.length > locateUpTo ? [] : jsonFieldSpans(text, e.issues.map((i) => i.at));
    return {
      errors: e.issues.map((i, n) => {
        // The document's own problems (not JSON, too deep, too large) have no field to point at.
        if (!i.at || text.length > locateUpTo) return plain(i.at, i.message);
        return renderAt(shown, { text }, spans[n]!, 'R502', `${i.at}: ${i.message}`);
      }),
    };
  }
}
