// Whether a class's term, found in a diagnosis or surgery text, is said of the patient: not when the
// text denies it ("non-radicular", "lumbar sprain without radiculopathy", "CRPS ruled out") or leaves
// it open ("rule out radiculopathy", "possible CRPS", "? CRPS"). Either way the text does not make the
// diagnosis that term names, as an outpatient record is coded (ICD-10-CM guidelines, IV.H): to what
// is certain. A text names a class when one of its terms is said of the patient anywhere in it.
//
// The words read (after NegEx, Chapman et al. 2001), in the text's clause: what lies between the
// nearest of , ; : a line break or a sentence's full stop, and the words that start another
// statement (but, however, although, though, except, whereas, while, which, and with, but for "not
// consistent with", "inconsistent with", "not compatible with", "incompatible with").
//   - before the term, at most four words before it ("no signs or symptoms of radiculopathy"): no,
//     not, without, w/o, negative for, neg for, denies, denied, denying, absence of, absent, free of,
//     ruled out, rules out, excluded, unlikely, never, inconsistent, incompatible (denied); rule out,
//     rule-out, r/o, possible, possibly, probable, probably, suspected, suspect, suspicion of,
//     suspicious for, questionable, query, likely, presumed (open). Not when the word after the cue
//     says the cue is about something else: "no improvement in radicular pain", "not responding to",
//     "without relief of" still say the pain is there.
//   - right before the term: "non-" or "non " ("non-radicular"), and "?" ("? CRPS", "?CRPS").
//   - after the term, at most three words after it (none of them "and" or "or", whose next term the
//     cue may be about), parentheses aside: ruled out, excluded, unlikely, absent, not present, not
//     found, not confirmed, not seen, unconfirmed, denied ("CRPS has been ruled out", "CRPS (ruled
//     out)"); and "?" right after it ("CRPS?", "CRPS (?)").

/**
 * Where a clause ends: punctuation that parts statements, or a word that starts another ("with",
 * but for "not consistent with" and the like, which deny what follows).
 */
const clauseBreak = /[,;:\n\r]|\.(?=\s|$)|\b(?:but|however|although|though|except|whereas|while|which)\b|(?<!\b(?:not\s+consistent|inconsistent|not\s+compatible|incompatible)\s+)\bwith\b/gi;

/** Words that deny or leave open the term after them, within `cueLimits.wordsBefore` words. */
const cueBefore = new RegExp(
  '\\b(?:' +
    [
      // denied
      'no', 'not', 'without', 'w/o', 'negative\\s+for', 'neg\\s+for', 'denies', 'denied', 'denying', 'absence\\s+of', 'absent', 'free\\s+of',
      'ruled\\s+out', 'rules\\s+out', 'excluded', 'unlikely', 'never', 'inconsistent', 'incompatible',
      // left open
      'rule[\\s-]+out', 'r/o', 'possible', 'possibly', 'probable', 'probably', 'suspected', 'suspect', 'suspicion\\s+of', 'suspicious\\s+for',
      'questionable', 'query', 'likely', 'presumed',
    ].join('|') +
    ')(?![a-z0-9])',
  'gi',
);
/** How far a cue reaches: the words between it and the term (docs/limits.md). */
export const cueLimits = Object.freeze({ wordsBefore: 4, wordsAfter: 3 });

/** A word after a cue that makes the cue about something else than the term after it. */
const pseudo = new Set([
  'improvement', 'improved', 'improving', 'change', 'changes', 'changed', 'relief', 'relieved', 'response', 'responding', 'responsive',
  'resolution', 'increase', 'increased', 'decrease', 'decreased', 'better', 'worse', 'worsening', 'help', 'helped', 'benefit', 'gain',
  'gains', 'progress', 'only',
]);

/** Right before the term: "non-" (or "non "), or "?". */
const rightBefore = /(?:\bnon[\s-]*|\?\s*)$/i;

/** Words after the term that deny it or leave it open (read on the clause from the term's end). */
const gap = '[\\s()[\\]-]+';
const word = '[^\\s()[\\]-]+';
const cueAfter = new RegExp(
  `^(?:[\\s()[\\]]*\\?|(?:${gap}(?!(?:and|or)(?![a-z0-9]))${word}){0,${cueLimits.wordsAfter}}?${gap}` +
    '(?:ruled\\s+out|excluded|unlikely|absent|not\\s+(?:present|found|confirmed|seen)|unconfirmed|denied)(?![a-z0-9]))',
  'i',
);

/** A character between words: a space, a hyphen or a parenthesis. */
const isGap = (ch: string): boolean => /[\s()[\]-]/.test(ch);

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

/**
 * The words a cue may stand in on each side of a term, each cut at the term's clause: read in time
 * bounded by the words a cue reaches over, however long the text.
 */
function around(text: string, start: number, end: number): [lead: string, tail: string] {
  // A cue is at most two words ("negative for", "ruled out").
  let lead = text.slice(wordsBack(text, start, cueLimits.wordsBefore + 2), start);
  let tail = text.slice(end, wordsOn(text, end, cueLimits.wordsAfter + 2));
  let from = 0;
  clauseBreak.lastIndex = 0;
  for (let m = clauseBreak.exec(lead); m; m = clauseBreak.exec(lead)) from = m.index + m[0].length;
  lead = lead.slice(from);
  clauseBreak.lastIndex = 0;
  const to = clauseBreak.exec(tail);
  if (to) tail = tail.slice(0, to.index);
  return [lead, tail];
}

/** Whether the term found at `start`..`end` of `text` is denied or left open there (see above). */
export function deniedOrOpen(text: string, start: number, end: number): boolean {
  if (rightBefore.test(text.slice(Math.max(0, start - 16), start))) return true;
  const [lead, tail] = around(text, start, end);
  cueBefore.lastIndex = 0;
  for (let m = cueBefore.exec(lead); m; m = cueBefore.exec(lead)) {
    const words = lead.slice(m.index + m[0].length).split(/[\s()[\]-]+/).filter(Boolean);
    if (words.length > cueLimits.wordsBefore) continue;
    if (words.length && pseudo.has(words[0]!.toLowerCase())) continue;
    return true;
  }
  return cueAfter.test(tail);
}
