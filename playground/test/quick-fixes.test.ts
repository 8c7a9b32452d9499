// End-to-end, in Chromium: a problem the editor knows how to put right offers a quick fix (the
// lightbulb, Ctrl+.), and applying it clears the marker; a new file's guideline, which no policy
// consults, is analysed under a stand-in policy as `guideline analyze` does.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, hasChromium, playgroundSession, setText, typeAtEnd } from './support/browser.ts';

type Hook = { guidelinePlayground: { file(): string; findingCodes(): string[]; cursorAt(needle: string, into?: number): boolean } };

/** A guideline no bundled policy consults, with a criterion no case can meet (A604 at line 6). */
const lone = `guideline acme.lone
  title  "Lone"
  source "Acme", 2024, pages 1-2
  covers physical-therapy
  uses   physical-medicine
criterion cap "Cap"
  require completed visits < 0
  otherwise "Never."
`;

describe.skipIf(!hasChromium)('quick fixes, and the analysis of a new file', () => {
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

  it('analyses a new file\'s guideline, which no policy consults, under a stand-in policy', async () => {
    await page.click('#new-file-button');
    await page.fill('#new-file-name', 'guidelines/acme/lone.guideline');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as Hook).guidelinePlayground.file())).toBe('guidelines/acme/lone.guideline');
    await setText(page, lone);
    await expect.poll(() => page.evaluate(() => (window as unknown as Hook).guidelinePlayground.findingCodes()), { timeout: 90_000, interval: 500 }).toContain('A604');
    await page.getByRole('tab', { name: 'Analysis' }).click();
    const finding = '#findings-list [data-testid=finding][data-code=A604]';
    await page.waitForSelector(finding);
    expect(await page.textContent(finding)).toContain("'cap'");
    expect(await page.textContent(`${finding} button.link`)).toBe('lone.guideline:6');
    // Its example is decided by the guideline alone, as the CLI decides it.
    expect(await page.textContent(finding)).toContain('acme.lone');
  }, 120_000);
});
