// Guideline files or an artifact as they were at a git revision: `<rev>:<path>`, as git names a
// file or a folder at a commit (`HEAD:guidelines`, `v2016:guidelines/mtus`, `HEAD~1:rules.json`).
// What git holds there is written out to a temporary folder, read as any path is, and removed; a
// problem in it is shown at the file as git names it (`HEAD:guidelines/mtus/x.guideline:3:5`),
// never at the copy. `replay --before/--after` and `diff --before/--after` take them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { closest } from '@guideline/language/rules';
import { display, UsageError } from './paths.ts';
import { makeScratch, removeScratch } from './scratch.ts';

/** Paths as given, those at a revision written out; `shownAs` names a file by where it was given. */
export interface Revisions {
  paths: string[];
  shownAs: (path: string) => string;
  /** Removes what was written out. */
  remove(): void;
}

/** A path that is no file or folder here and reads as `<rev>:<path>`: its revision and path. */
export function revisionOf(spec: string): { rev: string; path: string } | undefined {
  if (existsSync(spec)) return undefined;
  const m = /^([^:]+):(.*)$/.exec(spec);
  return m ? { rev: m[1]!, path: m[2]! } : undefined;
}

/**
 * Each path that is a `<rev>:<path>` of the repository the current folder is in, written out; the
 * others as they are (the caller reads them, and says so of one that is not there). Throws a
 * UsageError for a revision git cannot write out, having removed what it wrote.
 */
export function atRevisions(specs: readonly string[]): Revisions {
  const written: { at: string; shown: (p: string) => string }[] = [];
  // Each folder as soon as it is made: one git could not fill is removed too.
  const made: string[] = [];
  const remove = (): void => {
    for (const dir of made) removeScratch(dir);
  };
  const paths: string[] = [];
  try {
    for (const spec of specs) {
      const r = revisionOf(spec);
      if (!r) {
        paths.push(spec);
        continue;
      }
      const dir = makeScratch('guideline-rev-');
      made.push(dir);
      const w = writeOut(spec, r.rev, r.path, dir);
      written.push(w);
      paths.push(w.at);
    }
  } catch (e) {
    remove();
    throw e;
  }
  const shownAs = (p: string): string => {
    const w = written.find((x) => p === x.at || p.startsWith(x.at + sep));
    return w ? w.shown(p) : display(p);
  };
  return { paths, shownAs, remove };
}

/** The error for a path that is no file, no folder, and no `<rev>:<path>`. */
export function notFound(spec: string): UsageError {
  return new UsageError(`'${spec}' is no file or folder, and no git revision (<rev>:<path>)`);
}

/** Writes the object at `rev:path` into `dir`: the path of the copy, and how to name a file in it. */
function writeOut(spec: string, rev: string, path: string, dir: string): { at: string; shown: (p: string) => string } {
  // git would read it as one of its options (`--output=...` writes a file): never passed on.
  if (rev.startsWith('-')) throw new UsageError(`'${spec}': a git revision does not begin with '-'`);
  const git = (args: string[]): Buffer => {
    try {
      return execFileSync('git', args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
    } catch (e) {
      throw new UsageError(`'${spec}': no such revision or path in git (${failure(e)})`);
    }
  };
  // By its id, which git finds from the current folder (`HEAD:./x`, `HEAD:../x`).
  const object = objectAt(spec, rev, path);
  const base = path.replace(/\/+$/, '');
  // `HEAD:` and `HEAD:./` (git reads ./ from the current folder) name a tree without a name of its own.
  const name = basename(base);
  const at = join(dir, name === '' || name === '.' || name === '..' ? 'root' : name);
  // As given (`HEAD:./x` is another tree than `HEAD:x`), and a file in a tree under it.
  const shown = (p: string): string => {
    const rel = relative(at, p);
    return `${rev}:${rel ? (base ? `${base}/${rel}` : rel) : base}`;
  };
  if (git(['cat-file', '-t', object]).toString().trim() === 'blob') {
    writeFileSync(at, git(['show', object]));
    return { at, shown };
  }
  mkdirSync(at);
  // From the repository's root: run in a folder of it, git archive keeps only that folder's part of a tree.
  const root = git(['rev-parse', '--show-toplevel']).toString().trim();
  const archive = git(['-C', root, 'archive', '--format=tar', object]);
  try {
    execFileSync('tar', ['-x', '-C', at], { input: archive, stdio: ['pipe', 'ignore', 'pipe'] });
  } catch (e) {
    // A tree git holds but no folder can (two entries of one name, made with git mktree).
    throw new UsageError(`'${spec}': the tree at that revision cannot be written out as files (${failure(e)})`);
  }
  return { at, shown };
}

/** The id of the object at `rev:path`, or a UsageError that says which of the two git does not know, and why. */
function objectAt(spec: string, rev: string, path: string): string {
  const id = (name: string): string | undefined => {
    try {
      return execFileSync('git', ['rev-parse', '--verify', '--quiet', name], { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
    } catch {
      return undefined;
    }
  };
  const found = id(`${rev}:${path}`);
  if (found) return found;
  try {
    execFileSync('git', ['rev-parse', '--git-dir'], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new UsageError(`'${spec}' is no file or folder, and not a git revision here: ${failure(e)}`);
  }
  if (!id(`${rev}^{tree}`)) throw new UsageError(`'${spec}': no such revision in git: '${rev}'`);
  // The revision is there, the path is not: the names beside it there, for a suggestion.
  const base = path.replace(/\/+$/, '');
  const slash = base.lastIndexOf('/');
  const parent = id(`${rev}:${base.slice(0, slash + 1)}`);
  let names: string[] = [];
  if (parent) {
    try {
      names = execFileSync('git', ['ls-tree', '--full-tree', '--name-only', parent], { stdio: ['ignore', 'pipe', 'pipe'] }).toString().split('\n').filter(Boolean);
    } catch {
      names = [];
    }
  }
  const near = closest(base.slice(slash + 1), names);
  const from = path.startsWith('./') || path.startsWith('../') ? 'the current folder' : "the repository's root (./ for the current folder)";
  throw new UsageError(`'${spec}': no such path at revision '${rev}': '${path}', read from ${from}${near ? `; did you mean '${rev}:${base.slice(0, slash + 1)}${near}'?` : ''}`);
}

/** Why a program run failed, in its own words: the first line it wrote to stderr. */
function failure(e: unknown): string {
  return String((e as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0] || (e as Error).message;
}
