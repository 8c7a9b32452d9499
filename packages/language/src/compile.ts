// AST -> json-rules-engine rules plus the metadata and source map of the artifact. Pure, no I/O.
// Expressions json-rules-engine cannot say (sums, halves, time since a date) become the runtime's
// `calc` fact with the expression as data; nothing is ever compiled to code.
import type { NestedCondition, TopLevelCondition } from 'json-rules-engine';
import type * as A from './ast.ts';
import type { Calc, CompiledCriterion, CompiledGuideline, CompiledLeaf, CompiledPolicy, SourceLocation } from './artifact.ts';
import type { Placeholder } from './check/index.ts';
import { lookupFact } from './facts.ts';
import { SourceFile } from './source.ts';

const compareOperators: Record<A.CompareOp, string> = {
  '<': 'lessThan', '<=': 'lessThanInclusive', '>': 'greaterThan', '>=': 'greaterThanInclusive', '=': 'equal', '!=': 'notEqual',
};
const dateOperators: Record<A.CompareOp, string> = {
  '<': 'before', '<=': 'onOrBefore', '>': 'after', '>=': 'onOrAfter', '=': 'sameDay', '!=': 'notSameDay',
};
const flipped: Record<A.CompareOp, A.CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };

type Leaf = Extract<NestedCondition, { fact: string }>;
/** A json-rules-engine fact reference: a plain fact, or `calc` with the expression as params. */
type FactRef = { fact: string; params?: Record<string, unknown> };

export class GuidelineCompiler {
  private leaves: CompiledLeaf[] = [];

  /** `holes`: each criterion's rationale placeholders, as the checker parsed them. */
  constructor(
    private readonly source: SourceFile,
    private readonly file: string,
    private readonly holes: ReadonlyMap<A.CriterionDecl, Placeholder[]>,
  ) {}

  location(range: A.NodeBase['range']): SourceLocation {
    const s = this.source.position(range.start);
    const e = this.source.position(range.end);
    return { file: this.file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, start: range.start, end: range.end };
  }

  private text(n: A.NodeBase): string {
    const raw = this.source.text.slice(n.range.start, n.range.end);
    // Most labels are already one line with single spaces: rebuilding them is the only cost.
    return oddSpacing.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
  }

  guideline(g: A.GuidelineDecl): CompiledGuideline {
    const { source, citation } = sourceOf(g);

    this.leaves = [];
    const applicability: NestedCondition[] = [];
    const covers = g.covers.map((c) => c.text);
    // (Key orders as the artifact has always had them.)
    if (covers.length) applicability.push({ name: this.leaf('treatment', g.covers[0]!, `covers ${covers.join(', ')}`), fact: 'request.treatment', operator: 'in', value: covers });
    if (g.inForce) {
      const { from, to } = g.inForce;
      applicability.push({ fact: 'asOf', operator: 'onOrAfter', value: from.text, name: this.leaf('review date', from, `in force from ${from.text}`) });
      if (to) applicability.push({ fact: 'asOf', operator: 'onOrBefore', value: to.text, name: this.leaf('review date', to, `in force to ${to.text}`) });
    }
    if (g.applies) applicability.push(this.condition(g.applies));
    if (g.unless) applicability.push({ not: this.condition(g.unless) });
    const applicabilityLeaves = this.leaves;
    const applicabilityRule = `${g.id.text}/applies`;

    const criteria: CompiledCriterion[] = [];
    const rules: CompiledGuideline['rules'] = [{ name: applicabilityRule, conditions: { all: applicability }, event: { type: 'applies', params: { guideline: g.id.text } } }];
    for (const c of g.criteria) {
      const { meta, rule } = this.criterion(g, c);
      criteria.push(meta);
      rules.push(rule);
    }
    const recommendations: A.CourseEntry[] = [];
    let freq: A.FrequencyEntry | undefined;
    for (const b of g.recommendations) {
      for (const e of b.entries) {
        if (e.kind === 'CourseEntry') recommendations.push(e);
        else freq ??= e;
      }
    }
    const out: CompiledGuideline = {
      id: g.id.text,
      title: g.title?.text ?? g.id.text,
      citation,
      source,
      covers: [...covers],
      classes: g.classes.map((c) => ({ id: c.name.text, of: c.of, title: c.title?.text ?? c.name.text, terms: c.terms.map((t) => t.text), codes: c.codes.map((t) => t.text) })),
      recommendations: recommendations.map((e) => {
        const r: CompiledGuideline['recommendations'][number] = {
          class: e.name.text, minVisits: e.visits.low, maxVisits: e.visits.high, minWeeks: e.duration.low, maxWeeks: e.duration.high, source: this.location(e.range),
        };
        if (e.period) r.periodMonths = e.period.amount;
        return r;
      }),
      applicabilityRule,
      applicabilityLeaves,
      criteria,
      rules,
      location: this.location(g.range),
    };
    if (g.inForce) out.inForce = g.inForce.to ? { from: g.inForce.from.text, to: g.inForce.to.text } : { from: g.inForce.from.text };
    if (freq) out.frequency = freq.fadeTo === undefined ? { mostPerWeek: freq.mostPerWeek } : { mostPerWeek: freq.mostPerWeek, fadeTo: freq.fadeTo };
    return out;
  }

