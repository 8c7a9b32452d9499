// Canonical printer: guideline text -> the same declarations laid out one way (declarations apart by
// one blank line, clauses indented two spaces, header keywords and recommendations aligned), comments
// kept. `guideline fmt` and the playground's Format Document both call `formatGuideline`.
import type * as A from './ast.ts';
import { diagnostic, hasErrors, type Diagnostic, type Range } from './diagnostics.ts';
import { lex } from './lexer.ts';
import { declaredUnitsOf, parse } from './parse.ts';
import { printExpr } from './format-expr.ts';
import { maxWidth, PrintedLines, type SourceComment } from './format-lines.ts';
import { exprLines } from './format-wrap.ts';
import { numberReadAs } from './numbers.ts';
import { unitName, type DeclaredUnits } from './units.ts';

export interface FormatResult {
  /** The formatted text, or the input unchanged when it could not be formatted. */
  text: string;
  /** False when the input has syntax errors (or repeated clauses) and was left as it is. */
  formatted: boolean;
  changed: boolean;
  /** The parse diagnostics that stopped formatting (empty when formatted). */
  diagnostics: Diagnostic[];
}

/** An item of a comma-separated list (a class's terms, a fact's values and options), to wrap. */
interface Item {
  text: string;
  start: number;
  end: number;
}

/** An item of a list: its text as printed, over its node's range (to see where the author broke the list). */
const item = (text: string, n: { range: Range }): Item => ({ text, start: n.range.start, end: n.range.end });

const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Formats guideline text. Never throws: text that does not parse is returned unchanged, with why.
 * `units`: the units other files of the program declare (`unitsDeclaredIn`), which its numbers may
 * be written in; the file's own are known without them.
 */
export function formatGuideline(text: string, file?: string, options: { units?: DeclaredUnits } = {}): FormatResult {
  let parsed = parse(text, file);
  const units = new Map([...(options.units ?? []), ...declaredUnitsOf([parsed.ast])]);
  if (units.size) parsed = parse(text, file, undefined, units);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  const ast = parsed.ast;
  const criteria = [...ast.guidelines.flatMap((g) => g.criteria), ...ast.policies.flatMap((p) => p.criteria), ...ast.vocabularies.flatMap((v) => v.criteria)];
  const facts = ast.vocabularies.flatMap((v) => [...v.facts, ...v.records.flatMap((r) => r.fields)]);
  // A clause given twice: only one of them could be printed, so the text is left as it is, and
  // why is said as the checker says it (C308), at the second.
  const repeated = [
    ...ast.guidelines.flatMap((g) => g.repeated),
    ...ast.vocabularies.flatMap((v) => v.repeated),
    ...facts.flatMap((f) => f.repeated),
    ...criteria.flatMap((c) => (c.kind === 'CriterionDecl' ? [...c.repeated, ...c.parts.flatMap((p) => p.repeated)] : [])),
  ];
  if (hasErrors(parsed.diagnostics) || repeated.length) {
    return { text, formatted: false, changed: false, diagnostics: [...errors, ...repeated.map((r) => ({ ...diagnostic('C308', r.range, { clause: r.text }), ...(file === undefined ? {} : { file }) }))] };
  }
  const out = new Printer(text).file(parsed.ast, parsed.comments);
  return { text: out, formatted: true, changed: out !== text, diagnostics: [] };
}

/** Formats guideline text; returns it unchanged when it has syntax errors. */
export function format(text: string): string {
  return formatGuideline(text).text;
}

class Printer {
  private readonly out: PrintedLines;

  constructor(private readonly src: string) {
    this.out = new PrintedLines(src);
  }

