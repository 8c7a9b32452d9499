// The playground page: one workspace of guideline files and test cases, mirrored in the language worker
// (which compiles them as one program, runs the case, the tests and an edit's impact), the case panel,
// the determination and the other result tabs, and the work kept in storage and share links. The
// editors (monaco) load after the first decision is shown: nothing here waits for them.
import './style.css';
import { bundledCases, bundledGuidelines, seedCaseFile, seedGuidelineFile } from './bundled.ts';
import { CasePanel, caseText } from './case-panel.ts';
import { byId, el } from './dom.ts';
import type { Editors } from './editors.ts';
import { compareExpectation } from './expect.ts';
import { renderDiagram } from './diagram.ts';
import { FilePicker, folderOf } from './file-picker.ts';
import { renderImpact } from './impact-panel.ts';
import { Keeper } from './keeping.ts';
import { workerStopped } from './messages.ts';
import { Notices } from './notices.ts';
import type { CaseCheck, ConditionCoverage, FormSchema, RunResult, SourceSpan } from './protocol.ts';
import { coverageOfCase } from './coverage.ts';
import { ReferencePanel } from './reference.ts';
import { decisionText, place, renderDetermination, renderNotice } from './results.ts';
import { WorkStore, type Work } from './storage.ts';
import { Tabs } from './tabs.ts';
import { TestCaseEditor } from './test-case-editor.ts';
import { TestsPanel } from './tests-panel.ts';
import { splitter } from './splitter.ts';
import { WorkActions } from './work-actions.ts';
import { LanguageClient } from './worker-client.ts';
import { PageWorkspace } from './workspace.ts';
import { AnalysisPanel } from './analysis-panel.ts';
import { Versions } from './versions.ts';
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
const workspace = new PageWorkspace(bundledGuidelines, bundledCases);
const status = byId('status');
const say = (text: string): void => void (status.textContent = text);

/** Each guideline file's title (from its `title` line), searched in the file picker; by folder, the case picker's groups. */
const fileTitles = new Map(bundledGuidelines.map((g) => [g.file, /^\s*title\s+"([^"]+)"/m.exec(g.text)?.[1]]));
const titles = new Map([...fileTitles].map(([file, title]) => [folderOf(file), title]));

let openName = seedGuidelineFile;
let editors: Editors | undefined;
/** The open file's text as the worker last had it. */
let sentText: string | undefined;
let lastRun: Extract<RunResult, { kind: 'determination' }> | undefined;
let highlighted: string | undefined;
let picked = false;
let schema: Promise<FormSchema> | undefined;

const filePicker = new FilePicker(byId<HTMLSelectElement>('file-select'), byId<HTMLInputElement>('file-filter'), workspace, (file) => fileTitles.get(file), (file) => {
  openFile(file);
  keeper.changed();
});
const tabs = new Tabs(byId('tab-determination').parentElement!.querySelector('[role=tablist]')!, (name) => onTab(name));
const tests = new TestsPanel(byId('tests'), (file) => workspace.testCase(file), (file) => openCase(file));
const testCase = new TestCaseEditor(byId('test-case'), {
  save: (t, created) => {
    workspace.setTestCase(t);
    keeper.changed();
    if (created) cases.setText(caseText(t), t.file);
    cases.fillSelect();
    showRun();
    if (tests.ran) void runAll();
    if (created) say(`Saved the test case ${t.file}`);
  },
  caseValue: () => JSON.parse(cases.text) as unknown,
  exists: (file) => workspace.testCase(file) !== undefined,
});
const cases = new CasePanel(workspace, byId<HTMLSelectElement>('case-select'), byId<HTMLInputElement>('case-filter'), byId('case-issues'), byId('case-form'), {
  onChange: (wasPicked) => {
    picked = wasPicked;
    if (wasPicked) clearHighlight();
    keeper.changed();
    scheduleRun(wasPicked ? 0 : 200);
  },
  check: (text): Promise<CaseCheck> => client.request({ kind: 'check-case', text }),
  schema: () => (schema ??= client.request({ kind: 'fields' })),
}, (folder) => titles.get(folder));

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
  if (file !== openName) clearHighlight();
  openName = file;
  fillFiles();
  if (editors && editors.pane.file !== file) {
    sentText = workspace.text(file);
    editors.pane.open(file, sentText);
    showCoverage();
    scheduleAnalyze(0);
    findings.fileOpened();
  }
  if (at && editors) {
    if (at.endLine > at.line) editors.pane.highlightLines(at.line, at.endLine);
    else editors.pane.reveal(at.line);
  }
}


/** Sends the whole workspace to the worker (at the start, and after a link, Reset or Undo). */
function sendWorkspace(first = false): void {
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
  analyzeTimer = setTimeout(() => analyze().catch((e: unknown) => say(`The language worker failed: ${String(e)}`)), delay);
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
  scheduleRun(0);
  if (tests.ran) void runAll();
  if (tabs.selected === 'impact') void impact();
  if (tabs.selected === 'diagram') void diagram();
  findings.schedule();
}
let compiledJson = '';

