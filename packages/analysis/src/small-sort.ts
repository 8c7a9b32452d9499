// Sorting the few items of a key in place, by insertion: Array.prototype.sort allocates work arrays
// on every call, and keys are made for most cells the analysis builds. The same order as sort().
/** `xs` sorted in place, as `sort()` orders texts (by UTF-16 code units), or numbers ascending. */
export function sortSmall<T extends string | number>(xs: T[]): T[] {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]! > x) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
