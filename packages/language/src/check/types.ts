// Expression checks: facts resolve against the catalog, values against enums and classes, and units
// agree (visits with visits, a date window in days, weeks, months or years).
import type * as A from '../ast.ts';
import type { Report } from '../diagnostics.ts';
import { closestFact, lookupFact, type FactInfo } from '../facts.ts';

export type Ty =
  | { readonly kind: 'bool' }
  | { readonly kind: 'number'; readonly unit?: A.Unit }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly fact: string }
  | { readonly kind: 'date' }
  | { readonly kind: 'text' }
  | { readonly kind: 'class'; readonly of: 'diagnosis' | 'procedure' }
  | { readonly kind: 'error' };

const ERROR: Ty = { kind: 'error' };
const BOOL: Ty = { kind: 'bool' };
const DATE: Ty = { kind: 'date' };
const TEXT: Ty = { kind: 'text' };
const NUMBER: Ty = { kind: 'number' };
/** Types are never changed once made: one per unit, and one per enum fact, serve every expression. */
const numbers = new Map<A.Unit, Ty>();
const enums = new Map<FactInfo, Ty>();
const durationUnits = new Set<A.Unit | undefined>(['days', 'weeks', 'months', 'years']);

function numberIn(unit: A.Unit): Ty {
  let ty = numbers.get(unit);
  if (!ty) numbers.set(unit, (ty = { kind: 'number', unit }));
  return ty;
}

function describe(t: Ty): string {
  switch (t.kind) {
    case 'number': return t.unit ? t.unit : 'a number';
    case 'enum': return `${t.fact} (${t.values.join(', ')})`;
    case 'class': return t.of === 'diagnosis' ? 'the diagnosis' : 'the surgery';
    case 'bool': return 'a condition';
    default: return `a ${t.kind}`;
  }
}

export class ExprChecker {
  /** What the usage checks need, gathered while typing: the first recommended value read in a clause, and in a placeholder. */
  firstRecommended: { clause?: A.FactRef; placeholder?: A.FactRef } = {};
  /** Whether the expressions being checked are rationale placeholders (check() sets it). */
  inPlaceholders = false;
  /** The class names that `is` tests on the diagnosis or the surgery name. */
  readonly classesNamed = new Set<string>();

  constructor(
    private readonly guideline: A.GuidelineDecl,
    private readonly report: Report,
  ) {}

  /** Checks an expression used as a condition. */
  condition(e: A.Expr): void {
    const t = this.type(e);
    if (t.kind !== 'bool' && t.kind !== 'error') {
      this.report('C305', e, { message: `This is ${describe(t)}, not a condition: compare it, as in 'completed visits > 0' or 'functional improvement is documented'` });
    }
  }

  /** Checks an expression used as a value (a placeholder, a certify amount) and returns its type. */
  value(e: A.Expr): Ty {
    const t = this.type(e);
    if (t.kind === 'bool') this.report('C305', e, { message: 'Expected a value here, not a condition' });
    return t;
  }

  fact(ref: A.FactRef): FactInfo | undefined {
    const f = lookupFact(ref.name);
    if (!f) {
      const near = closestFact(ref.name);
      this.report('C301', ref, { name: ref.name, hint: near ? `. Did you mean '${near.name}'?` : '' });
    }
    return f;
  }

  type(e: A.Expr): Ty {
    switch (e.kind) {
      case 'ErrorExpr': return ERROR;
      case 'ParenExpr': return this.type(e.inner);
      case 'Quantity': return e.unit ? numberIn(e.unit) : NUMBER;
      case 'DateLit': return DATE;
      case 'StringLit': return TEXT;
      case 'FactRef': {
        const f = this.fact(e);
        if (!f) return ERROR;
        if (f.id.startsWith('recommended.')) {
          if (this.inPlaceholders) this.firstRecommended.placeholder ??= e;
          else this.firstRecommended.clause ??= e;
        }
        const t = f.type;
        if (t.kind !== 'enum') return t as Ty;
        let ty = enums.get(f);
        if (!ty) enums.set(f, (ty = { kind: 'enum', values: t.values, fact: f.name }));
        return ty;
      }
      case 'BoolExpr':
        for (const o of e.operands) this.condition(o);
        return BOOL;
      case 'NotExpr':
        this.condition(e.operand);
        return BOOL;
      case 'IsKnownExpr':
        this.value(e.subject);
        return BOOL;
      case 'IsValuesExpr':
        this.values(e);
        return BOOL;
      case 'ArithExpr': return this.arith(e);
      case 'CompareExpr':
        this.compare(e);
        return BOOL;
    }
  }

