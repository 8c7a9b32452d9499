// Code patterns as a condition or a table's cell writes them: exact codes (`M60.9`), prefixes
// (`M54.1*`) and ranges of categories (`C00-D49`), compared without dots and in upper case.

/** Whether a code matches any of the patterns. */
export function codeMatcher(patterns: readonly string[]): (code: string) => boolean {
  const norm = (s: string): string => s.toUpperCase().replace(/\./g, '');
  const tests = patterns.map((p): ((k: string) => boolean) => {
    if (p.endsWith('*')) {
      const prefix = norm(p.slice(0, -1));
      return (k) => k.startsWith(prefix);
    }
    const dash = p.indexOf('-');
    if (dash > 0) {
      const lo = norm(p.slice(0, dash));
      const hi = norm(p.slice(dash + 1));
      // A range of categories covers their subcodes: C00-D49 holds D49.9.
      return (k) => k.slice(0, lo.length) >= lo && k.slice(0, hi.length) <= hi;
    }
    const exact = norm(p);
    return (k) => k === exact;
  });
  return (code) => {
    const k = norm(code);
    return tests.some((t) => t(k));
  };
}

/** The test of one pattern, kept (up to 10,000 patterns) for the rows that match by code. */
const codeTests = new Map<string, (code: string) => boolean>();
export function codeTest(pattern: string): (code: string) => boolean {
  let t = codeTests.get(pattern);
  if (!t) {
    if (codeTests.size > 10_000) codeTests.clear();
    codeTests.set(pattern, (t = codeMatcher([pattern])));
  }
  return t;
}
