// The determination as a reviewer reads it: the decision, the guideline that governed (its edition and
// citation), the rationale, what is missing or needs a physician, the policy's notes, then every
// criterion with its status, its text, its parts, and how it was decided in the guideline's words
// (each condition's `says`), every source place a link into the editor. A test case's expectation,
// when it differs, is shown first with the difference. The worker has already left out what is past
// the limits; the engine's own words (operators, case paths) stay out of the reviewer's text.
import type { CriterionResult, Determination, PartResult, TraceEntry } from '@guideline/runtime';
import { el, moreLine, show } from './dom.ts';
import type { Difference } from './expect.ts';
import { criteriaShown, traceShown } from './limits.ts';
import type { SourceSpan } from './protocol.ts';

export const decisionText: Record<Determination['decision'], string> = {
  'medically-necessary': 'Medically necessary',
  'not-medically-necessary': 'Not medically necessary',
  'partially-medically-necessary': 'Partially medically necessary',
  'insufficient-information': 'Insufficient information',
  'no-applicable-guideline': 'No applicable guideline',
  'needs-clinical-review': 'Needs clinical review',
};

export const statusText: Record<CriterionResult['status'], string> = { met: 'met', 'not-met': 'not met', 'not-applicable': 'not applicable', unknown: 'unknown', 'needs-review': 'needs clinical review' };

/** What a condition's result means to a reviewer, as a mark and its words. */
const resultMark = (r: boolean | null): [string, string] => (r === null ? ['?', 'not documented'] : r ? ['✓', 'holds'] : ['✗', 'does not hold']);

/** The file's own name and a line: `chronic-pain-physical-medicine.guideline:47`. */
export const place = (file: string, line: number): string => `${file.split('/').pop() ?? file}:${line}`;

export interface RenderOptions {
  /** Opens a file at a line in the editor (a source link). */
  onSource: (at: SourceSpan) => void;
  /** Highlights a criterion's source lines (its title clicked). */
  onCriterion: (id: string) => void;
  /** Criteria, and trace entries of each shown criterion, that the worker left out. */
  hidden?: { criteria: number; traces: number[] };
  sources?: Record<string, SourceSpan>;
  guidelineFile?: string;
  /** Words of the facts behind missing case fields, by field. */
  words?: (field: string) => string | undefined;
  /** The open test case's differences from its expectation (undefined: no expectation to compare). */
  differences?: Difference[];
}

function sourceLink(at: SourceSpan, onSource: RenderOptions['onSource'], label = place(at.file, at.line)): HTMLElement {
  const b = el('button', { type: 'button', class: 'link source-link', title: `Open ${at.file} at line ${at.line}`, 'data-source': `${at.file}:${at.line}` }, label);
  b.addEventListener('click', () => onSource(at));
  return b;
}

/** How a criterion was decided: each condition in the guideline's words, whether it holds, and its line. */
function howDecided(c: CriterionResult, hidden: number, onSource: RenderOptions['onSource']): HTMLElement {
  const total = c.trace.length + hidden;
  const details = el('details', { class: 'how' }, el('summary', {}, `How it was decided (${total} condition${total === 1 ? '' : 's'})`));
  details.addEventListener('toggle', () => {
    if (!details.open || details.childElementCount > 1) return;
    const items = c.trace.slice(0, traceShown).map((t: TraceEntry) => {
      const [mark, words] = resultMark(t.result);
      return el('li', { class: `says result-${String(t.result)}` },
        el('span', { class: 'mark', 'aria-label': words, title: words }, mark), ' ', t.says || t.condition, ' ',
        t.line ? sourceLink({ file: t.file, line: t.line, endLine: t.line }, onSource, `line ${t.line}`) : null);
    });
    details.append(el('ul', { class: 'trace' }, items));
    const more = moreLine(hidden + Math.max(0, c.trace.length - traceShown), 'condition');
    if (more) details.append(more);
  });
  return details;
}

function parts(ps: readonly PartResult[], met: string | undefined): HTMLElement {
  return el('ul', { class: 'parts', 'aria-label': 'Parts' }, ps.map((p) =>
    el('li', { class: `part criterion-${p.status}`, 'data-part': p.id, 'data-status': p.status },
      el('span', { class: `status status-${p.status}` }, statusText[p.status]), ' ', p.title, p.id === met ? el('span', { class: 'muted' }, ' (meets the criterion)') : null,
      p.rationale ? el('p', { class: 'criterion-rationale' }, p.rationale) : null)));
}

