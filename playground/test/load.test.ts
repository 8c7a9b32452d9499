// End-to-end: what the built playground loads, in Chromium. The seed's decision shows while the editor
// (monaco) is still held back, so nothing waits for it, and the analysis worker and the bundled test
// cases load only after it;
// and the JavaScript a session loads, gzipped, and the time to the first decision are measured and
// printed as data for BENCHMARKS.md (no timing is asserted; the weight at the start is held under
// 1,000 KB gzipped).
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

  it('decides the seed while the editor has not loaded, and starts the analysis worker only after it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors = collectErrors(page);
    const requested: string[] = [];
    page.on('request', (r) => void requested.push(basename(new URL(r.url()).pathname)));
    const analysisWorker = (): boolean => requested.some((f) => f.startsWith('analysis.worker-'));
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
    expect(analysisWorker()).toBe(false);
    // The bundled test cases come after the editors: the first decision needs only the seed.
    expect(requested.some((f) => f.startsWith('bundled-cases-'))).toBe(false);
    release();
    await page.waitForSelector('#case-select[data-cases=loaded]', { state: 'attached' });
    await page.waitForSelector('.editor-pane .monaco-editor .view-lines');
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await expect.poll(analysisWorker).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('measures the JavaScript loaded and the time to the first decision (data, printed)', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const loaded = new Set<string>();
    /** When each script was asked for (milliseconds since the epoch, as the browser's clock reads). */
    const askedAt = new Map<string, number>();
    page.on('response', (r) => {
      if (!r.url().endsWith('.js')) return;
      const file = basename(new URL(r.url()).pathname);
      loaded.add(file);
      askedAt.set(file, r.request().timing().startTime);
    });
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((l) => void tasks.push(...l.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
    });
    await openPlayground(page, server.url);
    // At the start: what was asked for by the time the editors were ready (the bundled test cases, which
    // openPlayground waits for, come after).
    await page.waitForFunction(() => performance.getEntriesByName('editor-ready').length > 0);
    const readyAt = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName('editor-ready')[0]!.startTime);
    const atStart = new Set([...loaded].filter((f) => askedAt.get(f)! <= readyAt));
    const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
    // A session's other steps: Format document, Run all tests, the Analysis tab.
    await page.getByRole('button', { name: 'Format document' }).click();
    await page.getByRole('button', { name: 'Run all tests' }).click();
    await page.waitForSelector('[data-testid=test-summary]');
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await expect.poll(() => [...loaded].some((f) => f.startsWith('analysis.worker-'))).toBe(true);
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])));
    const shipped = (await import('node:fs')).readdirSync(join(site, 'assets')).filter((f) => f.endsWith('.js'));
    const kb = (files: Iterable<string>, size = gzipped): number => Math.round([...files].reduce((n, f) => n + size(f), 0) / 1024);
    const raw = (f: string): number => readFileSync(join(site, 'assets', f)).length;
    console.info(`playground load: ${JSON.stringify({
      startKbGzip: kb(atStart), startKbRaw: kb(atStart, raw), sessionKbGzip: kb(loaded), sessionKbRaw: kb(loaded, raw), shippedKbGzip: kb(shipped), shippedKbRaw: kb(shipped, raw),
      files: Object.fromEntries(shipped.map((f) => [f, Math.round(gzipped(f) / 1024)])), atStart: [...atStart],
      firstDecisionMs: marks['first-decision'], editorReadyMs: marks['editor-ready'], longestTaskToEditorReadyMs: longest,
    })}`);
    expect(marks['first-decision']).toBeLessThan(marks['editor-ready']!);
    // The weight at the start: under 1,000 KB of JavaScript, gzipped.
    expect(kb(atStart)).toBeLessThan(1000);
    await page.close();
  });
});
