// End-to-end, in Chromium: a problem the editor knows how to put right offers a quick fix (the
// lightbulb, Ctrl+.), and applying it clears the marker; a new file's guideline, which no policy
// consults, is analysed under a stand-in policy as `guideline analyze` does; a long line wraps; the
// result tabs all show at 1280×800.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, hasChromium, openPlayground, playgroundSession, setText, typeAtEnd } from './support/browser.ts';

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

describe.skipIf(!hasChromium)('quick fixes, the analysis of a new file, and the layout', () => {
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

  it('wraps a long line rather than scrolling the editor sideways', async () => {
    const long = `${bundled}\n# ${'a long rationale '.repeat(30)}\n`;
    await setText(page, long);
    const shown = (): Promise<{ lines: number; scrolls: boolean }> => page.evaluate(() => {
      const editor = document.querySelector('.editor-pane .monaco-editor')!;
      const lines = editor.querySelector('.view-lines')!;
      return { lines: lines.querySelectorAll('.view-line').length, scrolls: lines.scrollWidth > editor.clientWidth };
    });
    await page.evaluate(() => (window as unknown as Hook).guidelinePlayground.cursorAt('# a long rationale'));
    await expect.poll(async () => (await shown()).scrolls).toBe(false);
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

  it('shows every result tab whole at 1280×800', async () => {
    const small = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openPlayground(small, session.url);
    const boxes = await small.$$eval('.tabs [role=tab]', (tabs) => tabs.map((t) => {
      const r = t.getBoundingClientRect();
      const strip = t.parentElement!.getBoundingClientRect();
      return { name: t.textContent, inside: r.left >= strip.left && r.right <= strip.right && r.top >= strip.top && r.bottom <= strip.bottom && r.right <= innerWidth, width: r.width, text: (t as HTMLElement).scrollWidth <= (t as HTMLElement).clientWidth };
    }));
    expect(boxes.map((b) => b.name)).toEqual(['Determination', 'Tests', 'Impact of edits', 'Analysis', 'Compiled JSON', 'Picture', 'Reference']);
    for (const b of boxes) expect(b, String(b.name)).toMatchObject({ inside: true, text: true });
    // Nothing hides them either: the strip does not scroll.
    expect(await small.$eval('.tabs', (s) => s.scrollWidth <= s.clientWidth)).toBe(true);
    await small.close();
  });
});
