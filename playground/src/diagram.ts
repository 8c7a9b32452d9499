// The guideline as a picture: the graphs of diagram-graph.ts laid out by elkjs in its own worker (the
// page never waits on the layout), drawn as SVG with all text through text nodes, laid out once per
// picture (the last few layouts kept, so a file opened again is not laid out again) and recoloured in
// place by each determination. This module and the layout engine load only when the Picture tab first
// opens. A box that is a link opens its line, by click or by Enter, in another file when it is another
// guideline; a redraw keeps the focused box focused.
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { graphsOf, type Box, type Graph } from './diagram-graph.ts';
import { el, show } from './dom.ts';
import { layoutsKept } from './limits.ts';
import type { DiagramData, SourceSpan } from './protocol.ts';
import { Recent } from './recent.ts';
import { decisionText } from './results.ts';
import { startWorker } from './workers.ts';

const svgNs = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

let engine: { elk: InstanceType<typeof ELK>; failed: Promise<never> } | undefined;
/**
 * The layout engine, in a worker of its own, started at the first picture; with the failure of its
 * worker (elkjs itself would wait for an answer forever), after which the next picture starts another.
 */
function elk(): NonNullable<typeof engine> {
  if (engine) return engine;
  let fail: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {}); // said where a layout waits on it
  const started = {
    failed,
    elk: new ELK({
      workerFactory: () => {
        const worker = startWorker(elkWorkerUrl, 'guideline-layout', 'classic');
        worker.addEventListener('error', (e) => {
          e.preventDefault();
          if (engine === started) engine = undefined;
          fail(new Error(`the layout worker stopped: ${e.message || 'its script did not load'}`));
        });
        return worker;
      },
    }),
  };
  return (engine = started);
}

const stepPadding = '[top=34,left=12,bottom=12,right=12]';

function elkNode(b: Box): ElkNode {
  return {
    id: b.id, width: b.width, height: b.height,
    ...(b.children ? { children: b.children.map(elkNode), layoutOptions: { 'elk.padding': stepPadding, 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '10' } } : {}),
  };
}

/** Lays a graph out: layered, in the given direction, keeping the model's order (criteria as written). */
function layout(g: Graph): Promise<ElkNode> {
  const { elk: engine, failed } = elk();
  return Promise.race([failed, engine.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered', 'elk.direction': g.direction, 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES', 'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
      'elk.spacing.nodeNode': '14', 'elk.layered.spacing.nodeNodeBetweenLayers': '56', 'elk.edgeLabels.placement': 'CENTER', 'elk.padding': '[top=8,left=8,bottom=8,right=8]',
    },
    children: g.boxes.map(elkNode),
    edges: g.edges.map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.from], targets: [e.to], ...(e.label ? { labels: [{ text: e.label, width: e.label.length * 6 + 6, height: 13 }] } : {}) })),
  })]);
}

/** Lays every graph of a picture out, measured (`diagram-layout`) when done. */
async function layoutAll(graphs: readonly Graph[]): Promise<ElkNode[]> {
  const start = performance.now();
  const placed = await Promise.all(graphs.map(layout));
  performance.measure('diagram-layout', { start });
  return placed;
}

/** A drawn line as text nodes: a space after all but the last (the name reads on across lines), an ellipsis hidden from screen readers (the name has the whole label). */
function lineText(line: string, more: boolean): (Node | string)[] {
  const cut = line.endsWith('…');
  const text = cut ? line.slice(0, -1).trimEnd() : line;
  return [more ? `${text} ` : text, ...(cut ? [svg('tspan', { 'aria-hidden': 'true' }, ' …')] : [])];
}

/** What a box is drawn with that the current case decides (its status, whether its decision is the case's, its name saying so), as attributes. */
function looks(b: Box): Record<string, string> {
  return { class: ['diagram-box', `diagram-${b.kind}`, b.status ? `status-box-${b.status}` : '', b.current ? 'diagram-current' : '', b.at ? 'diagram-link' : ''].filter(Boolean).join(' '), 'aria-label': b.name };
}

/** Where a picture's boxes are drawn, by box id (for recolouring), and where a link box leads. */
interface Drawing {
  boxes: Map<string, SVGGElement>;
  onSource: (at: SourceSpan) => void;
}

function drawBox(b: Box, placed: ElkNode, into: Drawing): SVGGElement {
  const x = placed.x ?? 0;
  const y = placed.y ?? 0;
  const attrs: Record<string, string | number> = {
    ...looks(b), 'data-kind': b.kind, role: b.at ? 'button' : b.children ? 'group' : 'img',
    ...(b.at ? { tabindex: 0, 'data-line': b.at.line, 'data-file': b.at.file } : {}), ...(b.ref ? { 'data-id': b.ref } : {}),
  };
  const inner = (b.children ?? []).map((c) => {
    const p = placed.children?.find((n) => n.id === c.id);
    return p ? drawBox(c, { ...p, x: x + (p.x ?? 0), y: y + (p.y ?? 0) }, into) : '';
  });
  const g = svg('g', attrs,
    svg('title', {}, b.name),
    svg('rect', { x, y, width: placed.width ?? b.width, height: placed.height ?? b.height, rx: 5 }),
    svg('text', { x: x + 8, y: y + 18 }, ...b.lines.map((line, i) => svg('tspan', { x: x + 8, dy: i ? 15 : 0 }, ...lineText(line, i < b.lines.length - 1)))),
    ...inner);
  into.boxes.set(b.id, g);
  const at = b.at;
  if (at) {
    const open = (e: Event): void => {
      e.stopPropagation();
      into.onSource(at);
    };
    g.addEventListener('click', open);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open(e);
      }
    });
  }
  return g;
}

