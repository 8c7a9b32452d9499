// The Monarch grammar is generated from the lexer's tokens: fail when the checked-in file is stale.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keywords } from '@guideline/language';
import { renderMonarch } from '../scripts/monarch-source.ts';

const generated = fileURLToPath(new URL('../src/monarch.generated.ts', import.meta.url));

describe('monarch.generated.ts', () => {
  it('is what `pnpm gen` makes from the current tokens', () => {
    expect(readFileSync(generated, 'utf8'), 'playground/src/monarch.generated.ts is stale: run `pnpm gen`').toBe(renderMonarch());
  });

  it('lists every keyword of the lexer', () => {
    const text = readFileSync(generated, 'utf8');
    for (const k of keywords) expect(text).toContain(`"${k}"`);
  });
});
