// Paths: how a file is shown to the user, and how the files under the paths given are found, named
// and ordered, the same whatever the working directory, the locale or the order of the arguments.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A mistake in how the command was called, or a file it cannot use: exit 2, with the message (and our own help text after it). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help?: string,
  ) {
    super(message);
  }
}

/**
 * A path as shown to the user: as given, when given relative (normalized; `../` kept), and relative to
 * the working directory when given absolute and inside it. Pass the user's own form (a FoundFile's
 * `given`), not a resolved path, or a file outside the working directory is shown absolute.
 */
export function display(path: string): string {
  const rel = relative(process.cwd(), path);
  if (!isAbsolute(path)) return rel || '.';
  return rel && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`) ? rel : path;
}

export const notRegular = 'not a regular file (a device, a pipe or a socket)';

/** Why a file operation failed, in a few words. */
export function why(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENXIO') return notRegular;
  if (code === 'EISDIR') return 'a folder, not a file';
  // Node's own words without its prefix: "EIO: i/o error, write" is "i/o error (EIO)".
  const m = /^[A-Z]+: ([^,]+)/.exec((e as Error).message ?? '');
  return m ? `${m[1]} (${code})` : String((e as Error).message ?? e);
}

/** Compares by UTF-16 code units: the same order under every locale (localeCompare is not). */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface FoundFile {
  /** Absolute path: what tells files apart. */
  path: string;
  /** The path as the user gave it (the path given, then the path below it): read, write and `display` it. */
  given: string;
  /**
   * Its name, the same from any working directory: the name of the folder given (or of the file
   * given) followed by the path under it, with '/' between. Compiled artifacts record it.
   */
  name: string;
}

/**
 * The files under the given paths whose names `accept` takes, each once, ordered by name (code
 * units). A path inside another given path adds nothing; only regular files are taken (a FIFO or
 * a device in a folder is passed over), as are folders and files not starting with '.'.
 */
export function findFiles(paths: readonly string[], accept: (name: string) => boolean): FoundFile[] {
  const givenAs = new Map<string, string>();
  for (const p of paths) if (!givenAs.has(resolve(p))) givenAs.set(resolve(p), p);
  const roots = [...givenAs.keys()].sort(byCodeUnits);
  const outer = roots.filter((r) => !roots.some((o) => o !== r && r.startsWith(o.endsWith(sep) ? o : o + sep)));
  const found = new Map<string, FoundFile>();
  for (const root of outer) {
    const given = givenAs.get(root)!;
    const st = attempt(given, () => statSync(root, { throwIfNoEntry: false }));
    if (!st) throw new UsageError(`${display(given)}: no such file or folder`);
    // A file given by name is taken whatever its name; the reader refuses what is not a regular file.
    if (!st.isDirectory()) found.set(root, { path: root, given, name: basename(root) });
    else walk(root, { path: root, given }, accept, found);
  }
  return distinctNames([...found.values()]).sort((a, b) => byCodeUnits(a.name, b.name) || byCodeUnits(a.path, b.path));
}

function walk(root: string, dir: { path: string; given: string }, accept: (name: string) => boolean, out: Map<string, FoundFile>): void {
  for (const entry of attempt(dir.given, () => readdirSync(dir.path, { withFileTypes: true }))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = resolve(dir.path, entry.name);
    const given = join(dir.given, entry.name);
    if (entry.isDirectory()) walk(root, { path: p, given }, accept, out);
    else if (accept(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && linksToFile(p)))) {
      out.set(p, { path: p, given, name: nameUnder(root, p) });
    }
  }
}

/** What `f` returns, or a UsageError naming the path and why it could not be read (a folder without permission). */
function attempt<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new UsageError(`${display(path)}: ${why(e)}`);
  }
}

/** Whether a symbolic link leads to a regular file (not to a folder, a device, nothing, or round in a loop). */
function linksToFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** A file's name under a folder: the folder's own name, then the path below it. */
export function nameUnder(root: string, path: string): string {
  return [basename(root), ...relative(root, path).split(sep)].filter(Boolean).join('/');
}

/** Files that would share a name each take as many more of their parent folders as tell them apart. */
function distinctNames(files: FoundFile[]): FoundFile[] {
  for (;;) {
    const count = new Map<string, number>();
    for (const f of files) count.set(f.name, (count.get(f.name) ?? 0) + 1);
    const clashing = files.filter((f) => count.get(f.name)! > 1);
    if (!clashing.length) break;
    for (const f of clashing) {
      // The name is the path's last folders and file: the folder above them comes next.
      let dir = f.path;
      for (let i = f.name.split('/').length; i > 0; i--) dir = dirname(dir);
      f.name = basename(dir) ? `${basename(dir)}/${f.name}` : f.path;
    }
  }
  return files;
}
