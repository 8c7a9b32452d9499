// Every command of the README's command-line section runs as written, through pnpm from the
// repository root, and exits as the README says: 0 unless its comment says `(exit N)`. The server
// is started on a free port (`--port 0` added) and stopped as Ctrl-C stops it, by its process group.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './support/bundled.ts';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The command line'));
const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
const commands = block
  .split('\n')
  .filter((l) => l.startsWith('pnpm '))
  .map((l) => {
    const [command, comment = ''] = l.split(/\s+#\s+/);
    return { line: l, args: command!.trim().split(/\s+/).slice(1), exit: Number(/\(exit (\d+)\)/.exec(comment)?.[1] ?? 0) };
  });
/** Files the examples write into the root, removed afterwards. */
const written = ['rules.json', 'decisions.jsonl', 'query.sql'];

describe('README: the command line', () => {
  afterAll(() => {
    for (const f of written) rmSync(join(root, f), { force: true });
  });

  it('has its examples, through pnpm --silent', () => {
    expect(commands.length).toBeGreaterThan(8);
    expect(commands.every((c) => c.args[0] === '--silent' && c.args[1] === 'guideline')).toBe(true);
  });

  // In order: `check --rules rules.json` reads what `compile -o rules.json` wrote.
  it.each(commands.filter((c) => c.args[2] !== 'serve').map((c) => [c.line, c] as const))('%s', (_, c) => {
    const r = spawnSync('pnpm', c.args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 });
    expect({ status: r.status, stderr: r.status === c.exit ? '' : r.stderr }).toEqual({ status: c.exit, stderr: '' });
    // Whatever a command says, it says it, with no stack trace.
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  });

  it.each(commands.filter((c) => c.args[2] === 'serve').map((c) => [c.line, c] as const))('%s (started, then stopped)', async (_, c) => {
    const proc = spawn('pnpm', [...c.args, '--port', '0'], { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    proc.stderr!.setEncoding('utf8');
    const started = await new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), 20_000);
      proc.stderr!.on('data', (chunk: string) => {
        err += chunk;
        if (err.includes('"event":"started"')) (clearTimeout(timer), done(true));
      });
    });
    process.kill(-proc.pid!, 'SIGINT');
    // 'close': once every process holding its stderr (pnpm and the server under it) is gone.
    await new Promise((done) => proc.once('close', done));
    expect(started).toBe(true);
    expect(err).toContain('"event":"stopped"');
  });

  it('prints nothing of pnpm on stdout, and nothing at all on stderr for a command that succeeds', () => {
    const r = spawnSync('pnpm', ['--silent', 'guideline', '--version'], { cwd: root, encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, expect.stringMatching(/^guideline \d+\.\d+\.\d+\n$/), '']);
  });

  it("prints nothing of pnpm for a command that fails either: stderr is the command's own, its exit status kept", () => {
    const r = spawnSync('pnpm', ['--silent', 'guideline', 'chek'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^guideline: unknown command 'chek'; did you mean 'check'\?/);
    expect(r.stderr).not.toMatch(/ELIFECYCLE|ERR_PNPM/);
  });
});
