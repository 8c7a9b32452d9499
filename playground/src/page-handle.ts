// A handle on the page for end-to-end tests and the browser console (`window.guidelinePlayground`): the
// texts, the open file, the edited files and the cursor, without reaching into monaco.
import type { CasePanel } from './case-panel.ts';
import type { Editors } from './editors.ts';
import { place } from './results.ts';
import type { PageWorkspace } from './workspace.ts';

export function installPageHandle(h: { editors(): Editors | undefined; workspace: PageWorkspace; cases: CasePanel; openName(): string }): void {
  (window as unknown as { guidelinePlayground: object }).guidelinePlayground = {
    text: (): string => h.editors()?.pane.text ?? h.workspace.text(h.openName()),
    setText: (t: string): void => h.editors()?.pane.editor.setValue(t),
    caseText: (): string => h.cases.text,
    setCaseText: (t: string): void => {
      const e = h.editors();
      if (e) e.caseView.setValue(t);
      else h.cases.setText(t, '');
    },
    file: (): string => h.openName(),
    edited: (): string[] => h.workspace.edits().map((s) => s.file).sort(),
    focusEditor: (): void => h.editors()?.pane.editor.focus(),
    /** The codes of the static analysis' findings marked in the open file. */
    findingCodes: (): string[] => h.editors()?.pane.findingCodes() ?? [],
    /** The coverage marks of the open file: line, level (both, one, none) and hover text. */
    coverageMarks: () => h.editors()?.pane.coverageMarks() ?? [],
    /** The line of the text under the cursor. */
    cursorLine: (): string => {
      const editor = h.editors()?.pane.editor;
      return editor?.getModel()?.getLineContent(editor.getPosition()?.lineNumber ?? 1) ?? '';
    },
    /** Puts the cursor at the first occurrence of a text (plus an offset into it) and scrolls to it. */
    cursorAt: (needle: string, into = 0): boolean => {
      const editor = h.editors()?.pane.editor;
      const model = editor?.getModel();
      const at = h.editors()?.pane.text.indexOf(needle) ?? -1;
      if (!editor || !model || at < 0) return false;
      const pos = model.getPositionAt(at + into);
      editor.setPosition(pos);
      editor.revealPositionInCenter(pos);
      editor.focus();
      return true;
    },
    place,
  };
}
