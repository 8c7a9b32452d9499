// Acceptances: `# accept CODE: why` (or `# accept CODE (words of the message): why`) in the comment
// block directly above the line a finding is located at marks that finding accepted, with the
// reason; one without a reason (A614) or that accepts nothing (A613) is a finding at its comment,
// marked `<|…|>`. Findings are asserted by code, line and what accepted them.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../language/src/index.ts';
import { markers } from '../../language/test/support/markers.ts';
import { analyzeRules, type AcceptingSource } from '../src/index.ts';

/** A guideline whose criterion `x` is never met (A604, at `criterion x`), with `above` written right above it. */
const program = (above: string): string => `guideline a.b
  title "T"
  source "S", pages 1-2
  covers physical-therapy
  uses physical-medicine
${above}criterion x "X"
  require completed visits < 0
  otherwise "no"

policy p "P"
  jurisdiction CA
  first a.b
`;

interface Seen {
  code: string;
  accepted?: string;
  range?: { start: number; end: number };
}

async function seen(input: string, borrowed = false): Promise<{ found: Seen[]; marked: { start: number; end: number }[] }> {
  const { text, ranges } = markers(input);
  const source: AcceptingSource = { text, file: 'g.guideline', borrowed };
  const r = compileProgram([source]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const report = await analyzeRules(r.rules!, { sources: [source], examples: false });
  const found = report.findings.map((f) => ({ code: f.code, ...(f.accepted === undefined ? {} : { accepted: f.accepted }), ...(f.code === 'A604' ? {} : { range: f.range }) }));
  return { found, marked: ranges };
}

describe('acceptances', () => {
  it.each<[string, string, Seen[]]>([
    ['no acceptance', '', [{ code: 'A604' }]],
    ['right above, with a reason', '# accept A604: no visit count is negative, on purpose\n', [{ code: 'A604', accepted: 'no visit count is negative, on purpose' }]],
    ['the reason run on over the lines below', '# accept A604: one\n#   two\n', [{ code: 'A604', accepted: 'one two' }]],
    ['the reason ended by an empty comment line', '# accept A604: one\n#\n# other words\n', [{ code: 'A604', accepted: 'one' }]],
    ['last of a block of comments', '# Why it stands.\n# accept A604: by design\n', [{ code: 'A604', accepted: 'by design' }]],
    ['naming words of the message', "# accept A604 (Criterion 'x'): by design\n", [{ code: 'A604', accepted: 'by design' }]],
  ])('%s', async (_, above, expected) => {
    expect((await seen(program(above))).found).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['a blank line between it and the declaration: it accepts nothing', '<|# accept A604: by design|>\n\n', 'A613'],
    ['another code: it accepts nothing', '<|# accept A606: by design|>\n', 'A613'],
    ['words the message does not have: it accepts nothing', "<|# accept A604 (Criterion 'y'): by design|>\n", 'A613'],
    ['no reason: refused', '<|# accept A604|>\n', 'A614'],
    ['only a colon: refused', '<|# accept A604:|>\n', 'A614'],
  ])('%s', async (_, above, code) => {
    const { found, marked } = await seen(program(above));
    expect(found).toEqual([{ code: 'A604' }, { code, range: marked[0] }]);
  });

  it('a comment after code on its line is no acceptance', async () => {
    const text = program('').replace('criterion x "X"', 'criterion x "X" # accept A604: by design');
    expect((await seen(text)).found).toEqual([{ code: 'A604' }]);
  });

  it('an acceptance of a borrowed file that accepts nothing is not reported (its guidelines may not be analysed)', async () => {
    expect((await seen(program('# accept A606: by design\n'), true)).found).toEqual([{ code: 'A604' }]);
  });

  it('without sources, nothing is accepted', async () => {
    const r = compileProgram([{ text: program('# accept A604: by design\n'), file: 'g.guideline' }]);
    const report = await analyzeRules(r.rules!, { examples: false });
    expect(report.findings.map((f) => [f.code, f.accepted])).toEqual([['A604', undefined]]);
  });

  it('says what an acceptance without a reason needs, and what a stale one accepts', async () => {
    const text = program('# accept A604 (x)\n\n# accept A606: by design\n');
    const r = compileProgram([{ text, file: 'g.guideline' }]);
    const report = await analyzeRules(r.rules!, { sources: [{ text, file: 'g.guideline' }], examples: false });
    expect(report.findings.filter((f) => f.code !== 'A604').map((f) => f.message)).toEqual([
      'Nothing to accept: no A606 finding is located at the line below this acceptance',
      "An acceptance of A604 (x) needs a reason after the code ('# accept A604 (x): why'); without one it accepts nothing",
    ]);
  });
});
