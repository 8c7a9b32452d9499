// The Analysis tab: what the static analysis finds in the workspace (shadowed guidelines, criteria
// never met or always met, gaps, overlaps), run in the analysis worker a moment after each edit, its
// findings marked in the editor and listed here, each with its example case ("Open example", "Add as
// test"); and "Compare with": the open file against its bundled text or a version saved here, each
// change with a case decided both ways.
import type { Determination } from '@guideline/runtime';
import { count, el, moreLine, show } from './dom.ts';
import type { EditorMarker, FindingView, FindingsResult } from './protocol.ts';
import { decisionText } from './results.ts';
import type { Versions } from './versions.ts';
import type { LanguageClient } from './worker-client.ts';

export interface AnalysisHooks {
  /** The open file, and a file's text as the page has it. */
  file: () => string;
  text: (file: string) => string;
  bundledText: (file: string) => string | undefined;
  /** Opens a file at a line. */
  openAt: (file: string, line: number) => void;
  /** Loads a case into the case editor and decides it. */
  openExample: (caseText: string) => void;
  /** Loads a case, decides it, and saves it as a test case (what is wrong, or undefined). */
  addTest: (caseText: string, name: string, description: string, folder: string) => Promise<string | undefined>;
  /** Marks the open file's findings in the editor. */
  setMarkers: (file: string, markers: EditorMarker[]) => void;
  /** Opens the reference at a code's entry. */
  explain: (code: string) => void;
  /** Puts a version's text back in the open file (with Undo). */
  restore: (file: string, text: string, label: string) => void;
  say: (text: string) => void;
}

const words = (d: string | undefined): string => (d ? (decisionText[d as Determination['decision']] ?? d) : '');
const shortName = (file: string): string => file.split('/').pop() ?? file;
const folderOf = (file: string): string => file.replace(/\/[^/]+$/, '');

export class AnalysisPanel {
  private readonly state = el('p', { class: 'summary', role: 'status', 'data-testid': 'analysis-state' }, 'The analysis runs a moment after the guidelines are edited.');
  private readonly list = el('div', { class: 'findings' });
  private readonly select = el('select', { id: 'compare-select' });
  private readonly compared = el('div', { class: 'findings', 'data-testid': 'compare-results' });
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether an analysis is in the worker, and whether another was asked for meanwhile. */
  private running = false;
  private again = false;
  private last: FindingsResult | undefined;

  constructor(
    host: HTMLElement,
    /** The analysis worker, once started (nothing is analysed before). */
    private readonly client: () => LanguageClient | undefined,
    private readonly versions: Versions,
    private readonly hooks: AnalysisHooks,
  ) {
    const compare = el('button', { type: 'button', id: 'compare-button', title: 'What the workspace decides differently from the workspace with this version of the open file' }, 'Compare');
    compare.addEventListener('click', () => void this.compare());
    const save = el('button', { type: 'button', id: 'save-version-button', title: 'Keep the open file as it is now, to compare it with later' }, 'Save this version');
    save.addEventListener('click', () => this.saveVersion());
    const restore = el('button', { type: 'button', id: 'restore-version-button', title: 'Put this version\'s text back in the open file (you can undo it right after)' }, 'Restore');
    restore.addEventListener('click', () => this.restoreVersion());
    show(host,
      el('h2', { class: 'panel-heading' }, 'Findings'),
      this.state,
      this.list,
      el('h2', { class: 'panel-heading' }, 'Compare with a version'),
      el('div', { class: 'compare-controls' }, el('label', { for: 'compare-select' }, 'Compare the open file with '), this.select, ' ', compare, ' ', restore, ' ', save),
      this.compared,
    );
    this.fillVersions();
  }

