// What replay leaves in the temporary folder: nothing, whether the run ends, fails on a revision git
// does not have, or is interrupted (Ctrl-C, SIGTERM) while a table's rows or the SQL engine's prepared
// cases, copies of the whole corpus, are there. Each run has a temporary folder of its own (TMPDIR).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRules, root } from './support/bundled.ts';
import { runCli, scratch } from './support/cli.ts';
import { libraryCases } from '../scripts/corpus/cases.ts';

const s = scratch('guideline-scratch-');
const guidelines = join(root, 'guidelines');
let runs = 0;
/** A temporary folder for one run. */
const tmp = (): string => {
  const dir = join(s.dir, `tmp-${++runs}`);
  mkdirSync(dir);
  return dir;
};
/** What a run left in its temporary folder (the scratch folders of every kind, and what is in them). */
const left = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String).sort();

const lines = [...libraryCases(bundledRules(), 20_000, 3)].map((c) => JSON.stringify(c));
const jsonl = s.file('cases.jsonl', lines.join('\n') + '\n');
// The same cases as a table: its columns named as case fields, a row each.
const csv = s.file('cases.csv', ['jurisdiction,asOf,request.treatment,request.visits', ...lines.map((l) => {
  const c = JSON.parse(l) as { jurisdiction: string; asOf: string; request: { treatment: string; visits?: number } };
  return `${c.jurisdiction},${c.asOf},${c.request.treatment},${c.request.visits ?? ''}`;
})].join('\n') + '\n');

/**
 * Runs replay, and sends it `signal` once its temporary folder holds a file (the corpus being
 * copied): resolves with the exit code, or the signal that ended it, and what it left there.
 */
function interrupted(args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; left: string[]; sent: boolean }> {
  const dir = tmp();
  const proc = spawn(process.execPath, [join(root, 'scripts/guideline.mjs'), 'replay', ...args], { cwd: root, stdio: 'ignore', env: { ...process.env, TMPDIR: dir, NO_COLOR: '1' } });
  let sent = false;
  const poll = setInterval(() => {
    if (!sent && left(dir).some((f) => f.includes('/'))) {
      sent = true;
      proc.kill(signal);
    }
  }, 10);
  return new Promise((done) =>
    proc.once('exit', (code, sig) => {
      clearInterval(poll);
      done({ code, signal: sig, left: left(dir), sent });
    }),
  );
}

describe('replay and its temporary folder', { timeout: 120_000 }, () => {
  it('leaves nothing behind when a revision is not in git', () => {
    const dir = tmp();
    const r = runCli(['replay', '--cases', jsonl, '--before', 'no-such-revision:guidelines', '--after', guidelines], { env: { TMPDIR: dir } });
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/^guideline: 'no-such-revision:guidelines': no such revision in git: 'no-such-revision'\n/)]);
    expect(left(dir)).toEqual([]);
  });

  it.each([
    ['a table, on SIGINT', ['--cases', csv, '--before', guidelines, '--after', guidelines, '--jobs', '1'], 'SIGINT'],
    ['a table, on SIGTERM', ['--cases', csv, '--rules', guidelines, '--jobs', '1'], 'SIGTERM'],
    ['the SQL engine, on SIGINT', ['--cases', jsonl, '--before', guidelines, '--after', guidelines, '--engine', 'sql'], 'SIGINT'],
  ] as const)('removes the copy of %s, and ends as the signal asks', async (_, args, signal) => {
    const r = await interrupted([...args], signal);
    expect(r.sent).toBe(true);
    expect([r.signal, r.left]).toEqual([signal, []]);
  });
});
