// Guidelines and policies, checked, -> the artifact's compiled form. An edition that revises another
// is written out whole: the clauses, classes and recommendations it restates replace the revised
// edition's, the rest are inherited; its criteria are those the checker found it applies.
import type * as A from '../ast.ts';
import type { CompiledCriterion, CompiledGuideline, CompiledPart, CompiledPolicy, CompiledTable, Template, Texts } from '../artifact.ts';
import { replaceByName, type AppliedCriterion, type CheckedGuideline, type CheckedPolicy, type ProgramModel } from '../check/program.ts';
import type { Cond } from '../ir.ts';
import { ExprCompiler, Sources } from './expressions.ts';
import { criterionReads, factType } from './facts.ts';
import { condReads } from '../reads.ts';
import { compileTable, recommendationTable } from './tables.ts';
import { unitWords } from '../units.ts';

/** A member of an edition, with the file it is written in (an inherited one's is the revised edition's). */
interface Placed<T> {
  node: T;
  file: string;
}

/** An edition with everything it inherits: what the compiler writes out. */
interface Effective {
  decl: A.GuidelineDecl;
  file: string;
  title?: Placed<A.Name>;
  source?: A.SourceRef;
  inForce?: Placed<{ from: A.Name; to?: A.Name }>;
  covers: A.Name[];
  applies?: Placed<A.Expr>;
  unless?: Placed<A.Expr>;
  classes: Placed<A.ClassDecl>[];
  entries: Placed<A.CourseEntry>[];
  frequency?: A.FrequencyEntry;
  criteria: AppliedCriterion[];
}

/** An edition as written out with what it inherits. */
function effective(g: CheckedGuideline): Effective {
  const base: Effective = g.base ? effective(g.base) : { decl: g.decl, file: g.file, covers: [], classes: [], entries: [], criteria: [] };
  const d = g.decl;
  const here = <T>(node: T): Placed<T> => ({ node, file: g.file });
  const out: Effective = { ...base, decl: d, file: g.file };
  if (d.title) out.title = here(d.title);
  if (d.source) out.source = d.source;
  if (d.inForce) out.inForce = here(d.inForce);
  if (d.covers.length) out.covers = d.covers;
  if (d.applies) out.applies = here(d.applies);
  if (d.unless) out.unless = here(d.unless);
  out.classes = replaceByName(base.classes, d.classes.map(here), (c) => c.node.name.text);
  const entries: A.CourseEntry[] = [];
  for (const b of d.recommendations) {
    for (const e of b.entries) {
      if (e.kind === 'CourseEntry') entries.push(e);
      else out.frequency ??= e;
    }
  }
  if (d.recommendations.some((b) => b.entries.some((e) => e.kind === 'FrequencyEntry'))) {
    out.frequency = d.recommendations.flatMap((b) => b.entries).find((e): e is A.FrequencyEntry => e.kind === 'FrequencyEntry');
  } else out.frequency = base.frequency;
  out.entries = replaceByName(base.entries, entries.map(here), (e) => e.node.name.text);
  out.criteria = g.criteria;
  return out;
}

/** A guideline's source as the artifact gives it, and its citation ("Document (2009), pp. 98-99"). */
export function sourceOf(src: A.SourceRef | undefined): { source: CompiledGuideline['source']; citation: string } {
  const pages = src?.firstPage === undefined ? undefined : src.lastPage !== undefined && src.lastPage !== src.firstPage ? `${src.firstPage}-${src.lastPage}` : `${src.firstPage}`;
  const source: CompiledGuideline['source'] = { document: src?.document ?? '', parts: src?.parts ?? [] };
  if (src?.edition !== undefined) source.edition = src.edition;
  if (pages) source.pages = pages;
  let citation = source.edition !== undefined ? `${source.document} (${source.edition})` : source.document;
  for (const part of source.parts) citation += `, ${part}`;
  if (pages) citation += `, ${pages.includes('-') ? 'pp.' : 'p.'} ${pages}`;
  return { source, citation };
}

export class GuidelineCompiler {
  constructor(
    private readonly model: ProgramModel,
    private readonly sources: Sources,
  ) {}

  private exprs(): ExprCompiler {
    return new ExprCompiler(this.sources, this.model.resolved, this.model.defineTypes);
  }

  guideline(g: CheckedGuideline): CompiledGuideline {
    const e = effective(g);
    const x = this.exprs();
    const { source, citation } = sourceOf(e.source);
    const applicability: Cond[] = [];
    const covers = e.covers.map((c) => c.text);
    if (covers.length) {
      const first = e.covers[0]!;
      const file = e.decl.covers.length ? g.file : this.fileOf(g, (d) => d.covers.length > 0);
      x.in(file, () => applicability.push(x.leaf(first, { is: { fact: 'request.treatment' }, values: covers }, `covers ${covers.join(', ')}`)));
    }
    if (e.inForce) {
      const { from, to } = e.inForce.node;
      x.in(e.inForce.file, () => {
        applicability.push(x.leaf(from, { cmp: '>=', left: { fact: 'effectiveDate' }, right: { const: from.text } }, `in force from ${from.text}`));
        if (to) applicability.push(x.leaf(to, { cmp: '<=', left: { fact: 'effectiveDate' }, right: { const: to.text } }, `in force to ${to.text}`));
      });
    }
    if (e.applies) applicability.push(x.in(e.applies.file, () => x.condition(e.applies!.node)));
    if (e.unless) applicability.push({ not: x.in(e.unless.file, () => x.condition(e.unless!.node)) });
    const applies: Cond = { all: applicability };
    // A criterion the edition applies without declaring it reads its facts as the edition does.
    const criteria = e.criteria.map((c) => (g.decl.criteria.includes(c.decl) ? this.criterion(c, x) : x.applied(g.resolved, () => this.criterion(c, x))));
    const out: CompiledGuideline = {
      id: e.decl.id.text,
      title: e.title?.node.text ?? e.decl.id.text,
      citation,
      source,
      covers,
      classes: e.classes.map(({ node: c }) => ({ id: c.name.text, of: c.of, title: c.title?.text ?? c.name.text, terms: c.terms.map((t) => t.text), codes: c.codes.map((t) => t.text) })),
      tables: this.tables(g, e, x, applies, criteria),
      applies,
      criteria,
      leaves: x.leaves,
      location: this.sources.location(g.file, g.decl.range),
    };
    if (e.decl.edition) out.edition = e.decl.edition.text;
    if (e.inForce) {
      const { from, to } = e.inForce.node;
      out.inForce = to ? { from: from.text, to: to.text } : { from: from.text };
    }
    if (e.frequency) out.frequency = e.frequency.fadeTo === undefined ? { mostPerWeek: e.frequency.mostPerWeek } : { mostPerWeek: e.frequency.mostPerWeek, fadeTo: e.frequency.fadeTo };
    return out;
  }