/** Loads a case into the case editor (an example of a finding) and decides it. */
function showCase(text: string): Promise<void> {
  cases.setText(text, '');
  keeper.changed();
  tabs.select('determination');
  return run();
}

const findings = new AnalysisPanel(byId('analysis'), () => analysisClient, new Versions(new Set(workspace.files())), {
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

let runTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleRun(delay = 200): void {
  clearTimeout(runTimer);
  runTimer = setTimeout(() => void run(), delay);
}

const determination = byId('determination');
const announce = byId('announce');
let runs = 0;
let announced = '';

async function run(): Promise<void> {
  const ticket = ++runs;
  flushEdit();
  const r: RunResult = await client.request({ kind: 'run', caseText: cases.text }).catch((e: unknown) => ({ kind: 'failed', error: String(e) }) as const);
  if (ticket !== runs) return;
  lastRun = r.kind === 'determination' ? r : undefined;
  if (r.kind === 'no-rules') {
    const files = r.otherErrors.map((o) => {
      const b = el('button', { type: 'button', class: 'link' }, `${o.file.split('/').pop()} (${o.errors} error${o.errors === 1 ? '' : 's'})`);
      b.addEventListener('click', () => openFile(o.file));
      return b;
    });
    renderNotice(determination, 'The workspace has errors', [files.length ? el('span', {}, 'Fix the errors in ', files.flatMap((b, i) => (i ? [', ', b] : [b])), ' to run the case.') : 'Fix the problems listed under the editor to run the case.']);
  } else if (r.kind === 'invalid-case') renderNotice(determination, 'The case is not valid', [...r.check.problems.map((p) => `${p.field || 'case'}: ${p.message}`), ...(r.check.total > r.check.problems.length ? [`${r.check.total - r.check.problems.length} more not shown`] : [])]);
  else if (r.kind === 'failed') renderNotice(determination, 'Evaluation failed', [r.error]);
  showRun();
  if (r.kind !== 'determination') return void testCase.render(cases.testCase, undefined, undefined);
  if (!performance.getEntriesByName('first-decision').length) performance.mark('first-decision');
  caseCoverage = coverageOfCase(r.determination);
  showCoverage();
  const text = `Decision: ${decisionText[r.determination.decision]}`;
  if (`${cases.file}|${text}` !== announced) announce.textContent = text;
  announced = `${cases.file}|${text}`;
  if (picked && r.guidelineFile && r.guidelineFile !== openName) openFile(r.guidelineFile);
  picked = false;
  if (highlighted && r.sources[highlighted]) showCriterion(highlighted);
  else clearHighlight();
}

/** Renders the last determination, compared with the open test case's expectation. */
function showRun(): void {
  const r = lastRun;
  const t = cases.testCase;
  if (!r) return;
  renderDetermination(determination, r.determination, {
    hidden: r.hidden,
    sources: r.sources,
    ...(r.guidelineFile ? { guidelineFile: r.guidelineFile } : {}),
    words: (f) => r.words[f],
    ...(t?.expect ? { differences: compareExpectation(t.expect, r.determination) } : {}),
    onSource: (at) => openFile(at.file, at),
    onCriterion: showCriterion,
  });
  testCase.render(t, r.determination, r.guidelineFile);
}

function showCriterion(id: string): void {
  const at = lastRun?.sources[id];
  if (!at) return;
  highlighted = id;
  openFile(at.file);
  editors?.pane.highlightLines(at.line, at.endLine);
  for (const li of determination.querySelectorAll('[data-criterion]')) li.classList.toggle('criterion-shown', li.getAttribute('data-criterion') === id);
}

function clearHighlight(): void {
  highlighted = undefined;
  editors?.pane.clearHighlight();
}

byId('run-button').addEventListener('click', () => {
  tabs.select('determination');
  void run();
});

byId('run-all-button').addEventListener('click', () => {
  tabs.select('tests');
  void runAll();
});

let testRuns = 0;
/** How the test cases exercised each condition (after Run all tests). */
let suiteCoverage: ConditionCoverage[] = [];
/** How the current case exercised the conditions its determination traces (after each Run). */
let caseCoverage: ConditionCoverage[] = [];
/** Marks the editor with the test suite's coverage while the Tests tab is open and has run, the current case's otherwise. */
function showCoverage(): void {
  const suite = tabs.selected === 'tests' && suiteCoverage.length > 0;
  editors?.pane.setCoverage(suite ? suiteCoverage : caseCoverage, suite ? 'suite' : 'case');
}
async function runAll(): Promise<void> {
  const ticket = ++testRuns;
  flushEdit();
  tests.running();
  const outcomes = await client.request({ kind: 'run-tests', tests: workspace.testCases() }).catch((e: unknown) => String(e));
  if (ticket !== testRuns) return;
  if (typeof outcomes === 'string') tests.failed(`The tests could not run: ${outcomes}`);
  else if (!outcomes) tests.failed('The workspace has errors: fix them to run the tests.');
  else {
    tests.setOutcomes(outcomes.outcomes);
    suiteCoverage = outcomes.coverage;
    showCoverage();
  }
}

let impacts = 0;
async function impact(): Promise<void> {
  const ticket = ++impacts;
  flushEdit();
  const target = byId('impact');
  target.setAttribute('aria-busy', 'true');
  const result = await client.request({ kind: 'impact', tests: workspace.testCases() }).catch(() => undefined);
  if (ticket !== impacts || !result) return;
  target.removeAttribute('aria-busy');
  renderImpact(target, result, openCase);
}

/** Opens a test case (from the tests or the impact), with its expectation. */
function openCase(file: string): void {
  cases.load(file);
  tabs.select('determination');
}

const reference = new ReferencePanel(byId('reference'));
/** Opens the Reference panel, at a section (a diagnostic's code) when given. */
function openReference(at?: string): void {
  tabs.select('reference', false);
  void reference.open(at);
}

let diagrams = 0;
async function diagram(): Promise<void> {
  const ticket = ++diagrams;
  flushEdit();
  const data = await client.request({ kind: 'diagram', file: openName }).catch(() => undefined);
  if (ticket !== diagrams || !data) return;
  const statuses = new Map(lastRun?.guidelineFile === openName ? lastRun.determination.criteria.map((c) => [c.id, c.status] as const) : []);
  renderDiagram(byId('diagram'), data, statuses, (at) => openFile(at.file, at));
}

function onTab(name: string): void {
  showCoverage();
  if (name === 'compiled') editors?.setCompiled(compiledJson);
  if (name === 'diagram') void diagram();
  if (name === 'impact') void impact();
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
splitter(byId('splitter'), byId('layout'));

const actions = new WorkActions({ client, notices, workspace, keeper, say, flushEdit, sendWorkspace,
  state: () => ({ open: openName, caseText: cases.text, caseFile: cases.file }),
  restore: (open, text, file) => {
    openName = open;
    cases.setText(text, file);
    cases.fillSelect();
  },
  seedCase: () => caseText(bundledCases.find((c) => c.file === seedCaseFile)),
});

// Start: the stored work (or a link), the first decision, then the editors.

async function start(): Promise<void> {
  const stored = keeper.load().work;
  workspace.restore({ drafts: [...(stored?.drafts ?? [])].map(([file, text]) => ({ file, text })), cases: stored?.cases ?? [] });
  if (stored && workspace.has(stored.file)) openName = stored.file;
  cases.setText(stored?.caseText || caseText(bundledCases.find((c) => c.file === seedCaseFile)), stored?.caseText ? stored.caseFile : seedCaseFile);
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
      if (performance.getEntriesByName('first-decision').length || determination.querySelector('[data-testid=notice]') || notices.code('worker')) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  }).then(() => import('./editors.ts')).then((m) => new Promise<typeof m>((resolve) => setTimeout(() => resolve(m)))).then(({ createEditors }) => {
    const e = createEditors({ editor: byId('editor'), problems: byId('problems'), caseEditor: byId('case-editor'), caseNext: () => byId('case-issues').nextElementSibling as HTMLElement, compiled: byId('compiled') }, client, say, openReference);
    editors = e;
    cases.attach(e.caseView);
    sentText = workspace.text(openName);
    e.pane.open(openName, sentText);
    e.pane.editor.onDidChangeModelContent(() => {
      if (e.pane.file !== openName) return;
      scheduleAnalyze();
      keeper.changed();
    });
    scheduleAnalyze(0);
    performance.mark('editor-ready');
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => startAnalysis(), { timeout: 5000 });
    else setTimeout(startAnalysis, 1000);
    return e;
  });
}
void loadEditors().catch((e: unknown) => notices.set('worker', { code: 'editor-failed', level: 'error', text: `The editor could not load: ${String(e)}` }));

