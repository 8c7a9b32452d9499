// End-to-end support: build the playground into a temporary folder, serve it on 127.0.0.1 at a random
// port with a plain static server, and drive Debian's Chromium through playwright-core.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const playgroundDir = fileURLToPath(new URL('../..', import.meta.url));
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

const repoRoot = join(playgroundDir, '..');

/** Every file under the paths given (directories walked, node_modules and dist left out). */
function files(paths: string[], out: string[] = []): string[] {
  for (const p of paths) {
    if (!existsSync(p)) continue;
    if (!statSync(p).isDirectory()) out.push(p);
    else files(readdirSync(p).sort().filter((e) => e !== 'node_modules' && e !== 'dist').map((e) => join(p, e)), out);
  }
  return out;
}

/** A hash of everything the build reads: the playground, the packages it imports, the guidelines, the lockfile. */
function sourcesHash(): string {
  const h = createHash('sha256');
  const packages = readdirSync(join(repoRoot, 'packages')).map((p) => join(repoRoot, 'packages', p));
  for (const f of files([join(playgroundDir, 'src'), join(playgroundDir, 'index.html'), join(playgroundDir, 'vite.config.ts'), join(playgroundDir, 'package.json'), ...packages, join(repoRoot, 'guidelines'), join(repoRoot, 'pnpm-lock.yaml')])) {
    h.update(f.slice(repoRoot.length)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds the static site (pnpm build's output, into a folder of its own so a running dev server is left
 * alone), once per state of its sources: browser test files running side by side share one build.
 */
export function buildSite(): string {
  const dir = join(tmpdir(), `playground-dist-${sourcesHash()}`);
  const done = join(dir, '.complete');
  const lock = `${dir}.lock`;
  for (const started = Date.now(); !existsSync(done); sleep(250)) {
    try {
      mkdirSync(lock);
    } catch {
      // another test file is building: wait for it, unless it died long ago
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 600_000) throw new Error(`playground build: still waiting for ${lock}`);
      continue;
    }
    try {
      const out = mkdtempSync(join(tmpdir(), 'playground-dist-build-'));
      const vite = join(playgroundDir, 'node_modules/vite/bin/vite.js');
      const bin = existsSync(vite) ? vite : join(repoRoot, 'node_modules/vite/bin/vite.js');
      execFileSync(process.execPath, [bin, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: playgroundDir, stdio: 'pipe' });
      writeFileSync(join(out, '.complete'), '');
      rmSync(dir, { recursive: true, force: true });
      renameSync(out, dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** Serves a folder on 127.0.0.1 at a free port; no server logic, as any static host would. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Console errors, failed requests and uncaught exceptions of a page, collected as they happen. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

/** Opens the playground and waits until the editor is up, the seed case is decided and the bundled test cases are in. */
export async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.monaco-editor .view-lines');
  await page.waitForSelector('[data-testid=decision]');
  await page.waitForSelector('#case-select[data-cases=loaded]', { state: 'attached' });
}

/** A describe block's playground: built, served and opened in a page before its tests, closed after them. */
export interface PlaygroundSession {
  readonly page: Page;
  /** What collectErrors has seen on the page so far. */
  readonly errors: string[];
  /** The browser, for pages of their own (another size or theme, no storage). */
  readonly browser: Browser;
  /** The page's context (its storage, shared by its other pages). */
  readonly context: BrowserContext;
  /** The served site's address. */
  readonly url: string;
}

/** Registers the hooks that open a playground for the tests of the describe block it is called in (1440×900 unless the options say). */
export function playgroundSession(options: BrowserContextOptions = {}): PlaygroundSession {
  let server: { url: string; close: () => Promise<void> } | undefined;
  const session = { page: undefined as unknown as Page, errors: [] as string[], browser: undefined as unknown as Browser, context: undefined as unknown as BrowserContext, url: '' };
  beforeAll(async () => {
    server = await serve(buildSite());
    session.url = server.url;
    session.browser = await launch();
    session.context = await session.browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
    session.page = await session.context.newPage();
    session.errors = collectErrors(session.page);
    await openPlayground(session.page, server.url);
  });
  afterAll(async () => {
    await session.browser?.close();
    await server?.close();
  });
  return session;
}

/** The playground's test handle (see main.ts). */
export const editorText = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { guidelinePlayground: { text(): string } }).guidelinePlayground.text());
export const caseText = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { guidelinePlayground: { caseText(): string } }).guidelinePlayground.caseText());

export const setText = (page: Page, text: string): Promise<void> =>
  page.evaluate((t) => (window as unknown as { guidelinePlayground: { setText(t: string): void } }).guidelinePlayground.setText(t), text);

/**
 * Closes the editor's suggestion list, which may or may not have opened: Escape closes it, and with
 * nothing open leaves the editor, so the focus is put back where it was.
 */
export async function closeSuggestions(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const inEditor = await page.evaluate(() => !!document.activeElement?.closest('.editor-pane .monaco-editor'));
  if (!inEditor) await page.evaluate(() => (window as unknown as { guidelinePlayground: { focusEditor(): void } }).guidelinePlayground.focusEditor());
}

/** Types lines at the end of the guideline editor, closing the suggestion list before each Enter. */
export async function typeAtEnd(page: Page, lines: string[]): Promise<void> {
  await page.click('.editor-pane .monaco-editor .view-lines');
  await page.keyboard.press('Control+End');
  for (const line of lines) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
    await closeSuggestions(page);
  }
}
