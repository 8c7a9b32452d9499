// The facts of a case for one guideline: the case's fields by fact id, the request's numbers read
// from its text when absent, the diagnosis and surgery classes matched, and the recommendation that
// applies. Absent or null stays undefined: unknown, never false.
import type { CompiledClass, CompiledGuideline, CompiledRecommendation } from '@guideline/language';
import { readRequestText } from './request-text.ts';
import type { Case } from './types.ts';

export type Facts = Record<string, unknown>;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normCode = (s: string): string => s.toUpperCase().replace(/\./g, '');

interface Matcher {
  terms: RegExp | undefined;
  exact: Set<string>;
  prefixes: string[];
}
const matchers = new WeakMap<CompiledClass, Matcher>();

/** One regular expression per class: its terms as whole words (a trailing plural s allowed), any case. */
function matcherOf(c: CompiledClass): Matcher {
  let m = matchers.get(c);
  if (!m) {
    const words = c.terms.map((t) => t.toLowerCase().trim().split(/[\s.]+/).map(escape).join('[\\s.]+'));
    m = {
      terms: words.length ? new RegExp(`(?:^|[^a-z0-9])(?:${words.join('|')})s?(?![a-z0-9])`, 'i') : undefined,
      exact: new Set(c.codes.filter((p) => !p.endsWith('*')).map(normCode)),
      prefixes: c.codes.filter((p) => p.endsWith('*')).map((p) => normCode(p.slice(0, -1))),
    };
    matchers.set(c, m);
  }
  return m;
}

/** Whether a diagnosis or procedure text / code matches a class's terms or codes. */
export function matchesClass(c: CompiledClass, text: string | undefined, code: string | undefined): boolean {
  const m = matcherOf(c);
  if (text && m.terms?.test(text)) return true;
  if (code) {
    const k = normCode(code);
    if (m.exact.has(k)) return true;
    for (const p of m.prefixes) if (k.startsWith(p)) return true;
  }
  return false;
}

const known = (v: unknown): boolean => v !== undefined && v !== null;

interface Matched {
  classes: string[] | undefined;
  recommendation: CompiledRecommendation | undefined;
}

function matchDiagnoses(g: CompiledGuideline, c: Case, of: 'diagnosis' | 'procedure'): Matched {
  const classes = g.classes.filter((k) => k.of === of);
  const items: { text?: string; code?: string }[] | undefined =
    of === 'diagnosis'
      ? c.diagnoses?.map((d) => ({ ...(d.text ? { text: d.text } : {}), ...(d.icd10 ? { code: d.icd10 } : {}) }))
      : c.surgery === null
        ? []
        : c.surgery?.procedure
          ? [{ text: c.surgery.procedure }]
          : undefined;
  if (!items) return { classes: undefined, recommendation: undefined };
  const matched: string[] = [];
  let recommendation: CompiledRecommendation | undefined;
  // The first diagnosis (in the case's order) with a recommended course decides; within it, table order.
  for (const item of items) {
    const hits = classHits(g, of, classes, item.text, item.code);
    for (const h of hits) if (!matched.includes(h)) matched.push(h);
    recommendation ??= g.recommendations.find((r) => hits.includes(r.class));
  }
  return { classes: matched, recommendation };
}

const hitMemos = new WeakMap<CompiledGuideline, Map<string, string[]>>();

/** The ids of the classes one diagnosis (or procedure) matches; remembered per guideline, since batches repeat them. */
function classHits(g: CompiledGuideline, of: 'diagnosis' | 'procedure', classes: CompiledClass[], text: string | undefined, code: string | undefined): string[] {
  let memo = hitMemos.get(g);
  if (!memo) hitMemos.set(g, (memo = new Map()));
  const key = `${of}\u0000${text ?? ''}\u0000${code ?? ''}`;
  let hits = memo.get(key);
  if (!hits) {
    hits = classes.filter((k) => matchesClass(k, text, code)).map((k) => k.id);
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, hits);
  }
  return hits;
}

/** Which case input a guideline's recommendations are chosen by. */
export function recommendationInput(g: CompiledGuideline): 'diagnoses' | 'surgery' {
  const first = g.recommendations[0];
  const cls = first && g.classes.find((k) => k.id === first.class);
  return cls?.of === 'procedure' ? 'surgery' : 'diagnoses';
}

