// The case panel: pick a test case (searchable, grouped under its guideline's title) or edit the case,
// see its description, and see each problem at the field it names (JSON syntax, then the fields the
// workspace's vocabularies define: checked in the worker). The text lives here; the JSON editor (monaco,
// loaded after the first decision) and the form are views of it.
import { seedCaseFile } from './bundled.ts';
import { count, el, show } from './dom.ts';
import { caseProblemsShown, formMaxChars } from './limits.ts';
import type { CaseCheck, CaseProblem, FormSchema } from './protocol.ts';
import { caseForm, showFormProblems } from './schema-form.ts';
import type { TestCase } from './test-cases.ts';
import type { PageWorkspace } from './workspace.ts';

/** A view of the case text that can be edited (the JSON editor). */
export interface TextView {
  getValue(): string;
  setValue(text: string): void;
  onDidChange(listener: () => void): void;
  /** Marks problems at their spans of the text. */
  setMarks(marks: CaseCheck['marks']): void;
}

export const customCase = '';

export interface CaseHooks {
  /** The text changed (typed, a case picked, the form). */
  onChange: (picked: boolean) => void;
  check: (text: string) => Promise<CaseCheck>;
  /** The form's schema: the workspace's case fields. */
  schema: () => Promise<FormSchema>;
}

export class CasePanel {
  /** The test case shown, or '' once its text differs from it. */
  file = seedCaseFile;
  private current = '';
  private view: TextView | undefined;
  private problems: CaseProblem[] = [];
  private checks = 0;
  private loading = false;
  private mode: 'json' | 'form' = 'json';

  constructor(
    private readonly workspace: PageWorkspace,
    private readonly select: HTMLSelectElement,
    private readonly filter: HTMLInputElement,
    private readonly issues: HTMLElement,
    private readonly formHost: HTMLElement,
    private readonly hooks: CaseHooks,
    /** Guideline titles by folder, for the picker's groups. */
    private readonly titles: (folder: string) => string | undefined,
  ) {
    this.fillSelect();
    select.addEventListener('change', () => this.load(select.value));
    filter.addEventListener('input', () => this.fillSelect());
  }

  /** Shows the text in the JSON editor, once it has loaded. */
  attach(view: TextView): void {
    this.view = view;
    this.loading = true;
    view.setValue(this.current);
    this.loading = false;
    view.onDidChange(() => {
      if (this.loading) return;
      this.edited(view.getValue());
    });
    this.validate();
  }

  get text(): string {
    return this.current;
  }

  /** The test case shown, when the text is still its case. */
  get testCase(): TestCase | undefined {
    return this.file ? this.workspace.testCase(this.file) : undefined;
  }

  private edited(text: string): void {
    this.current = text;
    if (this.file && text !== caseText(this.workspace.testCase(this.file))) {
      this.file = customCase;
      this.select.value = customCase;
    }
    this.validate();
    this.hooks.onChange(false);
  }

