// End-to-end: a determination shown is of the texts shown. From an edit of the case or of a guideline
// until a run begun after it answers, the determination of the texts before is marked out of date
// (aria-busy), however long the run takes and however many edits arrive meanwhile; a decision shown
// unmarked is always the one of the case and guidelines in the editors. The tests' results, once they
// have run, are marked so from a guideline's edit until they have run again.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { editorText, hasChromium, playgroundSession, setText } from './support/browser.ts';
import { seedCaseText } from './support/share-attacks.ts';

type Hook = { guidelinePlayground: { setCaseText(t: string): void; caseText(): string; text(): string } };
/** The seed case with no visit done: medically necessary, where the seed is not. */
const noVisitsCase = seedCaseText.replace('"visitsCompleted": 24', '"visitsCompleted": 0');
const decisionOf = new Map([[seedCaseText, 'not-medically-necessary'], [noVisitsCase, 'medically-necessary']]);

describe.skipIf(!hasChromium)('a determination out of date is marked so', () => {
  const session = playgroundSession({ viewport: { width: 1400, height: 900 } });
  let page: Page;
  let seedText = '';

  beforeAll(async () => {
    page = session.page;
    seedText = await editorText(page);
  });

  const setCaseText = (p: Page, t: string): Promise<void> => p.evaluate((text) => (window as unknown as Hook).guidelinePlayground.setCaseText(text), t);
  const busy = (p: Page): Promise<string | null> => p.getAttribute('#determination', 'aria-busy');
  const decision = (p: Page): Promise<string | null> => p.textContent('#determination [data-testid=decision]', { timeout: 1000 }).catch(() => null);
  /** Waits until the determination shown is current: not marked out of date. */
  const current = async (p: Page): Promise<void> => expect.poll(() => busy(p)).toBeNull();

  it('shows the seed decided, not marked', async () => {
    await current(page);
    expect(await decision(page)).toBe('not-medically-necessary');
  });

  it('marks the decision shown out of date from the moment the case is edited until the edit is decided', async () => {
    await setCaseText(page, noVisitsCase);
    // At once: the decision shown is still the seed's.
    expect(await busy(page)).toBe('true');
    expect(await decision(page)).toBe('not-medically-necessary');
    await current(page);
    expect(await decision(page)).toBe('medically-necessary');
  });

  it('marks it from the moment a guideline is edited until the workspace has been compiled and the case run again', async () => {
    await setText(page, `${seedText}criterion @@@\n`);
    expect(await busy(page)).toBe('true');
    await current(page);
    expect(await page.textContent('#determination [data-testid=notice]')).toContain('The workspace has errors');
    await setText(page, seedText);
    expect(await busy(page)).toBe('true');
    await current(page);
    expect(await decision(page)).toBe('medically-necessary');
  });

  it('never shows a decision unmarked for a case other than the one in the editor, while edits arrive', async () => {
    // Every state of the determination, as it changes: busy or not, its decision, and the case in the editor then.
    await page.evaluate(() => {
      const target = document.getElementById('determination')!;
      const seen: { busy: boolean; decision: string | null; caseText: string }[] = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      const note = (): void => void seen.push({
        busy: target.getAttribute('aria-busy') === 'true',
        decision: target.querySelector('[data-testid=decision]')?.textContent ?? null,
        caseText: (window as unknown as Hook).guidelinePlayground.caseText(),
      });
      new MutationObserver(note).observe(target, { attributes: true, childList: true, subtree: true, characterData: true });
    });
    for (let i = 0; i < 24; i++) {
      await setCaseText(page, i % 2 ? seedCaseText : noVisitsCase);
      await page.waitForTimeout([10, 190, 205, 230, 400][i % 5]!);
    }
    await setCaseText(page, seedCaseText);
    await current(page);
    expect(await decision(page)).toBe('not-medically-necessary');
    const seen = await page.evaluate(() => (window as unknown as { seen: { busy: boolean; decision: string | null; caseText: string }[] }).seen);
    const unmarked = seen.filter((s) => !s.busy && s.decision !== null);
    expect(unmarked.length).toBeGreaterThan(0);
    expect(unmarked.filter((s) => s.decision !== decisionOf.get(s.caseText))).toEqual([]);
  });

  it("marks the tests' results out of date from the moment a guideline is edited until they have run again", async () => {
    await page.click('#run-all-button');
    await expect.poll(() => page.textContent('[data-testid=test-summary]')).toMatch(/ 0 failed$/);
    await setText(page, seedText.replace('require completed visits + requested visits <= recommended visits', 'require completed visits + requested visits <= recommended visits + 100'));
    expect(await page.getAttribute('#tests', 'aria-busy')).toBe('true');
    await expect.poll(() => page.getAttribute('#tests', 'aria-busy')).toBeNull();
    expect(await page.textContent('[data-testid=test-summary]')).not.toMatch(/ 0 failed$/);
    await setText(page, seedText);
    expect(await page.getAttribute('#tests', 'aria-busy')).toBe('true');
    await expect.poll(() => page.getAttribute('#tests', 'aria-busy')).toBeNull();
    expect(await page.textContent('[data-testid=test-summary]')).toMatch(/ 0 failed$/);
  });

  it('logged no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
