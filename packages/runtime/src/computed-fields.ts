// Case fields that name what the engine computes rather than reads (weeks of conservative care,
// months since the injury, an item's morphine equivalents): found from the rule set's facts and
// marked on the field tree, so that such a field is refused as computed, naming the field it is
// computed from, rather than as a misspelling of its nearest neighbour.
import { caseKey, type FactDef } from '@guideline/language/rules';
import type { FieldNode } from './fields.ts';

type ObjectNode = FieldNode & { kind: 'object' };

const units = ['days', 'weeks', 'months', 'years'];
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The object node at a dotted path (an item's object for `list[]`), if there is one. */
function objectAt(root: ObjectNode, path: readonly string[]): ObjectNode | undefined {
  let node: FieldNode | undefined = root;
  for (const p of path) {
    if (node?.kind === 'list') node = node.of;
    const fields: Record<string, FieldNode> | undefined = node?.kind === 'object' ? node.fields : node?.kind === 'value' ? node.fields : undefined;
    node = fields && Object.hasOwn(fields, p) ? fields[p] : undefined;
  }
  if (node?.kind === 'list') node = node.of;
  return node?.kind === 'object' ? node : undefined;
}

/** Marks `key` on an object as computed from `from`, unless it is a field of the object or already marked. */
export function mark(node: ObjectNode | undefined, key: string, from: string): void {
  if (!node || !key || Object.hasOwn(node.fields, key)) return;
  (node.computed ??= {})[key] ??= from;
}

/** Marks the key `id` (`dressings[].coverage`: a key of each item) as computed from `from`. */
export function markComputedAs(root: ObjectNode, id: string, from: string): void {
  const path = id.replace(/\[\]/g, '').split('.');
  mark(objectAt(root, path.slice(0, -1)), path[path.length - 1]!, from);
}

/**
 * Marks on `root` the keys that name a computed fact of `facts`: a time since one of their dates
 * (`conservativeCareWeeks` from `history.conservativeCareStartDate`, `monthsSinceInjury` from
 * `injury.date`: in the date's object and in `history`), a fact computed from other fields by the
 * runtime (`morphineEquivalents` of a medication, from its `dailyDose`), by its words or its id, and
 * a fact or record field a vocabulary computes by an expression (`computed as`), by its id.
 */
export function markComputed(root: ObjectNode, facts: readonly FactDef[]): void {
  for (const f of facts) {
    if (f.computedAs !== undefined) markComputedAs(root, f.id, f.inputs.join(', ') || f.computedAs);
    else if (f.type.kind === 'date' && f.field && !f.id.includes('[].')) {
      const path = f.field.split('.');
      const last = path[path.length - 1]!;
      const stem = last === 'date' ? (path[path.length - 2] ?? '') : last.replace(/(Start)?Date$/, '');
      if (!stem || stem === last) continue;
      for (const at of [objectAt(root, path.slice(0, -1)), objectAt(root, ['history'])]) {
        for (const unit of units) {
          mark(at, `${stem}${capital(unit)}`, f.field);
          mark(at, `${unit}Since${capital(stem)}`, f.field);
        }
      }
    } else if (f.builtin && f.inputs.length && !f.inputs.includes(f.field ?? f.id)) {
      // An item's fact (`medications[].morphineEquivalents`) reads fields of its item.
      const item = f.id.indexOf('[].');
      const path = f.id.split('.');
      const at = objectAt(root, path.slice(0, -1).map((p) => p.replace(/\[\]$/, '')));
      const from = f.inputs.map((i) => (item >= 0 ? `${f.id.slice(0, item)}[].${i}` : i)).join(', ');
      mark(at, path[path.length - 1]!, from);
      mark(at, caseKey(f.words), from);
    }
  }
}
