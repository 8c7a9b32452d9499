// End-to-end: the guideline as a picture (elkjs), in Chromium: its applicability, criteria (a policy's that
// apply under it too) and decision procedure, coloured by the case; a box opens its line, by mouse or
// keyboard, but not while the picture is of a file no longer open; a policy's evidence order links to
// each guideline's file; axe-core finds no violation.
import { AxeBuilder } from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caseText, editorText, hasChromium, openPlayground, playgroundSession, setText } from './support/browser.ts';

type Hook = { guidelinePlayground: { file(): string; cursorLine(): string; setCaseText(t: string): void } };
const massage = 'guidelines/mtus/massage/massage.guideline';
const california = 'guidelines/policies/california.guideline';
const seedGuideline = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';

describe.skipIf(!hasChromium)('the guideline as a picture', () => {
  const session = playgroundSession();
  let page: Page;

  beforeAll(async () => {
    page = session.page;
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('tab', { name: 'Picture' }).click();
    await page.waitForSelector('.diagram-box[data-kind=criterion]');
  });

  const file = (p: Page): Promise<string> => p.evaluate(() => (window as unknown as Hook).guidelinePlayground.file());
  const cursorLine = (p: Page): Promise<string> => p.evaluate(() => (window as unknown as Hook).guidelinePlayground.cursorLine());
  /** The picture's layouts so far (each a `diagram-layout` performance measure). */
  const layouts = (p: Page): Promise<number> => p.evaluate(() => performance.getEntriesByName('diagram-layout').length);
  /** Opens the Picture tab and waits for the picture it asks for to be drawn (the tab busy until then). */
  const openPicture = async (): Promise<void> => {
    await page.getByRole('tab', { name: 'Picture' }).click();
    await expect.poll(() => page.getAttribute('#diagram', 'aria-busy')).toBeNull();
  };
  /** Opens a file with the Picture tab open, and waits for its picture: its own boxes drawn, the tab no longer busy. */
  const drawnFile = async (f: string): Promise<void> => {
    await page.selectOption('#file-select', f);
    await expect.poll(() => file(page)).toBe(f);
    await openPicture();
    await expect.poll(() => page.evaluate((at) => !!document.querySelector(`#diagram .diagram-box[data-file="${at}"]`) && !document.getElementById('diagram')!.hasAttribute('aria-busy'), f)).toBe(true);
  };
  /** Holds the page's requests for a picture (the picture in view stays as it is) until released. */
  const holdPictures = (): Promise<void> => page.evaluate(() => {
    const post = Worker.prototype.postMessage;
    const held: (() => void)[] = [];
    Worker.prototype.postMessage = function (this: Worker, message: unknown, options?: StructuredSerializeOptions) {
      const send = (): void => post.call(this, message, options);
      if ((message as { req?: { kind?: string } } | null)?.req?.kind === 'diagram') held.push(send);
      else send();
    } as typeof post;
    (window as unknown as { releasePictures(): void }).releasePictures = () => {
      Worker.prototype.postMessage = post;
      for (const send of held.splice(0)) send();
    };
  });
  const releasePictures = (): Promise<void> => page.evaluate(() => (window as unknown as { releasePictures(): void }).releasePictures());
  /** Opens the massage guideline over the seed's picture, held: the old picture stays in view, and must lead nowhere. */
  const oldPictureInert = async (): Promise<void> => {
    // Busy from the change itself, before any answer could come (the same turn of the page's loop).
    const busyOnChange = await page.evaluate((f) => {
      const select = document.getElementById('file-select') as HTMLSelectElement;
      select.value = f;
      select.dispatchEvent(new Event('change'));
      return document.getElementById('diagram')!.getAttribute('aria-busy');
    }, massage);
    expect(busyOnChange).toBe('true');
    await expect.poll(() => file(page)).toBe(massage);
    // The old picture is in view, and neither the mouse nor the keyboard reaches its boxes.
    const old = `#diagram .diagram-box[data-file="${seedGuideline}"][data-id="home-program"]`;
    const reach = await page.$eval(old, (box) => {
      box.scrollIntoView({ block: 'center', inline: 'center' });
      const r = box.getBoundingClientRect();
      (box as SVGGElement).focus();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, hit: !!hit?.closest('.diagram-box'), focused: document.activeElement === box };
    });
    expect(reach).toMatchObject({ hit: false, focused: false });
    await page.mouse.click(reach.x, reach.y);
    expect(await file(page)).toBe(massage);
    expect(await page.getAttribute('#diagram', 'aria-busy')).toBe('true');
    expect(await violations()).toEqual([]);
  };
  const boxIds = (p: Page, kind = 'criterion'): Promise<(string | null)[]> => p.$$eval(`.diagram-box[data-kind=${kind}]`, (xs) => xs.map((x) => x.getAttribute('data-id')));
  const violations = async (): Promise<string[]> => (await new AxeBuilder({ page }).include('#diagram').analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);

  it('draws each criterion of the open guideline, coloured by the seed case\'s statuses, and when it applies', async () => {
    const ids = await boxIds(page);
    expect(ids).toEqual(expect.arrayContaining(['visit-count', 'functional-improvement', 'home-program']));
    // The seed is denied for exceeding the course, without documented improvement or a home program.
    for (const id of ['visit-count', 'functional-improvement', 'home-program']) {
      expect(await page.$eval(`.diagram-box[data-id="${id}"]`, (b) => b.getAttribute('class'))).toContain('status-box-not-met');
    }
    expect(await page.locator('.diagram-box[data-kind=applicability]').count()).toBe(1);
  });

  it('draws the decision procedure, with the current case\'s decision marked', async () => {
    expect(await page.$$eval('.diagram-box.diagram-current', (xs) => xs.map((x) => x.getAttribute('data-id')))).toEqual(['not-medically-necessary']);
    expect(await boxIds(page, 'outcome')).toEqual(expect.arrayContaining(['medically-necessary', 'insufficient-information']));
  });

  it('a box carries its whole label, for the mouse and for screen readers, and draws what fits', async () => {
    const box = '.diagram-box[data-id="functional-improvement"]';
    const title = 'Objective functional improvement from prior therapy';
    expect(await page.$eval(`${box} > title`, (t) => t.textContent)).toContain(title);
    expect(await page.getAttribute(box, 'aria-label')).toContain(title);
    expect(await page.$$eval(`${box} > text > tspan`, (ts) => ts.map((t) => t.textContent!.trim().length <= 33))).not.toContain(false);
  });

  it('a click on a box lands on its source line', async () => {
    await page.click('.diagram-box[data-id="functional-improvement"]');
    await expect.poll(() => cursorLine(page)).toMatch(/^criterion functional-improvement /);
  });

  it('Enter on a focused box does the same', async () => {
    await openPicture();
    await page.focus('.diagram-box[data-id="home-program"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => cursorLine(page)).toMatch(/^criterion home-program /);
  });

  it('marks the picture busy from the moment the tab asks for it until it is drawn', async () => {
    const busyOnClick = await page.evaluate(() => {
      document.getElementById('tab-button-diagram')!.click();
      return document.getElementById('diagram')!.getAttribute('aria-busy');
    });
    expect(busyOnClick).toBe('true');
    await expect.poll(() => page.getAttribute('#diagram', 'aria-busy')).toBeNull();
  });

  it('follows the case: a run after the case changes recolours the boxes, and a focused box keeps the focus', async () => {
    const seed = await caseText(page);
    const documented = seed.replace('"not-documented"', '"documented"');
    expect(documented).not.toBe(seed);
    await openPicture();
    await page.focus('.diagram-box[data-id="home-program"]');
    await page.evaluate((t) => (window as unknown as Hook).guidelinePlayground.setCaseText(t), documented);
    await expect.poll(() => page.getAttribute('.diagram-box[data-id="functional-improvement"]', 'class')).toContain('status-box-met');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('home-program');
    await page.keyboard.press('Enter');
    await expect.poll(() => cursorLine(page)).toMatch(/^criterion home-program /);
    await page.evaluate((t) => (window as unknown as Hook).guidelinePlayground.setCaseText(t), seed);
    await expect.poll(() => page.getAttribute('.diagram-box[data-id="functional-improvement"]', 'class')).toContain('status-box-not-met');
  });

  it('recolours the boxes drawn on a run, laying nothing out again, and lays the picture out again when the guideline changes', async () => {
    const seed = await caseText(page);
    // Two visits done, with improvement documented: within the course, and medically necessary.
    const necessary = seed.replace('"not-documented"', '"documented"').replace('"visitsCompleted": 24', '"visitsCompleted": 2');
    await page.getByRole('tab', { name: 'Picture' }).click();
    const box = '.diagram-box[data-id="functional-improvement"]';
    await expect.poll(() => page.getAttribute(box, 'class')).toContain('status-box-not-met');
    const drawn = await page.$(box);
    const outcome = await page.$('.diagram-box[data-kind=outcome].diagram-current');
    const laidOut = await layouts(page);
    await page.evaluate((t) => (window as unknown as Hook).guidelinePlayground.setCaseText(t), necessary);
    await expect.poll(() => drawn!.getAttribute('class')).toContain('status-box-met');
    // The same elements, recoloured: the box's name and title say its new status, the decision moved.
    expect(await drawn!.evaluate((b) => b.isConnected)).toBe(true);
    expect(await drawn!.getAttribute('aria-label')).toMatch(/, criterion, met, line \d+$/);
    expect(await drawn!.$eval('title', (t) => t.textContent)).toMatch(/, criterion, met, line \d+$/);
    await expect.poll(() => page.$$eval('.diagram-box.diagram-current', (xs) => xs.map((x) => x.getAttribute('data-id')))).toEqual(['medically-necessary']);
    expect(await outcome!.getAttribute('class')).not.toContain('diagram-current');
    expect(await outcome!.getAttribute('aria-label')).not.toContain('the current case\'s decision');
    expect(await outcome!.evaluate((b) => b.isConnected)).toBe(true);
    expect(await layouts(page)).toBe(laidOut);
    await page.evaluate((t) => (window as unknown as Hook).guidelinePlayground.setCaseText(t), seed);
    await expect.poll(() => drawn!.getAttribute('class')).toContain('status-box-not-met');
    expect(await outcome!.getAttribute('class')).toContain('diagram-current');
    expect(await layouts(page)).toBe(laidOut);
    // An edit of what the picture says is laid out again, and drawn anew.
    const guideline = await editorText(page);
    const title = 'Objective functional improvement from prior therapy';
    await setText(page, guideline.replace(title, `${title}, measured`));
    await expect.poll(() => page.getAttribute(box, 'aria-label')).toContain(`${title}, measured`);
    expect(await layouts(page)).toBeGreaterThan(laidOut);
    expect(await drawn!.evaluate((b) => b.isConnected)).toBe(false);
    await setText(page, guideline);
    await expect.poll(() => page.getAttribute(box, 'aria-label')).not.toContain(`${title}, measured`);
  });

  it('shows a policy\'s criteria that apply to the guideline, each a link to the policy\'s line', async () => {
    await page.getByRole('tab', { name: 'Picture' }).click();
    // California's cap, coloured by the seed's status for it (an independent review: not applicable).
    const cap = '.diagram-box[data-kind=criterion][data-id=statutory-cap]';
    await page.waitForSelector(cap);
    expect(await page.getAttribute(cap, 'class')).toContain('status-box-not-applicable');
    expect(await page.$$eval('.diagram-box[data-kind=policy]', (xs) => xs.map((x) => x.getAttribute('data-id')))).toEqual(['california']);
    // In the procedure, the cap is one of the criteria that can certify part.
    const certifiers = await page.$$eval('.diagram-box[data-kind=certifier]', (xs) => xs.map((x) => x.getAttribute('aria-label')));
    expect(certifiers).toEqual(expect.arrayContaining([expect.stringMatching(/24-visit cap.*california\.guideline line \d+$/)]));
    await page.getByRole('button', { name: /24-visit cap.*a criterion that can certify part/ }).click();
    await expect.poll(() => file(page)).toBe(california);
    await expect.poll(() => cursorLine(page)).toMatch(/^criterion statutory-cap /);
  });

  it('another guideline opened is drawn from its own rules', async () => {
    await page.selectOption('#file-select', massage);
    await expect.poll(() => file(page)).toBe(massage);
    await page.getByRole('tab', { name: 'Picture' }).click();
    await expect.poll(() => boxIds(page)).toEqual(expect.arrayContaining(['adjunct', 'visit-count', 'functional-improvement']));
    expect(await boxIds(page)).not.toContain('home-program');
  });

  it('switching back to a file drawn lately draws it again without laying it out again', async () => {
    await drawnFile(seedGuideline);
    await drawnFile(massage);
    const laidOut = await layouts(page);
    await drawnFile(seedGuideline);
    expect(await boxIds(page)).toContain('home-program');
    await drawnFile(massage);
    expect(await boxIds(page)).not.toContain('home-program');
    expect(await layouts(page)).toBe(laidOut);
  });

  it('another file opened with the picture in view: the old picture stays, busy, its boxes no way back into the old file until the new one is drawn', async () => {
    await drawnFile(seedGuideline);
    await holdPictures();
    try {
      await oldPictureInert();
    } finally {
      await releasePictures();
    }
    // Once the open file's picture is drawn, its boxes are links again.
    await expect.poll(() => page.evaluate((at) => !!document.querySelector(`#diagram .diagram-box[data-file="${at}"]`) && !document.getElementById('diagram')!.hasAttribute('aria-busy'), massage)).toBe(true);
    expect(await page.locator(`#diagram .diagram-box[data-file="${seedGuideline}"]`).count()).toBe(0);
    // (The massage guideline's criteria are the massage vocabulary's, in the shared file.)
    await page.click('#diagram .diagram-box[data-kind=criterion][data-id="adjunct"]');
    await expect.poll(() => cursorLine(page)).toMatch(/^criterion adjunct /);
  });

  it('says so in the tab when the language worker sends no picture, leaving no other file\'s picture in view', async () => {
    await drawnFile(seedGuideline);
    // The page's requests for a picture reach the worker as a request it does not know, until restored.
    await page.evaluate(() => {
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, options?: StructuredSerializeOptions) {
        const m = message as { req?: { kind?: string } } | null;
        if (m?.req?.kind !== 'diagram') return post.call(this, message, options);
        return post.call(this, { ...m, req: { ...m.req, kind: 'no-such-request' } }, options);
      } as typeof post;
      (window as unknown as { restorePictures(): void }).restorePictures = () => void (Worker.prototype.postMessage = post);
    });
    try {
      await page.selectOption('#file-select', massage);
      await expect.poll(() => page.textContent('#diagram')).toContain('The picture could not be made');
      expect(await page.getAttribute('#diagram', 'inert')).toBeNull();
      expect(await page.getAttribute('#diagram', 'aria-busy')).toBeNull();
      expect(await page.locator('#diagram .diagram-box').count()).toBe(0);
    } finally {
      await page.evaluate(() => (window as unknown as { restorePictures(): void }).restorePictures());
    }
    // Requests answered again: the picture is drawn again.
    await drawnFile(seedGuideline);
    await drawnFile(massage);
  });

  it('a policy shows its evidence order, each guideline a link to its file, and passes axe', async () => {
    await page.selectOption('#file-select', california);
    await expect.poll(() => file(page)).toBe(california);
    await page.getByRole('tab', { name: 'Picture' }).click();
    await page.waitForSelector('.diagram-box[data-kind=step]');
    const steps = await page.$$eval('.diagram-box[data-kind=step]', (xs) => xs.map((x) => x.getAttribute('aria-label')));
    expect(steps[0]).toBe('Step 1: mtus.postsurgical.*');
    expect(steps[1]).toBe('Step 2: mtus.*');
    // Each guideline once, in its first step: the MTUS massage guideline in step 2, not in the ODG steps.
    expect(await page.$$eval('.diagram-box[data-kind=step]', (xs) => xs.map((x) => x.querySelectorAll('[data-id="mtus.chronic-pain.massage"]').length))).toEqual([0, 1, 0, 0, 0]);
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: /^MTUS Chronic Pain Medical Treatment Guidelines: Massage Therapy, guideline/ }).click();
    await expect.poll(() => file(page)).toBe(massage);
    await expect.poll(() => cursorLine(page)).toMatch(/^guideline mtus\.chronic-pain\.massage/);
    expect(session.errors).toEqual([]);
  });

  it('says so in the tab when the layout engine\'s worker cannot start, rather than waiting forever', async () => {
    const other = await session.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.route(/assets\/elk-worker[^/]*\.js$/, (route) => route.abort());
    await openPlayground(other, session.url);
    await other.getByRole('tab', { name: 'Picture' }).click();
    await expect.poll(() => other.textContent('#diagram')).toContain('The picture could not be laid out');
    expect(await other.getAttribute('#diagram', 'aria-busy')).toBeNull();
    await other.close();
  });
});
