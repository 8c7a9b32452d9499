// The page's messages about share links and saved work: each template once, with its numbers filled in
// (the other tests assert codes, not texts).
import { describe, expect, it } from 'vitest';
import { linkNotMade, linkRefused, loadedNote, notSaved, workerStopped } from '../src/messages.ts';

describe('messages', () => {
  it.each([
    [linkRefused('link-too-long', '300000'), 'This share link was not opened: it is 300,000 characters long, more than the 262,144 a link may have. Your own work is shown instead.'],
    [linkRefused('too-large', undefined), 'This share link was not opened: it unpacks to more than the 1,048,576 characters a link may hold. Your own work is shown instead.'],
    [linkRefused('damaged', undefined), 'This share link was not opened: it is damaged (cut short or changed on the way): ask for the link again. Your own work is shown instead.'],
    [linkRefused('unsupported-version', undefined), 'This share link was not opened: it was made by a newer version of the playground. Your own work is shown instead.'],
    [linkRefused('invalid-state', '"extra"'), 'This share link was not opened: it does not hold a guideline and a case (at "extra"). Your own work is shown instead.'],
    [linkRefused('unsafe-file-name', '"__proto__"'), 'This share link was not opened: it names the file "__proto__", which is not a guideline file name. Your own work is shown instead.'],
    [linkNotMade({ ok: false, problem: 'too-large', chars: 2_000_000 }), 'Not shared: the edited guidelines and the case are 2,000,000 characters, more than the 1,048,576 a link may hold. Download your work instead.'],
    [linkNotMade({ ok: false, problem: 'too-many-files', chars: 120 }), 'Not shared: 120 files are edited, more than the 100 a link may carry. Download your work instead.'],
    [linkNotMade({ ok: false, problem: 'link-too-long', chars: 300_000 }), 'Not shared: the link would be 300,000 characters long, more than the 262,144 a link may have. Download your work instead.'],
    [notSaved({ ok: false, reason: 'full', chars: 2_048_000, keptInTab: true }), 'Not saved: browser storage is full (your work is 2,000 KB). It is kept in this tab until you close it. Download your work to keep it.'],
    [notSaved({ ok: false, reason: 'unavailable', chars: 10, keptInTab: false }), 'Not saved: browser storage is not available to this page. A reload would lose it. Download your work to keep it.'],
    [loadedNote({ kind: 'unreadable' }), 'Your saved work could not be read, so the bundled texts are shown.'],
    [workerStopped('The language worker stopped: out of memory'), 'The language worker stopped: out of memory. Nothing is checked or run until the page is reloaded.'],
  ])('%s', (text, expected) => {
    expect(text).toBe(expected);
  });

  it.each([
    [{ kind: 'from-tab', savedAt: Date.UTC(2024, 0, 1, 12, 30, 5) }, /^Restored your latest work \(\d\d:\d\d:\d\d\) from this tab: browser storage refused it, so other tabs and later visits do not have it\. Download your work to keep it\.$/],
    [{ kind: 'older', savedAt: 0, lostSince: 60_000 }, /^This is your work as saved at \d\d:\d\d:\d\d\. Changes made after that, until \d\d:\d\d:\d\d, were not saved: browser storage refused them\.$/],
  ] as const)('%j', (note, expected) => {
    expect(loadedNote(note)).toMatch(expected);
  });
});
