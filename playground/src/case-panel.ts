// The case panel: pick a bundled test case (the seed first), edit its JSON, and see every problem at
// the field it names (JSON syntax, then the case schema through the runtime's validateCase).
import { caseSchema, validateCase } from '@guideline/runtime';
import { bundledCases, seedCaseFile, type BundledCase } from './bundled.ts';
import { el, show } from './dom.ts';
import { locateFields, spanOf } from './json-locate.ts';
import { monaco } from './monaco.ts';
import { caseForm, showFormProblems, type Schema } from './schema-form.ts';

export interface CaseProblem {
  field: string;
  message: string;
}

export const customCase = '';

export class CasePanel {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  /** The bundled case shown, or '' once its text differs from it. */
  file = seedCaseFile;
  private problems: CaseProblem[] = [];
  private loading = false;
  private view: 'json' | 'form' = 'json';
  private form: HTMLElement | undefined;

  constructor(
    container: HTMLElement,
    private readonly select: HTMLSelectElement,
    private readonly issues: HTMLElement,
    private readonly onChange: () => void,
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
    for (const c of bundledCases) groups.set(c.folder, [...(groups.get(c.folder) ?? []), c]);
    const seed = bundledCases.find((c) => c.file === seedCaseFile);
    show(this.select,
      el('option', { value: customCase }, 'Edited case'),
      seed ? el('option', { value: seed.file }, `Seed: ${seed.name} (the IMR determination)`) : null,
      ...[...groups].map(([folder, cases]) => {
        const group = el('optgroup', { label: folder.replace(/^guidelines\//, '') }, ...cases.map((c) => el('option', { value: c.file, title: c.description }, c.name)));
        return group;
      }),
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

  /** The case when it is valid JSON and follows the schema; otherwise undefined (problems are shown). */
  value(): unknown {
    if (this.problems.length) return undefined;
    try {
      return JSON.parse(this.text) as unknown;
    } catch {
      return undefined;
    }
  }

  get currentProblems(): readonly CaseProblem[] {
    return this.problems;
  }

  private validate(): void {
    const model = this.editor.getModel()!;
    const text = this.text;
    const marks: { range: { start: number; end: number }; message: string }[] = [];
    this.problems = [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const at = Number(/position (\d+)/.exec(msg)?.[1] ?? text.length);
      this.problems.push({ field: '', message: `Invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}` });
      marks.push({ range: { start: Math.max(0, Math.min(at, text.length - 1)), end: Math.min(at + 1, text.length) }, message: this.problems[0]!.message });
    }
    if (!this.problems.length) {
      const fields = locateFields(text);
      for (const issue of validateCase(parsed)) {
        this.problems.push(issue);
        marks.push({ range: spanOf(fields, issue.field), message: `${issue.field || 'case'}: ${issue.message}` });
      }
    }
    monaco.editor.setModelMarkers(model, 'case', marks.map((m) => {
      const s = model.getPositionAt(m.range.start);
      const e = model.getPositionAt(Math.max(m.range.end, m.range.start + 1));
      return { severity: monaco.MarkerSeverity.Error, message: m.message, code: 'R501', startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column };
    }));
    show(this.issues, ...this.problems.map((p) => el('li', {}, el('strong', {}, p.field || 'case'), ': ', p.message)));
    this.renderForm();
  }
}

/** A bundled case as the panel shows it: the `case` object, pretty-printed. */
export function caseText(c: BundledCase | undefined): string {
  return c ? JSON.stringify(c.case, null, 2) + '\n' : '';
}
