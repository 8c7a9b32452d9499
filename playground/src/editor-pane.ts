// The guideline editor: monaco with the guideline language, markers from the worker's analysis (and the
// static analysis' findings, marked apart), the
// problems list under it (each problem a button: reachable by Tab), and highlighting of a criterion's
// source lines. Escape (when no widget is open) leaves the editor, as Ctrl+M's Tab-moves-focus does.
import { count, el, moreLine, show } from './dom.ts';
import { languageId, markdownText } from './guideline-language.ts';
import { problemsShown } from './limits.ts';
import { monaco } from './monaco.ts';
import type { ConditionCoverage, EditorMarker, MarkerList } from './protocol.ts';
import { referenceScheme } from './reference-links.ts';

const severities: Record<keyof MarkerList['counts'], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

export class EditorPane {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly highlight: monaco.editor.IEditorDecorationsCollection;
  private readonly coverage: monaco.editor.IEditorDecorationsCollection;
  file = '';

  constructor(
    container: HTMLElement,
    private readonly problems: HTMLElement,
    /** `guideline fmt` of a text, in the worker; `formatted` false when it has syntax errors. */
    private readonly formatText: (text: string) => Promise<{ text: string; formatted: boolean }>,
    private readonly notify: (text: string) => void,
    /** Opens the reference at a diagnostic's entry. */
    private readonly explain: (code: string) => void,
  ) {
    this.editor = monaco.editor.create(container, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      wordBasedSuggestions: 'off',
      ariaLabel: 'Guideline source (Escape leaves the editor)',
      renderFinalNewline: 'on', // a dimmed last line number is below 4.5:1 contrast
      // A long rationale wraps rather than scrolling the editor sideways; its wrapped part is indented as
      // its line begins, so a formatter-aligned text still reads as one block.
      wordWrap: 'on',
      wrappingIndent: 'same',
    });
    this.highlight = this.editor.createDecorationsCollection();
    this.coverage = this.editor.createDecorationsCollection();
    escapeLeaves(this.editor, () => this.problems);
    this.editor.addAction({ id: 'guideline.format', label: 'Format document', keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF], run: () => this.format() });
  }

  /** Shows a file's text (one model per file, so undo history stays with its file). */
  open(file: string, text: string): void {
    const uri = monaco.Uri.parse(`inmemory://guidelines/${file}`);
    let model = monaco.editor.getModel(uri);
    if (!model) model = monaco.editor.createModel(text, languageId, uri);
    else if (model.getValue() !== text) model.setValue(text);
    this.file = file;
    this.editor.setModel(model);
    this.highlight.clear();
  }

  /**
   * Marks each condition of the open file: by how the test suite found it (both true and false,
   * only one way, or never decided; the counts in the mark's hover), or by the current case's result.
   */
  setCoverage(conditions: readonly ConditionCoverage[], of: 'suite' | 'case' = 'suite'): void {
    const lines = new Map<number, ConditionCoverage[]>();
    for (const c of conditions) if (c.file === this.file) lines.set(c.line, [...(lines.get(c.line) ?? []), c]);
    const model = this.editor.getModel();
    this.coverage.set([...lines].filter(([line]) => model && line <= model.getLineCount()).map(([line, cs]) => {
      const level = cs.every((c) => c.true && c.false) ? 'both' : cs.some((c) => c.true || c.false) ? 'one' : 'none';
      const text = cs.map((c) => (of === 'case' ? `${c.condition}: ${c.true ? 'true' : c.false ? 'false' : 'not decided'} for this case` : `${c.condition}: true in ${c.true}, false in ${c.false}, unknown in ${c.unknown} test cases`)).join('\n\n');
      return { range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, linesDecorationsClassName: `coverage coverage-${level}`, hoverMessage: { value: markdownText(text) } } };
    }));
  }

  clearHighlight(): void {
    this.highlight.clear();
  }

  /** Shows a line (1-based) with the cursor at its start. */
  reveal(line: number): void {
    this.editor.revealLineInCenter(line);
    this.editor.setSelection(new monaco.Range(line, 1, line, 1));
  }

  get text(): string {
    return this.editor.getValue();
  }

  /** Marks and lists the problems: no more than `problemsShown`, whatever the worker sent, and how many more there are. */
  setMarkers(list: MarkerList): void {
    const model = this.editor.getModel();
    if (!model) return;
    const markers = list.markers.slice(0, problemsShown);
    monaco.editor.setModelMarkers(model, 'guideline', markers.map((m) => ({ ...m, code: referenceCode(m.code), severity: severities[m.severity] })));
    const items = markers.map((m) => {
      const go = el('button', { type: 'button', class: 'problem-go', title: `Go to line ${m.startLineNumber}` },
        el('span', { class: 'where' }, `${m.startLineNumber}:${m.startColumn}`), ' ', el('span', { class: 'code' }, m.code), ' ', m.message);
      const about = el('button', { type: 'button', class: 'link small problem-about', title: `What ${m.code} means, with an example`, 'aria-label': `About ${m.code}` }, '?');
      about.addEventListener('click', () => this.explain(m.code));
      const item = el('li', { class: `problem problem-${m.severity}` }, go, ' ', about);
      go.addEventListener('click', () => {
        this.editor.setSelection(new monaco.Range(m.startLineNumber, m.startColumn, m.endLineNumber, m.endColumn));
        this.editor.revealLineInCenter(m.startLineNumber);
        this.editor.focus();
      });
      return item;
    });
    const { error, warning, info } = list.counts;
    const total = error + warning + info;
    show(this.problems,
      el('div', { class: 'problems-summary', 'data-total': String(total) }, total ? `${count(error, 'error')}, ${count(warning + info, 'warning')}` : 'No problems'),
      items.length ? el('ul', { 'aria-label': 'Problems of this file' }, items) : null,
      moreLine(total - markers.length, 'problem', 'problems', ': fix the ones above first'),
    );
  }

  /** Marks the static analysis' findings (A6xx) in the open file, beside the problems and apart from them. */
  setFindings(markers: readonly EditorMarker[]): void {
    const model = this.editor.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, 'guideline-analysis', markers.map((m) => ({ ...m, code: referenceCode(m.code), severity: severities[m.severity], source: 'guideline analyze' })));
  }

  /** The codes of the findings marked in the open file (for tests). */
  /** The coverage marks in the open file, as drawn: each line's level and hover text, in line order. */
  coverageMarks(): { line: number; level: string; hover: string }[] {
    const model = this.editor.getModel();
    if (!model) return [];
    return this.coverage.getRanges().map((r) => {
      const mark = model.getLineDecorations(r.startLineNumber).find((d) => d.options.linesDecorationsClassName?.startsWith('coverage '));
      const hover = mark?.options.hoverMessage;
      return { line: r.startLineNumber, level: mark?.options.linesDecorationsClassName?.replace('coverage coverage-', '') ?? '', hover: (Array.isArray(hover) ? hover : [hover]).map((m) => m?.value ?? '').join('\n') };
    });
  }

  findingCodes(): string[] {
    const model = this.editor.getModel();
    return model ? monaco.editor.getModelMarkers({ resource: model.uri, owner: 'guideline-analysis' }).map((m) => String(typeof m.code === 'object' ? m.code.value : m.code)) : [];
  }

  /** Selects and highlights source lines (1-based, inclusive). */
  highlightLines(line: number, endLine: number): void {
    const range = new monaco.Range(line, 1, endLine, 1);
    this.highlight.set([{ range, options: { isWholeLine: true, className: 'criterion-highlight', linesDecorationsClassName: 'criterion-highlight-gutter' } }]);
    this.editor.revealLinesInCenter(line, endLine);
    this.editor.setSelection(new monaco.Range(line, 1, line, 1));
  }

  /** Formats the document as `guideline fmt` does: one edit, undone by one undo. */
  async format(): Promise<void> {
    const model = this.editor.getModel();
    if (!model) return;
    const before = model.getValue();
    const r = await this.formatText(before).catch(() => undefined);
    if (!r?.formatted) return this.notify('Not formatted: the file has syntax errors (see the problems under the editor)');
    if (r.text === before || model.getValue() !== before) return;
    this.editor.pushUndoStop();
    this.editor.executeEdits('format', [{ range: model.getFullModelRange(), text: r.text }]);
    this.editor.pushUndoStop();
  }
}

/**
 * Escape, when no widget of the editor wants it, moves the focus to the element after the editor. An
 * action, not a command: monaco's commands are global, so a second editor's would take over the first's.
 */
/** A problem's code as its hover shows it: a link to its entry in the Reference panel. */
const referenceCode = (code: string): { value: string; target: monaco.Uri } => ({ value: code, target: monaco.Uri.from({ scheme: referenceScheme, path: `/${code}` }) });

export function escapeLeaves(editor: monaco.editor.IStandaloneCodeEditor, next: () => HTMLElement): void {
  editor.addAction({
    id: 'guideline.leave-editor',
    label: 'Leave the editor',
    keybindings: [monaco.KeyCode.Escape],
    precondition: 'editorTextFocus && !suggestWidgetVisible && !findWidgetVisible && !inSnippetMode && !parameterHintsVisible && !editorHoverVisible && !markersNavigationVisible && !referenceSearchVisible && !renameInputVisible && !editorHasMultipleSelections',
    run: () => {
      const target = next();
      const focusable = target.querySelector<HTMLElement>('button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
      (focusable ?? target).focus();
    },
  });
}
