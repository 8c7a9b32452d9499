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

type CharSet = [number, number][];
type Item = { set: CharSet; min: number; max: number } | { group: Item[]; min: number; max: number };

/**
 * A pattern as a plain matcher over character codes, or undefined when it is outside the subset read
 * here: anchored at both ends; ASCII literals, escapes and (non-negated) classes; groups without
 * alternation; ?, *, + and {m,n}. The matcher is greedy and never backtracks, so a yes is always a
 * match of the regular expression; a no may not be, and sends the case to ajv, which decides.
 */
export function patternMatcher(source: string): string[] | undefined {
  if (!source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) return undefined;
  let at = 1;
  const end = source.length - 1;
  const special = new Set([...'.^$|?*+()[]{}\\']);
  const ascii = (c: string): number => {
    const code = c.charCodeAt(0);
    if (code >= 128 || c.length !== 1) throw new Error('not ascii');
    return code;
  };
  /** A character: literal, or escaped punctuation (an escaped letter or digit is a class such as \\d). */
  const char = (inClass: boolean): number => {
    const c = source[at++];
    if (c === undefined) throw new Error('unterminated');
    if (c !== '\\') {
      if (!inClass && special.has(c)) throw new Error(`unsupported '${c}'`);
      return ascii(c);
    }
    const e = source[at++];
    if (e === undefined || /[A-Za-z0-9]/.test(e)) throw new Error('unsupported escape');
    return ascii(e);
  };
  const sequence = (): Item[] => {
    const items: Item[] = [];
    while (at < end && source[at] !== ')') {
      let item: Item;
      if (source[at] === '[') {
        at++;
        if (source[at] === '^') throw new Error('negated class');
        const set: CharSet = [];
        while (source[at] !== ']') {
          const lo = char(true);
          if (source[at] === '-' && source[at + 1] !== ']') {
            at++;
            set.push([lo, char(true)]);
          } else set.push([lo, lo]);
        }
        at++;
        item = { set, min: 1, max: 1 };
      } else if (source[at] === '(') {
        at++;
        if (source[at] === '?') throw new Error('group modifier');
        const group = sequence();
        if (source[at++] !== ')') throw new Error('unclosed group');
        item = { group, min: 1, max: 1 };
      } else {
        const c = char(false);
        item = { set: [[c, c]], min: 1, max: 1 };
      }
      const q = /^(?:\?|\*|\+|\{(\d+)(,(\d*))?\})/.exec(source.slice(at, end));
      if (q) {
        at += q[0].length;
        [item.min, item.max] = q[0] === '?' ? [0, 1] : q[0] === '*' ? [0, Infinity] : q[0] === '+' ? [1, Infinity] : [Number(q[1]), q[2] === undefined ? Number(q[1]) : q[3] ? Number(q[3]) : Infinity];
        if (source[at] === '?' || source[at] === '+') throw new Error('lazy or possessive quantifier');
      }
      if (source[at] === '|') throw new Error('alternation');
      items.push(item);
    }
    return items;
  };
  let items: Item[];
  try {
    items = sequence();
    if (at !== end) return undefined;
  } catch {
    return undefined;
  }
  const test = (set: CharSet): string => set.map(([lo, hi]) => (lo === hi ? `c === ${lo}` : `(c >= ${lo} && c <= ${hi})`)).join(' || ');
  let groups = 0;
  const emit = (seq: Item[], fail: string, pad: string): string[] =>
    seq.flatMap((item): string[] => {
      if ('group' in item) {
        if (item.min === 1 && item.max === 1) return emit(item.group, fail, pad);
        if (item.min !== 0 || item.max !== 1) throw new Error('repeated group');
        const g = `g${++groups}`;
        const inner = emit(item.group, `{ i = at${g}; break ${g}; }`, `${pad}  `);
        // A group that cannot fail part way (every piece optional) needs no way back.
        if (!inner.some((line) => line.includes(`break ${g};`))) return emit(item.group, fail, pad);
        return [`${pad}${g}: {`, `${pad}  const at${g} = i;`, ...inner, `${pad}}`];
      }
      if (item.min === 1 && item.max === 1) return [`${pad}if (i >= n) ${fail}`, `${pad}c = s.charCodeAt(i);`, `${pad}if (!(${test(item.set)})) ${fail}`, `${pad}i++;`];
      const bounded = item.max !== Infinity;
      const counted = bounded || item.min > 0;
      const loop = `while (${bounded ? `k < ${item.max} && ` : ''}i < n && ((c = s.charCodeAt(i)), ${test(item.set)})) ${counted ? '{ i++; k++; }' : 'i++;'}`;
      return counted ? [`${pad}{`, `${pad}  let k = 0;`, `${pad}  ${loop}`, ...(item.min > 0 ? [`${pad}  if (k < ${item.min}) ${fail}`] : []), `${pad}}`] : [`${pad}${loop}`];
    });
  try {
    return ['  const n = s.length;', '  let i = 0;', '  let c = 0;', ...emit(items, 'return false;', '  '), '  return i === n;'];
  } catch {
    return undefined;
  }
}

/** Generates the module's source from a schema. */
export function generateCaseCheck(schema: Schema): string {
  const helpers: string[] = [];
  const patterns: string[] = [];
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
          const source = arg as string;
          const matcher = patternMatcher(source);
          helpers.push(matcher ? `/** ${source.replace(/\*\//g, '*\\/')}, by character codes (a yes is a match; a no goes to ajv). */\nfunction ${name}(s: string): boolean {\n${matcher.join('\n')}\n}` : `const ${name}Expression = new RegExp(${JSON.stringify(source)}, 'u');\nconst ${name} = (s: string): boolean => ${name}Expression.test(s);`);
          patterns.push(`  ${JSON.stringify(source)}: ${name},`);
          out.push(`${pad}if (${guard('string', `typeof ${v} === 'string'`)}!${name}(${v})) return false;`);
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
    '/** Each pattern of the schema, by its source, as the check tests it (for the tests). */',
    'export const patterns: Record<string, (s: string) => boolean> = {',
    ...patterns,
    '};',
    '',
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
