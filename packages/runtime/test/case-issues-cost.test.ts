// What a case with many bad fields costs: the closest defined name is looked for only for the problems
// a case reports (caseLimits.maxIssues), not for every one counted past them. A 5 MB case of 300,000
// unknown keys took seconds of edit distances that no message showed.
import { describe, expect, it, vi } from 'vitest';

const searches = vi.hoisted(() => ({ count: 0 }));
vi.mock('@guideline/language/rules', async (original) => {
  const rules = await original<typeof import('@guideline/language/rules')>();
  return { ...rules, closest: (...args: Parameters<typeof rules.closest>) => (searches.count++, rules.closest(...args)) };
});

const { caseLimits, validateCase } = await import('../src/index.ts');

describe('a case with more bad fields than it reports', () => {
  it('looks for a closest name only for the problems it reports, and counts the rest', () => {
    const unknown = 10_000;
    const input: Record<string, unknown> = Object.fromEntries(Array.from({ length: unknown }, (_, i) => [`histroy${i}`, i]));
    searches.count = 0;
    const issues = validateCase(input);
    expect(issues).toHaveLength(caseLimits.maxIssues + 1);
    expect(issues[0]!.message).toMatch(/is (required|not a field of the case)/);
    expect(issues.some((i) => /did you mean history\?/.test(i.message))).toBe(true);
    expect(issues[issues.length - 1]!.more).toBe(unknown + 3 - caseLimits.maxIssues);
    expect(searches.count).toBeLessThanOrEqual(caseLimits.maxIssues);
  });
});
