// The playground page: one workspace of guideline files and test cases, mirrored in the language worker
// (which compiles them as one program, runs the case, the tests and an edit's impact), the case panel,
// the determination and the other result tabs, and the work kept in storage and share links. The
// editors (monaco) load after the first decision is shown: nothing here waits for them.
import './style.css';
import { bundledCases, bundledGuidelines, seedCase, seedCaseFile, seedGuidelineFile } from './bundled.ts';
import { CasePanel, caseText } from './case-panel.ts';
import { byId } from './dom.ts';
import type { Editors } from './editors.ts';
import { FilePicker, folderOf } from './file-picker.ts';
import { Keeper } from './keeping.ts';
import { installPageHandle } from './page-handle.ts';
import { Runs } from './runs.ts';
import { workerStopped } from './messages.ts';
import { Notices } from './notices.ts';
import type { CaseCheck, FormSchema, SourceSpan } from './protocol.ts';
import { ReferencePanel } from './reference.ts';
import { WorkStore, type Work } from './storage.ts';
import { Tabs } from './tabs.ts';
import { TestCaseEditor } from './test-case-editor.ts';
import { TestsPanel } from './tests-panel.ts';
import { splitter } from './splitter.ts';
import { WorkActions } from './work-actions.ts';
import { LanguageClient } from './worker-client.ts';
import { PageWorkspace } from './workspace.ts';
import { NewFileForm } from './new-file.ts';
import { AnalysisPanel } from './analysis-panel.ts';
import { autoVersionAfterMs, Versions } from './versions.ts';
import analysisWorkerUrl from './worker/analysis.worker.ts?worker&url';

performance.mark('playground-start');
const notices = new Notices(byId('notices'));
const client = new LanguageClient((reason) => notices.set('worker', { code: 'worker-stopped', level: 'error', text: workerStopped(reason), dismissable: false }));
/**
 * The static analysis, in a worker of its own (it takes seconds; nothing else waits for it), started
 * when the Analysis tab opens or the page is idle once the editors are up: not while the first
 * decision and the editors load.
 */
let analysisClient: LanguageClient | undefined;
const workspace = new PageWorkspace(bundledGuidelines, [seedCase]);
const status = byId('status');
const say = (text: string): void => void (status.textContent = text);

