// The kinds of batch processing a worker can be set up for, by name: checking cases (`check`) and
// deciding them under two rule sets (`replay`). Each turns a chunk of lines into its result.
import type { RuleSet } from '@guideline/language';
import { JsonBytes } from '@guideline/runtime';
import type { Line } from '../read.ts';
import { Decider, type DeciderOptions } from './decide.ts';
import { Runs, type Segment } from './segments.ts';
import type { TaskSpec } from './pool.ts';
import { replayProcessor, type ReplayConfig } from '../replay/process.ts';

export type Processor = (lines: Line[], name: string) => Promise<unknown>;

/** `check`: the lines' segments (blank lines give none), determinations joined into runs of bytes. */
export function checkProcessor(config: { rules: RuleSet; options: DeciderOptions }): (lines: Line[], name: string) => Promise<Segment[]> {
  const decider = new Decider(config.rules, config.options);
  const bytes = new JsonBytes();
  return async (lines, name) => {
    const runs = new Runs(config.options.json, bytes);
    for (const line of lines) {
      const s = decider.line(line, name);
      // Only json-rules-engine answers with a promise: the fast engine's lines make none.
      const done = s instanceof Promise ? await s : s;
      if (done) runs.add(done);
    }
    return runs.done();
  };
}

export function processorFor(spec: TaskSpec): Processor {
  switch (spec.kind) {
    case 'check': return checkProcessor(spec.config as { rules: RuleSet; options: DeciderOptions });
    case 'replay': return replayProcessor(spec.config as ReplayConfig);
    default: throw new Error(`no batch processing named '${spec.kind}'`);
  }
}
