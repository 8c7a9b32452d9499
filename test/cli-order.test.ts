// The program the command compiles does not depend on the locale, the order of the paths given or
// the working directory: files are ordered by code units of their names, and the names an artifact
// records start at the folder given.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedCase } from './support/case-factory.ts';
import { runCli, scratch } from './support/cli.ts';

const { dir: tmp, file } = scratch('guideline-order-');
const folder = join(tmp, 'g');
mkdirSync(folder);
// Two guidelines one policy pattern matches, deciding the seed case differently: the first in the
// program's order governs. 'zeta' sorts before 'äpple' by code units, after it in English, before
// it in Swedish.
const guideline = (id: string, limit: number): string =>
  `guideline t.${id}\n  title "${id}"\n  source "S", pages 1\n  covers physical-therapy\n  uses physical-medicine\ncriterion c "C"\n  require completed visits < ${limit}\n  otherwise "x"\n`;
const zeta = join(folder, 'zeta.guideline');
const apple = join(folder, 'äpple.guideline');
const policy = join(folder, 'policy.guideline');
writeFileSync(zeta, guideline('zeta', 100));
writeFileSync(apple, guideline('apple', 3));
writeFileSync(policy, 'policy p "P"\n  jurisdiction CA\n  first t.*\n');
const seed = file('seed.json', JSON.stringify(seedCase()));

describe('the program does not depend on the locale, the argument order or the working directory', () => {
  it.each(['sv_SE.UTF-8', 'en_US.UTF-8', 'C'])('LC_ALL=%s: the guideline first by code units governs', (locale) => {
    const r = runCli(['check', folder, '--case', seed, '--json'], { env: { LC_ALL: locale, LANG: locale } });
    expect([r.code, JSON.parse(r.stdout).guideline.id]).toEqual([0, 't.zeta']);
  });

  it('the same artifact, byte for byte, with the paths in any order, from any working directory', () => {
    const compile = (args: string[], cwd?: string): string => {
      const r = runCli(['compile', ...args], cwd ? { cwd } : {});
      expect(r.code).toBe(0);
      return r.stdout;
    };
    const artifact = compile([zeta, apple, policy]);
    expect(compile([policy, apple, zeta])).toBe(artifact);
    expect(compile([apple, zeta, policy, zeta])).toBe(artifact);
    expect(compile(['zeta.guideline', './äpple.guideline', 'policy.guideline'], folder)).toBe(artifact);
    expect(compile([relative(tmp, policy), relative(tmp, zeta), relative(tmp, apple)], tmp)).toBe(artifact);
    const rules = JSON.parse(artifact);
    expect(rules.guidelines.map((g: { id: string; location: { file: string } }) => [g.id, g.location.file])).toEqual([
      ['t.zeta', 'zeta.guideline'],
      ['t.apple', 'äpple.guideline'],
    ]);
  });

  it('a folder given names its files from the folder: the same from inside it, beside it, or by an absolute path', () => {
    const artifact = runCli(['compile', folder]).stdout;
    expect(runCli(['compile', '.'], { cwd: folder }).stdout).toBe(artifact);
    expect(runCli(['compile', 'g'], { cwd: tmp }).stdout).toBe(artifact);
    // A path inside another given adds nothing, and changes no name.
    expect(runCli(['compile', apple, folder], { cwd: tmp }).stdout).toBe(artifact);
    expect(JSON.parse(artifact).guidelines.map((g: { location: { file: string } }) => g.location.file)).toEqual(['g/zeta.guideline', 'g/äpple.guideline']);
  });

  it('files that would share a name take their folders until they do not', () => {
    const a = join(tmp, 'a', 'same.guideline');
    const b = join(tmp, 'b', 'same.guideline');
    mkdirSync(join(tmp, 'a'));
    mkdirSync(join(tmp, 'b'));
    writeFileSync(a, guideline('a', 3));
    writeFileSync(b, guideline('b', 3));
    const r = runCli(['compile', b, a, policy]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).guidelines.map((g: { location: { file: string } }) => g.location.file)).toEqual(['a/same.guideline', 'b/same.guideline']);
  });
});
