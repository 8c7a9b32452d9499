// `guideline fmt`: rewrites files in canonical layout, `--check` only reports, syntax errors exit 2.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';
import { runCli, scratch } from './support/cli.ts';

const run = runCli;
const { dir: tmp, file } = scratch('guideline-fmt-');

describe('guideline fmt', () => {
  it('finds the bundled guidelines formatted', () => {
    const r = run(['fmt', '--check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/(\d+) of \1 files formatted/);
  });

  it('finds the bundled vocabularies formatted', () => {
    const r = run(['fmt', '--check', join(root, 'packages/language/vocabularies')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/([1-9]\d*) of \1 files formatted/);
  });

  it('--check names a file that is not formatted and leaves it alone', () => {
    const p = file('messy.guideline', 'guideline a\ncriterion c require completed visits>0\n');
    const r = run(['fmt', '--check', p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('messy.guideline: not formatted');
    expect(readFileSync(p, 'utf8')).toBe('guideline a\ncriterion c require completed visits>0\n');
  });

  it('rewrites a file, and a second run changes nothing', () => {
    const p = file('tidy.guideline', '# keep me\nguideline a\ncriterion c require completed visits>0 # and me\n');
    expect(run(['fmt', p]).code).toBe(0);
    // A trailing comment keeps its column when there is room (authors align them).
    expect(readFileSync(p, 'utf8')).toMatch(/^# keep me\nguideline a\n\ncriterion c\n  require completed visits > 0 {2,}# and me\n$/);
    expect(run(['fmt', '--check', p]).code).toBe(0);
  });

  it('rewrites a file with CRLF line endings with LF ones only, its multi-line texts too', () => {
    const lf = 'guideline a\n  title    "A title\n    on two lines"\n\ncriterion c\n  require completed visits > 0\n  otherwise "Too few\n    visits."\n';
    const p = file('crlf.guideline', lf.replace(/\n/g, '\r\n'));
    expect(run(['fmt', p]).code).toBe(0);
    expect(readFileSync(p, 'utf8')).toBe(lf);
  });

  it('exits 2 with located diagnostics on a syntax error, file untouched', () => {
    const p = file('broken.guideline', 'guideline a\ncriterion ((( oops\n');
    const r = run(['fmt', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.guideline:2:\d+: error P20\d/);
    expect(readFileSync(p, 'utf8')).toBe('guideline a\ncriterion ((( oops\n');
  });

  it('exits 2 naming a clause given twice at its place (C308), file untouched', () => {
    const text = 'guideline a\n  title "One"\n  title "Two"\n';
    const p = file('twice.guideline', text);
    for (const args of [['fmt', p], ['fmt', '--check', p]]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^\S*twice\.guideline: not formatted, a clause is given twice\n\S*twice\.guideline:3:3: error C308 'title' is given more than once\n/);
    }
    expect(readFileSync(p, 'utf8')).toBe(text);
  });
});
