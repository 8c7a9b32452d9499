// The grammar: tokens -> AST, with error recovery. The parser is built up in layers, one file each:
// base.ts (the machinery), expressions.ts, declarations.ts (guidelines, criteria, policies),
// vocabulary.ts (vocabularies, facts, records, defines), tables.ts, and here the file itself.
// Each rule carries its EBNF line from grammar/SPEC.md.
import type * as A from '../ast.ts';
import type { Range } from '../diagnostics.ts';
import * as T from '../tokens.ts';
import { L, tokenRange } from './base.ts';
import type { HeaderClause } from './declarations.ts';
import { TableParser } from './tables.ts';

export { unquote, type NodeReport } from './base.ts';

/** A declaration that belongs to the one above it (a guideline, vocabulary, record or policy). */
export type Member = A.ClassDecl | A.RecommendBlock | A.TableDecl | A.CriterionDecl | A.FactDecl | A.RecordDecl | A.DefineDecl | A.UseDecl | A.UnitDecl;

/** One declaration, or one token no declaration could take, as the parser found them. */
export type Item =
  | { kind: 'guideline'; node: A.GuidelineDecl }
  | { kind: 'policy'; node: A.PolicyDecl }
  | { kind: 'vocabulary'; node: A.VocabularyDecl }
  | { kind: 'member'; node: Member }
  /** A header clause the parser found on its own, after an error broke the header it belongs to. */
  | { kind: 'clause'; node: A.GuidelineDecl }
  | { kind: 'junk'; image: string; range: Range };

type Declaration = A.GuidelineDecl | A.PolicyDecl | A.VocabularyDecl | Member;

function itemOf(decl: Declaration): Item {
  switch (decl.kind) {
    case 'GuidelineDecl': return { kind: 'guideline', node: decl };
    case 'PolicyDecl': return { kind: 'policy', node: decl };
    case 'VocabularyDecl': return { kind: 'vocabulary', node: decl };
    default: return { kind: 'member', node: decl };
  }
}

export class GuidelineParser extends TableParser {
  // file := (guidelineDecl | vocabularyDecl | classDecl | recommendBlock | tableDecl | criterionDecl | useDecl
  //          | unitDecl | factDecl | recordDecl | defineDecl | policyDecl | headerClause)*
  // Declarations follow each other flat (members belong to the declaration above them), and a token no
  // declaration can take is skipped and reported, so one broken line never hides the rest of the file.
  file = this.rule('file', (): Item[] => {
    const items: Item[] = (this.items = []);
    try {
      this.MANY(this.fileItem);
    } catch (e) {
      const decl = this.inner<Declaration>(e);
      if (decl) items.push(itemOf(decl));
      throw this.unfinished(e, items);
    }
    return items;
  });

  // The rule's alternatives, made once (the rule is never inside itself): they add to `items`.
  private items: Item[] = [];
  private readonly fileItem = (): void => this.OR(this.fileItems);
  private readonly add = (d: Declaration): void => {
    this.items.push(itemOf(d));
  };
  private readonly fileItems = {
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => this.add(this.SUBRULE(this.guidelineDecl)) },
      { ALT: () => this.add(this.SUBRULE(this.vocabularyDecl)) },
      { ALT: () => this.add(this.SUBRULE(this.classDecl)) },
      { ALT: () => this.add(this.SUBRULE(this.recommendBlock)) },
      { ALT: () => this.add(this.SUBRULE(this.tableDecl)) },
      { ALT: () => this.add(this.SUBRULE(this.criterionDecl)) },
      { GATE: () => this.nextIs('use') && this.LA(2).tokenType === T.CriterionKw, ALT: () => this.add(this.SUBRULE(this.useDecl)) },
      { GATE: () => this.unitDeclAhead(), ALT: () => this.add(this.SUBRULE(this.unitDecl)) },
      { ALT: () => this.add(this.SUBRULE(this.factDecl)) },
      { ALT: () => this.add(this.SUBRULE(this.recordDecl)) },
      { ALT: () => this.add(this.SUBRULE(this.defineDecl)) },
      { ALT: () => this.add(this.SUBRULE(this.policyDecl)) },
      {
        // A header clause standing alone: the header it belongs to was broken by an error before it.
        ALT: () => {
          const from = this.here();
          const found = (clause: HeaderClause | undefined): void => {
            if (clause && !this.RECORDING_PHASE) this.items.push({ kind: 'clause', node: this.guideline(from, undefined, undefined, [clause]) });
          };
          try {
            found(this.SUBRULE2(this.headerClause));
          } catch (e) {
            // An unfinished clause is still a clause (not a member of the declaration above).
            found(this.inner<HeaderClause>(e));
            throw this.unfinished(e, undefined);
          }
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(T.AnyToken, L.junk);
          if (!this.RECORDING_PHASE) this.items.push({ kind: 'junk', image: t.image, range: tokenRange(t) });
        },
      },
    ],
  };

  constructor(recovering = true, validateGrammar = false) {
    super(recovering, validateGrammar);
    this.performSelfAnalysis();
  }
}

let recovering: GuidelineParser | undefined;
let failing: GuidelineParser | undefined;
/**
 * A shared parser instance (self-analysis runs once per instance, on first use): by default the
 * one that recovers from errors; `{ recovering: false }` gives the one that stops at the first.
 */
export function getParser(options: { recovering?: boolean } = {}): GuidelineParser {
  if (options.recovering === false) return (failing ??= new GuidelineParser(false));
  return (recovering ??= new GuidelineParser(true));
}
