// Moves cached AST pieces and diagnostics to where they stand now: a deep copy with every range
// shifted. Cached values are never handed out themselves, so callers may mutate what they get.

/** A deep copy of plain data in which every `range` ({ start, end }) is moved by delta. */
export function shifted<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((v) => shifted(v, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'range' && v && typeof v === 'object' && 'start' in v) {
      const r = v as { start: number; end: number };
      out[k] = { start: r.start + delta, end: r.end + delta };
    } else out[k] = shifted(v, delta);
  }
  return out as T;
}

/** A bounded memo: past its size it starts over, which keeps an editor session's memory flat. */
export class Memo<V> {
  private map = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.size) this.map = new Map();
    this.map.set(key, value);
  }
}
