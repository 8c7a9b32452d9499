// Takes the README's screenshots of the playground: docs/playground.png (the seed case decided, a
// criterion's trace open and its source lines highlighted), docs/playground-impact.png (an edit of
// massage's visit limit (6 to 10) and the test cases it would change) and docs/playground-picture.png (the
// seed guideline as a picture, coloured by the case). Run with `pnpm --filter @guideline/playground screenshot`.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSite, editorText, launch, openPlayground, serve, setText } from '../test/support/browser.ts';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
mkdirSync(docs, { recursive: true });
const massage = 'guidelines/shared/massage.guideline';

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
  await page.screenshot({ path: `${docs}playground.png` });

  // The picture wants width: the splitter moved with its keys, to 33% for the editor.
  await page.focus('#splitter');
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.getByRole('tab', { name: 'Picture' }).click();
  await page.waitForSelector('.diagram-box[data-kind=criterion]');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${docs}playground-picture.png` });
  await page.focus('#splitter');
  await page.keyboard.press('End');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');

  await page.selectOption('#file-select', massage);
  await page.waitForFunction((f) => (window as unknown as { guidelinePlayground: { file(): string } }).guidelinePlayground.file() === f, massage);
  await setText(page, (await editorText(page)).replaceAll('<= 6 visits', '<= 10 visits').replaceAll('at most 6 visits', 'at most 10 visits'));
  await page.getByRole('tab', { name: 'Impact of edits' }).click();
  await page.waitForSelector('.impact-list li');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${docs}playground-impact.png` });
  process.stdout.write(`wrote ${docs}playground.png, playground-picture.png, playground-impact.png\n`);
} finally {
  await browser.close();
  await server.close();
}