  file(ast: A.GuidelineFile, comments: readonly SourceComment[]): string {
    type Item = { start: number; print: () => void };
    const items: Item[] = [];
    const member = (c: A.CriterionDecl | A.UseDecl): void => {
      items.push({ start: c.range.start, print: () => (c.kind === 'UseDecl' ? this.use(c) : this.criterion(c)) });
    };
    const define = (d: A.DefineDecl): void => {
      items.push({ start: d.range.start, print: () => this.define(d) });
    };
    for (const v of ast.vocabularies) {
      items.push({ start: v.range.start, print: () => this.vocabulary(v) });
      for (const u of v.units) items.push({ start: u.range.start, print: () => this.unit(u) });
      for (const f of v.facts) items.push({ start: f.range.start, print: () => this.fact(f, 0) });
      for (const r of v.records) items.push({ start: r.range.start, print: () => this.record(r) });
      v.defines.forEach(define);
      for (const t of v.tables) items.push({ start: t.range.start, print: () => this.table(t) });
      v.criteria.forEach(member);
    }
    for (const g of ast.guidelines) {
      items.push({ start: g.range.start, print: () => this.guidelineHeader(g) });
      for (const c of g.classes) items.push({ start: c.range.start, print: () => this.classDecl(c) });
      for (const r of g.recommendations) items.push({ start: r.range.start, print: () => this.recommend(r) });
      for (const t of g.tables) items.push({ start: t.range.start, print: () => this.table(t) });
      g.criteria.forEach(member);
      g.defines.forEach(define);
    }
    for (const p of ast.policies) {
      items.push({ start: p.range.start, print: () => this.policy(p) });
      p.criteria.forEach(member);
      p.defines.forEach(define);
    }
    items.sort((a, b) => a.start - b.start);
    for (const item of items) item.print();
    return this.out.render(comments);
  }

  // Declarations

  private line(indent: number, text: string, start: number, end: number, top = false): void {
    this.out.add(indent, text, start, end, top);
  }

  private image(n: { range: Range }): string {
    return this.src.slice(n.range.start, n.range.end);
  }

  /** A Name as written: quoted text verbatim (escapes and line breaks kept), words as they are. */
  private name(n: A.Name): string {
    const img = this.image(n);
    return img.startsWith('"') ? img : n.text;
  }

  private guidelineHeader(g: A.GuidelineDecl): void {
    this.line(0, `guideline ${g.id.text}`, g.range.start, g.id.range.end, true);
    const clauses: { kw: string; text: string; start: number; end: number; expr?: A.Expr }[] = [];
    if (g.title) clauses.push({ kw: 'title', text: this.name(g.title), start: g.title.range.start, end: g.title.range.end });
    if (g.source) clauses.push({ kw: 'source', text: this.sourceRef(g.source), start: g.source.range.start, end: g.source.range.end });
    if (g.inForce) {
      const to = g.inForce.to;
      clauses.push({ kw: 'in force', text: `${g.inForce.from.text}${to ? ` to ${to.text}` : ''}`, start: g.inForce.from.range.start, end: (to ?? g.inForce.from).range.end });
    }
    if (g.edition) clauses.push({ kw: 'edition', text: this.name(g.edition), start: g.edition.range.start, end: g.edition.range.end });
    if (g.revises) clauses.push({ kw: 'revises', text: this.name(g.revises), start: g.revises.range.start, end: g.revises.range.end });
    if (g.covers.length) clauses.push({ kw: 'covers', text: g.covers.map((c) => c.text).join(', '), start: g.covers[0]!.range.start, end: g.covers[g.covers.length - 1]!.range.end });
    if (g.uses.length) clauses.push({ kw: 'uses', text: g.uses.map((c) => c.text).join(', '), start: g.uses[0]!.range.start, end: g.uses[g.uses.length - 1]!.range.end });
    if (g.drops.length) clauses.push({ kw: 'drops', text: g.drops.map((c) => c.text).join(', '), start: g.drops[0]!.range.start, end: g.drops[g.drops.length - 1]!.range.end });
    if (g.applies) clauses.push({ kw: 'applies when', text: '', start: g.applies.range.start, end: g.applies.range.end, expr: g.applies });
    if (g.unless) clauses.push({ kw: 'unless', text: '', start: g.unless.range.start, end: g.unless.range.end, expr: g.unless });
    // Values start in one column, after the longest short keyword (`in force`); `applies when` is longer.
    const order = ['title', 'source', 'edition', 'revises', 'in force', 'covers', 'uses', 'drops', 'applies when', 'unless'];
    clauses.sort((a, b) => order.indexOf(a.kw) - order.indexOf(b.kw));
    const width = 'in force '.length;
    for (const c of clauses) {
      if (c.expr) this.exprClause(c.kw.length < width ? c.kw.padEnd(width) : `${c.kw} `, c.expr);
      else this.line(2, c.kw.padEnd(width) + c.text, c.start, c.end);
    }
  }

