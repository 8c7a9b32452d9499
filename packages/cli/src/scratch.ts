// Scratch folders of a run, under the system's temporary folder: a table's rows as JSON Lines, the
// SQL engine's prepared cases, a rule set written out from git. Removed when the run is done with
// them, and also when it is interrupted (Ctrl-C, SIGTERM, a closed terminal), which would otherwise
// leave a copy of a whole corpus behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const open = new Set<string>();
const signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * A signal while scratch folders are open: they are removed, and the signal is given again with
 * this handler gone, so the process ends as it would have (130 after Ctrl-C, as shells show it).
 * A handler of the command's own (none of the commands that use scratch folders has one) would
 * keep it alive: then the signal is left to that handler.
 */
function interrupted(signal: NodeJS.Signals): void {
  for (const dir of open) rmSync(dir, { recursive: true, force: true });
  open.clear();
  for (const s of signals) process.removeListener(s, interrupted);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

/** Makes a scratch folder named `<prefix>XXXXXX` (the prefix says whose it is: `guideline-sql-`). */
export function makeScratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (open.size === 0) for (const s of signals) process.on(s, interrupted);
  open.add(dir);
  return dir;
}

/** Removes a scratch folder and what is in it. */
export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  if (!open.delete(dir) || open.size > 0) return;
  for (const s of signals) process.removeListener(s, interrupted);
}