  private criterion(g: A.GuidelineDecl, c: A.CriterionDecl): { meta: CompiledCriterion; rule: CompiledGuideline['rules'][number] } {
    this.leaves = [];
    const name = `${g.id.text}/${c.name.text}`;
    const onlyWhen: TopLevelCondition = { all: c.onlyWhen ? [this.condition(c.onlyWhen)] : [] };
    const required: TopLevelCondition = { all: c.require ? [this.condition(c.require)] : [] };
    const holes = this.holes.get(c) ?? [];
    // Each placeholder, left to right, becomes its number: {0}, {1}, ...
    const text = c.otherwise?.text ?? '';
    let rationale = '';
    let from = 0;
    for (let i = 0; i < holes.length; i++) {
      const { range } = holes[i]!;
      const raw = this.source.text.slice(range.start, range.end);
      const at = text.indexOf(raw, from);
      if (at < 0) continue; // (written with an escape, it is not in the text as written)
      rationale += `${text.slice(from, at)}{${i}}`;
      from = at + raw.length;
    }
    rationale += text.slice(from);
    const meta: CompiledCriterion = {
      id: c.name.text,
      title: c.title?.text ?? c.name.text,
      rationale: rationale.includes('\n') ? rationale.replace(/\s*\n\s*/g, ' ') : rationale,
      placeholders: holes.map((h) => ({ text: this.text(h.expr), expr: this.calc(h.expr) })),
      rule: name,
      leaves: this.leaves,
      source: this.location(c.range),
    };
    if (c.certify) meta.certify = this.calc(c.certify);
    return {
      meta,
      rule: {
        name,
        conditions: { all: [{ name: 'only when', all: onlyWhen.all }, { name: 'require', all: required.all }] as NestedCondition[] },
        event: { type: 'criterion', params: { guideline: g.id.text, criterion: c.name.text } },
      },
    };
  }

  /** Records an applicability leaf on a plain fact (the treatment, the review date); returns its text. */
  private leaf(label: string, at: A.NodeBase, text: string): string {
    this.leaves.push({ text, fact: label, source: this.location(at.range) });
    return text;
  }

  /**
   * The leaf of an expression: `{ fact, params?, operator, value, name }`, keys in that order (the
   * order the artifact has always had), built as one literal; spreading the fact reference into it
   * cost more than the rest of the leaf.
   */
  private factLeaf(ref: FactRef, operator: string, value: unknown, fact: string, at: A.NodeBase, text?: string): Leaf {
    const t = text ?? this.text(at);
    this.leaves.push({ text: t, fact, source: this.location(at.range) });
    return (ref.params !== undefined ? { fact: ref.fact, params: ref.params, operator, value, name: t } : { fact: ref.fact, operator, value, name: t }) as Leaf;
  }

  /** A condition expression -> json-rules-engine condition. Assumes a checked AST. */
  condition(e: A.Expr): NestedCondition {
    switch (e.kind) {
      case 'ParenExpr': return this.condition(e.inner);
      case 'BoolExpr': {
        const parts = e.operands.map((o) => this.condition(o));
        return e.op === 'and' ? { all: parts } : { any: parts };
      }
      case 'NotExpr': return { not: this.condition(e.operand) };
      case 'IsKnownExpr': {
        const s = this.operand(e.subject);
        return this.factLeaf(s.fact, 'known', e.known, this.text(e.subject), e);
      }
      case 'IsValuesExpr': {
        const s = this.operand(e.subject);
        const isClass = 'fact' in s.fact && (s.fact.fact === 'diagnoses.classes' || s.fact.fact === 'surgery.classes');
        const leaf = this.factLeaf(s.fact, isClass ? 'containsAny' : 'in', e.values.map((v) => v.text), this.text(e.subject), e);
        return e.negated ? { not: leaf } : leaf;
      }
      case 'CompareExpr': return this.compare(e);
      default:
        // A bare value where a condition belongs is a checker error; compile it as never true.
        return this.factLeaf({ fact: 'calc', params: { expr: this.calc(e) } }, 'known', false, this.text(e), e);
    }
  }

