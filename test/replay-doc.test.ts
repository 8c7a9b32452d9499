// docs/replay.md's walkthrough on the 20,000-case corpus it quotes (`pnpm gen:corpus --cases
// 20000`): replay prints every line of the doc's summary, in the doc's order, the time aside. The
// rows the doc leaves out (`...`) may be anything; the ones it shows are what replay prints.
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { libraryCases, writeJsonLines } from '../scripts/corpus/cases.ts';
import { writeNextEdition } from '../scripts/corpus/edition.ts';
import { bundledRules, root } from './support/bundled.ts';
import { runCli, scratch } from './support/cli.ts';

const doc = readFileSync(join(root, 'docs/replay.md'), 'utf8');
/** The summary: the first plain code block after "The summary, for the 20,000-case corpus". */
const summary = /The summary, for the 20,000-case corpus[\s\S]*?```\n([\s\S]*?)```/.exec(doc)![1]!;
/** Its lines as replay prints them, the seconds taken written as N. */
const shown = summary.split('\n').filter((l) => l !== '' && l.trim() !== '...' && !l.startsWith('  … and '));
const timeless = (l: string): string => l.replace(/ in \d+(\.\d+)? s /, ' in N s ');

describe('docs/replay.md: the summary of the 20,000-case corpus', { timeout: 60_000 }, () => {
  const s = scratch('guideline-replay-doc-');
  let out: { code: number; stdout: string; stderr: string };

  beforeAll(() => {
    // As gen:corpus writes it under corpus/ (its default seed, the guidelines with the next
    // edition), beside the bundled guidelines; the cases as JSON Lines, which replay decides as it
    // decides their Parquet copy, without DuckDB's time.
    symlinkSync(join(root, 'guidelines'), join(s.dir, 'guidelines'));
    mkdirSync(join(s.dir, 'corpus'));
    writeJsonLines(join(s.dir, 'corpus/cases.jsonl'), libraryCases(bundledRules(), 20_000, 1));
    writeNextEdition(join(s.dir, 'corpus/after'));
    out = runCli(['replay', '--cases', 'corpus/cases.jsonl', '--before', 'guidelines', '--after', 'corpus/after', '--out', 'corpus/report'], { cwd: s.dir });
  });

  it('quotes a summary', () => {
    expect(shown.length).toBeGreaterThan(20);
    expect(shown[0]).toMatch(/^20,000 cases decided in /);
  });

  it('is what replay prints, line for line in its order', () => {
    expect([out.code, out.stderr]).toEqual([0, '']);
    const printed = out.stdout.split('\n').map(timeless);
    let at = 0;
    const missing: string[] = [];
    for (const line of shown.map(timeless)) {
      const found = printed.indexOf(line, at);
      if (found < 0) missing.push(line);
      else at = found + 1;
    }
    expect({ missing, printed: missing.length ? out.stdout : '' }).toEqual({ missing: [], printed: '' });
  });

  it("writes the changed case the doc shows in changes.jsonl as the doc shows it (its first criterion; the doc's `...` elides the rest)", () => {
    const shownCase = JSON.parse(/```json\n([\s\S]*?)```/.exec(doc)![1]!.replace(/, \.\.\.\]/, ']')) as { caseId: string; criteria: unknown[] };
    const lines = readFileSync(join(s.dir, 'corpus/report/changes.jsonl'), 'utf8').trim().split('\n');
    const written = lines.map((l) => JSON.parse(l) as { caseId: string; criteria: unknown[] }).find((c) => c.caseId === shownCase.caseId);
    expect(written && { ...written, criteria: written.criteria.slice(0, shownCase.criteria.length) }).toEqual(shownCase);
  });
});
