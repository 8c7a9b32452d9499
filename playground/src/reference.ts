// The Reference panel: the diagnostics catalog and the language specification, by section, searchable,
// opened at a diagnostic's entry from the problems list. The texts load with the panel (their own
// chunk); markdown is shown as text: headings, paragraphs, lists and code blocks, inline code as code.
import { el, show } from './dom.ts';

interface Section {
  doc: string;
  title: string;
  body: string[];
}

/** Sections at each `##` or `###` heading (fenced code is never a heading). */
export function sections(doc: string, text: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const h = fenced ? null : /^#{2,3} (.+)$/.exec(line);
    if (h) out.push((current = { doc, title: h[1]!, body: [] }));
    else current?.body.push(line);
  }
  return out;
}

/** A line with `code` spans as code elements, and the rest as text. */
function inline(line: string): (string | HTMLElement)[] {
  return line.replace(/\*\*/g, '').split('`').map((part, i) => (i % 2 ? el('code', {}, part) : part));
}

function render(s: Section): HTMLElement {
  const blocks: HTMLElement[] = [];
  let para: string[] = [];
  let code: string[] | undefined;
  const flush = (): void => {
    if (para.length) blocks.push(el('p', {}, inline(para.join(' '))));
    para = [];
  };
  for (const line of s.body) {
    if (line.startsWith('```')) {
      if (code) {
        blocks.push(el('pre', {}, code.join('\n')));
        code = undefined;
      } else {
        flush();
        code = [];
      }
    } else if (code) code.push(line);
    else if (!line.trim()) flush();
    else if (/^\s*[-*] /.test(line)) {
      flush();
      blocks.push(el('p', { class: 'ref-item' }, '• ', inline(line.replace(/^\s*[-*] /, ''))));
    } else para.push(line.trim());
  }
  flush();
  return el('article', { class: 'ref-section', 'data-section': s.title }, el('h2', {}, s.title), el('p', { class: 'muted small' }, s.doc), blocks);
}

export class ReferencePanel {
  private all: Section[] | undefined;
  private readonly search = el('input', { type: 'search', placeholder: 'Search the reference (a code such as C301, or words)', 'aria-label': 'Search the reference' });
  private readonly list = el('ul', { class: 'ref-list', 'aria-label': 'Sections' });
  private readonly view = el('div', { class: 'ref-view' });

  constructor(private readonly host: HTMLElement) {
    this.search.addEventListener('input', () => this.fill());
    show(host, this.search, el('div', { class: 'ref-body' }, this.list, this.view));
  }

  /** Opens the panel's texts (once), at the section whose title starts with `at` when given. */
  async open(at?: string): Promise<void> {
    if (!this.all) {
      const { referenceTexts } = await import('./reference-texts.ts');
      this.all = referenceTexts.flatMap((d) => sections(d.title, d.text));
    }
    if (at) this.search.value = at;
    this.fill();
    const first = this.shown()[0];
    if (first) this.select(first);
  }

  private shown(): Section[] {
    const words = this.search.value.trim().toLowerCase();
    return (this.all ?? []).filter((s) => !words || s.title.toLowerCase().includes(words) || s.body.join('\n').toLowerCase().includes(words))
      .sort((a, b) => Number(b.title.toLowerCase().startsWith(words)) - Number(a.title.toLowerCase().startsWith(words)));
  }

  private fill(): void {
    show(this.list, this.shown().map((s) => {
      const b = el('button', { type: 'button', class: 'link' }, s.title);
      b.addEventListener('click', () => this.select(s));
      return el('li', {}, b);
    }));
  }

  private select(s: Section): void {
    show(this.view, render(s));
  }
}
