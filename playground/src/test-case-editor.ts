// A test case written in place: the case shown, saved with the decision and statuses of the current
// determination as its expectation, then its description and every expected field edited here; a
// bundled case's description and expectation are edited the same way. Saved into the workspace (kept
// in storage, downloaded with it, run by Run all tests).
import type { Determination } from '@guideline/runtime';
import { el, show } from './dom.ts';
import { decisionText, statusText } from './results.ts';
import { expectationOf, testCaseFile, type Expectation, type TestCase } from './test-cases.ts';

export interface TestCaseHooks {
  /** Saves a test case into the workspace (new, or in place of the one with its file). */
  save: (t: TestCase, created: boolean) => void;
  /** The case object of the text shown, when it parses. */
  caseValue: () => unknown;
  /** Whether the workspace has a test case of that file. */
  exists: (file: string) => boolean;
  /** Whether the determination shown is of the case shown (false from an edit until a run after it answers). */
  decided: () => boolean;
}

const decisions = Object.keys(decisionText) as Determination['decision'][];
const statuses = Object.keys(statusText);
const nameOk = /^[a-z0-9][a-z0-9_-]*$/;

export class TestCaseEditor {
  private test: TestCase | undefined;
  private determination: Determination | undefined;
  private folder: string | undefined;

  constructor(private readonly host: HTMLElement, private readonly hooks: TestCaseHooks) {}

  /** Shows the test case (or, for a case that is none, the way to save it as one). */
  render(test: TestCase | undefined, determination: Determination | undefined, guidelineFile: string | undefined): void {
    this.test = test;
    this.determination = determination;
    this.folder = guidelineFile?.replace(/\/[^/]+$/, '');
    // A run after each change draws the panel again: the focus stays on the control it was on.
    const focused = this.host.contains(document.activeElement) ? document.activeElement?.id : undefined;
    if (test) this.showTest(test);
    else this.showSave();
    if (focused) document.getElementById(focused)?.focus();
  }

  private showSave(): void {
    const name = el('input', { type: 'text', id: 'new-test-name', placeholder: 'name-of-the-case', 'aria-label': 'Name of the new test case', pattern: '[a-z0-9][a-z0-9_-]*' });
    const save = el('button', { type: 'button', id: 'save-test', title: 'Save this case as a test case that expects what is decided now' }, 'Save as test case');
    const note = el('span', { class: 'muted small', role: 'status' });
    save.addEventListener('click', () => {
      const problem = this.saveAs(name.value.trim(), { unique: false });
      if (problem) note.textContent = problem;
      // Saved, the panel shows the test case: its description is the next thing to write.
      else document.getElementById('test-description')?.focus();
    });
    name.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter') return;
      ev.preventDefault();
      save.click();
    });
    show(this.host, el('div', { class: 'test-save' }, el('label', { for: 'new-test-name' }, 'New test case '), name, ' ', save, ' ', note));
  }

  /**
   * Saves the case shown as a test case that expects its determination (the Save button's way); a
   * name already taken gets a number (`-2`) when `unique`, and is refused otherwise (a test case is
   * never replaced by another). `folder` is where it goes when no guideline decided the case (a
   * policy's cases). Nothing is saved while the determination shown is of an earlier text of the
   * case or the guidelines: it would be expected of this one. Returns what is wrong, or undefined when saved.
   */
  saveAs(name: string, options: { description?: string; folder?: string; unique?: boolean } = {}): string | undefined {
    const folder = this.folder ?? options.folder;
    if (!this.hooks.decided()) return 'The case is being decided: save it once its determination is shown.';
    if (!this.determination || !folder) return 'Run the case first: a test case expects its determination.';
    if (!nameOk.test(name)) return 'A name is lowercase letters, digits, - and _.';
    let n = name;
    for (let i = 2; options.unique !== false && this.hooks.exists(testCaseFile(folder, n)); i++) n = `${name}-${i}`;
    if (this.hooks.exists(testCaseFile(folder, n))) return `${folder.replace(/^guidelines\//, '')} already has a test case named ${n}: give another name.`;
    let value: unknown;
    try {
      value = this.hooks.caseValue();
    } catch {
      return 'The case is not valid JSON: fix it, and save it once it is decided.';
    }
    const t: TestCase = { file: testCaseFile(folder, n), folder, name: n, description: options.description ?? '', case: value, expect: expectationOf(this.determination) };
    this.hooks.save(t, true);
    return undefined;
  }

  private showTest(t: TestCase): void {
    const description = el('textarea', { id: 'test-description', rows: '2', 'aria-label': `Description of the test case ${t.name}` });
    description.value = t.description;
    description.addEventListener('change', () => this.update({ ...t, description: description.value }));
    const expect = t.expect ?? {};
    const expected = el('details', { class: 'expected', id: 'test-expected' }, el('summary', {}, `Expected: ${expect.decision ? decisionText[expect.decision] : 'nothing checked'}`), this.expectForm(t, expect));
    show(this.host, el('div', { class: 'test-case' },
      el('div', { class: 'test-case-head' }, el('strong', {}, 'Test case '), el('code', {}, t.file.replace(/^guidelines\//, ''))),
      description, expected));
  }

  private update(t: TestCase): void {
    this.test = t;
    this.hooks.save(t, false);
  }

  private setExpect(t: TestCase, e: Expectation): void {
    this.update({ ...t, expect: e });
    this.showTest(this.test!);
    this.host.querySelector('details')?.setAttribute('open', '');
  }

  private expectForm(t: TestCase, e: Expectation): HTMLElement {
    const decision = el('select', { id: 'expect-decision' }, el('option', { value: '' }, '(not checked)'), decisions.map((d) => el('option', { value: d }, decisionText[d])));
    decision.value = e.decision ?? '';
    decision.addEventListener('change', () => {
      const { decision: _, ...rest } = e;
      this.setExpect(t, decision.value ? { ...rest, decision: decision.value as Determination['decision'] } : rest);
    });
    const visits = el('input', { type: 'number', id: 'expect-visits', min: '0' });
    visits.value = e.certifiedVisits === undefined ? '' : String(e.certifiedVisits);
    visits.addEventListener('change', () => {
      const { certifiedVisits: _, ...rest } = e;
      this.setExpect(t, visits.value === '' ? rest : { ...rest, certifiedVisits: Number(visits.value) });
    });
    const criteria = Object.entries(e.criteria ?? {}).map(([id, status]) => {
      const s = el('select', { id: `expect-criterion-${id}`, 'data-criterion': id }, statuses.map((x) => el('option', { value: x }, statusText[x as keyof typeof statusText])));
      s.value = status;
      s.addEventListener('change', () => this.setExpect(t, { ...e, criteria: { ...e.criteria, [id]: s.value } }));
      return el('div', { class: 'form-field' }, el('label', { for: s.id }, id), s);
    });
    const now = el('button', { type: 'button', id: 'expect-now', title: 'Expect the decision and statuses of the determination shown' }, 'Expect what is decided now');
    now.addEventListener('click', () => {
      if (this.determination) this.setExpect(t, expectationOf(this.determination));
    });
    return el('div', { class: 'expect-form' },
      el('div', { class: 'form-field' }, el('label', { for: 'expect-decision' }, 'decision'), decision),
      el('div', { class: 'form-field' }, el('label', { for: 'expect-visits' }, 'certified visits'), visits),
      e.missing?.length ? el('div', { class: 'form-field' }, el('span', {}, 'missing'), el('span', {}, e.missing.join(', '))) : null,
      criteria, now);
  }
}
