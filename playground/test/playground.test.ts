// End-to-end: the built playground in Debian's Chromium. Loads with the seed, marks a broken rule and
// clears it when fixed, decides the seed with its three unmet criteria, completes, formats, hovers, goes
// to a definition, validates the case at its field, runs the bundled tests, opens a shared link.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { caseText, collectErrors, editorText, hasChromium, openPlayground, playgroundSession, setText, typeAtEnd } from './support/browser.ts';
import { evaluate } from '@guideline/runtime';
import { bundledRules, bundledSources, files, root } from '../../test/support/bundled.ts';
import type { ConditionCoverage } from '../src/protocol.ts';
import { testCaseOf, type TestCase } from '../src/test-cases.ts';
import { runTests } from '../src/worker/cases.ts';
import { Workspace } from '../src/worker/workspace.ts';

const seedGuideline = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
/** The bundled test cases, as the playground's Tests panel lists them. */
const bundledTestCases = (): TestCase[] => files(join(root, 'guidelines'), '.json').filter((f) => f.includes('/cases/')).map((f) => testCaseOf(f.slice(root.length + 1), readFileSync(f, 'utf8')));

if (!hasChromium) console.warn('playground e2e: /usr/bin/chromium is missing (scripts/ensure-chromium.sh installs it); skipping');

