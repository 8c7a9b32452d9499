// Dates of a case that are later than its review date. A `date` fact (an injury, a surgery, the start
// of a therapy, an examination: what has happened) is never after the review date, and the language
// reasons so: an unknown one is bounded by the review date, and the static analysis counts on it
// (grammar/SPEC.md, "Facts"). A case that gives one later is refused, naming the field: decided,
// its time since would be negative, and "within 6 months of surgery" would hold of a surgery not yet
// done. An `any date` (a date of service) may be later, and is not looked at. The published JSON
// Schema cannot compare two fields, so this is the one rule of the contract it does not state.
import type { CaseIssue } from './validate.ts';
import type { FieldNode } from './fields.ts';

/** Where the dates of one kind are in a case: keys from the case down, `[]` for each item of a list. */
interface DatePath {
  steps: readonly string[];
  words: string;
}

const pathsOf = new WeakMap<FieldNode, DatePath[]>();

/** The field tree's `date` fields (not `any date`, not the review date itself), found once a tree. */
function datePaths(root: FieldNode & { kind: 'object' }): DatePath[] {
  let paths = pathsOf.get(root);
  if (!paths) {
    paths = [];
    collect(root, [], paths);
    paths = paths.filter((p) => !(p.steps.length === 1 && p.steps[0] === 'asOf'));
    pathsOf.set(root, paths);
  }
  return paths;
}

function collect(node: FieldNode, steps: string[], out: DatePath[]): void {
  switch (node.kind) {
    case 'object':
      for (const [k, child] of Object.entries(node.fields)) collect(child, [...steps, k], out);
      return;
    case 'list':
      collect(node.of, [...steps, '[]'], out);
      return;
    case 'value':
      if (node.type.kind === 'date' && !node.type.anyDate) out.push({ steps, words: node.words ?? steps.join('.') });
      // A yes-or-no documented as a record (history.priorLumbarSurgery) has fields of its own.
      for (const [k, child] of Object.entries(node.fields ?? {})) collect(child, [...steps, k], out);
  }
}

/** Shared by every case without a later date: frozen, so that no caller's push reaches the next case. */
const none: CaseIssue[] = Object.freeze([]) as unknown as CaseIssue[];

/**
 * The case's dates later than its review date, one issue each; none for a case without (the usual
 * case, which allocates nothing). Read only of a case whose fields have passed their check: every
 * date there is an ISO date, and ISO dates compare as texts.
 */
export function laterDates(root: FieldNode & { kind: 'object' }, input: unknown): CaseIssue[] {
  const asOf = (input as { asOf?: unknown }).asOf;
  if (typeof asOf !== 'string') return none;
  let out = none;
  for (const p of datePaths(root)) {
    walk(input, p.steps, 0, [], (v, items) => {
      if (typeof v !== 'string' || v <= asOf) return;
      if (out === none) out = [];
      out.push({ field: fieldName(p.steps, items), message: `must be no later than the review date, asOf ${asOf}, got ${v}: the ${p.words} is a date of what has happened` });
    });
  }
  return out;
}

/** Calls `found` with each value at `steps` and the indexes of the list items on the way (kept in `items`). */
function walk(v: unknown, steps: readonly string[], i: number, items: number[], found: (v: unknown, items: readonly number[]) => void): void {
  if (i === steps.length) return found(v, items);
  if (v === null || typeof v !== 'object') return;
  const step = steps[i]!;
  if (step === '[]') {
    if (!Array.isArray(v)) return;
    for (let k = 0; k < v.length; k++) {
      items.push(k);
      walk(v[k], steps, i + 1, items, found);
      items.pop();
    }
    return;
  }
  if (Object.hasOwn(v, step)) walk((v as Record<string, unknown>)[step], steps, i + 1, items, found);
}

/** A field's name as the case check writes it: `history.priorLumbarImaging[1].date`. */
function fieldName(steps: readonly string[], items: readonly number[]): string {
  let out = '';
  let k = 0;
  for (const s of steps) out = s === '[]' ? `${out}[${items[k++]}]` : out ? `${out}.${s}` : s;
  return out;
}
