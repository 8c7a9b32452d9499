// The workspace, in the worker: every guideline file, the bundled text or its edit, compiled as one
// program (the CLI's `guideline compile` of the folder), so a run, the tests and the compiled view
// never depend on which file is open. The bundled program is compiled too, once, for an edit's impact.
import { analyze as analyzeFile, compileProgram, declaringText, policiesFor, SourceFile, type Diagnostic, type RuleSet, type SourceText } from '@guideline/language';
import { otherFilesShown } from '../limits.ts';
import type { Analysis, MarkerList, Request } from '../protocol.ts';
import { compiledJson } from './cases.ts';
import { markerList } from './markers.ts';

export class Workspace {
  private readonly bundled = new Map<string, string>();
  private readonly files = new Map<string, string>();
  /** The rule set of the last compile (undefined when the workspace has errors): the one cases run against. */
  rules: RuleSet | undefined;
  /** Counts the compiles: a picture of the rule set with this revision is still the workspace's. */
  revision = 0;
  private diagnostics: Diagnostic[] = [];
  private dirty = true;
  private baselineRules: { rules: RuleSet | undefined } | undefined;

  /** Sets the bundled texts (when given) and the edits over them; any file not edited has its bundled text. */
  reset(bundled: readonly SourceText[] | undefined, edits: readonly SourceText[]): void {
    if (bundled) {
      this.bundled.clear();
      for (const s of bundled) this.bundled.set(s.file, s.text);
      this.baselineRules = undefined;
    }
    this.files.clear();
    for (const [file, text] of this.bundled) this.files.set(file, text);
    for (const s of edits) this.files.set(s.file, s.text);
    this.dirty = true;
  }

  /** Takes a request that sets the workspace's texts (the whole workspace, or one file's edit); false for any other. */
  mirror(req: Request): boolean {
    if (req.kind === 'workspace') this.reset(req.bundled, req.edits);
    else if (req.kind === 'edit') this.edit(req.file, req.text);
    else return false;
    return true;
  }

  edit(file: string, text: string): void {
    if (this.files.get(file) === text) return;
    this.files.set(file, text);
    this.dirty = true;
  }

  /** A file's text (empty when the workspace has no such file). */
  text(file: string): string {
    return this.files.get(file) ?? '';
  }

  /** Files whose text differs from the bundled one (or that have none), in name order. */
  edited(): string[] {
    return [...this.files].filter(([f, t]) => this.bundled.get(f) !== t).map(([f]) => f).sort();
  }

  /** Every file with its text, in name order: the program. */
  program(): SourceText[] {
    return [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, text]) => ({ file, text }));
  }

  /** Compiles the workspace when a file changed since the last compile; the rule set stays for runs. */
  compile(): RuleSet | undefined {
    if (!this.dirty) return this.rules;
    const result = compileProgram(this.program(), { reuse: true });
    this.rules = result.rules;
    this.diagnostics = result.diagnostics;
    this.dirty = false;
    this.revision++;
    return this.rules;
  }

  /** The rule set of the bundled texts, compiled once: what an edit is compared against. */
  baseline(): RuleSet | undefined {
    this.baselineRules ??= { rules: compileProgram([...this.bundled].map(([file, text]) => ({ file, text }))).rules };
    return this.baselineRules.rules;
  }

  /** Other files with errors, and how many each. */
  otherErrors(except: string): { file: string; errors: number }[] {
    const counts = new Map<string, number>();
    for (const d of this.diagnostics) if (d.severity === 'error' && d.file && d.file !== except) counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
    return [...counts].slice(0, otherFilesShown).map(([file, errors]) => ({ file, errors }));
  }

  /**
   * One file's text checked quickly (on every edit, before the whole workspace compiles), in the
   * context of the workspace's other files as they are: a vocabulary or guideline it uses from another
   * file is known, so no error shows here that the workspace's compile would not report.
   */
  check(file: string, text: string): MarkerList {
    return markerList(analyzeFile(text, file, { program: this.program() }).diagnostics, new SourceFile(text, file));
  }

  /**
   * The guidelines no policy of the workspace consults (C322), and the program they are decided in as
   * the CLI decides a guideline given without a policy: the workspace's files but those that only
   * declare policies, and a stand-in policy for each of their jurisdictions that consults these
   * guidelines alone. Undefined when every guideline is consulted (or the workspace has errors).
   */
  unconsulted(): { ids: string[]; files: string[]; program: SourceText[] } | undefined {
    if (!this.compile()) return undefined;
    const c322 = this.diagnostics.filter((d) => d.code === 'C322');
    const ids = [...new Set(c322.map((d) => String(d.data?.['id'])))];
    if (!ids.length) return undefined;
    const program = this.program();
    const onlyPolicies = (code: string): boolean => /^\s*policy\b/m.test(code) && !/^\s*(?:guideline|vocabulary)\b/m.test(code);
    const policies = program.filter((s) => onlyPolicies(declaringText(s.text)));
    const { alone } = policiesFor(ids, policies);
    if (!alone) return undefined;
    const files = [...new Set(c322.map((d) => d.file ?? ''))];
    return { ids, files, program: [...program.filter((s) => !policies.includes(s)), alone] };
  }

  analyze(file: string): Analysis {
    this.compile();
    const text = this.files.get(file) ?? '';
    const mine = this.diagnostics.filter((d) => d.file === file);
    return { markers: markerList(mine, new SourceFile(text, file)), compiled: this.rules !== undefined, otherErrors: this.otherErrors(file), compiledJson: compiledJson(this.rules, file) };
  }
}
