// `guideline fmt`: rewrites files in canonical layout, `--check` only reports, syntax errors exit 2.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'packages/cli/src/main.ts'), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'guideline-fmt-'));
const file = (name: string, text: string): string => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('guideline fmt', () => {
  it('finds the bundled guidelines formatted', () => {
    const r = run(['fmt', '--check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/(\d+) of \1 files formatted/);
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

  it('exits 2 with located diagnostics on a syntax error, file untouched', () => {
    const p = file('broken.guideline', 'guideline a\ncriterion ((( oops\n');
    const r = run(['fmt', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.guideline:2:\d+: error P20\d/);
    expect(readFileSync(p, 'utf8')).toBe('guideline a\ncriterion ((( oops\n');
  });
});
