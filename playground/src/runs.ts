// What the page asks the language worker to run and shows: the current case's determination (announced,
// its criterion highlighted in the editor), Run all tests and the coverage the editor marks, an edit's
// impact, and the Picture tab's drawing.
import type { CasePanel } from './case-panel.ts';
import { el } from './dom.ts';
import type { Editors } from './editors.ts';
import { compareExpectation } from './expect.ts';
import { coverageOfCase } from './coverage.ts';
import { renderImpact } from './impact-panel.ts';
import type { Picture } from './diagram.ts';
import type { ConditionCoverage, DiagramData, RunResult, SourceSpan } from './protocol.ts';
import { decisionText, renderDetermination, renderNotice } from './results.ts';
import type { Tabs } from './tabs.ts';
import type { TestCaseEditor } from './test-case-editor.ts';
import type { TestsPanel } from './tests-panel.ts';
import type { LanguageClient } from './worker-client.ts';
import type { PageWorkspace } from './workspace.ts';

/** What the runs need of the page: its parts, the open file and the editors (once loaded). */
export interface RunsHost {
  readonly client: LanguageClient;
  readonly workspace: PageWorkspace;
  readonly cases: CasePanel;
  readonly tabs: Tabs;
  readonly tests: TestsPanel;
  readonly testCase: TestCaseEditor;
  readonly targets: { determination: HTMLElement; announce: HTMLElement; impact: HTMLElement; diagram: HTMLElement };
  editors(): Editors | undefined;
  openName(): string;
  openFile(file: string, at?: SourceSpan): void;
  flushEdit(): void;
  loadCases(): Promise<void>;
  openCase(file: string): void;
}

export class Runs {
  /** The last determination of the current case. */
  lastRun: Extract<RunResult, { kind: 'determination' }> | undefined;
  /** True while the case was just picked: its determination opens the guideline that governs it. */
  picked = false;
  private highlighted: string | undefined;
  private runs = 0;
  private announced = '';
  private runTimer: ReturnType<typeof setTimeout> | undefined;
  private testRuns = 0;
  /** How the test cases exercised each condition (after Run all tests). */
  private suiteCoverage: ConditionCoverage[] = [];
  /** How the current case exercised the conditions its determination traces (after each Run). */
  private caseCoverage: ConditionCoverage[] = [];
  private impacts = 0;
  private diagrams = 0;
  /** The data of the last picture asked for, and the revision of the rule set it is of. */
  private diagramData: { file: string; revision: number; data: DiagramData } | undefined;
  private picture: Picture | undefined;
  /** The file whose picture (or what the tab says instead of one) is in the Picture tab. */
  private pictured: string | undefined;

  constructor(private readonly h: RunsHost) {}

  /** Counts the changes a determination depends on (the case, a guideline): one shown is current only when its run began after the last. */
  private changes = 0;
  /** The changes counted when the determination shown was decided (-1: none yet). */
  private decided = -1;

  /** Whether the determination shown is of the case and guidelines as they are now. */
  get current(): boolean {
    return this.decided === this.changes;
  }

  /**
   * The case or a guideline changed: the determination shown is of the text before, and is marked out
   * of date (busy) until a run begun after the change has answered.
   */
  changed(): void {
    this.changes++;
    this.h.targets.determination.setAttribute('aria-busy', 'true');
  }

  schedule(delay = 200): void {
    this.changed();
    clearTimeout(this.runTimer);
    this.runTimer = setTimeout(() => void this.run(), delay);
  }

