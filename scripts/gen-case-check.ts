// Generates packages/runtime/src/case-check.generated.ts from the case JSON Schema: a plain function
// that says yes, fast, to a case the schema accepts. ajv stays the validator that decides and names
// each bad field; this only spares it the cases that are plainly well formed. Every keyword is
// checked as strictly as ajv checks it or more strictly (finite numbers, whole integers, lengths in
// UTF-16 units), so a yes is never wrong; a keyword the generator does not know stops generation.
// `pnpm gen` runs it; test/case-check.test.ts fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');
export const schemaPath = join(root, 'packages/runtime/schema/case.schema.json');
export const outputPath = join(root, 'packages/runtime/src/case-check.generated.ts');

type Schema = Record<string, unknown>;

const annotations = new Set(['$schema', '$id', 'title', 'description', 'examples', 'default']);

const typeTests: Record<string, (v: string) => string> = {
  object: (v) => `isObject(${v})`,
  array: (v) => `Array.isArray(${v})`,
  string: (v) => `typeof ${v} === 'string'`,
  number: (v) => `(typeof ${v} === 'number' && Number.isFinite(${v}))`,
  integer: (v) => `Number.isInteger(${v})`,
  boolean: (v) => `typeof ${v} === 'boolean'`,
  null: (v) => `${v} === null`,
};

/** Generates the module's source from a schema. */
export function generateCaseCheck(schema: Schema): string {
  const helpers: string[] = [];
  let vars = 0;

  /** Statements that `return false` when value `v` breaks schema `s`; `at` names the place for errors. */
  function body(s: Schema, v: string, at: string, pad: string): string[] {
    const out: string[] = [];
    // The type is checked first; once a single type is checked, keywords of that type need no guard.
    const sole = typeof s['type'] === 'string' ? (s['type'] as string) : undefined;
    const guard = (type: string, test: string): string => (sole === type ? '' : `${test} && `);
    const keywords = Object.entries(s).sort(([a], [b]) => Number(b === 'type') - Number(a === 'type'));
    for (const [keyword, arg] of keywords) {
      if (annotations.has(keyword)) continue;
      switch (keyword) {
        case 'type': {
          const names = Array.isArray(arg) ? (arg as string[]) : [arg as string];
          const tests = names.map((n) => {
            const t = typeTests[n];
            if (!t) throw new Error(`${at}: type '${n}' is not supported`);
            return t(v);
          });
          out.push(`${pad}if (!(${tests.join(' || ')})) return false;`);
          break;
        }
        case 'enum': {
          const values = arg as unknown[];
          if (values.some((x) => typeof x === 'object' && x !== null)) throw new Error(`${at}: enum of objects is not supported`);
          out.push(`${pad}if (!(${values.map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ')})) return false;`);
          break;
        }
        case 'required':
          out.push(`${pad}if (${guard('object', `isObject(${v})`)}(${(arg as string[]).map((k) => `${v}[${JSON.stringify(k)}] === undefined`).join(' || ')})) return false;`);
          break;
        case 'properties': {
          const known = sole === 'object';
          const p = known ? pad : `${pad}  `;
          if (!known) out.push(`${pad}if (isObject(${v})) {`);
          for (const [k, sub] of Object.entries(arg as Record<string, Schema>)) {
            const w = `v${++vars}`;
            out.push(`${p}const ${w} = ${v}[${JSON.stringify(k)}];`);
            const inner = body(sub, w, `${at}.${k}`, `${p}  `);
            if (inner.length) out.push(`${p}if (${w} !== undefined) {`, ...inner, `${p}}`);
          }
          if (!known) out.push(`${pad}}`);
          break;
        }
        case 'items': {
          if (Array.isArray(arg)) throw new Error(`${at}: tuple items are not supported`);
          const i = `i${++vars}`;
          const w = `v${++vars}`;
          out.push(`${pad}if (Array.isArray(${v})) {`, `${pad}  for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`, `${pad}    const ${w} = ${v}[${i}];`, ...body(arg as Schema, w, `${at}[]`, `${pad}    `), `${pad}  }`, `${pad}}`);
          break;
        }
        case 'anyOf': {
          const names = (arg as Schema[]).map((branch, n) => {
            const name = `branch${helpers.length}`;
            helpers.push(`function ${name}(v: any): boolean {\n${body(branch, 'v', `${at}.anyOf[${n}]`, '  ').join('\n')}\n  return true;\n}`);
            return name;
          });
          out.push(`${pad}if (!(${names.map((n) => `${n}(${v})`).join(' || ')})) return false;`);
          break;
        }
        case 'maxItems':
          out.push(`${pad}if (${guard('array', `Array.isArray(${v})`)}${v}.length > ${Number(arg)}) return false;`);
          break;
        case 'minimum':
          out.push(`${pad}if (typeof ${v} === 'number' && !(${v} >= ${Number(arg)})) return false;`);
          break;
        case 'maximum':
          out.push(`${pad}if (typeof ${v} === 'number' && !(${v} <= ${Number(arg)})) return false;`);
          break;
        // ajv counts code points: a string has at most as many as UTF-16 units, and at least half as many.
        case 'maxLength':
          out.push(`${pad}if (${guard('string', `typeof ${v} === 'string'`)}${v}.length > ${Number(arg)}) return false;`);
          break;
        case 'minLength':
          out.push(`${pad}if (${guard('string', `typeof ${v} === 'string'`)}Math.ceil(${v}.length / 2) < ${Number(arg)}) return false;`);
          break;
        case 'pattern': {
          const name = `pattern${helpers.length}`;
          helpers.push(`const ${name} = new RegExp(${JSON.stringify(arg)}, 'u');`);
          out.push(`${pad}if (${guard('string', `typeof ${v} === 'string'`)}!${name}.test(${v})) return false;`);
          break;
        }
        case 'format':
          if (arg !== 'date') throw new Error(`${at}: format '${String(arg)}' is not supported`);
          out.push(`${pad}if (${guard('string', `typeof ${v} === 'string'`)}!isCalendarDate(${v})) return false;`);
          break;
        default:
          throw new Error(`${at}: keyword '${keyword}' is not supported; teach scripts/gen-case-check.ts to check it`);
      }
    }
    return out;
  }

  const main = body(schema, 'x', 'case', '  ');
  return [
    '// Generated by scripts/gen-case-check.ts from packages/runtime/schema/case.schema.json: do not edit.',
    '// A fast yes to a well-formed case; on a no, ajv decides and names the bad fields (validate.ts).',
    '/* eslint-disable */',
    "import { isCalendarDate } from './iso-date.ts';",
    '',
    'const isObject = (v: unknown): v is Record<string, unknown> => typeof v === \'object\' && v !== null && !Array.isArray(v);',
    '',
    ...helpers.flatMap((h) => [h, '']),
    '/** True only when the case schema accepts x (false may still be a valid case: ajv decides those). */',
    'export function quickValid(x: any): boolean {',
    ...main,
    '  return true;',
    '}',
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(outputPath, generateCaseCheck(JSON.parse(readFileSync(schemaPath, 'utf8')) as Schema));
  console.log(`wrote ${outputPath}`);
}
