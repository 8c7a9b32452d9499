// Whether a class's term, found in a diagnosis or surgery text, is said of the patient now: not when
// the text denies it ("non-radicular", "lumbar sprain without radiculopathy", "CRPS ruled out"),
// leaves it open ("rule out radiculopathy", "possible CRPS", "? CRPS", "lumbar sprain vs
// radiculopathy", "ddx radiculitis"), says it of someone else ("family history of CRPS", "mother has
// CRPS"), or, in a diagnosis text, says it of the past ("history of CRPS", "prior radiculitis",
// "radiculopathy (resolved)"). In none of these does the text make the diagnosis that term names, as
// an outpatient record is coded (ICD-10-CM guidelines, IV.H: to what is certain, and to what the
// patient has at the visit). Such a term does not count: the text is read as one that does not name
// the class, never as unknown, as an open term already was. A text names a class when one of its
// terms is said of the patient anywhere in it.
//
// A surgery text is not read for the past: a surgery is past by nature, and "prior" or "history of"
// before it say only that it was done. "Status post" and "s/p" are no cue in either text: they name
// what was done (a surgery, an injury), and what a diagnosis text says after them is often what
// remains ("status post laminectomy, residual radiculopathy").
//
// The words read (after NegEx, Chapman et al. 2001, and ConText, Harkema et al. 2009), in the text's
// clause: what lies between the nearest of , ; : a line break or a sentence's full stop (not the one
// of "vs."), and the words that start another statement (but, however, although, though, except,
// whereas, while, which, and with, but for "not consistent with", "inconsistent with", "not
// compatible with", "incompatible with").
//   - before the term, at most four words before it ("no signs or symptoms of radiculopathy"): no,
//     not, without, w/o, negative for, neg for, denies, denied, denying, absence of, absent, free
//     of, ruled out, rules out, excluded, unlikely, never, inconsistent, incompatible (denied); rule
//     out, rule-out, r/o, possible, possibly, probable, probably, suspected, suspect, suspicion of,
//     suspicious for, questionable, query, likely, presumed (open). Not when the word after the cue
//     says the cue is about something else: "no improvement in radicular pain", "not responding to",
//     "without relief of" still say the pain is there.
//   - before the term, at most four words before it, none of them one that ties the term to another
//     thing ("for", "after", "from", "due", "to", "in", "resulting" and the like: "previous PT for
//     radiculopathy") or says it goes on ("chronic", "current", "ongoing", "persistent",
//     "recurrent", "active", "worsening", "new", "residual"):
//       - in a diagnosis text (past): history of, hx, hx of, h/o, pmh, pmhx, previous, previously,
//         prior, former, formerly, old, remote, resolved, healed, recovered from: the words a record
//         puts before a condition the patient had and has no more. Not "history of" after a length
//         of time ("6 month history of", "long-standing history of": the condition has lasted that
//         long and goes on) or before "present illness"; not "old" after an age ("45 year old"); not
//         a cue after "not", "never", "partially", "nearly", "incompletely" ("partially resolved
//         radiculopathy"); not a cue whose next word is a visit, a record, a test or a treatment
//         ("prior visit", "previous PT", "prior MRI"), "diagnosed" or "to" ("previously diagnosed
//         radiculopathy" is still a diagnosis; "prior to").
//       - someone else: family history (of), family hx, fhx, fh, mother, father, parent(s), mom,
//         dad, brother, sister, sibling(s), son, daughter, aunt, uncle, grandmother, grandfather,
//         grandparent(s), cousin, niece, nephew, wife, husband, spouse; read across "with" too
//         ("mother with CRPS"), and not when the word after says the relative only tells of the
//         patient ("mother reports").
//   - before the term, at most four words before it (open): vs, vs., v/s, versus, either. Not when
//     the words on both sides of "vs" (the word after "either") are qualifiers of the term, so that
//     the choice is of a side, a level, a course or a region and not of the diagnosis: "left vs
//     right radiculopathy", "L4 vs L5", "acute vs chronic", "either side"; nor when the word after
//     "vs" is a number or an earlier time, a comparison: "7/10 vs 4/10", "worse vs prior".
//   - anywhere before the term in its sentence (up to ; a line break, a full stop, or a word that
//     starts another statement; past a comma and "with"), and after the last colon there or right
//     before it: differential, ddx, d/dx (open: "ddx radiculitis, facet syndrome" leaves both open);
//     a heading of the past, past history:, past medical history:, medical history:, pmh:, pmhx:,
//     h/o: (diagnosis texts); family history:, family hx:, fhx:, fh: (someone else). A plain
//     "History:" is not read: a narrative of the present illness may start so.
//   - right before the term: "non-" or "non " ("non-radicular"), and "?" ("? CRPS", "?CRPS").
//   - after the term, at most three words after it (none of them "and" or "or", whose next term the
//     cue may be about), parentheses and hyphens aside: ruled out, excluded, unlikely, absent, not
//     present, not found, not confirmed, not seen, unconfirmed, denied ("CRPS has been ruled out",
//     "CRPS (ruled out)"); "?" right after it ("CRPS?", "CRPS (?)"); vs, vs., v/s, versus (open, but
//     for qualifiers and comparisons as before the term: "radiculopathy left vs right" is said); and
//     in a diagnosis text resolved, healed ("radiculopathy (resolved)", "radiculopathy - resolved",
//     "radiculopathy has resolved"; not after "not", "never", "partially", "nearly", "yet" and the
//     like: "radiculopathy not yet resolved" is said), and "in the past", "previously", "formerly"
//     right after the term and ending its clause ("CRPS in the past"; "radiculopathy in the past 3
//     months" is said).
//   - in the clause after the term's, when a comma or a colon parts the two and the term's clause
//     goes on at most three words after it (none of them "and" or "or"): the after-term cues above
//     when that clause starts with one (after "now", "since", "has been" and the like) and the cue
//     ends the clause or a time or a reason follows it ("radiculopathy, resolved", "radiculopathy
//     L5, now resolved", "radiculopathy, resolved after ESI", "CRPS: ruled out"). Not
//     "radiculopathy, absent reflexes": the cue is about the words after it there.
//
// What is not read: a plain "or" ("sprain or radiculopathy" is both, as "sprain or strain" is), a
// history cue over a list after a comma ("history of CRPS, radiculopathy": the radiculopathy
// counts), a relative named after the term ("CRPS in his mother"), "ago" and dates alone ("CRPS
// 2015"), and a double negation ("not ruled out" is read as ruled out) (docs/limits.md).

