// The decision from the criteria's statuses: any criterion not met denies (in utilization review,
// certifies part when only criteria with a `certify` amount fail); otherwise any unknown leaves the
// information insufficient; otherwise any criterion a physician must judge sends it to clinical
// review; otherwise the request is medically necessary. And the rationale a reviewer could sign.
import type { CompiledGuideline, CompiledPolicy } from '@guideline/language/rules';
import { listWords } from './explain.ts';
import type { Calc, Run } from './plan.ts';
import type { Case, CriterionResult, Determination } from './types.ts';

export interface Outcome {
  decision: Determination['decision'];
  certifiedVisits: number;
}

/** A criterion's result with what the decision needs of it: its certify amount when it has one. */
export interface Decided {
  result: CriterionResult;
  /** Its `certify at most` clause (undefined: none), a value of `run`. */
  certify: Calc | undefined;
  run: Run;
}

/** The visits a criterion's `certify at most` allows (undefined: no such clause, or its value unknown). */
function certifiedBy(x: Decided): number | undefined {
  const v = x.certify?.(x.run);
  return typeof v === 'number' ? v : undefined;
}

export function outcome(c: Case, criteria: readonly Decided[], requested: number | undefined): Outcome {
  let notMet = 0;
  let unknown = 0;
  let review = 0;
  for (const x of criteria) {
    const s = x.result.status;
    if (s === 'not-met') notMet++;
    else if (s === 'unknown') unknown++;
    else if (s === 'needs-review') review++;
  }
  if (notMet) {
    if (c.review === 'utilization' && unknown === 0 && review === 0 && requested !== undefined) {
      // Part is certified when every criterion not met caps the visits.
      let cap = Infinity;
      for (const x of criteria) {
        if (x.result.status !== 'not-met') continue;
        const v = certifiedBy(x);
        cap = v === undefined ? 0 : Math.min(cap, v);
        if (cap <= 0) break;
      }
      const certified = Math.max(0, Math.min(requested, Math.floor(cap)));
      if (certified > 0) return { decision: 'partially-medically-necessary', certifiedVisits: certified };
    }
    return { decision: 'not-medically-necessary', certifiedVisits: 0 };
  }
  if (unknown) return { decision: 'insufficient-information', certifiedVisits: 0 };
  if (review) return { decision: 'needs-clinical-review', certifiedVisits: 0 };
  return { decision: 'medically-necessary', certifiedVisits: requested ?? 0 };
}

/** How the request reads in a rationale: its text as written, or its treatment and visits. */
function describeRequest(c: Case): string {
  const r = c.request;
  return r.text ? `"${r.text}"` : `${r.treatment}${typeof r.visits === 'number' ? ` (${r.visits} visits)` : ''}`;
}

/** A word without the punctuation around it ("(Labor" is "Labor", "California's," is "California's"). */
const bare = (w: string): string => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * The words the titles capitalise after their first ("California's" in "Within California's 24-visit
 * cap"): names. A word that starts a clause (after ":", ";" or ".") is capitalised for that alone.
 */
export function namesIn(titles: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const t of titles) {
    const words = t.split(/\s+/);
    for (let i = 1; i < words.length; i++) {
      const w = bare(words[i]!);
      if (/^\p{Lu}/u.test(w) && !/[:;.!?]$/.test(words[i - 1]!)) names.add(w);
    }
  }
  return names;
}

/**
 * A criterion's title as it reads mid-sentence ("The records do not establish visits within the
 * recommended course"). Titles are written in sentence case, so their first letter is lowered,
 * unless their first word is a name: an acronym (two or more letters, all capitals: "ODG", "MRI",
 * "FCE's"), a word with a capital after its first letter ("McKenzie", "ODG-recommended"), or a
 * word that `names` holds (one the titles capitalise mid-title, as "California's"). A lone "A" is
 * the article.
 */
export function midSentence(title: string, names: ReadonlySet<string>): string {
  const first = bare(title.split(/\s+/, 1)[0]!);
  // A capital after the first letter: an acronym or a name spelt with inner capitals.
  if (!/^\p{Lu}/u.test(first) || /^.+\p{Lu}/u.test(first) || names.has(first)) return title;
  return title.replace(/\p{Lu}/u, (c) => c.toLowerCase());
}

/** Each title of a list of criteria (and their parts) as it reads mid-sentence among the others. */
export type MidTitles = ReadonlyMap<string, string>;

const midTitles = new WeakMap<CompiledGuideline, WeakMap<CompiledPolicy, MidTitles>>();

/**
 * The titles of a guideline's criteria and its policy's, each mid-sentence: the same for every case
 * the guideline governs under the policy, so worked out once (names are found among all the titles).
 */
export function midTitlesOf(g: CompiledGuideline, policy: CompiledPolicy, criteria: readonly CriterionResult[]): MidTitles {
  let byPolicy = midTitles.get(g);
  if (!byPolicy) midTitles.set(g, (byPolicy = new WeakMap()));
  let mid = byPolicy.get(policy);
  if (!mid) {
    const titles = criteria.flatMap((x) => [x.title, ...(x.parts ?? []).map((p) => p.title)]);
    const names = namesIn(titles);
    mid = new Map(titles.map((t) => [t, midSentence(t, names)]));
    byPolicy.set(policy, mid);
  }
  return mid;
}

/** The rationale a reviewer could sign, made of the criteria's own words (`mid`: midTitlesOf the criteria). */
export function rationale(g: CompiledGuideline, c: Case, o: Outcome, criteria: readonly CriterionResult[], mid: MidTitles, missingWords: readonly string[], requested: number | undefined): string {
  const basis = `Decision based on ${g.citation}.`;
  const request = describeRequest(c);
  const titled = (status: CriterionResult['status']): string[] => criteria.filter((x) => x.status === status).map((x) => mid.get(x.title) ?? x.title);
  const reasons = criteria.filter((x) => x.status === 'not-met').map((x) => x.rationale).join(' ');
  switch (o.decision) {
    case 'partially-medically-necessary':
      return `${basis} ${reasons} Therefore, ${o.certifiedVisits} of the ${requested} requested visits are medically necessary; the rest are not.`;
    case 'not-medically-necessary':
      return `${basis} ${reasons} Therefore, the request for ${request} is not medically necessary.`;
    case 'insufficient-information': {
      const titles = titled('unknown');
      const n = missingWords.length;
      // An unknown that no case field would settle (a drug with no conversion factor) names none.
      if (n === 0) return `${basis} The records do not establish ${listWords(titles)}. Medical necessity of ${request} cannot be determined from them.`;
      return `${basis} The records do not establish ${listWords(titles)}: ${listWords(missingWords)} ${n === 1 ? 'is' : 'are'} not documented. Medical necessity of ${request} cannot be determined without ${n === 1 ? 'it' : 'them'}.`;
    }
    case 'needs-clinical-review': {
      const titles = titled('needs-review');
      return `${basis} Nothing in the records denies the request, but a physician reviewer must judge ${listWords(titles)}. The request for ${request} is referred for clinical review.`;
    }
    default: {
      const met = titled('met');
      return `${basis} The request meets the guideline${met.length ? `: ${met.join('; ')}` : ''}. Therefore, the request for ${request} is medically necessary.`;
    }
  }
}
