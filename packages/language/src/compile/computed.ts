// The facts and record fields a vocabulary computes by an expression (`computed as`): keys a case
// never gives. Each comes with the key a case would spell it by and the case fields its expression
// reads, found through the names it uses (other computed names included) in the scope it is read in.
import { caseKey } from '../artifact.ts';
import type * as A from '../ast.ts';
import type { DefineSym, Scope } from '../check/symbols.ts';
import type { VocabularyInfo } from '../check/vocabularies.ts';
import { children } from '../walk.ts';

export interface ComputedField {
  /** The key a case would give it by: its words in lower camel case, `<list>[].<key>` for a record's field. */
  id: string;
  sym: DefineSym;
  /** The case fields its expression reads (an item's as `<list>[].<field>`), in the order read. */
  inputs: string[];
}

/** The vocabulary's own `computed as` facts, and the `computed as` fields of the records its list facts hold. */
export function computedFields(v: VocabularyInfo): ComputedField[] {
  const out: ComputedField[] = [];
  for (const f of v.decl.facts) {
    const sym = f.computedAs && f.words.text ? v.own.lookup(f.words.text) : undefined;
    if (sym?.kind === 'define') out.push({ id: caseKey(sym.words), sym, inputs: fieldsRead(sym) });
  }
  for (const s of v.own.all()) {
    if (s.kind !== 'fact' || s.ty.kind !== 'list' || s.ty.of.kind !== 'record' || !('field' in s.source)) continue;
    for (const c of s.ty.of.record.computed.values()) {
      if (c.kind === 'define') out.push({ id: `${s.id}[].${caseKey(c.words)}`, sym: c, inputs: fieldsRead(c) });
    }
  }
  return out;
}

/** The case fields `sym`'s expression reads, an item's as `<list>[].<field>` (its id in the item's scope). */
function fieldsRead(sym: DefineSym): string[] {
  const out = new Set<string>();
  const seen = new Set<DefineSym>([sym]);
  const visit = (n: A.Node, scope: Scope): void => {
    if (n.kind === 'FactRef') {
      const s = scope.lookup(n.name);
      if (s?.kind === 'define' && !seen.has(s) && s.decl.expr) {
        seen.add(s);
        visit(s.decl.expr, s.scope);
      } else if (s?.kind === 'fact' && 'field' in s.source) {
        out.add(s.id.includes('[].') ? s.id : s.source.field); // an item's field is read by `<list>[].<field>`
      }
    }
    for (const c of children(n)) visit(c, scope);
  };
  if (sym.decl.expr) visit(sym.decl.expr, sym.scope);
  return [...out];
}