/** The full stop of a sentence: not the one that abbreviates "vs". */
const fullStop = '(?<!\\b(?:vs|v/s))\\.(?=\\s|$)';
/** Words that start another statement. */
const starters = '\\b(?:but|however|although|though|except|whereas|while|which)\\b';
/** "with", which starts another statement but for "not consistent with" and the like, which deny what follows. */
const withWord = '(?<!\\b(?:not\\s+consistent|inconsistent|not\\s+compatible|incompatible)\\s+)\\bwith\\b';

/** Where a clause ends: punctuation that parts statements, or a word that starts another. */
const clauseBreak = new RegExp(`[,;:\\n\\r]|${fullStop}|${starters}|${withWord}`, 'gi');
/** Where a clause ends for a relative's cue: as `clauseBreak`, but "with" goes on ("mother with CRPS"). */
const clauseBreakPastWith = new RegExp(`[,;:\\n\\r]|${fullStop}|${starters}`, 'gi');
/** Where a sentence ends: what a differential's or a heading's list runs to, past commas and colons. */
const sentenceBreak = new RegExp(`[;\\n\\r]|${fullStop}|${starters}`, 'gi');

/** A cue regex over the given alternatives, each a whole word or words. */
const cues = (alternatives: readonly string[]): RegExp => new RegExp(`\\b(?:${alternatives.join('|')})(?![a-z0-9])`, 'gi');

