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
    const [start, end] = this.lineBounds(line);
    return this.text.slice(start, end);
  }

  /** Offsets of a line's first character and of its end (before the line break, a CR included). */
  private lineBounds(line: number): [number, number] {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return [start, end];
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /**
   * A code frame: the lines around a range with a caret line under its first, as compilers print.
   * A line longer than `width` shows only a window of it around the range, cut with '…', so a frame
   * stays small however long the line (a frame of an 80 KB line is about `width` characters wide,
   * not 80 KB). `show` turns source text into what is printed (a terminal escapes control
   * characters); the caret is placed by the length of what it printed.
   */
  codeFrame(range: { start: number; end: number }, options: FrameOptions = {}): string {
    const { context = 1, width = 100, show = (t: string) => t } = options;
    const start = this.position(range.start);
    const end = this.position(Math.max(range.start, range.end - 1));
    const first = Math.max(1, start.line - context);
    const last = Math.min(this.lineCount, start.line + context);
    const gutter = String(last).length;
    const [lineStart, lineEnd] = this.lineBounds(start.line);
    const column = start.column - 1;
    const caretEnd = end.line === start.line ? end.column : lineEnd - lineStart;
    // One window for every line shown, so their columns line up: from 0 when the range's start (and
    // a little of the range) fits, else from a third of the width before it.
    const from = column + Math.min(caretEnd - column, width >> 2) <= width ? 0 : column - Math.floor(width / 3);
    const to = from + width;
    const out: string[] = [];
    for (let line = first; line <= last; line++) {
      const [ls, le] = this.lineBounds(line);
      const a = this.unitStart(Math.min(ls + from, le));
      const b = Math.max(a, this.unitStart(Math.min(ls + to, le)));
      const text = `${a > ls ? '…' : ''}${show(this.text.slice(a, b))}${b < le ? '…' : ''}`;
      out.push(`${line === start.line ? '>' : ' '} ${String(line).padStart(gutter)} | ${text}`);
      if (line === start.line) {
        const at = Math.max(a, lineStart + column);
        // Tabs stay tabs under tabs, so the caret lines up however wide the terminal draws them.
        const pad = `${a > ls ? ' ' : ''}${show(this.text.slice(a, at)).replace(/[^\t]/g, ' ')}`;
        const carets = Math.max(1, show(this.text.slice(at, Math.min(lineStart + caretEnd, b))).length);
        out.push(`  ${' '.repeat(gutter)} | ${pad}${'^'.repeat(carets)}`);
      }
    }
    return out.join('\n');
  }

  /** The offset, moved back off the second half of a surrogate pair so that no window splits one. */
  private unitStart(offset: number): number {
    const c = this.text.charCodeAt(offset);
    return c >= 0xdc00 && c <= 0xdfff && offset > 0 && this.text.charCodeAt(offset - 1) >= 0xd800 && this.text.charCodeAt(offset - 1) <= 0xdbff ? offset - 1 : offset;
  }
}

export interface FrameOptions {
  /** Lines shown before and after the range's first line (1). */
  context?: number;
  /** The most characters of a line shown (100); a longer line shows a window around the range. */
  width?: number;
  /** What a stretch of source text prints as (itself); the caret goes under what it printed. */
  show?: (text: string) => string;
}
