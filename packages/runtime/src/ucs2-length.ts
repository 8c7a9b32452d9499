// The length of a string as JSON Schema counts it (maxLength, minLength): in code points, a
// surrogate pair counting once, a lone surrogate once. The generated validators call it.

/** The number of code points in `s` (a well-formed pair is one; a lone surrogate is one). */
export function ucs2length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}
