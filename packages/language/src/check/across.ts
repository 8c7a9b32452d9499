// Checks across the files of a program: what one file says of another's guidelines (policy
// patterns, tests of the guideline that governs), policies that hide each other, guidelines no
// policy consults, editions of a guideline in force together. Reports; never throws.
import type * as A from '../ast.ts';
import { walk } from '../walk.ts';
import type { CheckedGuideline, CheckedPolicy, ParsedFile, ProgramModel } from './program.ts';
import type { Reporters } from './vocabularies.ts';

/** Whether a guideline id matches a policy pattern: `mtus.*` matches every id under `mtus.`. */
export function matchesPattern(pattern: string, id: string): boolean {
  if (pattern.endsWith('.*')) return id.startsWith(pattern.slice(0, -1));
  return pattern === id;
}

/**
 * Checks across files: policy patterns, policies hidden by another, guidelines no policy consults,
 * editions in force together, tests of the governing guideline that name none.
 */
export function checkAcrossFiles(files: readonly ParsedFile[], model: ProgramModel, reporters: Reporters): void {
  const ids = [...new Set(model.guidelines.map((g) => g.decl.id.text))];
  checkGoverningIds(files, model, ids, reporters);
  for (const p of model.policies) {
    for (const pat of p.decl.steps.flat()) if (!ids.some((id) => matchesPattern(pat.text, id))) reporters(p.file)('C311', pat, { pattern: pat.text });
  }
  const byJurisdiction = new Map<string, CheckedPolicy>();
  for (const p of model.policies) {
    const j = p.decl.jurisdiction?.text.toUpperCase();
    if (!j) continue;
    const first = byJurisdiction.get(j);
    if (first) reporters(p.file)('C321', p.decl.name, { name: p.decl.name.text, other: first.decl.name.text, file: first.file, jurisdiction: j });
    else byJurisdiction.set(j, p);
  }
  if (model.policies.length) {
    const reported = new Set<string>();
    for (const g of model.guidelines) {
      const id = g.decl.id.text;
      if (reported.has(id) || model.policies.some((p) => p.decl.steps.flat().some((pat) => matchesPattern(pat.text, id)))) continue;
      reported.add(id);
      reporters(g.file)('C322', g.decl.id, { id });
    }
  }
  const editions = new Map<string, CheckedGuideline[]>();
  for (const g of model.guidelines) editions.set(g.decl.id.text, [...(editions.get(g.decl.id.text) ?? []), g]);
  for (const [id, list] of editions) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = window(list[i]!);
        const b = window(list[j]!);
        const from = a.from > b.from ? a.from : b.from;
        const to = a.to < b.to ? a.to : b.to;
        if (from <= to) reporters(list[j]!.file)('C324', list[j]!.decl.edition ?? list[j]!.decl.id, { id, first: list[i]!.decl.edition?.text ?? '(none)', second: list[j]!.decl.edition?.text ?? '(none)', date: from === '0000-00-00' ? 'every date before ' + to : from });
      }
    }
  }
}

/** An edition's in-force window (inherited from the edition it revises when it states none). */
function window(g: CheckedGuideline): { from: string; to: string } {
  for (let e: CheckedGuideline | undefined = g; e; e = e.base) {
    if (e.decl.inForce) return { from: e.decl.inForce.from.text, to: e.decl.inForce.to?.text ?? '9999-12-31' };
  }
  return { from: '0000-00-00', to: '9999-12-31' };
}

/** The id of the fact that names the guideline that governs (the core vocabulary's `governing id`). */
const GOVERNING_ID = 'governingId';

/** `governing id is "..."` with an id no guideline has is never true: a misspelt id, most likely. */
function checkGoverningIds(files: readonly ParsedFile[], model: ProgramModel, ids: readonly string[], reporters: Reporters): void {
  for (const f of files) {
    if (f.standard) continue;
    walk(f.ast, (n: A.Node) => {
      if (n.kind !== 'IsValuesExpr' || n.subject.kind !== 'FactRef') return;
      const sym = model.resolved.get(n.subject);
      if (sym?.kind !== 'fact' || sym.id !== GOVERNING_ID) return;
      for (const v of n.values) if (!ids.includes(v.text)) reporters(f.file)('C311', v, { pattern: v.text });
    });
  }
}
