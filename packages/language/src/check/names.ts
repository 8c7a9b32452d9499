// Declaration checks: duplicate names, missing or repeated clauses, recommend entries that name
// no class, malformed ranges and dates.
import type * as A from '../ast.ts';
import { baseUnitOf, standardUnits } from '../units.ts';
import type { Report } from '../diagnostics.ts';

/** Reports each name given again. */
function duplicates<T>(items: readonly T[], nameOf: (item: T) => A.Name, what: string, report: Report): void {
  const seen = new Set<string>();
  for (const item of items) {
    const n = nameOf(item);
    if (!n.text) continue;
    if (seen.has(n.text)) report('C302', n, { what, name: n.text });
    else seen.add(n.text);
  }
}

export function checkDate(d: A.Name, report: Report): void {
  const t = d.text;
  const ok = t.length === 10 && t[4] === '-' && t[7] === '-' && digits(t, 0, 4) && digits(t, 5, 7) && digits(t, 8, 10);
  if (!ok || !isCalendarDate(Number(t.slice(0, 4)), Number(t.slice(5, 7)), Number(t.slice(8, 10)))) report('C314', d, { text: d.text });
}

/** Whether t[from, to) is all ASCII digits. */
function digits(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Whether a year, month and day name a day of the (proleptic Gregorian) calendar, as a round trip
 * through Date.UTC and toISOString would say, without its cost (microseconds a date). Date.UTC
 * reads years 0-99 as 1900-1999, so those never round-trip: they are not dates here either.
 */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

export function checkFileNames(file: A.GuidelineFile, report: Report): void {
  duplicates(file.policies, (p) => p.name, 'policy', report);
}

export function checkPolicyDeclarations(p: A.PolicyDecl, report: Report): void {
  if (!p.jurisdiction) report('C307', p.name, { what: `Policy '${p.name.text}'`, clause: "a 'jurisdiction' clause" });
  if (p.steps.length === 0) report('C307', p.name, { what: `Policy '${p.name.text}'`, clause: "a 'first' step naming the guidelines that govern" });
  duplicates(criterionNames(p.criteria), (n) => n, 'criterion', report);
  duplicates(p.defines, (d) => d.words, 'define', report);
  for (const c of p.criteria) if (c.kind === 'CriterionDecl') checkCriterionDeclaration(c, report);
}

/** The names of criteria, declared or used, in order. */
function criterionNames(criteria: readonly (A.CriterionDecl | A.UseDecl)[]): A.Name[] {
  return criteria.flatMap((c) => (c.kind === 'UseDecl' ? c.names : [c.name]));
}

/** A criterion a vocabulary declares for guidelines to use. */
export function checkVocabularyCriterion(c: A.CriterionDecl, report: Report): void {
  checkCriterionDeclaration(c, report);
}

/**
 * A guideline's declarations. `revision`: the edition revises another, so it may leave out what the
 * revised edition says (title, source, covers).
 */
export function checkDeclarations(g: A.GuidelineDecl, report: Report, revision: boolean): void {
  for (const r of g.repeated) report('C308', r, { clause: r.text });
  if (!revision) {
    if (!g.title) report('C307', g.id, { what: `Guideline '${g.id.text}'`, clause: "a 'title'" });
    if (!g.source) report('C307', g.id, { what: `Guideline '${g.id.text}'`, clause: "a 'source' (the document and pages it encodes)" });
    if (g.covers.length === 0) report('C307', g.id, { what: `Guideline '${g.id.text}'`, clause: "a 'covers' clause naming the treatments it governs" });
    if (g.drops.length) report('C309', g.drops[0]!, { message: "'drops' names criteria of an edition this one revises, and it revises none" });
  }
  if (g.revises && !g.edition) report('C307', g.id, { what: `Guideline '${g.id.text}'`, clause: "an 'edition' of its own, since it revises another" });
  if (g.inForce) {
    checkDate(g.inForce.from, report);
    if (g.inForce.to) {
      checkDate(g.inForce.to, report);
      if (g.inForce.to.text < g.inForce.from.text) report('C309', g.inForce.to, { message: 'The guideline leaves force before it comes into force' });
    }
  }
  if (g.source?.firstPage !== undefined && g.source.lastPage !== undefined && g.source.lastPage < g.source.firstPage) {
    report('C309', g.source, { message: `Pages ${g.source.firstPage}-${g.source.lastPage} run backwards` });
  }
  duplicates(g.classes, (c) => c.name, 'class', report);
  duplicates(criterionNames(g.criteria), (n) => n, 'criterion', report);
  duplicates(g.defines, (d) => d.words, 'define', report);
  const entryNames: A.Name[] = [];
  for (const r of g.recommendations) for (const e of r.entries) entryNames.push(e.name);
  duplicates(entryNames, (n) => n, 'recommendation', report);
  for (const c of g.classes) {
    if (c.terms.length === 0 && c.codes.length === 0) report('C307', c.name, { what: `Class '${c.name.text}'`, clause: "'terms' or 'codes' to match" });
  }
  const classes = new Set(g.classes.map((c) => c.name.text));
  for (const block of g.recommendations) {
    for (const e of block.entries) {
      if (e.kind === 'FrequencyEntry') {
        if (e.name.text !== 'frequency') report('C309', e.name, { message: `A frequency entry is written 'frequency: up to 3 per week', not '${e.name.text}:'` });
        if (baseUnitOf(e.per.text) !== standardUnits.WEEKS) report('P204', e.per, { text: `per ${e.per.text}` });
        if (e.fadeTo !== undefined && e.fadeTo > e.mostPerWeek) report('C309', e, { message: 'Frequency fades to more than it starts at' });
        continue;
      }
      // A revision may give new numbers for a class of the edition it revises.
      if (!classes.has(e.name.text) && !revision) report('C303', e.name, { name: e.name.text, guideline: `guideline '${g.id.text}'` });
      if (baseUnitOf(e.visitUnit.text) !== standardUnits.VISITS) report('C304', e.visitUnit, { left: e.visitUnit.text, right: 'visits' });
      if (baseUnitOf(e.durationUnit.text) !== standardUnits.WEEKS) report('C304', e.durationUnit, { left: e.durationUnit.text, right: 'weeks' });
      if (e.period && baseUnitOf(e.period.unit.text) !== standardUnits.MONTHS) report('C304', e.period.unit, { left: e.period.unit.text, right: 'months' });
      for (const s of [e.visits, e.duration]) {
        if (s.high < s.low) report('C309', s, { message: `The range ${s.low}-${s.high} runs backwards` });
      }
    }
  }
  for (const c of g.criteria) if (c.kind === 'CriterionDecl') checkCriterionDeclaration(c, report);
}

/** A criterion's clauses: one requirement (a condition, or a group with parts), texts, parts named once. */
function checkCriterionDeclaration(c: A.CriterionDecl, report: Report): void {
  for (const r of c.repeated) report('C308', r, { clause: r.text });
  if (!c.require && !c.group && !c.review) report('C307', c.name, { what: `Criterion '${c.name.text}'`, clause: "a 'require' clause" });
  // A criterion that can never be not met needs no `otherwise`: one left to a physician with nothing
  // to require, or one whose requirement can never be false (documentation asked for with `is on file`).
  const cannotFail = c.group ? c.parts.length > 0 && c.parts.every((p) => neverFalse(p.require)) : !c.require || neverFalse(c.require);
  if (!c.texts.otherwise && c.name.text && !cannotFail) report('C327', c.name, { name: c.name.text, title: c.title?.text ?? c.name.text });
  if (c.group) {
    if (c.parts.length === 0) report('C307', c.name, { what: `Criterion '${c.name.text}'`, clause: "its parts ('part <name> \"<title>\"' with a 'require' each), after 'require any of the following'" });
    if (typeof c.group.need === 'number' && (c.group.need < 1 || c.group.need > c.parts.length)) {
      report('C309', c.group, { message: `At least ${c.group.need} of ${c.parts.length} parts can never be met` });
    }
  } else if (c.parts.length) {
    report('C309', c.parts[0]!.name, { message: "Parts belong to a group: write 'require any of the following' (or 'all of', 'at least 2 of') before them" });
  }
  duplicates(c.parts, (p) => p.name, 'part', report);
  for (const p of c.parts) {
    for (const r of p.repeated) report('C308', r, { clause: r.text });
    if (!p.require) report('C307', p.name, { what: `Part '${p.name.text}'`, clause: "a 'require' clause" });
  }
}

/** Whether a condition can never be false: `is on file` tests joined by `and` and `or` (what is not documented is unknown). */
function neverFalse(e: A.Expr | undefined): boolean {
  if (!e) return false;
  switch (e.kind) {
    case 'IsRecordedExpr': return !e.negated;
    case 'ParenExpr': return neverFalse(e.inner);
    case 'BoolExpr': return e.operands.every(neverFalse);
    default: return false;
  }
}
