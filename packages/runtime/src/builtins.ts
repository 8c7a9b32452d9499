// What only code can compute, by the names vocabularies give them (`computed by requested-visits`):
// the request's numbers read from its text, the guideline's classes a diagnosis or surgery falls in
// (item by item, for a table that takes the row of the first diagnosis listed), the body region, and
// the date that picks an edition. Each reads the case (and the guideline) and answers a plain value,
// or undefined when it cannot be known.
import type { CompiledClass, CompiledGuideline } from '@guideline/language/rules';
import { morphineConversion } from './morphine-conversion.generated.ts';
import { notSaidOfPatient, type TextOf } from './negation.ts';
import { readRequestText, visitsFor, type RequestNumbers } from './request-text.ts';
import { cellOf } from './tables.ts';
import type { Case } from './types.ts';
import { UNKNOWN, type Val } from './values.ts';

const known = (v: unknown): boolean => v !== undefined && v !== null;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normCode = (s: string): string => s.toUpperCase().replace(/\./g, '');

interface Matcher {
  /** The class's terms, for a first answer: whether the text holds any of them at all. */
  terms: RegExp | undefined;
  /** The same, to find each place a term is (`g`): a term counts where the text says it of the patient now. */
  each: RegExp | undefined;
  /** What the terms are read in: a diagnosis's text is read for the past too, a surgery's is not (negation.ts). */
  of: TextOf;
  exact: Set<string>;
  prefixes: string[];
}
const matchers = new WeakMap<CompiledClass, Matcher>();
/** Classes of one kind with the same terms and codes (a class copied into each edition) share one matcher. */
const bySignature = new Map<string, Matcher>();

/** One regular expression per class: its terms as whole words (a trailing plural s allowed), any case. */
function matcherOf(c: CompiledClass): Matcher {
  let m = matchers.get(c);
  if (!m) {
    const signature = JSON.stringify([c.of, c.terms, c.codes]);
    m = bySignature.get(signature);
    if (!m) {
      const words = c.terms.map((t) => t.toLowerCase().trim().split(/[\s.]+/).map(escape).join('[\\s.]+'));
      const source = `(?<![a-z0-9])(?:${words.join('|')})s?(?![a-z0-9])`;
      m = {
        terms: words.length ? new RegExp(source, 'i') : undefined,
        each: words.length ? new RegExp(source, 'gi') : undefined,
        of: c.of,
        exact: new Set(c.codes.filter((p) => !p.endsWith('*')).map(normCode)),
        prefixes: c.codes.filter((p) => p.endsWith('*')).map((p) => normCode(p.slice(0, -1))),
      };
      if (bySignature.size >= 10_000) bySignature.clear();
      bySignature.set(signature, m);
    }
    matchers.set(c, m);
  }
  return m;
}

/**
 * Whether a text says one of the terms of the class: a term it denies, leaves open, says of someone
 * else or (a diagnosis) of the past does not count (negation.ts).
 */
function saysTerm(m: Matcher, text: string): boolean {
  if (!m.terms?.test(text)) return false;
  // A batch's diagnoses repeat ("lumbar radiculopathy" on case after case): a short text's reading
  // is kept, by text and class, so that only its first case reads the words around each term.
  if (text.length > saidLimits.textLength) return readsTerm(m, text);
  let byMatcher = said.get(text);
  if (!byMatcher) {
    if (said.size >= saidLimits.texts) said.clear();
    said.set(text, (byMatcher = new Map()));
  }
  let answer = byMatcher.get(m);
  if (answer === undefined) byMatcher.set(m, (answer = readsTerm(m, text)));
  return answer;
}

/** How much of `said` is kept: texts up to this long, this many of them (then it starts again). */
export const saidLimits = Object.freeze({ textLength: 200, texts: 4096 });
/** Texts that hold a term of a class, and whether each says it of the patient. */
const said = new Map<string, Map<Matcher, boolean>>();

/** `saysTerm`'s reading: a term found anywhere in the text that it says of the patient now. */
function readsTerm(m: Matcher, text: string): boolean {
  const each = m.each!;
  each.lastIndex = 0;
  for (let x = each.exec(text); x; x = each.exec(text)) if (!notSaidOfPatient(text, x.index, x.index + x[0].length, m.of)) return true;
  return false;
}

/** `k`: the code normalised (normCode). */
function matches(m: Matcher, text: string | undefined, k: string | undefined): boolean {
  if (text && saysTerm(m, text)) return true;
  if (k) {
    if (m.exact.has(k)) return true;
    for (const p of m.prefixes) if (k.startsWith(p)) return true;
  }
  return false;
}

/** Whether a diagnosis or procedure text / code matches a class's terms or codes. */
export function matchesClass(c: CompiledClass, text: string | undefined, code: string | undefined): boolean {
  return matches(matcherOf(c), text, code ? normCode(code) : undefined);
}

/** A guideline's classes by what they match, worked out once. */
interface Catalog {
  diagnosis: CompiledClass[];
  procedure: CompiledClass[];
}
const catalogs = new WeakMap<CompiledGuideline, Catalog>();

