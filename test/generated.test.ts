// Generated documents stay in step with the code: each committed file equals what
// scripts/gen-grammar.ts generates now, and the EBNF comments it extracts describe the parser's rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractEbnf, generate, namespaceUrl, parserSource, root, standardVocabularies, terminalWords, type EbnfRule } from '../scripts/gen-grammar.ts';
import { getParser } from '../packages/language/src/parser/index.ts';

let generated: { path: string; content: string }[] = [];
beforeAll(async () => {
  generated = await generate();
});

describe('committed generated files are up to date (run `pnpm gen:grammar` when this fails)', () => {
  it.each(['grammar/diagrams.html', 'grammar/grammar.ebnf', 'docs/facts.md', 'grammar/SPEC.md'])('%s', (path) => {
    const fresh = generated.find((f) => f.path === path);
    expect(fresh, `the generator no longer writes ${path}`).toBeDefined();
    let committed: string | undefined;
    try {
      committed = readFileSync(join(root, path), 'utf8');
    } catch {
      committed = undefined;
    }
    // Compared as booleans first so a stale 100 kB file does not print in full.
    expect(committed === fresh!.content, `${path} is stale: run pnpm gen:grammar`).toBe(true);
  });
});

// ---- The EBNF comments describe the parser ------------------------------------------------------

interface GastNode {
  type: string;
  name?: string;
  label?: string;
  definition?: GastNode[];
}

/** Terminals (a keyword or symbol as its quoted label, other tokens by name) and rules a GAST rule refers to. */
function gastRefs(rule: GastNode): { terminals: Set<string>; rules: Set<string> } {
  const terminals = new Set<string>();
  const rules = new Set<string>();
  const visit = (n: GastNode): void => {
    if (n.type === 'Terminal') terminals.add(n.label?.startsWith("'") ? n.label : n.name!);
    if (n.type === 'NonTerminal') rules.add(n.name!);
    n.definition?.forEach(visit);
  };
  rule.definition?.forEach(visit);
  return { terminals, rules };
}

/** The same for an EBNF rule: 'x' terminals, "x" soft keywords (names), upper-case token words, lower-case rule names. */
function ebnfRefs(rule: EbnfRule): { terminals: Set<string>; rules: Set<string> } {
  const terminals = new Set<string>();
  const rules = new Set<string>();
  for (const m of rule.body.matchAll(/'([^']+)'|"([^"]+)"|\b([A-Z]+)\b|\b([a-z][A-Za-z]*)\b/g)) {
    if (m[1]) terminals.add(`'${m[1]}'`);
    else if (m[2]) terminals.add('Identifier');
    else if (m[3]) terminals.add(terminalWords[m[3]] ?? `unknown token word ${m[3]}`);
    else if (m[4]) rules.add(m[4]);
  }
  return { terminals, rules };
}

/**
 * Terminals the grammar leaves out on purpose, because the parser takes them only to report them:
 * the skipped-token alternative of `file`, a quoted guideline id (P202), and a reserved word as a name,
 * as a part of a guideline id, or among the words of a fact or define (P206).
 */
const undocumented: Record<string, string[]> = {
  file: ['AnyToken'], guidelineDecl: ['StringLiteral'], declName: ['ReservedWord'], qualifiedName: ['ReservedWord'],
  factDecl: ['ReservedWord'], defineDecl: ['ReservedWord'],
};

describe('EBNF comments in the parser', () => {
  const rules = extractEbnf(parserSource());
  const gast = getParser().getSerializedGastProductions() as GastNode[];

  it('give each parser rule exactly one EBNF line, in the same order', () => {
    expect(rules.map((r) => r.name)).toEqual(gast.map((r) => r.name!));
  });

  it.each(gast.map((r) => [r.name!, r]))('%s refers to the same tokens and rules as the parser', (name, g) => {
    const rule = rules.find((r) => r.name === name);
    expect(rule).toBeDefined();
    const want = gastRefs(g);
    for (const t of undocumented[name] ?? []) want.terminals.delete(t);
    const got = ebnfRefs(rule!);
    expect({ terminals: [...got.terminals].sort(), rules: [...got.rules].sort() }).toEqual({ terminals: [...want.terminals].sort(), rules: [...want.rules].sort() });
  });
});

describe('generated content', () => {
  const file = (path: string): string => generated.find((f) => f.path === path)!.content;

  it('diagrams.html loads nothing from elsewhere and names no remote address', () => {
    const html = file('grammar/diagrams.html');
    expect(html).not.toMatch(/<script[^>]*\bsrc=|<link\b|@import|url\(/i);
    const urls = [...html.matchAll(/[a-z]+:\/\/[^\s'"<>)]+/gi)].map((m) => m[0]);
    expect(urls.filter((u) => !namespaceUrl.test(u))).toEqual([]);
  });

  it('diagrams.html draws every parser rule', () => {
    const html = file('grammar/diagrams.html');
    for (const r of Object.keys(getParser().getGAstProductions())) expect(html).toContain(`"name": "${r}"`);
    expect(html).toContain('main.drawDiagramsFromSerializedGrammar');
  });

  it('facts.md has one row per fact of each standard vocabulary', () => {
    const rows = file('docs/facts.md').split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Write'));
    expect(rows.map((r) => r.split(' | ')[0]!.slice(2))).toEqual(standardVocabularies().flatMap((v) => v.facts.map((f) => f.words)));
  });

  it('SPEC.md carries the EBNF of every rule', () => {
    const spec = file('grammar/SPEC.md');
    for (const r of extractEbnf(parserSource())) expect(spec).toContain(`${r.name} := `);
  });
});
