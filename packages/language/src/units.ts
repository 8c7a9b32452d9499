// Units of measure: the words a quantity is written in ("8 visits", "4 hours a day", "120 mg a day"),
// what each measures, and which conversions are exact. The checker follows units through arithmetic
// and comparisons; the compiler turns a conversion into a multiplication by its exact factor.

import { misspeltKeyword } from './spelling.ts';

/** What a base unit measures. Units of one dimension compare once converted. */
export type Dimension = 'count' | 'time' | 'mass' | 'percent';

export interface BaseUnit {
  /** The canonical word, plural where it has one (visits, weeks, mg). */
  readonly word: string;
  readonly dimension: Dimension;
  /**
   * Within a dimension, units of one `scale` group convert exactly by `factor` (hours, days and
   * weeks; months and years). Units of different groups do not: a month is no whole number of weeks.
   */
  readonly scale: string;
  readonly factor: number;
  /** The smallest value a quantity of this unit can take (counts and times are never negative). */
  readonly min?: number;
  readonly max?: number;
  /** How one of it is written (`visit`, `hour`, `level`), where that differs from `word`. */
  readonly one?: string;
  /** The other words it may be written with (`sessions`, `treatments` for visits). */
  readonly synonyms?: readonly string[];
}

/** A unit: a base unit, optionally per a base unit of time ("mg a day", "3 per week", "hours a day"). */
export interface Unit {
  /** What is counted or measured; undefined for a bare frequency ("3 per week": visits). */
  readonly base: BaseUnit;
  readonly per?: BaseUnit;
}

const base = (word: string, dimension: Dimension, scale: string, factor: number, min?: number, max?: number, one?: string, synonyms?: string[]): BaseUnit =>
  Object.freeze({ word, dimension, scale, factor, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...(one ? { one } : {}), ...(synonyms ? { synonyms: Object.freeze(synonyms) } : {}) });

const VISITS = base('visits', 'count', 'count', 1, 0, undefined, 'visit', ['session', 'sessions', 'treatment', 'treatments']);
const HOURS = base('hours', 'time', 'clock', 1, 0, undefined, 'hour');
const DAYS = base('days', 'time', 'clock', 24, 0, undefined, 'day');
const WEEKS = base('weeks', 'time', 'clock', 168, 0, undefined, 'week');
const MONTHS = base('months', 'time', 'calendar', 1, 0, undefined, 'month');
const YEARS = base('years', 'time', 'calendar', 12, 0, undefined, 'year');
const MCG = base('mcg', 'mass', 'mass', 1, 0);
const MG = base('mg', 'mass', 'mass', 1000, 0);
const PERCENT = base('percent', 'percent', 'percent', 1, 0, 100);

/** Every word a unit may be written with, singular or plural, to its base unit. */
const words = new Map<string, BaseUnit>([
  ['visit', VISITS], ['visits', VISITS], ['session', VISITS], ['sessions', VISITS], ['treatment', VISITS], ['treatments', VISITS],
  ['hour', HOURS], ['hours', HOURS], ['day', DAYS], ['days', DAYS], ['week', WEEKS], ['weeks', WEEKS],
  ['month', MONTHS], ['months', MONTHS], ['year', YEARS], ['years', YEARS],
  ['mg', MG], ['mcg', MCG], ['percent', PERCENT],
]);

/**
 * The units vocabularies declare (`unit level, levels`), by each of their words: a parse and a
 * check read a unit word in these as well as in the built-in ones.
 */
export type DeclaredUnits = ReadonlyMap<string, BaseUnit>;

const noDeclared: DeclaredUnits = new Map();

/** The base unit a word names (`visit`, `sessions`, `mg`, a declared `levels`), or undefined. */
export function baseUnitOf(word: string, declared: DeclaredUnits = noDeclared): BaseUnit | undefined {
  return words.get(word) ?? declared.get(word);
}

/** Whether a word is a unit word, built in or among `declared`. */
export function isUnitWord(word: string, declared: DeclaredUnits = noDeclared): boolean {
  return words.has(word) || declared.has(word);
}

/** Whether a word is one of the language's own unit words (which no vocabulary may declare again). */
export function isBuiltInUnitWord(word: string): boolean {
  return words.has(word);
}

const declaredUnits = new Map<string, BaseUnit>();

/**
 * The unit a vocabulary declares (`unit level, levels`): a count, never negative, of a scale of its
 * own, so it converts to nothing and compares only with itself and bare numbers. One object per
 * pair of words, so that a unit parsed in one compile is the same unit in the next.
 */
export function declaredUnit(one: string, many: string): BaseUnit {
  const key = `${one},${many}`;
  let b = declaredUnits.get(key);
  if (!b) declaredUnits.set(key, (b = base(many, 'count', `unit:${many}`, 1, 0, undefined, one === many ? undefined : one)));
  return b;
}

/** Whether a base unit is one a vocabulary declared (not one of the language's own). */
export function isDeclaredUnit(b: BaseUnit): boolean {
  return b.scale.startsWith('unit:');
}

/** The unit word a word that is no unit is a misspelling of (`weks` for `weeks`), if any. */
export function unitMeant(word: string, declared: DeclaredUnits = noDeclared): string | undefined {
  return misspeltKeyword(word, [...words.keys(), ...declared.keys()]);
}

/**
 * What P204 adds for a word written where a unit belongs that is no unit (`2 levels`, `number of
 * levels`): the unit word it is a misspelling of, or else `advice`, how a count of anything else is
 * written there.
 */
