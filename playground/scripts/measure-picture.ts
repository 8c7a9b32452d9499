// Measures, in Chromium on the built site, the time from a case edit to the Picture tab recoloured by
// its determination (the case panel's 200 ms pause before a run included) and the layouts each edit
// cost, on the seed (as bundled, and grown to about a thousand boxes), the largest bundled guideline
// and the one with the most boxes; and the time from opening another file, with the tab open, to its
// picture drawn, switching back and forth between two files, and the layouts each switch cost. Run
// with `pnpm --filter @guideline/playground measure-picture` (EDITS=n edits or switches each, ONLY=text
// for the scenarios named with it); numbers, not a pass or fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildSite, launch, openPlayground, playgroundDir, serve } from '../test/support/browser.ts';

const repo = join(playgroundDir, '..');
const edits = Number(process.env.EDITS ?? 10);
/** Only the scenarios whose name has this text (all when unset). */
const only = process.env.ONLY ?? '';

interface Scenario {
  name: string;
  file: string;
  /** A test case governed by the file's guideline, and a criterion whose status the edit below flips. */
  caseFile: string;
  criterion: string;
  from: [string, string];
  to: [string, string];
  /** The guideline's text as edited before measuring (a larger one made from a bundled one). */
  grow?: (text: string) => string;
}

/** The seed guideline with copies of one of its criteria: 3 boxes each (the criterion, its only when and its require). */
function copies(n: number): (text: string) => string {
  return (text) => {
    const criterion = text.slice(text.indexOf('criterion functional-improvement'), text.indexOf('criterion home-program'));
    return [text, ...Array.from({ length: n }, (_, i) => criterion.replace('criterion functional-improvement', `criterion copy-${i}`))].join('\n');
  };
}

