// The checker: declaration checks and expression checks over a program (files compiled together, with
// the standard vocabularies of the case contract). Reports; never throws.
import type * as A from '../ast.ts';
import { collector, maxDiagnosticsPerFile, type Diagnostic } from '../diagnostics.ts';
import { parse, type ExpressionMemo } from '../parse.ts';
import { standardVocabularySources } from '../vocabularies.generated.ts';
import { checkFileNames } from './names.ts';
import { checkProgram, type ParsedFile, type ProgramModel } from './program.ts';

export { checkProgram, type ParsedFile, type ProgramModel } from './program.ts';
export type { Placeholder } from './placeholders.ts';

let standard: (ParsedFile & { diagnostics: Diagnostic[] })[] | undefined;
/** The standard vocabularies, parsed once (with their parse diagnostics, which a test holds to none). */
export function standardFiles(): (ParsedFile & { diagnostics: Diagnostic[] })[] {
  return (standard ??= standardVocabularySources.map((s) => {
    const p = parse(s.text, s.file, null);
    return { file: s.file, text: s.text, ast: p.ast, diagnostics: p.diagnostics, standard: true };
  }));
}

/** Diagnostics collected by file, each reported once, at most `maxDiagnosticsPerFile` of a file listed. */
export class Collected {
  private readonly byFile = new Map<string, ReturnType<typeof collector>>();
  private readonly seen = new Set<string>();

  report = (file: string): ReturnType<typeof collector>['report'] => {
    let c = this.byFile.get(file);
    if (!c) this.byFile.set(file, (c = collector(file, maxDiagnosticsPerFile)));
    const inner = c.report;
    const diagnostics = c.diagnostics;
    return (code, at, args) => {
      const before = diagnostics.length;
      inner(code, at, args);
      // Past the file's cap a diagnostic is only counted, into the P208 already listed.
      if (diagnostics.length === before) return;
      const d = diagnostics[before]!;
      const key = `${d.code}:${d.range.start}:${d.range.end}:${d.message}`;
      if (this.seen.has(`${file}|${key}`)) diagnostics.pop();
      else this.seen.add(`${file}|${key}`);
    };
  };

  of(file: string): Diagnostic[] {
    return this.byFile.get(file)?.diagnostics ?? [];
  }
}

/**
 * Checks one file on its own (with the standard vocabularies, and the files of `program` for the
 * vocabularies and guidelines it names): its diagnostics.
 */
export function check(file: A.GuidelineFile, text: string, fileName: string, memo: ExpressionMemo, program: readonly ParsedFile[] = []): { diagnostics: Diagnostic[]; model: ProgramModel } {
  const collected = new Collected();
  checkFileNames(file, collected.report(fileName));
  const others = program.filter((p) => p.file !== fileName);
  const model = checkProgram([...standardFiles(), ...others, { file: fileName, text, ast: file }], collected.report, memo);
  return { diagnostics: collected.of(fileName), model };
}
