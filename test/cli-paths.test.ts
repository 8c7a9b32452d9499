// Every command names a file as the user gave it: relative to the current folder (`../` kept) when
// given relative, from wherever the command runs; a file given absolute is named absolute.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedCase } from './support/case-factory.ts';
import { runCli, scratch } from './support/cli.ts';

const rules = (require: string): string => `guideline acme.demo
  title "Demo physical therapy"
  source "Demo", pages 1-2
  covers physical-therapy
  uses physical-medicine
  edition 2009
  in force 2009-01-01

criterion few "Few visits"
  require ${require}
  otherwise "Too many."

policy acme "Acme"
  jurisdiction CA
  first acme.*
`;

// <dir>/work is the current folder; what the commands read is beside it.
const { dir } = scratch('guideline-paths-');
const work = join(dir, 'work');
const put = (path: string, text: string): void => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
mkdirSync(work);
put('good/demo.guideline', rules('requested visits <= 6 visits'));
put('broken/demo.guideline', rules('requested vists <= 6 visits'));
put('broken/cases/one.json', '{}');
put('messy/demo.guideline', 'guideline a\ncriterion c require completed visits>0\n');
put('x.jsonl', `${JSON.stringify(seedCase())}\n{"id":\n`);

describe('paths outside the current folder are named as given', () => {
  it.each([
    ['check ../broken --case ../x.jsonl', ['check', '../broken', '--case', '../x.jsonl'], '../broken/demo.guideline:10:11: error C301'],
    ['check ../good --case ../x.jsonl', ['check', '../good', '--case', '../x.jsonl'], '../x.jsonl:2:7: error R501'],
    ['replay --rules ../good --cases ../x.jsonl', ['replay', '--rules', '../good', '--cases', '../x.jsonl'], '../x.jsonl:2:7: error R501'],
    ['test ../broken', ['test', '../broken'], '../broken/demo.guideline:10:11: error C301'],
    ['compile ../broken', ['compile', '../broken'], '../broken/demo.guideline:10:11: error C301'],
    ['analyze ../broken', ['analyze', '../broken'], '../broken/demo.guideline:10:11: error C301'],
    ['fmt --check ../messy', ['fmt', '--check', '../messy'], '../messy/demo.guideline: not formatted'],
    ['check ../missing --case ../x.jsonl', ['check', '../missing', '--case', '../x.jsonl'], '../missing: no such file or folder'],
  ])('%s', (_, args, named) => {
    const r = runCli(args, { cwd: work });
    expect(r.stdout + r.stderr).toContain(named);
    expect(r.stdout + r.stderr).not.toContain(dir);
  });

  it('names a file given absolute by its absolute path, and one inside the current folder relative to it', () => {
    const abs = runCli(['check', join(dir, 'broken'), '--case', '../x.jsonl'], { cwd: work });
    expect(abs.stderr).toContain(`${join(dir, 'broken/demo.guideline')}:10:11: error C301`);
    const inside = runCli(['check', join(dir, 'broken'), '--case', 'x.jsonl'], { cwd: dir });
    expect(inside.stderr).toMatch(/^broken\/demo\.guideline:10:11: error C301/m);
  });
});
