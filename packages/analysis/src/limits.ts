// The bounds the analysis puts on its own work (docs/limits.md), so that a condition of any length
// or shape gets a located "not analyzed" (A612) instead of a frozen analysis panel. Each is counted
// in steps, never in time: what is analyzed is the same on every machine and under any load.
import { NotAnalyzed } from './linear.ts';

export const analysisLimits = {
  /**
   * Steps of work (pairs of cells met, cells joined or compacted, choices of a search for cases) one
   * part of the analysis may spend: a guideline's applicability, or a criterion. A policy (the walk
   * of its evidence order, its overlaps) may spend this much for each guideline it consults, and the
   * comparison of two governing guidelines in a diff this much for each criterion it compares. The
   * bundled library's largest part takes 1,464 steps and its diff's 191,595 of 2,250,000; a criterion
   * of 200 alternatives (`a > 1 and b < 4 or ...`) 186,573, of 300 399,873.
   */
  workPerPart: 250_000,
  /** Cells one region may split into. */
  maxCells: 20_000,
  /** Choices one search for cases (a criterion's status, a decision of a diff) may try. */
  searchChoices: 200_000,
  /** End dates tried in pairs when months are measured up to two different dates. */
  monthEndDays: 20_000,
} as const;

/** A part of the analysis past its budget of steps: not analyzed, said at the part, never at one of its conditions. */
export class OverBudget extends NotAnalyzed {
  constructor(budget: number) {
    super(`its analysis would take more than ${budget.toLocaleString('en-US')} steps (the analysis budget)`);
  }
}
