// A determination as JSON text, byte for byte what JSON.stringify gives, made faster for a batch:
// criterion results and guidelines are shared and frozen (decision-only ones by evaluate.ts, full
// ones by reuse.ts), so each one's text is made once and reused by every determination that holds
// it; and, for a batch that writes UTF-8 (JsonBytes), each one's bytes too.
import type { Determination } from './types.ts';

const texts = new WeakMap<object, string>();
const byteTexts = new WeakMap<object, Uint8Array>();
/** Each key's text with its colon, made once (a determination's keys are few and the same). */
const keyTexts = new Map<string, string>();
/** What JSON.stringify escapes in a string: quote, backslash, control characters, and (if lone) surrogates. */
const escaped = /["\\\u0000-\u001f\ud800-\udfff]/;
const utf8 = new TextEncoder();

/** JSON.stringify of a string: quoted as it is when nothing in it needs escaping. */
function stringText(s: string): string {
  return escaped.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** Whether a value is a frozen object: a part whose text (and bytes) are made once. */
const isShared = (v: unknown): v is object => v !== null && typeof v === 'object' && Object.isFrozen(v);

/** The text of a frozen part, made once. */
function sharedText(part: object): string {
  let t = texts.get(part);
  if (t === undefined) {
    t = JSON.stringify(part);
    texts.set(part, t);
  }
  return t;
}

/** JSON.stringify of a value that is not a frozen object: of a string, number or list, without a call into JSON. */
function valueText(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return stringText(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(v);
  }
  if (v === null) return 'null';
  if (isShared(v)) return sharedText(v);
  return Array.isArray(v) && !('toJSON' in v) ? listText(v) : JSON.stringify(v);
}

/** JSON.stringify of a list, each frozen item's text made once. */
function listText(list: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) out += (i ? ',' : '') + (valueText(list[i]) ?? 'null');
  return out + ']';
}

function keyText(key: string): string {
  let t = keyTexts.get(key);
  if (t === undefined) {
    t = JSON.stringify(key) + ':';
    // Bounded: a determination's keys are a handful, but an object from outside could have any.
    if (keyTexts.size < 256) keyTexts.set(key, t);
  }
  return t;
}

/** Where a determination's text goes: the text made for it, and the parts whose text is made once. */
interface Sink {
  add(text: string): void;
  addShared(part: object): void;
}

/**
 * Writes `JSON.stringify(d)` to a sink: its own keys in order, each value as JSON.stringify writes
 * it (a key whose value it leaves out, undefined, left out too), a frozen part (the guideline, a
 * criterion's result) as the part's text made once.
 */
function write(d: Determination, sink: Sink): void {
  const criteria = d.criteria;
  if (!Array.isArray(criteria) || criteria.length === 0 || 'toJSON' in d || 'toJSON' in criteria) {
    sink.add(JSON.stringify(d));
    return;
  }
  let first = true;
  for (const key in d) {
    if (!Object.hasOwn(d, key)) continue;
    const v = (d as unknown as Record<string, unknown>)[key];
    if (key === 'criteria') {
      sink.add((first ? '{' : ',') + keyText(key) + '[');
      for (let i = 0; i < criteria.length; i++) {
        if (i) sink.add(',');
        const item = criteria[i];
        if (isShared(item)) sink.addShared(item);
        else sink.add(valueText(item) ?? 'null');
      }
      sink.add(']');
    } else if (isShared(v)) {
      sink.add((first ? '{' : ',') + keyText(key));
      sink.addShared(v);
    } else {
      const text = valueText(v);
      if (text === undefined) continue;
      sink.add((first ? '{' : ',') + keyText(key) + text);
    }
    first = false;
  }
  sink.add(first ? '{}' : '}');
}

/** A string sink. */
class Text implements Sink {
  text = '';
  add(text: string): void {
    this.text += text;
  }
  addShared(part: object): void {
    this.text += sharedText(part);
  }
}

/** `JSON.stringify(d)`, the text of its shared parts made once. */
export function determinationJson(d: Determination): string {
  const t = new Text();
  write(d, t);
  return t.text;
}

/**
 * UTF-8 text built up from strings and determinations, for a batch that writes bytes: a shared
 * part's bytes are encoded once and copied in, the text between them encoded as it comes, into one
 * buffer grown as needed.
 */
export class JsonBytes implements Sink {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  /** Text added since the last shared part, encoded when the next one comes or at `take`. */
  private pending = '';

  add(text: string): void {
    this.pending += text;
  }

  addShared(part: object): void {
    this.encodePending();
    let bytes = byteTexts.get(part);
    // Its bytes only: the text is made again should determinationJson ask for it.
    if (bytes === undefined) byteTexts.set(part, (bytes = utf8.encode(texts.get(part) ?? JSON.stringify(part))));
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Adds `JSON.stringify(d)`. */
  determination(d: Determination): void {
    write(d, this);
  }

  /**
   * The bytes added since the last take, in a buffer of their own (transferable: the caller owns it),
   * and a fresh start in a new buffer a little larger than they were, not copied.
   */
  take(): Uint8Array<ArrayBuffer> {
    this.encodePending();
    const out = this.buffer.subarray(0, this.length) as Uint8Array<ArrayBuffer>;
    this.buffer = new Uint8Array(Math.max(1 << 16, this.length + (this.length >> 3)));
    this.length = 0;
    return out;
  }

  private encodePending(): void {
    const text = this.pending;
    if (!text) return;
    this.pending = '';
    // At most three bytes a UTF-16 unit.
    this.room(3 * text.length);
    this.length += utf8.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(2 * this.buffer.length, this.length + n));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
