// The rule sets replay compares, from what people have: a compiled artifact (.json), guideline
// files or folders, or either at a git revision (`<rev>:<path>`, as git names a file at a commit).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { RuleSet } from '@guideline/language';
import { ruleSet } from '../commands/check.ts';
import { UsageError } from '../paths.ts';

/** A rule set named on the command line; undefined when it did not compile or load (the errors are printed). */
export async function loadRules(spec: string): Promise<RuleSet | undefined> {
  if (existsSync(spec)) return await (spec.endsWith('.json') ? ruleSet([], spec) : ruleSet([spec], undefined));
  const m = /^([^:]+):(.*)$/.exec(spec);
  if (!m) throw new UsageError(`'${spec}' is no file or folder, and no git revision (<rev>:<path>)`);
  const [, rev, path] = m as unknown as [string, string, string];
  // git would read it as one of its options (`--output=...` writes a file): never passed on.
  if (rev.startsWith('-')) throw new UsageError(`'${spec}': a git revision does not begin with '-'`);
  const dir = mkdtempSync(join(tmpdir(), 'guideline-rev-'));
  const git = (args: string[]): Buffer => {
    try {
      return execFileSync('git', args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    } catch (e) {
      const why = String((e as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0] || (e as Error).message;
      throw new UsageError(`'${spec}': no such revision or path in git (${why})`);
    }
  };
  try {
    // The tree (or file) at that revision, as it was, under its own name: nothing of the working tree.
    const object = `${rev}:${path}`;
    const at = join(dir, basename(path.replace(/\/+$/, '')) || 'root');
    // Problems are shown at the file as git names it at that revision: the copy is gone after.
    const shownAs = (p: string): string => `${rev}:${join(path, relative(at, p))}`;
    if (git(['cat-file', '-t', object]).toString().trim() === 'blob') {
      writeFileSync(at, git(['show', object]));
      return await (at.endsWith('.json') ? ruleSet([], at, shownAs) : ruleSet([at], undefined, shownAs));
    }
    mkdirSync(at);
    execFileSync('tar', ['-x', '-C', at], { input: git(['archive', '--format=tar', object]) });
    return await ruleSet([at], undefined, shownAs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
