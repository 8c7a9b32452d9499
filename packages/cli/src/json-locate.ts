// Where a field stands in a JSON text that parsed: a case problem names a field by its path
// (`request.treatment`, `diagnoses[0].icd10`), and the CLI and the server point at its key or value
// with a line, a column and a code frame, as guideline errors do. Also where a key is given twice,
// which JSON.parse lets pass (the last value wins).

export interface Span {
  start: number;
  end: number;
}

interface Located {
  key?: Span;
  value: Span;
}

/**
 * The span of the field at `path` in `text` (valid JSON): its key when it has one, else its value.
 * A field the text lacks (a required one) is shown at the nearest enclosing field that is there.
 */
export function locateField(text: string, path: string): Span {
  return locateSteps(text, pathSteps(path));
}

/** The span of the field reached by `steps` (keys and indexes), as `locateField`. */
export function locateSteps(text: string, steps: readonly (string | number)[]): Span {
  for (let n = steps.length; n >= 0; n--) {
    const found = find(text, steps.slice(0, n));
    if (found) return found.key ?? (n < steps.length ? { start: found.value.start, end: found.value.start + 1 } : found.value);
  }
  return { start: 0, end: Math.min(1, text.length) };
}

/** `a.b[0].c` as ['a', 'b', 0, 'c']. */
export function pathSteps(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** Walks the text down the steps, skipping every value off the path; undefined when a step is absent. */
function find(text: string, steps: readonly (string | number)[]): Located | undefined {
  const r = new Reader(text);
  r.space();
  let key: Span | undefined;
  for (const step of steps) {
    const open = text[r.at];
    if (open !== '{' && open !== '[') return undefined;
    r.at++;
    let index = 0;
    let hit = false;
    for (r.space(); text[r.at] !== (open === '{' ? '}' : ']') && r.at < text.length; index++) {
      let k: Span | undefined;
      let name: string | number = index;
      if (open === '{') {
        k = r.string();
        name = JSON.parse(text.slice(k.start, k.end)) as string;
        r.space();
        r.at++; // ':'
        r.space();
      }
      if (name === step) {
        key = k;
        hit = true;
        break;
      }
      r.skipValue();
      r.space();
      if (text[r.at] === ',') r.at++;
      r.space();
    }
    if (!hit) return undefined;
  }
  const start = r.at;
  r.skipValue();
  return { key, value: { start, end: r.at } };
}

/** A key given twice in one object: its name, and the spans of its first and second occurrences. */
export interface DuplicateKey {
  key: string;
  first: Span;
  second: Span;
}

/**
 * The first key `text` (valid JSON) gives twice in one object, or undefined. One pass, with a set of
 * keys per object open: iterative, so any nesting is safe.
 */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const r = new Reader(text);
  // The keys of each object open, innermost last; an array open is undefined.
  const open: (Map<string, Span> | undefined)[] = [];
  for (r.space(); r.at < text.length; r.space()) {
    const c = text[r.at];
    if (c === '{' || c === '[') (open.push(c === '{' ? new Map() : undefined), r.at++);
    else if (c === '}' || c === ']') (open.pop(), r.at++);
    else if (c === ',' || c === ':') r.at++;
    else if (c !== '"') r.skipValue();
    else {
      const span = r.string();
      r.space();
      const keys = open[open.length - 1];
      // In JSON that parsed, a string followed by ':' is a key.
      if (!keys || text[r.at] !== ':') continue;
      const key = JSON.parse(text.slice(span.start, span.end)) as string;
      const first = keys.get(key);
      if (first) return { key, first, second: span };
      keys.set(key, span);
    }
  }
  return undefined;
}

class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  space(): void {
    while (this.at < this.text.length && ' \t\r\n'.includes(this.text[this.at]!)) this.at++;
  }

  string(): Span {
    const start = this.at++;
    while (this.at < this.text.length && this.text[this.at] !== '"') this.at += this.text[this.at] === '\\' ? 2 : 1;
    this.at++;
    return { start, end: this.at };
  }

  /** Past one value: a string, a scalar, or an array or object with everything inside it. */
  skipValue(): void {
    let depth = 0;
    do {
      const c = this.text[this.at];
      if (c === '"') this.string();
      else if (c === '{' || c === '[') (depth++, this.at++);
      else if (c === '}' || c === ']') (depth--, this.at++);
      else if (depth > 0) this.at++;
      else while (this.at < this.text.length && !',}] \t\r\n'.includes(this.text[this.at]!)) this.at++;
    } while (depth > 0 && this.at < this.text.length);
  }
}
