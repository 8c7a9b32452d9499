// Where a field of a JSON text is: `request.treatment` -> the offsets of its key and value, so a case
// problem can be marked at the field it names, by the path the case check names it with
// (`diagnoses[0].icd10`). Tolerant: stops quietly at the first syntax error.

export interface FieldSpan {
  /** The key's quoted text (absent for array items and the root). */
  key?: { start: number; end: number };
  value: { start: number; end: number };
}

/** A key an object gives twice (JSON.parse keeps the last): its path, and the offsets of both keys. */
export interface DuplicateKey {
  path: string;
  first: number;
  second: { start: number; end: number };
}

/**
 * Every field's span, by its path as the case check names fields (`request.treatment`, array items by
 * index: `diagnoses[0].text`; the root is ''); a key given twice in one object is added to
 * `duplicates`, when given, and located at its second.
 */
export function locateFields(text: string, duplicates?: DuplicateKey[]): Map<string, FieldSpan> {
  const out = new Map<string, FieldSpan>();
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): { start: number; end: number } => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return { start, end: Math.min(i, text.length) };
  };
  const value = (path: string, key?: { start: number; end: number }): void => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      const keys = new Map<string, number>();
      while (i < text.length && text[i] !== '}') {
        if (text[i] !== '"') throw new Error('key');
        const k = str();
        const name = JSON.parse(text.slice(k.start, k.end)) as string;
        const first = keys.get(name);
        if (first === undefined) keys.set(name, k.start);
        else duplicates?.push({ path: path ? `${path}.${name}` : name, first, second: k });
        ws();
        if (text[i++] !== ':') throw new Error(':');
        value(path ? `${path}.${name}` : name, k);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      let n = 0;
      while (i < text.length && text[i] !== ']') {
        value(`${path}[${n}]`);
        n++;
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') str();
    else {
      while (i < text.length && /[^\s,\]}]/.test(text[i]!)) i++;
      if (i === start) throw new Error('value');
    }
    out.set(path, key ? { key, value: { start, end: i } } : { value: { start, end: i } });
  };
  try {
    value('');
  } catch {
    // a broken text: the fields read so far are still located
  }
  return out;
}

/** The path of a field's parent: `diagnoses[0]` of `diagnoses[0].text`, `diagnoses` of `diagnoses[0]`. */
const parentOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('.'), path.lastIndexOf('[')));

/** The span to mark for a field: itself, or its nearest existing parent (a missing required field). */
export function spanOf(fields: Map<string, FieldSpan>, field: string): { start: number; end: number } {
  for (let path = field; ; path = parentOf(path)) {
    const f = fields.get(path);
    if (f) return f.key ?? { start: f.value.start, end: f.value.start + 1 };
    if (path === '') return { start: 0, end: 1 };
  }
}