function catalogOf(g: CompiledGuideline): Catalog {
  let k = catalogs.get(g);
  if (!k) {
    k = { diagnosis: g.classes.filter((x) => x.of === 'diagnosis'), procedure: g.classes.filter((x) => x.of === 'procedure') };
    catalogs.set(g, k);
  }
  return k;
}

interface Matched {
  /** The classes the items match, each once, in the items' order (undefined: the items are unknown). */
  classes: string[] | undefined;
  /** Each item's classes, in the items' order. */
  items: string[][] | undefined;
}

/** The classes items match, together and item by item (each item matched once a case when a scope is given). */
function matchItems(of: CompiledClass[], items: readonly { text?: string | null; icd10?: string | null }[] | null | undefined, scope: CaseScope | undefined): Matched {
  if (!items) return { classes: undefined, items: undefined };
  const matched: string[] = [];
  const each: string[][] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const ids: string[] = [];
    // The code normalised once an item, not once a class.
    const code = scope || !item.icd10 ? undefined : normCode(item.icd10);
    for (const c of of) if (scope ? scope.matches(matcherOf(c), items, i) : matches(matcherOf(c), item.text || undefined, code)) ids.push(c.id);
    for (const id of ids) if (!matched.includes(id)) matched.push(id);
    each.push(ids);
  }
  return { classes: matched, items: each };
}

// The body regions the guideline chapters are organised by, each with the words that name it. A body
// part names the regions of the words it holds, sides and plurals aside: "right knee" the knee,
// "lumbar spine" the low back. "back" alone is the low back, but "back of" places what follows
// ("back of the right knee" is the knee, "back of the hand" the hand), and a region's own words
// that hold "back" ("upper back", "lower back") are read whole. "femoral neck" and "neck of the
// femur" are the hip, not the neck.
const bodyRegions: [string | null, string][] = [
  // Words that name no region by themselves, read first so that their "back" or "neck" is not.
  [null, 'back\\s+(?:side\\s+)?of'],
  ['hip', 'femoral\\s+neck|neck\\s+of\\s+(?:the\\s+)?(?:(?:left|right)\\s+)?femur'],
  ['neck', 'neck|cervical|c-?spine'],
  ['upper back', 'thoracic|upper\\s+back|mid(?:dle)?[\\s-]?back|t-?spine'],
  ['low back', 'lumbar|lumbosacral|low(?:er)?[\\s-]?back|l-?spine|sacroiliac|sacrum|back'],
  ['shoulder', 'shoulders?'],
  ['elbow', 'elbows?'],
  ['forearm, wrist and hand', 'forearms?|wrists?|hands?|fingers?|thumbs?'],
  ['hip', 'hips?|pelvis'],
  ['knee', 'knees?'],
  ['ankle and foot', 'ankles?|foot|feet|heels?|toes?|achilles'],
];
/** Every region's words in one expression, a group a region: a match is its leftmost, longest-listed words. */
const regionWords = new RegExp(bodyRegions.map(([, words]) => `\\b(${words})\\b`).join('|'), 'gi');

/**
 * The body region a request's body part names: "other" when it names none; undefined when it is
 * unknown, or names two regions ("knee and low back", "neck and shoulder"): which of them the request
 * treats, and so which chapter governs, is not for the engine to pick.
 */
export function bodyRegion(bodyPart: string | null | undefined): string | undefined {
  if (!known(bodyPart) || !bodyPart!.trim()) return undefined;
  let region: string | undefined;
  for (const m of bodyPart!.matchAll(regionWords)) {
    const named = bodyRegions[m.slice(1).findIndex((g) => g !== undefined)]![0];
    if (named === null || named === region) continue;
    if (region !== undefined) return undefined;
    region = named;
  }
  return region ?? 'other';
}

/**
 * What is read of one case whatever the guideline: its request text's numbers, and whether each of
 * its diagnoses (or its procedure) matches a class's terms and codes, each worked out once a case.
 */
export class CaseScope {
  text: RequestNumbers | undefined = undefined;
  private readonly matched = new Map<Matcher, boolean[]>();
  /** Each diagnosis's code normalised (null: it has none), worked out on first use. */
  private readonly codes: (string | null)[] = [];

  /** Whether the case's diagnosis `i` matches `m`: a class's terms and codes, each diagnosis matched once. */
  matches(m: Matcher, diagnoses: readonly { text?: string | null; icd10?: string | null }[], i: number): boolean {
    let answers = this.matched.get(m);
    if (!answers) this.matched.set(m, (answers = []));
    let a = answers[i];
    if (a === undefined) {
      let code = this.codes[i];
      if (code === undefined) code = this.codes[i] = diagnoses[i]!.icd10 ? normCode(diagnoses[i]!.icd10!) : null;
      a = answers[i] = matches(m, diagnoses[i]!.text || undefined, code ?? undefined);
    }
    return a;
  }
}

