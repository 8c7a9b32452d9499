// Compile output as golden files: test/golden/<case>.guideline -> <case>.rules.json. Update with
// `vitest -u` and review the diff like code; in CI a missing or changed golden file fails.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedMemo } from '../src/parse.ts';
import { analyze, compileGuideline, compileProgram } from '../src/pipeline.ts';

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

  it('keeps the criteria in source order', () => {
    expect(rules.guidelines[0]!.criteria.map((c) => c.id)).toEqual(['words', 'symbols', 'arithmetic', 'values', 'known-facts', 'dates']);
  });

  it('numbers every leaf condition, and each number has a source map entry', () => {
    const g = rules.guidelines[0]!;
    const numbers = [...json.matchAll(/"leaf":(\d+)/g)].map((m) => Number(m[1]));
    expect(new Set(numbers).size).toBe(g.leaves.length);
    expect(Math.max(...numbers)).toBe(g.leaves.length - 1);
    // A condition's leaf points at the condition as written; the header's (covers, in force) at their values.
    for (const l of g.leaves) {
      const written = text.slice(l.source.start, l.source.end).replace(/\s+/g, ' ');
      expect(written === l.text || l.text.includes(written), `${l.text} / ${written}`).toBe(true);
    }
  });

  it('defines every fact the conditions read', () => {
    const ids = new Set(rules.facts.map((f) => f.id));
    for (const m of json.matchAll(/"fact":"([^"]+)"/g)) expect(ids.has(m[1]!) || m[1]!.startsWith('recommended.'), m[1]).toBe(true);
  });

  it('maps every criterion to its source line', () => {
    const lines = text.split('\n');
    for (const c of rules.guidelines[0]!.criteria) expect(lines[c.source.line - 1]).toMatch(new RegExp(`^criterion ${c.id} `));
  });

  it('numbers a rationale\'s placeholders left to right, even a placeholder that is itself a number', () => {
    const src = `guideline a.b\n  title "T"\n  source "S", pages 1\n  covers physical-therapy\n  uses physical-medicine\ncriterion c\n  require completed visits > 0\n  otherwise "{1} and {completed visits}, then {0} and {completed visits} again"\n`;
    const c = compileGuideline(src).rules!.guidelines[0]!.criteria[0]!;
    expect(c.texts.notMet!.text).toBe('{0} and {1}, then {2} and {3} again');
    expect(c.texts.notMet!.placeholders.map((p) => p.text)).toEqual(['1', 'completed visits', '0', 'completed visits']);
  });

  it('does not compile a file with errors', () => {
    const r = compileGuideline(text.replace('completed visits is at least 1', 'completed vists is at least 1'));
    expect([r.rules, r.diagnostics.map((d) => d.code)]).toEqual([undefined, ['C301']]);
  });
});

describe('line endings', () => {
  /** The rules but for what counts characters: each source location's offsets, and the revision over them. */
  const byLines = (rules: unknown): unknown =>
    JSON.parse(JSON.stringify(rules, (k, v: unknown) => (k === 'revision' ? undefined : v !== null && typeof v === 'object' && 'line' in v && 'start' in v ? { ...v, start: undefined, end: undefined } : v)));
  const wrapped = [
    'guideline a.b\n  title "A title\n    on two lines"\n  source "A source\n    in two", pages 1-2\n  covers physical-therapy\n  uses physical-medicine',
    'class myalgia "Myalgia,\n  of the muscles" terms "myalgia", "muscle\n  pain"',
    'recommend\n  myalgia: 9-10 visits over 8 weeks',
    'criterion c "A criterion\n  on two lines"\n  require completed visits > 0\n    and diagnosis is myalgia\n  when met "Met,\n    as it should"\n  otherwise "Not met:\n    {completed visits} visits."',
  ].join('\n') + '\n';
  const goldens = cases.map((name) => readFileSync(new URL(`${name}.guideline`, dir), 'utf8'));

  it.each([wrapped, ...goldens].map((text, i) => [i === 0 ? 'texts on several lines' : cases[i - 1]!, text]))('%s: with CRLF line endings, the rules of the LF file', (_, text) => {
    const lf = compileGuideline(text, { file: 'x.guideline' });
    const crlf = compileGuideline(text.replace(/\n/g, '\r\n'), { file: 'x.guideline' });
    expect(lf.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.stringify(crlf.rules)).not.toContain('\\r');
    expect(byLines(crlf.rules)).toEqual(byLines(lf.rules));
  });
});

describe('what a compile keeps', () => {
  const text = (n: number) => readFileSync(new URL('../../../scripts/bench/physical-medicine.guideline', import.meta.url), 'utf8').replace(/^criterion ([a-z-]+)/gm, `criterion $1-kept${n}`);

  it('a plain compile keeps no parsed declaration; with reuse, and in analyze, they are kept for the next edit', () => {
    const before = { segments: sharedMemo.segments.size, expressions: sharedMemo.expressions.size };
    expect(compileProgram([{ text: text(1), file: 'a.guideline' }]).rules).toBeDefined();
    expect({ segments: sharedMemo.segments.size, expressions: sharedMemo.expressions.size }).toEqual(before);
    expect(compileProgram([{ text: text(2), file: 'a.guideline' }], { reuse: true }).rules).toBeDefined();
    expect(sharedMemo.segments.size).toBeGreaterThan(before.segments);
    const after = sharedMemo.segments.size;
    analyze(text(3));
    expect(sharedMemo.segments.size).toBeGreaterThan(after);
  });

  it('gives the same rules and diagnostics with and without reuse', () => {
    const broken = text(4).replace('require completed visits + requested visits', 'require completed visits +');
    for (const t of [text(5), broken]) {
      const plain = compileProgram([{ text: t, file: 'a.guideline' }]);
      compileProgram([{ text: t, file: 'a.guideline' }], { reuse: true });
      expect(compileProgram([{ text: t, file: 'a.guideline' }], { reuse: true })).toEqual(plain);
    }
  });
});
