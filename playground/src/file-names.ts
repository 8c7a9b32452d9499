// The names a share link or local storage may hold (a guideline file, a test case file) and what marks
// a share link's hash: small checks the page makes at once, apart from share-link.ts (which brings the
// link's compression, needed only when a link is read or made, in the worker).
import { fileNameMaxChars } from './limits.ts';

export const sharePrefix = '#share=';

/** guidelines/<folder>/.../<name>.guideline: lowercase words, digits, - and _, no dot segments. */
const safeFileName = /^guidelines\/(?:[a-z0-9][a-z0-9_-]*\/){0,8}[a-z0-9][a-z0-9_-]*\.guideline$/;

/** A file name a link or local storage may name: one of the workspace's files, or a safe pattern. */
export function isAcceptableFileName(name: string, workspace: ReadonlySet<string>): boolean {
  return workspace.has(name) || (name.length <= fileNameMaxChars && safeFileName.test(name));
}

/** guidelines/<folder>/.../cases/<name>.json: a test case beside its guideline. */
const safeCaseFileName = /^guidelines\/(?:[a-z0-9][a-z0-9_-]*\/){1,8}cases\/[a-z0-9][a-z0-9_-]*\.json$/;

/** A test case file name local storage may name: a bundled case's, or the safe pattern. */
export function isAcceptableCaseFileName(name: string): boolean {
  return name.length <= fileNameMaxChars && safeCaseFileName.test(name);
}

export const isShareHash = (hash: string): boolean => hash.startsWith(sharePrefix);