  async run(): Promise<void> {
    const { h } = this;
    const determination = h.targets.determination;
    const ticket = ++this.runs;
    const changes = this.changes;
    h.flushEdit();
    const r: RunResult = await h.client.request({ kind: 'run', caseText: h.cases.text }).catch((e: unknown) => ({ kind: 'failed', error: String(e) }) as const);
    if (ticket !== this.runs) return;
    this.lastRun = r.kind === 'determination' ? r : undefined;
    if (r.kind === 'no-rules') {
      const files = r.otherErrors.map((o) => {
        const b = el('button', { type: 'button', class: 'link' }, `${o.file.split('/').pop()} (${o.errors} error${o.errors === 1 ? '' : 's'})`);
        b.addEventListener('click', () => h.openFile(o.file));
        return b;
      });
      renderNotice(determination, 'The workspace has errors', [files.length ? el('span', {}, 'Fix the errors in ', files.flatMap((b, i) => (i ? [', ', b] : [b])), ' to run the case.') : 'Fix the problems listed under the editor to run the case.']);
    } else if (r.kind === 'invalid-case') renderNotice(determination, 'The case is not valid', [...r.check.problems.map((p) => `${p.field || 'case'}: ${p.message}`), ...(r.check.total > r.check.problems.length ? [`${r.check.total - r.check.problems.length} more not shown`] : [])]);
    else if (r.kind === 'failed') renderNotice(determination, 'Evaluation failed', [r.error]);
    this.show();
    if (changes === this.changes) {
      this.decided = changes;
      determination.removeAttribute('aria-busy');
    }
    // The picture is coloured by the last determination: redrawn when it is in view.
    if (h.tabs.selected === 'diagram') void this.diagram();
    if (r.kind !== 'determination') return void h.testCase.render(h.cases.testCase, undefined, undefined);
    if (!performance.getEntriesByName('first-decision').length) performance.mark('first-decision');
    this.caseCoverage = coverageOfCase(r.determination);
    this.showCoverage();
    const text = `Decision: ${decisionText[r.determination.decision]}`;
    if (`${h.cases.file}|${text}` !== this.announced) h.targets.announce.textContent = text;
    this.announced = `${h.cases.file}|${text}`;
    if (this.picked && r.guidelineFile && r.guidelineFile !== h.openName()) h.openFile(r.guidelineFile);
    this.picked = false;
    if (this.highlighted && r.sources[this.highlighted]) this.showCriterion(this.highlighted);
    else this.clearHighlight();
  }

  /** Renders the last determination, compared with the open test case's expectation. */
  show(): void {
    const { h } = this;
    const r = this.lastRun;
    const t = h.cases.testCase;
    if (!r) return;
    renderDetermination(h.targets.determination, r.determination, {
      hidden: r.hidden,
      sources: r.sources,
      ...(r.guidelineFile ? { guidelineFile: r.guidelineFile } : {}),
      words: (f) => r.words[f],
      ...(t?.expect ? { differences: compareExpectation(t.expect, r.determination) } : {}),
      onSource: (at) => h.openFile(at.file, at),
      onCriterion: (id) => this.showCriterion(id),
    });
    h.testCase.render(t, r.determination, r.guidelineFile);
  }

  showCriterion(id: string): void {
    const at = this.lastRun?.sources[id];
    if (!at) return;
    this.highlighted = id;
    this.h.openFile(at.file);
    this.h.editors()?.pane.highlightLines(at.line, at.endLine);
    for (const li of this.h.targets.determination.querySelectorAll('[data-criterion]')) li.classList.toggle('criterion-shown', li.getAttribute('data-criterion') === id);
  }

  clearHighlight(): void {
    this.highlighted = undefined;
    this.h.editors()?.pane.clearHighlight();
  }

  /** Marks the editor with the test suite's coverage while the Tests tab is open and has run, the current case's otherwise. */
  showCoverage(): void {
    const suite = this.h.tabs.selected === 'tests' && this.suiteCoverage.length > 0;
    this.h.editors()?.pane.setCoverage(suite ? this.suiteCoverage : this.caseCoverage, suite ? 'suite' : 'case');
  }

