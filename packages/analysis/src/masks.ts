// Finite variables' masks: a bit per value, a small integer when the variable has at most 30
// values (`&` and `|` allocate nothing), a BigInt beyond (a table of many rows, a text compared
// with many literals). All masks of one variable are of one kind, so two masks met are too.

export type Mask = number | bigint;

/** The most values a variable whose masks are numbers may have: bit 29 is the highest a small integer holds. */
const narrow = 30;

export const isEmptyMask = (m: Mask): boolean => m === 0 || m === 0n;

export const andMask = (a: Mask, b: Mask): Mask => (typeof a === 'number' ? a & (b as number) : a & (b as bigint));

export const orMask = (a: Mask, b: Mask): Mask => (typeof a === 'number' ? a | (b as number) : a | (b as bigint));

/** Whether the mask allows the value at `k`. */
export const hasBit = (m: Mask, k: number): boolean => (typeof m === 'number' ? ((m >>> k) & 1) === 1 : ((m >> BigInt(k)) & 1n) === 1n);

/** The mask of no value of a variable of `width` values. */
export const noMask = (width: number): Mask => (width <= narrow ? 0 : 0n);

/** The mask of the value at `k` of a variable of `width` values. */
export const bitMask = (width: number, k: number): Mask => (width <= narrow ? 1 << k : 1n << BigInt(k));

/** The mask of every value of a variable of `width` values. */
export const fullMask = (width: number): Mask => (width <= narrow ? 2 ** width - 1 : (1n << BigInt(width)) - 1n);

/** The values a mask allows, in order. */
export const maskValues = <T>(values: readonly T[], m: Mask): T[] => values.filter((_, k) => hasBit(m, k));
