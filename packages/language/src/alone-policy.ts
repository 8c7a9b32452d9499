// The policies guidelines are decided under when they come without one of their own: those of a
// library that consult them, or, when none does, a stand-in policy for each of the library's
// jurisdictions that consults them alone. The CLI decides a lone guideline file this way (check,
// test, analyze), and the playground analyses a guideline no policy of its workspace consults so.
import { lex } from './lexer.ts';
import { matchesPattern, type SourceText } from './pipeline.ts';

/** The file name of the stand-in policy, as an artifact records it and findings name it. */
export const alonePolicyFile = '(guidelines alone)';

/**
 * A file's text with its strings and comments blanked, its lines kept: what it declares (a line
 * that begins `policy`, `guideline`, `uses`), not what its texts say (a rationale whose wrapped
 * line begins with the word policy declares nothing).
 */
export function declaringText(text: string): string {
  const blank = (t: string): string => t.replace(/[^\n]/g, ' ');
  let out = '';
  let at = 0;
  for (const t of lex(text).tokens) {
    out += blank(text.slice(at, t.startOffset)) + (t.tokenType.name === 'StringLiteral' ? blank(t.image) : t.image);
    at = t.startOffset + t.image.length;
  }
  return out + blank(text.slice(at));
}

/** The jurisdiction a policy file's (declaring) text governs, upper case; '' without one. */
const jurisdictionOf = (code: string): string => /^\s*jurisdiction\s+(\S+)/m.exec(code)?.[1]?.toUpperCase() ?? '';

/** Whether a policy's (declaring) text has a step pattern that matches one of the guideline ids. */
function consults(policy: string, ids: readonly string[]): boolean {
  const patterns = [...policy.matchAll(/^\s*(?:first|then)\s+(.+)$/gm)].flatMap((m) => m[1]!.split(',').map((p) => p.trim()));
  return patterns.some((p) => ids.some((id) => matchesPattern(p, id)));
}

/** A policy for a jurisdiction that consults the given guidelines alone, in the order given. */
function alonePolicy(jurisdiction: string, ids: readonly string[]): string {
  return `policy alone-${jurisdiction.toLowerCase()} "The guidelines under test, alone"\n  jurisdiction ${jurisdiction}\n  first ${ids.join(', ')}\n`;
}

/**
 * The policies the guidelines `ids` are decided under, of a library's policy files `policies`: with
 * `jurisdictions` (the cases'), the files of those jurisdictions that consult one of the guidelines,
 * and for each other jurisdiction a stand-in that consults the guidelines alone; without, every file,
 * unless none consults the guidelines, and then a stand-in for each of the files' jurisdictions.
 * The stand-ins are one file, `alonePolicyFile`.
 */
export function policiesFor<S extends SourceText>(ids: readonly string[], policies: readonly S[], jurisdictions?: readonly string[]): { borrowed: S[]; alone?: SourceText } {
  const codes = policies.map((s) => declaringText(s.text));
  const wanted = jurisdictions
    ? new Set(jurisdictions.map((j) => j.toUpperCase()))
    : codes.some((c) => consults(c, ids)) ? undefined : new Set(codes.map(jurisdictionOf));
  const borrowed: S[] = [];
  const covered = new Set<string>();
  policies.forEach((s, i) => {
    const jurisdiction = jurisdictionOf(codes[i]!);
    if (wanted && (!wanted.has(jurisdiction) || !consults(codes[i]!, ids))) return;
    borrowed.push(s);
    covered.add(jurisdiction);
  });
  const alone = [...(wanted ?? [])].filter((j) => !covered.has(j) && /^[A-Z]{2,8}$/.test(j));
  if (!alone.length || !ids.length) return { borrowed };
  return { borrowed, alone: { text: alone.map((j) => alonePolicy(j, ids)).join('\n'), file: alonePolicyFile } };
}
