// Share links from hostile hands: bounded inflating (a bomb stops at the limit), strict state (exact
// fields, safe file names), a named problem for every refusal, and the same text as lz-string otherwise.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { linkMaxChars, linkMaxDecodedChars, linkMaxFiles } from '../src/limits.ts';
import { inflateLink } from '../src/link-inflate.ts';
import { isAcceptableFileName, makeShareLink, readShareLink, type ShareLinkRead } from '../src/share-link.ts';
import { bombPayload, manyErrorsHash, pastDictionaryPayload, seedFile, shareHashOf } from './support/share-attacks.ts';

const workspace = new Set([seedFile]);
const problem = (r: ShareLinkRead | undefined): string => (r === undefined ? 'none' : r.ok ? 'ok' : r.problem);
const state = { v: 1, file: seedFile, text: 'criterion x\n', caseText: '{}' };
const state2 = { v: 2, open: seedFile, files: [[seedFile, 'criterion x\n'], ['guidelines/mine/new-rules.guideline', 'criterion y\n']], caseText: '{}' };

describe('inflateLink', () => {
  it.each(['', 'a', 'criterion visit-count "Visits"\n  require x', 'ünïcödé ✓ \u{1F600}', 'ab'.repeat(5000)])('%j: the text lz-string compressed', (text) => {
    expect(inflateLink(compressToEncodedURIComponent(text), Infinity)).toEqual({ ok: true, text });
  });

  it('stops a bomb at the limit, having produced no more than it', () => {
    const payload = bombPayload(450e6); // a 70 KB link that lz-string inflates to 450 MB
    expect(payload.length).toBeLessThan(75_000);
    const r = inflateLink(payload, linkMaxDecodedChars);
    expect(r).toMatchObject({ ok: false, error: 'too-large' });
    expect(r.ok || r.produced <= linkMaxDecodedChars).toBe(true);
  });

  it.each([
    ['a character outside the alphabet', 'damaged', 'N4Ig*', 100],
    ['a stream cut short', 'damaged', compressToEncodedURIComponent('criterion x').slice(0, 4), 100],
    ['a code past the dictionary', 'damaged', pastDictionaryPayload(), 100],
    ['a text one character over the limit', 'too-large', compressToEncodedURIComponent('abc'), 2],
    ['a first character over a limit of 0', 'too-large', compressToEncodedURIComponent('a'), 0],
  ])('%s: %s', (_what, error, payload, max) => {
    expect(inflateLink(payload, max)).toMatchObject({ ok: false, error });
  });

  it('reads a space as the + it was before a mail client changed it', () => {
    const payload = compressToEncodedURIComponent('x'.repeat(300) + 'yz'.repeat(200));
    expect(payload).toContain('+');
    expect(inflateLink(payload.replaceAll('+', ' '), Infinity)).toEqual({ ok: true, text: decompressFromEncodedURIComponent(payload) });
  });
});

