// `guideline check [paths] --case <file|dir>... [--json]`: evaluate cases against the guidelines.
import { readFileSync } from 'node:fs';
import { hasErrors } from '@guideline/language';
import { CaseValidationError, evaluate } from '@guideline/runtime';
import { compileFiles, display, jsonFiles, parseJson, UsageError } from '../load.ts';
import { red, renderCaseIssues, renderDetermination, renderDiagnostics } from '../render.ts';

/** A test-case file wraps the case as { case, expect }; a plain case file is the case itself. */
export function unwrapCase(value: unknown): unknown {
  if (value && typeof value === 'object' && 'case' in value && 'expect' in value) return (value as { case: unknown }).case;
  return value;
}

export async function checkCommand(paths: string[], casePaths: string[], json: boolean): Promise<number> {
  if (!casePaths.length) throw new UsageError('check needs --case <file|dir>');
  const compiled = compileFiles(paths);
  if (compiled.diagnostics.length) process.stderr.write(renderDiagnostics(compiled.diagnostics, compiled.sources) + '\n');
  if (hasErrors(compiled.diagnostics) || !compiled.rules) return 2;
  let status = 0;
  const files = jsonFiles(casePaths);
  let first = true;
  for (const f of files) {
    const name = display(f);
    const parsed = parseJson(readFileSync(f, 'utf8'), name);
    if (parsed.error) {
      process.stderr.write(`${parsed.error.file}:${parsed.error.line}:${parsed.error.column}: ${red('error')} R501 ${parsed.error.message}\n`);
      status = 2;
      continue;
    }
    const input = unwrapCase(parsed.value);
    try {
      const d = await evaluate(compiled.rules, input);
      if (json) process.stdout.write(JSON.stringify(d) + '\n');
      else {
        const req = (input as { request: { text?: string; treatment: string } }).request;
        process.stdout.write((first ? '' : '\n\n') + renderDetermination(d, req.text ?? req.treatment, name) + '\n');
      }
      first = false;
    } catch (e) {
      if (!(e instanceof CaseValidationError)) throw e;
      process.stderr.write(renderCaseIssues(name, e.issues) + '\n');
      status = 2;
    }
  }
  return status;
}
