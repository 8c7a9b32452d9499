// What names mean to the checker: the types of values, the facts and defines a vocabulary declares,
// and the scopes that make them visible (a guideline sees the core vocabulary, those it uses, its
// own defines and its recommendation's facts; inside `where`, a list item's fields come first).
import type * as A from '../ast.ts';
import { unitName, type Unit } from '../units.ts';

export type Ty =
  | { readonly kind: 'bool' }
  | { readonly kind: 'number'; readonly unit?: Unit; readonly min?: number; readonly max?: number }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly fact: string }
  | { readonly kind: 'date'; readonly anyDate?: boolean }
  | { readonly kind: 'text' }
  | { readonly kind: 'code' }
  | { readonly kind: 'class'; readonly of: 'diagnosis' | 'procedure' }
  | { readonly kind: 'list'; readonly of: Ty }
  | { readonly kind: 'record'; readonly record: RecordSym }
  | { readonly kind: 'error' };

export const ERROR: Ty = { kind: 'error' };
export const BOOL: Ty = { kind: 'bool' };
export const DATE: Ty = { kind: 'date' };
export const TEXT: Ty = { kind: 'text' };
export const NUMBER: Ty = { kind: 'number' };

/**
 * Number types are made once per unit (and range): types are never changed once made. By the unit
 * itself, not its name: `unit tier, levels` is another unit than `unit level, levels` before it.
 */
const numbers = new Map<Unit | undefined, Map<string, Ty>>();
export function numberIn(unit: Unit | undefined, min?: number, max?: number): Ty {
  if (unit === undefined && min === undefined && max === undefined) return NUMBER;
  const key = `${min ?? ''}|${max ?? ''}`;
  let ofUnit = numbers.get(unit);
  if (!ofUnit) numbers.set(unit, (ofUnit = new Map()));
  let ty = ofUnit.get(key);
  if (!ty) {
    const t: { kind: 'number'; unit?: Unit; min?: number; max?: number } = { kind: 'number' };
    if (unit) t.unit = unit;
    if (min !== undefined) t.min = min;
    if (max !== undefined) t.max = max;
    ofUnit.set(key, (ty = t));
  }
  return ty;
}

/** A type in words, for messages: `visits`, `a date`, `home exercise program (none, instructed, ...)`. */
export function describe(t: Ty): string {
  switch (t.kind) {
    case 'number': return t.unit ? unitName(t.unit) : 'a number';
    case 'enum': return `${t.fact} (${t.values.join(', ')})`;
    case 'class': return t.of === 'diagnosis' ? 'the diagnosis' : 'the surgery';
    case 'bool': return 'a condition';
    case 'list': return `a list of ${describe(t.of).replace(/^an? /, '')}`;
    case 'record': return `a ${t.record.name}`;
    case 'code': return 'a code';
    default: return `a ${t.kind}`;
  }
}

/** Where a fact's value comes from. */
export type FactSource =
  /** A case field, by its dotted path (relative to the item, for a record's field). */
  | { field: string }
  /** A computation built into the runtime. */
  | { builtin: string };

export interface FactSym {
  readonly kind: 'fact';
  readonly words: string;
  /** The id compiled rules read it by: its field path, a built-in's id, or `<list>[].<field>` for an item's field. */
  readonly id: string;
  readonly ty: Ty;
  readonly source: FactSource;
  /** The value absence stands for, as written (`no`, `0`, `none`); absent, the fact is unknown. */
  readonly absent?: string;
  readonly meaning?: string;
  /** Case fields whose absence makes it unknown (what "Missing" names). */
  readonly inputs: readonly string[];
  /** Whether the case must give it (the contract's `asOf`, `jurisdiction`, `request.treatment`). */
  readonly required?: boolean;
  readonly decl?: A.FactDecl;
  /** The vocabulary that declares it, and its file. */
  readonly vocabulary?: string;
  readonly file?: string;
}

export interface DefineSym {
  readonly kind: 'define';
  readonly words: string;
  readonly decl: A.DefineDecl;
  readonly file: string;
  readonly vocabulary?: string;
  /** The scope its expression is read in. */
  readonly scope: Scope;
  /** The type declared for it (a fact or field `computed as` an expression); its expression's otherwise. */
  readonly declared?: Ty;
}

export interface RecordSym {
  readonly name: string;
  readonly title?: string;
  /** Its fields by words; a field's id is its path within the item. */
  readonly fields: ReadonlyMap<string, FactSym>;
  /** Fields computed from the others (`computed as`), and the columns of its tables (`for each`). */
  readonly computed: ReadonlyMap<string, DefineSym | ColumnSym>;
  readonly decl?: A.RecordDecl;
  /** The scope of one item: its fields, computed fields and columns over the vocabulary's names (made on first use). */
  readonly itemScope?: Scope;
}

