// The determination as a reviewer reads it: decision, governing guideline and citation, rationale,
// then every criterion with its status, rationale and the trace of its conditions with the values.
import type { CriterionResult, Determination, TraceEntry } from '@guideline/runtime';
import { el, show } from './dom.ts';

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

function traceTable(trace: TraceEntry[]): HTMLElement {
  const rows = trace.map((t) =>
    el('tr', { class: `result-${String(t.result)}` },
      el('td', {}, el('code', {}, t.condition)),
      el('td', {}, t.fact),
      el('td', {}, value(t.value)),
      el('td', {}, `${t.operator} ${value(t.expected)}`),
      el('td', {}, t.result === null ? 'unknown' : t.result ? 'true' : 'false'),
      el('td', {}, t.line ? `line ${t.line}` : ''),
    ),
  );
  return el('table', { class: 'trace' },
    el('thead', {}, el('tr', {}, el('th', {}, 'condition'), el('th', {}, 'fact'), el('th', {}, 'value'), el('th', {}, 'test'), el('th', {}, 'result'), el('th', {}, ''))),
    el('tbody', {}, ...rows),
  );
}

export interface RenderOptions {
  /** Called when the reviewer clicks a criterion: highlight its source. */
  onCriterion: (c: CriterionResult, guidelineId: string | undefined) => void;
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
  const criteria = d.criteria.map((c) => {
    const title = el('button', { type: 'button', class: 'criterion-title', title: `Show ${c.id} in the editor (line ${c.source.line})` },
      el('span', { class: `status status-${c.status}` }, statusText[c.status]), ' ', c.title, ' ', el('code', {}, c.id));
    title.addEventListener('click', () => opts.onCriterion(c, d.guideline?.id));
    return el('li', { class: `criterion criterion-${c.status}`, 'data-criterion': c.id, 'data-status': c.status },
      title,
      el('p', { class: 'criterion-rationale' }, c.rationale),
      c.trace.length ? el('details', {}, el('summary', {}, `Trace (${c.trace.length} condition${c.trace.length === 1 ? '' : 's'})`), traceTable(c.trace)) : null,
    );
  });
  show(target,
    head,
    guideline,
    el('p', { class: 'rationale' }, el('strong', {}, 'Rationale: '), d.rationale),
    d.missing.length ? el('p', { class: 'missing' }, el('strong', {}, 'Missing: '), d.missing.join(', ')) : null,
    criteria.length ? el('h3', {}, 'Criteria') : null,
    criteria.length ? el('ol', { class: 'criteria' }, ...criteria) : null,
  );
}

/** A message in the determination panel (an invalid case, a guideline with errors). */
export function renderNotice(target: HTMLElement, title: string, lines: string[]): void {
  show(target, el('div', { class: 'notice' }, el('strong', {}, title), ...lines.map((l) => el('p', {}, l))));
}
