// End-to-end: local storage full (another page of the site filled it). A change that cannot be saved is
// said in the page until a save succeeds; a reload of the tab shows the latest work, a new tab the last
// saved one, and each says which it is; once there is room again, saving resumes and the notice goes.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectErrors, editorText, hasChromium, openPlayground, playgroundSession, setText } from './support/browser.ts';

describe.skipIf(!hasChromium)('work kept when browser storage is full', () => {
  const session = playgroundSession({ viewport: { width: 1400, height: 900 } });
  let browser: Browser;
  let context: BrowserContext;
  let server: { url: string };
  let page: Page;
  let errors: string[];
  let seed = '';

  beforeAll(async () => {
    ({ browser, context, page, errors } = session);
    server = { url: session.url };
    seed = await editorText(page);
  });

  const storageNotice = (p: Page): Promise<string | null> => p.getAttribute('[data-notice=storage]', 'data-code', { timeout: 1000 }).catch(() => null);
  const saved = (p: Page, text: string): Promise<boolean> => p.evaluate((t) => (localStorage.getItem('guideline-playground:v1') ?? '').includes(t), text);

  /** Fills local storage to the last character it takes, as another page of the same site could. */
  const fillStorage = (p: Page): Promise<number> =>
    p.evaluate(() => {
      let chunk = 'x'.repeat(1 << 20);
      let i = 0;
      let filled = 0;
      while (chunk.length) {
        try {
          localStorage.setItem(`other-page-${i++}`, chunk);
          filled += chunk.length;
        } catch {
          chunk = chunk.slice(0, chunk.length >> 1);
        }
      }
      // A new item costs its key's length too, so up to a key's length may be left: lengthen the
      // first item (a replacement costs only what it adds) to the last character.
      for (let first = localStorage.getItem('other-page-0') ?? ''; ; filled++) {
        try {
          localStorage.setItem('other-page-0', (first += 'x'));
        } catch {
          break;
        }
      }
      return filled;
    });

  it('saves an edit', async () => {
    await setText(page, `${seed}# saved edit\n`);
    await expect.poll(() => saved(page, '# saved edit')).toBe(true);
    expect(await storageNotice(page)).toBeNull();
  });

  it('says, and keeps saying, that an edit was not saved while storage is full', async () => {
    expect(await fillStorage(page)).toBeGreaterThan(0);
    await setText(page, `${seed}# unsaved edit\n`);
    await expect.poll(() => storageNotice(page)).toBe('not-saved');
    expect(await page.isVisible('[data-notice=storage] button:has-text("Download your work")')).toBe(true);
    expect(await page.$('[data-notice=storage] button:has-text("Dismiss")')).toBeNull();
    await setText(page, `${seed}# another unsaved edit\n`);
    await page.waitForTimeout(600); // past the save delay: the notice is still there
    expect(await storageNotice(page)).toBe('not-saved');
    expect(await saved(page, '# another unsaved edit')).toBe(false);
  });

  it('offers the work as a download', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-notice=storage] button:has-text("Download your work")')]);
    const path = await download.path();
    const body = JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, string> };
    expect(Object.values(body.files).join('')).toContain('# another unsaved edit');
  });

  it('a reload of the tab shows the latest work and says where it came from', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid=decision]');
    expect(await editorText(page)).toContain('# another unsaved edit');
    expect(await storageNotice(page)).toBe('from-tab');
  });

  it('a new tab shows the last saved work and says that later changes were not saved', async () => {
    const other = await context.newPage();
    const otherErrors = collectErrors(other);
    await openPlayground(other, server.url);
    expect(await editorText(other)).toContain('# saved edit');
    expect(await storageNotice(other)).toBe('older');
    expect(otherErrors).toEqual([]);
    await other.close();
  });

  it('saves again once there is room, and the notice goes', async () => {
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('other-page-')) localStorage.removeItem(k);
    });
    await setText(page, `${seed}# saved again\n`);
    await expect.poll(() => saved(page, '# saved again')).toBe(true);
    await expect.poll(() => storageNotice(page)).toBeNull();
    const other = await context.newPage();
    await openPlayground(other, server.url);
    expect(await editorText(other)).toContain('# saved again');
    expect(await storageNotice(other)).toBeNull();
    await other.close();
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