/**
 * A table: its keys (resolved in the table's scope when it is checked) and its columns. A column's
 * type comes from its cells, so it is known once the table is checked, which happens on first use.
 */
export class TableSym {
  readonly columns: ColumnSym[] = [];
  /** The header's keys as fact references, with their types (set when checked). */
  keys: { ref: A.FactRef; ty: Ty }[] = [];
  /** Checks the table (set by the checker that knows its scope); run once, by `ensure`. */
  check: (() => void) | undefined = undefined;
  private state: 'new' | 'checking' | 'done' = 'new';

  constructor(
    /** Its id in the compiled rule set: its name; `<vocabulary>.<name>` for a vocabulary's; `recommend` for a recommend block. */
    readonly id: string,
    readonly decl: A.TableDecl | undefined,
    readonly file: string,
  ) {}

  /** Checks the table if it was not yet; false while it is being checked (a column read by its own keys). */
  ensure(): boolean {
    if (this.state === 'checking') return false;
    if (this.state === 'new' && this.check) {
      this.state = 'checking';
      this.check();
    }
    this.state = 'done';
    return true;
  }
}

/** A column of a table, read by its words: the column's cell of the row the table's keys choose. */
export interface ColumnSym {
  readonly kind: 'column';
  readonly words: string;
  readonly table: TableSym;
  /** The column's id in the compiled table. */
  readonly column: string;
  /** Its type, from its cells (ERROR until the table is checked). */
  ty: Ty;
  readonly meaning?: string;
  readonly decl?: A.Name;
}

export type Sym = FactSym | DefineSym | ColumnSym;

/** Names visible at a point: looked up here first, then in the enclosing scope. */
/**
 * A vocabulary a `uses` names that the program does not have, and no known one is a near miss of:
 * the facts read under it that no vocabulary in use declares, which it may declare. Reported once,
 * with the `uses` (C315), rather than each fact on its own (C301).
 */
export interface UnknownVocabulary {
  readonly name: string;
  readonly facts: Set<string>;
}

export class Scope {
  private readonly names = new Map<string, Sym>();
  /** The unknown vocabularies a scope of used vocabularies was asked for (see `UnknownVocabulary`). */
  unknown: readonly UnknownVocabulary[] = [];

  constructor(
    readonly parent?: Scope,
    /** What the scope is, for messages (`vocabulary physical-medicine`). */
    readonly label = '',
  ) {}

  /** The vocabularies whose facts a scope of used vocabularies holds (their units are in use too). */
  vocabularies: ReadonlySet<string> | undefined;

  /** Whether the scope, or one it is inside, reads the facts (and units) of vocabulary `name`. */
  uses(name: string): boolean {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.vocabularies?.has(name)) return true;
    return false;
  }

  /** The unknown vocabularies of this scope and those it is inside. */
  unknownVocabularies(): UnknownVocabulary[] {
    const out: UnknownVocabulary[] = [];
    for (let s: Scope | undefined = this; s; s = s.parent) out.push(...s.unknown);
    return out;
  }

  add(sym: Sym): void {
    this.names.set(sym.words, sym);
  }

  has(words: string): boolean {
    return this.names.has(words);
  }

  /** The symbol the words name, written in any case and spacing. */
  lookup(words: string): Sym | undefined {
    const key = normalize(words);
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const sym = s.names.get(key);
      if (sym) return sym;
    }
    return undefined;
  }

  /** Every visible symbol, nearest first (for "did you mean" and completion). */
  all(): Sym[] {
    const out = new Map<string, Sym>();
    for (let s: Scope | undefined = this; s; s = s.parent) for (const [k, v] of s.names) if (!out.has(k)) out.set(k, v);
    return [...out.values()];
  }
}

/** Words as the scope keys them: lower case, single spaces. */
export function normalize(words: string): string {
  return /^[a-z0-9 _-]+$/.test(words) && !words.includes('  ') ? words : words.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether two types are the same (units and values included). */
export function sameType(a: Ty, b: Ty): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'number': return a.unit === (b as typeof a).unit;
    case 'enum': return a.values.join() === (b as typeof a).values.join();
    case 'class': return a.of === (b as typeof a).of;
    case 'list': return sameType(a.of, (b as typeof a).of);
    case 'record': return a.record === (b as typeof a).record;
    default: return true;
  }
}

export { closest, editDistance } from '../spelling.ts';
