// End-to-end: a guideline of one's own, from an empty file. New file asks for a name (a wrong one is
// said beside it, Escape gives the focus back, no axe violation), opens the file empty, and completion starts it with a
// vocabulary; the case built for it is saved as a test case by Enter, the focus going on to its
// description; a test case opened from the Tests keeps the focus in the page; the file is kept across
// a reload, and Reset takes it away, the seed's guideline opening in its place.
import { AxeBuilder } from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeSuggestions, editorText, hasChromium, openPlayground, playgroundSession, setText } from './support/browser.ts';
import { seedCaseText } from './support/share-attacks.ts';

type Hook = { guidelinePlayground: { file(): string; edited(): string[]; setCaseText(t: string): void; focusEditor(): void } };
const mine = 'guidelines/acme/epidural.guideline';
const seed = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';

const epidural = `vocabulary epidural "Epidural injections"

fact levels requested: number, from request.levels
  "The vertebral levels the requested injection is to treat."

guideline acme.epidural
  title  "Acme Epidural Steroid Injections"
  source "Acme Spine Guideline", 2020, pages 10-12
  covers epidural-injection
  uses   epidural

criterion levels "At most two levels in one session"
  require levels requested <= 2
  otherwise "At most two levels are injected in one session; {levels requested} levels are requested."

policy acme "Acme health plan"
  jurisdiction "Acme"
  first acme.epidural
`;

/** The seed case moved to the Acme plan: an epidural injection of three levels. */
const threeLevels = seedCaseText.replace('"jurisdiction": "CA"', '"jurisdiction": "Acme"').replace(/"treatment": "[^"]*"/, '"treatment": "epidural-injection", "levels": 3');

describe.skipIf(!hasChromium)('a guideline of one\'s own, from an empty file', () => {
  const session = playgroundSession();
  let page: Page;

  beforeAll(() => {
    page = session.page;
  });

  const file = (): Promise<string> => page.evaluate(() => (window as unknown as Hook).guidelinePlayground.file());
  const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
  const suggestions = async (): Promise<string[]> => {
    await page.waitForSelector('.editor-pane .suggest-widget .monaco-list-row');
    return page.$$eval('.editor-pane .suggest-widget .monaco-list-row', (rows) => rows.map((r) => (r.getAttribute('aria-label') ?? '').replace(/, \w+$/, '')));
  };

  it('New file asks for a name, says what is wrong with one, and Escape gives the focus back', async () => {
    await page.click('#new-file-button');
    expect(await focused()).toBe('new-file-name');
    expect(await page.inputValue('#new-file-name')).toMatch(/^guidelines\/.+\.guideline$/);
    await page.fill('#new-file-name', seed);
    await page.keyboard.press('Enter');
    expect(await page.textContent('#new-file-problem')).toContain('already exists');
    expect(await page.getAttribute('#new-file-name', 'aria-invalid')).toBe('true');
    await page.fill('#new-file-name', 'guidelines/Acme/My File.guideline');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#new-file-problem')).toMatch(/lower-case/);
    expect(await file()).toBe(seed);
    expect((await new AxeBuilder({ page }).include('.toolbar').analyze()).violations.map((v) => v.id)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#new-file-form')).toBe(true);
    expect(await focused()).toBe('new-file-button');
  });

  it('opens the new file empty, listed, in the editor, and completion starts it with a vocabulary', async () => {
    await page.keyboard.press('Enter');
    await page.fill('#new-file-name', mine);
    await page.keyboard.press('Enter');
    await expect.poll(file).toBe(mine);
    expect(await editorText(page)).toBe('');
    expect(await page.$eval('#file-select', (s) => (s as HTMLSelectElement).value)).toBe(mine);
    expect(await page.evaluate(() => document.activeElement?.closest('.editor-pane .monaco-editor') != null)).toBe(true);
    // The toolbar says so as written: a path is not shouted in capitals.
    await expect.poll(() => page.textContent('#status')).toContain(mine);
    expect(await page.$eval('#status', (s) => getComputedStyle(s).textTransform)).toBe('none');
    await page.waitForSelector('#problems :text("P209")');
    await page.keyboard.press('Control+Space');
    expect(await suggestions()).toEqual(expect.arrayContaining(['vocabulary', 'guideline', 'policy']));
    await closeSuggestions(page);
  });

  it('offers a vocabulary\'s own declarations after a fact: unit and table', async () => {
    await setText(page, 'vocabulary epidural "Epidural injections"\n\nfact levels requested: number, from request.levels\n  "The levels."\n');
    await page.evaluate(() => (window as unknown as Hook).guidelinePlayground.focusEditor());
    await page.keyboard.press('Control+End');
    // The list shows a dozen rows at a time: the words typed narrow it to the one looked for.
    for (const [typed, label] of [['un', 'unit'], ['ta', 'table'], ['fa', 'fact']]) {
      await page.keyboard.type(typed!);
      await page.keyboard.press('Control+Space');
      expect(await suggestions()).toContain(label);
      await closeSuggestions(page);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
    }
  });

  it('saves the case decided by the new policy as a test case by Enter, and goes on to its description', async () => {
    await setText(page, epidural);
    await page.evaluate((t) => (window as unknown as Hook).guidelinePlayground.setCaseText(t), threeLevels);
    await expect.poll(() => page.textContent('#determination [data-testid=decision]')).toBe('not-medically-necessary');
    await expect.poll(() => page.getAttribute('#determination', 'aria-busy')).toBeNull();
    await page.fill('#new-test-name', 'three-levels');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.$eval('#case-select', (s) => (s as HTMLSelectElement).value)).toBe('guidelines/acme/cases/three-levels.json');
    await expect.poll(focused).toBe('test-description');
    await page.keyboard.type('Three levels: more than the two of one session.');
    await page.keyboard.press('Tab');
    expect(await page.inputValue('#test-description')).toBe('Three levels: more than the two of one session.');
  });

  it('opens a test case from the Tests with the focus kept in the page', async () => {
    await page.click('#run-all-button');
    const link = '.test-list li[data-file="guidelines/acme/cases/three-levels.json"] button.link';
    await page.waitForSelector(link);
    await page.focus(link);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('[role=tab][data-tab=determination]', 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('determination');
  });

  it('keeps the new file across a reload; Reset takes it away and opens the seed\'s guideline', async () => {
    await page.waitForTimeout(1200); // the work is kept a moment after the last change
    await openPlayground(page, session.url);
    await expect.poll(file).toBe(mine);
    expect(await editorText(page)).toBe(epidural);
    await page.click('#reset-button');
    await page.getByRole('button', { name: 'Discard my edits' }).click();
    await expect.poll(file).toBe(seed);
    expect(await page.$$eval('#file-select option', (os) => os.map((o) => (o as HTMLOptionElement).value))).not.toContain(mine);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(file).toBe(mine);
    expect(await editorText(page)).toBe(epidural);
  });
});
