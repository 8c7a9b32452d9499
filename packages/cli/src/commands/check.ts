// `guideline check [paths] --case <file|dir>... [--json] [--engine fast|json-rules-engine] [--detail full|decision]`: evaluate
// cases against the guidelines. A .jsonl file is a batch: one case per line, read a line at a time
// in bounded memory; every line gets its determination or its named error, in order, and a bad
// line never stops the batch.
import { formatMessage, hasErrors, type RuleSet } from '@guideline/language';
import { CaseValidationError, determinationJson, evaluate, evaluateFast, loadRuleSet, RuleSetError, type Determination } from '@guideline/runtime';
import { compileFiles, display, jsonFiles, UsageError } from '../load.ts';
import { parseJson } from '../json.ts';
import { decodeUtf8, ReadError, readLimits, readLines, readText } from '../read.ts';
import { printable, red, renderCaseIssues, renderDetermination, renderDiagnostics, renderError } from '../render.ts';
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
export function unwrapCase(value: unknown): unknown {
  if (value && typeof value === 'object' && 'case' in value && 'expect' in value) return (value as { case: unknown }).case;
  return value;
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

  /** A case's determination on stdout, or its problems on stderr. `name` is `file` or `file:line`. */
  async decide(input: unknown, name: string): Promise<void> {
    let d: Determination;
    try {
      d = this.engine === 'fast' ? evaluateFast(this.rules, input, { detail: this.detail }) : await evaluate(this.rules, input);
    } catch (e) {
      if (e instanceof CaseValidationError) return this.fail(renderCaseIssues(name, e.issues), INVALID);
      // A bug of ours on one case: named with the case, and the batch goes on.
      return this.fail(`${printable(name)}: ${red('internal error')} ${printable((e as Error)?.message ?? String(e))}`, INTERNAL);
    }
    this.printed++;
    if (this.json) return this.out.write(determinationJson(d) + '\n');
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
      // A line of a batch is one line of JSON: its errors are at that line, their column on it.
      return this.fail(renderError(file, line ?? e.line, e.line ? e.column : 0, 'R501', e.message));
    }
    return this.decide(unwrapCase(parsed.value), line === undefined ? file : `${file}:${line}`);
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
    const report = (at: string, message: string): undefined => void process.stderr.write(`${printable(display(rulesFile))}: ${red('error')} R502 ${printable(at || 'document')}: ${printable(message)}\n`);
    let text: string;
    try {
      text = readText(rulesFile, readLimits.ruleSetBytes);
    } catch (e) {
      if (e instanceof ReadError && e.limit !== undefined) return report('', `the document is over ${e.limit} bytes; the limit is ${e.limit}`);
      throw e;
    }
    try {
      return loadRuleSet(text);
    } catch (e) {
      if (!(e instanceof RuleSetError)) throw e;
      for (const i of e.issues) report(i.at, i.message);
      return undefined;
    }
  }
  const compiled = compileFiles(paths);
  if (compiled.diagnostics.length) process.stderr.write(renderDiagnostics(compiled.diagnostics, compiled.sources) + '\n');
  return hasErrors(compiled.diagnostics) ? undefined : compiled.rules;
}

export async function checkCommand(paths: string[], casePaths: string[], { json, engine, detail, rulesFile }: CheckOptions): Promise<number> {
  if (!casePaths.length) throw new UsageError('check needs --case <file|dir>');
  if (engine !== 'fast' && engine !== 'json-rules-engine') throw new UsageError(`--engine is fast or json-rules-engine, not '${engine}'`);
  if (detail !== 'full' && detail !== 'decision') throw new UsageError(`--detail is full or decision, not '${detail}'`);
  if (detail === 'decision' && engine !== 'fast') throw new UsageError('--detail decision is the fast engine\'s form; json-rules-engine gives full determinations');
  const files = jsonFiles(casePaths);
  const rules = ruleSet(paths, rulesFile);
  if (!rules) return INVALID;
  const checker = new Checker(rules, json, engine, detail);
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
