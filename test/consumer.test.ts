// The packages as a user gets them: built, packed, linted (publint, arethetypeswrong), installed
// with npm from the tarballs in a new project outside the workspace, and used from Node ESM,
// CommonJS, TypeScript (nodenext and bundler), a browser bundle and the command line. The runtime
// loads no parser: neither in Node's module graph nor in the bundle.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';
import { seedCase } from './support/case-factory.ts';
import { consumerProject, npmPackFiles, packAll, run, runAsync, shipped, tarballFiles, type Shipped } from './support/packages.ts';

const chromiumPath = '/usr/bin/chromium';
const bin = (name: string): string => join(root, 'node_modules/.bin', name);
/** What a module graph must not hold when only the runtime is loaded: Chevrotain, the lexer, parser and checker. */
const parserModules = /\/chevrotain\/|\/@chevrotain\/|@guideline\/language\/dist\/(?:parse|parser\/|lexer|check\/|pipeline|tokens)/;

let tarballs: Record<Shipped, string>;
let project: string;
let npmFiles: Promise<Record<Shipped, string[]>>;

describe('the packed packages', { timeout: 240_000 }, () => {
  beforeAll(() => {
    tarballs = packAll(mkdtempSync(join(tmpdir(), 'guideline-packs-')));
    npmFiles = npmPackFiles();
    project = consumerProject(tarballs);
    writeFileSync(join(project, 'seed-case.json'), JSON.stringify(seedCase()));
    // The rule set the consumers below load: the bundled guidelines, compiled by the installed CLI.
    run('npx', ['--no-install', 'guideline', 'compile', '-o', 'rules.json'], project);
  }, 240_000);

  // Independent of one another: they run side by side (each mostly waits on a child process).
  it.concurrent.each(shipped)('%s: the tarball holds what npm pack would pack, and no tests', async (pkg) => {
    const files = tarballFiles(tarballs[pkg]);
    expect(files).toEqual((await npmFiles)[pkg]);
    expect(files.filter((f) => /(^|\/)(test|tests|__tests__)\/|\.test\.|\.tsbuildinfo$/.test(f))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'package.json']));
  });

  it.concurrent.each(shipped)('%s: publint finds nothing, warnings included', async (pkg) => {
    await runAsync(bin('publint'), ['run', tarballs[pkg], '--strict'], root);
  });

  // esm-only: arethetypeswrong's TypeScript (5.6) predates require() of ES modules (TypeScript 5.8,
  // Node 20.19), so it calls CommonJS resolution "dynamic import only"; the CommonJS consumers below
  // show require() working, in Node and under TypeScript's nodenext.
  it.concurrent.each(['language', 'runtime'] as const)('%s: arethetypeswrong finds nothing for ESM, node16 and bundlers', async (pkg) => {
    await runAsync(bin('attw'), [tarballs[pkg], '--profile', 'esm-only', '--format', 'ascii'], root);
  });

  it.concurrent('npx guideline decides the seed case with the guidelines it ships', async () => {
    const d = JSON.parse(await runAsync('npx', ['--no-install', 'guideline', 'check', '--case', 'seed-case.json', '--json'], project)) as { decision: string };
    expect(d.decision).toBe('not-medically-necessary');
  });

  it.concurrent.each(['esm.mjs', 'cjs.cjs'])('node %s: compiles with the language, decides with the runtime', async (file) => {
    expect(JSON.parse(await runAsync(process.execPath, [file], project))).toEqual({ decision: 'not-medically-necessary', named: true, compiled: true, schema: 'Case', schemas: ['Case', 'Determination', 'Test case', 'Rule set'] });
  });

  it.concurrent('tsc type-checks a consumer under nodenext (ESM and CommonJS), and the CommonJS output runs', async () => {
    await runAsync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.nodenext.json'], project);
    const script = 'const { decide } = require("./out/cjs.cjs"); const fs = require("node:fs"); console.log(decide(fs.readFileSync("rules.json", "utf8"), JSON.parse(fs.readFileSync("seed-case.json", "utf8"))))';
    expect((await runAsync(process.execPath, ['-e', script], project)).trim()).toBe('not-medically-necessary');
  });

  it.concurrent('tsc type-checks a consumer under moduleResolution bundler', async () => {
    await runAsync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.bundler.json'], project);
  });

  it.concurrent.each([
    ['@guideline/runtime', false],
    ['@guideline/language/rules', false],
    ['@guideline/language', true],
  ] as const)('node loads %s with the parser: %s', async (specifier, parser) => {
    const urls = JSON.parse(await runAsync(process.execPath, ['graph/load.mjs', specifier, join(project, `graph-${specifier.replace(/\W/g, '-')}.log`)], project)) as string[];
    expect(urls.some((u) => u.includes('/@guideline/language/dist/'))).toBe(true);
    expect(urls.filter((u) => parserModules.test(u)).length > 0).toBe(parser);
  });

  it.concurrent('a browser bundle of the runtime holds no parser, and decides the seed case in Chromium', async () => {
    const bundle = await build({ absWorkingDir: project, entryPoints: ['browser/page.js'], bundle: true, platform: 'browser', format: 'esm', target: 'es2022', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.some((f) => f.includes('@guideline/runtime/dist/'))).toBe(true);
    expect(inputs.filter((f) => parserModules.test(`/${f}`))).toEqual([]);
    if (!existsSync(chromiumPath)) {
      console.warn(`${chromiumPath} is missing: the bundle was not run in a browser`);
      return;
    }
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ type: 'module', content: bundle.outputFiles[0]!.text });
      await page.waitForFunction(() => document.body.dataset['decision'] !== undefined, null, { timeout: 30_000 }).catch(() => undefined);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => document.body.dataset['decision'])).toBe('not-medically-necessary');
    } finally {
      await browser.close();
    }
  });
});
