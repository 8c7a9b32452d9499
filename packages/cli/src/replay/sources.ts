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
    // By its id, which git finds from the current folder (`HEAD:./x`, `HEAD:../x`).
    const object = git(['rev-parse', '--verify', '--quiet', `${rev}:${path}`]).toString().trim();
    // `HEAD:` and `HEAD:./` (git reads ./ from the current folder) name a tree without a name of its own.
    const name = basename(path.replace(/\/+$/, ''));
    const at = join(dir, name === '' || name === '.' || name === '..' ? 'root' : name);
    // Problems are shown at the file as git names it at that revision: the copy is gone after.
    // As given (`HEAD:./x` is another tree than `HEAD:x`), and a file in a tree under it.
    const base = path.replace(/\/+$/, '');
    const shownAs = (p: string): string => {
      const rel = relative(at, p);
      return `${rev}:${rel ? (base ? `${base}/${rel}` : rel) : base}`;
    };
    if (git(['cat-file', '-t', object]).toString().trim() === 'blob') {
      writeFileSync(at, git(['show', object]));
      return await (at.endsWith('.json') ? ruleSet([], at, shownAs) : ruleSet([at], undefined, shownAs));
    }
    mkdirSync(at);
    // From the repository's root: run in a folder of it, git archive keeps only that folder's part of a tree.
    const root = git(['rev-parse', '--show-toplevel']).toString().trim();
    const archive = git(['-C', root, 'archive', '--format=tar', object]);
    try {
      execFileSync('tar', ['-x', '-C', at], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
    } catch (e) {
      // A tree git holds but no folder can (two entries of one name, made with git mktree).
      const why = String((e as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0] || (e as Error).message;
      throw new UsageError(`'${spec}': the tree at that revision cannot be written out as files (${why})`);
    }
    return await ruleSet([at], undefined, shownAs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
