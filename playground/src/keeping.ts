// Keeping the work, on the page's side: a save a moment after each change, a notice that stays while
// saves are refused (and offers a download of the work), and on load a word on which work is shown.
import { el } from './dom.ts';
import { loadedNote, notSaved } from './messages.ts';
import type { Notice, Notices } from './notices.ts';
import type { Loaded, Work, WorkStore } from './storage.ts';

/** Saves the work as a JSON file (the open file, every edited file, the case). */
export function downloadWork(work: Work): void {
  const body = JSON.stringify({ open: work.file, files: Object.fromEntries(work.drafts), caseFile: work.caseFile, case: work.caseText }, null, 2);
  const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  const a = el('a', { href: url, download: 'guideline-playground-work.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export class Keeper {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: WorkStore,
    private readonly notices: Notices,
    /** The work as it is now (the open file's text included in its drafts). */
    private readonly current: () => Work,
  ) {}

  /** The work as it is now. */
  work(): Work {
    return this.current();
  }

  private get downloadAction(): NonNullable<Notice['actions']>[number] {
    return { label: 'Download your work', run: () => downloadWork(this.current()) };
  }

  /** The work kept, after saying (when it matters) which work it is. */
  load(): Loaded {
    const loaded = this.store.load();
    const note = loaded.note;
    if (note) {
      const unreadable = note.kind === 'unreadable';
      this.notices.set('storage', { code: note.kind, level: unreadable ? 'info' : 'warning', text: loadedNote(note), actions: unreadable ? [] : [this.downloadAction] });
    }
    return loaded;
  }

  /** Saves a moment after the last change (typing saves once it pauses). */
  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveNow(), 300);
  }

  /** Saves now; a refusal is said until a save succeeds, and every change tries again. */
  saveNow(): void {
    clearTimeout(this.timer);
    const outcome = this.store.save(this.current());
    if (outcome.ok) this.notices.set('storage', undefined);
    else this.notices.set('storage', { code: 'not-saved', level: 'error', text: notSaved(outcome), actions: [this.downloadAction], dismissable: false });
  }

  clear(): void {
    clearTimeout(this.timer);
    this.store.clear();
    this.notices.set('storage', undefined);
  }
}
