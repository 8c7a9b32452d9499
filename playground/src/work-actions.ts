// What the toolbar does with the work as a whole: share links (every edited file, the open one and the
// case), opening one (then the address loses it, so a reload keeps the edits made after), Reset (asks
// first, says what it discarded, and can put it back), and the workspace downloaded as a folder that
// `guideline test` runs.
import { el } from './dom.ts';
import { downloadWork, type Keeper } from './keeping.ts';
import { linkNotMade, linkRefused } from './messages.ts';
import type { Notices } from './notices.ts';
import { isShareHash } from './share-link.ts';
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
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export class WorkActions {
  constructor(private readonly h: WorkHooks) {
    document.getElementById('share-button')?.addEventListener('click', () => void this.share());
    document.getElementById('reset-button')?.addEventListener('click', () => this.askReset());
    document.getElementById('download-button')?.addEventListener('click', () => this.download());
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

  /** Opens the share link in a hash, or says why not; false when there is none or it was refused. */
  async openLinkIn(hash: string): Promise<boolean> {
    if (!isShareHash(hash)) return false;
    const read = await this.h.client.request({ kind: 'read-link', hash, workspace: this.h.workspace.files() }).catch(() => null);
    if (!read) return false;
    if (!read.ok) {
      this.h.notices.set('link', { code: read.problem, level: 'error', text: linkRefused(read.problem, read.detail) });
      return false;
    }
    this.h.notices.set('link', undefined);
    this.h.flushEdit();
    for (const f of read.state.files) this.h.workspace.set(f.file, f.text);
    this.h.restore(read.state.open, read.state.caseText, '');
    this.h.sendWorkspace();
    // The link is now the work: kept in storage, and gone from the address, so a reload shows later edits.
    history.replaceState(null, '', location.pathname + location.search);
    this.h.keeper.saveNow();
    this.h.say(`Opened a shared link: ${plural(read.state.files.length, 'edited guideline')} and a case`);
    return true;
  }

  askReset(): void {
    this.h.flushEdit();
    const files = this.h.workspace.edits().length;
    const tests = this.h.workspace.caseEdits().length;
    const discard = (): void => this.reset();
    this.h.notices.set('reset', {
      code: 'reset-ask',
      level: 'warning',
      text: `Reset discards your edits to ${plural(files, 'guideline file')} and ${plural(tests, 'test case')}, and shows the seed case. You can undo it right after.`,
      actions: [{ label: 'Discard my edits', run: discard }, { label: 'Keep them', run: () => this.h.notices.set('reset', undefined) }],
      dismissable: false,
    });
    document.querySelector<HTMLButtonElement>('[data-notice=reset] button')?.focus();
  }

  private reset(): void {
    const before = this.h.workspace.snapshot();
    const state = this.h.state();
    this.h.workspace.restore({ drafts: [], cases: [] });
    this.h.restore(state.open, this.h.seedCase(), 'guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json');
    this.h.notices.set('link', undefined);
    this.h.sendWorkspace();
    this.h.keeper.saveNow();
    const undo = (): void => {
      this.h.workspace.restore(before);
      this.h.restore(state.open, state.caseText, state.caseFile);
      this.h.sendWorkspace();
      this.h.keeper.saveNow();
      this.h.notices.set('reset', undefined);
      this.h.say('Your edits are back');
    };
    this.h.notices.set('reset', { code: 'reset-done', level: 'info', text: `Bundled texts restored: ${plural(before.drafts.length, 'edited file')} and ${plural(before.cases.length, 'test case')} discarded.`, actions: [{ label: 'Undo', run: undo }] });
    document.querySelector<HTMLButtonElement>('[data-notice=reset] button')?.focus();
  }

  /** The workspace as a zip: every guideline file and every test case in its cases/ folder. */
  download(): void {
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
