// The playground page: wires the guideline editor, the language worker, the case panel and the
// results (determination, tests, compiled JSON), and keeps the state in local storage and share links.
import './style.css';
import type { RuleSet } from '@guideline/language';
import { CaseValidationError, evaluate, type CriterionResult } from '@guideline/runtime';
import { bundledCases, bundledGuidelines, seedCaseFile, seedGuidelineFile } from './bundled.ts';
import { CasePanel, caseText } from './case-panel.ts';
import { byId, el, show } from './dom.ts';
import { EditorPane } from './editor-pane.ts';
import { registerGuidelineLanguage } from './guideline-language.ts';
import { monaco } from './monaco.ts';
import { renderDetermination, renderNotice } from './results.ts';
import { clearStored, loadStored, readShareHash, saveStored, shareHash } from './share.ts';
import { renderTests, runTests } from './tests-panel.ts';
import { LanguageClient } from './worker-client.ts';

const client = new LanguageClient();
registerGuidelineLanguage(client, (text) => say(text));

const bundledText = (file: string): string | undefined => bundledGuidelines.find((g) => g.file === file)?.text;
const drafts: Record<string, string> = {};
let rules: RuleSet | undefined;
let analyzed = 0;

const status = byId('status');
const fileSelect = byId<HTMLSelectElement>('file-select');
const pane = new EditorPane(byId('editor'), byId('problems'));
const cases = new CasePanel(byId('case-editor'), byId<HTMLSelectElement>('case-select'), byId('case-issues'), () => {
  persist();
  scheduleRun();
});
const compiled = monaco.editor.create(byId('compiled'), {
  model: monaco.editor.createModel('', 'json', monaco.Uri.parse('inmemory://compiled/rules.json')),
  readOnly: true,
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 12,
  scrollBeyondLastLine: false,
  ariaLabel: 'Compiled json-rules-engine rules',
});

