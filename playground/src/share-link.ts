// Share links: the open guideline file and the case, as JSON compressed into the URL hash (lz-string).
// Reading one is bounded (link length, inflated size, stopped while inflating) and strict (exactly the
// state's fields, a safe file name), and a link that fails says which way it failed.
import { compressToEncodedURIComponent } from 'lz-string';
import { inflateLink } from './link-inflate.ts';
import { fileNameMaxChars, linkMaxChars, linkMaxDecodedChars } from './limits.ts';

export interface SharedState {
  file: string;
  text: string;
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
  /** JSON, but not the state's fields with their types. */
  | 'invalid-state'
  /** The file is neither a bundled file nor a safe guideline file name. */
  | 'unsafe-file-name';

export type ShareLinkRead = { ok: true; state: SharedState } | { ok: false; problem: ShareLinkProblem; detail?: string };

const prefix = '#share=';
const version = 1;
const fields = new Set(['v', 'file', 'text', 'caseText']);

/** guidelines/<folder>/.../<name>.guideline: lowercase words, digits, - and _, no dot segments. */
const safeFileName = /^guidelines\/(?:[a-z0-9][a-z0-9_-]*\/){0,8}[a-z0-9][a-z0-9_-]*\.guideline$/;

/** A file name a link or local storage may name: one of the workspace's files, or a safe pattern. */
export function isAcceptableFileName(name: string, workspace: ReadonlySet<string>): boolean {
  return workspace.has(name) || (name.length <= fileNameMaxChars && safeFileName.test(name));
}

/** Hostile text shortened for a message (shown as a text node, never as HTML). */
export const excerpt = (s: string, max = 60): string => JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);

export const isShareHash = (hash: string): boolean => hash.startsWith(prefix);

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
  // Own keys only: JSON.parse makes "__proto__" an own key, so it is refused here like any other stranger.
  for (const key of Object.keys(record)) if (!fields.has(key)) return { ok: false, problem: 'invalid-state', detail: excerpt(key) };
  if (typeof record['v'] === 'number' && record['v'] > version) return { ok: false, problem: 'unsupported-version' };
  if (record['v'] !== version) return { ok: false, problem: 'invalid-state', detail: 'v' };
  const { file, text, caseText } = record;
  if (typeof file !== 'string') return { ok: false, problem: 'invalid-state', detail: 'file' };
  if (typeof text !== 'string') return { ok: false, problem: 'invalid-state', detail: 'text' };
  if (typeof caseText !== 'string') return { ok: false, problem: 'invalid-state', detail: 'caseText' };
  if (!isAcceptableFileName(file, workspace)) return { ok: false, problem: 'unsafe-file-name', detail: excerpt(file) };
  return { ok: true, state: { file, text, caseText } };
}

export type ShareLinkMade = { ok: true; hash: string } | { ok: false; problem: 'too-large' | 'link-too-long'; chars: number };

/** The share hash of a state, or why it would be refused when opened (too large, or too long a link). */
export function makeShareLink(s: SharedState): ShareLinkMade {
  const json = JSON.stringify({ v: version, file: s.file, text: s.text, caseText: s.caseText });
  if (json.length > linkMaxDecodedChars) return { ok: false, problem: 'too-large', chars: json.length };
  const payload = compressToEncodedURIComponent(json);
  if (payload.length > linkMaxChars) return { ok: false, problem: 'link-too-long', chars: payload.length };
  return { ok: true, hash: `${prefix}${payload}` };
}