  /** Runs the analysis a moment from now (again, when one is running). */
  schedule(delay = 800): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
  }

  /** Another file is open: its markers (from the last analysis, or the next) and its versions. */
  fileOpened(): void {
    this.fillVersions();
    this.schedule(0);
  }

  private async run(): Promise<void> {
    const client = this.client();
    if (!client) return;
    if (this.running) return void (this.again = true);
    this.running = true;
    this.again = false;
    const file = this.hooks.file();
    if (!this.last) this.state.textContent = 'Analysing the workspace…';
    this.state.setAttribute('aria-busy', 'true');
    const result = await client.request({ kind: 'findings', file }).catch((e: unknown) => String(e));
    this.running = false;
    this.state.removeAttribute('aria-busy');
    if (typeof result === 'string') this.state.textContent = `The analysis failed: ${result}`;
    else if (file === this.hooks.file()) {
      this.last = result;
      this.hooks.setMarkers(file, result.markers);
      this.render(result);
    }
    if (this.again || file !== this.hooks.file()) this.schedule(0);
  }

  private render(r: FindingsResult): void {
    if (r.broken) {
      this.state.textContent = 'The workspace has errors: fix them to analyse it.';
      show(this.list);
      return;
    }
    const total = r.counts.error + r.counts.warning + r.counts.info + r.counts.accepted;
    this.state.textContent = total
      ? `${count(total, 'finding')}: ${count(r.counts.warning + r.counts.error, 'warning')}, ${r.counts.accepted ? `${r.counts.accepted} accepted, ` : ''}${r.counts.info} for information (${(r.ms / 1000).toFixed(1)} s)`
      : `Nothing found (${(r.ms / 1000).toFixed(1)} s)`;
    show(this.list, this.items(r, 'findings-list', 'Findings of the workspace'));
  }

  private items(r: FindingsResult, id: string, label: string): HTMLElement[] {
    const shown = r.findings.map((f) => this.item(f));
    const total = r.counts.error + r.counts.warning + r.counts.info + r.counts.accepted;
    const more = moreLine(total - shown.length, 'finding');
    return [...(shown.length ? [el('ul', { class: 'finding-list', id, 'aria-label': label }, shown)] : []), ...(more ? [more] : [])];
  }

  private item(f: FindingView): HTMLElement {
    const at = f.standIn ? el('span', { class: 'small' }, '(the stand-in policy of the guidelines no policy consults)') : el('button', { type: 'button', class: 'link', title: `Open ${f.file} at line ${f.line}` }, `${shortName(f.file)}:${f.line}`);
    if (!f.standIn) at.addEventListener('click', () => this.hooks.openAt(f.file, f.line));
    const about = el('button', { type: 'button', class: 'link small', title: `What ${f.code} means, with an example`, 'aria-label': `About ${f.code}` }, '?');
    about.addEventListener('click', () => this.hooks.explain(f.code));
    const accepted = f.accepted !== undefined;
    return el('li', { class: `finding finding-${accepted ? 'accepted' : f.severity}`, 'data-testid': 'finding', 'data-code': f.code, ...(accepted ? { 'data-accepted': 'true' } : {}) },
      el('div', {}, el('span', { class: 'code' }, f.code), ' ', f.message, ' ', at, ' ', about),
      accepted ? el('p', { class: 'finding-accepted-reason small' }, el('strong', {}, 'Accepted: '), f.accepted!) : null,
      f.region.length ? el('ul', { class: 'finding-region small', 'aria-label': 'Where it holds' }, f.region.map((line) => el('li', {}, line))) : null,
      f.example ? this.example(f, f.example) : null);
  }

  private example(f: FindingView, ex: NonNullable<FindingView['example']>): HTMLElement {
    const open = el('button', { type: 'button', 'data-action': 'open-example', title: 'Load this case into the case editor and decide it' }, 'Open example');
    open.addEventListener('click', () => this.hooks.openExample(ex.case));
    const add = el('button', { type: 'button', 'data-action': 'add-test', title: 'Save this case as a test case that expects its determination' }, 'Add as test');
    add.addEventListener('click', () => {
      void this.hooks.addTest(ex.case, f.name, `${f.code}: ${f.message}`, folderOf(f.file)).then((problem) => this.hooks.say(problem ?? `Saved the example of ${f.code} as a test case`));
    });
    const decided = (d: string | undefined, g: string | undefined): string => `${words(d)}${g ? ` under ${g}` : ''}`;
    return el('div', { class: 'finding-example small' },
      'Example: ', ex.other ? `${ex.other.label}: ${decided(ex.other.decision, ex.other.guideline)}; ${ex.other.label === 'before' ? 'after' : 'decided'}: ` : 'decided ', decided(ex.decision, ex.guideline),
      ex.reproduced ? null : el('strong', { class: 'not-reproduced' }, ` Not reproduced: ${ex.problem ?? ''}`),
      ' ', open, ' ', add);
  }

  /** The open file's versions again (one was taken automatically): the one chosen stays chosen, wherever it now is in the list. */
  versionsChanged(): void {
    const chosen = this.select.value;
    const savedAt = this.select.selectedOptions[0]?.dataset.savedAt;
    this.fillVersions();
    const same = savedAt === undefined ? undefined : [...this.select.options].find((o) => o.dataset.savedAt === savedAt);
    if (same) this.select.value = same.value;
    else if (chosen === 'bundled') this.select.value = chosen;
  }

  /** The version chosen, with its words; undefined when there is none. */
  private chosen(file: string): { text: string; label: string } | undefined {
    const v = this.select.value;
    const text = v === 'bundled' ? this.hooks.bundledText(file) : v.startsWith('v') ? this.versions.list(file)[Number(v.slice(1))]?.text : undefined;
    return text === undefined ? undefined : { text, label: v === 'bundled' ? 'its bundled text' : 'the version saved' };
  }

  private restoreVersion(): void {
    const file = this.hooks.file();
    const v = this.chosen(file);
    if (!v) return this.hooks.say('Save a version of the file first, to restore it later.');
    this.hooks.restore(file, v.text, v.label);
  }

  private fillVersions(): void {
    const file = this.hooks.file();
    const options = [
      ...(this.hooks.bundledText(file) !== undefined ? [el('option', { value: 'bundled' }, 'its bundled text')] : []),
      ...this.versions.list(file).map((v, i) => el('option', { value: `v${i}`, 'data-saved-at': String(v.savedAt) }, `the version ${v.auto ? 'taken automatically' : 'saved'} ${new Date(v.savedAt).toLocaleString()}`)),
    ];
    show(this.select, options.length ? options : [el('option', { value: '' }, '(no version saved)')]);
  }

  private saveVersion(): void {
    const file = this.hooks.file();
    const ok = this.versions.save(file, this.hooks.text(file));
    this.fillVersions();
    if (ok) this.select.value = 'v0';
    this.hooks.say(ok ? `Saved this version of ${shortName(file)}` : 'The version could not be saved: the browser refused to store it');
  }

  private async compare(): Promise<void> {
    const file = this.hooks.file();
    const chosen = this.chosen(file);
    if (!chosen) return show(this.compared, el('p', {}, 'Save a version of the file first, to compare it with later.'));
    const { text: before, label } = chosen;
    show(this.compared, el('p', { class: 'summary', role: 'status', 'aria-busy': 'true' }, 'Comparing…'));
    const client = this.client();
    if (!client) return;
    const r = await client.request({ kind: 'compare', file, before }).catch((e: unknown) => String(e));
    if (typeof r === 'string') return show(this.compared, el('p', { role: 'status' }, `The comparison failed: ${r}`));
    if (r.broken) return show(this.compared, el('p', { role: 'status' }, r.broken === 'edited' ? 'The workspace has errors: fix them to compare.' : `The workspace with ${label} has errors: there is nothing to compare with.`));
    // What is outside the method (A612) is no change found: what changes there is not known.
    const changes = r.counts.error + r.counts.warning + r.counts.info - r.notAnalyzed;
    const unknown = r.notAnalyzed ? ` ${count(r.notAnalyzed, 'part')} not compared (A612): what changes there is not known; run the test cases to see it.` : '';
    show(this.compared,
      el('p', { class: 'summary', role: 'status' }, changes
        ? `${count(changes, 'change')} from ${shortName(file)} as ${label} to the file as it is now (${(r.ms / 1000).toFixed(1)} s).${unknown}`
        : unknown ? `No change found where compared, from ${shortName(file)} as ${label}.${unknown}` : `The workspace decides every request as it does with ${shortName(file)} as ${label}.`),
      this.items(r, 'compare-list', 'What the edits change'));
  }
}
