// Tables: their columns declared as names (`recommended visits`), and the checks of a table against
// its scope: the keys are facts (or defines) of a type a cell can match, each key cell matches its
// key's type (classes, values, numbers in the key's unit), each row has a cell per key and column,
// and a column's cells agree on one kind and unit, which is the column's type.
import type * as A from '../ast.ts';
import type { Report } from '../diagnostics.ts';
import { conversion, unitName, type Unit } from '../units.ts';
import { BOOL, describe, ERROR, numberIn, TableSym, TEXT, type ColumnSym, type Ty } from './symbols.ts';
import type { ExprChecker } from './types.ts';
import { codeLike, codeRangeRunsBackwards } from './codes.ts';
import { notAValue } from '../spelling.ts';

/** A table's symbol and its columns' (a column of ranges gives two: its low end's, then its own). */
export function declareTable(decl: A.TableDecl, id: string, file: string): TableSym {
  const t = new TableSym(id, decl, file);
  for (const c of decl.columns) {
    if (c.low?.text) t.columns.push(column(c.low.text, t, c.low));
    if (c.words.text) t.columns.push(column(c.words.text, t, c.words));
  }
  return t;
}

function column(words: string, table: TableSym, decl: A.Name): ColumnSym {
  return { kind: 'column', words, table, column: words, ty: ERROR, decl };
}

/** The column symbols of a header column: its own, and its low end's when it is a column of ranges. */
export function columnsOf(t: TableSym, c: A.TableColumn): { low?: ColumnSym; high?: ColumnSym } {
  const find = (n: A.Name | undefined): ColumnSym | undefined => (n ? t.columns.find((x) => x.decl === n) : undefined);
  const out: { low?: ColumnSym; high?: ColumnSym } = {};
  const low = find(c.low);
  const high = find(c.words);
  if (low) out.low = low;
  if (high) out.high = high;
  return out;
}

/**
 * Checks a declared table: its clauses, keys, rows and columns. `where` is what declares it: a
 * guideline, a vocabulary, or a record (`for each`).
 */
export function checkTable(t: TableSym, exprs: ExprChecker, report: Report, where: 'guideline' | 'vocabulary' | 'record'): void {
  const d = t.decl;
  if (!d) return;
  for (const r of d.repeated) report('C308', r, { clause: r.text });
  if (d.forEach && where === 'guideline') report('C330', d.forEach, { message: "'for each' is for a vocabulary's table, whose keys are the fields of a record" });
  t.keys = d.keys.map((k) => {
    const ref: A.FactRef = { kind: 'FactRef', name: k.text, range: k.range };
    const ty = exprs.value(ref);
    // A condition has no value a cell could match (a define of a condition is written out where it is used).
    if (ty.kind === 'bool' && exprs.lookup(ref)?.kind === 'define') report('C329', k, { message: `'${k.text}' is a condition, and a key is a value a cell can match: key the table by a fact, or define a value` });
    else if (!keyable(ty)) report('C329', k, { message: `A key is a value a cell can match (a value of a list, a text, a code, a number, yes or no, or a class), and '${k.text}' is ${describe(ty)}` });
    return { ref, ty };
  });
  if (d.rows.length === 0) report('C307', d.name, { what: `Table '${d.name.text}'`, clause: "rows: '| <key cell> || <cell> | <cell> |', one a line under its header" });
  for (const row of d.rows) {
    if (row.keys.length !== d.keys.length || row.cells.length !== d.columns.length) {
      report('C328', row, { found: cells(row.keys.length, 'key cell') + ' and ' + cells(row.cells.length, 'column cell'), expected: cells(d.keys.length, 'key') + ' and ' + cells(d.columns.length, 'column') });
    }
    row.keys.forEach((cell, i) => {
      const key = t.keys[i];
      if (key && keyable(key.ty)) checkKeyCell(cell, key.ref.name, key.ty, exprs, report);
    });
  }
  d.columns.forEach((c, i) => typeColumn(t, c, d.rows.map((r) => r.cells[i]).filter((x): x is A.TableCell => x !== undefined), report));
  const choice = d.choose;
  if (choice?.words) {
    const words = choice.words.text;
    if (choice.rule === 'listed') {
      const key = t.keys.find((k) => k.ref.name === words);
      if (!key) report('C330', choice.words, { message: `'${words}' is not a key of table '${d.name.text}': its keys are ${d.keys.map((k) => k.text).join(', ')}` });
      else if (key.ty.kind !== 'list' && key.ty.kind !== 'class' && key.ty.kind !== 'error') report('C330', choice.words, { message: `'the first ${words} listed' needs a key that lists several (a list, or the diagnosis), and '${words}' is ${describe(key.ty)}` });
    } else {
      const col = t.columns.find((c) => c.words === words);
      if (!col) report('C330', choice.words, { message: `'${words}' is not a column of table '${d.name.text}': its columns are ${t.columns.map((c) => c.words).join(', ')}` });
      else if (col.ty.kind !== 'number' && col.ty.kind !== 'error') report('C330', choice.words, { message: `'the ${choice.rule} ${words}' compares numbers, and '${words}' holds ${describe(col.ty)}` });
    }
  }
}

const cells = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Whether a cell can match a value of this type. */
function keyable(ty: Ty): boolean {
  switch (ty.kind) {
    case 'enum': case 'text': case 'code': case 'number': case 'bool': case 'class': case 'error': return true;
    case 'list': return ty.of.kind === 'enum' || ty.of.kind === 'text' || ty.of.kind === 'code';
    default: return false;
  }
}

