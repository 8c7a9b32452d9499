// `pnpm gen`: writes playground/src/monarch.generated.ts from the lexer's token definitions.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderMonarch } from './monarch-source.ts';

export const generatedPath = fileURLToPath(new URL('../src/monarch.generated.ts', import.meta.url));

writeFileSync(generatedPath, renderMonarch());
process.stdout.write(`wrote ${generatedPath}\n`);
