// `guideline check [paths] --case <file|dir>... [--json] [--engine fast|json-rules-engine] [--detail full|decision]`: evaluate
// cases against the guidelines. A .jsonl file is a batch: one case per line, read a line at a time
// in bounded memory; every line gets its determination or its named error, in order, and a bad
// line never stops the batch.
import { formatMessage, hasErrors, type RuleSet } from '@guideline/language';
import { CaseValidationError, evaluate, evaluateFast, type Determination } from '@guideline/runtime';
import { readArtifact } from '../artifact.ts';
import { booleanOption, listOption, stringOption, type Command } from '../command.ts';
import { compileFiles, display, jsonFiles, UsageError } from '../load.ts';
import { parseJson } from '../json.ts';
import { decodeUtf8, ReadError, readLimits, readLines, readText } from '../read.ts';
import { printable, red, renderAt, renderCaseIssues, type DocumentText, renderDetermination, renderDiagnostics, renderError } from '../render.ts';
import { Progress } from '../progress.ts';
import { Output } from '../output.ts';

export type EngineChoice = 'fast' | 'json-rules-engine';
type Detail = 'full' | 'decision';

export interface CheckOptions {
  json: boolean;
  engine: string;
  /** 'decision': decisions, statuses and missing facts only, without traces or rationale text. */
  detail: string;
  rulesFile?: string | undefined;
}

/** A test-case file wraps the case as { case, expect }; a plain case file is the case itself. */
export function isTestCase(value: unknown): value is { case: unknown; expect: unknown } {
  return !!value && typeof value === 'object' && 'case' in value && 'expect' in value;
}

/** Exit statuses, worst last: a run ends with the worst it met. */
const INVALID = 2;
const INTERNAL = 70;

class Checker {
  status = 0;
  private printed = 0;
  readonly out = new Output();

  constructor(
    private readonly rules: RuleSet,
    private readonly json: boolean,
    private readonly engine: EngineChoice,
    private readonly detail: Detail,
  ) {}

  /** A case's determination on stdout, or its problems on stderr, at their fields in `doc`. */
  async decide(input: unknown, file: string, doc: DocumentText): Promise<void> {
    const name = doc.line === undefined ? file : `${file}:${doc.line}`;
    let d: Determination;
    try {
      d = this.engine === 'fast' ? evaluateFast(this.rules, input, { detail: this.detail }) : await evaluate(this.rules, input);
    } catch (e) {
      if (e instanceof CaseValidationError) return this.fail(renderCaseIssues(file, e.issues, doc), INVALID);
      // A bug of ours on one case: named with the case, and the batch goes on.
      return this.fail(`${printable(name)}: ${red('internal error')} ${printable((e as Error)?.message ?? String(e))}`, INTERNAL);
    }
    this.printed++;
    if (this.json) return this.out.write(JSON.stringify(d) + '\n');
    const req = (input as { request: { text?: string; treatment: string } }).request;
    return this.out.write((this.printed > 1 ? '\n\n' : '') + renderDetermination(d, req.text ?? req.treatment, name) + '\n');
  }

  /** A problem of an input on stderr, after everything decided before it. */
  async fail(text: string, status = INVALID): Promise<void> {
    await this.out.flush(); // keep stdout and stderr in case order on a terminal
    process.stderr.write(text + '\n');
    this.status = Math.max(this.status, status);
  }

  /** One case document (a file, or a line of a batch). */
  async document(text: string, file: string, line?: number): Promise<void> {
    const parsed = parseJson(text);
    if (parsed.error) {
      const e = parsed.error;
      if (e.offset !== undefined) return this.fail(renderAt(file, { text, line }, { start: e.offset, end: e.offset + 1 }, 'R501', e.message));
      return this.fail(renderError(file, line ?? 0, 0, 'R501', e.message));
    }
    const wrapped = isTestCase(parsed.value);
    const input = wrapped ? (parsed.value as { case: unknown }).case : parsed.value;
    return this.decide(input, file, { text, line, under: wrapped ? 'case' : undefined });
  }
}

async function checkLines(checker: Checker, path: string, name: string): Promise<void> {
  const progress = new Progress(path);
  for (const line of readLines(path, readLimits.caseBytes, (n) => progress.read(n))) {
    if (line.tooLong !== undefined) await checker.fail(renderError(name, line.number, 1, 'R505', formatMessage('R505', { limit: readLimits.caseBytes })));
    else {
      const decoded = decodeUtf8(line.bytes);
      if ('badByte' in decoded) await checker.fail(renderError(name, line.number, decoded.badByte, 'R501', 'not UTF-8 text: a byte here belongs to no character'));
      else if (decoded.text.trim()) await checker.document(decoded.text, name, line.number);
    }
    progress.tick(line.number);
  }
  progress.done();
}

/** The rule set: a compiled artifact (--rules), validated as untrusted input, or the guideline sources compiled now. */
function ruleSet(paths: string[], rulesFile: string | undefined): RuleSet | undefined {
  if (rulesFile !== undefined) {
    if (paths.length) throw new UsageError('give either guideline paths or --rules, not both');
    const artifact = readArtifact(rulesFile);
    if (artifact.errors) process.stderr.write(artifact.errors.join('\n') + '\n');
    return artifact.rules;
  }
  const compiled = compileFiles(paths);
  if (compiled.diagnostics.length) process.stderr.write(renderDiagnostics(compiled.diagnostics, compiled.sources) + '\n');
  return hasErrors(compiled.diagnostics) ? undefined : compiled.rules;
}

export async function checkCommand(paths: string[], casePaths: string[], { json, engine, detail, rulesFile }: CheckOptions): Promise<number> {
  if (!casePaths.length) throw new UsageError('check needs --case <file|dir>', "Run 'guideline check --help' for its options.");
  if (detail === 'decision' && engine !== 'fast') throw new UsageError('--detail decision is the fast engine\'s form; json-rules-engine gives full determinations');
  const files = jsonFiles(casePaths);
  const rules = ruleSet(paths, rulesFile);
  if (!rules) return INVALID;
  const checker = new Checker(rules, json, engine as EngineChoice, detail as Detail);
  try {
    for (const f of files) {
      const name = display(f.path);
      try {
        if (f.path.endsWith('.jsonl')) await checkLines(checker, f.path, name);
        else await checker.document(readText(f.path, readLimits.caseBytes), name);
      } catch (e) {
        // A case file that cannot be read is one named error; the other files are still checked.
        if (!(e instanceof ReadError)) throw e;
        if (e.limit !== undefined) await checker.fail(renderError(name, 0, 0, 'R505', formatMessage('R505', { limit: e.limit })));
        else await checker.fail(`${printable(name)}: ${red('error')} ${printable(e.reason)}`);
      }
    }
  } finally {
    // Whatever happens, what was decided is written out.
    await checker.out.flush();
  }
  return checker.status;
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
  },
  run: (paths, values) =>
    checkCommand(paths, listOption(values, 'case'), {
      json: booleanOption(values, 'json'),
      engine: stringOption(values, 'engine') ?? 'fast',
      detail: stringOption(values, 'detail') ?? 'full',
      rulesFile: stringOption(values, 'rules'),
    }),
};
