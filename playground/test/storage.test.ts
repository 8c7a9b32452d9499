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

/** A tab that saved 'first', then had 'second' refused: another page filled local storage to the last character. */
function refusedSecond(): ReturnType<typeof profile> & { storages: Storages; store: WorkStore; refused: ReturnType<WorkStore['save']> } {
  const p = profile();
  const storages = p.tab();
  const store = new WorkStore(workspace, storages);
  store.save(work('first'));
  p.local.fill();
  return { ...p, storages, store, refused: store.save(work('second')) };
}

/** What a page loading in these storages shows, and what it says about it. */
function reload(storages: Storages): { text: string | undefined; note: string | undefined } {
  const loaded = new WorkStore(workspace, storages).load();
  return { text: textOf(loaded.work), note: loaded.note?.kind };
}

describe('WorkStore', () => {
  it('saves the work and loads it back', () => {
    const storages = profile().tab();
    expect(new WorkStore(workspace, storages).save(work('first'))).toEqual({ ok: true });
    expect(reload(storages)).toEqual({ text: 'first', note: undefined });
  });

  it('a save refused by full storage is kept in the tab, and a reload of the tab shows it, saying so', () => {
    const { storages, refused } = refusedSecond();
    expect(refused).toMatchObject({ ok: false, reason: 'full', keptInTab: true });
    expect(reload(storages)).toEqual({ text: 'second', note: 'from-tab' });
  });

  it('another tab shows the older save and says that later changes were not saved, even with storage full to the byte', () => {
    const { local, tab } = refusedSecond();
    expect(local.used()).toBe(local.quota);
    expect(reload(tab())).toEqual({ text: 'first', note: 'older' });
  });

  it('a save that succeeds again clears what the refusal left', () => {
    const { local, tab, storages, store } = refusedSecond();
    local.removeItem('other-page');
    expect(store.save(work('third'))).toEqual({ ok: true });
    expect(reload(storages)).toEqual({ text: 'third', note: undefined });
    expect(reload(tab())).toEqual({ text: 'third', note: undefined });
  });

  it('numbers saves on from the newest it has seen, so a reload does not reuse a number', () => {
    const { local, tab, storages } = refusedSecond();
    local.removeItem('other-page');
    const reloaded = new WorkStore(workspace, storages);
    reloaded.load();
    reloaded.save(work('third'));
    expect(reload(tab()).text).toBe('third');
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
    expect(reload(tab())).toEqual({ text: 'old', note: undefined });
  });

  it('keeps a stored expectation of every field, as guideline test reads it', () => {
    const { local, tab } = profile();
    const expectation = { decision: 'partially-medically-necessary', guideline: null, certifiedVisits: 4, missing: ['history.visitsCompleted'], criteria: { 'visit-count': 'needs-review' } };
    local.setItem('guideline-playground:v1', JSON.stringify({ file: seedFile, drafts: {}, caseFile: '', caseText: '{}', cases: { 'guidelines/a/cases/x.json': { description: '', case: {}, expect: expectation } } }));
    expect(new WorkStore(workspace, tab()).load().work?.cases?.map((c) => c.expect)).toEqual([expectation]);
  });

  it('keeps the test cases written in the playground, and only those with a case file name and the fields', () => {
    const storages = profile().tab();
    const written = { file: 'guidelines/mtus/massage/cases/mine.json', folder: 'guidelines/mtus/massage', name: 'mine', description: 'd', case: { id: 'x' }, expect: { decision: 'medically-necessary' as const } };
    new WorkStore(workspace, storages).save({ ...work('x'), cases: [written] });
    expect(new WorkStore(workspace, storages).load().work?.cases).toEqual([written]);
  });

  it.each([
    ['a name outside a cases/ folder', { 'guidelines/a/b.json': { description: '', case: {} } }],
    ['a prototype key', JSON.parse('{"__proto__": {"description": "", "case": {}}}') as Record<string, unknown>],
    ['a dot segment', { 'guidelines/../cases/x.json': { description: '', case: {} } }],
    ['no description', { 'guidelines/a/cases/x.json': { case: {} } }],
    ['an expectation that is a list', { 'guidelines/a/cases/x.json': { description: '', case: {}, expect: [] } }],
    // What the test case's form and Run all would show or compare as nonsense (a `missing` that is no list stopped the page).
    ['missing that is not a list', { 'guidelines/a/cases/x.json': { description: '', case: {}, expect: { missing: 'abc' } } }],
    ['criteria that are a list', { 'guidelines/a/cases/x.json': { description: '', case: {}, expect: { criteria: ['met'] } } }],
    ['a criterion status that is none', { 'guidelines/a/cases/x.json': { description: '', case: {}, expect: { criteria: { a: 'fine' } } } }],
    ['a decision that is none', { 'guidelines/a/cases/x.json': { description: '', case: {}, expect: { decision: 'nonsense' } } }],
    ['certified visits that are no whole number', { 'guidelines/a/cases/x.json': { description: '', case: {}, expect: { certifiedVisits: 'many' } } }],
    ['a guideline that is no text', { 'guidelines/a/cases/x.json': { description: '', case: {}, expect: { guideline: 7 } } }],
    ['an expectation field of no test case', { 'guidelines/a/cases/x.json': { description: '', case: {}, expect: { decision: 'medically-necessary', run: 'now' } } }],
  ])('drops a stored test case with %s', (_what, cases) => {
    const { local, tab } = profile();
    local.setItem('guideline-playground:v1', JSON.stringify({ file: seedFile, drafts: {}, caseFile: '', caseText: '{}', cases }));
    expect(new WorkStore(workspace, tab()).load().work?.cases).toEqual([]);
  });
});
