// Diagnostics to editor markers, in the worker: coordinates converted by SourceFile, and no more than
// the page will show, however many there are (a couple of KB of text can hold 100,000 errors).
import { SourceFile, type Diagnostic } from '@guideline/language';
import { problemsShown } from '../limits.ts';
import type { EditorMarker, MarkerList } from '../protocol.ts';

/** Editor coordinates of a diagnostic; an empty range widens to one character so it can be seen. */
export function toMarker(d: Diagnostic, src: SourceFile): EditorMarker {
  let { start, end } = d.range;
  if (end <= start) {
    if (start < src.text.length) end = start + 1;
    else if (start > 0) start -= 1;
  }
  const s = src.position(start);
  const e = src.position(end);
  return { code: d.code, severity: d.severity, message: d.message, startLineNumber: s.line, startColumn: s.column, endLineNumber: e.line, endColumn: e.column };
}

const order: EditorMarker['severity'][] = ['error', 'warning', 'info'];

/**
 * The first `cap` diagnostics as markers, errors before warnings before infos, each in the order given,
 * and the count of each severity. One pass; no more than `cap` diagnostics of a severity are kept.
 * The language's own summary of what it left out (P208) is no marker: its count joins the totals, and
 * the page says how many more there are.
 */
export function markerList(diagnostics: readonly Diagnostic[], src: SourceFile, cap = problemsShown): MarkerList {
  const counts: MarkerList['counts'] = { error: 0, warning: 0, info: 0 };
  const kept: Record<EditorMarker['severity'], Diagnostic[]> = { error: [], warning: [], info: [] };
  for (const d of diagnostics) {
    if (d.code === 'P208') counts[d.data?.['what'] === 'errors' ? 'error' : 'warning'] += Number(d.data?.['count'] ?? 0);
    else if (counts[d.severity]++ < cap) kept[d.severity].push(d);
  }
  const markers: EditorMarker[] = [];
  for (const severity of order) {
    for (const d of kept[severity]) {
      if (markers.length === cap) break;
      markers.push(toMarker(d, src));
    }
  }
  return { markers, counts };
}
