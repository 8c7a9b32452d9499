// A witness made a case: each variable's value written to the case field the runtime reads it from
// (a body region as a body part that names it, classes as diagnoses or a surgery whose words or
// codes match them, requested visits as request.visits), and whatever the cell leaves open left out.
import type { Solution } from './cell.ts';
import { bodyPartFor, isoDate } from './calendar.ts';
import { OTHER, UNKNOWN, type FiniteVar, type NumVar, type Space } from './space.ts';

/** Fields of the request the requested-* computations read, by computation. */
const requestFields: Record<string, string> = { 'requested-visits': 'request.visits', 'requested-frequency': 'request.frequencyPerWeek', 'requested-weeks': 'request.weeks' };

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = root;
  for (const p of parts.slice(0, -1)) {
    const next = at[p];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) at[p] = {};
    at = at[p] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]!] = value;
}

/** A text no condition on the variable names (for "any other text"). */
function otherText(v: FiniteVar): string {
  let s = v.id === 'jurisdiction' ? 'ZZ' : v.id === 'request.treatment' ? 'other-treatment' : 'other';
  // Tables compare texts without regard to case: any other text must equal none in any case.
  while (v.values.some((x) => x.toLowerCase() === s.toLowerCase())) s += '-x';
  return s;
}

/** The case a solution describes. */
export function caseOf(space: Space, s: Solution): Record<string, unknown> {
  const out: Record<string, unknown> = { jurisdiction: 'ZZ', asOf: isoDate(s.num.get(space.numVar('asOf')!.index)!), request: { treatment: 'other-treatment' } };
  for (const [i, value] of s.fin) {
    const v = space.vars[i]!;
    if (v.kind !== 'finite' || value === UNKNOWN || v.id.startsWith('?') || v.id.startsWith('row:')) continue;
    const def = space.defs.get(v.id);
    const text = value === OTHER ? otherText(v) : value;
    if (v.id === 'jurisdiction' || v.id === 'request.treatment' || v.id === 'review') setPath(out, v.id, text);
    else if (def?.builtin === 'body-region') {
      const part = bodyPartFor(value);
      if (part) setPath(out, 'request.bodyPart', part);
    } else if (def?.field) setPath(out, def.field, def.type.kind === 'yes-no' ? value === 'yes' : text);
  }
  for (const [i, n] of s.num) {
    const v = space.vars[i] as NumVar;
    const flag = v.known && s.fin.get(v.known.index);
    if (v.known && flag !== 'known') continue;
    const def = space.defs.get(v.id);
    const field = v.id === 'asOf' ? undefined : v.id === 'request.serviceDate' || v.id === 'request.visits' ? v.id : def?.builtin ? requestFields[def.builtin] : def?.field;
    if (field) setPath(out, field, v.date ? isoDate(n) : n);
  }
  for (const [kind, items] of s.sets) {
    if (items === 'unknown') continue;
    if (kind === 'diagnosis') out['diagnoses'] = items.map((a) => (a.code ? { icd10: a.code } : { text: a.text! }));
    else if (kind === 'procedure') {
      const texts = items.map((a) => a.text!).filter(Boolean);
      setPath(out, 'surgery.procedure', texts.length ? texts.join('; ') : space.sets.unmatched('procedure'));
    } else {
      const def = space.defs.get(kind.slice(5));
      if (def?.type.kind === 'records') setPath(out, def.field!, items.map(() => sampleItem(space, def.type.kind === 'records' ? def.type.record : '', out['asOf'] as string)));
      else if (def?.field) setPath(out, def.field, items.map((a) => a.text!));
    }
  }
  return out;
}

/** An item of a list of records: its first field of a plain type given (an item must give one). */
function sampleItem(space: Space, record: string, asOf: string): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const f of space.records.get(record)?.fields ?? []) {
    if (!f.field) continue;
    const t = f.type;
    const value = t.kind === 'number' ? Math.max(t.min ?? 0, Math.min(t.max ?? 0, 0)) : t.kind === 'text' ? 'x' : t.kind === 'enum' ? t.values[0] : t.kind === 'yes-no' ? true : t.kind === 'date' ? asOf : undefined;
    if (value === undefined) continue;
    setPath(item, f.field, value);
    break;
  }
  return item;
}
