// Where the fields of a JSON text stand. A problem names a field by its path, as the case check does
// (`request.treatment`, `diagnoses[0].icd10`, '' for the whole case); whatever shows it (a command
// line's code frame, an editor's mark, a service's answer) wants the offsets of that field in the
// text it was given. Also the keys an object gives twice, which JSON.parse lets pass keeping the last.
// One walk of the text serves both: iterative, so any nesting is safe; tolerant, so a text that is
// not JSON is read up to where it stops being JSON, never thrown on.

/** Offsets in a text (UTF-16 code units, as a string's indexes): from `start`, up to but not including `end`. */
export interface JsonSpan {
  start: number;
  end: number;
}

/**
 * A field's path: as the case check writes it (`diagnoses[0].icd10`, '' for the whole), or as its
 * keys and indexes (`['diagnoses', 0, 'icd10']`), which also names a key holding `.`, `[` or `]`.
 */
export type JsonPath = string | readonly (string | number)[];

/** A key given twice in one object: the key, its path, and the spans of its first and second occurrences (their quoted text). */
export interface DuplicateKey {
  key: string;
  /** As the case check names a field: `history.visitsCompleted`, `diagnoses[0].text`. */
  path: string;
  first: JsonSpan;
  second: JsonSpan;
}

/** Where a field stands in the text: its key's quoted text, if it has one, and its value's text. */
export interface JsonField {
  /** Absent for an item of an array and for the whole. */
  key?: JsonSpan;
  value: JsonSpan;
}

/**
 * The field at `path` of a JSON text, or undefined when the text does not give it (or breaks off
 * inside it). A key given twice is taken at its last, whose value JSON.parse keeps.
 */
export function jsonField(text: string, path: JsonPath): JsonField | undefined {
  const [found] = locate(text, [path]);
  return found?.exact && found.end !== undefined ? { ...(found.key ? { key: found.key } : {}), value: { start: found.start, end: found.end } } : undefined;
}

/**
 * The span to point at for a problem with the field at `path` of a JSON text: its key when it has
 * one, else its value (an item of an array, or the whole). A field the text lacks (a required one
 * missing) is shown at the nearest enclosing field that is there: its key, or the first character
 * of its value. A key given twice is taken at its last, whose value JSON.parse keeps. The text is
 * read up to where it stops being JSON; one that gives no field at all is shown at its first character.
 */
export function jsonFieldSpan(text: string, path: JsonPath): JsonSpan {
  return jsonFieldSpans(text, [path])[0]!;
}

/** The span of each of `paths`, as `jsonFieldSpan` gives it, in one reading of the text. */
export function jsonFieldSpans(text: string, paths: readonly JsonPath[]): JsonSpan[] {
  return locate(text, paths).map((found) => {
    if (!found) return { start: 0, end: Math.min(1, text.length) };
    if (found.key) return found.key;
    return found.exact && found.end !== undefined ? { start: found.start, end: found.end } : { start: found.start, end: Math.min(found.start + 1, text.length) };
  });
}

/** Where the text gives a field: its key, where its value begins, and ends (undefined until it does). */
interface Found {
  key: JsonSpan | undefined;
  start: number;
  end: number | undefined;
}

/** For each path, the deepest field of it the text gives (exact when that is the field itself); undefined when the text gives none. */
function locate(text: string, paths: readonly JsonPath[]): ((Found & { exact: boolean }) | undefined)[] {
  const root = new Target();
  const targets = paths.map((p) => {
    let node = root;
    for (const step of typeof p === 'string' ? pathSteps(p) : p) {
      let next = node.next.get(step);
      if (!next) node.next.set(step, (next = new Target(node)));
      node = next;
    }
    return node;
  });
  // The target each value open stands at (undefined off every path), by depth.
  const at: (Target | undefined)[] = [];
  walk(text, {
    enter(steps, key, start) {
      const depth = steps.length;
      const node = depth === 0 ? root : at[depth - 1]?.next.get(steps[depth - 1]!);
      at[depth] = node;
      if (!node) return false;
      // Met again (its key given twice): what was found inside it before is no longer the value kept.
      if (node.found) node.forget();
      node.found = { key, start, end: undefined };
      return node.next.size > 0;
    },
    leave(steps, value) {
      const found = at[steps.length]?.found;
      if (found && found.start === value.start) found.end = value.end;
    },
  });
  return targets.map((target) => {
    let deepest: Target | undefined = target;
    while (deepest && !deepest.found) deepest = deepest.parent;
    return deepest?.found && { ...deepest.found, exact: deepest === target };
  });
}

/** A node of the paths looked for: the fields under it by key or index, and where the text gives it. */
class Target {
  readonly next = new Map<string | number, Target>();
  found: Found | undefined;
  constructor(readonly parent?: Target) {}

  /** Forgets where the text gave the fields under this one. */
  forget(): void {
    const under = [...this.next.values()];
    for (let node = under.pop(); node; node = under.pop()) {
      node.found = undefined;
      under.push(...node.next.values());
    }
  }
}

/**
 * The keys `text` gives twice in one object, in the order of their second occurrences (at most
 * `most` of them). A third occurrence is another, against the first. The text is read up to where
 * it stops being JSON.
 */
export function duplicateKeys(text: string, most = Infinity): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  if (most < 1) return out;
  walk(text, {
    enter: () => true,
    again(steps, first, second) {
      out.push({ key: steps[steps.length - 1] as string, path: pathOf(steps), first, second });
      return out.length >= most;
    },
  });
  return out;
}

