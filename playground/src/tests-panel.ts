// "Run all tests": every test case of the workspace (bundled, edited, written here) against the
// workspace's rule set, in the worker. Failures first, with counts, a filter (failed, passed, all, and
// words), and each failure's differences; the results re-run as files change and say when they are
// being brought up to date. Opening a failure shows its case with its expectation and the difference.
import { count, el, show } from './dom.ts';
import type { TestOutcome } from './protocol.ts';
import type { TestCase } from './test-cases.ts';

type Filter = 'failed' | 'passed' | 'all';

const show1 = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export class TestsPanel {
  private outcomes: TestOutcome[] = [];
  private filter: Filter = 'all';
  private words = '';
  private readonly summary = el('p', { class: 'summary', role: 'status' });
  private readonly state = el('span', { class: 'muted small', 'data-testid': 'test-state' });
  private readonly buttons = new Map<Filter, HTMLButtonElement>();
  private readonly search = el('input', { type: 'search', placeholder: 'Filter by name, guideline or description', 'aria-label': 'Filter the test results' });
  private readonly list = el('ul', { class: 'test-list', 'aria-label': 'Test results' });
  /** Whether tests have run at least once: then they re-run as files change. */
  ran = false;

  constructor(
    private readonly target: HTMLElement,
    private readonly lookup: (file: string) => TestCase | undefined,
    private readonly onOpen: (file: string) => void,
  ) {
    const filters = el('span', { class: 'view-toggle', role: 'group', 'aria-label': 'Show' });
    for (const f of ['failed', 'passed', 'all'] as const) {
      const b = el('button', { type: 'button', 'data-filter': f, 'aria-pressed': String(f === this.filter) }, f);
      b.addEventListener('click', () => this.setFilter(f));
      this.buttons.set(f, b);
      filters.append(b);
    }
    this.search.addEventListener('input', () => {
      this.words = this.search.value.trim().toLowerCase();
      this.renderList();
    });
    const legend = el('p', { class: 'muted small coverage-legend' }, 'In the editor, each condition is marked by how the test cases found it: ',
      el('span', { class: 'coverage-key coverage-both' }), ' true and false, ', el('span', { class: 'coverage-key coverage-one' }), ' only one way, ', el('span', { class: 'coverage-key coverage-none' }), ' never decided.');
    show(target, el('div', { class: 'tests-head' }, this.summary, this.state), el('div', { class: 'tests-filter' }, filters, this.search), legend, this.list);
    this.summary.textContent = 'Run all tests to see every test case of the workspace against the rules.';
  }

  private setFilter(f: Filter): void {
    this.filter = f;
    for (const [k, b] of this.buttons) b.setAttribute('aria-pressed', String(k === f));
    this.renderList();
  }

  /** Says that the results are being brought up to date (a file changed). */
  running(): void {
    this.state.textContent = this.ran ? 'Re-running after your edit…' : 'Running…';
    this.target.setAttribute('aria-busy', 'true');
  }

  /** Says why there are no results (the workspace has errors, the worker failed). */
  failed(text: string): void {
    this.target.removeAttribute('aria-busy');
    this.state.textContent = '';
    this.outcomes = [];
    this.summary.textContent = text;
    this.summary.dataset['state'] = 'no-rules';
    this.summary.dataset['testid'] = 'test-summary';
    this.renderList();
  }

  setOutcomes(outcomes: TestOutcome[]): void {
    this.ran = true;
    this.target.removeAttribute('aria-busy');
    this.state.textContent = `as of ${new Date().toLocaleTimeString('en-GB')}`;
    this.outcomes = outcomes;
    const failed = outcomes.filter(isFailure).length;
    this.summary.textContent = `${outcomes.length - failed} passed, ${failed} failed`;
    delete this.summary.dataset['state'];
    this.summary.dataset['testid'] = 'test-summary';
    this.buttons.get('failed')!.textContent = `failed (${failed})`;
    this.buttons.get('passed')!.textContent = `passed (${outcomes.length - failed})`;
    this.buttons.get('all')!.textContent = `all (${outcomes.length})`;
    this.renderList();
  }

  /** The failing test files, in order. */
  failures(): string[] {
    return this.outcomes.filter(isFailure).map((o) => o.file);
  }

  private renderList(): void {
    const rows = [...this.outcomes.filter(isFailure), ...this.outcomes.filter((o) => !isFailure(o))]
      .filter((o) => this.filter === 'all' || (this.filter === 'failed') === isFailure(o))
      .map((o) => ({ o, t: this.lookup(o.file) }))
      .filter(({ o, t }) => !this.words || `${o.file} ${t?.description ?? ''}`.toLowerCase().includes(this.words));
    show(this.list, rows.map(({ o, t }) => this.row(o, t)));
    if (this.outcomes.length && !rows.length) this.list.append(el('li', { class: 'muted' }, `No ${this.filter === 'all' ? '' : `${this.filter} `}test matches.`));
  }

  private row(o: TestOutcome, t: TestCase | undefined): HTMLElement {
    const fail = isFailure(o);
    const name = o.file.split('/').pop()!.replace(/\.json$/, '');
    const open = el('button', { type: 'button', class: 'link', title: 'Open this case with its expectation' }, name);
    open.addEventListener('click', () => this.onOpen(o.file));
    return el('li', { class: fail ? 'test-fail' : 'test-pass', 'data-test': name, 'data-file': o.file },
      el('span', { class: 'badge' }, fail ? 'FAIL' : 'PASS'), ' ', open, ' ', el('span', { class: 'muted' }, o.file.replace(/^guidelines\//, '').replace(/\/cases\/[^/]+$/, '')),
      t?.description ? el('div', { class: 'muted small' }, t.description) : null,
      o.error ? el('pre', { class: 'diff' }, `The case is not valid: ${o.error}`) : null,
      o.diffs.length ? el('pre', { class: 'diff' }, o.diffs.map((d) => [`${d.what}\n`, el('span', { class: 'del' }, `  - expected ${show1(d.expected)}\n`), el('span', { class: 'ins' }, `  + actual   ${show1(d.actual)}\n`)]).flat()) : null,
    );
  }
}

const isFailure = (o: TestOutcome): boolean => o.diffs.length > 0 || o.error !== undefined;

/** "2 failed" for a tab's label. */
export const failedLabel = (n: number): string => (n ? ` (${count(n, 'failure')})` : '');
