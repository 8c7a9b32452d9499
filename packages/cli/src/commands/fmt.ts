// `guideline fmt [paths] [--check]`: rewrite guideline files in canonical layout (the formatter of
// @guideline/language, the same the playground's Format Document runs). --check only reports.
import type { SourceText } from '@guideline/language';
import { booleanOption, type Command } from '../command.ts';
import { display, guidelineFiles } from '../load.ts';
import { readLimits, readText, writeText } from '../read.ts';
import { printable, renderDiagnostics } from '../render.ts';

/** Exit 0 when every file is (or now is) formatted, 1 when --check finds one that is not, 2 on syntax errors or a clause given twice. */
export async function fmtCommand(paths: string[], check: boolean): Promise<number> {
  const { formatGuideline, unitsDeclaredIn } = await import('@guideline/language');
  let unformatted = 0;
  let broken = 0;
  let written = 0;
  const files = guidelineFiles(paths);
  const texts = files.map((f) => ({ file: display(f.given), text: readText(f.given, readLimits.guidelineBytes) }));
  // A file's numbers may be in units another file's vocabulary declares (`2 levels`).
  const units = unitsDeclaredIn(texts);
  for (const [i, f] of files.entries()) {
    const { file: name, text } = texts[i]!;
    const r = formatGuideline(text, name, { units });
    if (!r.formatted) {
      broken++;
      const sources: SourceText[] = [{ text, file: name }];
      const why = r.diagnostics.every((d) => d.code === 'C308') ? 'a clause is given twice' : 'it has syntax errors';
      process.stderr.write(`${printable(name)}: not formatted, ${why}\n${renderDiagnostics(r.diagnostics, sources)}\n`);
      continue;
    }
    if (!r.changed) continue;
    if (check) {
      unformatted++;
      process.stdout.write(`${printable(name)}: not formatted\n`);
    } else {
      writeText(f.given, r.text);
      written++;
      process.stdout.write(`${printable(name)}: formatted\n`);
    }
  }
  const n = files.length;
  if (check) process.stdout.write(`${n - unformatted - broken} of ${n} file${n === 1 ? '' : 's'} formatted\n`);
  else process.stdout.write(`${written} file${written === 1 ? '' : 's'} rewritten, ${n - written - broken} already formatted\n`);
  return broken ? 2 : unformatted ? 1 : 0;
}

export const fmt: Command = {
  name: 'fmt',
  synopsis: '[paths] [--check]',
  summary: 'rewrite guideline files in canonical layout (default: the bundled guidelines/)',
  description: 'Exit 0 when every file is (or now is) formatted, 1 when --check finds one that is not, 2 on syntax errors or a clause given twice.',
  options: { check: { type: 'boolean', description: 'only list the files that are not formatted; change nothing' } },
  run: (paths, values) => fmtCommand(paths, booleanOption(values, 'check')),
};
