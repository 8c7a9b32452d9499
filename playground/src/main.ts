// The playground page: wires the guideline editor, the language worker, the case panel and the results
// (determination, tests, compiled JSON), and keeps the work in storage and share links. Work that grows
// with the input runs in the worker; the page shows what it sends back, which is bounded.
import './style.css';
import { bundledCases, bundledGuidelines, seedCaseFile, seedGuidelineFile } from './bundled.ts';
import { CasePanel, caseText } from './case-panel.ts';
import { byId, el, show } from './dom.ts';
import { EditorPane } from './editor-pane.ts';
import { registerGuidelineLanguage } from './guideline-language.ts';
import { downloadWork, Keeper } from './keeping.ts';
import { linkNotMade, linkRefused, workerStopped } from './messages.ts';
import { monaco } from './monaco.ts';
import { Notices } from './notices.ts';
import type { CaseCheck, CriterionSource, RunResult } from './protocol.ts';
import { renderDetermination, renderNotice } from './results.ts';
import { isShareHash } from './share-link.ts';
import { WorkStore, type Work } from './storage.ts';
import { renderTests } from './tests-panel.ts';
import { LanguageClient } from './worker-client.ts';

const notices = new Notices(byId('notices'));
const client = new LanguageClient((reason) => notices.set('worker', { code: 'worker-stopped', level: 'error', text: workerStopped(reason), dismissable: false }));
registerGuidelineLanguage(client, (text) => say(text));

const workspace = new Set(bundledGuidelines.map((g) => g.file));
const bundledText = (file: string): string | undefined => bundledGuidelines.find((g) => g.file === file)?.text;
/** Edited texts by file (a Map: file names come from links and storage, and are never object keys). */
const drafts = new Map<string, string>();
let analyzed = 0;

const status = byId('status');
const fileSelect = byId<HTMLSelectElement>('file-select');
const pane = new EditorPane(byId('editor'), byId('problems'));
const cases = new CasePanel(byId('case-editor'), byId<HTMLSelectElement>('case-select'), byId('case-issues'), () => {
  keeper.changed();
  scheduleRun();
}, (text) => client.request({ kind: 'check-case', text }));
const compiled = monaco.editor.create(byId('compiled'), {
  model: monaco.editor.createModel('', 'json', monaco.Uri.parse('inmemory://compiled/rules.json')),
  readOnly: true,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 12,
  scrollBeyondLastLine: false,
  ariaLabel: 'Compiled json-rules-engine rules',
});
let compiledJson = '';

