// The picture's graphs, before layout, from the worker's DiagramData: per guideline or policy, when it
// applies and its criteria (with a policy's that apply under it) and its decision procedure (with the
// criteria that can certify part); per policy, its evidence order. elkjs places them (diagram.ts).
import type { DecisionRule, DiagramData, DiagramNode, EvidenceOrder, SourceSpan } from './protocol.ts';

export interface Box {
  id: string;
  kind: string;
  /** The label's lines as drawn (the whole label is `name`). */
  lines: string[];
  /** The accessible name: the whole label, its kind and status, its line. */
  name: string;
  width: number;
  height: number;
  /** The criterion's status in the current determination. */
  status?: string;
  /** The criterion's or guideline's id. */
  ref?: string;
  /** Whether the current determination's decision is this box's. */
  current?: boolean;
  /** Where a click takes the editor: boxes without one are not links. */
  at?: SourceSpan;
  /** Boxes inside this one (a policy's step). */
  children?: Box[];
}

export interface Edge {
  id: string;
  from: string;
  to: string;
  label?: string;
}

export interface Graph {
  title: string;
  /** What the section shows, in a sentence. */
  note: string;
  direction: 'RIGHT' | 'DOWN';
  boxes: Box[];
  edges: Edge[];
}

const boxWidth = 230;
const charsPerLine = 32;
const linesShown = 3;
const lineHeight = 15;

/** A label as at most three lines of whole words (a word longer than a line has one of its own), an ellipsis after the last when the rest is left out. */
export function wrap(label: string, chars = charsPerLine, max = linesShown): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!}…`;
  return kept;
}

function box(id: string, kind: string, label: string, name: string, extra: Partial<Box> = {}): Box {
  const lines = wrap(label);
  const longest = Math.max(...lines.map((l) => l.length));
  return { id, kind, lines, name, width: Math.max(boxWidth, 16 + longest * 7), height: 12 + lines.length * lineHeight, ...extra };
}

const words = (decision: string, text: Readonly<Record<string, string>>): string => text[decision] ?? decision;

/** When the guideline applies, its criteria and their conditions: a tree, left to right. */
function criteriaGraph(root: DiagramNode, n: number, statuses: ReadonlyMap<string, string>): Graph {
  const boxes: Box[] = [];
  const edges: Edge[] = [];
  const add = (node: DiagramNode, parent?: string): void => {
    const id = `g${n}-${boxes.length}`;
    const status = node.kind === 'criterion' && node.id ? statuses.get(node.id) : undefined;
    // A policy drawn for itself is the graph's head; one under a guideline holds the criteria it adds.
    const kind = node.kind === 'policy' && !parent ? 'guideline' : node.kind;
    boxes.push(box(id, kind, node.label, `${node.label}, ${node.kind}${status ? `, ${status}` : ''}, line ${node.line}`, {
      at: { file: node.file, line: node.line, endLine: node.line }, ...(status ? { status } : {}), ...(node.id && node.kind !== 'applicability' ? { ref: node.id } : {}),
    }));
    if (parent) edges.push({ id: `${id}-in`, from: parent, to: id, label: node.role });
    for (const c of node.children) add(c, id);
  };
  add(root);
  return { title: root.label, note: 'When it applies and its criteria, each with its conditions as written, coloured by the current case\'s statuses; a box opens its line in the editor.', direction: 'RIGHT', boxes, edges };
}

/** The decision procedure: questions tried in order, each either deciding or passing to the next. */
function decisionGraph(rules: readonly DecisionRule[], n: number, current: string | undefined, text: Readonly<Record<string, string>>): Graph {
  const boxes: Box[] = [];
  const edges: Edge[] = [];
  const outcome = (id: string, decision: string, why: string): Box => box(id, 'outcome', words(decision, text), `${why}: ${words(decision, text)}${decision === current ? ', the current case\'s decision' : ''}`, { current: decision === current, ref: decision });
  rules.forEach((r, i) => {
    const q = `d${n}-q${i}`;
    if (r.status === 'met') {
      boxes.push(outcome(`d${n}-o${i}`, r.decision, r.ask));
      if (i > 0) edges.push({ id: `d${n}-e${i}`, from: `d${n}-q${i - 1}`, to: `d${n}-o${i}`, label: 'no' });
      return;
    }
    boxes.push(box(q, 'question', `${r.ask}?`, `${r.ask}?`, { status: r.status }));
    if (i > 0) edges.push({ id: `d${n}-e${i}`, from: `d${n}-q${i - 1}`, to: q, label: 'no' });
    if (r.first) {
      const f = `d${n}-f${i}`;
      boxes.push(box(f, 'question', `${r.first.ask}?`, `${r.first.ask}?`), outcome(`d${n}-p${i}`, r.first.decision, r.first.ask), outcome(`d${n}-o${i}`, r.decision, r.ask));
      edges.push({ id: `${f}-in`, from: q, to: f, label: 'yes' }, { id: `${f}-yes`, from: f, to: `d${n}-p${i}`, label: 'yes' }, { id: `${f}-no`, from: f, to: `d${n}-o${i}`, label: 'no' });
      // The criteria whose `certify at most` can make it hold, each a link to its line.
      (r.first.by ?? []).forEach((c, j) => {
        const id = `d${n}-c${i}-${j}`;
        boxes.push(box(id, 'certifier', c.label, `${c.label}, a criterion that can certify part, ${c.file} line ${c.line}`, { at: { file: c.file, line: c.line, endLine: c.line } }));
        edges.push({ id: `${id}-to`, from: id, to: f, label: 'certifies at most' });
      });
    } else {
      boxes.push(outcome(`d${n}-o${i}`, r.decision, r.ask));
      edges.push({ id: `${q}-yes`, from: q, to: `d${n}-o${i}`, label: 'yes' });
    }
  });
  return { title: 'How the statuses decide', note: 'The criteria\'s statuses become the decision by these questions, in order (not applicable criteria count for nothing); the current case\'s decision is marked.', direction: 'DOWN', boxes, edges };
}

/** A policy's evidence order: each step a box holding its guidelines, each a link to its file. */
function orderGraph(order: EvidenceOrder, n: number): Graph {
  const steps = order.steps.map((s, i): Box => {
    const children = s.guidelines.map((g, j) => box(`o${n}-s${i}-${j}`, 'ordered-guideline', g.label, `${g.label}, guideline ${g.id}, step ${i + 1}, ${g.file} line ${g.line}`, { ref: g.id, at: { file: g.file, line: g.line, endLine: g.line } }));
    const step = box(`o${n}-s${i}`, 'step', `Step ${i + 1}: ${s.patterns.join(', ')}`, `Step ${i + 1}: ${s.patterns.join(', ')}`, { children });
    return step;
  });
  const edges = steps.slice(1).map((s, i): Edge => ({ id: `o${n}-e${i}`, from: steps[i]!.id, to: s.id, label: 'none applies' }));
  return { title: `Evidence order of ${order.label}`, note: 'The first guideline in this order that applies to the request governs it; a guideline opens its file.', direction: 'DOWN', boxes: steps, edges };
}

/** Every graph of a file's picture, in the order drawn. */
export function graphsOf(data: DiagramData, statuses: ReadonlyMap<string, string>, current: string | undefined, text: Readonly<Record<string, string>>): Graph[] {
  return [
    ...(data.order ?? []).map((o, i) => orderGraph(o, i)),
    ...data.roots.flatMap((r, i) => [criteriaGraph(r, i, statuses), ...(r.decision ? [decisionGraph(r.decision, i, current, text)] : [])]),
  ];
}
