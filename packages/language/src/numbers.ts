// Number literals and the values they are read as: a literal (\d+(\.\d+)?) is read as a double, which
// keeps about 16 significant digits. The lexer warns of one that says more (L105), and the
// formatter keeps such a literal as written rather than print the value it is read as.

/**
 * A decimal written as digits (with a `.` and an exponent, as String(number) may print it) in one
 * form for every way of writing its value: its significant digits, `e`, and the power of ten of the
 * last (`08`, `8.0` and `8` are all `8e0`; `1500` and `1.5e3` both `15e2`). Undefined for what is no
 * such decimal (`Infinity`).
 */
function canonicalDecimal(s: string): string | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(s);
  if (m === null) return undefined;
  const fraction = m[2] ?? '';
  const digits = (m[1]! + fraction).replace(/^0+/, '');
  if (digits === '') return '0';
  const significant = digits.replace(/0+$/, '');
  return `${significant}e${Number(m[3] ?? 0) - fraction.length + digits.length - significant.length}`;
}

/**
 * What a number literal is read as (String of its value), when that is another value than the
 * decimal written: it has more digits than a double keeps (`8.00000000000000000000001` is read as
 * 8, `9007199254740993` as 9007199254740992), or is too large to be kept at all (Infinity).
 * Undefined when the value is the decimal written, however written (`08`, `1.50`, `1000000000000000000000`).
 */
export function numberReadAs(literal: string): string | undefined {
  // Every decimal of at most 15 significant digits is the value of the double nearest it.
  if (literal.length <= 15) return undefined;
  const read = String(Number(literal));
  return canonicalDecimal(read) === canonicalDecimal(literal) ? undefined : read;
}
