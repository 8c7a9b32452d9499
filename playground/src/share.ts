// Where work is kept: the share link (guideline text and case, compressed into the URL hash) and
// local storage, so a reload loses nothing and a shared link opens exactly that state.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

export interface SharedState {
  file: string;
  text: string;
  caseText: string;
}

export interface StoredState {
  file: string;
  /** Edited texts by file; files not here show their bundled text. */
  drafts: Record<string, string>;
  caseFile: string;
  caseText: string;
}

const storageKey = 'guideline-playground:v1';

export function shareHash(s: SharedState): string {
  return `#share=${compressToEncodedURIComponent(JSON.stringify({ v: 1, ...s }))}`;
}

/** The state in a share hash, or undefined when the hash holds none (or a damaged one). */
export function readShareHash(hash: string): SharedState | undefined {
  const m = /^#share=(.+)$/.exec(hash);
  if (!m) return undefined;
  try {
    const s = JSON.parse(decompressFromEncodedURIComponent(m[1]!) ?? '') as Partial<SharedState> & { v?: number };
    if (s.v !== 1 || typeof s.file !== 'string' || typeof s.text !== 'string' || typeof s.caseText !== 'string') return undefined;
    return { file: s.file, text: s.text, caseText: s.caseText };
  } catch {
    return undefined;
  }
}

export function loadStored(): StoredState | undefined {
  try {
    const raw = localStorage.getItem(storageKey);
    const s = raw ? (JSON.parse(raw) as StoredState) : undefined;
    return s && typeof s.file === 'string' && typeof s.caseText === 'string' && s.drafts && typeof s.drafts === 'object' ? s : undefined;
  } catch {
    return undefined;
  }
}

export function saveStored(s: StoredState): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(s));
  } catch {
    // storage full or disabled: the session still works, it just will not survive a reload
  }
}

export function clearStored(): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // nothing kept, nothing to clear
  }
}
