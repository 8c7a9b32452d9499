// End-to-end: the panes resized from the keyboard, in Chromium. The handle between the case and the
// results is a horizontal separator moved with the arrow keys, Home and End, its ARIA value the case's
// share; both handles' shares are kept across a reload.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, playgroundSession } from './support/browser.ts';

describe.skipIf(!hasChromium)('the panes resized from the keyboard', () => {
  const session = playgroundSession();
  let page: Page;
  beforeAll(() => void (page = session.page));

  const caseHeight = (): Promise<number> => page.$eval('#case-editor', (e) => e.getBoundingClientRect().height);
  const value = (id: string): Promise<string | null> => page.getAttribute(id, 'aria-valuenow');

  it('moves the case and results handle with the arrow keys, Home and End', async () => {
    expect(await page.getAttribute('#case-splitter', 'aria-orientation')).toBe('horizontal');
    const before = await caseHeight();
    await page.focus('#case-splitter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await value('#case-splitter')).toBe('40');
    expect(await caseHeight()).toBeGreaterThan(before);
    await page.keyboard.press('Home');
    expect(await value('#case-splitter')).toBe('10');
    await page.keyboard.press('End');
    expect(await value('#case-splitter')).toBe('75');
    await page.keyboard.press('ArrowUp');
    expect(await value('#case-splitter')).toBe('70');
  });

  it('keeps both shares across a reload', async () => {
    await page.focus('#splitter');
    await page.keyboard.press('ArrowLeft');
    expect(await value('#splitter')).toBe('53');
    const height = await caseHeight();
    await page.reload();
    await page.waitForSelector('[data-testid=decision]');
    expect([await value('#case-splitter'), await value('#splitter')]).toEqual(['70', '53']);
    await expect.poll(caseHeight).toBeCloseTo(height, 0);
    expect(session.errors).toEqual([]);
  });
});
