// Compile output as golden files: test/golden/<case>.guideline -> <case>.rules.json. Update with
// `vitest -u` and review the diff like code; in CI a missing or changed golden file fails.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileGuideline } from '../src/pipeline.ts';

const dir = new URL('./golden/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.guideline')).map((f) => f.slice(0, -'.guideline'.length)).sort();

describe('golden', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)('%s', async (name) => {
    const text = readFileSync(new URL(`${name}.guideline`, dir), 'utf8');
    const result = compileGuideline(text, { file: `golden/${name}.guideline` });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await expect(JSON.stringify(result.rules, null, 2) + '\n').toMatchFileSnapshot(`./golden/${name}.rules.json`);
  });
});

describe('output', () => {
  const text = readFileSync(new URL('expressions.guideline', dir), 'utf8');
  const rules = compileGuideline(text, { file: 'x.guideline' }).rules!;
  const json = JSON.stringify(rules);

  it('emits no json-rules-engine path (jsonpath) expressions', () => {
    expect(json).not.toMatch(/"path"\s*:/);
  });

  it('is plain data: survives a JSON round trip unchanged', () => {
    expect(JSON.parse(json)).toEqual(rules);
  });

  it('names each criterion rule <guideline>/<criterion>, after the applicability rule', () => {
    expect(rules.guidelines[0]!.rules.map((r) => r.name)).toEqual([
      'golden.expressions/applies',
      ...['words', 'symbols', 'arithmetic', 'values', 'known-facts', 'dates'].map((c) => `golden.expressions/${c}`),
    ]);
  });

  it('maps every criterion to its source line', () => {
    const lines = text.split('\n');
    for (const c of rules.guidelines[0]!.criteria) expect(lines[c.source.line - 1]).toMatch(new RegExp(`^criterion ${c.id} `));
  });

  it('does not compile a file with errors', () => {
    const r = compileGuideline(text.replace('completed visits is at least 1', 'completed vists is at least 1'));
    expect([r.rules, r.diagnostics.map((d) => d.code)]).toEqual([undefined, ['C301']]);
  });
});
