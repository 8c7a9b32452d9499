// `guideline replay`: decide a corpus of past requests with one rule set, or with two (--before,
// --after), and report decisions per guideline and jurisdiction, every case whose decision or
// criterion statuses changed, and the cases that now lack information. Spread over worker threads.
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stringOption, type Command } from '../command.ts';
import { display, notRegular, UsageError, why } from '../paths.ts';
import { ReadError, writeText } from '../read.ts';
import { printable } from '../render.ts';
import { makeScratch, removeScratch } from '../scratch.ts';
import { Writer } from '../batch/segments.ts';
import { jobsOf, Pool } from '../batch/pool.ts';
import { Progress } from '../progress.ts';
import { loadRules } from '../replay/sources.ts';
import { replayProcessor, type ChunkResult, type Counts, type ReplayConfig } from '../replay/process.ts';
import { tableToJsonLines } from '../replay/table.ts';
import { summary } from '../replay/summary.ts';
import { htmlReport } from '../replay/html.ts';
import { INVALID } from '../batch/decide.ts';
import { sqlReplay } from '../replay/sql-engine.ts';

interface ReplayOptions {
  cases: string | undefined;
  rules: string | undefined;
  before: string | undefined;
  after: string | undefined;
  map: string | undefined;
  out: string | undefined;
  jobs: string | undefined;
  engine: string;
}

export async function replayCommand(paths: string[], values: ReplayOptions): Promise<number> {
  const help = "Run 'guideline replay --help' for its options.";
  if (paths.length) throw new UsageError(`replay takes its rule sets as --rules, or --before and --after, not '${paths[0]}'`, help);
  if (!values.cases) throw new UsageError('replay needs --cases <file> (.jsonl, .csv or .parquet)', help);
  if (!existsSync(values.cases)) throw new UsageError(`${display(values.cases)}: no such file`);
  if (values.rules !== undefined && (values.before !== undefined || values.after !== undefined)) throw new UsageError('give --rules, or --before and --after, not both');
  if (values.rules === undefined && (values.before === undefined || values.after === undefined)) throw new UsageError('replay needs --rules <r>, or --before <r> and --after <r>', help);
  if (values.engine !== 'fast' && values.engine !== 'sql') throw new UsageError(`--engine is fast or sql, not '${values.engine}'`);
  const jobs = jobsOf(values.jobs);
  const before = await loadRules(values.rules ?? values.before!);
  const after = values.after !== undefined ? await loadRules(values.after) : undefined;
  if (!before || (values.after !== undefined && !after)) return INVALID;
  const table = !/\.jsonl$/i.test(values.cases);
  const config: ReplayConfig = { before, ...(after ? { after } : {}), ...(table ? { table } : {}) };

  const counts: Counts = {};
  const writer = new Writer(true);
  let changes: string[] | undefined;
  const started = Date.now();
  const scratch = makeScratch('guideline-replay-');
  try {
    if (values.out) makeFolder(values.out);
    // One rule set changes nothing: its --out is the report alone.
    const changesFile = values.out && after ? join(values.out, 'changes.jsonl') : undefined;
    // Both files are looked at before a case is decided: a run of millions is not spent to find then
    // that the report cannot be written.
    if (values.out) writable(join(values.out, 'report.html'));
    const changed = new ChangeSink(changesFile);
    let cases = values.cases;
    if (table) {
      // A table: DuckDB writes its rows as cases, one JSON line each, decided as any batch.
      cases = join(scratch, 'cases.jsonl');
      await tableToJsonLines(values.cases, values.map, before, cases);
    } else if (values.map) throw new UsageError('--map names the columns of a .csv or .parquet table; JSON Lines cases are cases already');
    if (values.engine === 'sql') {
      // Nothing is on stdout before the summary: a bad line is named on stderr as soon as it is met.
      const given = values.rules !== undefined ? [`--rules ${values.rules}`] : [`--before ${values.before!}`, `--after ${values.after!}`];
      await sqlReplay(config, given, cases, display(values.cases), counts, changed, (p) => {
        process.stderr.write(p.err + '\n');
        writer.status = Math.max(writer.status, p.status);
      });
    } else {
      const pool = new Pool<ChunkResult>(jobs, { kind: 'replay', config }, replayProcessor(config));
      const progress = new Progress(cases, 'cases');
      try {
        await pool.run(cases, display(values.cases), async (r) => {
          for (const [k, n] of Object.entries(r.counts)) counts[k] = (counts[k] ?? 0) + n;
          for (const line of r.changed) changed.add(line);
          for (const e of r.errors) await writer.write(e);
        }, progress);
      } finally {
        progress.done();
        await pool.close();
      }
    }
    changed.close();
    changes = changed.first;
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(summary(counts, Boolean(after), changes, seconds, changesFile));
    if (values.out) {
      const report = join(values.out, 'report.html');
      writeText(report, htmlReport(counts, Boolean(after), changes, { cases: values.cases, before: values.rules ?? values.before!, after: values.after }));
      process.stdout.write(changesFile ? `\nWrote ${printable(display(changesFile))} and ${printable(display(report))}.\n` : `\nWrote ${printable(display(report))}.\n`);
    }
  } finally {
    removeScratch(scratch);
  }
  return writer.status;
}

/**
 * The --out folder, made if it is not there; a file in its place, or one on its path, is the user's to
 * move. Made a level at a time, each level by a plain mkdir, not by mkdirSync's `recursive`: Node 20's
 * recursive walk steps back to the parent on ENOENT and forward again when the parent is there, so a
 * folder that takes no new entries (anywhere under /proc) had it call mkdir forever, never failing.
 */