describe.skipIf(!hasChromium)('playground in a browser', () => {
  const session = playgroundSession({ viewport: { width: 1400, height: 900 } });
  let browser: Browser;
  let server: { url: string };
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = session);
    server = { url: session.url };
  });

  type Mark = { line: number; level: string; hover: string };
  const coverageMarks = (): Promise<Mark[]> => page.evaluate(() => (window as unknown as { guidelinePlayground: { coverageMarks(): Mark[] } }).guidelinePlayground.coverageMarks());
  /** A hover's text without markdown's escapes. */
  const plain = (hover: string): string => hover.replace(/\\(.)/g, '$1');
  /**
   * The marks the conditions call for, a line each in line order: covered when every condition on
   * the line was found both true and false, one way when some was decided, none otherwise.
   */
  const byLine = (cs: Omit<ConditionCoverage, 'file'>[]): { line: number; level: string; conditions: Omit<ConditionCoverage, 'file'>[] }[] => {
    const lines = new Map<number, Omit<ConditionCoverage, 'file'>[]>();
    for (const c of cs) if (!lines.get(c.line)?.some((o) => o.condition === c.condition)) lines.set(c.line, [...(lines.get(c.line) ?? []), c]);
    return [...lines].sort(([a], [b]) => a - b).map(([line, conditions]) => ({
      line, conditions,
      level: conditions.every((c) => c.true && c.false) ? 'both' : conditions.some((c) => c.true || c.false) ? 'one' : 'none',
    }));
  };

  const unmet = (): Promise<string[]> => page.$$eval('[data-status="not-met"]', (xs) => xs.map((x) => x.getAttribute('data-criterion') ?? ''));

  it('decides the seed: not-medically-necessary, with its three unmet criteria', async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await page.textContent('[data-testid=decision]')).toBe('not-medically-necessary');
    expect(await unmet()).toEqual(['visit-count', 'functional-improvement', 'home-program']);
    expect(await page.textContent('.determination .citation')).toMatch(/pp\. 98-99/);
    // A California denial names who must sign it (Labor Code 4610), from the policy's notes.
    expect(await page.textContent('.determination .notes')).toMatch(/physician reviewer/);
  });

  it('marks the conditions the current case exercised, each line with its conditions\' results for it, as the runtime decides them', async () => {
    await page.getByRole('tab', { name: 'Determination' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForSelector('.editor-pane .coverage-one');
    const d = await evaluate(bundledRules(), JSON.parse(await caseText(page)));
    const traced = d.criteria.flatMap((c) => c.trace).filter((t) => t.file === seedGuideline);
    const expected = byLine(traced.map((t) => ({ line: t.line, condition: t.condition, true: t.result === true ? 1 : 0, false: t.result === false ? 1 : 0, unknown: t.result === null ? 1 : 0 })));
    expect(traced.length).toBeGreaterThan(3);
    const shown = await coverageMarks();
    expect(shown.map((m) => [m.line, m.level])).toEqual(expected.map((e) => [e.line, e.level]));
    shown.forEach((m, i) => {
      for (const c of expected[i]!.conditions) expect(plain(m.hover)).toContain(`${c.condition}: ${c.true ? 'true' : c.false ? 'false' : 'not decided'} for this case`);
    });
  });

  it('shows no error while an edit is checked: the file is checked with the workspace\'s other files', async () => {
    const before = await editorText(page);
    // Every state of the problems list, from before the edit until the workspace's check of it is in.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { problemStates: string[] }).problemStates = seen;
      const list = document.getElementById('problems')!;
      new MutationObserver(() => seen.push(list.textContent ?? '')).observe(list, { childList: true, subtree: true, characterData: true });
    });
    await page.click('.editor-pane .monaco-editor .view-lines');
    await page.keyboard.press('Control+Home');
    for (let i = 1; i < 25; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    const states = (): Promise<string[]> => page.evaluate(() => (window as unknown as { problemStates: string[] }).problemStates);
    try {
      // The quick check's list, then the workspace's: every state over a while after the edit.
      await expect.poll(async () => (await states()).length, { timeout: 10_000 }).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await states()).filter((t) => /[1-9]\d* errors?/.test(t))).toEqual([]);
    } finally {
      await setText(page, before);
    }
  });

  it('marks a broken rule as the CLI would, and clears the marker once it is fixed', async () => {
    const before = await editorText(page);
    await typeAtEnd(page, ['criterion ((( oops']);
    await page.waitForSelector('.editor-pane .squiggly-error');
    expect(await page.textContent('.problems')).toMatch(/P20\d/);
    await page.waitForSelector('.notice'); // a broken guideline cannot decide the case
    // The problem's code opens its entry in the reference, with an example.
    const code = await page.textContent('.problems .problem .code');
    await page.click('.problems .problem-about');
    await page.waitForSelector(`.ref-section[data-section^="${code}"] pre`);
    await page.getByRole('tab', { name: 'Determination' }).click();
    await setText(page, before);
    await expect.poll(() => page.textContent('.problems')).toContain('No problems');
    expect(await page.$('.editor-pane .squiggly-error')).toBeNull();
    await page.waitForSelector('[data-testid=decision]');
    expect(await page.textContent('[data-testid=decision]')).toBe('not-medically-necessary');
  });

  let original = '';

  it('completes fact names from the catalog', async () => {
    original = await editorText(page);
    await typeAtEnd(page, ['criterion extra', '  require comp']);
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.suggest-widget.visible');
    await expect.poll(() => page.textContent('.suggest-widget')).toContain('completed visits');
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toContain('  require completed visits');
  });

  it('formats the document', async () => {
    await page.keyboard.type('>0   and   requested visits<3');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Format document' }).click();
    await expect.poll(() => editorText(page)).toContain('criterion extra\n  require completed visits > 0 and requested visits < 3\n');
    await setText(page, original);
    await expect.poll(() => page.textContent('.problems')).toContain('No problems');
  });

  it('explains a fact on hover and goes to a class from its recommendation', async () => {
    type Hook = { guidelinePlayground: { cursorAt(s: string, into: number): boolean; cursorLine(): string } };
    await page.evaluate(() => (window as unknown as Hook).guidelinePlayground.cursorAt('require completed visits +', 10));
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I'); // show hover at the cursor
    await page.waitForSelector('.monaco-hover:not(.hidden) .hover-contents');
    expect(await page.textContent('.monaco-hover')).toContain('fact completed visits: number (visits)');
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window as unknown as Hook).guidelinePlayground.cursorAt('neuralgia: 8-10', 2));
    await page.keyboard.press('F12');
    await expect.poll(() => page.evaluate(() => (window as unknown as Hook).guidelinePlayground.cursorLine())).toMatch(/^class neuralgia /);
  });

  const setCase = (t: string): Promise<void> => page.evaluate((x) => (window as unknown as { guidelinePlayground: { setCaseText(t: string): void } }).guidelinePlayground.setCaseText(x), t);

  it('shows a case problem at its field', async () => {
    const good = await caseText(page);
    try {
      await setCase(good.replace('"2014-01-24"', '"24/01/2014"'));
      await page.waitForSelector('.case-editor .squiggly-error');
      await expect.poll(() => page.textContent('#case-issues')).toMatch(/asOf: must be a date/);
    } finally {
      await setCase(good); // the tests after this one start from the seed, whatever happened here
    }
    await page.waitForSelector('.case-editor .squiggly-error', { state: 'detached' });
  });

  it('edits the case through the form generated from the schema', async () => {
    try {
      await page.getByRole('button', { name: 'Form', exact: true }).click();
      await page.selectOption('select[data-field="history.functionalImprovement"]', 'documented');
      await expect.poll(() => caseText(page)).toContain('"functionalImprovement": "documented"');
      await expect.poll(unmet).toEqual(['visit-count', 'home-program']);
      await page.fill('input[data-field="asOf"]', '');
      await page.keyboard.press('Tab');
      await expect.poll(() => page.textContent('[data-problem="asOf"]')).toBe('is required');
    } finally {
      await page.getByRole('button', { name: 'JSON', exact: true }).click();
      await page.selectOption('#case-select', { label: 'Seed: imr-seed (the IMR determination)' });
    }
    await expect.poll(unmet).toEqual(['visit-count', 'functional-improvement', 'home-program']);
  });

  it('runs every bundled test case', async () => {
    await page.getByRole('button', { name: 'Run all tests' }).click();
    await page.waitForSelector('[data-testid=test-summary]');
    expect(await page.textContent('[data-testid=test-summary]')).toMatch(/^[1-9]\d* passed, 0 failed$/);
    // The open file's marks are now the suite's: each line by how every test case found its conditions.
    const ws = new Workspace();
    ws.reset(bundledSources(), []);
    const { coverage } = await runTests(ws.compile()!, bundledTestCases());
    const expected = byLine(coverage.filter((c) => c.file === seedGuideline));
    expect(expected.map((e) => e.level)).toContain('both');
    await expect.poll(async () => (await coverageMarks()).map((m) => [m.line, m.level])).toEqual(expected.map((e) => [e.line, e.level]));
    (await coverageMarks()).forEach((m, i) => {
      for (const c of expected[i]!.conditions) expect(plain(m.hover)).toContain(`${c.condition}: true in ${c.true}, false in ${c.false}, unknown in ${c.unknown} test cases`);
    });
  });

  it('shows a criterion in the editor when it is clicked', async () => {
    await page.getByRole('tab', { name: 'Determination' }).click();
    await page.click('[data-criterion="functional-improvement"] .criterion-title');
    await page.waitForSelector('.criterion-highlight');
    // monaco renders spaces as no-break spaces
    const selected = await page.evaluate(() => (document.querySelector('.editor-pane .monaco-editor .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' '));
    expect(selected).toContain('criterion functional-improvement');
  });

  it('shows the compiled json-rules-engine rules', async () => {
    await page.getByRole('tab', { name: 'Compiled JSON' }).click();
    const compiled = (): Promise<string> => page.evaluate(() => (document.querySelector('#compiled .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' '));
    await expect.poll(compiled).toContain('"format": "guideline-rules"');
    expect(await compiled()).toContain('"id": "mtus.chronic-pain.physical-medicine"');
    await page.getByRole('tab', { name: 'Determination' }).click();
  });

  it('lists the guideline files by name under their folders, found by search, picked by keyboard', async () => {
    const seedFile = 'guidelines/mtus/chronic-pain-physical-medicine/chronic-pain-physical-medicine.guideline';
    const shown = (): Promise<string[]> => page.$$eval('#file-select optgroup', (gs) => gs.flatMap((g) => [...g.querySelectorAll('option')].map((o) => `${g.getAttribute('label')}: ${o.textContent}`)));
    expect(await shown()).toContain('mtus/chronic-pain-physical-medicine: chronic-pain-physical-medicine.guideline');
    expect(await shown()).toContain('shared: physical-medicine-rules.guideline');
    // A search keeps the open file and the files found; Enter opens the first found.
    await page.fill('#file-filter', 'texas');
    expect(await shown()).toEqual(['mtus/chronic-pain-physical-medicine: chronic-pain-physical-medicine.guideline', 'policies: texas.guideline']);
    await page.focus('#file-filter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as unknown as { guidelinePlayground: { file(): string } }).guidelinePlayground.file())).toBe('guidelines/policies/texas.guideline');
    await page.fill('#file-filter', '');
    expect((await shown()).length).toBeGreaterThan(20);
    // The arrow keys move through the list as in any drop-down.
    await page.focus('#file-select');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => (window as unknown as { guidelinePlayground: { file(): string } }).guidelinePlayground.file())).toBe('guidelines/policies/california.guideline');
    await page.selectOption('#file-select', seedFile);
    await expect.poll(() => editorText(page)).toContain('physical-medicine-rules');
  });

  it('opens a shared link with exactly that guideline and case', async () => {
    await setText(page, `${original}# an edit that travels in the link\n`);
    await page.getByRole('button', { name: 'Share link' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#share='));
    const link = page.url();
    const text = await editorText(page);
    const other = await browser.newPage(); // a new context: no local storage to fall back on
    const otherErrors = collectErrors(other);
    await openPlayground(other, link);
    expect(text).toContain('# an edit that travels in the link');
    expect(await editorText(other)).toBe(text);
    expect(await caseText(other)).toBe(await caseText(page));
    expect(await other.textContent('[data-testid=decision]')).toBe('not-medically-necessary');
    expect(otherErrors).toEqual([]);
    await other.close();
  });

  it('keeps the work across a reload', async () => {
    const text = await editorText(page);
    await page.goto(server.url); // no hash: local storage only
    await page.waitForSelector('[data-testid=decision]');
    expect(await editorText(page)).toBe(text);
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