show(fileSelect, bundledGuidelines.map((g) => el('option', { value: g.file }, g.file.replace(/^guidelines\//, ''))));

function say(text: string): void {
  status.textContent = text;
}

function currentWork(): Work {
  if (pane.file) drafts.set(pane.file, pane.text);
  const edited = new Map<string, string>();
  for (const [f, t] of drafts) if (t !== bundledText(f)) edited.set(f, t);
  return { file: pane.file, drafts: edited, caseFile: cases.file, caseText: cases.text };
}
const keeper = new Keeper(new WorkStore(workspace), notices, currentWork);

// Tabs (the compiled rules go into their editor only when shown)

function selectTab(name: string): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')) b.setAttribute('aria-selected', String(b.dataset['tab'] === name));
  for (const p of document.querySelectorAll<HTMLElement>('.tab-panel')) p.hidden = p.id !== `tab-${name}`;
  if (name === 'compiled' && compiled.getValue() !== compiledJson) compiled.setValue(compiledJson);
}
for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')) b.addEventListener('click', () => selectTab(b.dataset['tab']!));

// Files, stored work and share links

function openFile(file: string): void {
  if (pane.file) drafts.set(pane.file, pane.text);
  const text = drafts.get(file) ?? bundledText(file) ?? '';
  if (![...fileSelect.options].some((o) => o.value === file)) fileSelect.append(el('option', { value: file }, file));
  fileSelect.value = file;
  void client.request({ kind: 'others', others: bundledGuidelines.filter((g) => g.file !== file) }).catch(() => {});
  pane.open(file, text);
  scheduleAnalyze(0);
}

fileSelect.addEventListener('change', () => {
  openFile(fileSelect.value);
  keeper.changed();
});

/** Opens the share link in a hash, or says why not; false when the hash has none or it was refused. */
async function openLink(hash: string): Promise<boolean> {
  const read = await client.request({ kind: 'read-link', hash, workspace: [...workspace] }).catch(() => null);
  if (!read) return false;
  if (!read.ok) {
    notices.set('link', { code: read.problem, level: 'error', text: linkRefused(read.problem, read.detail) });
    return false;
  }
  notices.set('link', undefined);
  if (pane.file) drafts.set(pane.file, pane.text);
  drafts.set(read.state.file, read.state.text);
  pane.file = ''; // so that opening the link's file does not keep the editor's text over it
  openFile(read.state.file);
  cases.setText(read.state.caseText, '');
  say('Opened a shared link');
  return true;
}

async function loadInitialState(): Promise<void> {
  const stored = keeper.load().work;
  for (const [f, t] of stored?.drafts ?? []) drafts.set(f, t);
  if (isShareHash(location.hash) && (await openLink(location.hash))) return;
  openFile(stored && (bundledText(stored.file) !== undefined || drafts.has(stored.file)) ? stored.file : seedGuidelineFile);
  if (stored?.caseText) cases.setText(stored.caseText, stored.caseFile);
  else cases.setText(caseText(bundledCases.find((c) => c.file === seedCaseFile)), seedCaseFile);
}

window.addEventListener('hashchange', () => {
  if (isShareHash(location.hash)) void openLink(location.hash);
});

// Analysis and runs (in the worker)

let analyzeTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleAnalyze(delay = 150): void {
  clearTimeout(analyzeTimer);
  analyzeTimer = setTimeout(() => analyze().catch((e: unknown) => say(`The language worker failed: ${String(e)}`)), delay);
}

async function analyze(): Promise<void> {
  const ticket = ++analyzed;
  const file = pane.file;
  const text = pane.text;
  // This file's own errors first (a few ms), then the whole program with the other files (slower).
  const quick = await client.request({ kind: 'check', text, file });
  if (ticket !== analyzed || file !== pane.file) return; // a newer edit is on its way
  pane.setMarkers(quick);
  const result = await client.request({ kind: 'analyze', text, file });
  if (ticket !== analyzed || file !== pane.file) return;
  pane.setMarkers(result.markers);
  compiledJson = result.compiledJson;
  if (!byId('tab-compiled').hidden) compiled.setValue(compiledJson);
  scheduleRun(0);
}

pane.editor.onDidChangeModelContent(() => {
  scheduleAnalyze();
  keeper.changed();
});

let runTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleRun(delay = 200): void {
  clearTimeout(runTimer);
  runTimer = setTimeout(() => void run(), delay);
}

const determination = byId('determination');
let runs = 0;
let sources: CriterionSource[] = [];

const problemLines = (check: CaseCheck): string[] => [
  ...check.problems.map((p) => `${p.field || 'case'}: ${p.message}`),
  ...(check.total > check.problems.length ? [`${check.total - check.problems.length} more not shown`] : []),
];

async function run(): Promise<void> {
  const ticket = ++runs;
  const r: RunResult = await client.request({ kind: 'run', caseText: cases.text }).catch((e: unknown) => ({ kind: 'failed', error: String(e) }) as const);
  if (ticket !== runs) return;
  if (r.kind === 'no-rules') renderNotice(determination, 'The guideline has errors', ['Fix the problems listed under the editor to run the case.']);
  else if (r.kind === 'invalid-case') renderNotice(determination, 'The case is not valid', problemLines(r.check));
  else if (r.kind === 'failed') renderNotice(determination, 'Evaluation failed', [r.error]);
  else {
    sources = r.sources;
    renderDetermination(determination, r.determination, { onCriterion: showCriterion, hidden: r.hidden });
  }
}

function showCriterion(c: { id: string }): void {
  const src = sources.find((s) => s.id === c.id);
  if (!src) return;
  if (src.file !== pane.file && (drafts.has(src.file) || bundledText(src.file) !== undefined)) openFile(src.file);
  pane.highlightLines(src.line, src.endLine);
}

byId('run-button').addEventListener('click', () => {
  selectTab('determination');
  void run();
});

byId('run-all-button').addEventListener('click', () => void runAll());

async function runAll(): Promise<void> {
  selectTab('tests');
  const target = byId('tests');
  show(target, el('p', {}, 'Running…'));
  const outcomes = await client.request({ kind: 'run-tests', tests: bundledCases }).catch((e: unknown) => String(e));
  if (typeof outcomes === 'string') renderNotice(target, 'The tests could not run', [outcomes]);
  else if (!outcomes) renderNotice(target, 'The guideline has errors', ['Fix them to run the tests.']);
  else {
    renderTests(target, outcomes, (t) => {
      cases.load(t.file);
      selectTab('determination');
    });
  }
}

// Case view: JSON or the form generated from the schema

for (const [id, view] of [['case-json-view', 'json'], ['case-form-view', 'form']] as const) {
  byId(id).addEventListener('click', () => {
    cases.setView(view, byId('case-editor'), byId('case-form'));
    byId('case-json-view').setAttribute('aria-pressed', String(view === 'json'));
    byId('case-form-view').setAttribute('aria-pressed', String(view === 'form'));
  });
}

// Toolbar

byId('format-button').addEventListener('click', () => void pane.format());

byId('share-button').addEventListener('click', () => void share());

async function share(): Promise<void> {
  const made = await client.request({ kind: 'make-link', state: { file: pane.file, text: pane.text, caseText: cases.text } }).catch(() => undefined);
  if (!made) return;
  if (!made.ok) {
    notices.set('link', { code: `not-shared-${made.problem}`, level: 'warning', text: linkNotMade(made), actions: [{ label: 'Download your work', run: () => downloadWork(currentWork()) }] });
    return;
  }
  notices.set('link', undefined);
  history.replaceState(null, '', made.hash);
  const url = location.href;
  navigator.clipboard?.writeText(url).then(
    () => say('Link copied: it holds the guideline and the case'),
    () => say('Link in the address bar: it holds the guideline and the case'),
  );
}

byId('reset-button').addEventListener('click', () => {
  keeper.clear();
  drafts.clear();
  notices.set('link', undefined);
  history.replaceState(null, '', location.pathname + location.search);
  const file = pane.file;
  pane.file = '';
  openFile(file);
  cases.setText(caseText(bundledCases.find((c) => c.file === seedCaseFile)), seedCaseFile);
  say('Bundled texts restored');
});

void loadInitialState();

/** A handle for end-to-end tests and the browser console: the texts, without reaching into monaco. */
(window as unknown as { guidelinePlayground: object }).guidelinePlayground = {
  text: (): string => pane.text,
  setText: (t: string): void => pane.editor.setValue(t),
  caseText: (): string => cases.text,
  setCaseText: (t: string): void => cases.editor.setValue(t),
  file: (): string => pane.file,
  /** The line of the text under the cursor. */
  cursorLine: (): string => pane.editor.getModel()?.getLineContent(pane.editor.getPosition()?.lineNumber ?? 1) ?? '',
  /** Puts the cursor at the first occurrence of a text (plus an offset into it) and scrolls to it. */
  cursorAt: (needle: string, into = 0): boolean => {
    const model = pane.editor.getModel();
    const at = pane.text.indexOf(needle);
    if (!model || at < 0) return false;
    const pos = model.getPositionAt(at + into);
    pane.editor.setPosition(pos);
    pane.editor.revealPositionInCenter(pos);
    pane.editor.focus();
    return true;
  },
};