function criterion(c: CriterionResult, hidden: number, opts: RenderOptions): HTMLElement {
  const at = opts.sources?.[c.id] ?? { file: c.source.file, line: c.source.line, endLine: c.source.line };
  const title = el('button', { type: 'button', class: 'criterion-title', title: `Highlight this criterion in ${place(at.file, at.line)}` },
    el('span', { class: `status status-${c.status}` }, statusText[c.status]), ' ', c.title);
  title.addEventListener('click', () => opts.onCriterion(c.id));
  return el('li', { class: `criterion criterion-${c.status}`, 'data-criterion': c.id, 'data-status': c.status },
    el('div', { class: 'criterion-head' }, title, ' ', sourceLink(at, opts.onSource), c.policy ? el('span', { class: 'muted small' }, ` from the policy ${c.policy}`) : null),
    el('p', { class: 'criterion-rationale' }, c.rationale),
    c.parts?.length ? parts(c.parts, c.met) : null,
    c.trace.length ? howDecided(c, hidden, opts.onSource) : null,
  );
}

/** The expectation's differences, each field with what was expected and what the rules decide now. */
export function differencesBlock(diffs: readonly Difference[]): HTMLElement {
  const show1 = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  return el('div', { class: 'expectation expectation-failed', 'data-testid': 'expectation-diff' },
    el('strong', {}, `This test case expects otherwise (${diffs.length} difference${diffs.length === 1 ? '' : 's'})`),
    el('table', { class: 'diff-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'field'), el('th', { scope: 'col' }, 'expected'), el('th', { scope: 'col' }, 'decided now'))),
      el('tbody', {}, diffs.map((d) => el('tr', {}, el('th', { scope: 'row' }, d.what), el('td', { class: 'del' }, show1(d.expected)), el('td', { class: 'ins' }, show1(d.actual)))))));
}

export function renderDetermination(target: HTMLElement, d: Determination, opts: RenderOptions): void {
  const head = el('div', { class: `decision decision-${d.decision}` },
    el('span', { class: 'decision-text', 'data-testid': 'decision-text' }, decisionText[d.decision]),
    el('code', { class: 'decision-code', 'data-testid': 'decision' }, d.decision),
    d.decision === 'partially-medically-necessary' ? el('span', { class: 'certified' }, ` (${d.certifiedVisits} visits certified)`) : null,
  );
  const guideline = d.guideline
    ? el('p', { class: 'guideline' }, el('strong', {}, 'Guideline: '), d.guideline.title,
      d.guideline.edition ? el('span', { class: 'edition' }, ` (edition ${d.guideline.edition})`) : null,
      opts.guidelineFile ? [' ', sourceLink({ file: opts.guidelineFile, line: 1, endLine: 1 }, opts.onSource, opts.guidelineFile.split('/').pop() ?? '')] : null,
      el('br'), el('span', { class: 'citation' }, d.guideline.citation))
    : null;
  const shown = d.criteria.slice(0, criteriaShown);
  const hiddenCriteria = (opts.hidden?.criteria ?? 0) + d.criteria.length - shown.length;
  const missing = d.missing.map((f) => {
    const words = opts.words?.(f);
    return el('li', { title: f }, words ?? f);
  });
  show(target,
    opts.differences === undefined ? null
      : opts.differences.length ? differencesBlock(opts.differences)
      : el('p', { class: 'expectation expectation-passed', 'data-testid': 'expectation-ok' }, 'Decided as this test case expects.'),
    head,
    guideline,
    el('p', { class: 'rationale' }, el('strong', {}, 'Rationale: '), d.rationale),
    missing.length ? el('div', { class: 'missing' }, el('strong', {}, 'Not documented in the case: '), el('ul', {}, missing)) : null,
    d.review?.length ? el('div', { class: 'review' }, el('strong', {}, 'For a physician reviewer: '), el('ul', {}, d.review.map((r) => el('li', {}, r)))) : null,
    d.notes?.length ? el('div', { class: 'notes' }, el('strong', {}, 'Notes: '), d.notes.map((n) => el('p', {}, n))) : null,
    shown.length ? el('h2', { class: 'criteria-heading' }, 'Criteria') : null,
    shown.length ? el('ol', { class: 'criteria' }, shown.map((c, i) => criterion(c, opts.hidden?.traces[i] ?? 0, opts))) : null,
    moreLine(hiddenCriteria, 'criterion', 'criteria'),
  );
}

/** A message in the determination panel (an invalid case, a guideline with errors). */
export function renderNotice(target: HTMLElement, title: string, lines: (string | HTMLElement)[]): void {
  show(target, el('div', { class: 'notice', 'data-testid': 'notice' }, el('strong', {}, title), lines.map((l) => el('p', {}, l))));
}
