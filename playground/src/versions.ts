// Saved versions of guideline files, kept in local storage beside the work: a version is a file's
// text at the moment it was saved, to compare the file with later ("what does my edit change?").
// At most `versionsKept` per file (the oldest goes) and `versionsMaxChars` in all; nothing read back
// is trusted (names, shapes, types), and a storage that refuses a save is said to, not thrown at.
import { versionsKept, versionsMaxChars } from './limits.ts';
import { isAcceptableFileName } from './file-names.ts';

export interface SavedVersion {
  file: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
  text: string;
}

const key = 'guideline-playground:v1:versions';

export class Versions {
  constructor(
    private readonly workspace: ReadonlySet<string>,
    private readonly storage: () => Storage = () => localStorage,
  ) {}

  private read(): SavedVersion[] {
    let raw: string | null = null;
    try {
      raw = this.storage().getItem(key);
    } catch {
      return [];
    }
    let value: unknown;
    try {
      value = raw === null ? [] : JSON.parse(raw);
    } catch {
      return [];
    }
    if (!Array.isArray(value)) return [];
    return value.filter((v): v is SavedVersion =>
      !!v && typeof v === 'object' && typeof v.file === 'string' && isAcceptableFileName(v.file, this.workspace) && typeof v.text === 'string' && typeof v.savedAt === 'number' && Number.isFinite(v.savedAt));
  }

  /** A file's saved versions, newest first. */
  list(file: string): SavedVersion[] {
    return this.read().filter((v) => v.file === file).sort((a, b) => b.savedAt - a.savedAt);
  }

  /** Saves a file's text as a version; false when the storage refuses it (full, or disabled). */
  save(file: string, text: string, at = Date.now()): boolean {
    const mine = [{ file, savedAt: at, text }, ...this.list(file)].slice(0, versionsKept);
    let all = [...mine, ...this.read().filter((v) => v.file !== file).sort((a, b) => b.savedAt - a.savedAt)];
    // The oldest of the others go first when all of them together are too long.
    let chars = all.reduce((n, v) => n + v.text.length, 0);
    while (chars > versionsMaxChars && all.length > 1) chars -= all.pop()!.text.length;
    if (chars > versionsMaxChars) return false;
    all = all.filter((v) => v.text.length <= versionsMaxChars);
    try {
      this.storage().setItem(key, JSON.stringify(all));
      return true;
    } catch {
      return false;
    }
  }
}
