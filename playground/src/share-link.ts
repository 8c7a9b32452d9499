// Share links: every edited guideline file, the open one and the case, as JSON compressed into the URL
// hash (lz-string); links made before carried one file (version 1) and still open.
// Reading one is bounded (link length, inflated size, stopped while inflating) and strict (exactly the
// state's fields, a safe file name), and a link that fails says which way it failed.
import { compressToEncodedURIComponent } from 'lz-string';
import { inflateLink } from './link-inflate.ts';
import { isAcceptableFileName, isShareHash, sharePrefix as prefix } from './file-names.ts';
import { linkMaxChars, linkMaxDecodedChars, linkMaxFiles } from './limits.ts';

export { isAcceptableCaseFileName, isAcceptableFileName, isShareHash } from './file-names.ts';

export interface SharedState {
  /** The file open in the editor. */
  open: string;
  /** The edited files (every other file has its bundled text). */
  files: { file: string; text: string }[];
  caseText: string;
}

/** Why a share link was not opened (or not made). */
export type ShareLinkProblem =
  /** The compressed state is longer than `linkMaxChars`. */
  | 'link-too-long'
  /** It inflates past `linkMaxDecodedChars`. */
  | 'too-large'
  /** Not an lz-string stream, cut short, or not JSON. */
  | 'damaged'
  /** Made by a later version of the playground. */
  | 'unsupported-version'
  /** JSON, but not the state's fields with their types (or more files than `linkMaxFiles`, or one twice). */
  | 'invalid-state'
  /** The file is neither a bundled file nor a safe guideline file name. */
  | 'unsafe-file-name';

export type ShareLinkRead = { ok: true; state: SharedState } | { ok: false; problem: ShareLinkProblem; detail?: string };

const version = 2;
/** The fields of each version's state. */
const fields: Record<number, Set<string>> = { 1: new Set(['v', 'file', 'text', 'caseText']), 2: new Set(['v', 'open', 'files', 'caseText']) };

/** Hostile text shortened for a message (shown as a text node, never as HTML). */
export const excerpt = (s: string, max = 60): string => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);


/**
 * The state in a share hash, undefined when the hash holds no share link, or the named problem with it.
 * Never throws; work and memory are bounded by `linkMaxChars` and `linkMaxDecodedChars`.
 */
export function readShareLink(hash: string, workspace: ReadonlySet<string>): ShareLinkRead | undefined {
  if (!isShareHash(hash)) return undefined;
  let payload = hash.slice(prefix.length);
  if (payload.length > linkMaxChars) return { ok: false, problem: 'link-too-long', detail: `${payload.length}` };
  if (payload.includes('%')) {
    // a link whose hash was percent-encoded on the way (a mail client, a chat)
    try {
      payload = decodeURIComponent(payload);
    } catch {
      return { ok: false, problem: 'damaged' };
    }
  }
  const inflated = inflateLink(payload, linkMaxDecodedChars);
  if (!inflated.ok) return { ok: false, problem: inflated.error };
  let value: unknown;
  try {
    value = JSON.parse(inflated.text);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  return stateOf(value, workspace);
}

function stateOf(value: unknown, workspace: ReadonlySet<string>): ShareLinkRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'invalid-state' };
  const record = value as Record<string, unknown>;
  const v = record['v'];
  if (typeof v === 'number' && v > version) return { ok: false, problem: 'unsupported-version' };
  const known = typeof v === 'number' ? fields[v] : undefined;
  if (!known) return { ok: false, problem: 'invalid-state', detail: 'v' };
  // Own keys only: JSON.parse makes "__proto__" an own key, so it is refused here like any other stranger.
  for (const key of Object.keys(record)) if (!known.has(key)) return { ok: false, problem: 'invalid-state', detail: excerpt(key) };
  const { caseText } = record;
  if (typeof caseText !== 'string') return { ok: false, problem: 'invalid-state', detail: 'caseText' };
  const files = v === 1 ? [[record['file'], record['text']]] : record['files'];
  const open = v === 1 ? record['file'] : record['open'];
  if (typeof open !== 'string') return { ok: false, problem: 'invalid-state', detail: v === 1 ? 'file' : 'open' };
  if (!Array.isArray(files) || files.length > linkMaxFiles) return { ok: false, problem: 'invalid-state', detail: 'files' };
  const read: SharedState['files'] = [];
  const seen = new Set<string>();
  for (const entry of files as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return { ok: false, problem: 'invalid-state', detail: 'files' };
    const [file, text] = entry as unknown[];
    if (typeof file !== 'string') return { ok: false, problem: 'invalid-state', detail: v === 1 ? 'file' : 'files' };
    if (typeof text !== 'string') return { ok: false, problem: 'invalid-state', detail: v === 1 ? 'text' : 'files' };
    if (!isAcceptableFileName(file, workspace)) return { ok: false, problem: 'unsafe-file-name', detail: excerpt(file) };
    if (seen.has(file)) return { ok: false, problem: 'invalid-state', detail: excerpt(file) };
    seen.add(file);
    read.push({ file, text });
  }
  if (!isAcceptableFileName(open, workspace)) return { ok: false, problem: 'unsafe-file-name', detail: excerpt(open) };
  return { ok: true, state: { open, files: read, caseText } };
}

/** `chars`: the state's or link's length, or for too many files their number. */
export type ShareLinkMade = { ok: true; hash: string } | { ok: false; problem: 'too-large' | 'link-too-long' | 'too-many-files'; chars: number };

/** The share hash of a state, or why it would be refused when opened (too large, too long a link, too many files). */
export function makeShareLink(s: SharedState): ShareLinkMade {
  if (s.files.length > linkMaxFiles) return { ok: false, problem: 'too-many-files', chars: s.files.length };
  const json = JSON.stringify({ v: version, open: s.open, files: s.files.map((f) => [f.file, f.text]), caseText: s.caseText });
  if (json.length > linkMaxDecodedChars) return { ok: false, problem: 'too-large', chars: json.length };
  const payload = compressToEncodedURIComponent(json);
  if (payload.length > linkMaxChars) return { ok: false, problem: 'link-too-long', chars: payload.length };
  return { ok: true, hash: `${prefix}${payload}` };
}
