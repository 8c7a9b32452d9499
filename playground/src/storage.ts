// Where work is kept between visits: local storage, and this tab's session storage when local storage
// refuses a save (full, or disabled). Every save is numbered, so a reload can tell the newest work from
// an older save and say which one it shows; nothing read back is trusted (file names, shapes, types).
import { workspaceCasesMax } from './limits.ts';
import { isAcceptableCaseFileName, isAcceptableFileName } from './file-names.ts';
import { readTestCase, type TestCase } from './test-cases.ts';

export interface Work {
  /** The file open in the editor. */
  file: string;
  /** Edited texts by file; files not here show their bundled text. */
  drafts: Map<string, string>;
  /** The bundled case shown, or '' for an edited one. */
  caseFile: string;
  caseText: string;
  /** Test cases edited or written in the playground. */
  cases?: TestCase[];
}

export type SaveOutcome =
  | { ok: true }
  /** `chars`: the size of the work; `keptInTab`: whether this tab's session storage holds it instead. */
  | { ok: false; reason: 'full' | 'unavailable'; chars: number; keptInTab: boolean };

export type LoadNote =
  /** Local storage refused the latest save; this tab kept it (saved at `savedAt`, ms since the epoch). */
  | { kind: 'from-tab'; savedAt: number }
  /** The work shown was saved at `savedAt`; saves made after it, until `lostSince`, were refused. */
  | { kind: 'older'; savedAt: number; lostSince: number }
  /** Something is stored but could not be read (damaged, or from an unknown version). */
  | { kind: 'unreadable' };

export interface Loaded {
  work?: Work;
  note?: LoadNote;
}

interface Saved {
  seq: number;
  savedAt: number;
  work: Work;
}

/** The two storages, as the page has them (or fakes, in tests); either may be missing or throw on access. */
export interface Storages {
  local: () => Storage;
  session: () => Storage;
}

const browserStorages: Storages = { local: () => localStorage, session: () => sessionStorage };

const workKey = 'guideline-playground:v1';
const tabKey = 'guideline-playground:v1:unsaved';
/**
 * The number and time of the last refused save. It is written at a fixed width before every save, so a
 * refusal can always be recorded over it: local storage that is full to the byte still takes a value
 * no longer than the one it replaces.
 */
const refusedKey = 'guideline-playground:v1:refused';
const refusedRecord = (seq: number, at: number): string => `${String(seq).padStart(16, '0')}|${String(at).padStart(16, '0')}`;
const noRefusal = refusedRecord(0, 0);

const isQuotaError = (e: unknown): boolean => e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);

function tryRead(storage: () => Storage, key: string): string | null | 'unreadable' {
  try {
    return storage().getItem(key);
  } catch {
    return 'unreadable';
  }
}

function tryWrite(storage: () => Storage, key: string, value: string): unknown {
  try {
    storage().setItem(key, value);
    return undefined;
  } catch (e) {
    return e ?? 'failed';
  }
}

function tryRemove(storage: () => Storage, key: string): void {
  try {
    storage().removeItem(key);
  } catch {
    // nothing kept there, or nothing can be: either way nothing to remove
  }
}

export class WorkStore {
  /** The number of the last save made or seen; the next save is numbered one more. */
  private seq = 0;

  constructor(
    private readonly workspace: ReadonlySet<string>,
    private readonly storages: Storages = browserStorages,
  ) {}

  /** The newest work kept (this tab's, when local storage refused it), and what the page should say about it. */
  load(): Loaded {
    const storedRaw = tryRead(this.storages.local, workKey);
    const stored = this.parse(storedRaw);
    const tab = this.parse(tryRead(this.storages.session, tabKey));
    const refused = this.parseRefused(tryRead(this.storages.local, refusedKey));
    this.seq = Math.max(stored?.seq ?? 0, tab?.seq ?? 0, refused?.seq ?? 0);
    if (tab && (!stored || tab.seq > stored.seq)) return { work: tab.work, note: { kind: 'from-tab', savedAt: tab.savedAt } };
    if (stored && refused && refused.seq > stored.seq) return { work: stored.work, note: { kind: 'older', savedAt: stored.savedAt, lostSince: refused.at } };
    if (stored) return { work: stored.work };
    return storedRaw !== null ? { note: { kind: 'unreadable' } } : {};
  }

