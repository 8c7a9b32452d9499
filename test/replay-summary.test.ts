// Replay's summary and report read back from counts: a table cut short says how many rows (and, for
// the transitions, cases) it leaves out, so that what it shows adds up to the total; the report's
// tables and charts say the same as the terminal.
import { describe, expect, it } from 'vitest';
import { htmlReport } from '../packages/cli/src/replay/html.ts';
import type { Counts } from '../packages/cli/src/replay/process.ts';
import { summary } from '../packages/cli/src/replay/summary.ts';

const decisions = ['medically-necessary', 'partially-medically-necessary', 'not-medically-necessary', 'insufficient-information', 'needs-clinical-review', 'no-applicable-guideline'];

/** Counts of `n` guidelines, each of whose cases moved from one decision to another and changed one criterion. */
function counts(n: number): Counts {
  const c: Counts = {};
  for (let i = 0; i < n; i++) {
    const [from, to] = [decisions[i % 6]!, decisions[(i + 1 + Math.floor(i / 6)) % 6]!];
    const g = `g${String(i).padStart(2, '0')}`;
    const cases = 100 - i;
    c[`decision\tbefore\tCA\t${g}\t${from}`] = cases;
    c[`decision\tafter\tCA\t${g}\t${to}`] = cases;
    c[`transition\t${from}\t${to}`] = (c[`transition\t${from}\t${to}`] ?? 0) + cases;
    c[`changed-guideline\t${g}\t${g}`] = cases;
    c[`criterion\t${g}\tcourse\tmet\tnot-met`] = cases;
  }
  return c;
}

/** The rows of a terminal table, under its title and header, up to the blank line. */
const rows = (text: string, title: string): string[] => text.split(`\n${title}\n`)[1]!.split('\n\n')[0]!.trimEnd().split('\n').slice(1);
const total = (lines: string[]): number => lines.reduce((sum, l) => sum + Number((/ \(?([\d,]+)(?: cases\))?$/.exec(l)?.[1] ?? '0').replace(/,/g, '')), 0);

describe('replay summary', () => {
  it('a table of more rows than it shows says how many it leaves out, and its cases, adding up to the changed total', () => {
    const text = summary(counts(40), true, [], 1, 'out/changes.jsonl');
    const changed = Number(/; ([\d,]+) changed/.exec(text)![1]!.replace(/,/g, ''));
    const transitions = rows(text, 'Changed cases, by their decision before and after');
    expect(transitions.at(-1)).toMatch(/^ {2}… and \d+ more rows \([\d,]+ cases\)$/);
    expect(total(transitions)).toBe(changed);
    const criteria = rows(text, 'Criteria whose status changed');
    expect(criteria).toHaveLength(16);
    expect(criteria.at(-1)).toBe('  … and 25 more rows');
  });

  it('a table shown whole has no such line', () => {
    const text = summary(counts(3), true, [], 1, 'out/changes.jsonl');
    expect(text).not.toContain('more rows');
  });
});

describe('replay report', () => {
  const cells = (html: string, heading: string): string[][] => {
    const table = html.split(`<h2>${heading}</h2>`)[1]!.split('</table>')[0]!;
    return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]!));
  };

  it("the decisions table has the terminal's columns, change included", () => {
    const c = counts(8);
    const text = summary(c, true, [], 1, 'out/changes.jsonl');
    const terminal = rows(text, 'Decisions').map((l) => l.trim().split(/\s+/));
    const html = cells(htmlReport(c, true, [], { cases: 'cases.jsonl', before: 'a', after: 'b' }), 'Decisions');
    expect(html).toEqual([['decision', 'before', 'after', 'change'], ...terminal]);
  });

  it('a chart or table cut short says how many rows it leaves out', () => {
    const html = htmlReport(counts(60), true, [], { cases: 'cases.jsonl', before: 'a', after: 'b' });
    expect(html).toContain('<p class="more">… and 40 more rows (');
    expect(html).toContain('<p class="more">… and 10 more rows: every changed case is in changes.jsonl</p>');
  });
});
