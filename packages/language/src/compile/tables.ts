// Tables, checked, -> the artifact's CompiledTable: the keys as values, each key cell as the matches
// of its values (numbers in the key's unit), each column cell in the column's unit, and a column of
// ranges as two columns (its low end's and its own). A recommend block is the table `recommend`.
import type * as A from '../ast.ts';
import type { CompiledTable, FactType, KeyMatch, SourceLocation } from '../artifact.ts';
import { builtins } from '../builtins.ts';
import { recommendTable } from '../check/recommendation.ts';
import { columnsOf } from '../check/tables.ts';
import type { TableSym, Ty } from '../check/symbols.ts';
import type { Scalar } from '../ir.ts';
import { conversion, type Unit } from '../units.ts';
import type { ExprCompiler } from './expressions.ts';

/** A number written in `from` (when given) in `to`: exactly converted, as the checker allowed. */
function inUnit(n: number, from: Unit | undefined, to: Unit | undefined): number {
  if (!from || !to || from === to) return n;
  const f = conversion(from, to);
  return f === undefined ? n : n * f;
}

const unitOf = (ty: Ty): Unit | undefined => (ty.kind === 'number' ? ty.unit : ty.kind === 'list' && ty.of.kind === 'number' ? ty.of.unit : undefined);

/** A key cell as the matches of its values (none: any value). */
function keyMatches(cell: A.TableCell | undefined, ty: Ty): KeyMatch[] {
  if (!cell || cell.form === 'any' || cell.form === 'none') return [];
  const unit = unitOf(ty);
  const elem = ty.kind === 'list' ? ty.of : ty;
  if (cell.form === 'compare') {
    const n = cell.values[0];
    return n?.kind === 'CellNumber' && cell.op ? [{ cmp: cell.op, value: inUnit(n.low, n.unit, unit) }] : [];
  }
  return cell.values.map((v): KeyMatch => {
    if (v.kind === 'CellNumber') {
      if (elem.kind === 'code') return { code: v.text ?? String(v.low) };
      const lo = inUnit(v.low, v.unit, unit);
      const hi = inUnit(v.high, v.unit, unit);
      return lo === hi ? { is: lo } : { from: lo, to: hi };
    }
    if (elem.kind === 'bool') return { is: v.text === 'yes' };
    if (elem.kind === 'code') return { code: v.text };
    return { is: v.text };
  });
}

/** A column cell: its value (the low or high end of a range) in the column's unit, or null for none. */
function cellValue(cell: A.TableCell | undefined, ty: Ty, end: 'low' | 'high'): Scalar | null {
  const v = cell?.form === 'values' ? cell.values[0] : undefined;
  if (!v) return null;
  if (v.kind === 'CellNumber') return inUnit(end === 'low' ? v.low : v.high, v.unit, unitOf(ty));
  if (ty.kind === 'bool') return v.text === 'yes';
  return v.text;
}

/** A declared table, compiled with the compiler of the guideline (or rule set) it belongs to. */
export function compileTable(t: TableSym, x: ExprCompiler, factType: (ty: Ty) => FactType): CompiledTable {
  const d = t.decl!;
  return x.in(t.file, () => {
    const columns: CompiledTable['columns'] = t.columns.map((c) => ({ id: c.column, words: c.words, type: factType(c.ty) }));
    const rows: CompiledTable['rows'] = d.rows.map((r) => {
      const cells: (Scalar | null)[] = [];
      d.columns.forEach((c, i) => {
        const { low, high } = columnsOf(t, c);
        if (low) cells.push(cellValue(r.cells[i], low.ty, 'low'));
        if (high) cells.push(cellValue(r.cells[i], high.ty, 'high'));
      });
      return { when: t.keys.map((k, i) => keyMatches(r.keys[i], k.ty)), cells, source: x.location(r) };
    });
    const out: CompiledTable = {
      id: t.id,
      keys: t.keys.map((k) => ({ words: k.ref.name, value: x.value(k.ref) })),
      columns,
      choose: chooseOf(d, t),
      rows,
      source: x.location(d),
    };
    if (d.title) out.title = d.title.text;
    return out;
  });
}

function chooseOf(d: A.TableDecl, t: TableSym): CompiledTable['choose'] {
  const c = d.choose;
  const words = c?.words?.text;
  if (!c || !words) return 'first';
  if (c.rule === 'listed') {
    const i = t.keys.findIndex((k) => k.ref.name === words);
    return i >= 0 ? { listed: i } : 'first';
  }
  if (c.rule === 'most') return { most: words };
  if (c.rule === 'least') return { least: words };
  return 'first';
}

/**
 * A title as it reads inside a sentence ("for myalgia and myositis, unspecified"): its first letter
 * lowered, unless its first word is an acronym or a name with capitals of its own (SLAP, McKenzie);
 * every other word as written, so proper nouns and acronyms keep their case (CRPS, Achilles).
 */
function midSentence(title: string): string {
  const first = /^\S+/.exec(title)?.[0] ?? '';
  return /\p{Lu}/u.test(first.slice(1)) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

/**
 * The table a recommend block makes: a row per course entry, keyed by the classes of the diagnosis
 * (or the surgery, when the first entry names a procedure), the row of the first diagnosis listed
 * that has one; its columns are the recommendation's words.
 */
export function recommendationTable(
  entries: readonly { node: A.CourseEntry; source: SourceLocation }[],
  classes: readonly A.ClassDecl[],
  factType: (ty: Ty) => FactType,
  /** Whether the guideline reads it: then it is made even with no entries (and no rows). */
  read = false,
): CompiledTable | undefined {
  if (!entries.length && !read) return undefined;
  const byName = new Map(classes.map((c) => [c.name.text, c]));
  const first = entries[0];
  const surgery = first !== undefined && byName.get(first.node.name.text)?.of === 'procedure';
  const key = surgery ? builtins['surgery-classes']! : builtins['diagnosis-classes']!;
  const col = (id: string): { id: string; words: string; type: FactType } => {
    const c = recommendTable.columns.find((x) => x.column === id)!;
    return { id, words: id === 'group' ? (surgery ? 'surgery group' : 'diagnosis group') : c.words, type: factType(c.ty) };
  };
  return {
    id: recommendTable.id,
    keys: [{ words: surgery ? 'surgery' : 'diagnosis', value: { fact: key.id } }],
    columns: [col('recommended minimum visits'), col('recommended visits'), col('recommended weeks'), col('treatment period'), col('group')],
    choose: { listed: 0 },
    rows: entries.map(({ node: e, source }) => {
      const c = byName.get(e.name.text);
      return {
        when: [[{ is: e.name.text }]],
        cells: [e.visits.low, e.visits.high, e.duration.high, e.period?.amount ?? null, midSentence(c?.title?.text ?? e.name.text)],
        source,
      };
    }),
  };
}
