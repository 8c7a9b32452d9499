// End-to-end: what the built playground loads, in Chromium. The seed's decision shows while the editor
// (monaco) is still held back, so nothing waits for it; and the JavaScript a session loads, gzipped,
// and the time to the first decision are measured and printed as data for BENCHMARKS.md (no timing
// is asserted).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite, collectErrors, hasChromium, launch, openPlayground, serve } from './support/browser.ts';

describe.skipIf(!hasChromium)('what the playground loads', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let site = '';

  beforeAll(async () => {
    site = buildSite();
    server = await serve(site);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const gzipped = (file: string): number => gzipSync(readFileSync(join(site, 'assets', file)), { level: 9 }).length;

  it('decides the seed while the editor has not loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = collectErrors(page);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/assets\/editors-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=decision]');
    expect(await page.textContent('[data-testid=decision]')).toBe('not-medically-necessary');
    expect(await page.$('.monaco-editor')).toBeNull();
    release();
    await page.waitForSelector('.editor-pane .monaco-editor .view-lines');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('measures the JavaScript loaded and the time to the first decision (data, printed)', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const loaded = new Set<string>();
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) loaded.add(basename(new URL(r.url()).pathname));
    });
    await openPlayground(page, server.url);
    // A session's other steps: Format document, Run all tests, the form.
    await page.getByRole('button', { name: 'Format document' }).click();
    await page.getByRole('button', { name: 'Run all tests' }).click();
    await page.waitForSelector('[data-testid=test-summary]');
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));
    const shipped = (await import('node:fs')).readdirSync(join(site, 'assets')).filter((f) => f.endsWith('.js'));
    const kb = (files: Iterable<string>): number => Math.round([...files].reduce((n, f) => n + gzipped(f), 0) / 1024);
    console.info(`playground load: ${JSON.stringify({ loadedKbGzip: kb(loaded), shippedKbGzip: kb(shipped), files: Object.fromEntries(shipped.map((f) => [f, Math.round(gzipped(f) / 1024)])), loaded: [...loaded], firstDecisionMs: marks['first-decision'], editorReadyMs: marks['editor-ready'] })}`);
    expect(marks['first-decision']).toBeLessThan(marks['editor-ready']!);
    await page.close();
  });
});