  /** `"document", 2009, pages 98-99`: the clause's own tokens in their order, spaced one way. */
  private sourceRef(s: A.SourceRef): string {
    const tokens = lex(this.src.slice(s.range.start, s.range.end)).tokens.slice(1); // drop `source`
    let out = '';
    tokens.forEach((t, i) => {
      const prev = tokens[i - 1];
      if (t.image === ',') out += ',';
      else if (t.image === '-' || prev?.image === '-') out += t.image;
      else out += (i === 0 ? '' : ' ') + t.image;
    });
    return out || quote(s.document);
  }

  private classDecl(c: A.ClassDecl): void {
    const head = `${c.of === 'procedure' ? 'procedure' : 'class'} ${c.name.text}${c.title ? ` ${this.name(c.title)}` : ''}`;
    this.line(0, head, c.range.start, (c.title ?? c.name).range.end, true);
    const list = (kw: string, names: A.Name[]): void => {
      if (names.length) this.listLines(2, `${kw} `, names.map((n) => item(this.name(n), n)), 2 + kw.length + 1, names[0]!.range.start, names[names.length - 1]!.range.end);
    };
    list('terms', c.terms);
    list('codes', c.codes);
  }

  /**
   * `head` and the items joined by commas, at `indent`; a line breaks where the author broke the list
   * or past the width, and goes on at `column`. Each printed line keeps its items' offsets (the last
   * ends at `end`), so a comment after an item stays on that item's line.
   */
  private listLines(indent: number, head: string, items: Item[], column: number, start: number, end: number, top = false): void {
    const lines: { text: string; start: number; end: number }[] = [];
    let current = { text: head, start, end: start };
    let at = indent + head.length;
    items.forEach((it, i) => {
      const brokeHere = i > 0 && this.src.slice(items[i - 1]!.end, it.start).includes('\n');
      if (i > 0 && (brokeHere || at + 2 + it.text.length + 1 > maxWidth)) {
        lines.push({ ...current, text: `${current.text},` });
        current = { text: it.text, start: it.start, end: it.end };
        at = column + it.text.length;
      } else {
        current = { ...current, text: current.text + (i ? ', ' : '') + it.text, end: it.end };
        at += (i ? 2 : 0) + it.text.length;
      }
    });
    lines.push({ ...current, end });
    lines.forEach((l, i) => this.line(i ? column : indent, l.text, l.start, l.end, top && i === 0));
  }

  private recommend(r: A.RecommendBlock): void {
    this.line(0, 'recommend', r.range.start, r.range.start + 'recommend'.length, true);
    // Course entries line up on their visits; the frequency line is not part of the table.
    const width = Math.max(0, ...r.entries.filter((e) => e.kind === 'CourseEntry').map((e) => e.name.text.length + 1)) + 1;
    for (const e of r.entries) {
      const head = e.kind === 'CourseEntry' ? `${e.name.text}:`.padEnd(width) : `${e.name.text}: `;
      this.line(2, head + this.entry(e), e.range.start, e.range.end);
    }
  }

  private entry(e: A.CourseEntry | A.FrequencyEntry): string {
    const span = (s: A.Span): string => {
      const [low, high = low] = this.numbers(s, [s.low, s.high]);
      return s.low === s.high ? low! : `${low}-${high}`;
    };
    if (e.kind === 'CourseEntry') {
      const within = e.period ? ` within ${this.numbers(e.period, [e.period.amount])[0]} ${e.period.unit.text}` : '';
      return `${span(e.visits)} ${e.visitUnit.text} over ${span(e.duration)} ${e.durationUnit.text}${within}`;
    }
    const [most, fadeTo] = this.numbers(e, [e.mostPerWeek, e.fadeTo]);
    if (e.fadeTo === undefined) return `up to ${most} per ${e.per.text}`;
    // `or less` is not in the AST; keep it when it was written.
    const orLess = /\bor\s+less\b/.test(this.image(e)) ? ' or less' : '';
    return `up to ${most} per ${e.per.text}, fading to ${fadeTo}${orLess}`;
  }