  /**
   * A guideline edition's tables: its recommend block's, then those it declares or inherits. A
   * guideline that reads recommended values without a recommend block (C310) gets one with no rows.
   */
  private tables(g: CheckedGuideline, e: Effective, x: ExprCompiler, applies: Cond, criteria: readonly CompiledCriterion[]): CompiledTable[] {
    const out: CompiledTable[] = [];
    const entries = e.entries.map(({ node, file }) => ({ node, source: this.sources.location(file, node.range) }));
    let reads = false;
    const visit = { fact: (): void => {}, lookup: (id: string): void => void (reads ||= id === 'recommend') };
    condReads(applies, visit);
    for (const c of criteria) criterionReads(c, visit);
    const recommend = recommendationTable(entries, e.classes.map((c) => c.node), factType, reads);
    if (recommend) out.push(recommend);
    for (const t of g.tables) if (t.decl) out.push(compileTable(t, x, factType));
    return out;
  }

  /** The file of the nearest edition (this one or one it revises) whose declaration satisfies `has`. */
  private fileOf(g: CheckedGuideline, has: (d: A.GuidelineDecl) => boolean): string {
    for (let e: CheckedGuideline | undefined = g; e; e = e.base) if (has(e.decl)) return e.file;
    return g.file;
  }

  policy(p: CheckedPolicy): CompiledPolicy {
    const x = this.exprs();
    const out: CompiledPolicy = {
      id: p.decl.name.text,
      title: p.decl.title?.text ?? p.decl.name.text,
      jurisdiction: p.decl.jurisdiction?.text ?? '',
      steps: p.decl.steps.map((s) => s.map((n) => n.text)),
      criteria: p.criteria.map((c) => this.criterion(c, x)),
      leaves: x.leaves,
      source: this.sources.location(p.file, p.decl.range),
    };
    if (p.decl.denialNote) out.denialNote = oneLine(p.decl.denialNote.text);
    return out;
  }

  private criterion(a: AppliedCriterion, x: ExprCompiler): CompiledCriterion {
    const c = a.decl;
    return x.in(a.file, () => {
      const out: CompiledCriterion = { id: c.name.text, title: c.title?.text ?? c.name.text, texts: this.texts(c.texts, a.file, x), source: x.location(c) };
      if (c.source) out.citation = sourceOf(c.source).citation;
      if (c.onlyWhen) out.when = x.condition(c.onlyWhen);
      if (c.require) out.require = x.condition(c.require);
      if (c.group) {
        const parts = c.parts.map((p): CompiledPart => ({
          id: p.name.text,
          title: p.title?.text ?? p.name.text,
          require: p.require ? x.condition(p.require) : { all: [] },
          texts: this.texts(p.texts, a.file, x),
          source: x.location(p),
        }));
        out.group = { need: c.group.need, parts };
      }
      if (c.certify) out.certify = x.value(c.certify);
      if (c.review) out.review = true;
      if (c.reviewUnlessMet) out.reviewNotMet = true;
      if (a.vocabulary) out.vocabulary = a.vocabulary;
      return out;
    });
  }

  private texts(t: A.TextClauses, file: string, x: ExprCompiler): Texts {
    const out: Texts = {};
    if (t.met) out.met = this.template(t.met, file, x);
    if (t.otherwise) out.notMet = this.template(t.otherwise, file, x);
    if (t.unknown) out.unknown = this.template(t.unknown, file, x);
    return out;
  }

  /** A text with each placeholder, left to right, replaced by its number: {0}, {1}, ... */
  private template(str: A.Name, file: string, x: ExprCompiler): Template {
    const holes = this.model.placeholders.get(str) ?? [];
    const text = str.text;
    let out = '';
    let from = 0;
    const placeholders: Template['placeholders'] = [];
    for (const h of holes) {
      const raw = this.sources.text(file, h).replace(/\s+/g, ' ');
      const at = text.replace(/\s+/g, ' ').indexOf(raw, from);
      if (at < 0) continue; // (written with an escape, it is not in the text as written)
      out += text.replace(/\s+/g, ' ').slice(from, at) + `{${placeholders.length}}`;
      from = at + raw.length;
      const unit = x.unitOf(h.expr);
      placeholders.push({ text: this.sources.text(file, h.expr), value: x.value(h.expr), ...(unit ? { unit: unitWords(unit) } : {}) });
    }
    out += text.replace(/\s+/g, ' ').slice(from);
    return { text: oneLine(out), placeholders };
  }
}

const oneLine = (s: string): string => (s.includes('\n') ? s.replace(/\s*\n\s*/g, ' ') : s);