/** Words that deny or leave open the term after them, within `cueLimits.wordsBefore` words. */
const cueBefore = cues([
  // denied
  'no', 'not', 'without', 'w/o', 'negative\\s+for', 'neg\\s+for', 'denies', 'denied', 'denying', 'absence\\s+of', 'absent', 'free\\s+of',
  'ruled\\s+out', 'rules\\s+out', 'excluded', 'unlikely', 'never', 'inconsistent', 'incompatible',
  // left open
  'rule[\\s-]+out', 'r/o', 'possible', 'possibly', 'probable', 'probably', 'suspected', 'suspect', 'suspicion\\s+of', 'suspicious\\s+for',
  'questionable', 'query', 'likely', 'presumed',
]);
/** How far a cue reaches: the words between it and the term (docs/limits.md). */
export const cueLimits = Object.freeze({ wordsBefore: 4, wordsAfter: 3 });

/** A word after a denying or open cue that makes the cue about something else than the term after it. */
const pseudo = new Set([
  'improvement', 'improved', 'improving', 'change', 'changes', 'changed', 'relief', 'relieved', 'response', 'responding', 'responsive',
  'resolution', 'increase', 'increased', 'decrease', 'decreased', 'better', 'worse', 'worsening', 'help', 'helped', 'benefit', 'gain',
  'gains', 'progress', 'only',
]);

/** Words that say the term after them is of the past (diagnosis texts only). */
const pastBefore = cues([
  'history\\s+of', 'hx(?:\\s+of)?', 'h/o', 'pmhx?', 'previous', 'previously', 'prior', 'former', 'formerly', 'old', 'remote', 'resolved',
  'healed', 'recovered\\s+from',
]);
/** Words that say the term after them is of someone else than the patient. */
const relatives = [
  'mother', 'father', 'parents?', 'mom', 'dad', 'brother', 'sister', 'siblings?', 'son', 'daughter', 'aunt', 'uncle', 'grandmother',
  'grandfather', 'grandparents?', 'cousin', 'niece', 'nephew', 'wife', 'husband', 'spouse',
];
const otherBefore = cues(['family\\s+(?:medical\\s+)?(?:history|hx)(?:\\s+of)?', 'fhx', 'fh', ...relatives]);
/** Words that put the term after them beside another diagnosis. */
const choiceBefore = cues(['vs\\.?', 'v/s', 'versus', 'either']);

