// Generates the grammar documents from the language package itself, so they cannot drift from it:
//   grammar/diagrams.html  syntax diagrams drawn from the parser (Chevrotain createSyntaxDiagramsCode)
//   grammar/grammar.ebnf   the `// rule := ...` EBNF comments of the parser (src/parser/*.ts), plus the tokens
//   docs/facts.md          the facts of the standard vocabularies, one table each
//   grammar/SPEC.md        its marked regions: the reserved words, the EBNF and the fact tables
// Run `pnpm gen:grammar` to write them; test/generated.test.ts fails when a committed copy is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getParser } from '../packages/language/src/parser/index.ts';
import { keywords } from '../packages/language/src/tokens.ts';
import * as T from '../packages/language/src/tokens.ts';
import { standardFiles } from '../packages/language/src/check/index.ts';
import { Vocabularies } from '../packages/language/src/check/vocabularies.ts';
import type { FactSym, Ty } from '../packages/language/src/check/symbols.ts';
import { unitName } from '../packages/language/src/units.ts';

/** The parser's source files, in the order their rules are defined (the order of the GAST). */
export const parserFiles = ['expressions', 'declarations', 'vocabulary', 'tables', 'index'].map((f) => `packages/language/src/parser/${f}.ts`);
export function parserSource(): string {
  return parserFiles.map((f) => readFileSync(new URL(`../${f}`, import.meta.url), 'utf8')).join('\n');
}

export const root = fileURLToPath(new URL('..', import.meta.url));

const GENERATED = 'GENERATED. DO NOT EDIT. Regenerate with `pnpm gen:grammar` (scripts/gen-grammar.ts).';

/** The words the EBNF uses for token types, and the token each stands for. */
export const terminalWords: Record<string, string> = {
  NAME: 'Identifier',
  ANY: 'AnyToken',
  UNIT: 'Identifier',
  STRING: 'StringLiteral',
  NUMBER: 'NumberLiteral',
  DATE: 'DateLiteral',
  CODE: 'CodePattern',
  UPPER: 'UpperName',
};

// ---- EBNF -------------------------------------------------------------------------------------

export interface EbnfRule {
  name: string;
  /** The right-hand side, continuation lines joined with a newline and their indentation kept. */
  body: string;
  /** A note written after the rule (an example, or how an ambiguity is resolved). */
  note?: string;
}

/**
 * The EBNF rules of the `// name := body` comments in parser.ts, in source order. A rule continues
 * on following comment lines that start with `|`; three or more spaces separate the rule from a note.
 */
