// A bounded grid of case values for the programs of program-arbitrary.ts (every value each
// condition's boundary needs: the visits 0 to 8 and unknown, dates either side of the constants,
// diagnoses in both orders), and which cell of the analysis a case falls in.
import { bodyRegion, matchesClass } from '../../../runtime/src/index.ts';
import type { Cell } from '../../src/cell.ts';
import { dayNumber } from '../../src/calendar.ts';
import { holds } from '../../src/linear.ts';
import { hasBit } from '../../src/masks.ts';
import { monthHolds } from '../../src/months.ts';
import { OTHER, UNKNOWN, type NumVar, type Space } from '../../src/space.ts';

type Case = Record<string, unknown>;

const product = <T>(lists: T[][]): T[][] => lists.reduce<T[][]>((acc, l) => acc.flatMap((a) => l.map((x) => [...a, x])), [[]]);

/** A day `days` and `months` from an ISO date, by the calendar (a month from 31 January is 3 March, as Date has it). */
function shifted(iso: string, months: number, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What a setter returns when the combination is not a case (a position past the end of a list of dates). */
const SKIP = Symbol('skip');

/** Every combination of the values the program's text can tell apart, as cases. */
export function gridCases(text: string): Case[] {
  return product(gridDimensions(text)).flatMap((setters) => {
    const c: Case = { jurisdiction: 'CA', asOf: '2014-01-24', request: { treatment: 'physical-therapy' }, history: {} };
    for (const s of setters) if ((s(c) as unknown) === SKIP) return [];
    return [c];
  });
}

/** How many cases the grid has at most, without making them (a test skips the largest grids). */
export const gridSize = (text: string): number => gridDimensions(text).reduce((n, d) => n * d.length, 1);

/** The values of each fact the grid varies, as setters of a case. */
function gridDimensions(text: string): ((c: Case) => void)[][] {
  // Constants are at most 3: two of them chained through a sum or difference reach 7.
  // Up to 8: a request more than 3 visits past more than 3 completed (constants go to 3).
  const visits = [undefined, 0, 1, 2, 3, 4, 5, 6, 7, 8];
  const dims: ((c: Case) => void)[][] = [
    (text.includes('jurisdiction TX') ? ['CA', 'TX'] : ['CA']).map((j) => (c) => void (c['jurisdiction'] = j)),
    (text.includes('acupuncture') ? ['physical-therapy', 'acupuncture'] : ['physical-therapy']).map((t) => (c) => void ((c['request'] as Case)['treatment'] = t)),
    visits.map((v) => (c) => v !== undefined && ((c['history'] as Case)['visitsCompleted'] = v)),
    visits.map((v) => (c) => v !== undefined && ((c['request'] as Case)['visits'] = v)),
  ];
  if (text.includes('functional improvement')) dims.push([undefined, 'documented', 'not-documented'].map((v) => (c) => v && ((c['history'] as Case)['functionalImprovement'] = v)));
  // Utilization review certifies part of a request when the caps allow: the review matters wherever a cap is.
  if (text.includes('review is') || text.includes('certify')) dims.push([undefined, 'independent', 'utilization'].map((v) => (c) => v && (c['review'] = v)));
  const editions = text.includes('edition 2014');
  if (text.includes('injury date') || editions) dims.push([...(editions ? ['2008-06-01'] : []), '2009-06-01', '2014-01-24'].map((v) => (c) => void (c['asOf'] = v)));
  // Time up to the request date is measured to the date of service when the case gives one.
  const toRequest = text.includes('to request date');
  if (editions) dims.push([undefined, '2008-12-31', '2009-01-01', '2013-12-31', '2014-01-01'].map((v) => (c) => v && ((c['request'] as Case)['serviceDate'] = v)));
  else if (toRequest) dims.push([undefined, '2009-06-01', '2014-03-31'].map((v) => (c) => v && ((c['request'] as Case)['serviceDate'] = v)));
  if (text.includes('injury date')) {
    const fixed = ['2009-12-30', '2009-12-31', '2010-01-01', '2010-01-02'];
    // Either side of each window the conditions measure from the review date (or the request date): 6 and 2 months, 1 year, 3 weeks, 10 days.
    const relative: [number, number][] = /within|ago|since|to request date/.test(text) ? [[-6, -1], [-6, 0], [-6, 1], [-2, -1], [-2, 0], [-2, 1], [-12, -1], [-12, 0], [-12, 1], [0, -22], [0, -21], [0, -20], [0, -11], [0, -10], [0, 0], [0, 1]] : [];
    const ends = (c: Case): string[] => [...new Set([c['asOf'] as string, ...(toRequest ? [((c['request'] as Case)['serviceDate'] as string | undefined) ?? (c['asOf'] as string)] : [])])];
    const dates = (c: Case): string[] => [...fixed, ...ends(c).flatMap((end) => relative.map(([m, d]) => shifted(end, m, d)))];
    // One setter per position in the list of dates a case can have (the review date's and the request date's windows).
    const most = fixed.length + relative.length * (toRequest ? 2 : 1);
    dims.push([undefined, ...[...Array(most).keys()]].map((i) => (c) => {
      if (i === undefined) return;
      const d = dates(c)[i];
      // An injury is no later than the review date: a case that says otherwise is refused, no case.
      if (d === undefined || d > (c['asOf'] as string)) return SKIP;
      c['injury'] = { date: d };
    }));
  }
  // A code for each way the patterns of program-arbitrary.ts can be matched (exact codes, prefixes, ranges), and none.
  if (text.includes('billed code')) dims.push([undefined, 'A00', '29880', '29881', 'S83.2', 'S83.20', 'S83.241A', 'S83.25', 'S83.19', 'M17.11', 'M17.9'].map((v) => (c) => v && ((c['request'] as Case)['procedureCode'] = v)));
  if (text.includes('body region')) dims.push([undefined, 'knee', 'neck', 'abdomen'].map((v) => (c) => v && ((c['request'] as Case)['bodyPart'] = v)));
  if (text.includes('class ')) {
    const d = (...t: string[]) => t.map((x) => ({ text: x }));
    dims.push([undefined, [], d('myalgia'), d('neuralgia'), d('myalgia neuralgia'), d('myalgia', 'neuralgia'), d('neuralgia', 'myalgia'), d('other pain')].map((v) => (c) => v && (c['diagnoses'] = v)));
  }
  return dims;
}

/** The analysis' variables' values for a case, as the runtime reads them. */
export interface Valuation {
  fin: Map<number, string>;
  num: Map<number, number>;
  /** Per set kind, the elements the case's items match. */
  sets: Map<string, Set<string>>;
}

const read = (c: Case, path: string): unknown => path.split('.').reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Case)[p] : undefined), c);