  /**
   * The numbers of a node (`values`, in the order they are written), each printed from its value
   * (`08` as 8), or as written where its value would print in exponent form, which the language
   * does not read (a number of 22 digits prints as 1e+21), or where it is read as another number
   * than written (L105): printing the value would drop, unseen, the digits the warning is about.
   */
  private numbers(n: { range: Range }, values: readonly (number | undefined)[]): string[] {
    const written = lex(this.image(n)).tokens.filter((t) => t.tokenType.name === 'NumberLiteral').map((t) => t.image);
    return values.map((v, i) => (v === undefined || (!/e/i.test(String(v)) && numberReadAs(written[i] ?? '') === undefined) ? String(v) : written[i]!));
  }

  /** A table: its clauses, then its header and rows with their bars lined up. */
  private table(t: A.TableDecl): void {
    this.line(0, `table ${t.name.text}${t.title ? ` ${this.name(t.title)}` : ''}`, t.range.start, (t.title ?? t.name).range.end, true);
    const clauses: { start: number; print: () => void }[] = [];
    if (t.forEach) {
      const f = t.forEach;
      clauses.push({ start: f.range.start, print: () => this.line(2, `for each ${f.text}`, f.range.start, f.range.end) });
    }
    if (t.choose) {
      const c = t.choose;
      const phrase = c.rule === 'first' ? 'the first row that matches' : c.rule === 'listed' ? `the row of the first ${c.words?.text ?? ''} listed` : `the row with the ${c.rule} ${c.words?.text ?? ''}`;
      clauses.push({ start: c.range.start, print: () => this.line(2, `choose ${phrase}`, c.range.start, c.range.end) });
    }
    clauses.sort((a, b) => a.start - b.start).forEach((x) => x.print());
    if (!t.keys.length) return;
    const header = [...t.keys.map((k) => k.text), ...t.columns.map((c) => (c.low ? `${c.low.text} to ${c.words.text}` : c.words.text))];
    const rows = t.rows.map((r) => [...r.keys, ...r.cells].map((c) => this.cell(c)));
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
    const keys = t.keys.length;
    const grid = (cells: string[]): string => {
      const pad = (x: string, i: number): string => x.padEnd(widths[i] ?? 0);
      return `| ${cells.slice(0, keys).map(pad).join(' | ')} || ${cells.slice(keys).map((x, i) => pad(x, i + keys)).join(' | ')} |`;
    };
    const last = t.columns[t.columns.length - 1] ?? t.keys[t.keys.length - 1]!;
    this.line(2, grid(header), t.keys[0]!.range.start, last.range.end);
    t.rows.forEach((r, i) => this.line(2, grid(rows[i]!), r.range.start, r.range.end));
  }

