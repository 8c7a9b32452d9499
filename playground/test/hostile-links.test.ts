// End-to-end: share links an attacker could send, in Chromium. A link that inflates to 450 MB, a damaged
// one, one naming "__proto__" as its file: each is refused with a notice in the page and the editor still
// opens; 100,000 and 500,000 errors are listed no further than the limit, and counted.
import { compressToEncodedURIComponent } from 'lz-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { linkMaxChars, linkMaxDecodedChars, problemsShown } from '../src/limits.ts';
import { buildSite, collectErrors, editorText, hasChromium, launch, serve, setText } from './support/browser.ts';
import { bombPayload, manyErrorsHash, seedCaseText, seedFile, shareHashOf } from './support/share-attacks.ts';

describe.skipIf(!hasChromium)('share links from hostile hands', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let seedText = '';

  beforeAll(async () => {
    server = await serve(buildSite());
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh page (no storage) opened at a hash; its errors collected. */
  async function open(hash: string, ready = '[data-testid=decision]'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(server.url + hash);
    await page.waitForSelector('.monaco-editor .view-lines');
    await page.waitForSelector(ready);
    return { page, errors };
  }

  const noticeCode = (page: Page): Promise<string | null> => page.getAttribute('[data-notice=link]', 'data-code');

  it('opens the seed without a link (the text the refused links fall back to)', async () => {
    const { page, errors } = await open('');
    seedText = await editorText(page);
    expect(seedText).toContain('criterion visit-count');
    expect(await page.$('[data-notice=link]')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['a 70 KB link that lz-string inflates to 450 MB', `#share=${bombPayload(450e6)}`, 'too-large'],
    ['a link just over the inflated limit', shareHashOf({ v: 1, file: seedFile, text: 'x'.repeat(linkMaxDecodedChars), caseText: '{}' }), 'too-large'],
    ['a link longer than the limit', `#share=${'A'.repeat(linkMaxChars + 1)}`, 'link-too-long'],
    ['a truncated link', shareHashOf({ v: 1, file: seedFile, text: 'x', caseText: '{}' }).slice(0, 40), 'damaged'],
    ['file "__proto__"', shareHashOf({ v: 1, file: '__proto__', text: 'x', caseText: '{}' }), 'unsafe-file-name'],
    ['an extra field', shareHashOf({ v: 1, file: seedFile, text: 'x', caseText: '{}', run: 'now' }), 'invalid-state'],
  ])('%s: refused with a notice, the seed opens', async (_what, hash, code) => {
    const { page, errors } = await open(hash);
    expect(await noticeCode(page)).toBe(code);
    expect((await page.textContent('[data-notice=link] .notice-text'))!.length).toBeGreaterThan(0);
    expect(await editorText(page)).toBe(seedText);
    expect(await page.textContent('[data-testid=decision]')).toBe('not-medically-necessary');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a refused link\'s notice goes when the address no longer holds a link, and stays while it holds another refused one', async () => {
    const { page, errors } = await open(shareHashOf({ v: 1, file: seedFile, text: 'x', caseText: '{}' }).slice(0, 40));
    expect(await noticeCode(page)).toBe('damaged');
    await page.evaluate(() => void (location.hash = '#share=' + 'A'.repeat(10)));
    await expect.poll(() => noticeCode(page)).toBe('damaged');
    await page.evaluate(() => void (location.hash = '#notes'));
    await expect.poll(() => page.$('[data-notice=link]')).toBeNull();
    expect(await editorText(page)).toBe(seedText);
    expect(errors).toEqual([]);
    await page.close();
  });

  // One error a line; 300,000 lines is about as many as a link's 1 MiB of state holds.
  it.each([100_000, 300_000])('%i errors: the first problems listed, the rest counted', async (n) => {
    const { page, errors } = await open(manyErrorsHash(n), '.problems [data-more]');
    expect(await page.getAttribute('.problems-summary', 'data-total')).toBe(String(n));
    expect(await page.$$eval('.problems li', (xs) => xs.length)).toBe(problemsShown);
    expect(await page.getAttribute('.problems [data-more]', 'data-more')).toBe(String(n - problemsShown));
    expect(await page.$$eval('.editor-pane .squiggly-error', (xs) => xs.length)).toBeGreaterThan(0);
    expect(await page.$('[data-notice=link]')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link opening a file that neither it nor the workspace has: its case opens, beside the file open before', async () => {
    const caseText = seedCaseText.replace('"visitsCompleted": 24', '"visitsCompleted": 0');
    const { page, errors } = await open(shareHashOf({ v: 2, open: 'guidelines/nowhere/x.guideline', files: [], caseText }));
    await expect.poll(() => page.textContent('[data-testid=decision]')).toBe('medically-necessary');
    expect(await page.evaluate(() => (window as unknown as { guidelinePlayground: { file(): string } }).guidelinePlayground.file())).toBe(seedFile);
    expect(await page.inputValue('#file-select')).toBe(seedFile);
    expect(await editorText(page)).toBe(seedText);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a __proto__ key in the link state is refused, and nothing is polluted', async () => {
    const state = JSON.stringify({ v: 1, file: seedFile, text: 'x', caseText: '{}' });
    const { page, errors } = await open(`#share=${compressToEncodedURIComponent(`{"__proto__":{"polluted":true},${state.slice(1)}`)}`);
    expect(await noticeCode(page)).toBe('invalid-state');
    expect(await page.evaluate(() => ({} as Record<string, unknown>)['polluted'])).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a state too large for a link: a notice, and no link made', async () => {
    const { page, errors } = await open('');
    await setText(page, `${seedText}${'# a long comment line that makes the file too large to share\n'.repeat(Math.ceil(linkMaxDecodedChars / 60))}`);
    await page.getByRole('button', { name: 'Share link' }).click();
    await page.waitForSelector('[data-notice=link]');
    expect(await noticeCode(page)).toBe('not-shared-too-large');
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
