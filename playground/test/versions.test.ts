// Saved versions of guideline files (node, over a fake local storage): newest first, at most ten a
// file, the oldest of all going first when they are too long together, a storage that refuses said
// so, and nothing read back trusted.
import { describe, expect, it } from 'vitest';
import { versionsKept, versionsMaxChars } from '../src/limits.ts';
import { Versions } from '../src/versions.ts';

const file = 'guidelines/mtus/massage/massage.guideline';
const key = 'guideline-playground:v1:versions';

/** Just enough of Web Storage: a map, and a switch that makes every write throw. */
function storage(refuse = false): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuse) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(k, v);
    },
  } as Storage;
}

describe('saved versions', () => {
  it('lists a file\'s versions newest first, keeping the last ten', () => {
    const s = storage();
    const v = new Versions(new Set([file]), () => s);
    for (let i = 0; i < versionsKept + 2; i++) expect(v.save(file, `text ${i}`, 1000 + i)).toBe(true);
    expect(v.list(file).map((x) => x.text)).toEqual([...Array(versionsKept).keys()].map((i) => `text ${versionsKept + 1 - i}`));
    expect(v.list('guidelines/other/other.guideline')).toEqual([]);
  });

  it('drops the oldest of the other files first when all of them are too long together', () => {
    const s = storage();
    const v = new Versions(new Set([file, 'guidelines/a/a.guideline']), () => s);
    const half = 'x'.repeat(Math.floor(versionsMaxChars / 2) + 1);
    v.save('guidelines/a/a.guideline', half, 1);
    v.save(file, half, 2);
    expect(v.list('guidelines/a/a.guideline')).toEqual([]);
    expect(v.list(file)).toHaveLength(1);
  });

  it('says a refused save is not kept, and reads nothing it cannot trust', () => {
    expect(new Versions(new Set([file]), () => storage(true)).save(file, 'text')).toBe(false);
    const s = storage();
    s.setItem(key, JSON.stringify([{ file: '../../etc/passwd', savedAt: 1, text: 'x' }, { file, savedAt: 'soon', text: 'x' }, { file, savedAt: 2, text: 'kept' }, null, 7]));
    expect(new Versions(new Set([file]), () => s).list(file).map((x) => x.text)).toEqual(['kept']);
    s.setItem(key, '{not json');
    expect(new Versions(new Set([file]), () => s).list(file)).toEqual([]);
  });
});