/**
 * One case as one guideline sees it. What several computations share (the request's numbers read
 * from its text, the diagnosis and surgery classes matched) is worked out on first use, once.
 */
export class CaseView {
  private text: RequestNumbers | undefined = undefined;
  private diagnosisMatch: Matched | undefined = undefined;
  private surgeryMatch: Matched | undefined = undefined;

  constructor(
    readonly c: Case,
    readonly g: CompiledGuideline | undefined,
    /** What is shared with the case's other guidelines. */
    private readonly scope: CaseScope | undefined = undefined,
  ) {}

  /** The request's numbers read from its text (empty when it has none). */
  fromText(): RequestNumbers {
    if (this.text) return this.text;
    if (this.scope?.text) return (this.text = this.scope.text);
    const t = this.c.request?.text;
    this.text = typeof t === 'string' && t ? readRequestText(t) : {};
    if (this.scope) this.scope.text = this.text;
    return this.text;
  }

  frequency(): number | undefined {
    const f = this.c.request?.frequencyPerWeek;
    return known(f) ? (f as number) : this.fromText().frequencyPerWeek;
  }

  weeks(): number | undefined {
    const w = this.c.request?.weeks;
    return known(w) ? (w as number) : this.fromText().weeks;
  }

  /** The visits requested: given, or frequency times weeks (rounded up to a whole visit), or read from the text. */
  visits(): number | undefined {
    const v = this.c.request?.visits;
    if (known(v)) return v as number;
    const f = this.frequency();
    const w = this.weeks();
    return f !== undefined && w !== undefined ? visitsFor(f, w) : this.fromText().visits;
  }

  diagnosis(): Matched {
    return (this.diagnosisMatch ??= this.g ? matchItems(catalogOf(this.g).diagnosis, this.c.diagnoses, this.scope) : { classes: undefined, items: undefined });
  }

  surgery(): Matched {
    const s = this.c.surgery;
    if (this.surgeryMatch) return this.surgeryMatch;
    if (s === null) return (this.surgeryMatch = { classes: [], items: [] });
    if (!this.g) return { classes: undefined, items: undefined };
    return (this.surgeryMatch = matchItems(catalogOf(this.g).procedure, s?.procedure ? [{ text: s.procedure }] : undefined, undefined));
  }

  /** The classes of each diagnosis (or of the surgery), in the case's order: what `the first diagnosis listed` goes by. */
  classesByItem(of: 'diagnosis' | 'procedure'): string[][] | undefined {
    return (of === 'diagnosis' ? this.diagnosis() : this.surgery()).items;
  }
}

/**
 * A lookup table keyed by names from outside (a case's drug name, a rule set's fact id): it has no
 * prototype, so `constructor` or `toString` finds nothing rather than an inherited function.
 */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/**
 * A medication's daily oral morphine milligram equivalents: its daily dose times the conversion factor
 * of the opioids vocabulary's table `morphine-conversion` (the CDC 2016 factors, methadone by its
 * dose bands, a fentanyl patch per mcg/h), the data its field `morphine equivalents` reads too.
 * Undefined when the dose is not known or the table gives the medication no factor.
 */
export function morphineEquivalents(item: unknown): number | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const dose = (item as { dailyDose?: unknown }).dailyDose;
  if (typeof dose !== 'number') return undefined;
  const keys = morphineConversion.keys.map((k) => ('fact' in k.value ? itemValue(item, k.value.fact) : UNKNOWN));
  const factor = cellOf(morphineConversion, keys, morphineConversion.columns[0]!.id);
  return typeof factor === 'number' ? dose * factor : undefined;
}

/** The field a list item's fact names (`medications[].dailyDose`), unknown when it is not given. */
function itemValue(item: object, fact: string): Val {
  const field = fact.slice(fact.indexOf('[].') + 3);
  const v = Object.hasOwn(item, field) ? (item as Record<string, unknown>)[field] : undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : UNKNOWN;
}

/** The built-in computations, by the name vocabularies give them. `item`: the list item, for item computations. */
export const builtinComputations = table<(view: CaseView, item?: unknown) => unknown>({
  'requested-visits': (v) => v.visits(),
  'requested-frequency': (v) => v.frequency(),
  'requested-weeks': (v) => v.weeks(),
  'body-region': (v) => bodyRegion(v.c.request?.bodyPart),
  'diagnosis-classes': (v) => v.diagnosis().classes,
  'surgery-classes': (v) => v.surgery().classes,
  'jurisdiction-code': (v) => (typeof v.c.jurisdiction === 'string' ? v.c.jurisdiction.toUpperCase() : undefined),
  'effective-date': (v) => v.c.request?.serviceDate ?? v.c.asOf,
  'governing-id': (v) => v.g?.id,
  'morphine-equivalents': (_, item) => morphineEquivalents(item),
});

/** The facts a guideline's recommend block gives besides its table's columns, by id: the frequency. */
export const recommendationFacts = table<(view: CaseView) => unknown>({
  'recommended.frequency': (v) => v.g?.frequency?.mostPerWeek,
});
