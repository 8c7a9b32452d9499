// End-to-end: the static analysis in the playground, in Chromium. An edit that adds a criterion no
// case can meet is analysed in the analysis worker: the finding is marked in the editor with its code
// (A604) and listed in the Analysis tab; "Open example" decides its case, "Add as test" saves it as a
// test case; "Compare" with the bundled text (or a version saved here) lists what the edit changes,
// each with a case; and axe-core finds no violation in the tab.
import { AxeBuilder } from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caseText, editorText, hasChromium, playgroundSession, setText } from './support/browser.ts';

type Hook = { guidelinePlayground: { findingCodes(): string[] } };
const never = ['', 'criterion never-met "Never met"', '  require completed visits < 0', '  otherwise "No case meets it."', ''].join('\n');

describe.skipIf(!hasChromium)('the static analysis in the playground', () => {
  const session = playgroundSession();
  let page: Page;
  let bundled: string;

  beforeAll(async () => {
    page = session.page;
    bundled = await editorText(page);
    await setText(page, `${bundled}${never}`);
  });

  const findingCodes = (): Promise<string[]> => page.evaluate(() => (window as unknown as Hook).guidelinePlayground.findingCodes());
  const finding = '#findings-list [data-testid=finding][data-code=A604]';

  it('marks a criterion no case can meet in the editor, with its code', async () => {
    await expect.poll(findingCodes, { timeout: 90_000, interval: 500 }).toContain('A604');
  }, 120_000);

  it('lists it in the Analysis tab, where it is, with where it holds and an example', async () => {
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.waitForSelector(finding);
    expect(await page.textContent(finding)).toContain("'never-met'");
    expect(await page.textContent(`${finding} button.link`)).toMatch(/^chronic-pain-physical-medicine\.guideline:\d+$/);
    expect(await page.textContent('[data-testid=analysis-state]')).toMatch(/finding/);
  });

  it('shows the findings the library accepts in its sources as accepted, with the reason', async () => {
    const accepted = '#findings-list [data-testid=finding][data-code=A607][data-accepted=true]';
    await page.waitForSelector(accepted);
    expect(await page.textContent(accepted)).toMatch(/Accepted: \S/);
    expect(await page.textContent('[data-testid=analysis-state]')).toMatch(/\d+ accepted/);
  });

  it('opens the example: the case is decided, the criterion not met', async () => {
    await page.click(`${finding} [data-action=open-example]`);
    await page.waitForSelector('[data-criterion=never-met][data-status=not-met]');
    expect(JSON.parse(await caseText(page))).toHaveProperty('jurisdiction');
  });

  it('adds the example as a test case, named after the finding', async () => {
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.click(`${finding} [data-action=add-test]`);
    await expect.poll(() => page.textContent('#test-case code')).toMatch(/cases\/a604-never-met\.json$/);
  });

  // The comparison analyses the whole library twice in the worker: seconds alone, a minute and more on a busy machine.
  it('compares the file with its bundled text: what the edit changes, each with a case', async () => {
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.selectOption('#compare-select', 'bundled');
    await page.click('#compare-button');
    await page.waitForSelector('#compare-list [data-testid=finding][data-code=A608]', { timeout: 180_000 });
    expect(await page.textContent('#compare-list [data-code=A608]')).toMatch(/Example: before: .*after: /);
  }, 200_000);

  it('compares with a version saved here: the same text changes nothing', async () => {
    await page.click('#save-version-button');
    await expect.poll(() => page.$eval('#compare-select', (s) => (s as HTMLSelectElement).value)).toBe('v0');
    await page.click('#compare-button');
    await expect.poll(() => page.textContent('[data-testid=compare-results]'), { timeout: 180_000 }).toMatch(/decides every request as it does/);
  }, 200_000);

  it('has no axe violations in the Analysis tab, and no errors on the page', async () => {
    const r = await new AxeBuilder({ page }).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('takes the marks away once the criterion is gone', async () => {
    await setText(page, bundled);
    await expect.poll(findingCodes, { timeout: 90_000, interval: 500 }).not.toContain('A604');
  }, 120_000);
});
