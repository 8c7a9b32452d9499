// Generates the grammar documents from the language package itself, so they cannot drift from it:
//   grammar/diagrams.html  syntax diagrams drawn from the parser (Chevrotain createSyntaxDiagramsCode)
//   grammar/grammar.ebnf   the `// rule := ...` EBNF comments of parser.ts, plus the tokens
//   docs/facts.md          the fact catalog of facts.ts
//   grammar/SPEC.md        its marked regions: the EBNF and the fact table
// Run `pnpm gen:grammar` to write them; test/generated.test.ts fails when a committed copy is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getParser } from '../packages/language/src/parser.ts';
import { keywords } from '../packages/language/src/tokens.ts';
import * as T from '../packages/language/src/tokens.ts';
import { factCatalog, type FactInfo } from '../packages/language/src/facts.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));

const GENERATED = 'GENERATED. DO NOT EDIT. Regenerate with `pnpm gen:grammar` (scripts/gen-grammar.ts).';

/** The words the EBNF uses for token types, and the token each stands for. */
export const terminalWords: Record<string, string> = {
  NAME: 'Identifier',
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
    `UNIT   := NAME (* a unit word: visit(s), session(s), week(s), month(s), day(s), year(s) *)`,
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
  return [`(* ${GENERATED} *)`, `(* The grammar of .guideline files, from the EBNF comments in packages/language/src/parser.ts. *)`, '', ...rules.map(formatRule), '', '(* Tokens (packages/language/src/tokens.ts) *)', '', ...tokenLines(), ''].join('\n');
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

// ---- Fact catalog -----------------------------------------------------------------------------

function typeCell(f: FactInfo): string {
  const t = f.type;
  switch (t.kind) {
    case 'number': return `number (${t.unit})`;
    case 'enum': return `one of ${t.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'class': return t.of === 'diagnosis' ? 'diagnosis class' : 'procedure class';
    default: return t.kind;
  }
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The fact catalog as a Markdown table. */
export function factTable(): string {
  const rows = factCatalog.map((f) => `| ${cell(f.name)} | ${cell(typeCell(f))} | \`${f.id}\` | ${f.inputs.length ? f.inputs.map((i) => `\`${i}\``).join(', ') : '(none)'} | ${f.derived ? 'yes' : ''} | ${cell(f.description)} |`);
  return ['| Write | Type | Fact id | Unknown when the case lacks | Derived | Meaning |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export function factsMarkdown(): string {
  return [
    `<!-- ${GENERATED} -->`,
    '# Fact catalog',
    '',
    'The words a guideline may use for the facts of a case, from `packages/language/src/facts.ts`. The',
    'checker rejects any other words (C301) and checks types and units against this table (C304, C305,',
    'C306). **Fact id** is what compiled rules read: a case field by its dotted path, or a fact the',
    'runtime derives (**Derived**: computed from the case and the guideline rather than read from one',
    'field). A fact is unknown, never false, when the case lacks the fields in the fourth column.',
    '',
    factTable(),
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

// ---- All of it --------------------------------------------------------------------------------

/** Every generated file: path relative to the repository root, and its content. Writes nothing. */
export async function generate(): Promise<{ path: string; content: string }[]> {
  const parserSource = readFileSync(new URL('../packages/language/src/parser.ts', import.meta.url), 'utf8');
  const rules = extractEbnf(parserSource);
  let spec = readFileSync(new URL('../grammar/SPEC.md', import.meta.url), 'utf8');
  spec = fillRegion(spec, 'ebnf', '```ebnf\n' + rules.map(formatRule).join('\n') + '\n```');
  spec = fillRegion(spec, 'facts', factTable());
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
