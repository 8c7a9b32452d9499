// `guideline test [paths]`: run every guideline's test cases (cases/*.json beside it), print each
// failure with a diff, and end with `N passed, N failed`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasErrors } from '@guideline/language';
import { CaseValidationError, evaluate, type Determination } from '@guideline/runtime';
import { compileFiles, display, jsonFiles, parseJson } from '../load.ts';
import { green, red, renderDiagnostics } from '../render.ts';
import { existsSync } from 'node:fs';

export interface Expectation {
  decision?: Determination['decision'];
  guideline?: string | null;
  criteria?: Record<string, string>;
  certifiedVisits?: number;
  missing?: string[];
}

/** Differences between what a test case expects and the determination, one line each. */
export function compare(expect: Expectation, d: Determination): string[] {
  const diffs: string[] = [];
  const line = (what: string, want: unknown, got: unknown): void => {
    diffs.push(`${what}\n    ${red('- expected')} ${JSON.stringify(want)}\n    ${green('+ actual  ')} ${JSON.stringify(got)}`);
  };
  if (expect.decision !== undefined && expect.decision !== d.decision) line('decision', expect.decision, d.decision);
  if (expect.guideline !== undefined && expect.guideline !== (d.guideline?.id ?? null)) line('guideline', expect.guideline, d.guideline?.id ?? null);
  if (expect.certifiedVisits !== undefined && expect.certifiedVisits !== d.certifiedVisits) line('certifiedVisits', expect.certifiedVisits, d.certifiedVisits);
  if (expect.missing !== undefined && JSON.stringify([...expect.missing].sort()) !== JSON.stringify([...d.missing].sort())) line('missing', expect.missing, d.missing);
  for (const [id, want] of Object.entries(expect.criteria ?? {})) {
    const got = d.criteria.find((c) => c.id === id);
    if (!got) line(`criterion ${id}`, want, 'absent');
    else if (got.status !== want) line(`criterion ${id}`, want, got.status);
  }
  return diffs;
}

function hasChecks(e: Expectation | undefined): e is Expectation {
  return !!e && (e.decision !== undefined || e.guideline !== undefined || e.criteria !== undefined || e.certifiedVisits !== undefined || e.missing !== undefined);
}

/** The cases/ folders next to the given guideline files. */
export function caseFolders(guidelineFiles: string[]): string[] {
  return [...new Set(guidelineFiles.map((f) => join(dirname(f), 'cases')))].filter((d) => existsSync(d));
}

export async function testCommand(paths: string[]): Promise<number> {
  const compiled = compileFiles(paths);
  if (compiled.diagnostics.length) process.stderr.write(renderDiagnostics(compiled.diagnostics, compiled.sources) + '\n');
  if (hasErrors(compiled.diagnostics) || !compiled.rules) {
    process.stdout.write('0 passed, 1 failed\n');
    return 2;
  }
  const files = jsonFiles(caseFolders(compiled.sources.map((s) => s.file)));
  let passed = 0;
  let failed = 0;
  const fail = (name: string, why: string): void => {
    failed++;
    process.stdout.write(`${red('FAIL')} ${name}\n  ${why.replace(/\n/g, '\n  ')}\n`);
  };
  for (const f of files) {
    const name = display(f);
    const parsed = parseJson(readFileSync(f, 'utf8'), name);
    if (parsed.error) {
      fail(name, `${parsed.error.line}:${parsed.error.column}: ${parsed.error.message}`);
      continue;
    }
    const t = parsed.value as { description?: string; case?: unknown; expect?: Expectation };
    if (!t || typeof t !== 'object' || !('case' in t)) {
      fail(name, 'a test case is { "description", "case", "expect" }: "case" is missing');
      continue;
    }
    if (!hasChecks(t.expect)) {
      fail(name, 'nothing to check: "expect" names no decision, guideline, criteria, certifiedVisits or missing');
      continue;
    }
    try {
      const d = await evaluate(compiled.rules, t.case);
      const diffs = compare(t.expect, d);
      if (diffs.length) fail(`${name}${t.description ? ` — ${t.description}` : ''}`, diffs.join('\n'));
      else passed++;
    } catch (e) {
      if (!(e instanceof CaseValidationError)) throw e;
      fail(name, e.issues.map((i) => `${i.field || 'case'}: ${i.message}`).join('\n'));
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed ? 1 : 0;
}
