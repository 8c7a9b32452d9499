// What the `guideline` command prints to a terminal from outside text (cases, guidelines, file
// names): every control, format and bidirectional character shown as its escape, so that no input
// can hide, reorder or forge what a reviewer reads.
import { describe, expect, it } from 'vitest';
import { printable } from '../packages/cli/src/render.ts';
import { seedCase } from './support/case-factory.ts';
import { runCli, scratch } from './support/cli.ts';

const { file } = scratch('guideline-printable-');

/** What must never reach the terminal raw: C0 but the line feed, DEL, C1, bidi controls, other format characters. */
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2028\u2029]/u;

describe('printable', () => {
  it.each([
    ['plain text, accents, CJK and emoji', 'Physical therapy é 中 😀', 'Physical therapy é 中 😀'],
    ['ESC hiding what follows (SGR 8)', 'Medically necessary\u001b[8m', 'Medically necessary\\x1b[8m'],
    ['a colour', '\u001b[32mgreen\u001b[0m', '\\x1b[32mgreen\\x1b[0m'],
    ['setting the window title (OSC)', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['clearing the screen', '\u001b[2J\u001b[H', '\\x1b[2J\\x1b[H'],
    ['NUL', 'a\u0000b', 'a\\x00b'],
    ['backspace and carriage return', 'deny\u0008\u0008\u0008\u0008allow\rX', 'deny\\x08\\x08\\x08\\x08allow\\rX'],
    ['line feed and tab', 'a\nb\tc', 'a\\nb\\tc'],
    ['DEL', 'a\u007f', 'a\\x7f'],
    ['C1 control sequence introducer', '\u009b31m', '\\x9b31m'],
    ['right-to-left override', 'abc\u202edef', 'abc\\u202edef'],
    ['the other bidi embeddings and overrides', '\u202a\u202b\u202c\u202d', '\\u202a\\u202b\\u202c\\u202d'],
    ['bidi isolates', '\u2066\u2067\u2068\u2069', '\\u2066\\u2067\\u2068\\u2069'],
    ['Arabic letter mark, LRM, RLM', '\u061c\u200e\u200f', '\\u061c\\u200e\\u200f'],
    ['zero-width space, joiners, word joiner', '\u200b\u200c\u200d\u2060', '\\u200b\\u200c\\u200d\\u2060'],
    ['byte-order mark and soft hyphen', '\ufeffx\u00ad', '\\ufeffx\\xad'],
    ['line and paragraph separators', '\u2028\u2029', '\\u2028\\u2029'],
    ['lone surrogates', '\ud800x\udc00', '\\ud800x\\udc00'],
  ])('%s', (_, text, shown) => {
    expect(printable(text)).toBe(shown);
    expect(printable(text)).not.toMatch(raw);
  });
});

describe('human output escapes what came from outside', () => {
  const hostile = '\u001b[8m\u001b]0;t\u0007\u202e\u0000';
  const hostileShown = '\\x1b[8m\\x1b]0;t\\x07\\u202e\\x00';

  it('a determination: the request text, the case id', () => {
    const c = { ...seedCase(), id: `id${hostile}`, request: { ...seedCase().request, text: `PT 2 times 4:  Medically necessary${hostile}` } };
    const r = runCli(['check', '--case', file('hostile.json', JSON.stringify(c))]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(raw);
    expect(r.stdout.split('\n')[0]).toBe(`PT 2 times 4:  Medically necessary${hostileShown}:  Not medically necessary   [id${hostileShown}]`);
  });

  it('case problems, and the file name they are reported with', () => {
    const c = { ...seedCase(), review: '\u009b2J', request: { ...seedCase().request, treatment: 7 } };
    const r = runCli(['check', '--case', file(`bad${hostile.replace('\u0000', '')}.json`, JSON.stringify(c))]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(raw);
    expect(r.stderr).toContain('bad\\x1b[8m');
    expect(r.stderr).toContain('got "\\x9b2J"');
  });

  it('a guideline: diagnostics quoting its text, code frames, titles in the determination', () => {
    const g = file('hostile.guideline', `guideline t.g\n  title "T${hostile}"\n  source "S", pages 1\n  covers physical-therapy\n  uses physical-medicine\ncriterion c "C${hostile}"\n  require completed visits < 3 \u001b[2J\n  otherwise "x"\npolicy p "P" jurisdiction CA first t.*\n`);
    const broken = runCli(['check', g, '--case', file('seed.json', JSON.stringify(seedCase()))]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).not.toMatch(raw);
    expect(broken.stderr).toMatch(/error L101 Unexpected character '\\x1b\['/);
    // The caret stands under the escape, as long as what was printed for the characters.
    expect(broken.stderr).toContain('> 7 |   require completed visits < 3 \\x1b[2J\n    |                                ^^^^^\n');
    const fixed = file('hostile2.guideline', `guideline t.g\n  title "T${hostile}"\n  source "S", pages 1\n  covers physical-therapy\n  uses physical-medicine\ncriterion c "C${hostile}"\n  require completed visits < 3\n  otherwise "x"\npolicy p "P" jurisdiction CA first t.*\n`);
    const r = runCli(['check', fixed, '--case', file('seed2.json', JSON.stringify(seedCase()))]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(raw);
    expect(r.stdout).toContain(`C${hostileShown}`);
  });

  it('--json keeps the text exactly, escaped as JSON', () => {
    const c = { ...seedCase(), request: { ...seedCase().request, text: `x${hostile}` } };
    const r = runCli(['check', '--case', file('hostile3.json', JSON.stringify(c)), '--json']);
    expect(JSON.parse(r.stdout).rationale).toContain(`x${hostile}`);
  });
});
