// The workspace download's zip writer (node): CRC-32 as the format defines it, and an archive that
// unzip lists and extracts byte for byte (the end-to-end run of `guideline test` on it is in
// workspace.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, zipFiles } from '../src/zip.ts';

describe('zip', () => {
  it.each([
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
  ])('crc32(%j) = %d', (text, crc) => {
    expect(crc32(new TextEncoder().encode(text))).toBe(crc);
  });

  it('makes an archive unzip tests and extracts as written, names and texts in UTF-8', () => {
    const files = [{ path: 'guidelines/a/a.guideline', text: 'criterion x "é ✓"\n' }, { path: 'guidelines/a/cases/x.json', text: '{}\n' }, { path: 'empty.txt', text: '' }];
    const dir = mkdtempSync(join(tmpdir(), 'playground-zip-test-'));
    writeFileSync(join(dir, 'w.zip'), zipFiles(files));
    execFileSync('unzip', ['-tq', 'w.zip'], { cwd: dir });
    execFileSync('unzip', ['-q', 'w.zip'], { cwd: dir });
    for (const f of files) expect(readFileSync(join(dir, f.path), 'utf8')).toBe(f.text);
  });
});
