// docs/limits.md names every limit constant with its value: a limit added or changed in code
// without its row fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits, maxDiagnosticsPerFile } from '../packages/language/src/index.ts';
import { readLimits } from '../packages/cli/src/read.ts';
import { caseLimits, ruleSetLimits } from '../packages/runtime/src/index.ts';
import { serveLimits } from '../packages/cli/src/serve/server.ts';
import { keptLimits } from '../packages/runtime/src/reuse.ts';
import { cueLimits } from '../packages/runtime/src/negation.ts';
import { saidLimits } from '../packages/runtime/src/builtins.ts';
import { analysisLimits } from '../packages/analysis/src/index.ts';

const doc = readFileSync(join(import.meta.dirname, '../docs/limits.md'), 'utf8');

/** Every limit object and the name the doc gives it; add an area's object here with its rows. */
const areas: Record<string, Record<string, number | string>> = { limits, readLimits, ruleSetLimits, caseLimits, serveLimits, keptLimits, cueLimits, saidLimits, analysisLimits };
const constants = Object.entries(areas).flatMap(([area, values]) => Object.entries(values).map(([key, value]) => [`${area}.${key}`, value] as const));

/** 1048576 as the doc writes it: 1,048,576 (a date as itself). */
const written = (n: number | string): string => typeof n === 'string' ? n : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('docs/limits.md', () => {
  it.each(constants)('has a row for %s with its value %s', (name, value) => {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${name}\``));
    expect(row, `no row '| \`${name}\` | ...' in docs/limits.md`).toBeDefined();
    expect(row!.split('|')[2]).toContain(written(value));
  });

  it('names the per-file diagnostic cap by both its names', () => {
    expect(limits.maxDiagnostics).toBe(maxDiagnosticsPerFile);
    expect(doc).toContain('`limits.maxDiagnostics` (`maxDiagnosticsPerFile`)');
  });
});
