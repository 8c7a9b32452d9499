// Registers the guideline language with monaco: the generated Monarch grammar, and completion, hover,
// definition and quick fixes answered by the language worker (formatting is the editor's own action,
// editor-pane.ts).
import type { CompletionKind, HoverInfo } from '@guideline/language';
import { monarchLanguage } from './monarch.generated.ts';
import { monaco } from './monaco.ts';
import { keywordAt, keywordSections, referenceCommand } from './reference-links.ts';
import type { LanguageClient } from './worker-client.ts';

export const languageId = 'guideline';

/** Plain text for monaco's markdown: every markdown character escaped, so user text stays text. */
export function markdownText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

const kinds: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  keyword: monaco.languages.CompletionItemKind.Keyword,
  fact: monaco.languages.CompletionItemKind.Field,
  class: monaco.languages.CompletionItemKind.Class,
  value: monaco.languages.CompletionItemKind.EnumMember,
  unit: monaco.languages.CompletionItemKind.Unit,
  guideline: monaco.languages.CompletionItemKind.Module,
};

function hoverContents(h: HoverInfo): monaco.IMarkdownString[] {
  return [{ value: `**${markdownText(h.title)}**` }, ...h.body.map((p) => ({ value: markdownText(p) }))];
}

/** A keyword's hover: what it is, and a link that opens its section in the Reference panel. */
function keywordHover(keyword: string): monaco.IMarkdownString[] {
  const section = keywordSections.get(keyword)!;
  const args = encodeURIComponent(JSON.stringify([section]));
  return [
    { value: `**${markdownText(keyword)}**: a keyword of the guideline language` },
    { value: `[Open "${markdownText(section)}" in the Reference](command:${referenceCommand}?${args})`, isTrusted: { enabledCommands: [referenceCommand] } },
  ];
}

/** The workspace file a model shows (its URI is inmemory://guidelines/<file>, editor-pane.ts). */
const fileOf = (model: monaco.editor.ITextModel): string => model.uri.path.replace(/^\//, '');

/** A worker request whose failure leaves the editor as it is (and says so once in the console). */
async function quietly<T>(request: Promise<T>, fallback: T): Promise<T> {
  try {
    return await request;
  } catch (e) {
    console.warn('guideline language worker:', e);
    return fallback;
  }
}

export function registerGuidelineLanguage(client: LanguageClient): void {
  monaco.languages.register({ id: languageId, extensions: ['.guideline'] });
  monaco.languages.setMonarchTokensProvider(languageId, monarchLanguage);
  monaco.languages.setLanguageConfiguration(languageId, {
    comments: { lineComment: '#' },
    brackets: [['(', ')']],
    autoClosingPairs: [{ open: '(', close: ')' }, { open: '"', close: '"', notIn: ['string', 'comment'] }],
    wordPattern: /[a-zA-Z][a-zA-Z0-9]*(?:[-_][a-zA-Z0-9]+)*\*?|\d+(?:\.\d+)?/,
  });
  const range = (model: monaco.editor.ITextModel, r: { start: number; end: number }): monaco.Range => {
    const s = model.getPositionAt(r.start);
    const e = model.getPositionAt(r.end);
    return new monaco.Range(s.lineNumber, s.column, e.lineNumber, e.column);
  };
  monaco.languages.registerCompletionItemProvider(languageId, {
    triggerCharacters: [' '],
    async provideCompletionItems(model, position) {
      const items = await quietly(client.request({ kind: 'complete', text: model.getValue(), offset: model.getOffsetAt(position), file: fileOf(model) }), []);
      return {
        suggestions: items.map((c, i) => ({
          label: c.label,
          kind: kinds[c.kind],
          insertText: c.label,
          range: range(model, c.range),
          sortText: String(i).padStart(4, '0'),
          ...(c.detail ? { detail: c.detail } : {}),
          ...(c.documentation ? { documentation: c.documentation } : {}),
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(languageId, {
    async provideHover(model, position) {
      const h = await quietly(client.request({ kind: 'hover', text: model.getValue(), offset: model.getOffsetAt(position), file: fileOf(model) }), null);
      if (h) return { range: range(model, h.range), contents: hoverContents(h) };
      const keyword = keywordAt(model.getLineContent(position.lineNumber), position.column);
      const word = model.getWordAtPosition(position);
      return keyword && word ? { range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn), contents: keywordHover(keyword) } : null;
    },
  });
  monaco.languages.registerDefinitionProvider(languageId, {
    async provideDefinition(model, position) {
      const r = await quietly(client.request({ kind: 'definition', text: model.getValue(), offset: model.getOffsetAt(position), file: fileOf(model) }), null);
      return r ? { uri: model.uri, range: range(model, r) } : null;
    },
  });
  monaco.languages.registerCodeActionProvider(languageId, {
    async provideCodeActions(model, at, context) {
      // Monaco asks at every move of the cursor: the worker is asked only where a problem is marked.
      if (!context.markers.length) return { actions: [], dispose: () => {} };
      const version = model.getVersionId();
      const span = { start: model.getOffsetAt(at.getStartPosition()), end: model.getOffsetAt(at.getEndPosition()) };
      const fixes = await quietly(client.request({ kind: 'fixes', text: model.getValue(), range: span, file: fileOf(model) }), []);
      // Edits made for an older text would land in the wrong place: none, and monaco asks again.
      if (model.getVersionId() !== version) return { actions: [], dispose: () => {} };
      const actions = fixes.map((f, i): monaco.languages.CodeAction => {
        const marked = range(model, f.diagnostic.range);
        return {
          title: f.title,
          kind: 'quickfix',
          diagnostics: context.markers.filter((m) => markerCode(m) === f.diagnostic.code && monaco.Range.areIntersectingOrTouching(m, marked)),
          isPreferred: i === 0,
          edit: { edits: f.edits.map((e) => ({ resource: model.uri, versionId: version, textEdit: { range: range(model, e.range), text: e.text } })) },
        };
      });
      return { actions, dispose: () => {} };
    },
  }, { providedCodeActionKinds: ['quickfix'] });
}

/** A marker's code: a string, or (as the editor pane sets it) a link to its Reference entry. */
const markerCode = (m: monaco.editor.IMarkerData): string | undefined => (typeof m.code === 'string' ? m.code : m.code?.value);
