// The editors, loaded after the first decision is shown: monaco with the guideline language (the
// guideline editor), the case JSON editor and the compiled rules' view. The page works without them
// until they arrive (the determination, the pickers, the tests); this module only makes the views.
import { escapeLeaves, EditorPane } from './editor-pane.ts';
import { registerGuidelineLanguage } from './guideline-language.ts';
import { monaco } from './monaco.ts';
import type { TextView } from './case-panel.ts';
import type { LanguageClient } from './worker-client.ts';

export interface Editors {
  pane: EditorPane;
  caseView: TextView;
  /** Shows the compiled rules (set when the tab is shown: a large text costs monaco a render). */
  setCompiled: (json: string) => void;
}

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;

export function createEditors(hosts: { editor: HTMLElement; problems: HTMLElement; caseEditor: HTMLElement; caseNext: () => HTMLElement; compiled: HTMLElement }, client: LanguageClient, say: (text: string) => void, explain: (code: string) => void): Editors {
  registerGuidelineLanguage(client);
  // The system's dark or light theme, followed as it changes.
  // vs-dark's comments, lightened to a contrast of 4.5:1 on its background.
  monaco.editor.defineTheme('guideline-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '8fbf73' }], colors: {} });
  const theme = (): void => monaco.editor.setTheme(darkQuery?.matches ? 'guideline-dark' : 'vs');
  theme();
  darkQuery?.addEventListener('change', theme);
  for (const host of [hosts.editor, hosts.caseEditor]) host.replaceChildren();
  const pane = new EditorPane(hosts.editor, hosts.problems, (text) => client.request({ kind: 'format', text }), say, explain);
  const caseEditor = monaco.editor.create(hosts.caseEditor, {
    model: monaco.editor.createModel('', 'json', monaco.Uri.parse('inmemory://case/case.json')),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 12,
    lineNumbers: 'off',
    scrollBeyondLastLine: false,
    tabSize: 2,
    wordBasedSuggestions: 'off',
    ariaLabel: 'Case JSON (Escape, then Tab, leaves the editor)',
    // A case on one long line (minified JSON, a link) costs monaco seconds per render unwrapped.
    wordWrap: 'on',
  });
  escapeLeaves(caseEditor, hosts.caseNext);
  const caseView: TextView = {
    getValue: () => caseEditor.getValue(),
    setValue: (t) => caseEditor.setValue(t),
    onDidChange: (listener) => void caseEditor.onDidChangeModelContent(listener),
    setMarks: (marks) => {
      const model = caseEditor.getModel()!;
      const length = model.getValueLength();
      monaco.editor.setModelMarkers(model, 'case', marks.map((m) => {
        const s = model.getPositionAt(Math.min(m.start, length));
        const e = model.getPositionAt(Math.min(Math.max(m.end, m.start + 1), length));
        return { severity: monaco.MarkerSeverity.Error, message: m.message, code: 'R501', startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column };
      }));
    },
  };
  // The compiled rules' view is made when its tab first shows them: one editor less at the start.
  let compiled: monaco.editor.IStandaloneCodeEditor | undefined;
  const compiledView = (): monaco.editor.IStandaloneCodeEditor => (compiled ??= monaco.editor.create(hosts.compiled, {
    model: monaco.editor.createModel('', 'json', monaco.Uri.parse('inmemory://compiled/rules.json')),
    readOnly: true,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 12,
    scrollBeyondLastLine: false,
    ariaLabel: 'Compiled json-rules-engine rules',
    renderFinalNewline: 'on', // a dimmed last line number is below 4.5:1 contrast
  }));
  return {
    pane,
    caseView,
    setCompiled: (json) => {
      const view = compiledView();
      if (view.getValue() !== json) view.setValue(json);
    },
  };
}