export function notAUnitHint(word: string, advice: string, declared: DeclaredUnits = noDeclared): string {
  const near = unitMeant(word, declared);
  if (near) return `. Did you mean '${near}'?`;
  // (The words of a declaration, guessed from the one written: `levels` is `unit level, levels`.)
  const one = word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
  const many = one === word ? `${word}s` : word;
  return `; ${advice}; or, to count ${many}, declare the unit in a vocabulary: 'unit ${one}, ${many} "..."'`;
}

/** Base units that measure time (what a date window, `since` and `per` are written in). */
export function isTimeUnit(u: BaseUnit | undefined): boolean {
  return u?.dimension === 'time';
}

const units = new Map<string, Unit>();

/** The one Unit object for a base unit (and an optional per-unit): units compare by identity. */
export function unit(b: BaseUnit, per?: BaseUnit): Unit {
  // (A declared unit's singular is part of it: `unit tier, levels` after `unit level, levels` is another.)
  const of = `${b.scale}:${b.word}:${b.one ?? ''}`;
  const key = per ? `${of}/${per.word}` : of;
  let u = units.get(key);
  if (!u) units.set(key, (u = Object.freeze(per ? { base: b, per } : { base: b })));
  return u;
}

/** A unit from its words: `visits`, `per week` (visits per week), `mg a day`, `hours per day`. */
export function unitFromWords(what: string | undefined, per: string | undefined, declared: DeclaredUnits = noDeclared): Unit | undefined {
  const b = what === undefined ? VISITS : baseUnitOf(what, declared);
  if (!b) return undefined;
  if (per === undefined) return unit(b);
  const p = baseUnitOf(per);
  return p && isTimeUnit(p) ? unit(b, p) : undefined;
}

/** How a unit reads: `visits`, `per week`, `mg a day`, `hours a day`, `injections a year`. */
export function unitName(u: Unit): string {
  if (!u.per) return u.base.word;
  const per = u.per.one ?? u.per.word;
  return u.base === VISITS ? `per ${per}` : `${u.base.word} a ${per}`;
}

/** How a unit reads after the number 1: `visit`, `level`, `mg a day`, `injection a year`. */
export function unitNameOfOne(u: Unit): string {
  if (u.base === VISITS && u.per) return unitName(u);
  const name = unitName(u);
  return u.base.one ? u.base.one + name.slice(u.base.word.length) : name;
}

/** How a value in a unit reads in a text: after 1, after another number, unknown (see `UnitWords` of the rule set). */
export function unitWords(u: Unit): { one: string; other: string; also?: string[]; unknown: string } {
  const other = unitName(u);
  const one = unitNameOfOne(u);
  const also = u.per ? [] : u.base === PERCENT ? ['%'] : [...(u.base.synonyms ?? [])];
  const unknown =
    u.per && u.base === VISITS ? `an unknown number ${other}`
    : u.base.dimension === 'percent' && !u.per ? 'an unknown percentage'
    : u.base.dimension === 'mass' ? `an unknown amount in ${other}`
    : `an unknown number of ${other}`;
  return also.length ? { one, other, also, unknown } : { one, other, unknown };
}

export const standardUnits = { VISITS, HOURS, DAYS, WEEKS, MONTHS, YEARS, MG, MCG, PERCENT } as const;

/**
 * The factor that converts a quantity in `from` into `to` exactly (`weeks` to `days`: 7), or
 * undefined when no exact conversion exists (different dimensions, or months and weeks).
 */
export function conversion(from: Unit, to: Unit): number | undefined {
  const a = baseFactor(from.base, to.base);
  if (a === undefined) return undefined;
  if (!from.per && !to.per) return a;
  if (!from.per || !to.per) return undefined;
  const b = baseFactor(from.per, to.per);
  return b === undefined ? undefined : a / b;
}

function baseFactor(from: BaseUnit, to: BaseUnit): number | undefined {
  if (from === to) return 1;
  if (from.dimension !== to.dimension || from.scale !== to.scale) return undefined;
  return from.factor / to.factor;
}

/**
 * Why two units of time do not convert, for a diagnostic (the calendar: months and weeks), or ''
 * when they measure different things, which needs no explaining.
 */
export function whyNoConversion(a: Unit, b: Unit): string {
  const calendar = (x: BaseUnit, y: BaseUnit): boolean => x.dimension === 'time' && y.dimension === 'time' && x.scale !== y.scale;
  if (calendar(a.base, b.base) || (a.per && b.per && calendar(a.per, b.per))) {
    return 'a month is no whole number of weeks or days: measure both in months, or both in weeks or days';
  }
  return '';
}

/**
 * The rate a quantity divided by a time makes (`tablets / days` is tablets a day, `visits / weeks`
 * per week), or undefined when the division makes none: only a count or an amount, neither itself
 * per a time, divided by a time that is per nothing. (Two units that convert make a bare ratio.)
 */
export function rateOf(quantity: Unit, time: Unit): Unit | undefined {
  if (quantity.per || time.per || !isTimeUnit(time.base)) return undefined;
  if (quantity.base.dimension !== 'count' && quantity.base.dimension !== 'mass') return undefined;
  return unit(quantity.base, time.base);
}

/** The finer of two exactly convertible units (days rather than weeks), which sums and comparisons use. */
export function finer(a: Unit, b: Unit): Unit {
  const f = conversion(a, b);
  return f !== undefined && f > 1 ? b : a;
}