  /** Fills the picker: the edited case, the seed, then every test case under its guideline's title, filtered. */
  fillSelect(): void {
    const words = this.filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const groups = new Map<string, TestCase[]>();
    for (const c of this.workspace.testCases()) {
      const title = this.titles(c.folder) ?? c.folder.replace(/^guidelines\//, '');
      const hay = `${c.name} ${c.description} ${title} ${c.folder}`.toLowerCase();
      if (words.some((w) => !hay.includes(w)) && c.file !== this.file) continue;
      const group = groups.get(c.folder) ?? [];
      group.push(c);
      groups.set(c.folder, group);
    }
    const seed = this.workspace.testCase(seedCaseFile);
    const mark = (c: TestCase): string => (this.workspace.isCaseEdited(c.file) ? ' (edited)' : '');
    show(this.select,
      el('option', { value: customCase }, 'Edited case'),
      seed && !words.length ? el('option', { value: seed.file }, `Seed: ${seed.name} (the IMR determination)`) : null,
      [...groups].map(([folder, cases]) => el('optgroup', { label: this.titles(folder) ?? folder.replace(/^guidelines\//, '') },
        cases.map((c) => el('option', { value: c.file, title: c.description }, `${c.name}${mark(c)}`)))),
    );
    this.select.value = this.file;
  }

  /** Shows a test case by file. */
  load(file: string): void {
    const c = this.workspace.testCase(file);
    if (!c) return;
    this.setText(caseText(c), file);
    this.hooks.onChange(true);
  }

  setText(text: string, file: string): void {
    this.current = text;
    this.file = file && caseText(this.workspace.testCase(file)) === text ? file : customCase;
    this.select.value = this.file;
    // A case the picker's search left out (opened from the tests or the impact): listed again, as the open case always is.
    if (this.select.value !== this.file) this.fillSelect();
    if (this.view) {
      this.loading = true;
      this.view.setValue(text);
      this.loading = false;
    }
    this.validate();
  }

  /** Shows the case as JSON or as a form generated from the workspace's case fields (one text behind both). */
  setView(mode: 'json' | 'form', container: HTMLElement): void {
    this.mode = mode;
    container.hidden = mode !== 'json';
    this.formHost.hidden = mode !== 'form';
    if (mode === 'form') void this.renderForm();
  }

  private async renderForm(): Promise<void> {
    if (this.mode !== 'form') return;
    if (this.current.length > formMaxChars) {
      show(this.formHost, el('p', { class: 'notice', 'data-code': 'form-too-large' }, `The case is ${this.current.length.toLocaleString('en')} characters, more than the ${formMaxChars.toLocaleString('en')} the form shows: edit it in the JSON view.`));
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(this.current);
    } catch {
      show(this.formHost, el('p', { class: 'notice' }, 'The JSON does not parse: fix it in the JSON view to use the form.'));
      return;
    }
    const schema = await this.hooks.schema();
    if (this.mode !== 'form') return;
    const focused = document.activeElement instanceof HTMLElement && this.formHost.contains(document.activeElement) ? document.activeElement.id : '';
    const form = caseForm(schema, value, {
      // After the focus has moved on: the form is rebuilt from the new text and the focus restored.
      onEdit: (v) => setTimeout(() => {
        const text = JSON.stringify(v, null, 2) + '\n';
        if (this.view) this.view.setValue(text);
        else this.edited(text);
      }, 0),
    });
    show(this.formHost, form);
    showFormProblems(form, this.problems);
    if (focused) document.getElementById(focused)?.focus();
  }

  /** Asks the worker for the text's problems and shows them, unless the text has changed meanwhile. */
  validate(): void {
    const text = this.current;
    const ticket = ++this.checks;
    this.hooks.check(text).then(
      (result) => {
        if (ticket === this.checks) this.showProblems(result);
      },
      (e: unknown) => {
        if (ticket !== this.checks) return;
        const message = `The case could not be checked: ${e instanceof Error ? e.message : String(e)}`;
        this.showProblems({ problems: [{ field: '', message }], total: 1, marks: [] });
      },
    );
  }

  private showProblems(result: CaseCheck): void {
    this.problems = result.problems.slice(0, caseProblemsShown);
    this.view?.setMarks(result.marks.slice(0, caseProblemsShown));
    show(this.issues,
      this.problems.map((p) => el('li', { 'data-field': p.field }, el('strong', {}, p.field || 'case'), ': ', p.message)),
      result.total > this.problems.length ? el('li', { class: 'more', 'data-more': String(result.total - this.problems.length) }, `${count(result.total - this.problems.length, 'more problem')} not shown`) : null,
    );
    void this.renderForm();
  }
}

/** A test case as the panel shows it: the `case` object, pretty-printed. */
export function caseText(c: TestCase | undefined): string {
  return c ? JSON.stringify(c.case, null, 2) + '\n' : '';
}
