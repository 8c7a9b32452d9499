// What every section of the bench shares: medians, tables, the run's settings.
export const quick = process.argv.includes('--quick');
export const ROUNDS = quick ? 3 : 5;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export function table(title: string, rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(`\n${title}`);
  for (const [i, r] of rows.entries()) {
    console.log('  ' + r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('   '));
    if (i === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('   '));
  }
}

export const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

/**
 * One of `make()` for each round, all made before anything is timed. A full-determination row takes
 * the next each round: a rule set no case has been decided with, so that no round reuses the full
 * results an earlier round kept of the same cases (the runtime's reuse.ts), as a batch of cases all
 * different could not.
 */
export function perRound<T>(make: () => T, rounds = ROUNDS): () => T {
  const made = Array.from({ length: rounds }, make);
  let i = 0;
  return () => made[i++ % made.length]!;
}

/** Paths timed in interleaved rounds (each round runs every path once, in turn); each ratio is the median of the ratios within a round. */
export async function interleaved(paths: { n: number; run: () => unknown }[], rounds = ROUNDS): Promise<{ rates: number[][]; ratio: (i: number, base: number) => number }> {
  const rates: number[][] = paths.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, p] of paths.entries()) {
      const t = performance.now();
      await p.run();
      rates[i]!.push(p.n / ((performance.now() - t) / 1000));
    }
  }
  return { rates, ratio: (i, base) => median(rates[i]!.map((r, round) => r / rates[base]![round]!)) };
}
