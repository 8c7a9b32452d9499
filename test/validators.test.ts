// The runtime's schema validators are generated at build time (scripts/gen-validators.ts): the
// committed files are what the generator writes now, and nothing in the runtime builds code at run
// time, so it runs under a Content-Security-Policy without 'unsafe-eval'. Shown the hard way too:
// the runtime, bundled, validates and evaluates in a Node that refuses to generate code from strings.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { generateValidator, root, validators } from '../scripts/gen-validators.ts';
import { bundledRules } from './support/bundled.ts';
import { seedCase } from './support/case-factory.ts';

describe('the generated validators', () => {
  it.each(validators.map((v) => [v.output, v]))('%s is committed as the generator writes it now (run `pnpm gen` when this fails)', (_, spec) => {
    expect(readFileSync(join(root, spec.output), 'utf8') === generateValidator(spec)).toBe(true);
  });

  it.each(validators.map((v) => [v.output]))('%s builds no code at run time and requires no module', (output) => {
    const code = readFileSync(join(root, output), 'utf8');
    expect(code).not.toMatch(/new Function|\beval\(|\brequire\(|from ['"]ajv/);
  });

  it('the runtime imports no ajv and does not depend on it', () => {
    const dir = join(root, 'packages/runtime/src');
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/from ['"]ajv|import\(['"]ajv/);
    const pkg = JSON.parse(readFileSync(join(root, 'packages/runtime/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('ajv');
  });

  it('validate, load and evaluate where code generation from strings is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guideline-csp-'));
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { readFileSync } from 'node:fs';
import { evaluate, evaluateFast, loadRuleSet, validateCase } from ${JSON.stringify(join(root, 'packages/runtime/src/index.ts'))};
let refused = false;
try { new Function('return 1'); } catch { refused = true; }
const rules = loadRuleSet(readFileSync(process.argv[2], 'utf8'));
const c = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const bad = validateCase({ ...c, asOf: 'yesterday' }).map((i) => i.field);
const slow = await evaluate(rules, c);
console.log(JSON.stringify({ refused, bad, fast: evaluateFast(rules, c).decision, slow: slow.decision }));
`,
    );
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'entry.mjs'), logLevel: 'error', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(bundledRules()));
    writeFileSync(join(dir, 'case.json'), JSON.stringify(seedCase()));
    const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', join(dir, 'entry.mjs'), join(dir, 'rules.json'), join(dir, 'case.json')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ refused: true, bad: ['asOf'], fast: 'not-medically-necessary', slow: 'not-medically-necessary' });
  });
});
