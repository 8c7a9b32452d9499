// Conditions and values, AST -> the evaluable form (ir.ts). Facts become their ids, defines are
// written out where they are used, units are made to agree (a comparison of weeks with days
// multiplies the weeks by 7), and each leaf condition gets a number and a source map entry.
import type * as A from '../ast.ts';
import type { LeafInfo, SourceLocation } from '../artifact.ts';
import type { DefineSym, Ty } from '../check/symbols.ts';
import type { DefineTypes, Resolutions } from '../check/types.ts';
import type { Range } from '../diagnostics.ts';
import type { Cond, Leaf, LeafBody, TimeUnit, Value } from '../ir.ts';
import { SourceFile } from '../source.ts';
import { baseUnitOf, conversion, finer, rateOf, unit, type Unit } from '../units.ts';

/** The source files of a program, by name, for locations and the text of each leaf. */
export class Sources {
  private readonly files = new Map<string, SourceFile>();

  constructor(texts: Iterable<{ file: string; text: string }>) {
    for (const t of texts) this.files.set(t.file, new SourceFile(t.text, t.file));
  }

  location(file: string, range: Range): SourceLocation {
    const src = this.files.get(file);
    if (!src) return { file, line: 1, column: 1, endLine: 1, endColumn: 1, start: range.start, end: range.end };
    const s = src.position(range.start);
    const e = src.position(range.end);
    return { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, start: range.start, end: range.end };
  }

  /** The text of a node, on one line. */
  text(file: string, n: { range: Range }): string {
    const raw = this.files.get(file)?.text.slice(n.range.start, n.range.end) ?? '';
    return oddSpacing.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
  }
}

/** Whitespace that `text` would change: any but a single space between words. */
const oddSpacing = /[^\S ]| {2}|^ | $/;

const timeUnits = new Set<string>(['days', 'weeks', 'months', 'years']);

/**
 * Compiles the expressions of one guideline or policy: its leaves are numbered in the order they
 * are compiled, and `leaves` is their source map.
 */
export class ExprCompiler {
  readonly leaves: LeafInfo[] = [];
  private readonly at: {
    /** The file the expression being compiled is written in (a define's, while one is written out). */
    file: string;
    /** What facts mean in the guideline applying the criterion being compiled, when it did not declare it. */
    applying: Resolutions | undefined;
  } = { file: '', applying: undefined };

  constructor(
    private readonly sources: Sources,
    private readonly resolved: Resolutions,
    private readonly defineTypes: DefineTypes,
  ) {}

  /** Compiles `e`, written in `file`, with `f`. */
  in<T>(file: string, f: () => T): T {
    return this.with('file', file, f);
  }

  /** Compiles with `f` a criterion a guideline applies without declaring it: its facts as `resolved` reads them. */
  applied<T>(resolved: Resolutions, f: () => T): T {
    return this.with('applying', resolved, f);
  }

  /** Runs `f` with one of the compiler's settings changed, and restores it. */
  private with<T, K extends keyof ExprCompiler['at']>(key: K, value: ExprCompiler['at'][K], f: () => T): T {
    const outer = this.at[key];
    this.at[key] = value;
    try {
      return f();
    } finally {
      this.at[key] = outer;
    }
  }

  private symbolOf(e: A.FactRef): ReturnType<Resolutions['get']> {
    return this.at.applying?.get(e) ?? this.resolved.get(e);
  }

  location(n: { range: Range }): SourceLocation {
    return this.sources.location(this.at.file, n.range);
  }

  /** A leaf condition with its source map entry. */
  leaf(at: A.NodeBase, body: LeafBody, text?: string): Cond {
    const leaf = this.leaves.push({ text: text ?? this.sources.text(this.at.file, at), source: this.location(at) }) - 1;
    return { leaf, ...body } as Leaf;
  }

  /** A condition. */
  condition(e: A.Expr): Cond {
    switch (e.kind) {
      case 'ParenExpr': return this.condition(e.inner);
      case 'BoolExpr': {
        const parts = e.operands.map((o) => this.condition(o));
        return e.op === 'and' ? { all: parts } : { any: parts };
      }
      case 'NotExpr': return { not: this.condition(e.operand) };
      case 'IsKnownExpr': return this.leaf(e, { known: this.value(e.subject), yes: e.known });
      case 'IsRecordedExpr': {
        const leaf = this.leaf(e, { recorded: this.value(e.subject) });
        return e.negated ? { not: leaf } : leaf;
      }
      case 'IsEmptyExpr': {
        const leaf = this.leaf(e, { empty: this.value(e.subject) });
        return e.negated ? { not: leaf } : leaf;
      }
      case 'IncludesExpr': return this.leaf(e, { includes: this.value(e.subject), values: e.values.map((v) => v.text) });
      case 'IsValuesExpr': {
        const leaf = this.isValues(e);
        return e.negated ? { not: leaf } : leaf;
      }
      case 'QuantifiedExpr': {
        const over = this.factId(e.list);
        if (e.quantifier === 'latest' || e.quantifier === 'earliest') {
          const by = e.by ? this.value(e.by) : { const: 0 };
          return this.leaf(e, { quantifier: e.quantifier, over, by, where: this.condition(e.where) });
        }
        return this.leaf(e, { quantifier: e.quantifier, over, where: this.condition(e.where) });
      }
      case 'CompareExpr': return this.compare(e);
      case 'FactRef': {
        const sym = this.symbolOf(e);
        if (sym?.kind === 'define') return this.define(sym, (d) => this.condition(d));
        // A yes-or-no fact stands for itself: `radicular symptoms` is `radicular symptoms is yes`.
        return this.leaf(e, { is: this.value(e), values: [true] });
      }
      default:
        // A bare value where a condition belongs is a checker error; compile it as never true.
        return this.leaf(e, { known: { const: 0 }, yes: false });
    }
  }