// The body regions the guideline chapters are organised by, in matching order (the first that the
// body part names wins: "cervical and lumbar spine" is the neck). Sides and plurals are ignored.
const bodyRegions: [string, RegExp][] = [
  ['neck', /\b(neck|cervical|c-?spine)\b/i],
  ['upper back', /\b(thoracic|upper back|mid back|t-?spine)\b/i],
  ['low back', /\b(lumbar|lumbosacral|low(er)? back|l-?spine|sacroiliac|sacrum|back)\b/i],
  ['shoulder', /\bshoulders?\b/i],
  ['elbow', /\belbows?\b/i],
  ['forearm, wrist and hand', /\b(forearms?|wrists?|hands?|fingers?|thumbs?)\b/i],
  ['hip', /\b(hips?|pelvis)\b/i],
  ['knee', /\bknees?\b/i],
  ['ankle and foot', /\b(ankles?|foot|feet|heels?|toes?|achilles)\b/i],
];

/** The body region a request's body part names, "other" when it names none; undefined when unknown. */
export function bodyRegion(bodyPart: string | null | undefined): string | undefined {
  if (!known(bodyPart) || !bodyPart!.trim()) return undefined;
  return bodyRegions.find(([, re]) => re.test(bodyPart!))?.[0] ?? 'other';
}

const textMemo = new Map<string, ReturnType<typeof readRequestText>>();

/** Request texts repeat across a batch ("2x4", "12 sessions"): read each once. */
function readRequestTextMemo(text: string): ReturnType<typeof readRequestText> {
  let n = textMemo.get(text);
  if (!n) {
    n = readRequestText(text);
    if (textMemo.size >= 10_000) textMemo.clear();
    textMemo.set(text, n);
  }
  return n;
}

/** Only known values become facts: an absent key is an unknown fact. */
function set(facts: Facts, id: string, v: unknown): void {
  if (v !== undefined && v !== null) facts[id] = v;
}

/** All facts of a case for one guideline, keyed by fact id. */
export function caseFacts(g: CompiledGuideline, c: Case): Facts {
  const r = c.request;
  const fromText = r.text ? readRequestTextMemo(r.text) : {};
  const frequency = known(r.frequencyPerWeek) ? r.frequencyPerWeek : fromText.frequencyPerWeek;
  const weeks = known(r.weeks) ? r.weeks : fromText.weeks;
  const visits = known(r.visits) ? r.visits : known(frequency) && known(weeks) ? frequency! * weeks! : fromText.visits;
  const diagnosis = matchDiagnoses(g, c, 'diagnosis');
  const surgery = matchDiagnoses(g, c, 'procedure');
  const rec = recommendationInput(g) === 'surgery' ? surgery.recommendation : diagnosis.recommendation;
  const recClass = rec && g.classes.find((k) => k.id === rec.class);
  const facts: Facts = { asOf: c.asOf, jurisdiction: c.jurisdiction.toUpperCase(), review: c.review ?? 'independent', 'request.treatment': r.treatment };
  set(facts, 'request.bodyPart', r.bodyPart);
  set(facts, 'request.bodyRegion', bodyRegion(r.bodyPart));
  set(facts, 'request.careType', r.careType);
  set(facts, 'request.visits', visits);
  set(facts, 'request.frequencyPerWeek', frequency);
  set(facts, 'request.weeks', weeks);
  set(facts, 'history.visitsCompleted', c.history?.visitsCompleted);
  set(facts, 'history.functionalImprovement', c.history?.functionalImprovement);
  set(facts, 'history.homeExerciseProgram', c.history?.homeExerciseProgram);
  set(facts, 'history.reducedWeightBearing', c.history?.reducedWeightBearing);
  set(facts, 'history.activeTreatment', c.history?.activeTreatment);
  set(facts, 'history.painMedication', c.history?.painMedication);
  set(facts, 'patient.age', c.patient?.age);
  set(facts, 'injury.date', c.injury?.date);
  set(facts, 'surgery.date', c.surgery?.date);
  set(facts, 'diagnoses.classes', diagnosis.classes);
  set(facts, 'surgery.classes', surgery.classes);
  set(facts, 'recommended.visits', rec?.maxVisits);
  set(facts, 'recommended.minVisits', rec?.minVisits);
  set(facts, 'recommended.weeks', rec?.maxWeeks);
  set(facts, 'recommended.periodMonths', rec?.periodMonths);
  set(facts, 'recommended.classTitle', recClass?.title.toLowerCase());
  set(facts, 'recommended.frequency', g.frequency?.mostPerWeek);
  return facts;
}
