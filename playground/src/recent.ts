// A map that keeps only its most recently used entries: at most `size`, the least recently read or
// written dropped first. What the page keeps of past work it may be asked for again (the picture's
// layouts of the files opened last), with its memory bounded.
export class Recent<K, V> {
  /** The entries, least recently used first (a Map keeps its insertion order). */
  private readonly entries = new Map<K, V>();

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Recent: size must be a positive integer, not ${size}`);
  }

  /** The value kept for a key, now the most recently used; undefined when none is kept. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Keeps a value for a key, the most recently used, dropping the least recently used past the size. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.size) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets a key's value, only if it is still the one given (a newer value for the key stays). */
  drop(key: K, value: V): void {
    if (this.entries.get(key) === value) this.entries.delete(key);
  }

  /** The keys kept, least recently used first. */
  keys(): K[] {
    return [...this.entries.keys()];
  }
}