describe('readShareLink', () => {
  it.each([
    ['no share link', '', 'none'],
    ['another hash', '#section', 'none'],
    ['the state', shareHashOf(state), 'ok'],
    ['a percent-encoded link', `#share=${encodeURIComponent(shareHashOf(state).slice(7))}`, 'ok'],
    ['an empty payload', '#share=', 'damaged'],
    ['not a stream', '#share=%%%', 'damaged'],
    ['a truncated link', shareHashOf(state).slice(0, 30), 'damaged'],
    ['text, not JSON', `#share=${compressToEncodedURIComponent('not json')}`, 'damaged'],
    ['a bomb', `#share=${bombPayload(450e6)}`, 'too-large'],
    ['a link over the length limit', `#share=${'A'.repeat(linkMaxChars + 1)}`, 'link-too-long'],
    ['100,000 errors in a couple of KB: a valid state (the editor bounds what it shows)', manyErrorsHash(100_000), 'ok'],
    ['an array', shareHashOf([state]), 'invalid-state'],
    ['null', shareHashOf(null), 'invalid-state'],
    ['an extra field', shareHashOf({ ...state, extra: 1 }), 'invalid-state'],
    ['a __proto__ field', `#share=${compressToEncodedURIComponent(`{"__proto__":{"polluted":1},${JSON.stringify(state).slice(1)}`)}`, 'invalid-state'],
    ['no version', shareHashOf({ ...state, v: undefined }), 'invalid-state'],
    ['a later version', shareHashOf({ ...state, v: 3 }), 'unsupported-version'],
    ['version 2: every edited file', shareHashOf(state2), 'ok'],
    ['version 2 with version 1 fields', shareHashOf({ ...state2, file: seedFile }), 'invalid-state'],
    ['version 2, a file twice', shareHashOf({ ...state2, files: [[seedFile, 'a'], [seedFile, 'b']] }), 'invalid-state'],
    ['version 2, a file that is not a pair', shareHashOf({ ...state2, files: [[seedFile]] }), 'invalid-state'],
    ['version 2, files an object', shareHashOf({ ...state2, files: { [seedFile]: 'x' } }), 'invalid-state'],
    ['version 2, more files than a link carries', shareHashOf({ ...state2, files: Array.from({ length: linkMaxFiles + 1 }, (_, i) => [`guidelines/f${i}.guideline`, '']) }), 'invalid-state'],
    ['version 2, an unsafe file', shareHashOf({ ...state2, files: [['__proto__', 'x']] }), 'unsafe-file-name'],
    ['version 2, an unsafe open file', shareHashOf({ ...state2, open: '../x' }), 'unsafe-file-name'],
    ['a text that is not a string', shareHashOf({ ...state, text: ['x'] }), 'invalid-state'],
    ['a case that is not a string', shareHashOf({ ...state, caseText: {} }), 'invalid-state'],
    ['file "__proto__"', shareHashOf({ ...state, file: '__proto__' }), 'unsafe-file-name'],
    ['file "constructor"', shareHashOf({ ...state, file: 'constructor' }), 'unsafe-file-name'],
    ['a file outside guidelines/', shareHashOf({ ...state, file: '../../etc/passwd' }), 'unsafe-file-name'],
    ['a dot segment', shareHashOf({ ...state, file: 'guidelines/../x.guideline' }), 'unsafe-file-name'],
    ['a new safe file name', shareHashOf({ ...state, file: 'guidelines/mine/new-rules.guideline' }), 'ok'],
  ])('%s', (_what, hash, expected) => {
    expect(problem(readShareLink(hash, workspace))).toBe(expected);
  });

  it('keeps hostile text in a problem short', () => {
    const r = readShareLink(shareHashOf({ ...state, file: 'x'.repeat(100_000) }), workspace);
    expect(r).toMatchObject({ ok: false, problem: 'unsafe-file-name' });
    expect(!r?.ok && (r?.detail ?? '').length).toBeLessThan(80);
  });
});

describe('makeShareLink', () => {
  it('makes a link readShareLink opens to the same state', () => {
    const shared = { open: seedFile, files: [{ file: seedFile, text: 'criterion x\n' }, { file: 'guidelines/a/b.guideline', text: '' }], caseText: '{}' };
    const made = makeShareLink(shared);
    expect(made.ok && readShareLink(made.hash, workspace)).toEqual({ ok: true, state: shared });
  });

  it('opens a version 1 link as its one file', () => {
    expect(readShareLink(shareHashOf(state), workspace)).toEqual({ ok: true, state: { open: seedFile, files: [{ file: seedFile, text: state.text }], caseText: '{}' } });
  });

  it('refuses a state larger than a link may inflate to', () => {
    expect(makeShareLink({ open: seedFile, files: [{ file: seedFile, text: 'x'.repeat(linkMaxDecodedChars) }], caseText: '' })).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('refuses more files than a link may carry', () => {
    const files = Array.from({ length: linkMaxFiles + 1 }, (_, i) => ({ file: `guidelines/f${i}.guideline`, text: '' }));
    expect(makeShareLink({ open: seedFile, files, caseText: '' })).toMatchObject({ ok: false, problem: 'too-many-files' });
  });
});

describe('isAcceptableFileName', () => {
  it.each([
    [seedFile, true],
    ['guidelines/a/b.guideline', true],
    ['guidelines/a.guideline', true],
    ['guidelines/A/b.guideline', false],
    ['guidelines/a/.b.guideline', false],
    ['guidelines/a//b.guideline', false],
    ['guidelines/a/b.guideline/', false],
    ['guidelines/__proto__/b.guideline', false],
    ['hasOwnProperty', false],
    [`guidelines/${'a'.repeat(200)}.guideline`, false],
  ])('%s: %s', (name, ok) => {
    expect(isAcceptableFileName(name, workspace)).toBe(ok);
  });
});
