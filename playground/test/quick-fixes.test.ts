// End-to-end, in Chromium: a problem the editor knows how to put right offers a quick fix (the
// lightbulb, Ctrl+.), and applying it clears the marker.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, hasChromium, playgroundSession, setText, typeAtEnd } from './support/browser.ts';

type Hook = { guidelinePlayground: { cursorAt(needle: string, into?: number): boolean } };

describe.skipIf(!hasChromium)('quick fixes', () => {
  const session = playgroundSession();
  let page: Page;
  let bundled: string;

  beforeAll(() => {
    page = session.page;
  });

  it('offers the fix of a misspelt fact, and applying it clears the marker', async () => {
    bundled = await editorText(page);
    await typeAtEnd(page, ['criterion z "Z"', '  require completed vists > 0', '  otherwise "no"']);
    await page.waitForSelector('.editor-pane .squiggly-error');
    expect(await page.textContent('#problems')).toContain('C301');
    await page.evaluate(() => (window as unknown as Hook).guidelinePlayground.cursorAt('completed vists', 12));
    await page.waitForSelector('.editor-pane .lightBulbWidget');
    await page.keyboard.press('Control+Period');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Change to 'completed visits'" });
    await fix.waitFor();
    await fix.click();
    await expect.poll(() => editorText(page)).toContain('  require completed visits > 0\n');
    await page.waitForSelector('.editor-pane .squiggly-error', { state: 'detached' });
    expect(await page.textContent('#problems')).not.toContain('C301');
    await setText(page, bundled);
  });
});
