// Declaration checks: duplicate names, missing or repeated clauses, recommend entries that name
// no class, malformed ranges and dates.
import type * as A from '../ast.ts';
import { unitOf } from '../ast.ts';
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
  duplicates(file.guidelines, (g) => g.id, 'guideline', report);
  duplicates(file.policies, (p) => p.name, 'policy', report);
  for (const p of file.policies) {
    if (!p.jurisdiction) report('C307', p.name, { what: `Policy '${p.name.text}'`, clause: "a 'jurisdiction' clause" });
    if (p.steps.length === 0) report('C307', p.name, { what: `Policy '${p.name.text}'`, clause: "a 'first' step naming the guidelines that govern" });
  }
}

export function checkGuidelineNames(g: A.GuidelineDecl, report: Report): void {
  for (const r of g.repeated) report('C308', r, { clause: r.text });
  if (!g.title) report('C307', g.id, { what: `Guideline '${g.id.text}'`, clause: "a 'title'" });
  if (!g.source) report('C307', g.id, { what: `Guideline '${g.id.text}'`, clause: "a 'source' (the document and pages it encodes)" });
  if (g.covers.length === 0) report('C307', g.id, { what: `Guideline '${g.id.text}'`, clause: "a 'covers' clause naming the treatments it governs" });
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
  duplicates(g.criteria, (c) => c.name, 'criterion', report);
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
        if (unitOf(e.per.text) !== 'weeks') report('P204', e.per, { text: `per ${e.per.text}` });
        if (e.fadeTo !== undefined && e.fadeTo > e.mostPerWeek) report('C309', e, { message: 'Frequency fades to more than it starts at' });
        continue;
      }
      if (!classes.has(e.name.text)) report('C303', e.name, { name: e.name.text, guideline: g.id.text });
      if (unitOf(e.visitUnit.text) !== 'visits') report('C304', e.visitUnit, { left: e.visitUnit.text, right: 'visits' });
      if (unitOf(e.durationUnit.text) !== 'weeks') report('C304', e.durationUnit, { left: e.durationUnit.text, right: 'weeks' });
      if (e.period && unitOf(e.period.unit.text) !== 'months') report('C304', e.period.unit, { left: e.period.unit.text, right: 'months' });
      for (const s of [e.visits, e.duration]) {
        if (s.high < s.low) report('C309', s, { message: `The range ${s.low}-${s.high} runs backwards` });
      }
    }
  }
  for (const c of g.criteria) {
    for (const r of c.repeated) report('C308', r, { clause: r.text });
    if (!c.require) report('C307', c.name, { what: `Criterion '${c.name.text}'`, clause: "a 'require' clause" });
    if (!c.otherwise) report('C307', c.name, { what: `Criterion '${c.name.text}'`, clause: "an 'otherwise' rationale a reviewer would write when it is not met" });
  }
}
