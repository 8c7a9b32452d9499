// End-to-end: the playground by keyboard alone, in Chromium: a case found by its guideline's title, the
// tests run and a case opened from them, the editor left by Escape, every result tab entered by Tab; an
// unknown fact marked with its code; and the theme following the system's as it changes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectErrors, editorText, hasChromium, openPlayground, playgroundSession, setText, typeAtEnd } from './support/browser.ts';

type Hook = { guidelinePlayground: { file(): string; caseText(): string; cursorLine(): string } };
const massage = 'guidelines/mtus/massage/massage.guideline';

describe.skipIf(!hasChromium)('the playground by keyboard alone', () => {
  const session = playgroundSession();
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(() => {
    ({ browser, page, errors } = session);
  });

  const file = (): Promise<string> => page.evaluate(() => (window as unknown as Hook).guidelinePlayground.file());
  const inEditor = (): Promise<boolean> => page.evaluate(() => document.activeElement?.closest('.monaco-editor') != null);
  /** Presses Tab until the focus is on an element the selector matches (Escape to leave an editor, as its hint says). */
  const tabTo = async (selector: string, max = 80): Promise<void> => {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press((await inEditor()) ? 'Escape' : 'Tab');
    }
    throw new Error(`Tab never reaches ${selector}`);
  };

  it('finds a case by its guideline\'s title, picks it by the arrow keys, and its guideline opens', async () => {
    await page.focus('body');
    await tabTo('#case-filter');
    await page.keyboard.type('massage therapy');
    const groups = await page.$$eval('#case-select optgroup', (gs) => gs.map((g) => g.getAttribute('label')));
    expect(groups).toEqual(expect.arrayContaining(['MTUS Chronic Pain Medical Treatment Guidelines: Massage Therapy', 'ODG Massage Therapy']));
    expect(groups.filter((g) => /Acupuncture/.test(g ?? ''))).toEqual([]);
    await tabTo('#case-select');
    for (let i = 0; i < 5 && !(await page.inputValue('#case-select')).startsWith('guidelines/mtus/massage/cases/'); i++) await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#case-select')).toMatch(/^guidelines\/mtus\/massage\/cases\//);
    await expect.poll(file).toBe(massage);
  });

  it('runs the tests and opens a case from them, by Tab and Enter', async () => {
    await tabTo('#run-all-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('[role=tab][data-tab=tests]', 'aria-selected')).toBe('true');
    await page.waitForSelector('.test-list li button.link');
    await tabTo('.test-list li button.link');
    const opened = await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-file'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('[role=tab][data-tab=determination]', 'aria-selected')).toBe('true');
    // The picker shows it, though the search above would leave it out, and its guideline opens with it.
    expect(opened).toBeTruthy();
    expect(await page.inputValue('#case-select')).toBe(opened);
    await expect.poll(file).toMatch(new RegExp(`^${(opened ?? '').replace(/cases\/[^/]+$/, '')}`));
  });

  it('goes from a condition\'s place in the determination to its line in the editor, and leaves it by Escape', async () => {
    await page.waitForSelector('#determination [data-criterion] .source-link');
    await tabTo('#determination [data-criterion] .source-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as Hook).guidelinePlayground.cursorLine())).toMatch(/^criterion /);
    await tabTo('.editor-pane .monaco-editor *');
    expect(await page.evaluate(() => (window as unknown as Hook).guidelinePlayground.cursorLine())).toMatch(/^criterion /);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.closest('#problems') != null)).toBe(true);
  });

  it('reaches every result tab by the arrow keys and enters each panel by Tab', async () => {
    await tabTo('[role=tab][aria-selected=true]');
    const names = await page.$$eval('[role=tab]', (ts) => ts.map((t) => t.getAttribute('data-tab')));
    await page.keyboard.press('Home');
    for (const [i, name] of names.entries()) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      expect(await page.getAttribute(`[role=tab][data-tab=${name}]`, 'aria-selected')).toBe('true');
      expect(await page.isVisible(`#tab-${name}`)).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate((n) => document.activeElement?.closest(`#tab-${n}`) != null, name)).toBe(true);
      if (name === 'diagram') {
        // A box of the picture, by Tab, then Enter: its line in the editor.
        await page.waitForSelector('[data-kind=criterion]');
        await tabTo('[data-kind=criterion]');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => (window as unknown as Hook).guidelinePlayground.cursorLine())).toMatch(/^criterion /);
      }
      if (name === 'diagram') await tabTo(`[role=tab][data-tab=${name}]`);
      else await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe(name);
    }
  }, 120_000);

  it('marks a fact no vocabulary declares with its code, in the editor and the problems list', async () => {
    const before = await editorText(page);
    await typeAtEnd(page, ['criterion z "Z"', '  require pain scroe is documented']);
    await page.waitForSelector('.editor-pane .squiggly-error');
    await expect.poll(() => page.textContent('#problems')).toContain('C301');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.closest('#problems') != null)).toBe(true);
    await setText(page, before);
    await page.waitForSelector('.editor-pane .squiggly-error', { state: 'detached' });
  });

  it('follows the system\'s theme, dark or light, and its changes', async () => {
    const p = await (await browser.newContext({ viewport: { width: 1024, height: 768 }, colorScheme: 'dark' })).newPage();
    const pErrors = collectErrors(p);
    await openPlayground(p, session.url);
    const theme = (): Promise<{ page: number; editor: boolean }> => p.evaluate(() => {
      const [r, g, b] = (getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g) ?? []).map(Number);
      return { page: ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 3, editor: document.querySelector('.editor-pane .monaco-editor')?.classList.contains('vs-dark') ?? false };
    });
    const dark = await theme();
    expect(dark.page).toBeLessThan(80);
    expect(dark.editor).toBe(true);
    await p.emulateMedia({ colorScheme: 'light' });
    await expect.poll(async () => (await theme()).editor).toBe(false);
    expect((await theme()).page).toBeGreaterThan(180);
    expect(pErrors).toEqual([]);
    await p.context().close();
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