const scenarios: Scenario[] = [
  { name: 'seed (chronic pain physical medicine)', file: 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline', caseFile: 'guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json', criterion: 'functional-improvement', from: ['"not-documented"', 'not-met'], to: ['"documented"', 'met'] },
  { name: 'largest (MTUS postsurgical, 12 KB)', file: 'guidelines/mtus/postsurgical/postsurgical.guideline', caseFile: 'guidelines/mtus/postsurgical/cases/tka-subsequent-with-improvement.json', criterion: 'subsequent-course', from: ['"documented"', 'met'], to: ['"not-documented"', 'not-met'] },
  { name: 'seed with 300 copies of a criterion', file: 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline', caseFile: 'guidelines/mtus/chronic-pain-physical-medicine/cases/imr-seed.json', criterion: 'functional-improvement', from: ['"not-documented"', 'not-met'], to: ['"documented"', 'met'], grow: copies(300) },
  { name: 'most boxes (MTUS low back MRI)', file: 'guidelines/mtus/low-back-mri/low-back-mri.guideline', caseFile: 'guidelines/mtus/low-back-mri/cases/care-30-days.json', criterion: 'surgery-considered', from: ['"surgery"', 'met'], to: ['"none"', 'not-met'] },
];

/** Two files opened in turn with the Picture tab open (the first grown, as above, when said). */
interface Switch {
  name: string;
  files: [string, string];
  grow?: (text: string) => string;
}

const seedFile = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
const lowBack = 'guidelines/mtus/low-back-mri/low-back-mri.guideline';
const switches: Switch[] = [
  { name: 'switch: seed and MTUS low back MRI', files: [seedFile, lowBack] },
  { name: 'switch: seed with 300 copies of a criterion and MTUS low back MRI', files: [seedFile, lowBack], grow: copies(300) },
];

type Hook = { guidelinePlayground: { setCaseText(t: string): void; setText(t: string): void } };

/** Sets the case text and waits, in the page, until the criterion's box carries the status: the milliseconds between. */
function recolour(page: Page, text: string, criterion: string, status: string): Promise<number> {
  return page.evaluate(([t, id, cls]) => new Promise<number>((resolve) => {
    const target = document.getElementById('diagram')!;
    const t0 = performance.now();
    const done = (): boolean => !!target.querySelector(`.diagram-box[data-id="${id}"].status-box-${cls}`) && target.getAttribute('aria-busy') === null;
    const seen = new MutationObserver(() => {
      if (!done()) return;
      seen.disconnect();
      resolve(performance.now() - t0);
    });
    seen.observe(target, { subtree: true, childList: true, attributes: true });
    (window as unknown as Hook).guidelinePlayground.setCaseText(t);
  }), [text, criterion, status] as const);
}

/** Opens a file (as its picker does) and waits, in the page, until the picture shows its boxes and is no longer busy: the milliseconds between. */
async function switchTo(page: Page, file: string): Promise<number> {
  const drawn = page.evaluate((f) => new Promise<number>((resolve) => {
    const target = document.getElementById('diagram')!;
    const t0 = performance.now();
    const done = (): boolean => !!target.querySelector(`.diagram-box[data-file="${CSS.escape(f)}"]`) && target.getAttribute('aria-busy') === null;
    const seen = new MutationObserver(() => {
      if (!done()) return;
      seen.disconnect();
      resolve(performance.now() - t0);
    });
    seen.observe(target, { subtree: true, childList: true, attributes: true });
    const select = document.getElementById('file-select') as HTMLSelectElement;
    select.value = f;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }), file);
  return drawn;
}

const layouts = (page: Page): Promise<number> => page.evaluate(() => performance.getEntriesByName('diagram-layout').length);

const server = await serve(buildSite());
const browser = await launch();
try {
  for (const s of scenarios.filter((x) => x.name.includes(only))) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx names the functions handed to the page with a helper of its own, which the page lacks.
    await page.addInitScript('window.__name = (f) => f');
    await openPlayground(page, server.url);
    const base = JSON.stringify((JSON.parse(readFileSync(join(repo, s.caseFile), 'utf8')) as { case: unknown }).case, null, 2);
    const flipped = base.replace(s.from[0], s.to[0]);
    await page.selectOption('#file-select', s.file);
    if (s.grow) await page.evaluate((t) => (window as unknown as Hook).guidelinePlayground.setText(t), s.grow(readFileSync(join(repo, s.file), 'utf8')));
    await page.evaluate((t) => (window as unknown as Hook).guidelinePlayground.setCaseText(t), base);
    await page.getByRole('tab', { name: 'Picture' }).click();
    await page.waitForSelector(`.diagram-box[data-id="${s.criterion}"].status-box-${s.from[1]}`, { timeout: 300_000 });
    await page.waitForTimeout(1000);
    const boxes = await page.locator('#diagram .diagram-box').count();
    const before = await layouts(page);
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const [text, status] = i % 2 ? [base, s.from[1]] : [flipped, s.to[1]];
      times.push(Math.round(await recolour(page, text, s.criterion, status)));
      await page.waitForTimeout(300);
    }
    const after = await layouts(page);
    times.sort((a, b) => a - b);
    process.stdout.write(`${s.name}: ${boxes} boxes, ${edits} case edits, edit to recoloured picture median ${times[Math.floor(times.length / 2)]} ms (${times[0]}-${times[times.length - 1]} ms), layouts ${after - before}\n`);
    await page.close();
  }
  for (const s of switches.filter((x) => x.name.includes(only))) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript('window.__name = (f) => f');
    await openPlayground(page, server.url);
    const [a, b] = s.files;
    await page.selectOption('#file-select', a);
    if (s.grow) await page.evaluate((t) => (window as unknown as Hook).guidelinePlayground.setText(t), s.grow(readFileSync(join(repo, a), 'utf8')));
    await page.getByRole('tab', { name: 'Picture' }).click();
    await page.waitForSelector(`#diagram .diagram-box[data-file="${a}"]`, { timeout: 300_000 });
    const first = Math.round(await switchTo(page, b));
    await page.waitForTimeout(1000);
    const boxes = [await page.locator('#diagram .diagram-box').count()];
    const before = await layouts(page);
    /** The times of the switches back to the first file, and to the second. */
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < edits; i++) {
      times[i % 2].push(Math.round(await switchTo(page, i % 2 ? b : a)));
      if (i === 0) boxes.unshift(await page.locator('#diagram .diagram-box').count());
      await page.waitForTimeout(300);
    }
    const after = await layouts(page);
    const median = (ts: number[]): string => {
      const sorted = [...ts].sort((x, y) => x - y);
      return `median ${sorted[Math.floor(sorted.length / 2)]} ms (${sorted[0]}-${sorted[sorted.length - 1]} ms)`;
    };
    process.stdout.write(`${s.name}: ${boxes.join(' and ')} boxes, first opening of the second ${first} ms, then ${edits} switches back and forth, open to drawn: to the first ${median(times[0])}, to the second ${median(times[1])}; layouts ${after - before}\n`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
