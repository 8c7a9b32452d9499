// Building DOM from data: every piece of user or case text goes in as a text node, never as HTML.
type Child = Node | string | null | undefined | false;

/** `el('li', { class: 'x' }, 'text', child)`: attributes are set as attributes, strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return node;
}

/** Replaces an element's content. */
export function show(target: HTMLElement, ...children: Child[]): void {
  target.replaceChildren();
  for (const c of children) if (c !== null && c !== undefined && c !== false) target.append(typeof c === 'string' ? document.createTextNode(c) : c);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`playground: #${id} is missing from index.html`);
  return e as T;
}
