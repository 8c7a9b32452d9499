// End-to-end: Save as test case by a careless hand. A name a test case of the folder already has is
// refused (the bundled test case stays as it was); Save pressed the moment the case was edited saves
// nothing until the edit is decided (it would expect the previous case's decision of this one); a case
// that is not JSON is refused with a word, not an error in the page.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, playgroundSession } from './support/browser.ts';
import { seedCaseText } from './support/share-attacks.ts';

type Hook = { guidelinePlayground: { setCaseText(t: string): void; caseText(): string } };
const folder = 'guidelines/mtus/chronic-pain-physical-medicine';
const seedTest = `${folder}/cases/imr-seed.json`;
/** The seed case with no visit done: medically necessary, where the seed is not. */
const noVisitsCase = seedCaseText.replace('"visitsCompleted": 24', '"visitsCompleted": 0');

describe.skipIf(!hasChromium)('saving a test case, carelessly', () => {
  const session = playgroundSession({ viewport: { width: 1400, height: 900 } });
  let page: Page;

  beforeAll(() => {
    page = session.page;
  });

  const setCaseText = (p: Page, t: string): Promise<void> => p.evaluate((text) => (window as unknown as Hook).guidelinePlayground.setCaseText(text), t);
  const caseText = (p: Page): Promise<string> => p.evaluate(() => (window as unknown as Hook).guidelinePlayground.caseText());
  const note = (p: Page): Promise<string | null> => p.textContent('.test-save [role=status]');
  const listed = (p: Page, name: string): Promise<boolean> => p.$$eval('#case-select option', (os, n) => os.some((o) => (o as HTMLOptionElement).value === `guidelines/mtus/chronic-pain-physical-medicine/cases/${n}.json`), name);
  /** Sets the case and, in the same task (before any run), names it and presses Save: what Save says then. */
  const editAndSave = (p: Page, text: string, name: string): Promise<string | null> =>
    p.evaluate(([t, n]) => {
      (window as unknown as Hook).guidelinePlayground.setCaseText(t!);
      (document.getElementById('new-test-name') as HTMLInputElement).value = n!;
      document.getElementById('save-test')!.click();
      return document.querySelector('.test-save [role=status]')?.textContent ?? null;
    }, [text, name]);

  it('refuses the name of a test case the folder has, and that test case stays as it was', async () => {
    await setCaseText(page, noVisitsCase);
    await expect.poll(() => page.getAttribute('#determination', 'aria-busy')).toBeNull();
    expect(await page.textContent('[data-testid=decision]')).toBe('medically-necessary');
    await page.fill('#new-test-name', 'imr-seed');
    await page.click('#save-test');
    expect(await note(page)).toContain('already has a test case named imr-seed');
    await page.selectOption('#case-select', seedTest);
    await expect.poll(() => caseText(page)).toBe(seedCaseText);
    await expect.poll(() => page.textContent('[data-testid=decision]')).toBe('not-medically-necessary');
    expect(await page.isVisible('[data-testid=expectation-ok]')).toBe(true);
  });

  it('saves nothing the moment the case is edited, then saves it expecting its own decision', async () => {
    await setCaseText(page, noVisitsCase);
    await expect.poll(() => page.getAttribute('#determination', 'aria-busy')).toBeNull();
    const edited = seedCaseText.replace('"id": "imr-seed"', '"id": "careless"');
    expect(await editAndSave(page, edited, 'careless')).toContain('being decided');
    expect(await listed(page, 'careless')).toBe(false);
    await expect.poll(() => page.getAttribute('#determination', 'aria-busy')).toBeNull();
    expect(await page.textContent('[data-testid=decision]')).toBe('not-medically-necessary');
    await page.fill('#new-test-name', 'careless');
    await page.click('#save-test');
    await expect.poll(() => listed(page, 'careless')).toBe(true);
    await page.click('#run-all-button');
    await expect.poll(() => page.textContent('[data-testid=test-summary]')).toMatch(/ 0 failed/);
  });

  it('a case that is not JSON, saved the moment it is typed: a word, and no error in the page', async () => {
    await setCaseText(page, noVisitsCase);
    await expect.poll(() => page.getAttribute('#determination', 'aria-busy')).toBeNull();
    expect((await editAndSave(page, '{"id": ', 'broken'))!.length).toBeGreaterThan(0);
    expect(await listed(page, 'broken')).toBe(false);
    await expect.poll(() => page.textContent('#determination [data-testid=notice]')).toContain('The case is not valid');
    expect(session.errors).toEqual([]);
  });
});
