// Codes as a condition or a table's key cell writes them (`M54.1*`, `29880`, `C00-D49`): which texts
// are codes at all, and which ranges of them can hold no code, read as the runtime's codeMatcher reads them.

/** A code or code pattern: ICD-10 (`M54.1`, `M54.1*`), CPT (`29880`) or HCPCS (`J1030`). */
export const codeLike = /^[A-Z]\d[0-9A-Z](\.?[0-9A-Z]{0,4})?\*?$|^\d{5}$|^[A-Z]\d{4}$/;

/**
 * Whether a range of codes runs backwards (`64484-64479`, `M54.18-M54.10`), so that no code is in it.
 * The runtime takes a code as in a range when its first characters are at least the low end's and at
 * most the high end's, compared without dots; so `M54.1-M54.18` holds codes, and `M55-M54.9` none.
 */
export function codeRangeRunsBackwards(text: string): boolean {
  const dash = text.indexOf('-');
  if (dash <= 0) return false;
  const norm = (s: string): string => s.toUpperCase().replace(/\./g, '');
  const low = norm(text.slice(0, dash));
  const high = norm(text.slice(dash + 1));
  const n = Math.min(low.length, high.length);
  return low.slice(0, n) > high.slice(0, n);
}
