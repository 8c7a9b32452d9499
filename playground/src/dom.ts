// Building DOM from data: every piece of user or case text goes in as a text node, never as HTML.
// Lists of children are passed as arrays, never spread into arguments (a spread of a few hundred
// thousand items overflows the stack).
type Child = Node | string | null | undefined | false;
export type Children = Child | readonly Child[];

function appendOne(node: Element, c: Child): void {
  if (c !== null && c !== undefined && c !== false) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
}

function append(node: Element, children: readonly Children[]): void {
  for (const c of children) {
    if (Array.isArray(c)) for (const x of c as readonly Child[]) appendOne(node, x);
    else appendOne(node, c as Child);
  }
}

/** `el('li', { class: 'x' }, 'text', child, [more, children])`: attributes are set as attributes, strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  append(node, children);
  return node;
}

/** Replaces an element's content. */
export function show(target: HTMLElement, ...children: Children[]): void {
  target.replaceChildren();
  append(target, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`playground: #${id} is missing from index.html`);
  return e as T;
}

/** "3 errors", "1 warning": a count with its noun. */
export const count = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;

/** A line saying how many items of a list are not shown ("N more"), or nothing when all are. */
export function moreLine(hidden: number, noun: string, plural = `${noun}s`, note = ''): HTMLElement | null {
  return hidden > 0 ? el('p', { class: 'more', 'data-more': String(hidden) }, `${hidden} more ${hidden === 1 ? noun : plural} not shown${note}`) : null;
}