function checkKeyCell(cell: A.TableCell, key: string, ty: Ty, exprs: ExprChecker, report: Report): void {
  if (cell.form === 'any') return;
  if (cell.form === 'none') return report('C329', cell, { message: "'-' is a column cell with no value; a key cell that matches every value is 'any'" });
  const elem = ty.kind === 'list' ? ty.of : ty;
  if (cell.form === 'compare') {
    const n = cell.values[0];
    if (elem.kind !== 'number') return report('C329', cell, { message: `'${key}' is ${describe(ty)}: only a number is compared (at most, more than)` });
    if (n?.kind === 'CellNumber') {
      if (n.low !== n.high) report('C329', n, { message: 'A comparison takes one number, not a range' });
      checkUnit(n, elem.unit, report);
    }
    return;
  }
  for (const v of cell.values) {
    if (v.kind === 'CellNumber') {
      // A CPT code, or a range of them, is written in digits (`29880`, `64479-64484`).
      if (elem.kind === 'code') {
        checkCodes(v, v.unit ? undefined : v.text, v.text ?? String(v.low), key, 'ICD-10 codes or patterns (M54.1*), CPT codes of five digits (29880) or HCPCS codes, or ranges of them (64479-64484)', report);
        continue;
      }
      if (elem.kind !== 'number') report('C329', v, { message: `'${key}' is ${describe(ty)}, and a number cannot be one` });
      else {
        if (v.high < v.low) report('C309', v, { message: `The range ${v.low}-${v.high} runs backwards` });
        checkUnit(v, elem.unit, report);
      }
      continue;
    }
    switch (elem.kind) {
      case 'enum':
        if (!elem.values.includes(v.text)) report('C306', v, notAValue(v.text, key, elem.values));
        break;
      case 'bool':
        if (v.text !== 'yes' && v.text !== 'no') report('C306', v, notAValue(v.text, key, ['yes', 'no']));
        break;
      case 'class':
        exprs.classValues({ kind: 'FactRef', name: key, range: v.range }, elem.of, [v]);
        break;
      case 'code':
        checkCodes(v, v.text, v.text, key, 'ICD-10 codes or patterns (M54.1*), CPT or HCPCS codes, or ranges of them (C00-D49)', report);
        break;
      case 'number':
        report('C329', v, { message: `'${key}' is ${describe(ty)}: write a number, a range (8-10) or a comparison (at most 20)` });
        break;
    }
  }
}

/** A code key's cell: codes or a range of them (C306, `codes` undefined when it cannot be one), and a range that holds some (C309). */
function checkCodes(at: A.Node, codes: string | undefined, value: string, key: string, expected: string, report: Report): void {
  if (!codes?.split('-').every((part) => codeLike.test(part))) report('C306', at, { value, fact: key, expected });
  else if (codeRangeRunsBackwards(codes)) report('C309', at, { message: `The range ${codes} runs backwards: no code is in it` });
}

function checkUnit(n: A.CellNumber, unit: Unit | undefined, report: Report): void {
  if (n.unit && unit && n.unit !== unit && conversion(n.unit, unit) === undefined) report('C304', n, { left: unitName(unit), right: unitName(n.unit) });
}

/** A column's type from its cells: numbers of 0 or more in one unit, yes or no, or text. */
function typeColumn(t: TableSym, c: A.TableColumn, cs: readonly A.TableCell[], report: Report): void {
  let unit: Unit | undefined;
  let numbers = 0;
  let words = 0;
  let yesNo = true;
  for (const cell of cs) {
    if (cell.form === 'none') continue;
    if (cell.form !== 'values' || cell.values.length !== 1) {
      report('C330', cell, { message: `A cell of column '${c.words.text}' holds one value, or '-' for none ('any', 'or' and comparisons are for key cells)` });
      continue;
    }
    const v = cell.values[0]!;
    if (v.kind === 'Name') {
      words++;
      if (v.text !== 'yes' && v.text !== 'no') yesNo = false;
      continue;
    }
    numbers++;
    if (v.high < v.low) report('C309', v, { message: `The range ${v.low}-${v.high} runs backwards` });
    if (v.low !== v.high && !c.low) report('C330', v, { message: `${v.low}-${v.high} is a range, and column '${c.words.text}' holds one number a row: name its low end too, as in '| ... || lowest ${c.words.text} to ${c.words.text} |'` });
    if (!v.unit) continue;
    if (!unit) unit = v.unit;
    else if (v.unit !== unit && conversion(v.unit, unit) === undefined) report('C304', v, { left: unitName(unit), right: unitName(v.unit) });
  }
  if (numbers && words) report('C330', c, { message: `Column '${c.words.text}' holds both numbers and words: a column holds one kind of value` });
  // (A column with no value it could hold, or both kinds, is of no type: what reads it is not checked again.)
  // A cell's number has no sign, so a column of numbers holds 0 or more: the bound an unknown cell
  // keeps when no row is chosen (a drug with no conversion factor adds 0 or more, never less).
  const ty: Ty = numbers && words ? ERROR : numbers ? numberIn(unit, 0) : !words ? ERROR : yesNo ? BOOL : TEXT;
  const { low, high } = columnsOf(t, c);
  if (low) low.ty = ty;
  if (high) high.ty = ty;
}
