// What the toolbar does with the work as a whole: share links (every edited file, the open one and the
// case), opening one (then the address loses it, so a reload keeps the edits made after; it asks first
// when it would replace edits, and can be undone), Reset (asks first, says what it discarded, and can
// put it back), a saved version of a file restored (can be undone too), and the workspace downloaded
// as a folder that `guideline test` runs. Before work is replaced, a version of each edited file is taken.
import { el } from './dom.ts';
import { downloadWork, type Keeper } from './keeping.ts';
import { isLinkRefusal, linkNotMade, linkRefused } from './messages.ts';
import type { Notices, NoticeTopic } from './notices.ts';
import { isShareHash } from './file-names.ts';
import { testCaseText } from './test-cases.ts';
import type { LanguageClient } from './worker-client.ts';
import type { PageWorkspace } from './workspace.ts';
import { zipFiles } from './zip.ts';

export interface WorkHooks {
  client: LanguageClient;
  notices: Notices;
  workspace: PageWorkspace;
  keeper: Keeper;
  say: (text: string) => void;
  flushEdit: () => void;
  /** Sends the workspace to the worker and shows the open file again. */
  sendWorkspace: () => void;
  state: () => { open: string; caseText: string; caseFile: string };
  restore: (open: string, caseText: string, caseFile: string) => void;
  seedCase: () => string;
  /** The seed case's file and the guideline that governs it: what Reset shows when the open file was new. */
  seed: { caseFile: string; guidelineFile: string };
  /** Resolves once the bundled test cases are in the workspace. */
  casesReady: () => Promise<void>;
  /** Takes a version of each edited file (before its text is replaced). */
  keepVersions: () => void;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export class WorkActions {
  constructor(private readonly h: WorkHooks) {
    document.getElementById('share-button')?.addEventListener('click', () => void this.share());
    document.getElementById('reset-button')?.addEventListener('click', () => this.askReset());
    document.getElementById('download-button')?.addEventListener('click', () => void this.download());
  }

  async share(): Promise<void> {
    this.h.flushEdit();
    const { open, caseText } = this.h.state();
    const made = await this.h.client.request({ kind: 'make-link', state: { open, files: this.h.workspace.edits(), caseText } }).catch(() => undefined);
    if (!made) return;
    if (!made.ok) {
      this.h.notices.set('link', { code: `not-shared-${made.problem}`, level: 'warning', text: linkNotMade(made), actions: [{ label: 'Download your work', run: () => downloadWork(this.h.keeper.work()) }] });
      return;
    }
    this.h.notices.set('link', undefined);
    const url = new URL(location.href);
    url.hash = made.hash;
    history.replaceState(null, '', url.href);
    const edited = this.h.workspace.edits().length;
    const what = `${plural(edited, 'edited guideline')} and the case`;
    navigator.clipboard?.writeText(url.href).then(() => this.h.say(`Link copied: it holds ${what}`), () => this.h.say(`Link in the address bar: it holds ${what}`));
  }

  /**
   * Opens the share link in a hash, or says why not; false when there is none or it was refused. When
   * it would replace edits to guideline files, it asks first, and once opened it can be undone.
   */
  async openLinkIn(hash: string): Promise<boolean> {
    if (!isShareHash(hash)) {
      // The address no longer holds the link refused: its notice is out of date.
      if (isLinkRefusal(this.h.notices.code('link'))) this.h.notices.set('link', undefined);
      return false;
    }
    const read = await this.h.client.request({ kind: 'read-link', hash, workspace: this.h.workspace.files() }).catch(() => null);
    if (!read) return false;
    if (!read.ok) {
      this.h.notices.set('link', { code: read.problem, level: 'error', text: linkRefused(read.problem, read.detail) });
      return false;
    }
    this.h.notices.set('link', undefined);
    this.h.flushEdit();
    const { state } = read;
    const ws = this.h.workspace;
    const replaced = state.files.filter((f) => ws.isEdited(f.file) && ws.text(f.file) !== f.text).length;
    const said = `Opened a shared link: ${plural(state.files.length, 'edited guideline')} and a case`;
    const open = (): void => {
      for (const f of state.files) ws.set(f.file, f.text);
      // A file the link neither carries nor the workspace has (a crafted link, or one from a version with
      // other files) would open as an empty file no picker lists: the file open now stays open.
      this.h.restore(ws.has(state.open) ? state.open : this.h.state().open, state.caseText, '');
      // The link is now the work: gone from the address, so a reload shows the edits made after it.
      history.replaceState(null, '', location.pathname + location.search);
    };
    if (!replaced) {
      this.replaceWork(open);
      this.h.say(said);
      return true;
    }
    this.ask('link', 'link-ask', `This link replaces your edits to ${plural(replaced, 'guideline file')} with its own texts, and shows its case. You can undo it right after.`, () => {
      this.replaceWork(open, 'link', 'link-done', `${said}: your edits to ${plural(replaced, 'file')} replaced.`);
    });
    return false;
  }

  askReset(): void {
    this.h.flushEdit();
    const files = this.h.workspace.edits().length;
    const tests = this.h.workspace.caseEdits().length;
    this.ask('reset', 'reset-ask', `Reset discards your edits to ${plural(files, 'guideline file')} and ${plural(tests, 'test case')}, and shows the seed case. You can undo it right after.`, () => this.reset());
  }

  private reset(): void {
    const discarded = this.h.workspace.snapshot();
    const { open } = this.h.state();
    this.h.notices.set('link', undefined);
    this.replaceWork(() => {
      this.h.workspace.restore({ drafts: [], cases: [] });
      // A file written here is gone with the edits: the seed's guideline opens in its place.
      this.h.restore(this.h.workspace.has(open) ? open : this.h.seed.guidelineFile, this.h.seedCase(), this.h.seed.caseFile);
    }, 'reset', 'reset-done', `Bundled texts restored: ${plural(discarded.drafts.length, 'edited file')} and ${plural(discarded.cases.length, 'test case')} discarded.`);
  }

  /** Puts a version's text back in a file and opens it; Undo puts back the text it had. */
  restoreVersion(file: string, text: string, label: string): void {
    const { caseText, caseFile } = this.h.state();
    this.replaceWork(() => {
      this.h.workspace.set(file, text);
      this.h.restore(file, caseText, caseFile);
    }, 'version', 'version-restored', `Restored ${label} of ${file.split('/').pop() ?? file}.`);
  }

  /** Asks before edits are discarded: `go` discards them, or the reader keeps them. */
  private ask(topic: NoticeTopic, code: string, text: string, go: () => void): void {
    this.h.notices.set(topic, {
      code,
      level: 'warning',
      text,
      actions: [{ label: 'Discard my edits', run: go }, { label: 'Keep them', run: () => this.h.notices.set(topic, undefined) }],
      dismissable: false,
    });
    document.querySelector<HTMLButtonElement>(`[data-notice=${topic}] button`)?.focus();
  }

  /**
   * Replaces the work (`apply` changes the workspace and the case), sends it to the worker and keeps it;
   * with a notice, says so and offers Undo, which puts back the work as it was before.
   */
  private replaceWork(apply: () => void, topic?: NoticeTopic, code = '', text = ''): void {
    this.h.flushEdit();
    this.h.keepVersions();
    const before = this.h.workspace.snapshot();
    const state = this.h.state();
    const keep = (): void => {
      this.h.sendWorkspace();
      this.h.keeper.saveNow();
    };
    apply();
    keep();
    if (!topic) return;
    const undo = (): void => {
      this.h.workspace.restore(before);
      this.h.restore(state.open, state.caseText, state.caseFile);
      keep();
      this.h.notices.set(topic, undefined);
      this.h.say('Your edits are back');
    };
    this.h.notices.set(topic, { code, level: 'info', text, actions: [{ label: 'Undo', run: undo }] });
    document.querySelector<HTMLButtonElement>(`[data-notice=${topic}] button`)?.focus();
  }

  /** The workspace as a zip: every guideline file and every test case in its cases/ folder. */
  async download(): Promise<void> {
    await this.h.casesReady();
    this.h.flushEdit();
    const ws = this.h.workspace;
    const files = [...ws.files().map((f) => ({ path: f, text: ws.text(f) })), ...ws.testCases().map((t) => ({ path: t.file, text: testCaseText(t) }))];
    const url = URL.createObjectURL(new Blob([zipFiles(files)], { type: 'application/zip' }));
    const a = el('a', { href: url, download: 'guideline-workspace.zip' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.h.say(`Downloaded ${plural(files.length, 'file')}: unzip, then \`guideline test guidelines\``);
  }
}
