// Takes the README's screenshot of the playground (docs/playground.png): the seed case decided,
// with a criterion's trace open and its source lines highlighted. Run with `pnpm --filter @guideline/playground screenshot`.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSite, launch, openPlayground, serve } from '../test/support/browser.ts';

const out = fileURLToPath(new URL('../../docs/playground.png', import.meta.url));
mkdirSync(fileURLToPath(new URL('../../docs/', import.meta.url)), { recursive: true });

const server = await serve(buildSite());
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await openPlayground(page, server.url);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.click('[data-criterion="visit-count"] .criterion-title');
  await page.click('[data-criterion="visit-count"] summary');
  await page.waitForSelector('.criterion-highlight');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: out });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
  await server.close();
}
