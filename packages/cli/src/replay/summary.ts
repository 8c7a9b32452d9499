// Replay's counts read back: decisions before and after, per guideline and jurisdiction, the
// transitions, the criteria that changed, and the fields newly insufficient cases need; as tables
// for the terminal (and as data for the HTML report).
import { printable } from '../render.ts';
import type { Counts } from './process.ts';

export interface Tables {
  cases: number;
  decisions: { decision: string; before: number; after: number }[];
  byGuideline: { guideline: string; jurisdiction: string; before: number; after: number }[];
  transitions: { from: string; to: string; cases: number }[];
  changed: number;
  criteria: { guideline: string; criterion: string; from: string; to: string; cases: number }[];
  changesByGuideline: { guideline: string; cases: number }[];
  needs: { field: string; cases: number }[];
}

const order = ['medically-necessary', 'partially-medically-necessary', 'not-medically-necessary', 'insufficient-information', 'needs-clinical-review', 'no-applicable-guideline'];

/** The counts as tables. */
export function tables(counts: Counts): Tables {
  const decisions = new Map(order.map((d) => [d, { decision: d, before: 0, after: 0 }]));
  const byGuideline = new Map<string, Tables['byGuideline'][number]>();
  const t: Tables = { cases: 0, decisions: [], byGuideline: [], transitions: [], changed: 0, criteria: [], changesByGuideline: [], needs: [] };
  const changesByGuideline = new Map<string, number>();
  for (const [key, n] of Object.entries(counts)) {
    const k = key.split('\t');
    switch (k[0]) {
      case 'decision': {
        const side = k[1] as 'before' | 'after';
        if (side === 'before') t.cases += n;
        const d = decisions.get(k[4]!) ?? { decision: k[4]!, before: 0, after: 0 };
        decisions.set(k[4]!, d);
        d[side] += n;
        const g = byGuideline.get(`${k[3]}\t${k[2]}`) ?? { guideline: k[3]!, jurisdiction: k[2]!, before: 0, after: 0 };
        byGuideline.set(`${k[3]}\t${k[2]}`, g);
        g[side] += n;
        break;
      }
      case 'transition':
        t.transitions.push({ from: k[1]!, to: k[2]!, cases: n });
        t.changed += n;
        break;
      case 'changed-guideline':
        changesByGuideline.set(k[2]!, (changesByGuideline.get(k[2]!) ?? 0) + n);
        break;
      case 'criterion':
        t.criteria.push({ guideline: k[1]!, criterion: k[2]!, from: k[3]!, to: k[4]!, cases: n });
        break;
      case 'needs':
        t.needs.push({ field: k[1]!, cases: n });
        break;
    }
  }
  const byCount = <T extends { cases: number }>(a: T, b: T): number => b.cases - a.cases;
  t.decisions = [...decisions.values()];
  t.byGuideline = [...byGuideline.values()].sort((a, b) => b.before + b.after - a.before - a.after || (a.guideline < b.guideline ? -1 : 1));
  t.transitions.sort(byCount);
  t.criteria.sort(byCount);
  t.needs.sort(byCount);
  t.changesByGuideline = [...changesByGuideline].map(([guideline, cases]) => ({ guideline, cases })).sort(byCount);
  return t;
}

function grid(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : printable(c))));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r, j) => '  ' + r.map((c, i) => (typeof rows[j]![i] === 'number' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

/** The terminal summary. */
export function summary(counts: Counts, two: boolean, _changes: readonly string[], seconds: number, changesFile: string | undefined): string {
  const t = tables(counts);
  const out: string[] = [];
  out.push(`${t.cases.toLocaleString('en-US')} cases decided in ${seconds.toFixed(1)} s${two ? ` under both rule sets; ${t.changed.toLocaleString('en-US')} changed decision, guideline or criterion statuses` : ''}.`);
  out.push('', 'Decisions', grid(two ? [['decision', 'before', 'after', 'change'], ...t.decisions.map((d) => [d.decision, d.before, d.after, signed(d.after - d.before)])] : [['decision', 'cases'], ...t.decisions.map((d) => [d.decision, d.before])]));
  const top = t.byGuideline.slice(0, shownRows.byGuideline);
  out.push('', 'By guideline and jurisdiction', grid(two ? [['guideline', 'jurisdiction', 'before', 'after'], ...top.map((g) => [g.guideline, g.jurisdiction, g.before, g.after])] : [['guideline', 'jurisdiction', 'cases'], ...top.map((g) => [g.guideline, g.jurisdiction, g.before])]));
  out.push(...more(t.byGuideline, top.length));
  if (two) {
    // A table cut short says so, and how many cases its rows left out hold: its rows then still add up.
    const transitions = t.transitions.slice(0, shownRows.transitions);
    if (t.transitions.length) out.push('', 'Changed cases, by their decision before and after', grid([['before', 'after', 'cases'], ...transitions.map((x) => [x.from, x.to, x.cases])]), ...more(t.transitions, transitions.length, true));
    const criteria = t.criteria.slice(0, shownRows.criteria);
    if (t.criteria.length) out.push('', 'Criteria whose status changed', grid([['guideline', 'criterion', 'before', 'after', 'cases'], ...criteria.map((x) => [x.guideline, x.criterion, x.from, x.to, x.cases])]), ...more(t.criteria, criteria.length));
    if (t.needs.length) out.push('', 'Newly insufficient information: the fields those cases now need', grid([['field', 'cases'], ...t.needs.map((x) => [x.field, x.cases])]));
    if (!changesFile && t.changed) out.push('', 'Give --out <dir> for every changed case (changes.jsonl) and the HTML report.');
  }
  return out.join('\n') + '\n';
}

/** The rows each table of the terminal summary shows; the report shows more (html.ts). */
export const shownRows = { byGuideline: 25, transitions: 15, criteria: 15 };

/**
 * The line under a table cut short: how many rows it leaves out and, where each case is in one row
 * (the transitions), the cases they hold.
 */
export function more(rows: readonly object[], shown: number, cases = false): string[] {
  if (rows.length <= shown) return [];
  const left = rows.slice(shown);
  const n = left.reduce((sum: number, r) => sum + ('cases' in r && typeof r.cases === 'number' ? r.cases : 0), 0);
  return [`  … and ${left.length.toLocaleString('en-US')} more rows${cases ? ` (${n.toLocaleString('en-US')} cases)` : ''}`];
}

export const signed = (n: number): string => (n > 0 ? `+${n.toLocaleString('en-US')}` : n.toLocaleString('en-US'));
