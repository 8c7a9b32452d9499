// Replay with --engine sql: the rule sets compiled to one DuckDB query each, run over the cases.
import type { Counts, ReplayConfig } from './process.ts';
import type { ChangeSink } from '../commands/replay.ts';
import { UsageError } from '../paths.ts';

export async function sqlReplay(_config: ReplayConfig, _cases: string, _counts: Counts, _changed: ChangeSink): Promise<void> {
  throw new UsageError('--engine sql is not available yet');
}
