// End-to-end: the built site under its own Content-Security-Policy (the meta tag Vite writes; the
// workers start from blob: URLs, so it governs them too), in Chromium. The normal flows (load, Run, an
// error typed, Run all tests, the picture drawn, a share link opened) and a malformed case run without
// a policy violation or a console error, in the page or its workers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, caseText, collectErrors, editorText, hasChromium, launch, serve, setText, typeAtEnd } from './support/browser.ts';
import { shareHashOf } from './support/share-attacks.ts';

type Hook = { guidelinePlayground: { setCaseText(t: string): void; file(): string } };

describe.skipIf(!hasChromium)('the built site under its Content-Security-Policy', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let page: Page;
  let errors: string[];
  let site = '';

  /** Violations seen by the page (securitypolicyviolation events) and by its workers (their console errors). */
  const violations = (): Promise<string[]> => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  let workerErrors: string[] = [];

  beforeAll(async () => {
    site = buildSite();
    server = await serve(site);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    errors = collectErrors(page);
    page.on('worker', (w) => w.on('console', (m) => {
      if (m.type() === 'error') workerErrors.push(`${w.url()}: ${m.text()}`);
    }));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const clean = async (): Promise<void> => {
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    expect(workerErrors).toEqual([]);
  };

  it('the built page carries the policy, without unsafe-eval and with scripts from the site only', () => {
    const html = readFileSync(join(site, 'index.html'), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'") ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe-eval');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  it('loads, and runs the seed case', async () => {
    await page.goto(server.url);
    await page.waitForSelector('.monaco-editor .view-lines');
    await page.waitForSelector('[data-testid=decision]');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await page.textContent('[data-testid=decision]')).toBe('not-medically-necessary');
    await clean();
  });

  it('marks an error typed into the guideline', async () => {
    const before = await editorText(page);
    await typeAtEnd(page, ['criterion ((( oops']);
    await page.waitForSelector('.editor-pane .squiggly-error');
    await setText(page, before);
    await expect.poll(() => page.textContent('.problems')).toContain('No problems');
    await clean();
  });

  it('runs all tests', async () => {
    await page.getByRole('button', { name: 'Run all tests' }).click();
    await page.waitForSelector('[data-testid=test-summary]');
    expect(await page.textContent('[data-testid=test-summary]')).toMatch(/^[1-9]\d* passed, 0 failed$/);
    await page.getByRole('tab', { name: 'Compiled JSON' }).click();
    await page.getByRole('tab', { name: 'Determination' }).click();
    await clean();
  });

  it('draws the picture, laid out in the layout engine\'s worker', async () => {
    await page.getByRole('tab', { name: 'Picture' }).click();
    await page.waitForSelector('.diagram-box[data-kind=criterion]');
    await page.getByRole('tab', { name: 'Determination' }).click();
    await clean();
  });

  it('opens a share link', async () => {
    const file = await page.evaluate(() => (window as unknown as Hook).guidelinePlayground.file());
    const text = `${await editorText(page)}# shared under the policy\n`;
    await page.goto(server.url + shareHashOf({ v: 1, file, text, caseText: await caseText(page) }));
    await page.waitForSelector('[data-testid=decision]');
    expect(await editorText(page)).toBe(text);
    await page.getByRole('button', { name: 'Share link' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#share='));
    await clean();
  });

  // ajv compiles the case schema with new Function on the first case its precompiled check does not
  // accept: this passes once the runtime's validators are generated at build time.
  it('checks and runs a malformed case', async () => {
    const good = await caseText(page);
    await page.evaluate((t) => (window as unknown as Hook).guidelinePlayground.setCaseText(t), good.replace(/"asOf": "[^"]*"/, '"asOf": "24/01/2014"'));
    await expect.poll(() => page.textContent('#case-issues')).toMatch(/^asOf: /);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.textContent('#determination')).toContain('The case is not valid');
    await clean();
  });
});