/** A handle for end-to-end tests and the browser console: the texts, without reaching into monaco. */
(window as unknown as { guidelinePlayground: object }).guidelinePlayground = {
  text: (): string => editors?.pane.text ?? workspace.text(openName),
  setText: (t: string): void => editors?.pane.editor.setValue(t),
  caseText: (): string => cases.text,
  setCaseText: (t: string): void => (editors ? editors.caseView.setValue(t) : cases.setText(t, '')),
  file: (): string => openName,
  edited: (): string[] => workspace.edits().map((s) => s.file).sort(),
  focusEditor: (): void => editors?.pane.editor.focus(),
  /** The codes of the static analysis' findings marked in the open file. */
  findingCodes: (): string[] => editors?.pane.findingCodes() ?? [],
  /** The line of the text under the cursor. */
  cursorLine: (): string => editors?.pane.editor.getModel()?.getLineContent(editors.pane.editor.getPosition()?.lineNumber ?? 1) ?? '',
  /** Puts the cursor at the first occurrence of a text (plus an offset into it) and scrolls to it. */
  cursorAt: (needle: string, into = 0): boolean => {
    const editor = editors?.pane.editor;
    const model = editor?.getModel();
    const at = editors?.pane.text.indexOf(needle) ?? -1;
    if (!editor || !model || at < 0) return false;
    const pos = model.getPositionAt(at + into);
    editor.setPosition(pos);
    editor.revealPositionInCenter(pos);
    editor.focus();
    return true;
  },
  place,
};
