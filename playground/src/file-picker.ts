// The guideline file picker: each file by its name, under its folder (a group of the drop-down), the
// edited ones marked, and a search field that narrows the list by path or guideline title (Enter opens
// the first file found). A native select: the keyboard and screen readers work as everywhere.
import { el, show } from './dom.ts';
import type { PageWorkspace } from './workspace.ts';

export class FilePicker {
  private open = '';

  constructor(
    private readonly select: HTMLSelectElement,
    private readonly filter: HTMLInputElement,
    private readonly workspace: PageWorkspace,
    /** A file's guideline title, searched with its path. */
    private readonly title: (file: string) => string | undefined,
    onPick: (file: string) => void,
  ) {
    select.addEventListener('change', () => onPick(select.value));
    filter.addEventListener('input', () => this.fill(this.open));
    filter.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter') return;
      const first = this.found()[0];
      if (first && first !== this.open) onPick(first);
    });
  }

  /** The files the search finds, in name order (all of them with no search). */
  private found(): string[] {
    const words = this.filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return this.workspace.files().filter((f) => {
      const hay = `${f.replace(/^guidelines\//, '')} ${this.title(f) ?? ''}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }

  /** Fills the picker with the files found (and the open one, found or not), and shows the open one. */
  fill(open: string): void {
    this.open = open;
    const groups = new Map<string, string[]>();
    const found = new Set(this.found());
    for (const f of this.workspace.files()) {
      if (!found.has(f) && f !== open) continue;
      const folder = folderOf(f);
      groups.set(folder, [...(groups.get(folder) ?? []), f]);
    }
    show(this.select, [...groups].map(([folder, files]) => el('optgroup', { label: folder.replace(/^guidelines\/?/, '') || 'guidelines' },
      files.map((f) => {
        const edited = this.workspace.isEdited(f);
        return el('option', { value: f, title: f }, `${edited ? '● ' : ''}${f.slice(folder.length + 1)}${edited ? ' (edited)' : ''}`);
      }))));
    this.select.value = open;
  }
}

/** A file's folder: its path without the file name. */
export const folderOf = (file: string): string => file.replace(/\/?[^/]*$/, '');
