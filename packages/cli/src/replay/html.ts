// The replay report as one HTML file, viewable offline: the counts as tables and charts drawn by
// Apache ECharts (pinned in packages/cli/package.json, its minified build inlined), and the first
// changed cases. Every text from the corpus or the rule sets is escaped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Counts } from './process.ts';
import { more, signed, tables, type Tables } from './summary.ts';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside a script element: nothing in it can close the element. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

let echarts: string | undefined;
function echartsSource(): string {
  return (echarts ??= readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8'));
}

function table(head: string[], rows: (string | number)[][], numeric: number[] = []): string {
  const cell = (c: string | number, i: number): string => (typeof c === 'number' ? `<td class="n">${c.toLocaleString('en-US')}</td>` : numeric.includes(i) ? `<td class="n">${escapeHtml(c)}</td>` : `<td>${escapeHtml(c)}</td>`);
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The rows a chart or table of the report shows. */
const reportRows = { chart: 20, criteria: 50 };
/** Under a chart or table cut short: the rows left out, as the terminal says it. */
const cut = (rows: readonly object[], shown: number, cases = false): string => more(rows, shown, cases).map((l) => `<p class="more">${escapeHtml(l.trim())}: every changed case is in changes.jsonl</p>`).join('');

/** The charts' data and the script that draws them. */
function charts(t: Tables, two: boolean): string {
  const data = {
    two,
    decisions: t.decisions,
    byGuideline: t.changesByGuideline.slice(0, reportRows.chart),
    byCriterion: t.criteria.slice(0, reportRows.chart).map((c) => ({ name: `${c.guideline} ${c.criterion}: ${c.from} → ${c.to}`, cases: c.cases })),
  };
  return `<script>${echartsSource().replace(/<\/script/gi, '<\\/script')}</script>
<script>
const data = ${scriptJson(data)};
const bar = (id, names, series, horizontal) => {
  const el = document.getElementById(id);
  if (!el) return;
  const chart = echarts.init(el, null, { renderer: 'svg' });
  const category = { type: 'category', data: names, axisLabel: { width: 420, overflow: 'truncate' } };
  chart.setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 },
    grid: { left: horizontal ? 440 : 60, right: 30, top: 40, bottom: horizontal ? 30 : 110, containLabel: false },
    xAxis: horizontal ? { type: 'value' } : { ...category, axisLabel: { rotate: 30 } },
    yAxis: horizontal ? { ...category, inverse: true } : { type: 'value' },
    series,
  });
};
bar('decisions', data.decisions.map((d) => d.decision), data.two
  ? [{ name: 'before', type: 'bar', data: data.decisions.map((d) => d.before) }, { name: 'after', type: 'bar', data: data.decisions.map((d) => d.after) }]
  : [{ name: 'cases', type: 'bar', data: data.decisions.map((d) => d.before) }], false);
bar('by-guideline', data.byGuideline.map((g) => g.guideline), [{ name: 'changed cases', type: 'bar', data: data.byGuideline.map((g) => g.cases) }], true);
bar('by-criterion', data.byCriterion.map((c) => c.name), [{ name: 'changed cases', type: 'bar', data: data.byCriterion.map((c) => c.cases) }], true);
</script>`;
}

export function htmlReport(counts: Counts, two: boolean, changes: readonly string[], names: { cases: string; before: string; after?: string | undefined }): string {
  const t = tables(counts);
  const parts: string[] = [];
  parts.push(`<h1>Replay of ${escapeHtml(names.cases)}</h1>`);
  parts.push(`<p>${t.cases.toLocaleString('en-US')} cases decided ${two ? `under <code>${escapeHtml(names.before)}</code> (before) and <code>${escapeHtml(names.after ?? '')}</code> (after); <strong>${t.changed.toLocaleString('en-US')}</strong> changed decision, guideline or criterion statuses` : `under <code>${escapeHtml(names.before)}</code>`}.</p>`);
  parts.push('<h2>Decisions</h2><div class="chart" id="decisions"></div>');
  parts.push(table(two ? ['decision', 'before', 'after', 'change'] : ['decision', 'cases'], t.decisions.map((d) => (two ? [d.decision, d.before, d.after, signed(d.after - d.before)] : [d.decision, d.before])), [3]));
  if (two) {
    parts.push('<h2>Changed cases by guideline (after)</h2><div class="chart tall" id="by-guideline"></div>' + cut(t.changesByGuideline, reportRows.chart, true));
    parts.push('<h2>Changed criteria</h2><div class="chart tall" id="by-criterion"></div>' + cut(t.criteria, reportRows.chart));
    parts.push(table(['guideline', 'criterion', 'before', 'after', 'cases'], t.criteria.slice(0, reportRows.criteria).map((c) => [c.guideline, c.criterion, c.from, c.to, c.cases])) + cut(t.criteria, reportRows.criteria));
    parts.push('<h2>Changed cases, by their decision before and after</h2>' + table(['before', 'after', 'cases'], t.transitions.map((x) => [x.from, x.to, x.cases])));
    if (t.needs.length) parts.push('<h2>Newly insufficient information: fields now needed</h2>' + table(['field', 'cases'], t.needs.map((x) => [x.field, x.cases])));
  }
  parts.push('<h2>By guideline and jurisdiction</h2>' + table(two ? ['guideline', 'jurisdiction', 'before', 'after'] : ['guideline', 'jurisdiction', 'cases'], t.byGuideline.map((g) => (two ? [g.guideline, g.jurisdiction, g.before, g.after] : [g.guideline, g.jurisdiction, g.before]))));
  if (changes.length) parts.push(`<h2>The first ${changes.length} changed cases</h2><pre>${changes.map(escapeHtml).join('\n')}</pre>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Replay report</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;padding:2px 10px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}.chart{height:360px}.chart.tall{height:520px}pre{font-size:12px;white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:1em}</style>
</head><body>
${parts.join('\n')}
${charts(t, two)}
</body></html>
`;
}