export function extractEbnf(parserSource: string): EbnfRule[] {
  const rules: EbnfRule[] = [];
  const lines = parserSource.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*\/\/ (\w+) := (.*)$/.exec(lines[i]!);
    if (!m) continue;
    const parts = [splitNote(m[2]!)];
    while (i + 1 < lines.length && /^\s*\/\/\s+\|/.test(lines[i + 1]!)) {
      parts.push(splitNote(lines[++i]!.replace(/^\s*\/\//, '')));
    }
    const notes = parts.map((p) => p.note).filter((n): n is string => n !== undefined);
    const rule: EbnfRule = { name: m[1]!, body: parts.map((p) => p.text).join('\n') };
    if (notes.length) rule.note = notes.join(' ');
    rules.push(rule);
  }
  return rules;
}

function splitNote(text: string): { text: string; note?: string } {
  const m = /^(.*?\S)\s{3,}(\S.*)$/.exec(text);
  if (!m) return { text: text.trimEnd() };
  const note = m[2]!.replace(/^\((.*)\)$/, '$1');
  return { text: m[1]!, note };
}

/** One rule as EBNF text: continuation lines aligned under the first alternative. */
export function formatRule(r: EbnfRule): string {
  const head = `${r.name} := `;
  const lines = r.body.split('\n').map((l, i) => (i === 0 ? head + l : ' '.repeat(head.length - 2) + l.trim()));
  if (r.note) lines.push(' '.repeat(head.length) + `(* ${r.note} *)`);
  return lines.join('\n');
}

function tokenLines(): string[] {
  const pattern = (t: { PATTERN?: unknown }): string => `/${(t.PATTERN as RegExp).source}/`;
  return [
    `NAME   := ${pattern(T.Identifier)}`,
    `UNIT   := NAME (* a unit word: visit(s), session(s), treatment(s), hour(s), day(s), week(s), month(s), year(s), mg, mcg, percent *)`,
    `ANY    := (* any token *)`,
    `(* a word in double quotes is a soft keyword: read as that word where the rule stands, a NAME everywhere else *)`,
    `STRING := ${pattern(T.StringLiteral)}`,
    `NUMBER := ${pattern(T.NumberLiteral)}`,
    `DATE   := ${pattern(T.DateLiteral)}`,
    `CODE   := ${pattern(T.CodePattern)}`,
    `UPPER  := ${pattern(T.UpperName)}`,
    `(* comments run from '#' to the end of the line; white space separates tokens *)`,
    `(* reserved words, never a NAME: ${keywords.join(' ')} *)`,
  ];
}

export function ebnfText(rules: readonly EbnfRule[]): string {
  return [`(* ${GENERATED} *)`, `(* The grammar of .guideline files, from the EBNF comments in packages/language/src/parser/. *)`, '', ...rules.map(formatRule), '', '(* Tokens (packages/language/src/tokens.ts) *)', '', ...tokenLines(), ''].join('\n');
}

// ---- Syntax diagrams --------------------------------------------------------------------------

type CreateSyntaxDiagramsCode = (grammar: unknown, options?: { resourceBase?: string; css?: string }) => string;

/** Chevrotain as the language package resolves it (the workspace root does not depend on it). */
function chevrotainPaths(): { entry: string; diagrams: URL } {
  const entry = createRequire(new URL('../packages/language/package.json', import.meta.url)).resolve('chevrotain');
  // entry is <chevrotain>/lib/src/api.js; the diagram resources ship in <chevrotain>/diagrams/.
  return { entry, diagrams: new URL('../../diagrams/', pathToFileURL(entry)) };
}

/** Terminal labels in the diagrams use the EBNF's words (NAME, STRING, ...) rather than token names. */
function relabel(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relabel);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = relabel(v);
  if (out['type'] === 'Terminal') {
    const word = Object.entries(terminalWords).find(([w, token]) => token === out['name'] && w !== 'UNIT');
    if (word) out['label'] = word[0];
  }
  return out;
}

/** XML namespace names are identifiers the DOM needs (createElementNS), not addresses anything fetches. */
export const namespaceUrl = /^http:\/\/www\.w3\.org\//;

/** Links in the comments of the inlined resources (credits, references) are dropped: no remote URLs in the repo. */
function scrubLinks(code: string): string {
  return code.replace(/https?:\/\/[^\s'")]+/g, (url) => (namespaceUrl.test(url) ? url : '[link removed]'));
}

/**
 * The diagrams page. Chevrotain's page loads its scripts and stylesheet from a CDN (unpkg); we write
 * no remote URLs into the repository and there may be no network, so the same resources are
 * inlined from the installed chevrotain package (diagrams/, Apache-2.0, with the CC0
 * railroad-diagrams library): the page works offline, from any folder, with no install.
 */
export async function diagramsHtml(): Promise<string> {
  const { entry, diagrams } = chevrotainPaths();
  const { createSyntaxDiagramsCode } = (await import(pathToFileURL(entry).href)) as { createSyntaxDiagramsCode: CreateSyntaxDiagramsCode };
  const BASE = 'inline:/';
  let html = createSyntaxDiagramsCode(relabel(getParser().getSerializedGastProductions()), { resourceBase: BASE, css: `${BASE}diagrams.css` });
  const read = (path: string): string => scrubLinks(readFileSync(new URL(path, diagrams), 'utf8').trimEnd());
  html = html.replace(/<script src='inline:\/([^']+)'><\/script>/g, (_, path: string) => `<script>/* chevrotain/diagrams/${path} */\n${read(path)}\n</script>`);
  html = html.replace(/<link rel='stylesheet' href='inline:\/([^']+)'>/g, (_, path: string) => `<style>/* chevrotain/diagrams/${path} */\n${read(path)}\n</style>`);
  if (html.includes(BASE)) throw new Error('createSyntaxDiagramsCode changed its output: a resource was left un-inlined');
  html = html.replace('<!-- This is a generated file -->', `<!-- ${GENERATED} -->`);
  html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>Guideline language: syntax diagrams</title>');
  // Chevrotain leaves trailing spaces on some lines; drop them so the file diffs cleanly.
  return html.replace(/[ \t]+$/gm, '');
}

// ---- The standard vocabularies' facts --------------------------------------------------------

function typeCell(t: Ty): string {
  switch (t.kind) {
    case 'number': return t.unit ? `number ${unitName(t.unit).startsWith('per ') ? '' : 'of '}${unitName(t.unit)}${t.min !== undefined && t.max !== undefined ? ` (${t.min} to ${t.max})` : ''}` : 'number';
    case 'enum': return `one of ${t.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'class': return t.of === 'diagnosis' ? 'class of diagnosis' : 'class of surgery';
    case 'bool': return 'yes or no';
    case 'date': return t.anyDate ? 'any date' : 'date';
    case 'list': return `list of ${typeCell(t.of)}`;
    case 'record': return t.record.name;
    default: return t.kind;
  }
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Each standard vocabulary, with its facts. */
export function standardVocabularies(): { name: string; title: string; facts: FactSym[] }[] {
  const vocabularies = new Vocabularies(standardFiles(), () => () => {});
  return [...vocabularies.all()].map((v) => ({ name: v.name, title: v.decl.title?.text ?? v.name, facts: v.own.all().filter((s): s is FactSym => s.kind === 'fact') }));
}

/** One vocabulary's facts as a Markdown table. */
export function factTable(facts: readonly FactSym[]): string {
  const source = (f: FactSym): string => ('field' in f.source ? `\`${f.source.field}\`` : `computed by \`${f.source.builtin}\``);
  const rows = facts.map((f) => `| ${cell(f.words)} | ${cell(typeCell(f.ty))} | ${source(f)} | ${f.absent !== undefined ? `\`${f.absent}\`` : 'unknown'} | ${cell(f.meaning ?? '')} |`);
  return ['| Write | Type | Read from | When absent | Meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}

function factTables(level: string): string {
  return standardVocabularies().map((v) => [`${level} ${v.name}: ${v.title}`, '', factTable(v.facts)].join('\n')).join('\n\n');
}

export function factsMarkdown(): string {
  return [
    `<!-- ${GENERATED} -->`,
    '# The standard vocabularies',
    '',
    'The facts of the case contract, as the vocabularies the language ships declare them',
    '(`packages/language/vocabularies/`). Every guideline sees `core`; the others a guideline names in its',
    '`uses` clause. A guideline may use vocabularies of its own program too. **Read from** is the case',
    'field, or the runtime computation that gives the value; a fact is unknown, never false, when its',
    'field is absent or null, unless **When absent** states a value.',
    '',
    factTables('##'),
    '',
  ].join('\n');
}

// ---- SPEC.md regions --------------------------------------------------------------------------

/** Replaces the text between `<!-- BEGIN GENERATED name -->` and `<!-- END GENERATED name -->`. */
export function fillRegion(doc: string, name: string, content: string): string {
  const begin = `<!-- BEGIN GENERATED ${name}: pnpm gen:grammar -->`;
  const end = `<!-- END GENERATED ${name} -->`;
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`grammar/SPEC.md has no region '${begin}' ... '${end}'`);
  return doc.slice(0, i + begin.length) + '\n' + content + '\n' + doc.slice(j);
}

/** The reserved words as a paragraph of SPEC.md: one code span, wrapped at about 100 columns. */
export function reservedWordsText(): string {
  const lines: string[] = [];
  let line = '';
  for (const w of keywords) {
    if (line && line.length + w.length + 1 > 96) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return '`' + lines.join('\n') + '`';
}

// ---- All of it --------------------------------------------------------------------------------

/** Every generated file: path relative to the repository root, and its content. Writes nothing. */
export async function generate(): Promise<{ path: string; content: string }[]> {
  const rules = extractEbnf(parserSource());
  let spec = readFileSync(new URL('../grammar/SPEC.md', import.meta.url), 'utf8');
  spec = fillRegion(spec, 'reserved', reservedWordsText());
  spec = fillRegion(spec, 'ebnf', '```ebnf\n' + rules.map(formatRule).join('\n') + '\n```');
  spec = fillRegion(spec, 'facts', factTables('###'));
  return [
    { path: 'grammar/diagrams.html', content: await diagramsHtml() },
    { path: 'grammar/grammar.ebnf', content: ebnfText(rules) },
    { path: 'docs/facts.md', content: factsMarkdown() },
    { path: 'grammar/SPEC.md', content: spec },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await generate()) {
    const target = new URL(`../${f.path}`, import.meta.url);
    let old: string | undefined;
    try {
      old = readFileSync(target, 'utf8');
    } catch {
      old = undefined;
    }
    if (old === f.content) continue;
    mkdirSync(new URL('.', target), { recursive: true });
    writeFileSync(target, f.content);
    process.stdout.write(`wrote ${f.path}\n`);
  }
}
