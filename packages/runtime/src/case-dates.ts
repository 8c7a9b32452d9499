// Dates of a case that are later than its review date. A `date` fact (an injury, a surgery, the start
// of a therapy, an examination: what has happened) is never after the review date, and the language
// reasons so: an unknown one is bounded by the review date, and the static analysis counts on it
// (grammar/SPEC.md, "Facts"). A case that gives one later is refused, naming the field: decided,
// its time since would be negative, and "within 6 months of surgery" would hold of a surgery not yet
// done. An `any date` (a date of service) may be later, and is not looked at. The published JSON
// Schema cannot compare two fields, so this is the one rule of the contract it does not state.
import type { CaseIssue } from './validate.ts';
import type { FieldNode } from './fields.ts';

/** The branches of a field tree that hold `date` fields, and those fields, found once a tree. */
type DateNode =
  | { kind: 'object'; fields: Map<string, DateNode> }
  | { kind: 'list'; of: DateNode }
  | { kind: 'date'; words: string };

const prunedOf = new WeakMap<FieldNode, DateNode | null>();

function pruned(root: FieldNode & { kind: 'object' }): DateNode | null {
  let p = prunedOf.get(root);
  if (p === undefined) prunedOf.set(root, (p = prune(root, true)));
  return p;
}

/** The part of a node that holds dates (null: none); the review date itself is not one of them. */
function prune(node: FieldNode, top = false): DateNode | null {
  switch (node.kind) {
    case 'list': {
      const of = prune(node.of);
      return of && { kind: 'list', of };
    }
    case 'value':
      if (node.type.kind === 'date' && !node.type.anyDate) return { kind: 'date', words: node.words ?? 'date' };
      // A yes-or-no documented as a record (history.priorLumbarSurgery) has fields of its own.
      return node.fields ? prune({ kind: 'object', fields: node.fields }) : null;
    case 'object': {
      const fields = new Map<string, DateNode>();
      for (const [k, child] of Object.entries(node.fields)) {
        if (top && k === 'asOf') continue;
        const p = prune(child);
        if (p) fields.set(k, p);
      }
      return fields.size ? { kind: 'object', fields } : null;
    }
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
  const dates = pruned(root);
  if (typeof asOf !== 'string' || !dates || !later(dates, input, asOf)) return none;
  const out: CaseIssue[] = [];
  name(dates, input, asOf, '', out);
  return out;
}

/** Whether a value holds a date later than `asOf` where the tree has one. */
function later(node: DateNode, v: unknown, asOf: string): boolean {
  switch (node.kind) {
    case 'date':
      return typeof v === 'string' && v > asOf;
    case 'list':
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) if (later(node.of, v[i], asOf)) return true;
      return false;
    case 'object': {
      if (v === null || typeof v !== 'object') return false;
      // By the case's keys, which are fewer than the fields that may hold a date (history has ten).
      const o = v as Record<string, unknown>;
      for (const k in o) {
        const child = node.fields.get(k);
        if (child !== undefined && Object.hasOwn(o, k) && later(child, o[k], asOf)) return true;
      }
      return false;
    }
  }
}

/** Each date later than `asOf`, as an issue at its field (`history.priorLumbarImaging[1].date`). */
function name(node: DateNode, v: unknown, asOf: string, at: string, out: CaseIssue[]): void {
  switch (node.kind) {
    case 'date':
      if (typeof v === 'string' && v > asOf) out.push({ field: at, message: `must be no later than the review date, asOf ${asOf}, got ${v}: the ${node.words} is a date of what has happened` });
      return;
    case 'list':
      if (Array.isArray(v)) v.forEach((x: unknown, i) => name(node.of, x, asOf, `${at}[${i}]`, out));
      return;
    case 'object':
      if (v === null || typeof v !== 'object') return;
      for (const [k, child] of node.fields) if (Object.hasOwn(v, k)) name(child, (v as Record<string, unknown>)[k], asOf, at ? `${at}.${k}` : k, out);
  }
}
