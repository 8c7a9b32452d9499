// Keeping work in storage (node, with storages that have a quota): a refused save is kept in the tab
// and recorded, a reload shows the newest work or says that it shows an older one, and nothing read
// back is trusted.
import { describe, expect, it } from 'vitest';
import { WorkStore, type Storages, type Work } from '../src/storage.ts';
import { seedFile } from './support/share-attacks.ts';

/** Web Storage over a Map, refusing (as browsers do) a write that would pass its quota in characters. */
class QuotaStorage implements Storage {
  readonly items = new Map<string, string>();
  constructor(public quota = Infinity) {}
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    const old = this.items.has(k) ? k.length + this.items.get(k)!.length : 0;
    if (this.used() - old + k.length + v.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(k, String(v));
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
  clear(): void {
    this.items.clear();
  }
  used(): number {
    let n = 0;
    for (const [k, v] of this.items) n += k.length + v.length;
    return n;
  }
  /** Fills what is left with another page's data, to the last character. */
  fill(): void {
    this.setItem('other-page', 'x'.repeat(Math.max(0, this.quota - this.used() - 'other-page'.length)));
  }
}

const workspace = new Set([seedFile]);
const work = (text: string): Work => ({ file: seedFile, drafts: new Map([[seedFile, text]]), caseFile: '', caseText: '{}' });
const textOf = (w: Work | undefined): string | undefined => w?.drafts.get(seedFile);

/** A browser profile: local storage shared by its tabs, session storage per tab. */
function profile(quota = 100_000): { local: QuotaStorage; tab: () => Storages } {
  const local = new QuotaStorage(quota);
  return { local, tab: () => ({ local: () => local, session: ((s) => () => s)(new QuotaStorage()) }) };
}

describe('WorkStore', () => {
  it('saves the work and loads it back', () => {
    const { tab } = profile();
    const storages = tab();
    expect(new WorkStore(workspace, storages).save(work('first'))).toEqual({ ok: true });
    const loaded = new WorkStore(workspace, storages).load();
    expect(textOf(loaded.work)).toBe('first');
    expect(loaded.note).toBeUndefined();
  });

  it('a save refused by full storage is kept in the tab, and a reload of the tab shows it, saying so', () => {
    const { local, tab } = profile();
    const storages = tab();
    const store = new WorkStore(workspace, storages);
    store.save(work('first'));
    local.fill();
    expect(store.save(work('second'))).toMatchObject({ ok: false, reason: 'full', keptInTab: true });
    const loaded = new WorkStore(workspace, storages).load();
    expect(textOf(loaded.work)).toBe('second');
    expect(loaded.note?.kind).toBe('from-tab');
  });

  it('another tab shows the older save and says that later changes were not saved, even with storage full to the byte', () => {
    const { local, tab } = profile();
    const store = new WorkStore(workspace, tab());
    store.save(work('first'));
    local.fill();
    expect(local.used()).toBe(local.quota);
    expect(store.save(work('second')).ok).toBe(false);
    const loaded = new WorkStore(workspace, tab()).load();
    expect(textOf(loaded.work)).toBe('first');
    expect(loaded.note?.kind).toBe('older');
  });

  it('a save that succeeds again clears what the refusal left', () => {
    const { local, tab } = profile();
    const storages = tab();
    const store = new WorkStore(workspace, storages);
    store.save(work('first'));
    local.fill();
    store.save(work('second'));
    local.removeItem('other-page');
    expect(store.save(work('third'))).toEqual({ ok: true });
    for (const s of [storages, tab()]) {
      const loaded = new WorkStore(workspace, s).load();
      expect(textOf(loaded.work)).toBe('third');
      expect(loaded.note).toBeUndefined();
    }
  });

  it('numbers saves on from the newest it has seen, so a reload does not reuse a number', () => {
    const { local, tab } = profile();
    const storages = tab();
    new WorkStore(workspace, storages).save(work('first'));
    local.fill();
    new WorkStore(workspace, storages).save(work('second'));
    local.removeItem('other-page');
    const reloaded = new WorkStore(workspace, storages);
    reloaded.load();
    reloaded.save(work('third'));
    expect(textOf(new WorkStore(workspace, tab()).load().work)).toBe('third');
  });

  it('storage that cannot be used at all: unavailable, and the tab keeps nothing it cannot', () => {
    const broken: Storages = { local: () => { throw new DOMException('denied', 'SecurityError'); }, session: () => { throw new DOMException('denied', 'SecurityError'); } };
    expect(new WorkStore(workspace, broken).save(work('x'))).toMatchObject({ ok: false, reason: 'unavailable', keptInTab: false });
    expect(new WorkStore(workspace, broken).load()).toEqual({ note: { kind: 'unreadable' } });
  });

  it.each([
    ['not JSON', '{"file":', 'unreadable'],
    ['an array', '[]', 'unreadable'],
    ['drafts that are not an object', JSON.stringify({ file: seedFile, drafts: 'x', caseText: '{}' }), 'unreadable'],
  ])('stored work that is %s is said to be unreadable', (_what, raw, kind) => {
    const { local, tab } = profile();
    local.setItem('guideline-playground:v1', raw);
    expect(new WorkStore(workspace, tab()).load()).toEqual({ note: { kind } });
  });

  it('keeps only drafts with acceptable file names, never a prototype key', () => {
    const { local, tab } = profile();
    const raw = `{"file":"__proto__","drafts":{"__proto__":"x","../../x":"y","constructor":"z","${seedFile}":"mine","guidelines/a/b.guideline":3},"caseFile":"","caseText":"{}"}`;
    local.setItem('guideline-playground:v1', raw);
    const w = new WorkStore(workspace, tab()).load().work!;
    expect([...w.drafts]).toEqual([[seedFile, 'mine']]);
    expect(w.file).toBe('');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('loads work saved before saves were numbered', () => {
    const { local, tab } = profile();
    local.setItem('guideline-playground:v1', JSON.stringify({ file: seedFile, drafts: { [seedFile]: 'old' }, caseFile: '', caseText: '{}' }));
    const loaded = new WorkStore(workspace, tab()).load();
    expect(textOf(loaded.work)).toBe('old');
    expect(loaded.note).toBeUndefined();
  });
});
