// Spelling: how far apart two words are, and the name or keyword a misspelt word most likely meant
// (the "did you mean" of unknown facts, classes, vocabularies and misspelt keywords).

/**
 * The edit distance of two strings: insertions, deletions, substitutions, and two neighbouring
 * letters swapped (`tilte` is one edit from `title`), each one edit.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The candidate closest to a misspelt name, when it is close enough to be what was meant. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * The keyword a word is a misspelling of, if it is near enough to one to say so: one edit for a word
 * of four or five letters, two for a longer one, none for a shorter (`in`, `is`, `at` are a letter
 * from too much), and none for a keyword with letters added (`recommended`). The first of the
 * closest, in the order given.
 */
export function misspeltKeyword(word: string, keywords: Iterable<string>): string | undefined {
  const allowed = word.length < 4 ? 0 : word.length < 6 ? 1 : 2;
  if (allowed === 0 || word.length > 30) return undefined;
  let best: string | undefined;
  let bestScore = allowed + 1;
  for (const k of keywords) {
    // A keyword and more (`recommended`, `required`) is another word, not a misspelling.
    if (k === word || Math.abs(k.length - word.length) > allowed || (word.startsWith(k) && word.length >= k.length + 2)) continue;
    const d = editDistance(word, k);
    if (d < bestScore) {
      bestScore = d;
      best = k;
    }
  }
  return best;
}

/**
 * A diagnostic's arguments for a name that may be misspelt: the hint its message ends with, and the
 * name meant as `replacement`, the text an editor's quick fix writes in place of the diagnostic's range.
 */
export function didYouMean(near: string | undefined): { hint: string; replacement?: string } {
  return near ? { hint: `. Did you mean '${near}'?`, replacement: near } : { hint: '' };
}

/** C306's arguments for a value that is not one of `values`, with the nearest of them when one is near. */
export function notAValue(value: string, fact: string, values: readonly string[]): Record<string, unknown> {
  return { value, fact, expected: values.join(', '), ...didYouMean(closest(value, values)) };
}
