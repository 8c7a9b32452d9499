// Monaco: the core editor and only the features the playground uses (completion, hover, go to
// definition, quick fixes, find, markers, brackets, comments, word moves, Tab focus mode), with its own worker
// (started under the page's policy, see workers.ts; nothing the playground does needs it at once).
// Left out, as the playground offers none of them: the context menu and the clipboard actions it
// lists (copy and paste are the browser's), multiple cursors, line operations, and the highlight of a
// word's other occurrences.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoSymbol/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import editorWorkerUrl from 'monaco-editor/editor/editor.worker?worker&url';
import { startWorker } from './workers.ts';

self.MonacoEnvironment = { getWorker: () => startWorker(editorWorkerUrl, 'monaco-editor') };

/** A small JSON highlighter for the case and compiled-rules views (monaco's JSON service is not bundled). */
monaco.languages.register({ id: 'json', extensions: ['.json'] });
monaco.languages.setMonarchTokensProvider('json', {
  tokenizer: {
    root: [
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
      [/"(?:[^"\\]|\\.)*"/, 'string'],
      [/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[{}[\],:]/, 'delimiter'],
    ],
  },
});
monaco.languages.setLanguageConfiguration('json', { brackets: [['{', '}'], ['[', ']']], autoClosingPairs: [{ open: '{', close: '}' }, { open: '[', close: ']' }, { open: '"', close: '"' }] });

export { monaco };
