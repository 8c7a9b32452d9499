// The guidelines after an illustrative next edition (docs/replay/physical-medicine-2016.guideline):
// a copy of guidelines/ in which the 2009 MTUS physical medicine edition ends where the 2016 one begins.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Writes the guidelines with the next edition to `dir` (replacing what is there). */
export function writeNextEdition(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'guidelines'), dir, { recursive: true, filter: (p) => !p.endsWith('.json') });
  const pm = join(dir, 'mtus/chronic-pain-physical-medicine');
  const base = join(pm, 'chronic-pain-physical-medicine.guideline');
  const text = readFileSync(base, 'utf8');
  const dated = text.replace(/^  in force 2009-07-18 to \d{4}-\d{2}-\d{2}\n/m, '  edition  2009\n  in force 2009-07-18 to 2015-12-31\n');
  if (dated === text) throw new Error(`${base} no longer has the in-force line this script edits`);
  writeFileSync(base, dated);
  cpSync(join(root, 'docs/replay/physical-medicine-2016.guideline'), join(pm, 'physical-medicine-2016.guideline'));
}