/** A word between a past or a relative's cue and the term that ties the term to another thing, or says it goes on. */
const tying = new Set([
  'for', 'after', 'from', 'following', 'due', 'secondary', 'because', 'since', 'to', 'in', 'on', 'at', 'by', 'during', 'treated', 'caused',
  'causing', 'resulting', 'requiring', 'now', 'currently', 'current', 'new', 'recurrent', 'recurring', 'persistent', 'persisting',
  'ongoing', 'active', 'worsening', 'chronic', 'continued', 'continuing', 'residual',
]);
/** A word after a past cue that makes it about a visit, a record, a test or a treatment, not the term. */
const pastPseudo = new Set([
  'visit', 'visits', 'exam', 'exams', 'examination', 'evaluation', 'note', 'notes', 'report', 'reports', 'record', 'records', 'appointment',
  'encounter', 'session', 'sessions', 'treatment', 'treatments', 'therapy', 'pt', 'ot', 'injection', 'injections', 'esi', 'surgery',
  'surgeries', 'procedure', 'procedures', 'mri', 'emg', 'ncs', 'ncv', 'imaging', 'study', 'studies', 'x-ray', 'xray', 'films', 'request',
  'authorization', 'course', 'diagnosis', 'diagnosed', 'documented', 'noted', 'reported', 'described', 'established', 'confirmed',
  'treated', 'to', 'present',
]);
/** A word before a past cue that undoes it ("not resolved", "partially healed"). */
const undoing = /^(?:not|never|no|partially|partly|incompletely|nearly|almost|mostly|largely|yet|[a-z]*n['’]t)$/i;
/** A word before "history of" that gives its length: the condition has lasted so long and goes on. */
const lasting = /^(?:\d+|\d+[a-z]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|few|several|many|days?|weeks?|wks?|months?|mos?|years?|yrs?|long|longstanding|standing|lengthy|ongoing|lifelong|recent)$/i;
/** A word before "old" that makes it an age ("45 year old"). */
const ageUnit = /^(?:years?|yrs?|y|months?|mos?|weeks?|wks?|days?)$/i;
/** A word after a relative that says the relative tells of the patient. */
const relativeTells = new Set(['reports', 'reported', 'states', 'stated', 'says', 'said', 'notes', 'noted', 'brings', 'brought', 'accompanies', 'accompanied', 'drives', 'drove']);
/**
 * Words beside "vs" that make the choice one of the term's qualifiers (a side, a level, a course, a
 * region) when both are: "left vs right radiculopathy", "L4 vs L5", "acute vs chronic".
 */
const qualifier = /^(?:left|right|bilateral|unilateral|side|sides|leg|legs|arm|arms|upper|lower|extremity|extremities|acute|subacute|chronic|cervical|thoracic|lumbar|lumbosacral|sacral|[clts]\d+(?:[/][clts]?\d+)?)$/i;
/** A word after "vs" that makes it a comparison over time or a number ("worse vs prior", "7/10 vs 4/10"). */
const comparison = /^(?:\d[\d.,/%]*|prior|previous|previously|last|baseline|before|pre|post|today|now|current|initial)$/i;
/** Whether "vs" (or "either") between the words `before` and `after` is a choice between diagnoses. */
const choosing = (before: string | undefined, after: string | undefined): boolean =>
  !(after && (comparison.test(after) || (qualifier.test(after) && (before === undefined || qualifier.test(before)))));

/** A differential, or a heading of the past or of someone else, over the rest of the sentence (the text after its last colon). */
const choiceList = /\b(?:differential|ddx|d\/dx)(?![a-z0-9])(?:\s*:)?[^:]*$/i;
const pastHeading = /\b(?:past\s+(?:medical\s+)?history|medical\s+history|pmhx?|h\/o)\s*:[^:]*$/i;
const otherHeading = /\b(?:family\s+(?:medical\s+)?(?:history|hx)|fhx|fh)\s*:[^:]*$/i;

/** Right before the term: "non-" (or "non "), or "?". */
const rightBefore = /(?:\bnon[\s-]*|\?\s*)$/i;

/** Words after the term that deny it or leave it open (read on the clause from the term's end). */
const gap = '[\\s()[\\]-]+';
const word = '[^\\s()[\\]-]+';
const deniedAfter = '(?:ruled\\s+out|excluded|unlikely|absent|not\\s+(?:present|found|confirmed|seen)|unconfirmed|denied)(?![a-z0-9])';
const cueAfter = new RegExp(`^(?:[\\s()[\\]]*\\?|(?:${gap}(?!(?:and|or)(?![a-z0-9]))${word}){0,${cueLimits.wordsAfter}}?${gap}${deniedAfter})`, 'i');
/** "vs" after the term (the word after it is read apart, for a qualifier). */
const choiceAfter = new RegExp(`^(?:${gap}(?!(?:and|or)(?![a-z0-9]))${word}){0,${cueLimits.wordsAfter}}?${gap}(vs\\.?|v/s|versus)(?![a-z0-9])`, 'i');
/** "resolved", "healed" after the term, with no word before them that undoes them (diagnosis texts). */
const pastAfter = new RegExp(
  `^(?:${gap}(?!(?:and|or|not|never|no|partially|partly|incompletely|nearly|almost|mostly|largely|yet|[a-z]*n['’]t)(?![a-z0-9]))${word}){0,${cueLimits.wordsAfter}}?${gap}(?:resolved|healed)(?![a-z0-9])`,
  'i',
);
/** "in the past", "previously" right after the term, ending its clause (diagnosis texts). */
const pastAtEnd = /^[\s()[\]-]+(?:in\s+the\s+past|previously|formerly)[\s()[\]-]*$/i;
/** A clause after the term's that starts with an after-term cue: the cue, and what follows it. */
const cueOpening = /^\s*(?:(?:now|since|has|have|had|been|is|was|are|were)\s+)*(ruled\s+out|excluded|unlikely|absent|not\s+(?:present|found|confirmed|seen)|unconfirmed|denied|\?|resolved|healed|in\s+the\s+past|previously|formerly)(?![a-z0-9])(.*)$/is;
/** What may follow an opening cue in its clause: a time or a reason ("resolved in 2019", "ruled out by EMG"). */
const cueFollow = /^[\s()[\]-]*(?:\d|(?:in|after|since|on|by|following|per|as|at|given|before|about|around|approx(?:imately)?|circa|ca|on)(?![a-z0-9]))/i;

/** A character between words: a space, a hyphen or a parenthesis. */
const isGap = (ch: string): boolean => /[\s()[\]-]/.test(ch);
/** The words of a stretch of text, parted by gaps. */
const wordsOf = (s: string): string[] => s.split(/[\s()[\]-]+/).filter(Boolean);

/**
 * How many characters a cue's words may take up on either side of a term: words longer than any a
 * record holds are not read for cues, so that a hostile text costs no more than a plain one.
 */
const reachChars = 200;

/** Where the `n` words before `at` in `text` start (words parted by gaps), `reachChars` back at most. */
function wordsBack(text: string, at: number, n: number): number {
  const stop = Math.max(0, at - reachChars);
  let i = at;
  for (let w = 0; w < n && i > stop; w++) {
    while (i > stop && isGap(text[i - 1]!)) i--;
    while (i > stop && !isGap(text[i - 1]!)) i--;
  }
  return i;
}

/** Where the `n` words after `at` in `text` end, `reachChars` on at most. */
function wordsOn(text: string, at: number, n: number): number {
  const stop = Math.min(text.length, at + reachChars);
  let i = at;
  for (let w = 0; w < n && i < stop; w++) {
    while (i < stop && isGap(text[i]!)) i++;
    while (i < stop && !isGap(text[i]!)) i++;
  }
  return i;
}

/** What of `lead` follows its last break. */
function sinceBreak(lead: string, breaks: RegExp): string {
  let from = 0;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(lead); m; m = breaks.exec(lead)) from = m.index + m[0].length;
  return lead.slice(from);
}

/** What of `tail` comes before its first break, and the break (undefined: none in it). */
function untilBreak(tail: string): [string, RegExpExecArray | undefined] {
  clauseBreak.lastIndex = 0;
  const to = clauseBreak.exec(tail);
  return to ? [tail.slice(0, to.index), to] : [tail, undefined];
}

/** Whether a past cue at `m` in `lead` says the term after it is of the past (see above). */
function pastCue(lead: string, m: RegExpExecArray, between: string[]): boolean {
  const cue = m[0].toLowerCase().replace(/\s+/g, ' ');
  if (between.length && pastPseudo.has(between[0]!.toLowerCase())) return false;
  const before = wordsOf(lead.slice(0, m.index));
  const prior = before.at(-1);
  if (prior && undoing.test(prior)) return false;
  if (/^(?:history of|hx|hx of|h\/o)$/.test(cue) && prior && lasting.test(prior)) return false;
  if (cue === 'old' && prior && ageUnit.test(prior)) return false;
  return true;
}

/** Whether one of `re`'s cues in `lead` reaches the term (at most `wordsBefore` words, none tying). */
function reaches(lead: string, re: RegExp, ok: (m: RegExpExecArray, between: string[]) => boolean): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(lead); m; m = re.exec(lead)) {
    const between = wordsOf(lead.slice(m.index + m[0].length));
    if (between.length > cueLimits.wordsBefore) continue;
    if (between.some((w) => tying.has(w.toLowerCase()))) continue;
    if (ok(m, between)) return true;
  }
  return false;
}

