// The determination as a reviewer reads it: decision, governing guideline and citation, rationale,
// then every criterion with its status, rationale and the trace of its conditions with the values (a
// trace's table is built when it is opened). The worker has already left out what is past the limits.
import type { CriterionResult, Determination, TraceEntry } from '@guideline/runtime';
import { el, moreLine, show } from './dom.ts';
import { criteriaShown, traceShown } from './limits.ts';

const decisionText: Record<Determination['decision'], string> = {
  'medically-necessary': 'Medically necessary',
  'not-medically-necessary': 'Not medically necessary',
  'partially-medically-necessary': 'Partially medically necessary',
  'insufficient-information': 'Insufficient information',
  'no-applicable-guideline': 'No applicable guideline',
  'needs-clinical-review': 'Needs clinical review',
};

const statusText: Record<CriterionResult['status'], string> = { met: 'met', 'not-met': 'not met', 'not-applicable': 'not applicable', unknown: 'unknown', 'needs-review': 'needs clinical review' };

const value = (v: unknown): string => (v === null || v === undefined ? 'unknown' : typeof v === 'string' ? v : JSON.stringify(v));

function traceTable(trace: TraceEntry[], hidden: number): HTMLElement[] {
  const rows = trace.slice(0, traceShown).map((t) =>
    el('tr', { class: `result-${String(t.result)}` },
      el('td', {}, el('code', {}, t.condition)),
      el('td', {}, t.fact),
      el('td', {}, value(t.value)),
      el('td', {}, `${t.operator} ${value(t.expected)}`),
      el('td', {}, t.result === null ? 'unknown' : t.result ? 'true' : 'false'),
      el('td', {}, t.line ? `line ${t.line}` : ''),
    ),
  );
  const table = el('table', { class: 'trace' },
    el('thead', {}, el('tr', {}, el('th', {}, 'condition'), el('th', {}, 'fact'), el('th', {}, 'value'), el('th', {}, 'test'), el('th', {}, 'result'), el('th', {}, ''))),
    el('tbody', {}, rows),
  );
  const more = moreLine(hidden + Math.max(0, trace.length - traceShown), 'condition');
  return more ? [table, more] : [table];
}

/** A criterion's trace, its table built the first time it is opened. */
function traceDetails(c: CriterionResult, hidden: number): HTMLElement {
  const total = c.trace.length + hidden;
  const details = el('details', {}, el('summary', {}, `Trace (${total} condition${total === 1 ? '' : 's'})`));
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) for (const x of traceTable(c.trace, hidden)) details.append(x);
  });
  return details;
}

export interface RenderOptions {
  /** Called when the reviewer clicks a criterion: highlight its source. */
  onCriterion: (c: CriterionResult, guidelineId: string | undefined) => void;
  /** Criteria, and trace entries of each shown criterion, that the worker left out. */
  hidden?: { criteria: number; traces: number[] };
}

export function renderDetermination(target: HTMLElement, d: Determination, opts: RenderOptions): void {
  const head = el('div', { class: `decision decision-${d.decision}` },
    el('span', { class: 'decision-text' }, decisionText[d.decision]),
    el('code', { class: 'decision-code', 'data-testid': 'decision' }, d.decision),
    d.decision === 'partially-medically-necessary' ? el('span', {}, ` (${d.certifiedVisits} visits certified)`) : null,
  );
  const guideline = d.guideline
    ? el('p', { class: 'guideline' }, el('strong', {}, 'Guideline: '), d.guideline.title, el('br'), el('span', { class: 'citation' }, d.guideline.citation))
    : null;
  const shown = d.criteria.slice(0, criteriaShown);
  const hiddenCriteria = (opts.hidden?.criteria ?? 0) + d.criteria.length - shown.length;
  const criteria = shown.map((c, i) => {
    const title = el('button', { type: 'button', class: 'criterion-title', title: `Show ${c.id} in the editor (line ${c.source.line})` },
      el('span', { class: `status status-${c.status}` }, statusText[c.status]), ' ', c.title, ' ', el('code', {}, c.id));
    title.addEventListener('click', () => opts.onCriterion(c, d.guideline?.id));
    return el('li', { class: `criterion criterion-${c.status}`, 'data-criterion': c.id, 'data-status': c.status },
      title,
      el('p', { class: 'criterion-rationale' }, c.rationale),
      c.trace.length ? traceDetails(c, opts.hidden?.traces[i] ?? 0) : null,
    );
  });
  show(target,
    head,
    guideline,
    el('p', { class: 'rationale' }, el('strong', {}, 'Rationale: '), d.rationale),
    d.missing.length ? el('p', { class: 'missing' }, el('strong', {}, 'Missing: '), d.missing.join(', ')) : null,
    criteria.length ? el('h3', {}, 'Criteria') : null,
    criteria.length ? el('ol', { class: 'criteria' }, criteria) : null,
    moreLine(hiddenCriteria, 'criterion', 'criteria'),
  );
}

/** A message in the determination panel (an invalid case, a guideline with errors). */
export function renderNotice(target: HTMLElement, title: string, lines: string[]): void {
  show(target, el('div', { class: 'notice' }, el('strong', {}, title), lines.map((l) => el('p', {}, l))));
}
