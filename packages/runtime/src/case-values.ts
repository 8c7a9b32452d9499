// Values of a case a rule set's names nearly match, and would not match as written: a treatment
// "Physical-Therapy", "physical therapy" or "physcal-therapy" where the guidelines cover
// physical-therapy, a jurisdiction " CA" with spaces around it. Decided as written, the case would
// find no guideline, and its determination would state that as a fact; a value that is no near miss
// of any name (a treatment no guideline covers) is decided, as no applicable guideline.
//
// A near miss of a treatment is the covered name but for case, spaces, hyphens and underscores, or
// then a misspelling of it: one edit for a name of four or five letters, two for a longer one (a
// letter added, dropped, changed, or two swapped: "physcal-therapy", "manipulations"). The bundled
// library's names are far apart (the closest two, aquatic-therapy and physical-therapy, are seven
// edits apart), so a treatment two edits from one of them is a slip, not another treatment.
import { misspeltKeyword, type RuleSet } from '@guideline/language/rules';
import type { CaseIssue } from './validate.ts';

interface Names {
  /** The treatments the guidelines cover, as written, and by their key (`near`). */
  treatments: Set<string>;
  byKey: Map<string, string>;
  /** The policies' jurisdictions, upper case. */
  jurisdictions: Set<string>;
  /** Treatments not covered, by key, and the covered one each was meant to be (null: none): a batch repeats them. */
  uncovered: Map<string, string | null>;
}

/** At most this many uncovered treatments are remembered a rule set; past it, each is looked at again. */
const rememberedUncovered = 1024;

const names = new WeakMap<RuleSet, Names>();

/** A treatment's name with case, spaces, hyphens and underscores aside. */
const near = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, '-');

function namesOf(rules: RuleSet): Names {
  let n = names.get(rules);
  if (!n) {
    const treatments = new Set(rules.guidelines.flatMap((g) => g.covers));
    n = { treatments, byKey: new Map([...treatments].map((t) => [near(t), t])), jurisdictions: new Set(rules.policies.map((p) => p.jurisdiction.toUpperCase())), uncovered: new Map() };
    names.set(rules, n);
  }
  return n;
}

/** The covered treatment a name (by its key) was meant to be, if it is near enough to one. */
function meantTreatment(n: Names, key: string): string | undefined {
  let meant = n.uncovered.get(key);
  if (meant === undefined) {
    const found = n.byKey.has(key) ? key : misspeltKeyword(key, n.byKey.keys());
    meant = found === undefined ? null : n.byKey.get(found)!;
    if (n.uncovered.size < rememberedUncovered) n.uncovered.set(key, meant);
  }
  return meant ?? undefined;
}

/** Shared by every case without a near miss: frozen, so that no caller's push reaches the next case. */
const none: CaseIssue[] = Object.freeze([]) as unknown as CaseIssue[];

/** The case's near misses of the rule set's names, one issue each (none for a case that has none: the usual case, which allocates nothing). */
export function nearMisses(rules: RuleSet, input: unknown): CaseIssue[] {
  const n = namesOf(rules);
  const c = input as { jurisdiction?: unknown; request?: { treatment?: unknown } | null };
  const treatment = c.request?.treatment;
  const meant = typeof treatment === 'string' && !n.treatments.has(treatment) ? meantTreatment(n, near(treatment)) : undefined;
  const j = c.jurisdiction;
  const spaced = typeof j === 'string' && j !== j.trim() && n.jurisdictions.has(j.trim().toUpperCase());
  if (!meant && !spaced) return none;
  const out: CaseIssue[] = [];
  if (meant) out.push({ field: 'request.treatment', message: `${JSON.stringify(treatment)} is no treatment the guidelines cover; did you mean ${meant}?` });
  if (spaced) out.push({ field: 'jurisdiction', message: `${JSON.stringify(j)} has spaces around it; give ${(j as string).trim()}` });
  return out;
}