  /** Saves the work; when local storage refuses, keeps it in this tab and notes the refusal where it can. */
  save(work: Work): SaveOutcome {
    const seq = ++this.seq;
    const json = JSON.stringify({ v: 1, seq, savedAt: Date.now(), file: work.file, drafts: Object.fromEntries(work.drafts), caseFile: work.caseFile, caseText: work.caseText, cases: Object.fromEntries((work.cases ?? []).map((c) => [c.file, { description: c.description, case: c.case, ...(c.expect ? { expect: c.expect } : {}) }])) });
    if (tryRead(this.storages.local, refusedKey) !== noRefusal) tryWrite(this.storages.local, refusedKey, noRefusal);
    const error = tryWrite(this.storages.local, workKey, json);
    if (error === undefined) {
      tryRemove(this.storages.session, tabKey);
      return { ok: true };
    }
    const keptInTab = tryWrite(this.storages.session, tabKey, json) === undefined;
    // Over the reserved record: then a reload in another tab knows the saved work is not the latest.
    tryWrite(this.storages.local, refusedKey, refusedRecord(seq, Date.now()));
    return { ok: false, reason: isQuotaError(error) ? 'full' : 'unavailable', chars: json.length, keptInTab };
  }

  clear(): void {
    tryRemove(this.storages.local, workKey);
    tryRemove(this.storages.local, refusedKey);
    tryRemove(this.storages.session, tabKey);
  }

  private parse(raw: string | null): Saved | undefined {
    if (raw === null || raw === 'unreadable') return undefined;
    let s: unknown;
    try {
      s = JSON.parse(raw);
    } catch {
      return undefined;
    }
    if (typeof s !== 'object' || s === null) return undefined;
    const r = s as Record<string, unknown>;
    if (typeof r['file'] !== 'string' || typeof r['caseText'] !== 'string' || typeof r['drafts'] !== 'object' || r['drafts'] === null) return undefined;
    const drafts = new Map<string, string>();
    // Own keys only, and only acceptable file names: a stored "__proto__" or "../x" is dropped.
    for (const [file, text] of Object.entries(r['drafts'] as Record<string, unknown>)) {
      if (typeof text === 'string' && isAcceptableFileName(file, this.workspace)) drafts.set(file, text);
    }
    const file = isAcceptableFileName(r['file'], this.workspace) ? r['file'] : '';
    const caseFile = typeof r['caseFile'] === 'string' ? r['caseFile'] : '';
    // Work saved before saves were numbered counts as the oldest.
    const seq = typeof r['seq'] === 'number' && Number.isSafeInteger(r['seq']) ? r['seq'] : 0;
    const savedAt = typeof r['savedAt'] === 'number' ? r['savedAt'] : 0;
    const cases: TestCase[] = [];
    const storedCases = r['cases'];
    if (typeof storedCases === 'object' && storedCases !== null && !Array.isArray(storedCases)) {
      for (const [caseFile, value] of Object.entries(storedCases as Record<string, unknown>).slice(0, workspaceCasesMax)) {
        const c = isAcceptableCaseFileName(caseFile) ? readTestCase(caseFile, value) : undefined;
        if (c) cases.push(c);
      }
    }
    return { seq, savedAt, work: { file, drafts, caseFile, caseText: r['caseText'], cases } };
  }

  private parseRefused(raw: string | null): { seq: number; at: number } | undefined {
    const m = raw === null ? null : /^(\d{16})\|(\d{16})$/.exec(raw);
    return m && Number(m[1]) > 0 ? { seq: Number(m[1]), at: Number(m[2]) } : undefined;
  }
}
