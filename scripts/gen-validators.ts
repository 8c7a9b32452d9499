// Generates the runtime's JSON Schema validators at build time, with ajv's standalone code: the case
// schema and the rule-set schema each become a plain module (packages/runtime/src/*.generated.ts).
// At run time nothing compiles a schema (ajv would build its validator with `new Function`, which a
// Content-Security-Policy without 'unsafe-eval' forbids), and the runtime does not load ajv at all.
// `pnpm gen` runs it; test/validators.test.ts fails when a committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { transformSync } from 'esbuild';
import { isCalendarDate } from '../packages/runtime/src/iso-date.ts';

export const root = join(import.meta.dirname, '..');

export interface ValidatorSpec {
  schema: string;
  output: string;
  /** ajv's allErrors: every problem (cases, whose each bad field is named), or the first (rule sets, which can be large). */
  allErrors: boolean;
  /** ajv's messages, which validate.ts quotes for a case; the loader words a rule set's own. */
  messages: boolean;
}

export const validators: ValidatorSpec[] = [
  { schema: 'packages/runtime/schema/case.schema.json', output: 'packages/runtime/src/case-schema.generated.ts', allErrors: true, messages: true },
  { schema: 'packages/runtime/schema/rule-set.schema.json', output: 'packages/runtime/src/rule-set-schema.generated.ts', allErrors: false, messages: false },
];

// The module of ajv's runtime helpers the generated code may require, and what stands in for each.
const helpers: Record<string, string> = {
  'ajv/dist/runtime/ucs2length': "import { ucs2length } from './ucs2-length.ts';",
};

type AjvClass = typeof Ajv extends { default: infer D } ? D : typeof Ajv;
const AjvCtor = ((Ajv as unknown as { default?: AjvClass }).default ?? Ajv) as unknown as new (o: object) => import('ajv').default;
const standalone = ((standaloneCode as unknown as { default?: typeof standaloneCode }).default ?? standaloneCode) as (ajv: import('ajv').default, v: unknown) => string;

/** The module's source for one schema. */
export function generateValidator(spec: ValidatorSpec): string {
  const schema = JSON.parse(readFileSync(join(root, spec.schema), 'utf8')) as object;
  // `formats` names the module's own table of formats (below); strictTypes would only log, and strictRequired refuses the `required` of an anyOf branch.
  const ajv = new AjvCtor({ allErrors: spec.allErrors, strict: true, strictTypes: false, strictRequired: false, inlineRefs: false, messages: spec.messages, code: { source: true, esm: true, formats: _`formats` } });
  ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  let code = standalone(ajv, ajv.compile(schema));
  const imports = new Set<string>();
  code = code.replace(/const (\w+) = require\("([^"]+)"\)\.default;/g, (_m, name: string, module: string) => {
    const stand = helpers[module];
    if (!stand) throw new Error(`${spec.schema}: the generated code requires ${module}; teach scripts/gen-validators.ts what stands in for it`);
    imports.add(stand);
    return `const ${name} = ${/import \{ (\w+) \}/.exec(stand)![1]};`;
  });
  if (/\brequire\(|new Function|\beval\(/.test(code)) throw new Error(`${spec.schema}: the generated code still requires a module or builds code at run time`);
  const uses = (name: string): boolean => new RegExp(`\\b${name}\\b`).test(code);
  const body = transformSync(code, { loader: 'js', format: 'esm', target: 'es2022' }).code;
  return [
    `// GENERATED. DO NOT EDIT. Regenerate with \`pnpm gen\` (scripts/gen-validators.ts, from ${spec.schema}).`,
    '// ajv standalone code: the schema compiled at build time, so no validator is built at run time.',
    '// @ts-nocheck',
    '/* eslint-disable */',
    ...imports,
    ...(uses('formats') ? ["import { isCalendarDate } from './iso-date.ts';", '', "const formats = { date: { type: 'string', validate: isCalendarDate } };"] : []),
    '',
    body,
  ].join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const spec of validators) {
    writeFileSync(join(root, spec.output), generateValidator(spec));
    console.log(`wrote ${spec.output}`);
  }
}
