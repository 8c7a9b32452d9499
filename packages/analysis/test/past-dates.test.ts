// A `date` fact (not `any date`) is never after the review date: the runtime refuses a case that
// gives one later (R501). So no region of the analysis holds such a case: a guideline that applies
// within a window after a surgery leaves a gap only after the window, never "before" the surgery,
// and every example it gives is a case the runtime takes.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../language/src/index.ts';
import { analyzeRules } from '../src/index.ts';

const program = (applies: string, facts = ''): string => `vocabulary v "V"
fact visit date: date, from history.visitDate
  "A visit already made."
fact planned date: any date, from request.plannedDate
  "A date to come."
${facts}
guideline a.b
  title "T"
  source "S", pages 1-2
  covers physical-therapy
  uses physical-medicine, v
  applies when ${applies}

procedure knee "Knee"
  terms "knee"

recommend
  knee: 12 visits over 12 weeks within 6 months

criterion x "X"
  require completed visits <= 12
  otherwise "no"

policy p "P"
  jurisdiction TX
  first a.b
`;

async function gaps(applies: string): Promise<{ where: string[]; example: Record<string, unknown> }[]> {
  const r = compileProgram([{ text: program(applies), file: 'g.guideline' }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const report = await analyzeRules(r.rules!);
  expect(report.unreproduced).toBe(0);
  return report.findings.filter((f) => f.code === 'A607').map((f) => ({ where: f.region, example: f.example?.case as Record<string, unknown> }));
}

describe('a date of what has happened is no later than the review date', () => {
  it.each<[string]>([
    ['surgery date is within treatment period'],
    ['surgery date is within 6 months'],
    ['visit date is within 30 days'],
    ['weeks since visit date <= 4'],
    ['months from visit date to request date < 2'],
  ])('%s: gaps only after the window, each example a case', async (applies) => {
    const found = await gaps(applies);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.where.join('\n')).not.toMatch(/less than 0 |before the review/);
      const asOf = f.example['asOf'] as string;
      const surgery = (f.example['surgery'] as { date?: string } | undefined)?.date;
      const visit = ((f.example['history'] as Record<string, unknown> | undefined)?.['visitDate']) as string | undefined;
      for (const d of [surgery, visit]) if (d !== undefined) expect(d <= asOf).toBe(true);
    }
  });

  it('a date that may come later (any date) still may', async () => {
    const found = await gaps('planned date is within 30 days');
    const later = found.some((f) => {
      const planned = (f.example['request'] as Record<string, unknown>)['plannedDate'] as string | undefined;
      return planned !== undefined && planned > (f.example['asOf'] as string);
    });
    expect(later).toBe(true);
  });
});
