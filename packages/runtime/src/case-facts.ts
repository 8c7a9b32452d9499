// The facts of a case for one guideline: the case's fields by fact id, the request's numbers read
// from its text when absent, the diagnosis and surgery classes matched, and the recommendation that
// applies. Absent or null stays undefined: unknown, never false.
import type { CompiledClass, CompiledGuideline, CompiledRecommendation } from '@guideline/language';
import { readRequestText } from './request-text.ts';
import type { Case } from './types.ts';

export type Facts = Record<string, unknown>;

/**
 * An empty object whose prototype chain holds nothing: a fact named like a member of
 * Object.prototype (`toString`, `constructor`, `__proto__`) is absent from it, as every other
 * fact the case does not give. Made by a constructor, not Object.create(null), so that V8 keeps its
 * properties in fast mode.
 */
export const NoPrototype = function NoPrototype() {} as unknown as new () => Record<string, never>;
NoPrototype.prototype = Object.create(null) as object;

/** An empty set of facts (see NoPrototype). */
export const emptyFacts = (): Facts => new NoPrototype() as Facts;

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

/** What matching needs of a guideline, worked out once: its classes by kind and its recommendations' input. */
export interface Catalog {
  diagnosis: CompiledClass[];
  procedure: CompiledClass[];
  recommendationInput: 'diagnoses' | 'surgery';
  titles: Map<string, string>;
  /** Class hits by text, then by code: batches repeat their diagnoses. */
  hits: { diagnosis: Map<string, Map<string, Hits>>; procedure: Map<string, Map<string, Hits>> };
  memoSize: number;
}
const catalogs = new WeakMap<CompiledGuideline, Catalog>();

/** The classes one diagnosis (or procedure) matches, and the recommendation they select (table order). */
interface Hits {
  ids: string[];
  recommendation: CompiledRecommendation | undefined;
  /** What a case with this one item matches: shared, so its class list is frozen. */
  alone: Matched;
}

export function catalogOf(g: CompiledGuideline): Catalog {
  let k = catalogs.get(g);
  if (!k) {
    const first = g.recommendations[0];
    const cls = first && g.classes.find((x) => x.id === first.class);
    k = {
      diagnosis: g.classes.filter((x) => x.of === 'diagnosis'),
      procedure: g.classes.filter((x) => x.of === 'procedure'),
      recommendationInput: cls?.of === 'procedure' ? 'surgery' : 'diagnoses',
      titles: new Map(g.classes.map((x) => [x.id, x.title.toLowerCase()])),
      hits: { diagnosis: new Map(), procedure: new Map() },
      memoSize: 0,
    };
    catalogs.set(g, k);
  }
  return k;
}

/** What one diagnosis (or procedure) matches, remembered per guideline. */
function classHits(g: CompiledGuideline, k: Catalog, of: 'diagnosis' | 'procedure', text: string | undefined, code: string | undefined): Hits {
  const byText = k.hits[of];
  let byCode = byText.get(text ?? '');
  if (!byCode) byText.set(text ?? '', (byCode = new Map()));
  let hits = byCode.get(code ?? '');
  if (!hits) {
    const ids: string[] = [];
    for (const c of k[of]) if (matchesClass(c, text, code)) ids.push(c.id);
    const recommendation = g.recommendations.find((r) => ids.includes(r.class));
    hits = { ids, recommendation, alone: { classes: Object.freeze(ids.slice()) as string[], recommendation } };
    if (++k.memoSize > 10_000) {
      k.hits.diagnosis.clear();
      k.hits.procedure.clear();
      k.memoSize = 0;
    }
    byCode.set(code ?? '', hits);
  }
  return hits;
}

const unmatched: Matched = Object.freeze({ classes: undefined, recommendation: undefined });

function matchItems(g: CompiledGuideline, k: Catalog, of: 'diagnosis' | 'procedure', items: readonly { text?: string | null; icd10?: string | null }[] | null | undefined): Matched {
  if (!items) return unmatched;
  if (items.length === 1) return classHits(g, k, of, items[0]!.text || undefined, items[0]!.icd10 || undefined).alone;
  let matched: string[] = [];
  let recommendation: CompiledRecommendation | undefined;
  // The first diagnosis (in the case's order) with a recommended course decides; within it, table order.
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const hits = classHits(g, k, of, item.text || undefined, item.icd10 || undefined);
    if (!hits.ids.length) continue;
    for (const h of hits.ids) if (!matched.includes(h)) matched.push(h);
    recommendation ??= hits.recommendation;
  }
  return { classes: matched, recommendation };
}

const noText: ReturnType<typeof readRequestText> = Object.freeze({});

/**
 * One case as one guideline sees it. What several facts share (the request's numbers read from its
 * text, the diagnosis and surgery classes matched) is worked out on first use, once.
 */
export class CaseView {
  // Declared, then set in the constructor: one view per case and guideline, and defined class fields cost more to set up.
  declare private text: ReturnType<typeof readRequestText> | undefined;
  declare private diagnosisMatch: Matched | undefined;
  declare private surgeryMatch: Matched | undefined;
  declare readonly catalog: Catalog;
  declare readonly g: CompiledGuideline;
  declare readonly c: Case;

