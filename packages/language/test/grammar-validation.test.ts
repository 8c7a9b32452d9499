// The grammar passes Chevrotain's own checks (ambiguities, left recursion, unreachable
// alternatives). The parsers in use skip them when they are made (they cost a third of making one,
// which every cold command pays), so this test is where they run.
import { describe, expect, it } from 'vitest';
import * as T from '../src/tokens.ts';
import { ParserBase } from '../src/parser/base.ts';
import { GuidelineParser } from '../src/parser/index.ts';

/** A parser with two alternatives that start alike: Chevrotain's checks say so, when they run. */
class Ambiguous extends ParserBase {
  readonly start = this.rule('start', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME2(T.Identifier) }]);
  });

  constructor(validateGrammar: boolean) {
    super(false, validateGrammar);
    this.performSelfAnalysis();
  }
}

describe('the grammar under Chevrotain\'s checks', () => {
  it.each([true, false])('the guideline grammar has no definition error (recovering: %s)', (recovering) => {
    expect(() => new GuidelineParser(recovering, true)).not.toThrow();
  });

  it('the checks run when asked, and find an ambiguity', () => {
    expect(() => new Ambiguous(true)).toThrow(/Ambiguous Alternatives Detected/);
    expect(() => new Ambiguous(false)).not.toThrow();
  });
});