  private arith(e: A.ArithExpr): Ty {
    const l = this.value(e.left);
    const r = this.value(e.right);
    if (l.kind === 'error' || r.kind === 'error') return ERROR;
    if (l.kind !== 'number' || r.kind !== 'number') {
      this.report('C305', l.kind !== 'number' ? e.left : e.right, { message: `Arithmetic needs numbers, not ${describe(l.kind !== 'number' ? l : r)}` });
      return ERROR;
    }
    if (e.op === '+' || e.op === '-') {
      if (l.unit && r.unit && l.unit !== r.unit) {
        this.report('C304', e, { left: l.unit, right: r.unit });
        return ERROR;
      }
      const unit = l.unit ?? r.unit;
      return unit ? numberIn(unit) : NUMBER;
    }
    if (l.unit && r.unit) {
      if (e.op === '/' && l.unit === r.unit) return NUMBER;
      this.report('C304', e, { left: l.unit, right: r.unit });
      return ERROR;
    }
    if (e.op === '/' && r.unit) {
      this.report('C305', e.right, { message: 'Divide by a plain number, as in recommended visits / 2' });
      return ERROR;
    }
    const unit = l.unit ?? r.unit;
    return unit ? numberIn(unit) : NUMBER;
  }

  private compare(e: A.CompareExpr): void {
    const l = this.value(e.left);
    const r = this.value(e.right);
    if (l.kind === 'error' || r.kind === 'error') return;
    if (e.elapsed) {
      if (l.kind !== 'date') {
        this.report('C305', e.left, { message: `'${e.elapsed}' measures time since a date, but this is ${describe(l)}` });
      } else if (!isFact(e.left)) {
        // The runtime measures time since a date fact of the case; a fixed date has no fact to read.
        this.report('C305', e.left, { message: `'${e.elapsed}' measures time since a date of the case, such as injury date; compare a fixed date with the review date instead` });
      } else if (r.kind !== 'number' || !durationUnits.has(r.unit)) {
        this.report('C304', e.right, { left: 'a date window', right: describe(r) + " (write days, weeks, months or years, as in 'within 6 months')" });
      }
      return;
    }
    if (l.kind === 'date' && r.kind === 'date') return;
    if (l.kind === 'number' && r.kind === 'number') {
      if (l.unit && r.unit && l.unit !== r.unit) this.report('C304', e, { left: l.unit, right: r.unit });
      return;
    }
    // Enums compare only with the same fact's values: `functional improvement = home exercise program` is never true.
    if ((e.op === '=' || e.op === '!=') && ((l.kind === 'text' && r.kind === 'text') || (l.kind === 'enum' && r.kind === 'enum' && l.fact === r.fact))) return;
    this.report('C304', e, { left: describe(l), right: describe(r) });
  }

  private values(e: A.IsValuesExpr): void {
    const t = this.value(e.subject);
    if (t.kind === 'error') return;
    if (t.kind === 'enum') {
      for (const v of e.values) {
        if (!t.values.includes(v.text)) this.report('C306', v, { value: v.text, fact: t.fact, expected: t.values.join(', ') });
      }
      return;
    }
    if (t.kind === 'class') {
      if (e.subject.kind === 'FactRef') for (const v of e.values) this.classesNamed.add(v.text);
      const names = this.guideline.classes.filter((c) => c.of === t.of).map((c) => c.name.text);
      for (const v of e.values) {
        if (!names.includes(v.text)) {
          this.report('C303', v, { name: v.text, guideline: this.guideline.id.text });
        }
      }
      return;
    }
    if (t.kind === 'text') return;
    this.report('C305', e.subject, { message: `Use a comparison for ${describe(t)}, as in 'completed visits > 0'; 'is' lists values` });
  }
}

/** A fact, perhaps in parentheses. */
function isFact(e: A.Expr): boolean {
  return e.kind === 'FactRef' || (e.kind === 'ParenExpr' && isFact(e.inner));
}
