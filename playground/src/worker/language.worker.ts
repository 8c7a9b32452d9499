// The language worker: parses, checks and compiles the edited guideline with the other bundled files,
// and answers completion, hover, definition and format requests. Diagnostics leave it as editor markers.
import { analyze as analyzeFile, compileProgram, completionsAt, definitionAt, formatGuideline, hoverAt, SourceFile, type Diagnostic, type SourceText } from '@guideline/language';
import type { EditorMarker, Request, Response, Results } from '../protocol.ts';

let others: SourceText[] = [];

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

function analyze(text: string, file: string): Results['analyze'] {
  // A lone policy-less guideline still runs: the other bundled files supply the policies (as the CLI does).
  const result = compileProgram([{ text, file }, ...others.filter((o) => o.file !== file)], { reuse: true });
  const src = new SourceFile(text, file);
  const mine = result.diagnostics.filter((d) => d.file === file);
  return { markers: mine.map((d) => toMarker(d, src)), rules: result.rules };
}

function handle(req: Request): unknown {
  switch (req.kind) {
    case 'others':
      others = req.others;
      return null;
    case 'check': {
      const src = new SourceFile(req.text, req.file);
      return analyzeFile(req.text, req.file).diagnostics.map((d) => toMarker(d, src));
    }
    case 'analyze': return analyze(req.text, req.file);
    case 'complete': return completionsAt(req.text, req.offset);
    case 'hover': return hoverAt(req.text, req.offset) ?? null;
    case 'definition': return definitionAt(req.text, req.offset) ?? null;
    case 'format': {
      const r = formatGuideline(req.text);
      const src = new SourceFile(req.text);
      return { text: r.text, formatted: r.formatted, markers: r.diagnostics.map((d) => toMarker(d, src)) };
    }
  }
}

self.onmessage = (ev: MessageEvent<{ id: number; req: Request }>) => {
  const { id, req } = ev.data;
  let res: Response;
  try {
    res = { id, ok: true, result: handle(req) };
  } catch (e) {
    res = { id, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  self.postMessage(res);
};