  private compare(e: A.CompareExpr): NestedCondition {
    if (e.elapsed) {
      const date = this.factId(e.left);
      const amount = this.calc(e.right);
      const unit = this.unitOf(e.right) ?? 'days';
      const fact = { fact: 'calc', params: { expr: { elapsed: date ?? '', unit } as Calc } };
      const value = 'const' in amount ? amount.const : { fact: 'calc', params: { expr: amount } };
      const operator = e.elapsed === 'within' ? 'elapsedWithin' : compareOperators[e.op];
      return this.factLeaf(fact, operator, value, `time since ${this.text(e.left)}`, e);
    }
    let left = e.left;
    let right = e.right;
    let op = e.op;
    if (isLiteral(left) && !isLiteral(right)) {
      [left, right] = [right, left];
      op = flipped[op];
    }
    const l = this.operand(left);
    const r = this.operand(right);
    const dates = this.isDate(left) || this.isDate(right);
    const operator = dates ? dateOperators[op] : compareOperators[op];
    const value = 'const' in r.calc ? r.calc.const : r.fact;
    return this.factLeaf(l.fact, operator, value, this.text(left), e);
  }

  private isDate(e: A.Expr): boolean {
    if (e.kind === 'DateLit') return true;
    if (e.kind === 'FactRef') return lookupFact(e.name)?.type.kind === 'date';
    return false;
  }

  private unitOf(e: A.Expr): 'days' | 'weeks' | 'months' | 'years' | undefined {
    if (e.kind === 'Quantity') return e.unit as 'days' | undefined;
    if (e.kind === 'FactRef') {
      const t = lookupFact(e.name)?.type;
      return t?.kind === 'number' ? (t.unit as 'months') : undefined;
    }
    if (e.kind === 'ParenExpr') return this.unitOf(e.inner);
    if (e.kind === 'ArithExpr') return this.unitOf(e.left) ?? this.unitOf(e.right);
    return undefined;
  }

  private factId(e: A.Expr): string | undefined {
    if (e.kind === 'ParenExpr') return this.factId(e.inner);
    return e.kind === 'FactRef' ? lookupFact(e.name)?.id : undefined;
  }

  /** An operand as a json-rules-engine fact reference (plain facts stay plain, the rest go through calc). */
  private operand(e: A.Expr): { fact: FactRef; calc: Calc } {
    const calc = this.calc(e);
    if ('fact' in calc) return { fact: { fact: calc.fact }, calc };
    return { fact: { fact: 'calc', params: { expr: calc } }, calc };
  }

  /** A value expression -> Calc. */
  calc(e: A.Expr): Calc {
    switch (e.kind) {
      case 'ParenExpr': return this.calc(e.inner);
      case 'FactRef': return { fact: lookupFact(e.name)?.id ?? e.name };
      case 'Quantity': return { const: e.value };
      case 'DateLit': case 'StringLit': return { const: e.value };
      case 'ArithExpr': return { op: e.op, args: [this.calc(e.left), this.calc(e.right)] };
      default: return { const: 0 };
    }
  }

  policy(p: A.PolicyDecl): CompiledPolicy {
    return {
      id: p.name.text,
      title: p.title?.text ?? p.name.text,
      jurisdiction: p.jurisdiction?.text ?? '',
      steps: p.steps.map((s) => s.map((n) => n.text)),
      source: this.location(p.range),
    };
  }
}

/** A guideline's source as the artifact gives it, and its citation ("Document (2009), pp. 98-99"). */
export function sourceOf(g: A.GuidelineDecl): { source: CompiledGuideline['source']; citation: string } {
  const src = g.source;
  const pages = src?.firstPage === undefined ? undefined : src.lastPage !== undefined && src.lastPage !== src.firstPage ? `${src.firstPage}-${src.lastPage}` : `${src.firstPage}`;
  const source: CompiledGuideline['source'] = { document: src?.document ?? '', parts: src?.parts ?? [] };
  if (src?.edition !== undefined) source.edition = src.edition;
  if (pages) source.pages = pages;
  let citation = source.edition !== undefined ? `${source.document} (${source.edition})` : source.document;
  for (const part of source.parts) citation += `, ${part}`;
  if (pages) citation += `, ${pages.includes('-') ? 'pp.' : 'p.'} ${pages}`;
  return { source, citation };
}

/** Whitespace that `text` would change: any but a single space between words. */
const oddSpacing = /[^\S ]| {2}|^ | $/;

function isLiteral(e: A.Expr): boolean {
  return e.kind === 'Quantity' || e.kind === 'DateLit' || e.kind === 'StringLit';
}
