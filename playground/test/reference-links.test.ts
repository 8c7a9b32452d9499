// End-to-end: the Reference panel opened from the editor's hovers, by keyboard, in Chromium. A
// keyword's hover links to its section of the specification; a problem's hover links its code to the
// code's entry in the diagnostics catalog. Each link is reached with Tab and followed with Enter.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, playgroundSession, setText } from './support/browser.ts';

type Hook = { guidelinePlayground: { cursorAt(s: string, into: number): boolean; text(): string } };

describe.skipIf(!hasChromium)('the Reference panel from the editor\'s hovers', () => {
  const session = playgroundSession();
  let page: Page;
  beforeAll(() => void (page = session.page));

  /**
   * Shows the hover at the cursor's place (Ctrl+K Ctrl+I), and once it shows the link focuses it (the
   * same keys again: they focus a hover only when it is already shown, and the hover waits on the
   * language worker), then follows its link by keyboard.
   */
  async function followHoverLink(needle: string, into: number, link: RegExp): Promise<void> {
    await page.evaluate(([n, i]) => (window as unknown as Hook).guidelinePlayground.cursorAt(n as string, i as number), [needle, into]);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await expect.poll(() => page.locator('.monaco-hover:not(.hidden) a').filter({ hasText: link }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-hover'))).toBe(true);
    for (let i = 0; i < 10 && !(await page.evaluate((src) => new RegExp(src).test(document.activeElement?.textContent ?? ''), link.source)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
  }

  const shownSection = (): Promise<string | null> => page.getAttribute('.ref-view .ref-section', 'data-section');

  it('a keyword\'s hover opens its section of the specification', async () => {
    await followHoverLink('criterion visit-count', 3, /^Open "3\.4 Criteria" in the Reference$/);
    await expect.poll(() => page.getAttribute('[role=tab][data-tab=reference]', 'aria-selected')).toBe('true');
    await expect.poll(shownSection).toBe('3.4 Criteria');
  });

  it('a problem\'s hover opens its code\'s entry in the diagnostics catalog', async () => {
    const text = await page.evaluate(() => (window as unknown as Hook).guidelinePlayground.text());
    await setText(page, text.replace('require completed visits', 'require completd visits'));
    await page.waitForSelector('.problem-error');
    const code = (await page.textContent('.problem-error .code'))!;
    await followHoverLink('completd visits', 3, new RegExp(`^${code}$`));
    await expect.poll(shownSection).toMatch(new RegExp(`^${code} `));
    expect(session.errors).toEqual([]);
  });
});
