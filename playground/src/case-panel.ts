// The case panel: pick a bundled test case (the seed first), edit its JSON, and see each problem at the
// field it names (JSON syntax, then the case schema: checked in the worker, which sends the first few).
import { caseSchema } from '@guideline/runtime';
import { bundledCases, seedCaseFile, type BundledCase } from './bundled.ts';
import { count, el, show } from './dom.ts';
import { caseProblemsShown, formMaxChars } from './limits.ts';
import { monaco } from './monaco.ts';
import type { CaseCheck, CaseProblem } from './protocol.ts';
import { caseForm, showFormProblems, type Schema } from './schema-form.ts';

export const customCase = '';

export class CasePanel {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  /** The bundled case shown, or '' once its text differs from it. */
  file = seedCaseFile;
  private problems: CaseProblem[] = [];
  /** Numbers the checks sent to the worker, so an answer about an older text is dropped. */
  private checks = 0;
  private loading = false;
  private view: 'json' | 'form' = 'json';
  private form: HTMLElement | undefined;

  constructor(
    container: HTMLElement,
    private readonly select: HTMLSelectElement,
    private readonly issues: HTMLElement,
    private readonly onChange: () => void,
    private readonly check: (text: string) => Promise<CaseCheck>,
  ) {
    this.fillSelect();
    this.editor = monaco.editor.create(container, {
      model: monaco.editor.createModel('', 'json', monaco.Uri.parse('inmemory://case/case.json')),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12,
      lineNumbers: 'off',
      scrollBeyondLastLine: false,
      tabSize: 2,
      ariaLabel: 'Case JSON',
      // A case on one long line (minified JSON, a link) costs monaco seconds per render unwrapped.
      wordWrap: 'on',
    });
    this.editor.onDidChangeModelContent(() => {
      this.validate();
      if (this.loading) return;
      if (this.file && this.text !== caseText(bundledCases.find((c) => c.file === this.file))) {
        this.file = customCase;
        this.select.value = customCase;
      }
      this.onChange();
    });
    select.addEventListener('change', () => this.load(select.value));
  }

  /** Shows the case as JSON or as a form generated from the case schema (one text behind both). */
  setView(view: 'json' | 'form', container: HTMLElement, formHost: HTMLElement): void {
    this.view = view;
    container.hidden = view !== 'json';
    formHost.hidden = view !== 'form';
    this.formHost = formHost;
    if (view === 'form') this.renderForm();
  }

  private formHost: HTMLElement | undefined;

  private renderForm(): void {
    if (this.view !== 'form' || !this.formHost) return;
    if (this.text.length > formMaxChars) {
      show(this.formHost, el('p', { class: 'notice', 'data-code': 'form-too-large' }, `The case is ${this.text.length.toLocaleString('en')} characters, more than the ${formMaxChars.toLocaleString('en')} the form shows: edit it in the JSON view.`));
      this.form = undefined;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(this.text);
    } catch {
      show(this.formHost, el('p', { class: 'notice' }, 'The JSON does not parse: fix it in the JSON view to use the form.'));
      this.form = undefined;
      return;
    }
    const focused = document.activeElement instanceof HTMLElement && this.formHost.contains(document.activeElement) ? document.activeElement.id : '';
    this.form = caseForm(caseSchema as Schema, value, {
      // After the focus has moved on: the form is rebuilt from the new text and the focus restored.
      onEdit: (v) => setTimeout(() => this.editor.setValue(JSON.stringify(v, null, 2) + '\n'), 0),
    });
    show(this.formHost, this.form);
    showFormProblems(this.form, this.problems);
    if (focused) document.getElementById(focused)?.focus();
  }

  private fillSelect(): void {
    const groups = new Map<string, BundledCase[]>();
    for (const c of bundledCases) {
      const group = groups.get(c.folder) ?? [];
      group.push(c);
      groups.set(c.folder, group);
    }
    const seed = bundledCases.find((c) => c.file === seedCaseFile);
    show(this.select,
      el('option', { value: customCase }, 'Edited case'),
      seed ? el('option', { value: seed.file }, `Seed: ${seed.name} (the IMR determination)`) : null,
      [...groups].map(([folder, cases]) => el('optgroup', { label: folder.replace(/^guidelines\//, '') }, cases.map((c) => el('option', { value: c.file, title: c.description }, c.name)))),
    );
    this.select.value = seedCaseFile;
  }

  get text(): string {
    return this.editor.getValue();
  }

  /** Shows a bundled case by file. */
  load(file: string): void {
    const c = bundledCases.find((x) => x.file === file);
    if (!c) return;
    this.setText(caseText(c), file);
    this.onChange();
  }

  setText(text: string, file: string): void {
    this.loading = true;
    this.file = bundledCases.some((c) => c.file === file && caseText(c) === text) ? file : customCase;
    this.select.value = this.file;
    this.editor.setValue(text);
    this.loading = false;
    this.validate();
  }

  get currentProblems(): readonly CaseProblem[] {
    return this.problems;
  }

  /** Asks the worker for the text's problems and shows them, unless the text has changed meanwhile. */
  private validate(): void {
    const text = this.text;
    const ticket = ++this.checks;
    this.check(text).then(
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
    const model = this.editor.getModel()!;
    this.problems = result.problems.slice(0, caseProblemsShown);
    const length = model.getValueLength();
    monaco.editor.setModelMarkers(model, 'case', result.marks.slice(0, caseProblemsShown).map((m) => {
      const s = model.getPositionAt(Math.min(m.start, length));
      const e = model.getPositionAt(Math.min(Math.max(m.end, m.start + 1), length));
      return { severity: monaco.MarkerSeverity.Error, message: m.message, code: 'R501', startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column };
    }));
    show(this.issues,
      this.problems.map((p) => el('li', {}, el('strong', {}, p.field || 'case'), ': ', p.message)),
      result.total > this.problems.length ? el('li', { class: 'more', 'data-more': String(result.total - this.problems.length) }, `${count(result.total - this.problems.length, 'more problem')} not shown`) : null,
    );
    this.renderForm();
  }
}

/** A bundled case as the panel shows it: the `case` object, pretty-printed. */
export function caseText(c: BundledCase | undefined): string {
  return c ? JSON.stringify(c.case, null, 2) + '\n' : '';
}