/** The first word of `text` from `at` on. */
function wordAt(text: string, at: number): string | undefined {
  const end = wordsOn(text, at, 1);
  return wordsOf(text.slice(at, end))[0];
}

/** What a class's terms are read in: a diagnosis's text, or the surgery's. */
export type TextOf = 'diagnosis' | 'procedure';

/** Whether the term found at `start`..`end` of `text` is not said of the patient now (see above). */
export function notSaidOfPatient(text: string, start: number, end: number, of: TextOf = 'diagnosis'): boolean {
  if (rightBefore.test(text.slice(Math.max(0, start - 16), start))) return true;
  const diagnosis = of === 'diagnosis';

  // Before the term: its clause, and its sentence for a list's cue. A cue is at most three words
  // ("family history of"), and a word before it may undo it.
  const near = text.slice(wordsBack(text, start, cueLimits.wordsBefore + 4), start);
  const lead = sinceBreak(near, clauseBreak);
  cueBefore.lastIndex = 0;
  for (let m = cueBefore.exec(lead); m; m = cueBefore.exec(lead)) {
    const words = wordsOf(lead.slice(m.index + m[0].length));
    if (words.length > cueLimits.wordsBefore) continue;
    if (words.length && pseudo.has(words[0]!.toLowerCase())) continue;
    return true;
  }
  if (diagnosis && reaches(lead, pastBefore, (m, between) => pastCue(lead, m, between))) return true;
  if (reaches(sinceBreak(near, clauseBreakPastWith), otherBefore, (_, between) => !(between.length && relativeTells.has(between[0]!.toLowerCase())))) return true;
  if (reaches(lead, choiceBefore, (m, between) => choosing(/^either$/i.test(m[0]) ? undefined : wordsOf(lead.slice(0, m.index)).at(-1), between[0] ?? wordAt(text, start)))) return true;
  const sentence = sinceBreak(text.slice(Math.max(0, start - reachChars), start), sentenceBreak);
  if (choiceList.test(sentence) || otherHeading.test(sentence) || (diagnosis && pastHeading.test(sentence))) return true;

  // After the term: its clause, and the next one when a comma or a colon parts it from the term's.
  const far = wordsOn(text, end, cueLimits.wordsAfter + 2);
  const [tail, stop] = untilBreak(text.slice(end, far));
  if (cueAfter.test(tail)) return true;
  const choice = choiceAfter.exec(tail);
  if (choice) {
    const at = end + choice[0].length;
    if (choosing(wordsOf(text.slice(start, at - choice[1]!.length)).at(-1), wordAt(text, at))) return true;
  }
  const closed = stop !== undefined || far === text.length;
  if (diagnosis && (pastAfter.test(tail) || (closed && pastAtEnd.test(tail)))) return true;
  const tailWords = wordsOf(tail);
  if (stop && /^[,:]$/.test(stop[0]) && tailWords.length <= cueLimits.wordsAfter && !tailWords.some((w) => /^(?:and|or)$/i.test(w))) {
    const from = end + stop.index + 1;
    const on = wordsOn(text, from, cueLimits.wordsAfter + 3);
    const [clause, next] = untilBreak(text.slice(from, on));
    const opening = cueOpening.exec(clause);
    if (opening) {
      const cue = opening[1]!.toLowerCase();
      const past = /^(?:resolved|healed|in\s+the\s+past|previously|formerly)$/.test(cue);
      const rest = opening[2]!;
      const ends = /^[\s()[\]-]*$/.test(rest) && (next !== undefined || on === text.length);
      if ((diagnosis || !past) && (ends || cueFollow.test(rest))) return true;
    }
  }
  return false;
}