/** Each guideline file's title (from its `title` line), searched in the file picker; by folder, the case picker's groups. */
const fileTitles = new Map(bundledGuidelines.map((g) => [g.file, /^\s*title\s+"([^"]+)"/m.exec(g.text)?.[1]]));
const titles = new Map([...fileTitles].map(([file, title]) => [folderOf(file), title]));

let openName = seedGuidelineFile;
let editors: Editors | undefined;
/** The open file's text as the worker last had it. */
let sentText: string | undefined;
let schema: Promise<FormSchema> | undefined;

const filePicker = new FilePicker(byId<HTMLSelectElement>('file-select'), byId<HTMLInputElement>('file-filter'), workspace, (file) => fileTitles.get(file), (file) => {
  openFile(file);
  keeper.changed();
});
new NewFileForm(byId<HTMLButtonElement>('new-file-button'), byId<HTMLFormElement>('new-file-form'), () => new Set(workspace.files()), (file) => {
  flushEdit();
  workspace.set(file, '');
  void client.request({ kind: 'edit', file, text: '' }).catch(() => {});
  void analysisClient?.request({ kind: 'edit', file, text: '' }).catch(() => {});
  openFile(file);
  keeper.changed();
  editors?.pane.editor.focus();
  say(`New file ${file}: write a vocabulary, a guideline or a policy in it`);
});
const tabs = new Tabs(byId('tab-determination').parentElement!.querySelector('[role=tablist]')!, (name) => onTab(name));
const tests = new TestsPanel(byId('tests'), (file) => workspace.testCase(file), (file) => openCase(file));
const testCase = new TestCaseEditor(byId('test-case'), {
  save: (t, created) => {
    workspace.setTestCase(t);
    keeper.changed();
    if (created) cases.setText(caseText(t), t.file);
    cases.fillSelect();
    runs.show();
    if (tests.ran) void runs.runAll();
    if (created) say(`Saved the test case ${t.file}`);
  },
  caseValue: () => JSON.parse(cases.text) as unknown,
  exists: (file) => workspace.testCase(file) !== undefined,
  decided: () => runs.current,
});
const cases = new CasePanel(workspace, byId<HTMLSelectElement>('case-select'), byId<HTMLInputElement>('case-filter'), byId('case-issues'), byId('case-form'), {
  onChange: (wasPicked) => {
    runs.picked = wasPicked;
    if (wasPicked) runs.clearHighlight();
    keeper.changed();
    runs.schedule(wasPicked ? 0 : 200);
  },
  check: (text): Promise<CaseCheck> => client.request({ kind: 'check-case', text }),
  schema: () => (schema ??= client.request({ kind: 'fields' })),
}, (folder) => titles.get(folder));
const runs = new Runs({ client, workspace, cases, tabs, tests, testCase, editors: () => editors, openName: () => openName, openFile, flushEdit, loadCases, openCase,
  targets: { determination: byId('determination'), announce: byId('announce'), impact: byId('impact'), diagram: byId('diagram') },
});

function currentWork(): Work {
  flushEdit();
  return { file: openName, drafts: new Map(workspace.edits().map((s) => [s.file, s.text])), caseFile: cases.file, caseText: cases.text, cases: workspace.caseEdits() };
}
const keeper = new Keeper(new WorkStore(new Set(workspace.files())), notices, currentWork);

// Files: the picker marks edited files; the open one's edits go to the worker before anything runs.

function fillFiles(): void {
  filePicker.fill(openName);
}

/** Sends the open file's text to the worker when it changed since it was last sent. */
function flushEdit(): void {
  if (!editors || editors.pane.file !== openName) return;
  const text = editors.pane.text;
  if (text === sentText) return;
  const wasEdited = workspace.isEdited(openName);
  workspace.set(openName, text);
  sentText = text;
  void client.request({ kind: 'edit', file: openName, text }).catch(() => {});
  void analysisClient?.request({ kind: 'edit', file: openName, text }).catch(() => {});
  if (workspace.isEdited(openName) !== wasEdited) fillFiles();
}

function openFile(file: string, at?: SourceSpan): void {
  flushEdit();
  if (file !== openName) runs.clearHighlight();
  openName = file;
  runs.fileOpened();
  fillFiles();
  if (editors && editors.pane.file !== file) {
    sentText = workspace.text(file);
    editors.pane.open(file, sentText);
    runs.showCoverage();
    scheduleAnalyze(0);
    findings.fileOpened();
  }
  if (at && editors) {
    if (at.endLine > at.line) editors.pane.highlightLines(at.line, at.endLine);
    else editors.pane.reveal(at.line);
  }
}


/** The guidelines changed: the determination, and the tests' results once they have run, are out of date until the workspace is analysed again. */
function guidelinesChanged(): void {
  runs.changed();
  if (tests.ran) tests.running();
}

/** Sends the whole workspace to the worker (at the start, and after a link, Reset or Undo). */
function sendWorkspace(first = false): void {
  guidelinesChanged();
  void client.request({ kind: 'workspace', ...(first ? { bundled: [...workspace.bundledSources] } : {}), edits: workspace.edits() }).catch(() => {});
  void analysisClient?.request({ kind: 'workspace', edits: workspace.edits() }).catch(() => {});
  sentText = workspace.text(openName);
  schema = undefined;
  fillFiles();
  cases.fillSelect();
  if (editors) {
    editors.pane.file = '';
    openFile(openName);
  }
  scheduleAnalyze(0);
}

// Analysis, runs, tests and impact (all in the worker)

let analyzed = 0;
let analyzeTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleAnalyze(delay = 150): void {
  clearTimeout(analyzeTimer);
  analyzeTimer = setTimeout(() => analyze().catch((e: unknown) => {
    say(`The language worker failed: ${String(e)}`);
    // The determination (and the tests' results) are out of date: a run says why there are none, rather than leaving them so.
    runs.schedule(0);
    if (tests.ran) void runs.runAll();
  }), delay);
}

async function analyze(): Promise<void> {
  const ticket = ++analyzed;
  flushEdit();
  const file = openName;
  if (editors) {
    // This file's errors first (checked with the workspace's other files as they are: a few ms), then the whole workspace compiled (slower).
    const quick = await client.request({ kind: 'check', text: workspace.text(file), file });
    if (ticket !== analyzed || file !== openName) return;
    editors.pane.setMarkers(quick);
  }
  const result = await client.request({ kind: 'analyze', file });
  if (ticket !== analyzed || file !== openName) return;
  editors?.pane.setMarkers(result.markers);
  compiledJson = result.compiledJson;
  schema = undefined;
  if (tabs.selected === 'compiled') editors?.setCompiled(compiledJson);
  runs.schedule(0);
  if (tests.ran) void runs.runAll();
  if (tabs.selected === 'impact') void runs.impact();
  if (tabs.selected === 'diagram') void runs.diagram();
  findings.schedule();
}
let compiledJson = '';

/** Loads a case into the case editor (an example of a finding) and decides it. */
function showCase(text: string): Promise<void> {
  cases.setText(text, '');
  runs.changed();
  keeper.changed();
  tabs.select('determination');
  return runs.run();
}

const versions = new Versions(new Set(workspace.files()));
/** Takes a version of each edited file whose newest version has another text (a version the storage refuses is let go). */
function keepVersions(files = workspace.edits().map((s) => s.file)): void {
  flushEdit();
  for (const file of files) if (workspace.isEdited(file)) versions.keep(file, workspace.text(file));
  findings.versionsChanged();
}
let versionTimer: ReturnType<typeof setTimeout> | undefined;

const findings = new AnalysisPanel(byId('analysis'), () => analysisClient, versions, {
  file: () => openName,
  text: (file) => (file === openName && editors ? editors.pane.text : workspace.text(file)),
  bundledText: (file) => workspace.bundledSources.find((s) => s.file === file)?.text,
  openAt: (file, line) => openFile(file, { file, line, endLine: line }),
  openExample: (text) => void showCase(text),
  addTest: async (text, name, description, folder) => {
    await showCase(text);
    return testCase.saveAs(name, { description, folder });
  },
  setMarkers: (file, markers) => {
    if (editors?.pane.file === file) editors.pane.setFindings(markers);
  },
  explain: (code) => openReference(code),
  restore: (file, text, label) => actions.restoreVersion(file, text, label),
  say,
});


/** Starts the analysis worker (once) with the workspace as it is now, and analyses it. */
function startAnalysis(): void {
  if (analysisClient) return;
  flushEdit();
  analysisClient = new LanguageClient((reason) => notices.set('worker', { code: 'worker-stopped', level: 'error', text: workerStopped(reason), dismissable: false }), { url: analysisWorkerUrl, name: 'guideline-analysis' });
  void analysisClient.request({ kind: 'workspace', bundled: [...workspace.bundledSources], edits: workspace.edits() }).catch(() => {});
  findings.schedule(0);
}

byId('run-button').addEventListener('click', () => {
  tabs.select('determination');
  void runs.run();
});

byId('run-all-button').addEventListener('click', () => {
  tabs.select('tests');
  void runs.runAll();
});

/** Opens a test case (from the tests or the impact), with its expectation. */
function openCase(file: string): void {
  const from = document.activeElement;
  cases.load(file);
  tabs.select('determination');
  // The link that opened it is in a panel now hidden: the focus goes to the tab of the panel shown.
  if (from instanceof HTMLElement && from.closest('[role=tabpanel][hidden]')) document.querySelector<HTMLElement>('[role=tab][data-tab=determination]')?.focus();
}

const reference = new ReferencePanel(byId('reference'));
/** Opens the Reference panel, at a section (a diagnostic's code) when given. */
function openReference(at?: string): void {
  tabs.select('reference', false);
  void reference.open(at);
}

function onTab(name: string): void {
  runs.showCoverage();
  if (name === 'compiled') editors?.setCompiled(compiledJson);
  if (name === 'diagram') void runs.diagram();
  if (name === 'impact') void runs.impact();
  if (name === 'reference') void reference.open();
  if (name === 'analysis') startAnalysis();
}

// Case view: JSON or the form generated from the workspace's case fields

for (const [id, view] of [['case-json-view', 'json'], ['case-form-view', 'form']] as const) {
  byId(id).addEventListener('click', () => {
    cases.setView(view, byId('case-editor'));
    byId('case-json-view').setAttribute('aria-pressed', String(view === 'json'));
    byId('case-form-view').setAttribute('aria-pressed', String(view === 'form'));
  });
}

byId('format-button').addEventListener('click', () => void editors?.pane.format());
splitter(byId('splitter'), byId('layout'), {
  orientation: 'vertical', initial: 58, min: 20, max: 80, key: 'editor',
  apply: (share) => void (byId('layout').style.gridTemplateColumns = `minmax(0, ${share}fr) auto minmax(0, ${100 - share}fr)`),
});
splitter(byId('case-splitter'), byId('side-pane'), {
  orientation: 'horizontal', initial: 30, min: 10, max: 75, key: 'case',
  apply: (share) => byId('side-pane').style.setProperty('--case-share', `${share}%`),
});

const actions = new WorkActions({ client, notices, workspace, keeper, say, flushEdit, sendWorkspace,
  state: () => ({ open: openName, caseText: cases.text, caseFile: cases.file }),
  restore: (open, text, file) => {
    openName = open;
    cases.setText(text, file);
    cases.fillSelect();
  },
  seedCase: () => caseText(seedCase),
  seed: { caseFile: seedCaseFile, guidelineFile: seedGuidelineFile },
  casesReady: () => loadCases(),
  keepVersions: () => keepVersions(),
});

// Start: the stored work (or a link), the first decision, then the editors.

/** The test case the stored work had open: known for what it is once the bundled cases are in. */
let storedCaseFile: string | undefined;
let casesLoaded: Promise<void> | undefined;
/**
 * Brings in the bundled test cases (once): after the editors are up, or sooner when something needs
 * them (the case picker, the tests, the impact, the download). Until then the picker has the seed.
 */
function loadCases(): Promise<void> {
  return (casesLoaded ??= bundledCases().then((all) => {
    workspace.addBundledCases(all);
    if (storedCaseFile && cases.file !== storedCaseFile) cases.setText(cases.text, storedCaseFile);
    cases.fillSelect();
    runs.show();
    byId('case-select').setAttribute('data-cases', 'loaded');
  }));
}
for (const id of ['case-select', 'case-filter']) byId(id).addEventListener('focus', () => void loadCases());

async function start(): Promise<void> {
  const stored = keeper.load().work;
  workspace.restore({ drafts: [...(stored?.drafts ?? [])].map(([file, text]) => ({ file, text })), cases: stored?.cases ?? [] });
  if (stored && workspace.has(stored.file)) openName = stored.file;
  cases.setText(stored?.caseText || caseText(seedCase), stored?.caseText ? stored.caseFile : seedCaseFile);
  storedCaseFile = stored?.caseText ? stored.caseFile : undefined;
  sendWorkspace(true);
  await actions.openLinkIn(location.hash);
}
void start();

window.addEventListener('hashchange', () => void actions.openLinkIn(location.hash));

/**
 * Loads the editors once the first decision (or why there is none) is shown: monaco's load and start
 * are long tasks, so they never come before it. The module's evaluation and the editors' creation are
 * separate tasks, and once the editors are up the analysis worker starts when the page is idle.
 */
function loadEditors(): Promise<Editors> {
  return new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (performance.getEntriesByName('first-decision').length || byId('determination').querySelector('[data-testid=notice]') || notices.code('worker')) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  }).then(() => import('./editors.ts')).then((m) => new Promise<typeof m>((resolve) => setTimeout(() => resolve(m)))).then(({ createEditors }) => {
    const e = createEditors({ editor: byId('editor'), problems: byId('problems'), caseEditor: byId('case-editor'), caseNext: () => byId('case-splitter').nextElementSibling as HTMLElement, compiled: byId('compiled') }, client, say, openReference);
    editors = e;
    cases.attach(e.caseView);
    sentText = workspace.text(openName);
    e.pane.open(openName, sentText);
    e.pane.editor.onDidChangeModelContent(() => {
      if (e.pane.file !== openName) return;
      guidelinesChanged();
      scheduleAnalyze();
      keeper.changed();
      // A version of the file once it has been left alone a few seconds.
      clearTimeout(versionTimer);
      const file = openName;
      versionTimer = setTimeout(() => keepVersions([file]), autoVersionAfterMs);
    });
    scheduleAnalyze(0);
    performance.mark('editor-ready');
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => startAnalysis(), { timeout: 5000 });
    else setTimeout(startAnalysis, 1000);
    return e;
  });
}
void loadEditors().catch((e: unknown) => notices.set('worker', { code: 'editor-failed', level: 'error', text: `The editor could not load: ${String(e)}` }))
  .finally(() => void loadCases().catch((e: unknown) => say(`The bundled test cases could not load: ${String(e)}`)));

installPageHandle({ editors: () => editors, workspace, cases, openName: () => openName });
