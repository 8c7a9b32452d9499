// An edit's impact: the test cases whose decision or criterion statuses the edited files change,
// compared with the bundled texts (replayed in the worker), each a link to its case.
import { el, moreLine, show } from './dom.ts';
import type { Impact } from './protocol.ts';
import { decisionText } from './results.ts';
import type { Determination } from '@guideline/runtime';

const words = (d: string): string => decisionText[d as Determination['decision']] ?? d;

export function renderImpact(target: HTMLElement, impact: Impact, onOpen: (file: string) => void): void {
  if (!impact.edited.length) {
    show(target, el('p', { 'data-testid': 'impact-summary' }, 'No guideline is edited: every test case is decided as the bundled guidelines decide it.'));
    return;
  }
  const files = impact.edited.map((f) => f.split('/').pop()).join(', ');
  if (impact.broken) {
    show(target, el('p', { 'data-testid': 'impact-summary', 'data-state': 'broken' }, impact.broken === 'edited' ? `The edited guidelines (${files}) have errors: fix them to see what the edit changes.` : 'The bundled guidelines have errors: there is nothing to compare with.'));
    return;
  }
  const rows = impact.changes.map((c) => {
    const open = el('button', { type: 'button', class: 'link' }, c.file.split('/').pop()!.replace(/\.json$/, ''));
    open.addEventListener('click', () => onOpen(c.file));
    return el('li', { 'data-file': c.file },
      open, ' ', el('span', { class: 'muted' }, c.file.replace(/^guidelines\//, '').replace(/\/cases\/[^/]+$/, '')),
      c.before !== c.after ? el('div', {}, el('span', { class: 'del' }, words(c.before)), ' → ', el('span', { class: 'ins' }, words(c.after))) : null,
      c.criteria.length ? el('ul', { class: 'small' }, c.criteria.map((x) => el('li', {}, `${x.id}: `, el('span', { class: 'del' }, x.before), ' → ', el('span', { class: 'ins' }, x.after)))) : null);
  });
  show(target,
    el('p', { 'data-testid': 'impact-summary' }, `Your edits to ${files} change ${impact.changed} of ${impact.cases} test cases, compared with the bundled guidelines.`),
    rows.length ? el('ul', { class: 'impact-list' }, rows) : null,
    moreLine(impact.changed - rows.length, 'case'),
  );
}
