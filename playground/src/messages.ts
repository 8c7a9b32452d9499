// What the page says when a share link is refused or work is not saved: one template per case, with the
// numbers that explain it. Hostile text only arrives here shortened (share-link.ts `excerpt`).
import { linkMaxChars, linkMaxDecodedChars, linkMaxFiles } from './limits.ts';
import type { ShareLinkMade, ShareLinkProblem } from './share-link.ts';
import type { LoadNote, SaveOutcome } from './storage.ts';

const kb = (chars: number): string => `${Math.max(1, Math.round(chars / 1024)).toLocaleString('en')} KB`;
const time = (ms: number): string => new Date(ms).toLocaleTimeString('en-GB');
const number = (n: number): string => n.toLocaleString('en');

const linkReasons: Record<ShareLinkProblem, (detail: string | undefined) => string> = {
  'link-too-long': (d) => `it is ${number(Number(d))} characters long, more than the ${number(linkMaxChars)} a link may have`,
  'too-large': () => `it unpacks to more than the ${number(linkMaxDecodedChars)} characters a link may hold`,
  damaged: () => 'it is damaged (cut short or changed on the way): ask for the link again',
  'unsupported-version': () => 'it was made by a newer version of the playground',
  'invalid-state': (d) => `it does not hold a guideline and a case${d ? ` (at ${d})` : ''}`,
  'unsafe-file-name': (d) => `it names the file ${d ?? ''}, which is not a guideline file name`,
};

/** Whether a notice's code is the refusal of a link read from the address (not of one being made). */
export const isLinkRefusal = (code: string | undefined): boolean => code !== undefined && Object.hasOwn(linkReasons, code);

/** Why a share link was not opened. */
export function linkRefused(problem: ShareLinkProblem, detail: string | undefined): string {
  return `This share link was not opened: ${linkReasons[problem](detail)}. Your own work is shown instead.`;
}

/** Why no share link was made. */
export function linkNotMade(made: Extract<ShareLinkMade, { ok: false }>): string {
  if (made.problem === 'too-many-files') return `Not shared: ${number(made.chars)} files are edited, more than the ${number(linkMaxFiles)} a link may carry. Download your work instead.`;
  return made.problem === 'too-large'
    ? `Not shared: the edited guidelines and the case are ${number(made.chars)} characters, more than the ${number(linkMaxDecodedChars)} a link may hold. Download your work instead.`
    : `Not shared: the link would be ${number(made.chars)} characters long, more than the ${number(linkMaxChars)} a link may have. Download your work instead.`;
}

/** Why the last change was not saved. */
export function notSaved(outcome: Extract<SaveOutcome, { ok: false }>): string {
  const why = outcome.reason === 'full' ? `browser storage is full (your work is ${kb(outcome.chars)})` : 'browser storage is not available to this page';
  const kept = outcome.keptInTab ? ' It is kept in this tab until you close it.' : ' A reload would lose it.';
  return `Not saved: ${why}.${kept} Download your work to keep it.`;
}

/** What the page says about the work it loaded. */
export function loadedNote(note: LoadNote): string {
  switch (note.kind) {
    case 'from-tab':
      return `Restored your latest work (${time(note.savedAt)}) from this tab: browser storage refused it, so other tabs and later visits do not have it. Download your work to keep it.`;
    case 'older':
      return `This is your work as saved at ${time(note.savedAt)}. Changes made after that, until ${time(note.lostSince)}, were not saved: browser storage refused them.`;
    case 'unreadable':
      return 'Your saved work could not be read, so the bundled texts are shown.';
  }
}

/** The language worker is gone: nothing is checked or run until the page is reloaded. */
export function workerStopped(reason: string): string {
  return `${reason}. Nothing is checked or run until the page is reloaded.`;
}