function drawEdge(e: ElkExtendedEdge, arrow: string): SVGGElement {
  const s = e.sections?.[0];
  const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
  const label = e.labels?.[0];
  return svg('g', {},
    svg('path', { d: points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' '), class: 'diagram-edge', 'marker-end': `url(#${arrow})` }),
    label?.text ? svg('text', { x: label.x ?? 0, y: (label.y ?? 0) + 10, class: 'diagram-role' }, label.text) : '');
}

function drawGraph(g: Graph, n: number, placed: ElkNode, into: Drawing): HTMLElement {
  const marker = `diagram-arrow-${n}`;
  const width = Math.ceil(placed.width ?? 0);
  const height = Math.ceil(placed.height ?? 0);
  const boxes = g.boxes.map((b) => drawBox(b, placed.children?.find((n) => n.id === b.id) ?? { id: b.id }, into));
  const arrow = svg('defs', {}, svg('marker', { id: marker, viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto' }, svg('path', { d: 'M0,0 L8,4 L0,8 z', class: 'diagram-arrowhead' })));
  const edges = svg('g', { 'aria-hidden': 'true' }, arrow, ...(placed.edges ?? []).map((e) => drawEdge(e, marker)));
  return el('section', { class: 'diagram-section' },
    el('h2', { class: 'panel-heading' }, g.title),
    el('p', { class: 'muted small' }, g.note),
    svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'diagram', role: 'group', 'aria-label': g.title }, edges, ...boxes) as unknown as HTMLElement);
}

/** The box that has the keyboard focus in the picture, named so that its redrawn self can be found. */
function focusedBox(target: HTMLElement): { kind: string; id: string | null; name: string | null } | undefined {
  const active = document.activeElement;
  if (!active || !target.contains(active) || !active.classList.contains('diagram-box')) return undefined;
  return { kind: active.getAttribute('data-kind') ?? '', id: active.getAttribute('data-id'), name: active.getAttribute('aria-label') };
}

/** Gives the focus back to the box that had it before a redraw (by kind and id, else by its name), where it is still drawn. */
function refocus(target: HTMLElement, box: NonNullable<ReturnType<typeof focusedBox>>): void {
  const candidates = [...target.querySelectorAll<SVGGElement>(`.diagram-box[data-kind="${CSS.escape(box.kind)}"]`)];
  const again = candidates.find((b) => box.id !== null && b.getAttribute('data-id') === box.id) ?? candidates.find((b) => b.getAttribute('aria-label') === box.name);
  again?.focus({ preventScroll: true });
}

/** Gives each drawn box the looks of the current case (the same elements: the focus stays where it is). */
function recolour(graphs: readonly Graph[], drawn: ReadonlyMap<string, SVGGElement>): void {
  const each = (b: Box): void => {
    const g = drawn.get(b.id);
    if (g) {
      for (const [k, v] of Object.entries(looks(b))) if (g.getAttribute(k) !== v) g.setAttribute(k, v);
      const title = g.querySelector(':scope > title');
      if (title && title.textContent !== b.name) title.textContent = b.name;
    }
    b.children?.forEach(each);
  };
  for (const g of graphs) g.boxes.forEach(each);
}

/**
 * A file's picture in its target. The data (the worker's, which no case changes) is laid out once:
 * a picture of the same data is the drawn one recoloured by the statuses, and only new data (an edited
 * guideline, another file) is drawn anew, laid out again unless it is among the last `layoutsKept`
 * laid out (switching back to a file opened lately takes no layout).
 */
export class Picture {
  /** The layouts of the data last asked for, by its text (while under way too: a second picture of the same data waits for it). */
  private readonly laidOut = new Recent<string, Promise<ElkNode[]>>(layoutsKept);
  /** The data drawn in the target, by its text, and its boxes. */
  private drawn: { key: string; sections: HTMLElement[]; boxes: Map<string, SVGGElement> } | undefined;

  constructor(private readonly target: HTMLElement, private readonly onSource: (at: SourceSpan) => void) {}

  /** Draws or recolours the picture (after the layouts, all at once); false when a newer picture was asked for meanwhile. */
  async draw(data: DiagramData, statuses: ReadonlyMap<string, string>, current: string | undefined, stale: () => boolean = () => false): Promise<boolean> {
    const { target } = this;
    if (!data.roots.length && !data.order?.length) {
      this.drawn = undefined;
      show(target, el('p', { 'data-testid': 'diagram-empty' }, 'This file has no guideline or policy to draw (or the workspace has errors: fix them to see the picture).'));
      return true;
    }
    const graphs = graphsOf(data, statuses, current, decisionText);
    const key = JSON.stringify(data);
    const drawn = this.drawn;
    if (drawn?.key === key && drawn.sections.every((s) => s.parentNode === target)) {
      recolour(graphs, drawn.boxes);
      return true;
    }
    const layout = this.laidOut.get(key) ?? layoutAll(graphs);
    this.laidOut.set(key, layout);
    const placed = await layout.catch((e: unknown) => {
      this.laidOut.drop(key, layout); // the next picture tries again
      throw e;
    });
    if (stale()) return false;
    const focused = focusedBox(target);
    const into: Drawing = { boxes: new Map(), onSource: this.onSource };
    const sections = graphs.map((g, i) => drawGraph(g, i, placed[i]!, into));
    show(target, ...(data.cut ? [el('p', { class: 'muted small' }, 'Conditions past the limit are left out.')] : []), ...sections);
    this.drawn = { key, sections, boxes: into.boxes };
    if (focused) refocus(target, focused);
    return true;
  }
}