  constructor(g: CompiledGuideline, c: Case, catalog?: Catalog) {
    this.text = undefined;
    this.diagnosisMatch = undefined;
    this.surgeryMatch = undefined;
    this.catalog = catalog ?? catalogOf(g);
    this.g = g;
    this.c = c;
  }

  /** The request's numbers read from its text (empty when it has none). */
  fromText(): ReturnType<typeof readRequestText> {
    return (this.text ??= this.c.request.text ? readRequestTextMemo(this.c.request.text) : noText);
  }

  frequency(): number | undefined {
    const f = this.c.request.frequencyPerWeek;
    return known(f) ? f! : this.fromText().frequencyPerWeek;
  }

  weeks(): number | undefined {
    const w = this.c.request.weeks;
    return known(w) ? w! : this.fromText().weeks;
  }

  visits(): number | undefined {
    const v = this.c.request.visits;
    if (known(v)) return v!;
    const f = this.frequency();
    const w = this.weeks();
    return f !== undefined && w !== undefined ? f * w : this.fromText().visits;
  }

  diagnosis(): Matched {
    return (this.diagnosisMatch ??= matchItems(this.g, this.catalog, 'diagnosis', this.c.diagnoses));
  }

  surgery(): Matched {
    const s = this.c.surgery;
    return (this.surgeryMatch ??= s === null ? { classes: [], recommendation: undefined } : matchItems(this.g, this.catalog, 'procedure', s?.procedure ? [{ text: s.procedure }] : undefined));
  }

  recommendation(): CompiledRecommendation | undefined {
    return this.catalog.recommendationInput === 'surgery' ? this.surgery().recommendation : this.diagnosis().recommendation;
  }
}

/**
 * How each fact is read from a case, by fact id, in a fixed order. Absent or null reads as
 * undefined: unknown, never false.
 */
export const factReaders: ReadonlyMap<string, (v: CaseView) => unknown> = new Map<string, (v: CaseView) => unknown>([
  ['asOf', (v) => v.c.asOf],
  ['jurisdiction', (v) => v.c.jurisdiction.toUpperCase()],
  ['review', (v) => v.c.review ?? 'independent'],
  ['request.treatment', (v) => v.c.request.treatment],
  ['request.bodyPart', (v) => v.c.request.bodyPart],
  ['request.bodyRegion', (v) => bodyRegion(v.c.request.bodyPart)],
  ['request.careType', (v) => v.c.request.careType],
  ['request.visits', (v) => v.visits()],
  ['request.frequencyPerWeek', (v) => v.frequency()],
  ['request.weeks', (v) => v.weeks()],
  ['history.visitsCompleted', (v) => v.c.history?.visitsCompleted],
  ['history.functionalImprovement', (v) => v.c.history?.functionalImprovement],
  ['history.homeExerciseProgram', (v) => v.c.history?.homeExerciseProgram],
  ['history.reducedWeightBearing', (v) => v.c.history?.reducedWeightBearing],
  ['history.activeTreatment', (v) => v.c.history?.activeTreatment],
  ['history.painMedication', (v) => v.c.history?.painMedication],
  ['patient.age', (v) => v.c.patient?.age],
  ['injury.date', (v) => v.c.injury?.date],
  ['surgery.date', (v) => v.c.surgery?.date],
  ['diagnoses.classes', (v) => v.diagnosis().classes],
  ['surgery.classes', (v) => v.surgery().classes],
  ['recommended.visits', (v) => v.recommendation()?.maxVisits],
  ['recommended.minVisits', (v) => v.recommendation()?.minVisits],
  ['recommended.weeks', (v) => v.recommendation()?.maxWeeks],
  ['recommended.periodMonths', (v) => v.recommendation()?.periodMonths],
  ['recommended.classTitle', (v) => { const r = v.recommendation(); return r && v.catalog.titles.get(r.class); }],
  ['recommended.frequency', (v) => v.g.frequency?.mostPerWeek],
]);

/**
 * Facts read straight from a case field the case schema checks as a calendar date: on a validated
 * case each is a YYYY-MM-DD string or unknown, so a comparison need not check its form again.
 */
export const validatedDates: ReadonlySet<string> = new Set(['asOf', 'injury.date', 'surgery.date']);

/** Which case input a guideline's recommendations are chosen by. */
export function recommendationInput(g: CompiledGuideline): 'diagnoses' | 'surgery' {
  return catalogOf(g).recommendationInput;
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

/** All facts of a case for one guideline, keyed by fact id; an unknown fact has no key. */
export function caseFacts(g: CompiledGuideline, c: Case): Facts {
  const view = new CaseView(g, c);
  const facts = emptyFacts();
  for (const [id, read] of factReaders) {
    const v = read(view);
    if (v !== undefined && v !== null) facts[id] = v;
  }
  return facts;
}
