// The limit: the fixture guideline written by hand as one plain function, producing what the lean
// fast path produces (decision, certified visits, criterion statuses, missing facts).
import { readRequestText, type Case } from '../../packages/runtime/src/index.ts';

type Status = 'met' | 'not-met' | 'not-applicable' | 'unknown';
type Tri = boolean | null;

export interface Summary {
  decision: string;
  certifiedVisits: number;
  statuses: Status[];
  missing: string[];
}

const classes = [
  { re: /(?:^|[^a-z0-9])(?:myalgia|myositis)s?(?![a-z0-9])/i, codes: ['M791', 'M60'], max: 10 },
  { re: /(?:^|[^a-z0-9])(?:neuralgia|neuritis|radiculitis|radiculopathy|radicular)s?(?![a-z0-9])/i, codes: ['M792', 'M541'], max: 10 },
  { re: /(?:^|[^a-z0-9])(?:reflex[\s.]+sympathetic[\s.]+dystrophy|complex[\s.]+regional[\s.]+pain[\s.]+syndrome|crps)s?(?![a-z0-9])/i, codes: ['G905'], max: 24 },
];

function recommended(c: Case): number | undefined {
  for (const d of c.diagnoses ?? []) {
    const code = d.icd10?.toUpperCase().replace(/\./g, '');
    for (const k of classes) {
      if ((d.text && k.re.test(d.text)) || (code && k.codes.some((p) => code.startsWith(p)))) return k.max;
    }
  }
  return undefined;
}

function status(applicable: Tri, met: Tri): Status {
  if (applicable === false) return 'not-applicable';
  if (applicable === null) return met === true ? 'met' : 'unknown';
  return met === null ? 'unknown' : met ? 'met' : 'not-met';
}

const known = (v: unknown): boolean => v !== undefined && v !== null;

export function handWritten(c: Case): Summary {
  const none = (decision: string): Summary => ({ decision, certifiedVisits: 0, statuses: [], missing: [] });
  if (!['physical-therapy', 'occupational-therapy', 'aquatic-therapy'].includes(c.request.treatment)) return none('no-applicable-guideline');
  if (c.asOf < '2009-07-18' || c.asOf > '2017-12-31') return none('no-applicable-guideline');
  const r = c.request;
  const t = r.text ? readRequestText(r.text) : {};
  const freq = known(r.frequencyPerWeek) ? r.frequencyPerWeek! : t.frequencyPerWeek;
  const weeks = known(r.weeks) ? r.weeks! : t.weeks;
  const requested = known(r.visits) ? r.visits! : freq !== undefined && weeks !== undefined ? freq * weeks : t.visits;
  const completed = c.history?.visitsCompleted ?? undefined;
  const fi = c.history?.functionalImprovement ?? undefined;
  const hep = c.history?.homeExerciseProgram ?? undefined;
  const rec = recommended(c);

  const missing = new Set<string>();
  const statuses: Status[] = [];
  // visit-count
  const sumKnown = completed !== undefined && requested !== undefined && rec !== undefined;
  // Visits are never negative: with the recommendation known, what is known may already exceed it.
  const least = (completed ?? 0) + (requested ?? 0);
  statuses.push(status(true, sumKnown ? completed! + requested! <= rec! : rec !== undefined && least > rec ? false : null));
  if (statuses[0] === 'unknown') {
    if (completed === undefined) missing.add('history.visitsCompleted');
    if (requested === undefined) missing.add('request.visits');
    if (rec === undefined) missing.add('diagnoses');
  }
  // frequency (the only-when is `is known`, never unknown)
  statuses.push(status(freq !== undefined, freq !== undefined ? freq <= 3 : null));
  // functional-improvement
  statuses.push(status(completed === undefined ? null : completed > 0, fi === undefined ? null : fi === 'documented'));
  if (statuses[2] === 'unknown') {
    if (completed === undefined) missing.add('history.visitsCompleted');
    if (fi === undefined) missing.add('history.functionalImprovement');
  }
  // home-program
  statuses.push(status(completed === undefined || rec === undefined ? null : completed >= rec, hep === undefined ? null : hep !== 'none'));
  if (statuses[3] === 'unknown') {
    if (completed === undefined) missing.add('history.visitsCompleted');
    if (rec === undefined) missing.add('diagnoses');
    if (hep === undefined) missing.add('history.homeExerciseProgram');
  }

  if (statuses.includes('not-met')) {
    if (c.review === 'utilization' && !statuses.includes('unknown') && requested !== undefined && statuses.every((s, i) => s !== 'not-met' || i === 0)) {
      const certified = Math.max(0, Math.min(requested, rec! - completed!));
      if (certified > 0) return { decision: 'partially-medically-necessary', certifiedVisits: certified, statuses, missing: [] };
    }
    return { decision: 'not-medically-necessary', certifiedVisits: 0, statuses, missing: [] };
  }
  if (statuses.includes('unknown')) return { decision: 'insufficient-information', certifiedVisits: 0, statuses, missing: [...missing] };
  return { decision: 'medically-necessary', certifiedVisits: requested ?? 0, statuses, missing: [] };
}