show(fileSelect, ...bundledGuidelines.map((g) => el('option', { value: g.file }, g.file.replace(/^guidelines\//, ''))));

function say(text: string): void {
  status.textContent = text;
}

// Tabs

function selectTab(name: string): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')) b.setAttribute('aria-selected', String(b.dataset['tab'] === name));
  for (const p of document.querySelectorAll<HTMLElement>('.tab-panel')) p.hidden = p.id !== `tab-${name}`;
}
for (const b of document.querySelectorAll<HTMLButtonElement>('.tabs [role=tab]')) b.addEventListener('click', () => selectTab(b.dataset['tab']!));

// Files and state

function openFile(file: string): void {
  if (pane.file) drafts[pane.file] = pane.text;
  const text = drafts[file] ?? bundledText(file) ?? '';
  if (![...fileSelect.options].some((o) => o.value === file)) fileSelect.append(el('option', { value: file }, file));
  fileSelect.value = file;
  void client.request({ kind: 'others', others: bundledGuidelines.filter((g) => g.file !== file) });
  pane.open(file, text);
  scheduleAnalyze(0);
}

fileSelect.addEventListener('change', () => {
  openFile(fileSelect.value);
  persist();
});

let persistTimer: ReturnType<typeof setTimeout> | undefined;
function persist(): void {
  clearTimeout(persistTimer);
  persistTimer = setTimeout(() => {
    if (pane.file) drafts[pane.file] = pane.text;
    const edited = Object.fromEntries(Object.entries(drafts).filter(([f, t]) => t !== bundledText(f)));
    saveStored({ file: pane.file, drafts: edited, caseFile: cases.file, caseText: cases.text });
  }, 300);
}

function loadInitialState(): void {
  const shared = readShareHash(location.hash);
  const stored = loadStored();
  if (stored) Object.assign(drafts, stored.drafts);
  if (shared) {
    drafts[shared.file] = shared.text;
    openFile(shared.file);
    cases.setText(shared.caseText, '');
    say('Opened a shared link');
    return;
  }
  const file = stored && (bundledText(stored.file) !== undefined || drafts[stored.file] !== undefined) ? stored.file : seedGuidelineFile;
  openFile(file);
  if (stored?.caseText) cases.setText(stored.caseText, stored.caseFile);
  else cases.setText(caseText(bundledCases.find((c) => c.file === seedCaseFile)), seedCaseFile);
}

window.addEventListener('hashchange', () => {
  const shared = readShareHash(location.hash);
  if (!shared) return;
  if (pane.file) drafts[pane.file] = pane.text;
  drafts[shared.file] = shared.text;
  pane.file = '';
  openFile(shared.file);
  cases.setText(shared.caseText, '');
  say('Opened a shared link');
});

// Analysis (in the worker) and running the case

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
  rules = result.rules;
  const mine: RuleSet | undefined = rules && { ...rules, guidelines: rules.guidelines.filter((g) => g.location.file === file), policies: rules.policies.filter((p) => p.source.file === file) };
  compiled.setValue(mine ? JSON.stringify(mine, null, 2) : '// The guideline has errors: fix them to see the compiled rules.');
  scheduleRun(0);
}

pane.editor.onDidChangeModelContent(() => {
  scheduleAnalyze();
  persist();
});

let runTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleRun(delay = 200): void {
  clearTimeout(runTimer);
  runTimer = setTimeout(() => void run(), delay);
}

const determination = byId('determination');

async function run(): Promise<void> {
  if (!rules) {
    renderNotice(determination, 'The guideline has errors', ['Fix the problems listed under the editor to run the case.']);
    return;
  }
  const input = cases.value();
  if (input === undefined) {
    renderNotice(determination, 'The case is not valid', cases.currentProblems.map((p) => `${p.field || 'case'}: ${p.message}`));
    return;
  }
  try {
    const d = await evaluate(rules, input);
    renderDetermination(determination, d, { onCriterion: showCriterion });
  } catch (e) {
    if (e instanceof CaseValidationError) renderNotice(determination, 'The case is not valid', e.issues.map((i) => `${i.field || 'case'}: ${i.message}`));
    else renderNotice(determination, 'Evaluation failed', [String(e)]);
  }
}

function showCriterion(c: CriterionResult, guidelineId: string | undefined): void {
  const g = rules?.guidelines.find((x) => x.id === guidelineId);
  const src = g?.criteria.find((x) => x.id === c.id)?.source;
  if (!src) return;
  if (src.file !== pane.file && (drafts[src.file] !== undefined || bundledText(src.file) !== undefined)) openFile(src.file);
  pane.highlightLines(src.line, Math.max(src.line, src.endColumn === 1 ? src.endLine - 1 : src.endLine));
}

byId('run-button').addEventListener('click', () => {
  selectTab('determination');
  void run();
});

byId('run-all-button').addEventListener('click', () => void runAll());

async function runAll(): Promise<void> {
  selectTab('tests');
  const target = byId('tests');
  if (!rules) {
    renderNotice(target, 'The guideline has errors', ['Fix them to run the tests.']);
    return;
  }
  show(target, el('p', {}, 'Running…'));
  const outcomes = await runTests(rules, bundledCases);
  renderTests(target, outcomes, (t) => {
    cases.load(t.file);
    selectTab('determination');
  });
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

byId('share-button').addEventListener('click', () => {
  const hash = shareHash({ file: pane.file, text: pane.text, caseText: cases.text });
  history.replaceState(null, '', hash);
  const url = location.href;
  navigator.clipboard?.writeText(url).then(
    () => say('Link copied: it holds the guideline and the case'),
    () => say('Link in the address bar: it holds the guideline and the case'),
  );
});

byId('reset-button').addEventListener('click', () => {
  clearStored();
  for (const f of Object.keys(drafts)) delete drafts[f];
  history.replaceState(null, '', location.pathname + location.search);
  const file = pane.file;
  pane.file = '';
  openFile(file);
  cases.setText(caseText(bundledCases.find((c) => c.file === seedCaseFile)), seedCaseFile);
  say('Bundled texts restored');
});

loadInitialState();

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
