// `guideline check [paths] --case <file|dir>... [--json] [--engine fast|json-rules-engine] [--detail full|decision] [--jobs n]`: evaluate
// cases against the guidelines. A .jsonl file is a batch: one case per line, read a line at a time
// in bounded memory; every line gets its determination or its named error, in order, and a bad
// line never stops the batch.
import { formatMessage, hasErrors, type RuleSet } from '@guideline/language/rules';
import { readArtifact } from '../artifact.ts';
import { booleanOption, listOption, stringOption, type Command } from '../command.ts';
import { display, jsonFiles, UsageError } from '../load.ts';
import { ReadError, readLimits, readText } from '../read.ts';
import { printable, red, renderDiagnostics, renderError } from '../render.ts';
import { Progress } from '../progress.ts';
import { Decider, INVALID, unwrapCase, type DeciderOptions } from '../batch/decide.ts';
import { Writer, type Segment } from '../batch/segments.ts';
import { jobsOf, Pool } from '../batch/pool.ts';
import { checkProcessor } from '../batch/processors.ts';

export type EngineChoice = 'fast' | 'json-rules-engine';

export interface CheckOptions {
  json: boolean;
  engine: string;
  /** 'decision': decisions, statuses and missing facts only, without traces or rationale text. */
  detail: string;
  rulesFile?: string | undefined;
  /** Worker threads for JSON Lines batches (default: every core). */
  jobs?: string | undefined;
}

export { unwrapCase };

/**
 * The rule set: a compiled artifact (--rules), validated as untrusted input, or the guideline sources
 * compiled now (only then is the compiler loaded).
 */
export async function ruleSet(paths: string[], rulesFile: string | undefined, shownAs?: (path: string) => string): Promise<RuleSet | undefined> {
  if (rulesFile !== undefined) {
    if (paths.length) throw new UsageError('give either guideline paths or --rules, not both');
    const artifact = readArtifact(rulesFile, shownAs?.(rulesFile));
    if (artifact.errors) process.stderr.write(artifact.errors.join('\n') + '\n');
    return artifact.rules;
  }
  const { compileFiles } = await import('../compile-files.ts');
  const compiled = compileFiles(paths, { shownAs });
  if (compiled.diagnostics.length) process.stderr.write(renderDiagnostics(compiled.diagnostics, compiled.sources) + '\n');
  return hasErrors(compiled.diagnostics) ? undefined : compiled.rules;
}

export async function checkCommand(paths: string[], casePaths: string[], options: CheckOptions): Promise<number> {
  const { json, engine, detail, rulesFile } = options;
  if (!casePaths.length) throw new UsageError('check needs --case <file|dir>', "Run 'guideline check --help' for its options.");
  if (engine !== 'fast' && engine !== 'json-rules-engine') throw new UsageError(`--engine is fast or json-rules-engine, not '${engine}'`);
  if (detail !== 'full' && detail !== 'decision') throw new UsageError(`--detail is full or decision, not '${detail}'`);
  if (detail === 'decision' && engine !== 'fast') throw new UsageError('--detail decision is the fast engine\'s form; json-rules-engine gives full determinations');
  const jobs = jobsOf(options.jobs);
  const files = jsonFiles(casePaths);
  const rules = await ruleSet(paths, rulesFile);
  if (!rules) return INVALID;
  const config = { rules, options: { json, engine, detail } as DeciderOptions };
  const decider = new Decider(rules, config.options);
  const writer = new Writer(json);
  const pool = new Pool(jobs, { kind: 'check', config }, checkProcessor(config));
  const each = async (segments: Segment[]): Promise<void> => {
    for (const s of segments) await writer.write(s);
  };
  try {
    for (const f of files) {
      const name = display(f.given);
      try {
        if (f.path.endsWith('.jsonl')) {
          const progress = new Progress(f.given);
          await pool.run(f.given, name, each, progress);
          progress.done();
        } else await writer.write(await decider.document(readText(f.given, readLimits.caseBytes), name));
      } catch (e) {
        // A case file that cannot be read is one named error; the other files are still checked.
        if (!(e instanceof ReadError)) throw e;
        if (e.limit !== undefined) await writer.write({ err: renderError(name, 0, 0, 'R505', formatMessage('R505', { limit: e.limit })), status: INVALID });
        else await writer.write({ err: `${printable(name)}: ${red('error')} ${printable(e.reason)}`, status: INVALID });
      }
    }
  } finally {
    // Whatever happens, what was decided is written out.
    await writer.out.flush();
    await pool.close();
  }
  return writer.status;
}

export const check: Command = {
  name: 'check',
  synopsis: '[paths | --rules rules.json] --case <file|folder>... [options]',
  summary: 'evaluate cases (.json, or .jsonl with one case per line) against the guidelines',
  description: [
    'Paths are guideline files or folders (default: the bundled guidelines/), or --rules gives a compiled',
    'artifact. A .jsonl file is a batch: one case per line, read a line at a time; every line gets its',
    'determination or its named error, in order, and a bad line never stops the batch. A test-case file',
    '({ "case", "expect" }) is read as its case. Paths are relative to the current folder.',
  ].join('\n'),
  options: {
    case: { type: 'string', multiple: true, value: 'file|folder', description: 'a case file, a JSON Lines batch, or a folder of them' },
    rules: { type: 'string', value: 'rules.json', description: 'a compiled rule set (guideline compile -o), validated on load' },
    json: { type: 'boolean', description: 'one JSON determination per line' },
    engine: { type: 'string', default: 'fast', choices: ['fast', 'json-rules-engine'], description: 'the evaluator' },
    detail: { type: 'string', default: 'full', choices: ['full', 'decision'], description: 'decision: decisions, criterion statuses and missing facts, without traces or rationale text' },
    jobs: { type: 'string', value: 'n', description: 'worker threads for a .jsonl batch; results in input order, the same whatever the number (default: every core)' },
  },
  run: (paths, values) =>
    checkCommand(paths, listOption(values, 'case'), {
      json: booleanOption(values, 'json'),
      engine: stringOption(values, 'engine') ?? 'fast',
      detail: stringOption(values, 'detail') ?? 'full',
      rulesFile: stringOption(values, 'rules'),
      jobs: stringOption(values, 'jobs'),
    }),
};
