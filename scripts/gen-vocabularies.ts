// Generates packages/language/src/vocabularies.generated.ts: the standard vocabularies (the case
// contract, packages/language/vocabularies/*.guideline) as text the language can read without a file
// system, in a browser as in Node. Run by `pnpm gen`; a test fails when the output is stale.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '../packages/language/vocabularies');
const out = join(import.meta.dirname, '../packages/language/src/vocabularies.generated.ts');

export function generateVocabularies(): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.guideline')).sort();
  const entries = files.map((f) => `  { file: ${JSON.stringify(`vocabularies/${f}`)}, text: ${JSON.stringify(readFileSync(join(dir, f), 'utf8'))} },`);
  return [
    '// GENERATED. DO NOT EDIT. Regenerate with `pnpm gen` (scripts/gen-vocabularies.ts).',
    '// The standard vocabularies: the case contract, as packages/language/vocabularies/*.guideline.',
    '',
    'export const standardVocabularySources: readonly { file: string; text: string }[] = [',
    ...entries,
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) writeFileSync(out, generateVocabularies());
