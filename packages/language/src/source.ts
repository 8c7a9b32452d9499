// Source text coordinates: offset <-> line/column, and code frames. The only place that converts them.

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

export class SourceFile {
  private readonly lineStarts: number[];

  constructor(
    readonly text: string,
    readonly name = '<input>',
  ) {
    this.lineStarts = [0];
    // indexOf finds each newline natively; a charCodeAt loop over a megabyte cost milliseconds.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** Line and column (both 1-based) of an offset; offsets past the end clamp to the end. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  /** Offset of a 1-based line and column. */
  offset(pos: Position): number {
    const start = this.lineStarts[Math.max(0, Math.min(pos.line - 1, this.lineStarts.length - 1))]!;
    return Math.min(start + pos.column - 1, this.text.length);
  }

  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** A code frame: the lines of a range with a caret line under the first, as compilers print. */
  codeFrame(range: { start: number; end: number }, context = 1): string {
    const start = this.position(range.start);
    const end = this.position(Math.max(range.start, range.end - 1));
    const first = Math.max(1, start.line - context);
    const last = Math.min(this.lineCount, start.line + context);
    const width = String(last).length;
    const out: string[] = [];
    for (let line = first; line <= last; line++) {
      const text = this.lineText(line);
      out.push(`${line === start.line ? '>' : ' '} ${String(line).padStart(width)} | ${text}`);
      if (line === start.line) {
        const until = end.line === line ? end.column : text.length;
        const len = Math.max(1, until - start.column + 1);
        out.push(`  ${' '.repeat(width)} | ${' '.repeat(start.column - 1)}${'^'.repeat(len)}`);
      }
    }
    return out.join('\n');
  }
}
