// The formatter's printed lines and the comments hung on them: each line stands for a range of the
// source, so a comment is kept on the line it followed (trailing) or before the next one (leading),
// and blank lines are kept between declarations where the author left them.

/** The width past which the formatter breaks a line it can break: a list, a define's body, an and/or. */
export const maxWidth = 120;

/** A comment as the parser found it. */
export interface SourceComment {
  text: string;
  start: number;
  end: number;
}

/** One printed line: its content and the source range it stands for (to place comments). */
interface Line {
  indent: number;
  text: string;
  start: number;
  end: number;
  /** Starts a top-level declaration: one blank line before it. */
  top: boolean;
  /** A class line right after another class with no blank line between: the two stay together (a table). */
  tableRow?: boolean;
  leading: Comment[];
  trailing?: Comment;
}

/** A comment, placed: where it stood on its source line, to hang it on a printed one. */
interface Comment {
  text: string;
  start: number;
  end: number;
  /** Column of the comment in the source (0-based). */
  column: number;
  /** Something other than blanks precedes it on its source line. */
  trailing: boolean;
}

/** The lines of a file as the printer adds them, rendered with the source's comments. */
export class PrintedLines {
  private readonly lines: Line[] = [];

  constructor(private readonly src: string) {}

  /** The kind of the last top-level declaration printed: declarations of one kind written without a blank line stay together. */
  private lastDecl = 'other';

  /** A line at `indent`, standing for `start`..`end` of the source; `top` when it starts a declaration. */
  add(indent: number, text: string, start: number, end: number, top = false): void {
    if (top) {
      const kind = /^(class|procedure) /.test(text) ? 'class' : /^(fact|define|use|unit) /.exec(text)?.[1] ?? 'other';
      const prev = this.lines[this.lines.length - 1];
      const together = kind !== 'other' && kind === this.lastDecl && prev !== undefined && !this.blankBetween(prev.end, start);
      this.lastDecl = kind;
      this.lines.push({ indent, text, start, end, top, leading: [], tableRow: together });
      return;
    }
    this.lines.push({ indent, text, start, end, top, leading: [] });
  }

  /** The file's text: the lines with the comments hung on them, each line ending in LF. */
  render(comments: readonly SourceComment[]): string {
    return this.print(this.attach(comments));
  }

  /** Hangs each comment on a printed line: trailing on the line it follows, leading before the next one. */
  private attach(parsed: readonly SourceComment[]): Comment[] {
    const byStart = [...this.lines].sort((a, b) => a.start - b.start);
    const tail: Comment[] = [];
    for (const raw of parsed) {
      const lineStart = this.src.lastIndexOf('\n', raw.start - 1) + 1;
      const before = this.src.slice(lineStart, raw.start);
      const c: Comment = { text: raw.text.trimEnd(), start: raw.start, end: raw.end, column: raw.start - lineStart, trailing: before.trim() !== '' };
      if (c.trailing) {
        const owner = [...byStart].reverse().find((l) => l.start <= c.start);
        if (owner && !owner.trailing) {
          owner.trailing = c;
          continue;
        }
        // A second comment for the same printed line goes on its own line after it.
        const next = owner ? this.lines[this.lines.indexOf(owner) + 1] : undefined;
        if (next) next.leading.push(c);
        else tail.push(c);
        continue;
      }
      const next = byStart.find((l) => l.start >= c.end);
      if (next) next.leading.push(c);
      else tail.push(c);
    }
    return tail;
  }

  private blankBetween(a: number, b: number): boolean {
    return a < b && /\n[ \t\r]*\n/.test(this.src.slice(a, b));
  }

  private print(tail: Comment[]): string {
    const out: string[] = [];
    let prevEnd = 0;
    const blank = (): void => {
      if (out.length && out[out.length - 1] !== '') out.push('');
    };
    const comment = (c: Comment, indent: number, first: boolean, top: boolean): void => {
      if (first && top) blank();
      else if (this.blankBetween(prevEnd, c.start)) blank();
      out.push(' '.repeat(indent) + c.text);
      prevEnd = c.end;
    };
    for (const l of this.lines) {
      l.leading.sort((a, b) => a.start - b.start);
      l.leading.forEach((c, i) => comment(c, c.column > 0 && !l.top ? 2 : 0, i === 0, l.top && !l.tableRow));
      if (l.leading.length ? this.blankBetween(prevEnd, l.start) : l.top && !l.tableRow) blank();
      let text = ' '.repeat(l.indent) + l.text;
      if (l.trailing) {
        // A comment keeps its column, unless that passes the width: after a long line fmt broke,
        // its column is past the end of the short last line, which it follows two spaces on.
        const width = text.length - (text.lastIndexOf('\n') + 1);
        const fits = l.trailing.column + l.trailing.text.length <= maxWidth;
        text += ' '.repeat(fits ? Math.max(2, l.trailing.column - width) : 2) + l.trailing.text;
      }
      out.push(text);
      prevEnd = Math.max(l.end, l.trailing?.end ?? 0);
    }
    tail.sort((a, b) => a.start - b.start).forEach((c) => comment(c, c.column > 0 ? 2 : 0, false, false));
    while (out.length && out[0] === '') out.shift();
    // Lines end in LF. A quoted text is copied as written, line breaks and all: those of a file with
    // CRLF endings become LF too, as they do in its value (unquote), or the output would mix the two.
    return out.length ? out.join('\n').replace(/\r\n/g, '\n') + '\n' : '';
  }
}
