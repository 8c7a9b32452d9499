// The examples of grammar/SPEC.md are real: every ```guideline block compiles (whole files, and the
// members of a guideline under a context guideline that uses every standard vocabulary) or parses
// (other fragments), and each one-line condition does what its comment says: no diagnostic, or the code named.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, parse } from '../packages/language/src/index.ts';

const root = join(import.meta.dirname, '..');
const spec = readFileSync(join(root, 'grammar/SPEC.md'), 'utf8');
const blocks = [...spec.matchAll(/```guideline\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** A guideline with the classes and recommendations the fragments of the spec refer to. */
const context = `guideline spec.context
  title  "Context"
  source "Spec", pages 1-2
  covers physical-therapy
  uses physical-medicine, imaging, opioids, work-programs
class myalgia "Myalgia" terms "myalgia"
class neuralgia "Neuralgia" terms "neuralgia"
class crps "CRPS" terms "crps"
procedure knee "Knee" terms "knee arthroplasty"
recommend
  myalgia: 9-10 visits over 8 weeks
  neuralgia: 8-10 visits over 4 weeks
  crps: 24 visits over 16 weeks
  knee: 24 visits over 10 weeks within 4 months
  frequency: up to 3 per week
`;

const firstWord = (block: string): string => block.split('\n').find((l) => l.trim() && !l.trim().startsWith('#'))!.trim().split(/\s+/)[0]!;
/** A whole file: a guideline, vocabulary or policy with criteria. */
const isFile = (b: string): boolean => ['guideline', 'vocabulary', 'policy'].includes(firstWord(b)) && /^(use )?criterion /m.test(b);
/** Members of a guideline, written without its header: criteria, defines, tables, uses of shared criteria. */
const isMember = (b: string): boolean => ['criterion', 'define', 'table', 'use'].includes(firstWord(b));
/** One clause per line, each with its own comment. */
const isConditionList = (b: string): boolean => ['require', 'only', 'unless'].includes(firstWord(b));
const isRationale = (b: string): boolean => firstWord(b) === 'otherwise';
const isFragment = (b: string): boolean => !isFile(b) && !isMember(b) && !isConditionList(b) && !isRationale(b);
const errors = (text: string): string[] => analyze(text).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe('grammar/SPEC.md examples', () => {
  it('has examples of every kind', () => {
    expect(blocks.filter(isFile).length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter(isConditionList).length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter(isFragment).length).toBeGreaterThanOrEqual(5);
    expect(blocks.filter(isMember).length).toBeGreaterThanOrEqual(5);
    expect(blocks.filter(isRationale).length).toBe(1);
  });

  it.each(blocks.filter(isFile).map((b) => [b.split('\n').find((l) => l.startsWith('guideline'))!, b]))('%s compiles without errors', (_, block) => {
    expect(errors(block)).toEqual([]);
  });

  it.each(blocks.filter(isMember).map((b) => [b.split('\n')[0]!, b]))('member %s compiles in a guideline', (_, block) => {
    expect(errors(context + block)).toEqual([]);
  });

  it.each(blocks.filter(isFragment).map((b) => [b.split('\n')[0]!, b]))('fragment %s parses', (_, block) => {
    // Under a guideline header, so members have a guideline to belong to.
    const text = firstWord(block) === 'guideline' ? block : `guideline spec.fragment\n${block}`;
    expect(parse(text).diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  it.each(blocks.filter(isRationale).map((b) => [b]))('rationale %s checks', (block) => {
    expect(errors(`${context}criterion x "X"\n  require completed visits > 0\n  ${block}`)).toEqual([]);
  });

  const lines = blocks.filter(isConditionList).flatMap((b) => b.split('\n').filter((l) => l.trim()));
  it.each(lines.map((l) => [l]))('%s', (line) => {
    const [clause, comment = ''] = line.split(/\s+#\s*/);
    const expected = /^([LPC]\d{3})\b/.exec(comment)?.[1];
    const text = clause!.startsWith('unless') || clause!.startsWith('applies')
      ? context.replace('  covers', `  ${clause}\n  covers`) + 'criterion x "X"\n  require completed visits > 0\n  otherwise "no"\n'
      : `${context}criterion x "X"\n  ${clause}\n${clause!.startsWith('require') ? '' : '  require completed visits > 0\n'}  otherwise "no"\n`;
    const codes = analyze(text).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expected ? [expected] : []);
  });
});
