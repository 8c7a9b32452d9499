// Measures what hostile share links cost the page in Chromium: each is opened (by a hash change, after
// the page has started) in the built site, and the page's long tasks (over 50 ms) and JS heap are
// printed. Run with `pnpm --filter @guideline/playground measure-links`; numbers, not a pass or fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, launch, openPlayground, playgroundDir, serve } from '../test/support/browser.ts';
import { bombPayload, manyErrorsHash, seedCaseText, seedFile, shareHashOf } from '../test/support/share-attacks.ts';

const repo = join(playgroundDir, '..');
const seed = readFileSync(join(repo, seedFile), 'utf8');

/** The seed guideline grown to about 1 MB with copies of one of its criteria (about 2,300 criteria). */
function bigGuideline(): string {
  const criterion = seed.slice(seed.indexOf('criterion functional-improvement'), seed.indexOf('criterion home-program'));
  const parts = [seed];
  for (let i = 0, n = seed.length; n < 1_000_000; i++, n += criterion.length) parts.push(criterion.replace('criterion functional-improvement', `criterion copy-${i}`));
  return parts.join('\n');
}

const links: [name: string, hash: string, shown: string][] = [
  ['100,000 errors', manyErrorsHash(100_000), '.problems [data-more]'],
  ['500,000 errors', manyErrorsHash(500_000), '.problems [data-more]'],
  ['file "__proto__"', shareHashOf({ v: 1, file: '__proto__', text: 'x', caseText: '{}' }), '[data-notice=link]'],
  ['inflates to 450 MB', `#share=${bombPayload(450e6)}`, '[data-notice=link]'],
  ['a 1 MB guideline', shareHashOf({ v: 1, file: seedFile, text: bigGuideline(), caseText: seedCaseText }), '#determination .more'],
];

const server = await serve(buildSite());
const browser = await launch();
try {
  for (const [name, hash, shown] of links) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
    });
    await openPlayground(page, server.url);
    await page.waitForTimeout(1000);
    const startup = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    const t0 = Date.now();
    await page.evaluate((h) => void (location.hash = h), hash);
    await page.waitForSelector(shown, { timeout: 120_000 });
    const ms = Date.now() - t0;
    await page.waitForTimeout(1000);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    process.stdout.write(`${name}: link ${hash.length} chars, shown in ${ms} ms, long tasks after start-up ${JSON.stringify(longTasks)} ms (start-up ${JSON.stringify(startup)}), JS heap ${Math.round(heap / 1e6)} MB\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