  private cell(c: A.TableCell): string {
    if (c.form === 'none') return '-';
    if (c.form === 'any') return 'any';
    const value = (v: A.Name | A.CellNumber): string => {
      if (v.kind === 'Name') return this.name(v);
      // Five digits with a leading zero are a CPT code's (`00100`, `00100-00222`), kept as written.
      if (!v.unit && v.text && /^\d{5}(-\d{5})?$/.test(v.text) && /(^|-)0/.test(v.text)) return v.text;
      const [low, high] = this.numbers(v, [v.low, v.high]);
      const n = v.low === v.high ? low! : `${low}-${high}`;
      return v.unit ? `${n} ${unitName(v.unit)}` : n;
    };
    if (c.form === 'compare') {
      const words = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'more than' }[c.op ?? '<='];
      return `${words} ${c.values.map(value).join('')}`;
    }
    return c.values.map(value).join(' or ');
  }

  private criterion(c: A.CriterionDecl): void {
    this.line(0, `criterion ${c.name.text}${c.title ? ` ${this.name(c.title)}` : ''}`, c.range.start, (c.title ?? c.name).range.end, true);
    // Clauses in the order written (each given once: a file with a clause twice is not formatted).
    const clauses: { start: number; print: () => void }[] = [];
    if (c.source) clauses.push({ start: c.source.range.start, print: () => this.line(2, `source ${this.sourceRef(c.source!)}`, c.source!.range.start, c.source!.range.end) });
    if (c.review) {
      const end = (c.reviewUnlessMet ?? c.review).range.end;
      clauses.push({ start: c.review.range.start, print: () => this.line(2, c.reviewUnlessMet ? 'needs clinical review unless met' : 'needs clinical review', c.review!.range.start, end) });
    }
    if (c.onlyWhen) clauses.push({ start: c.onlyWhen.range.start, print: () => this.exprClause('only when ', c.onlyWhen!) });
    if (c.require) clauses.push({ start: c.require.range.start, print: () => this.exprClause('require ', c.require!) });
    if (c.group) {
      const need = c.group.need === 'any' || c.group.need === 'all' ? c.group.need : `at least ${this.numbers(c.group, [c.group.need])[0]}`;
      clauses.push({ start: c.group.range.start, print: () => this.line(2, `require ${need} of the following`, c.group!.range.start, c.group!.range.end) });
    }
    if (c.certify) clauses.push({ start: c.certify.range.start, print: () => this.exprClause('certify at most ', c.certify!) });
    this.textClauses(c.texts, 2, clauses);
    clauses.sort((a, b) => a.start - b.start).forEach((x) => x.print());
    for (const p of c.parts) {
      this.line(2, `part ${p.name.text}${p.title ? ` ${this.name(p.title)}` : ''}`, p.range.start, (p.title ?? p.name).range.end);
      const inner: { start: number; print: () => void }[] = [];
      if (p.require) inner.push({ start: p.require.range.start, print: () => this.exprClause('require ', p.require!, 4) });
      this.textClauses(p.texts, 4, inner);
      inner.sort((a, b) => a.start - b.start).forEach((x) => x.print());
    }
  }

  /** `when met`, `when unknown` and `otherwise` texts, to print in source order. */
  private textClauses(t: A.TextClauses, indent: number, out: { start: number; print: () => void }[]): void {
    const add = (kw: string, n: A.Name | undefined): void => {
      if (n) out.push({ start: n.range.start, print: () => this.line(indent, `${kw} ${this.name(n)}`, n.range.start, n.range.end) });
    };
    add('when met', t.met);
    add('when unknown', t.unknown);
    add('otherwise', t.otherwise);
  }

  private use(u: A.UseDecl): void {
    this.line(0, `use criterion ${u.names.map((n) => n.text).join(', ')}`, u.range.start, u.range.end, true);
  }

  /**
   * `define words "title": body`, the body on the line of the colon when it fits in the width there;
   * otherwise, or when the author put it below a title of several lines, on its own line below.
   */
  private define(d: A.DefineDecl): void {
    const title = d.meaning ?? d.words;
    const head = `define ${d.words.text}${d.meaning ? ` ${this.name(d.meaning)}` : ''}:`;
    if (!d.expr) return this.line(0, head, d.range.start, d.range.end, true);
    const joined = `${head} ${printExpr(d.expr, this.src)}`;
    const tooWide = joined.length - (joined.lastIndexOf('\n') + 1) > maxWidth;
    const keptBelow = head.includes('\n') && this.src.slice(title.range.end, d.expr.range.start).includes('\n');
    if (!tooWide && !keptBelow) return this.line(0, joined, d.range.start, d.range.end, true);
    this.line(0, head, d.range.start, this.src.indexOf(':', title.range.end) + 1, true);
    this.exprClause('', d.expr);
  }

  private vocabulary(v: A.VocabularyDecl): void {
    this.line(0, `vocabulary ${v.name.text}${v.title ? ` ${this.name(v.title)}` : ''}`, v.range.start, (v.title ?? v.name).range.end, true);
    if (v.uses.length) this.line(2, `uses ${v.uses.map((u) => u.text).join(', ')}`, v.uses[0]!.range.start, v.uses[v.uses.length - 1]!.range.end);
  }

  private unit(u: A.UnitDecl): void {
    this.line(0, `unit ${u.one.text}, ${u.many.text}${u.meaning ? ` ${this.name(u.meaning)}` : ''}`, u.range.start, u.range.end, true);
  }

  private record(r: A.RecordDecl): void {
    this.line(0, `record ${r.name.text}${r.title ? ` ${this.name(r.title)}` : ''}`, r.range.start, (r.title ?? r.name).range.end, true);
    for (const f of r.fields) this.fact(f, 2);
  }

  /**
   * `fact words: type, from path` with its meaning on the next line; a long one wraps at its commas
   * (where the author did, or past the width), two spaces in.
   */
  private fact(f: A.FactDecl, indent: number): void {
    const items = f.type ? this.typeItems(f.type) : [item('', f.words)];
    if (f.from) items.push(item(`from ${f.from.text}`, f.from));
    if (f.computed) items.push(item(`computed by ${f.computed.text}`, f.computed));
    if (f.computedAs) items.push(item(`computed as ${printExpr(f.computedAs, this.src)}`, f.computedAs));
    if (f.absent) items.push(item(`when absent ${this.name(f.absent)}`, f.absent));
    if (f.required) items.push(item('required', f.required));
    const head = `${f.role} ${f.words.text}: `;
    const end = f.meaning ? f.meaning.range.start : f.range.end;
    this.listLines(indent, head, items, indent + 2, f.range.start, end, indent === 0);
    if (f.meaning) this.line(indent + 2, this.name(f.meaning), f.meaning.range.start, f.meaning.range.end);
  }

  /** A type as list items: `one of a`, `b`, `c` (each value an item, to wrap at), or the whole type. */
  private typeItems(t: A.TypeExpr): Item[] {
    if (t.base === 'one-of' && t.values.length) return t.values.map((v, i) => item(`${i ? '' : 'one of '}${this.name(v)}`, v));
    if (t.base === 'list' && t.of?.base === 'one-of' && t.of.values.length) {
      const [first, ...rest] = this.typeItems(t.of);
      return [{ ...first!, text: `list of ${first!.text}` }, ...rest];
    }
    return [item(this.type(t), t)];
  }

  private type(t: A.TypeExpr): string {
    switch (t.base) {
      case 'yes-no': return 'yes or no';
      case 'one-of': return `one of ${t.values.map((v) => this.name(v)).join(', ')}`;
      case 'number': {
        const unit = t.unit ? (t.unit.text.startsWith('per ') ? ` ${t.unit.text}` : ` of ${t.unit.text}`) : '';
        if (t.min === undefined || t.max === undefined) return `number${unit}`;
        const [min, max] = this.numbers(t, [t.min, t.max]);
        return `number${unit} from ${min} to ${max}`;
      }
      case 'date': return t.anyDate ? 'any date' : 'date';
      case 'list': return `list of ${t.record ? t.record.text : t.of ? this.type(t.of) : ''}`;
      case 'class': return `class of ${t.classOf?.text ?? ''}`;
      default: return t.base;
    }
  }

  /**
   * A clause with an expression; an `and`/`or` written over several lines, or too wide for one, is
   * broken one operand a line, the operator under the first operand (format-wrap.ts), and a list of
   * values the author broke stays broken (its next line starts under the first operand too).
   */
  private exprClause(head: string, e: A.Expr, indent = 2): void {
    for (const l of exprLines(this.src, head, e, indent)) this.line(l.indent, l.text, l.start, l.end);
  }

  private policy(p: A.PolicyDecl): void {
    this.line(0, `policy ${p.name.text}${p.title ? ` ${this.name(p.title)}` : ''}`, p.range.start, (p.title ?? p.name).range.end, true);
    if (p.jurisdiction) this.line(2, `jurisdiction ${this.name(p.jurisdiction)}`, p.jurisdiction.range.start, p.jurisdiction.range.end);
    p.steps.forEach((step, i) => {
      if (!step.length) return;
      this.line(2, `${i === 0 ? 'first ' : 'then  '}${step.map((n) => n.text).join(', ')}`, step[0]!.range.start, step[step.length - 1]!.range.end);
    });
    if (p.uses.length) this.line(2, `uses ${p.uses.map((u) => u.text).join(', ')}`, p.uses[0]!.range.start, p.uses[p.uses.length - 1]!.range.end);
    if (p.denialNote) this.line(2, `when denied ${this.name(p.denialNote)}`, p.denialNote.range.start, p.denialNote.range.end);
  }
}