/**
 * What to say of a key given twice, after the field's path or the key (`jurisdiction: is given twice
 * (first at line 3)`): the line of the first, or its column when both are on one line (a line of a
 * batch is reported at its own line number, which the first shares).
 */
export function duplicateKeyMessage(text: string, twice: DuplicateKey): string {
  const lineOf = (offset: number): number => {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };
  const line = lineOf(twice.first.start);
  const where = line === lineOf(twice.second.start) ? `column ${twice.first.start - text.lastIndexOf('\n', twice.first.start - 1)}` : `line ${line}`;
  return `is given twice (first at ${where})`;
}

/** `a.b[0].c` as ['a', 'b', 0, 'c']. */
function pathSteps(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** ['a', 'b', 0, 'c'] as `a.b[0].c`. */
function pathOf(steps: readonly (string | number)[]): string {
  let path = '';
  for (const s of steps) path = typeof s === 'number' ? `${path}[${s}]` : path ? `${path}.${s}` : s;
  return path;
}

interface Visitor {
  /**
   * A value begins at `start`; `steps` is its path (the walk's own array: read it, do not keep it),
   * `key` its key's quoted text in an object. True to read the fields inside it (an object or an
   * array), false to pass over it.
   */
  enter(steps: readonly (string | number)[], key: JsonSpan | undefined, start: number): boolean;
  /** The value at `steps` ends: its span. Not called for one the text breaks off inside. */
  leave?(steps: readonly (string | number)[], value: JsonSpan): void;
  /** The key at the end of `steps` was given before in its object, at `first`; true ends the walk. Keys are remembered only when this is given. */
  again?(steps: readonly (string | number)[], first: JsonSpan, second: JsonSpan): boolean;
}

/** An object or array being read: its closing character, its start, how many items it has begun, and the keys it gave (when they are remembered). */
interface Open {
  close: '}' | ']';
  start: number;
  items: number;
  keys: Map<string, JsonSpan> | undefined;
}

/**
 * Reads a JSON text value by value, telling `visit` where each begins and ends. Stops quietly where
 * the text stops being JSON, and after its first value (what follows is not read).
 */
function walk(text: string, visit: Visitor): void {
  const n = text.length;
  const steps: (string | number)[] = [];
  const open: Open[] = [];
  let at = 0;
  const space = (): void => {
    for (let c = text.charCodeAt(at); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++at));
  };
  /** Past the string that opens at `at`; false when the text ends inside it. */
  const string = (): boolean => {
    for (at++; at < n; at++) {
      const c = text.charCodeAt(at);
      if (c === 34) return ++at > 0;
      if (c === 92) at++;
    }
    return false;
  };
  /** Past one value (a string, a number or word, or an object or array with all inside it); false when the text ends first. */
  const skip = (): boolean => {
    let depth = 0;
    do {
      const c = text[at];
      if (c === '"') {
        if (!string()) return false;
      } else if (c === '{' || c === '[') (depth++, at++);
      else if (c === '}' || c === ']') (depth--, at++);
      else if (depth > 0) at++;
      else {
        const start = at;
        while (at < n && !' \t\r\n,:{}[]"'.includes(text[at]!)) at++;
        if (at === start) return false;
      }
    } while (depth > 0 && at < n);
    return depth === 0;
  };
  let key: JsonSpan | undefined;
  // A byte-order mark, which a file may begin with (JSON.parse refuses it): passed over.
  if (text.charCodeAt(0) === 0xfeff) at++;
  space();
  for (;;) {
    // A value begins here, at `steps`, after `key`.
    const start = at;
    const c = text[at];
    if (c === undefined || ',:}]'.includes(c)) return;
    if (visit.enter(steps, key, start) && (c === '{' || c === '[')) {
      at++;
      open.push({ close: c === '{' ? '}' : ']', start, items: 0, keys: c === '{' && visit.again ? new Map() : undefined });
    } else {
      if (!skip()) return;
      visit.leave?.(steps, { start, end: at });
      if (!open.length) return;
      steps.pop();
    }
    // On to where the next value begins, past the objects and arrays that close first.
    for (;;) {
      const o = open[open.length - 1]!;
      space();
      if (text[at] === o.close) {
        at++;
        open.pop();
        visit.leave?.(steps, { start: o.start, end: at });
        if (!open.length) return;
        steps.pop();
        continue;
      }
      if (o.items > 0) {
        if (text[at] !== ',') return;
        at++;
        space();
      }
      o.items++;
      if (o.close === ']') {
        steps.push(o.items - 1);
        key = undefined;
        break;
      }
      const k = at;
      if (text[at] !== '"' || !string()) return;
      key = { start: k, end: at };
      const name = keyName(text, key);
      space();
      if (name === undefined || text[at] !== ':') return;
      at++;
      steps.push(name);
      if (o.keys) {
        const first = o.keys.get(name);
        if (!first) o.keys.set(name, key);
        else if (visit.again!(steps, first, key)) return;
      }
      break;
    }
    space();
  }
}

/** The name a key's quoted text spells; undefined when its escapes are not JSON's. */
function keyName(text: string, key: JsonSpan): string | undefined {
  const inner = text.slice(key.start + 1, key.end - 1);
  if (!inner.includes('\\')) return inner;
  try {
    return JSON.parse(text.slice(key.start, key.end)) as string;
  } catch {
    return undefined;
  }
}
