// "Run all tests": every bundled test case against the current rule set (run in the worker), pass/fail with diffs.
import type { BundledCase } from './bundled.ts';
import { el, show } from './dom.ts';
import type { TestOutcome } from './protocol.ts';

const show1 = (v: unknown): string => JSON.stringify(v);

export function renderTests(target: HTMLElement, outcomes: TestOutcome[], onOpen: (t: BundledCase) => void): void {
  const failed = outcomes.filter((o) => o.diffs.length || o.error);
  const items = outcomes.map((o) => {
    const ok = !o.diffs.length && !o.error;
    const open = el('button', { type: 'button', class: 'link', title: 'Open this case' }, o.test.name);
    open.addEventListener('click', () => onOpen(o.test));
    return el('li', { class: ok ? 'test-pass' : 'test-fail', 'data-test': o.test.name },
      el('span', { class: 'badge' }, ok ? 'PASS' : 'FAIL'), ' ', open, ' ', el('span', { class: 'muted' }, o.test.folder.replace(/^guidelines\//, '')),
      o.test.description ? el('div', { class: 'muted small' }, o.test.description) : null,
      o.error ? el('pre', { class: 'diff' }, o.error) : null,
      o.diffs.length ? el('pre', { class: 'diff' }, o.diffs.map((d) => [`${d.what}\n`, el('span', { class: 'del' }, `  - expected ${show1(d.expected)}\n`), el('span', { class: 'ins' }, `  + actual   ${show1(d.actual)}\n`)]).flat()) : null,
    );
  });
  show(target, el('p', { class: 'summary', 'data-testid': 'test-summary' }, `${outcomes.length - failed.length} passed, ${failed.length} failed`), el('ul', { class: 'test-list' }, items));
}
