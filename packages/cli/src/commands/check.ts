// `guideline check [paths] --case <file|dir>... [--json] [--engine fast|json-rules-engine] [--detail full|decision]`: evaluate
// cases against the guidelines. A .jsonl file is a batch: one case per line, streamed in constant
// memory, a bad line reported by its number without stopping the batch.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { hasErrors, type RuleSet } from '@guideline/language';
import { CaseValidationError, evaluate, evaluateFast, loadRuleSet, RuleSetError, type Determination } from '@guideline/runtime';
import { compileFiles, display, jsonFiles, parseJson, UsageError } from '../load.ts';
import { red, renderCaseIssues, renderDetermination, renderDiagnostics } from '../render.ts';
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

  async decide(input: unknown, name: string): Promise<void> {
    let d: Determination;
    try {
      d = this.engine === 'fast' ? evaluateFast(this.rules, input, { detail: this.detail }) : await evaluate(this.rules, input);
    } catch (e) {
      if (!(e instanceof CaseValidationError)) throw e;
      await this.out.flush();
      process.stderr.write(renderCaseIssues(name, e.issues) + '\n');
      this.status = 2;
      return;
    }
    this.printed++;
    if (this.json) return this.out.write(JSON.stringify(d) + '\n');
    const req = (input as { request: { text?: string; treatment: string } }).request;
    return this.out.write((this.printed > 1 ? '\n\n' : '') + renderDetermination(d, req.text ?? req.treatment, name) + '\n');
  }

  async badJson(file: string, line: number, column: number, message: string): Promise<void> {
    await this.out.flush(); // keep stdout and stderr in case order on a terminal
    process.stderr.write(`${file}:${line}:${column}: ${red('error')} R501 ${message}\n`);
    this.status = 2;
  }
}

async function checkLines(checker: Checker, file: string, name: string): Promise<void> {
  const stream = createReadStream(file);
  const progress = new Progress(stream, file);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const parsed = parseJson(line, name);
    if (parsed.error) await checker.badJson(name, n, parsed.error.column, parsed.error.message);
    else await checker.decide(unwrapCase(parsed.value), `${name}:${n}`);
    progress.tick(n);
  }
  progress.done();
}

/** The rule set: a compiled artifact (--rules), validated as untrusted input, or the guideline sources compiled now. */
function ruleSet(paths: string[], rulesFile: string | undefined): RuleSet | undefined {
  if (rulesFile !== undefined) {
    if (paths.length) throw new UsageError('give either guideline paths or --rules, not both');
    try {
      return loadRuleSet(readFileSync(rulesFile, 'utf8'));
    } catch (e) {
      if (e instanceof RuleSetError) {
        process.stderr.write(e.issues.map((i) => `${display(rulesFile)}: ${red('error')} R502 ${i.at || 'document'}: ${i.message}`).join('\n') + '\n');
        return undefined;
      }
      if ((e as { code?: string }).code === 'ENOENT') throw new UsageError(`${display(rulesFile)}: no such file`);
      throw e;
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
  const rules = ruleSet(paths, rulesFile);
  if (!rules) return 2;
  const checker = new Checker(rules, json, engine, detail);
  for (const f of jsonFiles(casePaths)) {
    const name = display(f);
    if (f.endsWith('.jsonl')) {
      await checkLines(checker, f, name);
      continue;
    }
    const parsed = parseJson(readFileSync(f, 'utf8'), name);
    if (parsed.error) await checker.badJson(parsed.error.file, parsed.error.line, parsed.error.column, parsed.error.message);
    else await checker.decide(unwrapCase(parsed.value), name);
  }
  await checker.out.flush();
  return checker.status;
}