  async runAll(): Promise<void> {
    const { h } = this;
    const ticket = ++this.testRuns;
    h.tests.running();
    await h.loadCases();
    h.flushEdit();
    const outcomes = await h.client.request({ kind: 'run-tests', tests: h.workspace.testCases() }).catch((e: unknown) => String(e));
    if (ticket !== this.testRuns) return;
    if (typeof outcomes === 'string') h.tests.failed(`The tests could not run: ${outcomes}`);
    else if (!outcomes) h.tests.failed('The workspace has errors: fix them to run the tests.');
    else {
      h.tests.setOutcomes(outcomes.outcomes);
      this.suiteCoverage = outcomes.coverage;
      this.showCoverage();
    }
  }

  async impact(): Promise<void> {
    const { h } = this;
    const ticket = ++this.impacts;
    h.flushEdit();
    const target = h.targets.impact;
    target.setAttribute('aria-busy', 'true');
    await h.loadCases();
    const result = await h.client.request({ kind: 'impact', tests: h.workspace.testCases() }).catch(() => undefined);
    if (ticket !== this.impacts || !result) return;
    target.removeAttribute('aria-busy');
    renderImpact(target, result, (file) => h.openCase(file));
  }

  /**
   * The open file changed: a picture of another file stays in view until the open one's is drawn, marked
   * busy and inert (its boxes would open the file it is of); back at the file pictured, it is live again.
   */
  fileOpened(): void {
    const target = this.h.targets.diagram;
    const other = this.pictured !== undefined && this.pictured !== this.h.openName();
    target.toggleAttribute('inert', other);
    if (other) target.setAttribute('aria-busy', 'true');
  }

  /** What the Picture tab shows is of `file` now (its picture, or why there is none). */
  private pictureOf(file: string): void {
    this.pictured = file;
    this.h.targets.diagram.removeAttribute('inert');
    this.h.targets.diagram.removeAttribute('aria-busy');
  }

  async diagram(): Promise<void> {
    const { h } = this;
    const ticket = ++this.diagrams;
    const target = h.targets.diagram;
    const open = h.openName();
    // Busy from the moment it is asked for (the picture in view may be of another rule set until then), until the newest is drawn.
    this.fileOpened();
    target.setAttribute('aria-busy', 'true');
    h.flushEdit();
    // A newer picture was asked for, or another file opened, meanwhile: this one is not drawn.
    const stale = (): boolean => ticket !== this.diagrams || open !== h.openName();
    // The worker sends the picture's data only when the rule set changed since the picture the page has of the file.
    const had = this.diagramData?.file === open ? this.diagramData : undefined;
    let failed: string | undefined;
    const answer = await h.client.request({ kind: 'diagram', file: open, ...(had ? { drawn: had.revision } : {}) }).catch((e: unknown) => void (failed = String(e)));
    const data = answer?.data ?? had?.data;
    if (stale()) return;
    if (!answer || !data) {
      // The worker failed, or sent no picture: said in the tab, which no longer shows (inert) another file's picture.
      renderNotice(target, 'The picture could not be made', [failed ?? 'The language worker sent no picture of this file.']);
      this.diagramData = undefined;
      return this.pictureOf(open);
    }
    this.diagramData = { file: open, revision: answer.revision, data };
    // The picture and its layout engine load when it is first drawn: the first decision never waits for them.
    const { Picture } = await import('./diagram.ts');
    this.picture ??= new Picture(target, (at) => h.openFile(at.file, at));
    const run = this.lastRun?.guidelineFile === open ? this.lastRun : undefined;
    const statuses = new Map(run ? run.determination.criteria.map((c) => [c.id, c.status] as const) : []);
    const drawn = await this.picture.draw(data, statuses, run?.determination.decision, stale).catch((e: unknown) => {
      // The layout engine's worker failed (it stopped, or a graph it could not lay out): said in the tab, not thrown.
      if (stale()) return false;
      renderNotice(target, 'The picture could not be laid out', [String(e)]);
      return true;
    });
    if (drawn) this.pictureOf(open);
  }
}
