// Moves kept AST pieces and diagnostics to where they stand now: a deep copy with every range
// shifted. A piece that has not moved is handed out as it is, so no pass may mutate a parsed AST
// (assembly gives each kept guideline header a copy to hang its members on).

/** A deep copy of plain data in which every `range` ({ start, end }) is moved by delta. */
export function shifted<T>(value: T, delta: number): T {
  return copy(value, delta) as T;
}

// Hot on every edit (each cached declaration is copied into place): for-in over plain objects and
// an indexed loop over arrays, no intermediate arrays.
function copy(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], delta);
    return out;
  }
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) {
    const v = src[k];
    if (k === 'range' && v !== null && typeof v === 'object') {
      const r = v as { start: number; end: number };
      out[k] = { start: r.start + delta, end: r.end + delta };
    } else out[k] = typeof v === 'object' ? copy(v, delta) : v;
  }
  return out;
}

/** A bounded memo: past its capacity it starts over, which keeps an editor session's memory flat. */
export class Memo<V> {
  private map = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  /** How many values it holds. */
  get size(): number {
    return this.map.size;
  }
  set(key: string, value: V): void {
    if (this.map.size >= this.capacity) this.map = new Map();
    this.map.set(key, value);
  }
}