export function valuation(space: Space, c: Case): Valuation {
  const v: Valuation = { fin: new Map(), num: new Map(), sets: new Map() };
  const diagnoses = read(c, 'diagnoses') as { text?: string; icd10?: string }[] | undefined;
  const matched = (item: { text?: string; icd10?: string }): Set<string> => new Set([...space.sets.classes].filter(([, x]) => x.c.of === 'diagnosis' && matchesClass(x.c, item.text, item.icd10)).map(([id]) => id));
  if (diagnoses) v.sets.set('diagnosis', new Set(diagnoses.flatMap((d) => [...matched(d)])));
  for (const x of space.vars) {
    if (x.kind === 'num') {
      const field = x.id === 'request.serviceDate' || x.id === 'asOf' ? x.id : space.defs.get(x.id)?.field ?? (x.id === 'request.visits' ? 'request.visits' : undefined);
      const raw = field && read(c, field);
      if (raw !== undefined && raw !== null) v.num.set(x.index, x.date ? dayNumber(raw as string) : (raw as number));
      continue;
    }
    if (x.id.startsWith('?')) {
      const id = x.id.slice(1);
      const known = id === 'diagnoses' ? diagnoses !== undefined : id === 'surgery' ? read(c, 'surgery.procedure') !== undefined : v.num.has(space.numVar(id)?.index ?? -1);
      v.fin.set(x.index, known ? 'known' : UNKNOWN);
      continue;
    }
    const owner = space.rowOwner(x.index);
    if (owner) {
      // The first diagnosis with a row picks its first row (the runtime's `listed` choice).
      let row = 'none';
      for (const d of diagnoses ?? []) {
        const ids = matched(d);
        const i = owner.classes.findIndex((cs) => cs.some((c) => ids.has(c)));
        if (i >= 0) { row = `r${i}`; break; }
      }
      v.fin.set(x.index, row);
      continue;
    }
    const def = space.defs.get(x.id);
    const raw = x.id === 'jurisdiction' ? (c['jurisdiction'] as string).toUpperCase() : def?.builtin === 'body-region' ? bodyRegion(read(c, 'request.bodyPart') as string | undefined) : read(c, def?.field ?? x.id) ?? def?.absent;
    const value = raw === undefined || raw === null ? UNKNOWN : typeof raw === 'boolean' ? (raw ? 'yes' : 'no') : String(raw);
    // A code is the value that matches the patterns as it does.
    if (x.codes && value !== UNKNOWN) v.fin.set(x.index, x.codes.valueOf(value) ?? OTHER);
    else v.fin.set(x.index, x.values.includes(value) ? value : OTHER);
  }
  // Visits are known when the numbers fill in (the flags were read before the numbers above).
  for (const x of space.vars) if (x.kind === 'num' && x.known) v.fin.set(x.known.index, v.num.has(x.index) ? 'known' : UNKNOWN);
  return v;
}

/** Whether the case's values lie in the cell. */
export function inCell(space: Space, cell: Cell, v: Valuation): boolean {
  for (const [i, m] of cell.fin) {
    const x = space.vars[i]!;
    if (x.kind !== 'finite') return false;
    const k = x.values.indexOf(v.fin.get(i) ?? UNKNOWN);
    if (k < 0 || !hasBit(m, k)) return false;
  }
  for (const k of cell.atoms) {
    if (!v.num.has(k.x) || (k.y !== undefined && !v.num.has(k.y))) return false;
    if (!holds(k, (x) => v.num.get(x)!)) return false;
  }
  for (const [kind, con] of cell.sets) {
    const s = v.sets.get(kind);
    if (!s) return false;
    if (con.forbid.some((e) => s.has(e)) || !con.clauses.every((cl) => cl.some((e) => s.has(e)))) return false;
  }
  for (const k of cell.months) {
    const end = v.num.get(k.to);
    const d = k.date === undefined ? k.day : v.num.get(k.date);
    if (d === undefined || end === undefined || !monthHolds(k, d, end)) return false;
  }
  return true;
}

export type { NumVar };
