// The rule sets replay compares, from what people have: a compiled artifact (.json), guideline
// files or folders, or either at a git revision (`<rev>:<path>`, as git names a file at a commit).
import { existsSync } from 'node:fs';
import type { RuleSet } from '@guideline/language';
import { ruleSet } from '../commands/check.ts';
import { atRevisions, notFound, revisionOf } from '../revision.ts';

/** A rule set named on the command line; undefined when it did not compile or load (the errors are printed). */
export async function loadRules(spec: string): Promise<RuleSet | undefined> {
  if (!existsSync(spec) && !revisionOf(spec)) throw notFound(spec);
  const { paths, shownAs, remove } = atRevisions([spec]);
  try {
    const at = paths[0]!;
    return await (at.endsWith('.json') ? ruleSet([], at, shownAs) : ruleSet([at], undefined, shownAs));
  } finally {
    remove();
  }
}
