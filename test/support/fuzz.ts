// Scales the property tests: `pnpm test` runs a bounded number; `pnpm fuzz` (FUZZ_SCALE=20 by default) runs
// many more, with fresh random seeds instead of the fixed ones.
export const scale = Math.max(1, Number(process.env['FUZZ_SCALE'] ?? 1) || 1);

/** The number of runs for a property, scaled. */
export const runs = (n: number): number => Math.round(n * scale);

/** A fixed seed in the ordinary suite; none (fresh randomness) when fuzzing. */
export const seed = (fixed: number): { seed?: number } => (scale > 1 ? {} : { seed: fixed });