  private isValues(e: A.IsValuesExpr): Cond {
    const subject = this.value(e.subject);
    const kind = this.kindOf(e.subject);
    if (kind === 'class') return this.leaf(e, { includes: subject, values: e.values.map((v) => v.text) });
    if (kind === 'code') return this.leaf(e, { code: subject, patterns: e.values.map((v) => v.text) });
    if (kind === 'bool') return this.leaf(e, { is: subject, values: e.values.map((v) => v.text === 'yes') });
    return this.leaf(e, { is: subject, values: e.values.map((v) => v.text) });
  }

  private compare(e: A.CompareExpr): Cond {
    if (e.elapsed) {
      const unit = this.unitOf(e.right);
      const since: Value = { since: this.value(e.left), unit: unit && timeUnits.has(unit.base.word) && !unit.per ? (unit.base.word as TimeUnit) : 'days' };
      const window = this.value(e.right);
      if (e.elapsed === 'within') return this.leaf(e, { within: since, window });
      return this.leaf(e, { cmp: e.op, left: since, right: window });
    }
    let left = this.value(e.left);
    let right = this.value(e.right);
    const lu = this.unitOf(e.left);
    const ru = this.unitOf(e.right);
    if (lu && ru && lu !== ru) [left, right] = converted(left, lu, right, ru);
    return this.leaf(e, { cmp: e.op, left, right });
  }

  /** A value. */
  value(e: A.Expr): Value {
    switch (e.kind) {
      case 'ParenExpr': return this.value(e.inner);
      case 'FactRef': {
        const sym = this.symbolOf(e);
        if (sym?.kind === 'define') return this.define(sym, (d) => this.value(d));
        if (sym?.kind === 'column') return { lookup: sym.table.id, column: sym.column };
        return { fact: sym?.id ?? e.name };
      }
      case 'Quantity': return { const: e.value };
      case 'DateLit': case 'StringLit': return { const: e.value };
      case 'ArithExpr': {
        let l = this.value(e.left);
        let r = this.value(e.right);
        const lu = this.unitOf(e.left);
        const ru = this.unitOf(e.right);
        if ((e.op === '+' || e.op === '-' || e.op === '/') && lu && ru && lu !== ru) [l, r] = converted(l, lu, r, ru);
        return { op: e.op, args: [l, r] };
      }
      case 'RoundExpr': return { round: e.how, arg: this.value(e.inner) };
      case 'SinceExpr': {
        const w = baseUnitOf(e.unit.text)?.word;
        const since: Value = { since: this.value(e.date), unit: (w && timeUnits.has(w) ? w : 'days') as TimeUnit };
        return e.to ? { ...since, to: this.value(e.to) } : since;
      }
      case 'AggregateExpr': {
        const list = this.factId(e.list);
        const where = e.where ? this.condition(e.where) : undefined;
        if (e.op === 'count') return where ? { count: list, where } : { count: list };
        const sum = e.value ? this.value(e.value) : { const: 0 };
        return where ? { sum, over: list, where } : { sum, over: list };
      }
      default: return { const: 0 };
    }
  }

  /** A define written out where it is used, compiled in the file that declares it. */
  private define<T>(sym: DefineSym, f: (e: A.Expr) => T): T {
    return this.in(sym.file, () => f(sym.decl.expr ?? { kind: 'ErrorExpr', range: sym.decl.range }));
  }

  private factId(ref: A.FactRef): string {
    const sym = this.symbolOf(ref);
    return sym?.kind === 'fact' ? sym.id : ref.name;
  }

  /** What kind of value an expression is (its type's kind), as the checker found it. */
  private kindOf(e: A.Expr): string | undefined {
    if (e.kind === 'ParenExpr') return this.kindOf(e.inner);
    if (e.kind !== 'FactRef') return undefined;
    return this.typeOf(e)?.kind;
  }

  /** The type of a fact, define or column a reference names, as the checker found it. */
  private typeOf(e: A.FactRef): Ty | undefined {
    const sym = this.symbolOf(e);
    if (!sym) return undefined;
    return sym.kind === 'define' ? this.defineTypes.get(sym.decl) ?? undefined : sym.ty;
  }

  /** The unit of a numeric expression, as the checker typed it. */
  unitOf(e: A.Expr): Unit | undefined {
    switch (e.kind) {
      case 'ParenExpr': return this.unitOf(e.inner);
      case 'Quantity': return e.unit;
      case 'FactRef': {
        const ty = this.typeOf(e);
        return ty?.kind === 'number' ? ty.unit : undefined;
      }
      case 'ArithExpr': {
        const l = this.unitOf(e.left);
        const r = this.unitOf(e.right);
        if (e.op === '/' && l && r) return conversion(r, l) === undefined ? rateOf(l, r) : undefined;
        if (l && r) return finer(l, r);
        return l ?? r;
      }
      case 'RoundExpr': return this.unitOf(e.inner);
      case 'SinceExpr': {
        const b = baseUnitOf(e.unit.text);
        return b ? unit(b) : undefined;
      }
      case 'AggregateExpr': return e.value ? this.unitOf(e.value) : undefined;
      default: return undefined;
    }
  }
}

/** Two values in the finer of their units (weeks against days: the weeks times 7). */
function converted(l: Value, lu: Unit, r: Value, ru: Unit): [Value, Value] {
  const f = conversion(ru, lu);
  if (f === undefined || f === 1) return [l, r];
  // f > 1: the right side's unit is coarser, so it is the one multiplied (and the other way round).
  if (f > 1) return [l, { op: '*', args: [r, { const: f }] }];
  const g = conversion(lu, ru)!;
  return [{ op: '*', args: [l, { const: g }] }, r];
}
