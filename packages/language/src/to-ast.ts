// CST -> AST. The only file that reads Chevrotain's CST or tokens; it turns inclusive end offsets
// into half-open ranges and tolerates the holes error recovery leaves.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from './ast.ts';
import { unitOf } from './ast.ts';
import type { Range } from './diagnostics.ts';
import type { Report } from './diagnostics.ts';

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function tokenRange(t: IToken): Range {
  if (!Number.isFinite(t.startOffset)) return { start: 0, end: 0 };
  return { start: t.startOffset, end: (Number.isFinite(t.endOffset) ? t.endOffset! : t.startOffset) + 1 };
}

function valid(t: IToken | undefined): t is IToken {
  return t !== undefined && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

function nodeRange(n: CstNode, fallback: Range): Range {
  const loc = n.location;
  if (!loc || !Number.isFinite(loc.startOffset)) return fallback;
  const end = Number.isFinite(loc.endOffset) ? loc.endOffset! + 1 : loc.startOffset + 1;
  return { start: loc.startOffset, end: Math.max(end, loc.startOffset) };
}

// The lookups below run for every clause and every level of every expression: they scan the
// label's children in place and allocate only when recovery left something to filter out.
const none: never[] = [];

function tokens(n: CstNode, label: string): IToken[] {
  const cs = (n.children as Children)[label];
  if (!cs) return none;
  for (const e of cs) if (!isToken(e) || !valid(e)) return cs.filter(isToken).filter(valid);
  return cs as IToken[];
}
function token(n: CstNode, label: string): IToken | undefined {
  const cs = (n.children as Children)[label];
  if (cs) for (const e of cs) if (isToken(e) && valid(e)) return e;
  return undefined;
}
function nodes(n: CstNode, label: string): CstNode[] {
  const cs = (n.children as Children)[label];
  if (!cs) return none;
  for (const e of cs) if (isToken(e)) return cs.filter((e): e is CstNode => !isToken(e));
  return cs as CstNode[];
}
function node(n: CstNode, label: string): CstNode | undefined {
  const cs = (n.children as Children)[label];
  if (cs) for (const e of cs) if (!isToken(e)) return e;
  return undefined;
}
/** The first child of a node in the order the parser met them (the clause keyword, for a clause). */
function firstChild(n: CstNode): CstElement | undefined {
  const children = n.children as Children;
  for (const label in children) {
    const cs = children[label];
    if (cs && cs.length) return cs[0];
  }
  return undefined;
}
/** A clause's keyword: its first child, when that is a token the text holds. */
function clauseKeyword(cl: CstNode): IToken | undefined {
  const first = firstChild(cl);
  return first && isToken(first) && valid(first) ? first : undefined;
}
/** Where a node starts (0 when recovery left it without tokens). */
function nodeStart(n: CstNode): number {
  const loc = n.location;
  return loc && Number.isFinite(loc.startOffset) ? loc.startOffset : 0;
}

function name(t: IToken): A.Name {
  return { kind: 'Name', text: t.image, range: tokenRange(t) };
}

/** The text of a string literal, without quotes, escapes resolved. */
export function unquote(image: string): string {
  const body = image.endsWith('"') && image.length >= 2 ? image.slice(1, -1) : image.slice(1);
  if (!body.includes('\\')) return body;
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

function stringName(t: IToken): A.Name {
  return { kind: 'Name', text: unquote(t.image), range: tokenRange(t) };
}

/** One declaration, or one token no declaration could take, as the AST builder found them. */
export type Item =
  | { kind: 'guideline'; node: A.GuidelineDecl }
  | { kind: 'policy'; node: A.PolicyDecl }
  | { kind: 'member'; node: A.ClassDecl | A.RecommendBlock | A.CriterionDecl }
  | { kind: 'junk'; image: string; range: Range };

/** A criterion's clauses that hold an expression, by their CST label and AST key. */
const expressionClauses = ['onlyWhen', 'require', 'certify'] as const;

export class AstBuilder {
  constructor(private readonly report: Report) {}

  /** The declarations and skipped tokens of one parsed stretch of text, in source order. */
  items(cst: CstNode): Item[] {
    const found: { at: number; item: Item }[] = [];
    for (const n of nodes(cst, 'guidelineDecl')) found.push({ at: nodeStart(n), item: { kind: 'guideline', node: this.guideline(n) } });
    for (const n of nodes(cst, 'policyDecl')) found.push({ at: nodeStart(n), item: { kind: 'policy', node: this.policy(n) } });
    for (const n of nodes(cst, 'classDecl')) found.push({ at: nodeStart(n), item: { kind: 'member', node: this.classDecl(n) } });
    for (const n of nodes(cst, 'recommendBlock')) found.push({ at: nodeStart(n), item: { kind: 'member', node: this.recommend(n) } });
    for (const n of nodes(cst, 'criterionDecl')) found.push({ at: nodeStart(n), item: { kind: 'member', node: this.criterion(n) } });
    for (const t of tokens(cst, 'junk')) found.push({ at: t.startOffset, item: { kind: 'junk', image: t.image, range: tokenRange(t) } });
    if (found.length === 1) return [found[0]!.item];
    return found.sort((a, b) => a.at - b.at).map((f) => f.item);
  }

  /**
   * The file from its items: members hang on the guideline above them, and each run of skipped
   * tokens is reported once (unless the parser already reported its first token: `reported`).
   */
  assemble(items: readonly Item[], textLength: number, reported: ReadonlySet<number>): A.GuidelineFile {
    const file: A.GuidelineFile = { kind: 'GuidelineFile', range: { start: 0, end: textLength }, guidelines: [], policies: [] };
    let current: A.GuidelineDecl | undefined;
    let junk: Extract<Item, { kind: 'junk' }>[] = [];
    const flushJunk = (): void => {
      if (!junk.length) return;
      const first = junk[0]!;
      const last = junk[junk.length - 1]!;
      if (!reported.has(first.range.start)) {
        const text = junk.map((t) => t.image).join(' ');
        const shown = text.length > 30 ? text.slice(0, 30) + '…' : text;
        this.report('P201', { start: first.range.start, end: last.range.end }, {
          message: `Unexpected '${shown}': expected ${current ? 'a clause of the declaration above, or a new class, recommend, criterion or policy' : "a 'guideline' or 'policy' declaration"}`,
        });
      }
      junk = [];
    };
    for (const item of items) {
      if (item.kind === 'junk') {
        junk.push(item);
        continue;
      }
      flushJunk();
      if (item.kind === 'guideline') {
        current = item.node;
        file.guidelines.push(current);
      } else if (item.kind === 'policy') {
        current = undefined;
        file.policies.push(item.node);
      } else if (!current) {
        const what = item.node.kind === 'RecommendBlock' ? 'recommend block' : item.node.kind === 'ClassDecl' ? 'class' : 'criterion';
        this.report('P201', item.node.range, { message: `A ${what} must follow a 'guideline' header` });
      } else {
        const m = item.node;
        if (m.kind === 'ClassDecl') current.classes.push(m);
        else if (m.kind === 'RecommendBlock') current.recommendations.push(m);
        else current.criteria.push(m);
        current.range = { start: current.range.start, end: Math.max(current.range.end, m.range.end) };
      }
    }
    flushJunk();
    return file;
  }

  /** The name of a class, criterion or policy; a reserved word there is reported and kept as the name. */
  private declName(n: CstNode): IToken | undefined {
    const dn = node(n, 'declName');
    if (!dn) return undefined;
    const reserved = token(dn, 'reserved');
    if (reserved) {
      this.report('P206', tokenRange(reserved), { word: reserved.image });
      return reserved;
    }
    return token(dn, 'name');
  }

  private guideline(n: CstNode): A.GuidelineDecl {
    const range = nodeRange(n, { start: 0, end: 0 });
    const qn = node(n, 'qualifiedName');
    const quoted = token(n, 'quotedId');
    if (quoted) this.report('P202', tokenRange(quoted), { message: `A guideline id is a name such as mtus.chronic-pain.physical-medicine, not quoted text ${quoted.image}` });
    const g: A.GuidelineDecl = {
      kind: 'GuidelineDecl',
      range,
      id: qn ? this.qualifiedName(qn) : { kind: 'Name', text: quoted ? unquote(quoted.image) : '', range },
      covers: [],
      classes: [],
      recommendations: [],
      criteria: [],
      repeated: [],
    };
    for (const h of nodes(n, 'headerClause')) {
      const once = (present: boolean): boolean => {
        if (present) {
          const kw = firstChild(h);
          if (kw && isToken(kw)) g.repeated.push(name(kw));
        }
        return !present;
      };
      const title = token(h, 'StringLiteral');
      const doc = token(h, 'document');
      const from = token(h, 'from');
      const applies = node(h, 'applies');
      const unless = node(h, 'unless');
      if (title && once(g.title !== undefined)) g.title = stringName(title);
      else if (doc && once(g.source !== undefined)) g.source = this.source(h, doc);
      else if (from && once(g.inForce !== undefined)) {
        const to = token(h, 'to');
        g.inForce = to ? { from: name(from), to: name(to) } : { from: name(from) };
      } else if (tokens(h, 'treatment').length) for (const t of tokens(h, 'treatment')) g.covers.push(name(t));
      else if (applies && once(g.applies !== undefined)) g.applies = this.expr(applies);
      else if (unless && once(g.unless !== undefined)) g.unless = this.expr(unless);
    }
    return g;
  }

  private source(h: CstNode, doc: IToken): A.SourceRef {
    const s: A.SourceRef = { kind: 'SourceRef', range: nodeRange(h, tokenRange(doc)), document: unquote(doc.image), parts: [] };
    for (const p of nodes(h, 'sourcePart')) {
      const edition = token(p, 'edition');
      const first = token(p, 'firstPage');
      const last = token(p, 'lastPage');
      const part = token(p, 'part');
      if (edition) s.edition = Number(edition.image);
      if (first) s.firstPage = Number(first.image);
      if (last) s.lastPage = Number(last.image);
      if (part) s.parts.push(unquote(part.image));
    }
    return s;
  }

  private qualifiedName(n: CstNode): A.Name {
    const parts = tokens(n, 'part');
    const range = nodeRange(n, parts[0] ? tokenRange(parts[0]) : { start: 0, end: 0 });
    return { kind: 'Name', text: parts.map((p) => p.image).join('.'), range };
  }

  private classDecl(n: CstNode): A.ClassDecl {
    const range = nodeRange(n, { start: 0, end: 0 });
    const nm = this.declName(n);
    const title = token(n, 'title');
    const c: A.ClassDecl = {
      kind: 'ClassDecl',
      of: token(n, 'ProcedureKw') ? 'procedure' : 'diagnosis',
      range,
      name: nm ? name(nm) : { kind: 'Name', text: '', range },
      terms: tokens(n, 'term').map(stringName),
      codes: tokens(n, 'code').map(name),
    };
    if (title) c.title = stringName(title);
    return c;
  }

  private recommend(n: CstNode): A.RecommendBlock {
    const entries: A.RecommendBlock['entries'] = [];
    for (const e of nodes(n, 'recommendEntry')) {
      const nm = token(e, 'name');
      const range = nodeRange(e, { start: 0, end: 0 });
      const entryName: A.Name = nm ? name(nm) : { kind: 'Name', text: '', range };
      const course = node(e, 'course');
      const freq = node(e, 'frequency');
      if (course) {
        const vu = token(course, 'visitUnit');
        const du = token(course, 'durationUnit');
        const visits = node(course, 'visits');
        const duration = node(course, 'duration');
        if (!vu || !du || !visits || !duration) continue;
        const entry: A.CourseEntry = {
          kind: 'CourseEntry',
          range,
          name: entryName,
          visits: this.span(visits),
          visitUnit: name(vu),
          duration: this.span(duration),
          durationUnit: name(du),
        };
        const period = token(course, 'period');
        const pu = token(course, 'periodUnit');
        if (period && pu) entry.period = { amount: Number(period.image), unit: name(pu), range: { start: tokenRange(period).start, end: tokenRange(pu).end } };
        entries.push(entry);
      } else if (freq) {
        const most = token(freq, 'most');
        const per = token(freq, 'per');
        if (!most || !per) continue;
        const fade = token(freq, 'fadeTo');
        const entry: A.FrequencyEntry = { kind: 'FrequencyEntry', range, name: entryName, mostPerWeek: Number(most.image), per: name(per) };
        if (fade) entry.fadeTo = Number(fade.image);
        entries.push(entry);
      }
    }
    return { kind: 'RecommendBlock', range: nodeRange(n, { start: 0, end: 0 }), entries };
  }

  private span(n: CstNode): A.Span {
    const low = token(n, 'low');
    const high = token(n, 'high');
    const lo = low ? Number(low.image) : NaN;
    return { kind: 'Span', range: nodeRange(n, { start: 0, end: 0 }), low: lo, high: high ? Number(high.image) : lo };
  }

  private criterion(n: CstNode): A.CriterionDecl {
    const range = nodeRange(n, { start: 0, end: 0 });
    const nm = this.declName(n);
    const title = token(n, 'title');
    const c: A.CriterionDecl = { kind: 'CriterionDecl', range, name: nm ? name(nm) : { kind: 'Name', text: '', range }, repeated: [] };
    if (title) c.title = stringName(title);
    for (const cl of nodes(n, 'criterionClause')) {
      // The clause's keyword, looked up only for a clause given twice.
      let kw: IToken | undefined;
      for (const key of expressionClauses) {
        const e = node(cl, key);
        if (!e) continue;
        if (c[key] !== undefined && (kw = clauseKeyword(cl))) c.repeated.push(name(kw));
        else c[key] = this.expr(e);
      }
      const otherwise = token(cl, 'otherwise');
      if (otherwise) {
        if (c.otherwise !== undefined && (kw = clauseKeyword(cl))) c.repeated.push(name(kw));
        else c.otherwise = stringName(otherwise);
      }
    }
    return c;
  }

  private policy(n: CstNode): A.PolicyDecl {
    const range = nodeRange(n, { start: 0, end: 0 });
    const nm = this.declName(n);
    const title = token(n, 'title');
    const j = token(n, 'jurisdiction');
    const p: A.PolicyDecl = {
      kind: 'PolicyDecl',
      range,
      name: nm ? name(nm) : { kind: 'Name', text: '', range },
      steps: nodes(n, 'policyStep').map((s) => nodes(s, 'pattern').map((q) => this.qualifiedName(q))),
    };
    if (title) p.title = stringName(title);
    if (j) p.jurisdiction = j.image.startsWith('"') ? stringName(j) : name(j);
    return p;
  }

  // Expressions

  expr(n: CstNode): A.Expr {
    // Every operand passes through all seven levels of the grammar: a level with one operand hands
    // it on without building a range or an array.
    switch (n.name) {
      case 'expr':
      case 'andExpr': {
        const operands = nodes(n, 'operand');
        if (operands.length === 1) return this.expr(operands[0]!);
        const fallback = nodeRange(n, { start: 0, end: 0 });
        const ops = operands.map((o) => this.expr(o));
        if (ops.length === 0) return { kind: 'ErrorExpr', range: fallback };
        return { kind: 'BoolExpr', op: n.name === 'expr' ? 'or' : 'and', operands: ops, range: fallback };
      }
      case 'notExpr': {
        const neg = node(n, 'negated');
        if (neg) {
          const fallback = nodeRange(n, { start: 0, end: 0 });
          return { kind: 'NotExpr', operand: this.expr(neg), range: fallback };
        }
        const cmp = node(n, 'comparison');
        return cmp ? this.expr(cmp) : { kind: 'ErrorExpr', range: nodeRange(n, { start: 0, end: 0 }) };
      }
      case 'comparison':
        return this.comparison(n, nodeRange(n, { start: 0, end: 0 }));
      case 'additive':
      case 'multiplicative': {
        const operands = nodes(n, 'operand');
        if (operands.length === 1) return this.expr(operands[0]!);
        const ops = operands.map((o) => this.expr(o));
        const signs = tokens(n, 'op');
        if (ops.length === 0) return { kind: 'ErrorExpr', range: nodeRange(n, { start: 0, end: 0 }) };
        let acc = ops[0]!;
        for (let i = 1; i < ops.length; i++) {
          const right = ops[i]!;
          const op = (signs[i - 1]?.image ?? '+') as A.ArithExpr['op'];
          acc = { kind: 'ArithExpr', op, left: acc, right, range: { start: acc.range.start, end: right.range.end } };
        }
        return acc;
      }
      case 'primary':
        return this.primary(n, nodeRange(n, { start: 0, end: 0 }));
      default:
        return { kind: 'ErrorExpr', range: nodeRange(n, { start: 0, end: 0 }) };
    }
  }

  private comparison(n: CstNode, range: Range): A.Expr {
    const leftNode = node(n, 'left');
    const left = leftNode ? this.expr(leftNode) : ({ kind: 'ErrorExpr', range } as A.Expr);
    const rightNode = node(n, 'right');
    const op = token(n, 'op');
    if (op) {
      const right = rightNode ? this.expr(rightNode) : ({ kind: 'ErrorExpr', range } as A.Expr);
      return { kind: 'CompareExpr', op: op.image as A.CompareOp, left, right, range };
    }
    if (token(n, 'within') && rightNode) {
      return { kind: 'CompareExpr', op: '<=', left, right: this.expr(rightNode), elapsed: 'within', range };
    }
    const test = node(n, 'isTest');
    if (!test) return left;
    return this.isTest(test, left, range);
  }

  private isTest(t: CstNode, subject: A.Expr, range: Range): A.Expr {
    const rightNode = node(t, 'right');
    const right: A.Expr = rightNode ? this.expr(rightNode) : { kind: 'ErrorExpr', range };
    const op = token(t, 'op')?.image;
    switch (op) {
      case 'most': return { kind: 'CompareExpr', op: '<=', left: subject, right, range };
      case 'least': return { kind: 'CompareExpr', op: '>=', left: subject, right, range };
      case 'more':
      case 'less':
      case 'fewer': {
        const more = op === 'more';
        const c: A.CompareExpr = { kind: 'CompareExpr', op: more ? '>' : '<', left: subject, right, range };
        if (token(t, 'ago')) c.elapsed = 'ago';
        return c;
      }
    }
    if (token(t, 'within')) return { kind: 'CompareExpr', op: '<=', left: subject, right, elapsed: 'within', range };
    const negated = token(t, 'negated') !== undefined;
    if (token(t, 'known')) return { kind: 'IsKnownExpr', subject, known: !negated, range };
    if (token(t, 'unknown')) return { kind: 'IsKnownExpr', subject, known: negated, range };
    const list = node(t, 'valueList');
    const values: A.Name[] = [];
    if (list) for (const v of nodes(list, 'value')) for (const t of tokens(v, 'v')) values.push(t.image.startsWith('"') ? stringName(t) : name(t));
    return { kind: 'IsValuesExpr', subject, values, negated, range };
  }

  private primary(n: CstNode, range: Range): A.Expr {
    const num = token(n, 'number');
    if (num) {
      const unit = token(n, 'unit');
      const q: A.Quantity = { kind: 'Quantity', value: Number(num.image), range };
      if (unit) {
        if (token(n, 'per')) {
          if (unitOf(unit.image) === 'weeks') q.unit = 'per week';
          else this.report('P204', tokenRange(unit), { text: `per ${unit.image}` });
        } else {
          const u = unitOf(unit.image);
          if (u) q.unit = u;
          else this.report('P204', tokenRange(unit), { text: unit.image });
        }
      }
      return q;
    }
    const words = tokens(n, 'word');
    if (words.length) return { kind: 'FactRef', name: words.map((w) => w.image).join(' '), range };
    const date = token(n, 'date');
    if (date) return { kind: 'DateLit', value: date.image, range };
    const str = token(n, 'string');
    if (str) return { kind: 'StringLit', value: unquote(str.image), range };
    const inner = node(n, 'inner');
    if (inner) return { kind: 'ParenExpr', inner: this.expr(inner), range };
    return { kind: 'ErrorExpr', range };
  }
}
