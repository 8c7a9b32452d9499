// An edit's impact, in the worker: every test case (bundled and written here) replayed against the
// bundled rule set and the edited one, and the cases whose decision or criterion statuses differ.
// The bundled side of each case is kept, so only the edited side runs again after the next edit.
import type { RuleSet } from '@guideline/language';
import type { Determination } from '@guideline/runtime';
import { impactShown } from '../limits.ts';
import type { Impact, ImpactChange } from '../protocol.ts';
import type { TestCase } from '../test-cases.ts';
import { decide } from './cases.ts';

/** A determination reduced to what an impact compares: the decision and each criterion's status. */
interface Outcome {
  decision: string;
  statuses: Map<string, string>;
}

const outcomeOf = (d: Determination | string): Outcome =>
  typeof d === 'string' ? { decision: 'invalid case', statuses: new Map() } : { decision: d.decision, statuses: new Map(d.criteria.map((c) => [c.id, c.status])) };

/** Bundled-side outcomes by rule set and case text: the baseline changes only when the bundled texts do. */
const remembered = new WeakMap<RuleSet, Map<string, Outcome>>();

async function baselineOf(rules: RuleSet, test: TestCase): Promise<Outcome> {
  let known = remembered.get(rules);
  if (!known) remembered.set(rules, (known = new Map()));
  const key = JSON.stringify(test.case);
  let o = known.get(key);
  if (!o) known.set(key, (o = outcomeOf(await decide(rules, test))));
  return o;
}

function compare(file: string, before: Outcome, after: Outcome): ImpactChange | undefined {
  const criteria: ImpactChange['criteria'] = [];
  for (const id of new Set([...before.statuses.keys(), ...after.statuses.keys()])) {
    const b = before.statuses.get(id) ?? 'absent';
    const a = after.statuses.get(id) ?? 'absent';
    if (a !== b) criteria.push({ id, before: b, after: a });
  }
  return before.decision !== after.decision || criteria.length ? { file, before: before.decision, after: after.decision, criteria } : undefined;
}

/** The cases an edit changes (at most `impactShown`), comparing the edited rule set with the bundled one. */
export async function impactOf(baseline: RuleSet | undefined, edited: RuleSet | undefined, editedFiles: string[], tests: readonly TestCase[]): Promise<Impact> {
  if (!editedFiles.length) return { edited: [], cases: tests.length, changes: [], changed: 0 };
  if (!baseline) return { edited: editedFiles, cases: tests.length, changes: [], changed: 0, broken: 'baseline' };
  if (!edited) return { edited: editedFiles, cases: tests.length, changes: [], changed: 0, broken: 'edited' };
  const changes: ImpactChange[] = [];
  let changed = 0;
  for (const test of tests) {
    const change = compare(test.file, await baselineOf(baseline, test), outcomeOf(await decide(edited, test)));
    if (change && changed++ < impactShown) changes.push(change);
  }
  return { edited: editedFiles, cases: tests.length, changes, changed };
}