function makeFolder(path: string): void {
  const refuse = (reason: string): never => {
    throw new UsageError(`--out ${display(path)}: ${reason}; --out names a folder for report.html and changes.jsonl`);
  };
  const target = resolve(path);
  const inTheWay = (at: string): string => (at === target ? 'a file, not a folder' : 'a file on its path is not a folder');
  // The levels not there, outermost first, up to the first folder that is.
  const missing: string[] = [];
  for (let at = target; ; at = dirname(at)) {
    const found = folderAt(at);
    if (found === 'folder') break;
    if (found === 'file') refuse(inTheWay(at));
    if (found instanceof Error) refuse(why(found));
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (e) {
      const code = (e as { code?: string }).code;
      const there = code === 'EEXIST' ? folderAt(level) : undefined;
      if (there === 'folder') continue; // made meanwhile, by another run
      if (there === 'none') refuse(`${display(level)} is a link to nothing`);
      // ENOENT with the parent there: a folder that takes no new entries, as /proc.
      refuse(there === 'file' ? inTheWay(level) : code === 'ENOENT' ? `${display(dirname(level))} takes no new folders` : why(e));
    }
  }
}

/** What is at a path: a folder, something else, nothing (as under a file), or why it cannot be told. */
function folderAt(path: string): 'folder' | 'file' | 'none' | Error {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return !st ? 'none' : st.isDirectory() ? 'folder' : 'file';
  } catch (e) {
    return (e as { code?: string }).code === 'ENOTDIR' ? 'none' : (e as Error);
  }
}

/** A file of --out that replay will write: a folder, a pipe or a socket there, or one it may not write, is refused. */
function writable(path: string): void {
  const st = statSync(path, { throwIfNoEntry: false });
  if (st?.isDirectory()) throw new ReadError(path, 'a folder: give a file to write');
  if (st && !st.isFile() && !st.isCharacterDevice()) throw new ReadError(path, `${notRegular}: give a file to write`);
  try {
    if (st) accessSync(path, constants.W_OK);
  } catch (e) {
    throw new ReadError(path, `cannot be written: ${why(e)}`);
  }
}

/** The changed cases: written to a file a line at a time, and the first few kept for the report. */
export class ChangeSink {
  readonly first: string[] = [];
  private fd: number | undefined;
  private buffer = '';

  /** Throws a ReadError (exit 2) when the file cannot be written, now or as it is written. */
  constructor(private readonly path: string | undefined) {
    if (!path) return;
    writable(path);
    try {
      this.fd = openSync(path, 'w');
    } catch (e) {
      throw new ReadError(path, `cannot be written: ${why(e)}`);
    }
  }

  add(line: string): void {
    if (this.first.length < 200) this.first.push(line);
    if (this.fd === undefined) return;
    this.buffer += line + '\n';
    if (this.buffer.length > 1 << 16) this.flush();
  }

  private flush(): void {
    const text = this.buffer;
    this.buffer = '';
    if (this.fd === undefined || !text) return;
    try {
      // writeSync may write part of it (a pipe, a full disk): the rest follows, or the error says why.
      for (let b = Buffer.from(text), at = 0; at < b.length; ) at += writeSync(this.fd, b, at);
    } catch (e) {
      closeSync(this.fd);
      this.fd = undefined;
      throw new ReadError(this.path!, `cannot be written: ${why(e)}`);
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export const replay: Command = {
  name: 'replay',
  synopsis: '--cases <file> (--rules <r> | --before <r> --after <r>) [options]',
  summary: 'decide a corpus of past cases with one rule set or two, and report what changed',
  description: [
    'The cases are JSON Lines, or a .csv or .parquet table read by embedded DuckDB (--map names its',
    'columns as case fields). A rule set <r> is a compiled artifact (.json), guideline files or folders,',
    'or either at a git revision (<rev>:<path>, as git names it). With one rule set replay counts',
    'decisions per guideline and jurisdiction; with two it reports every case whose decision, guideline',
    'or criterion statuses changed, the criteria and numbers that moved, and the fields newly insufficient',
    'cases need. --out writes report.html, and changes.jsonl with two rule sets. Paths are relative to the',
    'current folder.',
    'See docs/replay.md.',
  ].join('\n'),
  options: {
    cases: { type: 'string', value: 'file', description: 'the corpus: .jsonl, .csv or .parquet' },
    rules: { type: 'string', value: 'r', description: 'the one rule set to decide the corpus with' },
    before: { type: 'string', value: 'r', description: 'the rule set as it is' },
    after: { type: 'string', value: 'r', description: 'the rule set as it would be' },
    map: { type: 'string', value: 'map.json', description: 'a table\'s columns as case fields: { "<case field>": "<column>" }' },
    out: { type: 'string', value: 'folder', description: 'write report.html here, and changes.jsonl with --before and --after' },
    jobs: { type: 'string', value: 'n', description: 'worker threads (default: every core); the results are the same whatever the number' },
    engine: { type: 'string', default: 'fast', choices: ['fast', 'sql'], description: 'sql: each rule set as one query run by embedded DuckDB' },
  },
  run: (paths, values) =>
    replayCommand(paths, {
      cases: stringOption(values, 'cases'),
      rules: stringOption(values, 'rules'),
      before: stringOption(values, 'before'),
      after: stringOption(values, 'after'),
      map: stringOption(values, 'map'),
      out: stringOption(values, 'out'),
      jobs: stringOption(values, 'jobs'),
      engine: stringOption(values, 'engine') ?? 'fast',
    }),
};
