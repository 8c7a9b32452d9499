// End-to-end: versions taken automatically and restored, in Chromium. An edited file left alone a few
// seconds gets a version of its own; after more edits, restoring it puts its text back, and Undo puts
// back the text the restore replaced. Reset takes a version of each edited file before discarding it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, hasChromium, playgroundSession, typeAtEnd } from './support/browser.ts';

describe.skipIf(!hasChromium)('versions taken automatically and restored', () => {
  const session = playgroundSession();
  let page: Page;
  beforeAll(() => void (page = session.page));

  const versionLabels = (): Promise<string[]> => page.$$eval('#compare-select option', (os) => os.map((o) => o.textContent ?? ''));
  const automatic = async (): Promise<number> => (await versionLabels()).filter((l) => l.startsWith('the version taken automatically')).length;

  it('takes a version of an edited file left alone, restores it after more edits, and undoes the restore', async () => {
    await typeAtEnd(page, ['# first edit']);
    const first = await editorText(page);
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await expect.poll(automatic, { timeout: 15_000 }).toBe(1);
    await typeAtEnd(page, ['# second edit']);
    const second = await editorText(page);
    expect(second).not.toBe(first);
    await page.selectOption('#compare-select', 'v0');
    await page.click('#restore-version-button');
    await expect.poll(() => editorText(page)).toBe(first);
    // The text the restore replaced was kept as a version too, before it went.
    expect((await versionLabels())[1]).toMatch(/^the version taken automatically/);
    await page.locator('[data-notice=version]').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => editorText(page)).toBe(second);
  });

  // A version is taken a few seconds after the last edit; one chosen meanwhile stays chosen, not the first in the list.
  it('keeps the version chosen when one is taken automatically', async () => {
    await typeAtEnd(page, ['# chosen edit']);
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.click('#save-version-button');
    const chosen = (): Promise<string> => page.$eval('#compare-select', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    expect(await chosen()).toMatch(/^the version saved/);
    const before = await automatic();
    await typeAtEnd(page, ['# later edit']);
    await expect.poll(automatic, { timeout: 15_000 }).toBe(before + 1);
    expect(await chosen()).toMatch(/^the version saved/);
    expect(await page.$eval('#compare-select', (s) => (s as HTMLSelectElement).value)).toBe('v1');
  });

  it('takes a version of each edited file before Reset discards it', async () => {
    await typeAtEnd(page, ['# third edit']);
    const edited = await editorText(page);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('button', { name: 'Discard my edits' }).click();
    await expect.poll(() => editorText(page)).not.toBe(edited);
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.selectOption('#compare-select', 'v0');
    await page.click('#restore-version-button');
    await expect.poll(() => editorText(page)).toBe(edited);
    expect(session.errors).toEqual([]);
  });
});
