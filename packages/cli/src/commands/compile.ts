// `guideline compile [paths] [-o file]`: compile guideline files or folders to one rule-set artifact.
import { hasErrors } from '@guideline/language/rules';
import { caseSchemaOf } from '@guideline/runtime';
import { stringOption, type Command } from '../command.ts';
import { display } from '../load.ts';
import { writeText } from '../read.ts';
import { printable, renderDiagnostics } from '../render.ts';

export async function compileCommand(paths: string[], out: string | undefined, caseSchemaOut?: string): Promise<number> {
  const { compileFiles } = await import('../compile-files.ts');
  const result = compileFiles(paths);
  if (result.diagnostics.length) process.stderr.write(renderDiagnostics(result.diagnostics, result.sources) + '\n');
  if (hasErrors(result.diagnostics) || !result.rules) return 2;
  const json = JSON.stringify(result.rules, null, 2) + '\n';
  if (caseSchemaOut) {
    writeText(caseSchemaOut, JSON.stringify(caseSchemaOf(result.rules), null, 2) + '\n');
    process.stderr.write(`wrote the JSON Schema of its cases to ${printable(display(caseSchemaOut))}\n`);
  }
  if (out) {
    writeText(out, json);
    const n = result.rules.guidelines.length;
    process.stderr.write(`compiled ${n} guideline${n === 1 ? '' : 's'} and ${result.rules.policies.length} polic${result.rules.policies.length === 1 ? 'y' : 'ies'} to ${printable(display(out))}\n`);
  } else process.stdout.write(json);
  return 0;
}

export const compile: Command = {
  name: 'compile',
  synopsis: '[paths] [-o file] [--case-schema file]',
  summary: 'compile guideline files or folders to one rule-set artifact (default: the bundled guidelines/)',
  description: 'Paths are guideline files or folders, relative to the current folder. Without -o the artifact is written to stdout.',
  options: {
    output: { type: 'string', short: 'o', value: 'file', description: 'write the artifact to this file' },
    'case-schema': { type: 'string', value: 'file', description: "write the JSON Schema of the rule set's cases (the standard fields and those its own vocabularies define) to this file" },
  },
  run: (paths, values) => compileCommand(paths, stringOption(values, 'output'), stringOption(values, 'case-schema')),
};
