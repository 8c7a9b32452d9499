// Generates packages/runtime/src/morphine-conversion.generated.ts: the opioids vocabulary's table of
// conversion factors to morphine equivalents, compiled, for the built-in `morphine-equivalents` to read
// the same data the vocabulary's own field does. Run by `pnpm gen`; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileProgram } from '../packages/language/src/index.ts';
import type { CompiledTable } from '../packages/language/src/artifact.ts';

const tableId = 'opioids.morphine-conversion';

/** A guideline that reads the vocabulary's morphine equivalents: the program the table is compiled in. */
const reader = `guideline conversions.reader
  title "Reads the morphine equivalents"
  source "The opioids vocabulary"
  covers opioid-continuation
  uses opioids
criterion ceiling "Morphine equivalents read"
  require total morphine equivalents >= 0
  otherwise "Read."
`;

/** The compiled table, as a rule set reading the vocabulary holds it. */
export function conversionTable(): CompiledTable {
  const { rules, diagnostics } = compileProgram([{ file: 'conversions.guideline', text: reader }]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`the opioids vocabulary does not compile: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const t = rules?.tables.find((x) => x.id === tableId);
  if (!t) throw new Error(`the opioids vocabulary has no table ${tableId}`);
  return t;
}

/** A table as TypeScript: a line for each of its fields, and for each row. */
function tableText(t: CompiledTable): string {
  const lines = Object.entries(t).map(([k, v]) => (k === 'rows' ? `  rows: [\n${t.rows.map((r) => `    ${JSON.stringify(r)},`).join('\n')}\n  ],` : `  ${k}: ${JSON.stringify(v)},`));
  return `{\n${lines.join('\n')}\n}`;
}

export function generatedConversions(): string {
  return [
    '// GENERATED. DO NOT EDIT. Regenerate with `pnpm gen` (scripts/gen-conversions.ts).',
    "// The opioids vocabulary's conversion factors to oral morphine milligram equivalents, compiled.",
    "import type { CompiledTable } from '@guideline/language/rules';",
    '',
    `export const morphineConversion: CompiledTable = ${tableText(conversionTable())};`,
    '',
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) writeFileSync(join(import.meta.dirname, '../packages/runtime/src/morphine-conversion.generated.ts'), generatedConversions());
