// `guideline check --case batch.jsonl` on random batches: cases good and bad, random bytes, random
// JSON, lines too long, nested too deep, with byte-order marks, bytes that are no UTF-8, control
// characters and numbers too large. Every line that is not blank gets exactly one answer, in order:
// its determination on stdout or its errors (located at its number) on stderr; the exit status is 0
// or 2, never 70, and no stack trace is ever printed.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLimits } from '../packages/cli/src/read.ts';
import { seedCase } from './support/case-factory.ts';
import { mutatedSeed } from './support/case-arbitrary.ts';
import { runCli, scratch } from './support/cli.ts';
import { runs, seed } from './support/fuzz.ts';

const { dir } = scratch('guideline-cli-fuzz-');
const stackTrace = /^\s+at .*:\d+:\d+\)?$/m;

/** A line, made once its number is known (good cases carry it as their id, to check the order). */
type Line = (n: number) => Buffer;
const text = (s: string): Buffer => Buffer.from(s);
const withId = (c: unknown, n: number): unknown => (c && typeof c === 'object' && !Array.isArray(c) ? { ...c, id: `line-${n}` } : c);
const controls = fc.string({ unit: fc.constantFrom('\u001b', '[', '8', 'm', '\u202e', '\u0000', '\u009b', '\u2028', '\ufeff', '\r', 'a', '"', '{', '}', ':', ',', ' ', '\\'), maxLength: 40 });

const line: fc.Arbitrary<Line> = fc.oneof(
  { weight: 5, arbitrary: fc.constant((n: number) => text(JSON.stringify(withId(seedCase(), n)))) },
  { weight: 4, arbitrary: mutatedSeed.map((c): Line => (n) => text(JSON.stringify(withId(c, n)) ?? 'undefined')) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v): Line => () => text(JSON.stringify(v))) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 120 }).map((b): Line => () => Buffer.from(b.filter((x) => x !== 10))) },
  { weight: 2, arbitrary: controls.map((s): Line => () => text(s)) },
  { weight: 1, arbitrary: controls.map((s): Line => (n) => text(JSON.stringify({ ...seedCase(), id: `line-${n}`, request: { ...seedCase().request, text: s } }))) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((d): Line => () => text(`{"request": ${'['.repeat(d)}${']'.repeat(d)}}`)) },
  { weight: 1, arbitrary: fc.constantFrom('1e999', '-1e400', '1'.repeat(400)).map((x): Line => (n) => text(`{"id": "line-${n}", "jurisdiction": "CA", "asOf": "2014-01-24", "request": {"treatment": "physical-therapy", "visits": ${x}}}`)) },
  { weight: 1, arbitrary: fc.constantFrom([0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff], [0xe2, 0x82]).map((bad): Line => (n) => Buffer.concat([text(`{"id": "line-${n}", "x": "`), Buffer.from(bad), text('"}')])) },
  { weight: 1, arbitrary: fc.constant((n: number) => text(`\ufeff${JSON.stringify(withId(seedCase(), n))}`)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\r').map((s): Line => () => text(s)) },
  // Rare, and large: a line past the limit, which must not be held whole.
  { weight: 1, arbitrary: fc.constant(() => Buffer.alloc(readLimits.caseBytes + 10, 'x')) },
);

const batch = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 12 }),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
});

describe('check --case on random JSON Lines', () => {
  it('answers every line once, in order; exit 0 or 2, no stack trace', () => {
    let n = 0;
    fc.assert(
      fc.property(batch, ({ lines, bom, crlf, finalNewline }) => {
        const made = lines.map((l, i) => l(i + 1));
        // More than one line past the limit only makes the run slow.
        if (made.filter((b) => b.length > readLimits.caseBytes).length > 1) return;
        const eol = text(crlf ? '\r\n' : '\n');
        const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), ...made.flatMap((b, i) => (i < made.length - 1 || finalNewline ? [b, eol] : [b]))]);
        const path = join(dir, `batch-${n++}.jsonl`);
        writeFileSync(path, bytes);
        const r = runCli(['check', '--case', path, '--json']);

        expect([0, 2]).toContain(r.code);
        expect(r.stderr + r.stdout).not.toMatch(stackTrace);
        // A line is blank when, as text, it is only white space (a byte-order mark opening the file is not part of it).
        const blank = made.map((b) => b.length <= readLimits.caseBytes && isUtf8(b) && b.toString().replace(/\r$/, '').trim() === '');
        const answered = made.map((_, i) => !blank[i]);
        const decided = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { caseId?: string });
        const prefix = `${path}:`;
        // Each error's line, without the code frame under it.
        const errors = r.stderr.split('\n').filter((l) => l && !/^[> ] /.test(l));
        for (const e of errors) expect(e.startsWith(prefix), e).toBe(true);
        const failed = [...new Set(errors.map((e) => Number(/^(\d+):/.exec(e.slice(prefix.length))?.[1])))];
        // Errors come in line order, each line's together.
        expect(failed).toEqual([...failed].sort((a, b) => a - b));
        expect(failed.every((k) => answered[k - 1])).toBe(true);
        // One answer per line: as many determinations as lines answered without an error, and
        // each determination of a line that carries its number is not also an error.
        expect(decided.length + failed.length).toBe(answered.filter(Boolean).length);
        const ids = decided.map((d) => Number(/^line-(\d+)$/.exec(d.caseId ?? '')?.[1] ?? NaN)).filter((k) => !Number.isNaN(k));
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        for (const k of ids) expect(failed).not.toContain(k);
        expect(r.code).toBe(failed.length ? 2 : 0);
      }),
      { ...seed(71), numRuns: runs(12) },
    );
  });
});
