// The guideline as a picture: its criteria and their conditions as boxes from left to right (a tidy
// tree: each box centred on its children), each coloured by the status the current determination gave
// it, each a link to its source line. Drawn as SVG; all text through text nodes.
import { el, show } from './dom.ts';
import type { DiagramData, DiagramNode, SourceSpan } from './protocol.ts';

const svgNs = 'http://www.w3.org/2000/svg';
const column = 250;
const boxWidth = 210;
const boxHeight = 30;
const rowHeight = 38;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

interface Placed {
  node: DiagramNode;
  depth: number;
  y: number;
  parent?: Placed;
}

/** Places every node: leaves one row each, in order; a parent at the middle of its children. */
export function layout(roots: readonly DiagramNode[]): { placed: Placed[]; rows: number } {
  const placed: Placed[] = [];
  let row = 0;
  const place = (node: DiagramNode, depth: number, parent?: Placed): Placed => {
    const p: Placed = { node, depth, y: 0, ...(parent ? { parent } : {}) };
    placed.push(p);
    if (!node.children.length) p.y = row++;
    else {
      const kids = node.children.map((c) => place(c, depth + 1, p));
      p.y = (kids[0]!.y + kids[kids.length - 1]!.y) / 2;
    }
    return p;
  };
  for (const r of roots) {
    place(r, 0);
    row++; // a gap between guidelines
  }
  return { placed, rows: Math.max(row - 1, 1) };
}

/** A label's first whole words, and a hidden ellipsis when it is cut (its full text is the box's name). */
function short(s: string, n = 32): (Node | string)[] {
  if (s.length <= n) return [s];
  const cut = s.lastIndexOf(' ', n - 1);
  return [s.slice(0, cut > 0 ? cut : n - 1), svg('tspan', { 'aria-hidden': 'true' }, ' …')];
}

export function renderDiagram(target: HTMLElement, data: DiagramData, statuses: ReadonlyMap<string, string>, onSource: (at: SourceSpan) => void): void {
  if (!data.roots.length) {
    show(target, el('p', { 'data-testid': 'diagram-empty' }, 'This file has no guideline or policy to draw (or the workspace has errors: fix them to see the picture).'));
    return;
  }
  const { placed, rows } = layout(data.roots);
  const depth = Math.max(...placed.map((p) => p.depth)) + 1;
  const top = (p: Placed): number => 10 + p.y * rowHeight;
  const edges = placed.filter((p) => p.parent).map((p) => {
    const from = p.parent!;
    const x1 = 10 + from.depth * column + boxWidth;
    const y1 = top(from) + boxHeight / 2;
    const x2 = 10 + p.depth * column;
    const y2 = top(p) + boxHeight / 2;
    return svg('g', {},
      svg('path', { d: `M${x1},${y1} C${x1 + 25},${y1} ${x2 - 25},${y2} ${x2},${y2}`, class: 'diagram-edge' }),
      p.node.role ? svg('text', { x: x2 - 4, y: y2 - 4, 'text-anchor': 'end', class: 'diagram-role' }, p.node.role) : '');
  });
  const boxes = placed.map((p) => {
    const status = p.node.kind === 'criterion' && p.node.id ? statuses.get(p.node.id) : undefined;
    const x = 10 + p.depth * column;
    const y = top(p);
    const label = `${p.node.label}, ${p.node.kind}${status ? `, ${status}` : ''}, line ${p.node.line}`;
    const box = svg('g', { class: `diagram-box diagram-${p.node.kind}${status ? ` status-box-${status}` : ''}`, tabindex: 0, role: 'button', 'aria-label': label, 'data-kind': p.node.kind, 'data-line': p.node.line, ...(p.node.id ? { 'data-id': p.node.id } : {}) },
      // The whole label on hover: the box shows what fits.
      svg('title', {}, label),
      svg('rect', { x, y, width: boxWidth, height: boxHeight, rx: 5 }),
      svg('text', { x: x + 8, y: y + 19 }, ...short(p.node.label)));
    const open = (): void => onSource({ file: p.node.file, line: p.node.line, endLine: p.node.line });
    box.addEventListener('click', open);
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      }
    });
    return box;
  });
  const width = 20 + (depth - 1) * column + boxWidth;
  const height = 20 + rows * rowHeight;
  show(target,
    el('p', { class: 'muted small' }, 'Criteria and their conditions, coloured by the current case\'s statuses; a box opens its line in the editor.', data.cut ? ' (Conditions past the limit are left out.)' : ''),
    svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'diagram', role: 'group', 'aria-label': 'The guideline as a picture' }, ...edges, ...boxes) as unknown as HTMLElement);
}
